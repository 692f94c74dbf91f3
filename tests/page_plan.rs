//! The content script skips the background on ordinary pages, using the engine's
//! [`PagePlan`]: it must never skip a page the engine would plan differently. Checked on
//! every address the project knows: catalog examples, detection fixtures, the real-material
//! corpus and the consent-screen cases (provider screens and their copies).

#[path = "realworld/corpus.rs"]
mod corpus;

use unscored::catalog::Catalog;
use unscored::engine::{EngineBuilder, PagePlan};

fn known_urls() -> Vec<String> {
    let mut urls = Vec::new();
    for r in Catalog::embedded().records() {
        if let Some(p) = &r.profile_pages {
            urls.extend(p.examples.iter().chain(&p.search_examples).chain(&p.not_examples).cloned());
        }
        if let Some(w) = &r.widgets {
            urls.extend(w.examples.iter().cloned());
        }
    }
    let cases: toml::Value = toml::from_str(include_str!("fixtures/detect/cases.toml")).unwrap();
    for c in cases["case"].as_array().unwrap() {
        urls.push(c["url"].as_str().unwrap().to_string());
    }
    urls.extend(corpus::load().unwrap_or_default().iter().map(|r| r.url.clone()));
    for line in include_str!("fixtures/consent/cases.txt").lines().filter(|l| !l.starts_with('#')) {
        if let Some(url) = line.split(" | ").nth(3) {
            urls.push(url.trim().to_string());
        }
    }
    urls
}

fn check(rules: &str, extra: &[&str]) -> (usize, usize) {
    let mut builder = EngineBuilder::new(Catalog::embedded());
    assert!(builder.custom_rules(rules).is_empty());
    let engine = builder.build();
    let page_plan: PagePlan = engine.page_plan();
    let mut urls = known_urls();
    urls.extend(extra.iter().map(|u| u.to_string()));
    let (mut skipped, mut wrong) = (0, Vec::new());
    for url in &urls {
        if page_plan.needs_engine(url) {
            continue;
        }
        skipped += 1;
        if engine.plan(url).for_page_side() != page_plan.plan {
            wrong.push(url.clone());
        }
    }
    assert!(
        wrong.is_empty(),
        "{} pages would be skipped but the engine plans them differently:\n{}",
        wrong.len(),
        wrong.join("\n")
    );
    (skipped, urls.len())
}

#[test]
fn ordinary_pages_are_planned_alike() {
    let (skipped, total) = check("", &[]);
    println!("{skipped} of {total} known addresses need no message to the background");
    // Most of the web is ordinary: blogs, shops, news, forums with a badge in a sidebar.
    assert!(skipped * 4 >= total, "only {skipped} of {total} addresses skip the background");
}

#[test]
fn a_site_with_its_own_rule_asks_the_background() {
    check(
        "example.org##.kudos\n~shop.example.net##.karma\n##.reputation-box",
        &["https://example.org/", "https://a.example.org/x", "https://shop.example.net/"],
    );
    let mut builder = EngineBuilder::new(Catalog::embedded());
    builder.custom_rules("example.org##.kudos");
    let pp = builder.build().page_plan();
    assert!(pp.needs_engine("https://www.example.org/page"));
    assert!(!pp.needs_engine("https://example.com/page"));
    // Copies of consent screens live anywhere: their query gives them away.
    assert!(pp.needs_engine("https://login-twitter.example/oauth/authorize?oauth_token=abc"));
}

#[test]
fn a_recruiting_tools_route_asks_the_background() {
    let pp = EngineBuilder::new(Catalog::embedded()).build().page_plan();
    assert!(pp.needs_engine("https://ats.example.com/jobs/42/candidates"));
    assert!(pp.needs_engine("https://ats.example.com/Recruiter/talent-pool?tab=2"));
    assert!(!pp.needs_engine("https://candidates.example.com/"));
    assert!(!pp.needs_engine("https://example.com/search?q=candidates"));
    assert!(!pp.needs_engine("https://example.com/candidatesoverview"));
    check(
        "",
        &["https://x.example?q=/candidates", "https://x.example/#/candidates", "https://x.example/jobs/candidates#top"],
    );
}

/// The page side runs one query for the groups it collects by CSS: the engine's cover of their
/// queries ([`ScanPlan::rare_query`]). It must select, on every real document the project
/// holds, exactly the elements the groups' own queries select, with custom rules too.
#[test]
fn the_rare_query_selects_what_the_groups_select() {
    use scraper::{Html, Selector};
    use unscored::engine::ScanPlan;
    let mut builder = EngineBuilder::new(Catalog::embedded());
    assert!(builder.custom_rules("##.reputation-box\n##[class*='karma-points' i]\n##.user-score").is_empty());
    let engine = builder.build();
    let cases: toml::Value = toml::from_str(include_str!("fixtures/detect/cases.toml")).unwrap();
    let mut docs: Vec<(String, String)> = cases["case"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["url"].as_str().unwrap().to_string(), c["html"].as_str().unwrap_or_default().to_string()))
        .collect();
    docs.extend(corpus::load().unwrap_or_default().iter().filter_map(|r| Some((r.url.clone(), r.document()?))));
    let (mut compared, mut selected) = (0, 0);
    for (url, html) in &docs {
        let plan: ScanPlan = engine.plan(url).for_page_side();
        let queries: Vec<&str> = plan
            .groups
            .iter()
            .filter(|g| g.kind != "text" && (g.kind != "embed" || g.words.is_empty()))
            .map(|g| g.selector.as_str())
            .collect();
        let union = Selector::parse(&queries.join(",")).unwrap();
        let cover = Selector::parse(&plan.rare_query).unwrap();
        assert!(plan.rare_query.len() < queries.join(",").len(), "{url}: the cover left nothing out");
        let doc = Html::parse_document(html);
        let ids = |s: &Selector| doc.select(s).map(|e| e.id()).collect::<Vec<_>>();
        let (want, got) = (ids(&union), ids(&cover));
        assert_eq!(want, got, "{url}: the rare query selects other elements than its groups");
        compared += 1;
        selected += want.len();
    }
    println!("{compared} documents, {selected} elements selected alike");
    assert!(compared > 700 && selected > 100, "only {compared} documents and {selected} elements compared");
}
