//! Detection measured on real material (`tests/realworld/`): embed codes, URLs and saved pages
//! taken from public code the project did not write, each row with its source. Rules are
//! written from the `tune` split; `check` only measures. Run with `--nocapture` for the table.

#[path = "realworld/corpus.rs"]
mod corpus;

use std::collections::BTreeSet;
use unscored::catalog::Catalog;
use unscored::engine::{Engine, EngineBuilder};

/// What the engine finds for one row, as `kind:service` (the same pipeline as `unscored scan`).
fn findings(engine: &Engine, row: &corpus::Row) -> BTreeSet<String> {
    let plan = engine.plan(&row.url);
    if row.kind == "url" {
        // A URL alone cannot tell a results page about one person: a name search is a listing,
        // which a row may name (the softer note) or leave out (`[]`, no profile).
        let named = row.expect.iter().any(|e| e.starts_with("listing:"));
        let listing = plan.name_search.iter().filter(|_| named).map(|s| format!("listing:{s}"));
        return plan.profile.iter().map(|s| format!("profile:{s}")).chain(listing).collect();
    }
    let html = row.document().unwrap_or_default();
    let (candidates, page) = unscored::html::collect(&html, &plan);
    engine
        .findings(&row.url, &plan, &candidates, &page)
        .iter()
        .map(|f| format!("{}:{}", f.kind, f.service.as_deref().unwrap_or("-")))
        .collect()
}

/// Every row of every file: a file that stops parsing or goes missing shows here.
const CORPUS_ROWS: usize = 6153;

/// Floors just under what `check` reaches: (kind, precision, recall). A change that makes
/// detection worse on material it was not written from fails here.
const CHECK_FLOORS: &[(&str, f64, f64)] = &[("widget", 0.91, 0.73), ("profile", 0.94, 0.87), ("score", 0.94, 0.58)];

#[test]
fn real_material() {
    let rows = corpus::load().unwrap_or_else(|p| panic!("{} problems in tests/realworld:\n{}", p.len(), p.join("\n")));
    let engine = EngineBuilder::new(Catalog::embedded()).build();
    let found: Vec<_> = rows.iter().map(|r| findings(&engine, r)).collect();
    let (tallies, wrong) = corpus::score(&rows, &found);
    println!("{}", corpus::table(&tallies));
    // `check` rows are counted, not listed: reading which ones miss is how a split gets tuned on.
    // UNSCORED_SHOW_CHECK=1 lists them when a floor fails and the cause must be found.
    let show_check = std::env::var_os("UNSCORED_SHOW_CHECK").is_some();
    let hidden = wrong.iter().filter(|w| w.starts_with("[check]")).count();
    for w in wrong.iter().filter(|w| show_check || !w.starts_with("[check]")) {
        println!("{w}");
    }
    if hidden > 0 && !show_check {
        println!("({hidden} check rows wrong, not listed)");
    }
    let mut below = Vec::new();
    for (kind, min_p, min_r) in CHECK_FLOORS {
        let t = tallies.get(&("check".to_string(), kind.to_string())).copied().unwrap_or_default();
        if t.precision() < *min_p || t.recall() < *min_r {
            below.push(format!(
                "{kind}: precision {:.3} (floor {min_p}), recall {:.3} (floor {min_r})",
                t.precision(),
                t.recall()
            ));
        }
    }
    assert!(below.is_empty(), "check split below its floors:\n{}", below.join("\n"));
}

/// The background builds its engine from the rules-only catalog (prose decoded later): it
/// must find exactly what the full catalog's engine finds, on every row.
#[test]
fn rules_only_catalog_finds_the_same() {
    let rows = corpus::load().unwrap_or_else(|p| panic!("{}", p.join("\n")));
    let full = EngineBuilder::new(Catalog::embedded()).build();
    let rules = EngineBuilder::new(Catalog::embedded_rules()).build();
    assert_eq!(full.plan_id(), rules.plan_id());
    let differ: Vec<String> =
        rows.iter().filter(|r| findings(&full, r) != findings(&rules, r)).map(|r| r.at.clone()).collect();
    assert!(differ.is_empty(), "rows judged differently by the rules-only engine: {differ:?}");
    assert_eq!(Catalog::embedded_rules().len(), Catalog::embedded().len());
}

#[test]
fn corpus_size_and_spread() {
    let rows = corpus::load().unwrap_or_else(|p| panic!("{}", p.join("\n")));
    let count = |k: &str| rows.iter().filter(|r| r.kind == k).count();
    // A URL row's service: the record whose domain holds its host, else the host itself.
    let catalog = Catalog::embedded();
    let service_of = |url: &str| -> String {
        let host = unscored::urls::Url::parse(url).map(|u| u.host).unwrap_or_default();
        catalog
            .records()
            .iter()
            .find(|r| r.domains.iter().any(|d| unscored::urls::host_within(&host, d)))
            .map_or(host, |r| r.id.clone())
    };
    let services: BTreeSet<String> = rows.iter().filter(|r| r.kind == "url").map(|r| service_of(&r.url)).collect();
    let check = rows.iter().filter(|r| r.split == "check").count();
    let repos: std::collections::BTreeMap<String, &str> =
        rows.iter().map(|r| (corpus::split_key(&r.source), r.split.as_str())).collect();
    let check_repos = repos.values().filter(|s| **s == "check").count();
    println!(
        "{} rows: {} url, {} snippet, {} page; URLs of {} services; check: {} rows, {} of {} sources",
        rows.len(),
        count("url"),
        count("snippet"),
        count("page"),
        services.len(),
        check,
        check_repos,
        repos.len()
    );
    assert_eq!(rows.len(), CORPUS_ROWS, "row count changed: update CORPUS_ROWS if that was meant");
    assert!(count("snippet") >= 200 && count("url") >= 350, "snippets {} urls {}", count("snippet"), count("url"));
    assert!(services.len() >= 120, "{} services", services.len());
    // The split is by source: a third of the sources measure. Rows are not spread evenly
    // over sources (one removal tool gives a hundred URLs), so the row share is only reported.
    assert!(check_repos * 3 >= repos.len(), "check holds {check_repos} of {} sources", repos.len());
}

/// A catalog pattern or widget rule written from a `check` source would make `check` measure
/// its own rules.
#[test]
fn no_pattern_cites_a_check_source() {
    let rows = corpus::load().unwrap_or_else(|p| panic!("{}", p.join("\n")));
    let check: BTreeSet<String> =
        rows.iter().filter(|r| r.split == "check").map(|r| corpus::split_key(&r.source)).collect();
    let mut bad = Vec::new();
    for r in Catalog::embedded().records() {
        let shapes = r.profile_pages.iter().flat_map(|p| p.patterns.iter().map(|s| (s.pattern.as_str(), &s.seen)));
        let widgets = r.widgets.iter().map(|w| ("its widget rule", &w.sources));
        for (rule, ids) in shapes.chain(widgets) {
            for id in ids {
                let Some(url) = r.sources.iter().find(|s| &s.id == id).and_then(|s| s.url.as_deref()) else { continue };
                let key = github_repo(url).unwrap_or_else(|| corpus::split_key(url));
                if check.contains(&key) {
                    bad.push(format!("{}: {rule} cites {id} ({key}), a check source", r.id));
                }
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
}

/// `https://github.com/owner/repo/...` → `owner/repo`, the corpus's split key for code.
fn github_repo(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://github.com/")?;
    let mut parts = rest.split('/');
    Some(format!("{}/{}", parts.next()?, parts.next()?).to_ascii_lowercase())
}
