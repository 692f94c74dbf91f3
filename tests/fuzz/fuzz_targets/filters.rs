//! Cosmetic-filter lists: any UTF-8 must parse without panicking, and the set built from
//! the good rules must answer for any host.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unscored::filters::{parse_filter, parse_list, FilterSet};

fuzz_target!(|text: &str| {
    let (filters, errors) = parse_list(text);
    for e in &errors {
        assert!(e.line >= 1 && e.column >= 1);
        let _ = e.to_string();
    }
    // Every parsed rule must parse again to the same filter.
    for f in &filters {
        assert_eq!(parse_filter(&f.raw).ok().flatten().as_ref(), Some(f));
        assert!(!f.selector.is_empty());
        let _ = f.text_matches(text);
    }
    let set = FilterSet::new(filters);
    assert!(set.len() + errors.len() <= text.lines().count());
    let first_line = text.lines().next().unwrap_or("");
    for host in ["example.com", "www.Sub.Example.COM.", "", ".", "a..b", "bücher.de", first_line] {
        for f in set.selectors_for(host) {
            assert!(!f.exception);
            assert!(f.applies_to(host));
        }
    }
});
