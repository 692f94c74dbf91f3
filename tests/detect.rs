//! Detection fixtures (`tests/fixtures/detect/cases.toml`), run natively through the same
//! pipeline as `unscored scan`: HTML5 parse, candidates for the engine's plan, findings.
//! Each case says where its shape was seen. The count at the end catches a shrinking suite.

use serde::Deserialize;
use std::collections::BTreeMap;
use unscored::catalog::Catalog;
use unscored::engine::EngineBuilder;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Cases {
    case: Vec<Case>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    name: String,
    /// Address of the page the HTML is served at.
    url: String,
    /// The page's HTML (a fragment is fine: the HTML5 parser completes it).
    #[serde(default)]
    html: String,
    /// What must be found, as "kind:service" (service `-` for none); empty for negatives.
    expect: Vec<String>,
    /// Where this shape was seen (a source URL or a description).
    seen: String,
}

const FIXTURE_CASES: usize = 265;

#[test]
fn detection_fixtures() {
    let text =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/detect/cases.toml")).unwrap();
    let cases: Cases = toml::from_str(&text).unwrap_or_else(|e| panic!("cases.toml: {e}"));
    let engine = EngineBuilder::new(Catalog::embedded()).build();
    let mut names = BTreeMap::new();
    let mut failures = Vec::new();
    for case in &cases.case {
        assert!(names.insert(case.name.clone(), ()).is_none(), "duplicate case name {}", case.name);
        assert!(!case.seen.trim().is_empty(), "{}: say where this shape was seen", case.name);
        let plan = engine.plan(&case.url);
        let (candidates, page) = unscored::html::collect(&case.html, &plan);
        let mut got: Vec<String> = engine
            .findings(&case.url, &plan, &candidates, &page)
            .iter()
            .map(|f| format!("{}:{}", f.kind, f.service.as_deref().unwrap_or("-")))
            .collect();
        let mut want = case.expect.clone();
        got.sort();
        want.sort();
        if got != want {
            failures.push(format!("{}: expected {want:?}, found {got:?}", case.name));
        }
    }
    assert!(
        failures.is_empty(),
        "{} of {} fixtures failed:\n{}",
        failures.len(),
        cases.case.len(),
        failures.join("\n")
    );
    let positives = cases.case.iter().filter(|c| !c.expect.is_empty()).count();
    println!("{} fixtures ({positives} positive, {} negative)", cases.case.len(), cases.case.len() - positives);
    assert_eq!(cases.case.len(), FIXTURE_CASES, "fixture count changed: update FIXTURE_CASES if that was meant");
}
