//! Catalog URL patterns against URLs: input is `pattern\nurl`; nothing may panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unscored::patterns::UrlPattern;
use unscored::urls::Url;

fuzz_target!(|input: &str| {
    let (pattern, url) = input.split_once('\n').unwrap_or((input, ""));
    let Ok(p) = UrlPattern::parse(pattern) else { return };
    let _ = (p.host(), p.any_subdomain());
    let Ok(u) = Url::parse(url) else { return };
    let _ = p.matches(&u);
    let _ = (u.query_pairs().count(), u.segments().count(), u.host_is_within(p.host()));
});
