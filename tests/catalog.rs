//! The catalog as data: the real records lint clean, every example URL is a matcher test,
//! and broken records get the exact message a contributor needs.

use unscored::catalog::lint::{lint_dir, lint_sources};
use unscored::catalog::Catalog;
use unscored::engine::EngineBuilder;
use unscored::urls::Url;

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/catalog/services");

fn klout() -> String {
    std::fs::read_to_string(format!("{DIR}/klout.toml")).unwrap()
}

/// Lints one edited copy of klout.toml and returns the messages as printed.
fn lint_edited(from: &str, to: &str) -> Vec<String> {
    let text = klout();
    assert!(text.contains(from), "klout.toml no longer contains {from:?}: update this test");
    lint_one("klout.toml", &text.replacen(from, to, 1))
}

fn lint_one(file: &str, text: &str) -> Vec<String> {
    let (_, messages) = lint_sources(&[(file.to_string(), text.to_string())]);
    messages.iter().map(ToString::to_string).collect()
}

#[test]
fn real_catalog_lints_clean() {
    let (records, messages) = lint_dir(DIR.as_ref()).unwrap();
    let shown: Vec<String> = messages.iter().map(ToString::to_string).collect();
    assert!(shown.is_empty(), "catalog lint:\n{}", shown.join("\n"));
    assert_eq!(records.len(), Catalog::embedded().len(), "the embedded catalog is the folder's");
}

#[test]
fn every_category_is_covered() {
    let c = Catalog::embedded();
    for cat in unscored::catalog::record::CATEGORIES {
        assert!(c.records().iter().any(|r| r.category == *cat), "no service in category {cat}");
    }
}

/// Records whose way out nobody could confirm from a source yet (see `catalog lint`). They stay
/// in the catalog for detection, saying "unknown"; settling one means removing it here.
const NO_CONFIRMED_WAY_OUT: &[&str] = &[
    "appinions",
    "arrests-org",
    "creatoriq",
    "crystal-knows",
    "deemly",
    "faceseek",
    "findclone",
    "livecounts-io",
    "naymz",
    "ninjalitics",
    "playboard",
    "profacefinder",
    "proskore",
    "search4faces",
    "starngage",
    "tellagence",
    "trendhero",
    "trustcloud",
    "tweetlevel",
    "twitchtracker",
    "twitonomy",
    "twitter-grader",
    "twittercounter",
    "vigilantx",
];

#[test]
fn at_least_120_services_in_every_category_have_a_settled_way_out() {
    let c = Catalog::embedded();
    let settled: Vec<_> = c
        .records()
        .iter()
        .filter(|r| matches!(r.opt_out.available.as_str(), "yes" | "no") && !r.opt_out.sources.is_empty())
        .collect();
    assert!(settled.len() >= 120, "only {} services have a sourced opt-out or a sourced 'no opt-out'", settled.len());
    for cat in unscored::catalog::record::CATEGORIES {
        assert!(settled.iter().any(|r| r.category == *cat), "no settled way out in category {cat}");
    }
    let mut unsettled: Vec<&str> =
        c.records().iter().filter(|r| r.opt_out.available == "unknown").map(|r| r.id.as_str()).collect();
    unsettled.sort_unstable();
    assert_eq!(unsettled, NO_CONFIRMED_WAY_OUT, "update NO_CONFIRMED_WAY_OUT (and the issue note)");
    assert_eq!(settled.len() + unsettled.len(), c.len());
}

#[test]
fn every_example_url_is_a_matcher_case() {
    let engine = EngineBuilder::new(Catalog::embedded()).build();
    let (mut positive, mut searches, mut negative) = (0, 0, 0);
    for r in Catalog::embedded().records() {
        let Some(p) = &r.profile_pages else { continue };
        // A search is a person's page when the page says so: it counts as a match.
        let page_of = |url: &str| {
            let plan = engine.plan(url);
            plan.profile.or(plan.name_search)
        };
        for ex in &p.examples {
            assert_eq!(
                engine.plan(ex).profile.as_deref(),
                Some(r.id.as_str()),
                "{ex} should be a {} profile page",
                r.id
            );
            positive += 1;
        }
        for ex in &p.search_examples {
            let plan = engine.plan(ex);
            assert_eq!(plan.profile, None, "{ex} is a {} search, not a profile page by its address", r.id);
            assert_eq!(plan.name_search.as_deref(), Some(r.id.as_str()), "{ex} should be a {} search page", r.id);
            searches += 1;
        }
        for ex in &p.not_examples {
            assert_ne!(page_of(ex).as_deref(), Some(r.id.as_str()), "{ex} is not a {} profile page", r.id);
            negative += 1;
        }
    }
    println!("{positive} profile URLs, {searches} search URLs, {negative} non-profile URLs");
    assert!(positive >= MIN_PROFILE_EXAMPLES, "only {positive} profile examples: the catalog shrank");
    assert!(negative >= MIN_NON_PROFILE_EXAMPLES, "only {negative} non-profile examples: the catalog shrank");
    assert!(searches >= MIN_SEARCH_EXAMPLES, "only {searches} search examples: the catalog shrank");
}

const MIN_PROFILE_EXAMPLES: usize = 96;
const MIN_NON_PROFILE_EXAMPLES: usize = 108;
const MIN_SEARCH_EXAMPLES: usize = 150;

#[test]
fn unknown_field_names_the_field() {
    assert_eq!(
        lint_edited("description = ", "descriptoin = "),
        ["klout.toml: descriptoin: unknown field `descriptoin`, expected one of `id`, `name`, `category`, `status`, `defunct_since`, `data_disposal`, `domains`, `description`, `owner`, `last_checked`, `profile_pages`, `widgets`, `score`, `provenance`, `permissions`, `opt_out`, `sources`"]
    );
}

#[test]
fn missing_required_field() {
    assert_eq!(lint_edited("name = \"Klout\"\n", ""), ["klout.toml: missing field `name`"]);
}

#[test]
fn non_https_opt_out_link() {
    let msgs =
        lint_edited("methods = [\"web-form\"", "url = \"http://klout.com/corp/optout\"\nmethods = [\"web-form\"");
    assert_eq!(msgs, ["klout.toml: opt_out.url: not an https link: \"http://klout.com/corp/optout\""]);
}

#[test]
fn unknown_category() {
    assert_eq!(
        lint_edited("category = \"influence-score\"", "category = \"gossip\""),
        ["klout.toml: category: \"gossip\" is not one of: influence-score, reputation, people-search, contact-data, creator-analytics, face-search"]
    );
}

#[test]
fn malformed_pattern() {
    assert_eq!(
        lint_edited(KLOUT_SHAPE, &format!("{KLOUT_SHAPE}\n  {{ pattern = \"https://klout.com/a**\", seen = [\"geomusings-2011\"] }},")),
        ["klout.toml: profile_pages.patterns[1]: malformed pattern: pattern \"https://klout.com/a**\": write host/path without a scheme (e.g. klout.com/*)"]
    );
}

const KLOUT_SHAPE: &str = "{ pattern = \"klout.com/*\", seen = [\"geomusings-2011\"] },";

#[test]
fn pattern_without_where_seen() {
    assert_eq!(
        lint_edited(KLOUT_SHAPE, "{ pattern = \"klout.com/*\", seen = [] },"),
        ["klout.toml: profile_pages.patterns[0].seen: cites no source: say where a URL of this shape was seen"]
    );
    assert_eq!(
        lint_edited(KLOUT_SHAPE, "{ pattern = \"klout.com/*\", seen = [\"a-forum-post\"] },"),
        ["klout.toml: profile_pages.patterns[0].seen: cites \"a-forum-post\", which is not in [[sources]]"]
    );
}

#[test]
fn pattern_failing_its_examples() {
    let msgs = lint_edited("\"https://klout.com/zekiah\"", "\"https://klout.com/zekiah/topics/gardening\"");
    assert_eq!(
        msgs,
        ["klout.toml: profile_pages.examples[0]: \"https://klout.com/zekiah/topics/gardening\" is not matched by the patterns"]
    );
    let msgs = lint_edited(
        "\"http://klout.com/corp/optout\", ",
        "\"http://klout.com/corp/optout\", \"https://klout.com/perks-faq\", ",
    );
    assert_eq!(
        msgs,
        ["klout.toml: profile_pages.not_examples[2]: \"https://klout.com/perks-faq\" is matched by the patterns"]
    );
}

/// A search shape's URLs are listed apart from profile pages: each list must hold what its
/// name says.
#[test]
fn search_examples_apart_from_profile_examples() {
    let search = "{ pattern = \"klout.com/*\", seen = [\"geomusings-2011\"], name_search = true },";
    assert_eq!(
        lint_edited(KLOUT_SHAPE, search),
        [
            "klout.toml: profile_pages.examples[0]: \"https://klout.com/zekiah\" is matched only by a search pattern: list it in search_examples",
            "klout.toml: profile_pages.examples[1]: \"http://klout.com/jack\" is matched only by a search pattern: list it in search_examples",
            "klout.toml: profile_pages.examples[2]: \"https://www.klout.com/BarackObama\" is matched only by a search pattern: list it in search_examples",
            "klout.toml: profile_pages.search_examples: lists no example of a search page: each pattern needs one it matches",
        ]
    );
    assert_eq!(
        lint_edited("examples = [\"https://klout.com/zekiah\", ", "search_examples = [\"http://klout.com/jack\"]\nexamples = [\"https://klout.com/zekiah\", "),
        ["klout.toml: profile_pages.search_examples[0]: \"http://klout.com/jack\" is matched by a profile pattern, which comes first"]
    );
}

#[test]
fn source_less_fact() {
    let text = klout();
    let start = text.find("[score]").unwrap();
    let cited = text[start..].find("sources = [\"shkspr-2013\", \"gizmodo-2018\"]").unwrap() + start;
    let edited = format!(
        "{}sources = []{}",
        &text[..cited],
        &text[cited + "sources = [\"shkspr-2013\", \"gizmodo-2018\"]".len()..]
    );
    assert_eq!(lint_one("klout.toml", &edited), ["klout.toml: score.sources: cites no source: every fact needs one"]);
    assert_eq!(
        lint_edited("sources = [\"shkspr-2013\", \"gizmodo-2018\"]", "sources = [\"shkspr-2013\", \"wikipedia\"]"),
        ["klout.toml: score.sources: cites \"wikipedia\", which is not in [[sources]]"]
    );
}

#[test]
fn duplicate_id_and_domain() {
    let text = klout();
    let (_, messages) = lint_sources(&[("a/klout.toml".into(), text.clone()), ("b/klout.toml".into(), text)]);
    let shown: Vec<String> = messages.iter().map(ToString::to_string).collect();
    assert_eq!(
        shown,
        [
            "b/klout.toml: domains: \"klout.com\" is already claimed by service \"klout\"",
            "b/klout.toml: id: duplicate id \"klout\", also used by a/klout.toml",
        ]
    );
}

#[test]
fn id_must_match_file_name() {
    assert_eq!(
        lint_one("kloot.toml", &klout()),
        ["kloot.toml: id: \"klout\" does not match the file name \"kloot\".toml"]
    );
}

#[test]
fn defunct_needs_a_date_and_dates_are_checked() {
    assert_eq!(
        lint_edited("defunct_since = \"2018-05-25\"\n", ""),
        ["klout.toml: defunct_since: a defunct service needs the date it closed"]
    );
    assert_eq!(
        lint_edited("last_checked = \"2026-11-29\"", "last_checked = \"21/11/2026\""),
        ["klout.toml: last_checked: \"21/11/2026\" is not a date (YYYY-MM-DD)"]
    );
}

#[test]
fn broken_widget_filter_names_rule_and_column() {
    let msgs = lint_edited("filters = [\"##.klout-badge\",", "filters = [\"##.klout-badge[\",");
    assert_eq!(msgs.len(), 1, "{msgs:?}");
    assert!(msgs[0].starts_with("klout.toml: widgets.filters[0]: malformed filter: line 1, column "), "{}", msgs[0]);
}

#[test]
fn catalog_urls_parse() {
    for r in Catalog::embedded().records() {
        if let Some(u) = &r.opt_out.url {
            assert!(Url::parse(u).is_ok() && u.starts_with("https://"), "{}: {u}", r.id);
        }
    }
}

#[test]
fn catalog_md_example_is_the_real_klout_record() {
    let doc = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/catalog/README.md")).unwrap();
    assert!(doc.contains(&format!("```toml\n{}```", klout())), "src/catalog/README.md example differs from klout.toml");
}
