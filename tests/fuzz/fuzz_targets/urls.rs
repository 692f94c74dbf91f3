//! URL splitting: any UTF-8 through `Url::parse`, then its query pairs and path segments.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unscored::urls::Url;

fuzz_target!(|s: &str| {
    let Ok(u) = Url::parse(s) else { return };
    let _ = u.query_pairs().count();
    let _ = u.segments().count();
});
