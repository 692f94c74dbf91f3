//! Data-driven consent-screen tests: every line of `tests/fixtures/consent/cases.txt` is a
//! URL shaped as a provider's documentation shows it (or a lookalike copy, or a page that
//! is not a consent screen), with the provider and scope names `recognise` must read.

use unscored::consent::{explain, recognise, render_text, scopes_known, Risk};

const CASES: &str = include_str!("fixtures/consent/cases.txt");

struct Case<'a> {
    line: usize,
    kind: &'a str,
    provider: &'a str,
    scopes: Vec<(&'a str, bool)>,
    url: &'a str,
    source: &'a str,
}

fn cases() -> Vec<Case<'static>> {
    let mut out = Vec::new();
    for (i, raw) in CASES.lines().enumerate() {
        let line = raw.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let f: Vec<&str> = line.split(" | ").map(str::trim).collect();
        assert_eq!(f.len(), 5, "line {}: expected 5 fields: {line}", i + 1);
        let scopes = if f[2] == "-" {
            Vec::new()
        } else {
            f[2].split(',')
                .map(|s| match s.strip_prefix('?') {
                    Some(name) => (name, false),
                    None => (s, true),
                })
                .collect()
        };
        out.push(Case { line: i + 1, kind: f[0], provider: f[1], scopes, url: f[3], source: f[4] });
    }
    out
}

#[test]
fn every_case_reads_as_expected() {
    let mut failures = Vec::new();
    for c in cases() {
        let got = recognise(c.url);
        let at = format!("line {} ({}): {}", c.line, c.source, c.url);
        match (c.kind, &got) {
            ("none", None) => continue,
            ("none", Some(r)) => {
                failures.push(format!(
                    "{at}\n  expected not a consent screen, got {:?} lookalike={}",
                    r.provider, r.lookalike
                ));
                continue;
            }
            (_, None) => {
                failures.push(format!("{at}\n  expected {} {}, got nothing", c.kind, c.provider));
                continue;
            }
            _ => {}
        }
        let Some(r) = got else { continue };
        if r.provider.id() != c.provider {
            failures.push(format!("{at}\n  provider {} != {}", r.provider.id(), c.provider));
        }
        if r.lookalike != (c.kind == "lookalike") {
            failures.push(format!("{at}\n  lookalike {} for kind {}", r.lookalike, c.kind));
        }
        let names: Vec<&str> = c.scopes.iter().map(|(n, _)| *n).collect();
        if r.scopes != names {
            failures.push(format!("{at}\n  scopes {:?} != {:?}", r.scopes, names));
        }
        let e = explain(&r, &[]);
        assert_eq!(e.kind, "consent");
        assert_eq!(e.provider, c.provider);
        for (name, known) in &c.scopes {
            match e.scopes.iter().find(|s| s.name == *name) {
                Some(s) if s.known != *known => {
                    failures.push(format!("{at}\n  {name}: known={} expected {known}", s.known))
                }
                Some(s) if s.known && s.meaning.is_none() => {
                    failures.push(format!("{at}\n  {name}: known without meaning"))
                }
                Some(s) if !s.known && (s.meaning.is_some() || s.risk != Risk::Unknown) => {
                    failures.push(format!("{at}\n  {name}: unknown scope was given a meaning or risk"))
                }
                Some(_) => {}
                None => failures.push(format!("{at}\n  {name} missing from the explanation")),
            }
        }
        if c.kind == "lookalike" {
            assert!(e.warning.is_some() && e.revoke.is_empty(), "{at}");
        } else {
            assert!(e.revoke_url.is_some_and(|u| u.starts_with("https://")), "{at}");
        }
        let text = render_text(&e);
        assert!(text.contains(e.provider_name), "{at}\n{text}");
        let json = serde_json::to_value(&e).unwrap();
        assert_eq!(json["provider"], c.provider, "{at}");
        assert!(json["scopes"].is_array() && json.get("service").is_some() && json.get("app").is_some(), "{at}");
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}

#[test]
fn cases_cover_every_provider() {
    let cs = cases();
    for p in ["x", "facebook", "instagram", "google", "linkedin", "github", "microsoft"] {
        let n = cs.iter().filter(|c| c.kind == "consent" && c.provider == p).count();
        assert!(n >= 5, "only {n} consent cases for {p}");
        assert!(cs.iter().any(|c| c.kind == "lookalike" && c.provider == p), "no lookalike case for {p}");
        assert!(scopes_known(p) >= 10, "{p}");
    }
    for c in &cs {
        assert!(
            c.source.starts_with("https://") || c.source.starts_with("undocumented") || c.kind == "none",
            "line {}: consent cases cite a documentation URL",
            c.line
        );
    }
}

#[test]
fn case_count() {
    let cs = cases();
    let consent = cs.iter().filter(|c| c.kind == "consent").count();
    let lookalike = cs.iter().filter(|c| c.kind == "lookalike").count();
    let none = cs.iter().filter(|c| c.kind == "none").count();
    assert_eq!(consent + lookalike + none, cs.len(), "unknown kind in cases.txt");
    assert_eq!((consent, lookalike, none), (64, 15, 34));
    assert_eq!(cs.len(), 113);
}

#[test]
fn klout_opt_out_against_embedded_catalog() {
    // The Klout Opt-Out Twitter app: OAuth 1.0a, callback on klout.com's opt-out page.
    let records = unscored::catalog::Catalog::embedded().records();
    let url = "https://api.twitter.com/oauth/authenticate?oauth_token=abc\
               &oauth_callback=https%3A%2F%2Fklout.com%2Fcorp%2Foptout%2Ftwitter";
    let page = "This application will be able to:\nRead Tweets from your timeline.\nSee who you follow.\n\
                This application will not be able to:\nFollow new people.\nUpdate your profile.\nPost Tweets for you.\n\
                Access your direct messages.\nSee your Twitter password.";
    let req = recognise(url).unwrap().with_page_text(page);
    let e = explain(&req, records);
    if records.iter().any(|r| r.id == "klout") {
        assert_eq!(e.service.as_deref(), Some("klout"));
        assert!(!e.caveats.is_empty());
    }
    assert!(e.opt_out_flow);
    let m = e.mismatch.as_ref().expect("opt-out asks for more than identity");
    assert_eq!(m.unneeded, ["Read Tweets from your timeline", "See who you follow"]);
    let text = render_text(&e);
    assert!(text.contains("Opt-out mismatch") && text.contains("https://x.com/settings/connected_apps"), "{text}");
}

#[test]
fn salesforce_request_set_against_what_the_catalog_recorded() {
    // Demandbase's Salesforce app (its help centre lists the scopes): a link asking for `full`
    // besides what was recorded names the service and says which permission goes beyond it.
    let records = unscored::catalog::Catalog::embedded().records();
    let url = "https://login.salesforce.com/services/oauth2/authorize?response_type=code&client_id=abc\
               &redirect_uri=https%3A%2F%2Fweb.demandbase.com%2Fcallback&scope=api%20refresh_token%20full";
    let e = explain(&recognise(url).unwrap(), records);
    assert_eq!(e.service.as_deref(), Some("demandbase"));
    assert_eq!(e.app.as_deref(), Some("Demandbase ABM"));
    let recorded: Vec<_> = e.scopes.iter().map(|s| (s.name.as_str(), s.recorded)).collect();
    assert_eq!(recorded, [("api", Some(true)), ("refresh_token", Some(true)), ("full", Some(false))]);
    assert!(e.notes.iter().any(|n| n.contains("also asks for one more: full")), "{:?}", e.notes);
    // Within what was recorded: said so, nothing flagged.
    let within = url.replace("%20full", "");
    let e = explain(&recognise(&within).unwrap(), records);
    assert!(e.scopes.iter().all(|s| s.recorded == Some(true)));
    assert!(e.notes.iter().any(|n| n.contains("no more than the 9 permissions")), "{:?}", e.notes);
}
