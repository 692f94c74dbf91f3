//! Parses a whole sample list the way a user would paste one, and queries it per host.

use unscored::filters::{parse_filter, parse_list, FilterSet};

const SAMPLE: &str = include_str!("fixtures/filters/sample.txt");

fn selectors(set: &FilterSet, host: &str) -> Vec<String> {
    set.selectors_for(host).iter().map(|f| f.selector.clone()).collect()
}

#[test]
fn sample_list_keeps_good_rules_and_reports_bad_ones() {
    let (filters, errors) = parse_list(SAMPLE);
    assert_eq!(filters.len(), 6);
    let report: Vec<String> = errors.iter().map(ToString::to_string).collect();
    assert_eq!(
        report,
        [
            "line 16, column 1: `||ads.example^` — network filters are not supported, only cosmetic ones: \
             `##selector`, `example.com##selector`, `#@#selector`",
            "line 17, column 12: `example.com#?#div:-abp-has(.ad)` — `#?#` extended filters are not supported; \
             write `##` (`:has-text()` works there)",
            "line 18, column 27: `example.com##div:has-text(/score/i)` — regex :has-text is not supported; \
             write plain text (it is matched case-insensitively as a substring)",
            "line 19, column 17: `example.com##div[data-x` — unclosed `[`",
        ]
    );

    let set = FilterSet::new(filters);
    assert_eq!(set.len(), 6);
    assert_eq!(selectors(&set, "example.org"), [".credit-score-widget", "div[data-widget=\"score\"]"]);
    assert_eq!(selectors(&set, "www.Klout.com"), ["div[data-widget=\"score\"]", ".profile-score", ".badge"]);
    assert_eq!(selectors(&set, "help.klout.com"), ["div[data-widget=\"score\"]", ".profile-score"]);
    assert_eq!(
        selectors(&set, "peekyou.com"),
        [".credit-score-widget", "div[data-widget=\"score\"]", ".profile-score"]
    );

    let on = set.selectors_for("rocketreach.co");
    let card = on.iter().find(|f| f.has_text.is_some()).unwrap();
    assert_eq!(card.selector, "div.card");
    assert!(card.text_matches("Jane Doe — CONTACT INFO available"));
    assert!(!card.text_matches("Jane Doe"));
}

#[test]
fn single_rule_errors_are_on_line_one() {
    let e = parse_filter("example.com##div:has-text(").unwrap_err();
    assert_eq!((e.line, e.column, e.problem.as_str()), (1, 17, "unclosed :has-text("));
    assert_eq!(parse_filter("! just a comment"), Ok(None));
}
