//! Plain-language cards: what a person reads about a finding, built from its catalog record.
//!
//! The same [`Card`] feeds the inline annotation, the popup and the CLI, so a fact is worded
//! once. Links on a card are https only: anything else in a record is dropped here as well
//! as by the lint.

use crate::catalog::Record;
use crate::consent::Explanation;
use crate::engine::Finding;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Card {
    pub service: Option<String>,
    /// e.g. "Klout score widget", "Spokeo profile page".
    pub headline: String,
    /// e.g. "Influence score · closed 2018-05-25".
    pub tagline: String,
    pub summary: String,
    /// A warning to show before everything else (a fake sign-in page, an opt-out app that
    /// asks for too much).
    pub alert: Option<String>,
    pub facts: Vec<Fact>,
    pub opt_out: Option<OptOutCard>,
    /// The one link an inline note shows, already worded ("Opt out", "Read more", ...).
    pub action: Option<Link>,
    /// Where the facts come from (https sources only; others are listed by title).
    pub sources: Vec<SourceRef>,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub text: String,
    /// https only.
    pub href: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SourceRef {
    pub title: String,
    /// https only; None for pages without one (shown as text).
    pub href: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Fact {
    pub label: String,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OptOutCard {
    /// https only.
    pub url: Option<String>,
    pub difficulty: String,
    pub steps: Vec<String>,
    pub requirements: Vec<String>,
    pub processing_time: String,
    pub caveats: Vec<String>,
}

pub fn category_label(category: &str) -> &'static str {
    match category {
        "influence-score" => "Influence score",
        "reputation" => "Reputation score",
        "people-search" => "People-search site",
        "contact-data" => "Contact-data broker",
        "creator-analytics" => "Creator analytics",
        "face-search" => "Face search",
        _ => "Profiling service",
    }
}

fn kind_label(kind: &str) -> &'static str {
    match kind {
        "widget" => "score widget",
        "profile" => "profile page",
        // A search by name, phone number, e-mail or street address that lists people.
        "listing" => "people-search results",
        "score" => "score display",
        "consent" => "sign-in request",
        _ => "finding",
    }
}

fn data_source_label(kind: &str) -> &'static str {
    match kind {
        "public-posts" => "public posts",
        "connected-accounts" => "accounts people connect to it",
        "social-graph-via-others" => "other people's connected accounts (your friends' and followers' graphs)",
        "public-records" => "public records",
        "purchased-data" => "data bought from other companies",
        "uploaded-contact-books" => "address books uploaded by other users",
        "scraped-profiles" => "profiles scraped from other sites",
        "web-crawl" => "a crawl of the web",
        "photos" => "photos found online",
        "user-submitted" => "what users submit",
        "partner-data" => "partners' data",
        _ => "not disclosed",
    }
}

fn requirement_label(kind: &str) -> &'static str {
    match kind {
        "none" => "nothing",
        "email" => "an email address",
        "phone" => "a phone number",
        "government-id" => "a government ID",
        "payment" => "a payment",
        "account" => "an account with them",
        "social-login" => "signing in with a social account",
        "profile-url" => "the address of your profile",
        "captcha" => "a CAPTCHA",
        _ => "something unspecified",
    }
}

fn difficulty_label(d: &str) -> &'static str {
    match d {
        "easy" => "Easy",
        "medium" => "Medium",
        "hard" => "Hard",
        "impossible" => "Impossible",
        "limited" => "Only in some places (by law)",
        _ => "Unknown",
    }
}

pub fn https_only(url: Option<&String>) -> Option<String> {
    url.filter(|u| u.starts_with("https://")).cloned()
}

/// Card for a finding of a catalogued service.
pub fn card(record: &Record, finding: &Finding) -> Card {
    let mut c = service_card(record);
    c.headline = format!("{} {}", record.name, kind_label(&finding.kind));
    c.evidence = finding.evidence.clone();
    c
}

/// Card for a service on its own (the options page's catalog list).
pub fn service_card(record: &Record) -> Card {
    let mut tagline = category_label(&record.category).to_string();
    if record.status == "defunct" {
        tagline.push_str(&format!(" · closed {}", record.defunct_since.as_deref().unwrap_or("")));
    }
    let mut facts = Vec::new();
    let who = match &record.owner {
        Some(o) => format!("{} ({o})", record.name),
        None => record.name.clone(),
    };
    facts.push(Fact { label: "Who computes this".into(), value: who });
    if let Some(s) = &record.score {
        let method = match s.method_disclosed.as_str() {
            "yes" => "method published",
            "partly" => "method partly published",
            "no" => "method not disclosed",
            _ => "method unknown",
        };
        facts.push(Fact { label: "Score".into(), value: format!("{}, {} ({method})", s.name, s.scale) });
        if let Some(notes) = &s.notes {
            facts.push(Fact { label: "About the score".into(), value: notes.clone() });
        }
    }
    let p = &record.provenance;
    let sources: Vec<&str> = p.data_sources.iter().map(|k| data_source_label(k)).collect();
    facts.push(Fact { label: "From which data".into(), value: capitalise(&sources.join(", ")) });
    if let Some(notes) = &p.notes {
        facts.push(Fact { label: "About the data".into(), value: notes.clone() });
    }
    let consent = match (p.profiles_non_users.as_str(), p.consent_model.as_str()) {
        ("yes", "opt-out") => "Profiles people who never signed up; you are in unless you opt out",
        ("yes", _) => "Profiles people who never signed up",
        ("no", "opt-in") => "Only people who sign up",
        (_, "opt-out") => "You are in unless you opt out",
        (_, "opt-in") => "Only with your consent",
        _ => "Not disclosed",
    };
    facts.push(Fact { label: "Consent".into(), value: consent.into() });
    for perm in &record.permissions {
        let asks = if perm.requested.is_empty() { perm.scopes.join(", ") } else { perm.requested.join("; ") };
        if !asks.is_empty() {
            facts.push(Fact {
                label: if perm.provider == "browser-extension" {
                    "Its browser extension asks for".to_string()
                } else {
                    format!("Its {} app asks for", provider_label(&perm.provider))
                },
                value: format!("{asks} (\u{201c}{}\u{201d}, for {})", perm.app, perm.purpose),
            });
        }
    }
    let o = &record.opt_out;
    let leaving = match o.available.as_str() {
        // Said plainly: "unknown" alone reads as if leaving were easy but unmeasured.
        "unknown" => "Not known: no way out could be confirmed from a source",
        _ => difficulty_label(&o.difficulty),
    };
    facts.push(Fact { label: "Leaving".into(), value: leaving.into() });
    let opt_out = Some(OptOutCard {
        url: https_only(o.url.as_ref()),
        difficulty: o.difficulty.clone(),
        steps: o.steps.clone(),
        requirements: o.requirements.iter().map(|r| requirement_label(r).to_string()).collect(),
        processing_time: o.processing_time.clone(),
        caveats: o.caveats.clone(),
    });
    let more =
        record.sources.iter().find_map(|s| https_only(s.url.as_ref()).map(|href| Link { text: s.title.clone(), href }));
    let action = match (opt_out.as_ref().and_then(|o| o.url.clone()), &more) {
        (Some(href), _) => Some(Link { text: "Opt out".into(), href }),
        (None, Some(m)) if o.difficulty == "impossible" => {
            Some(Link { text: "No opt-out left: read more".into(), href: m.href.clone() })
        }
        (None, Some(m)) => Some(Link { text: "Read more".into(), href: m.href.clone() }),
        (None, None) => None,
    };
    Card {
        service: Some(record.id.clone()),
        headline: record.name.clone(),
        tagline,
        summary: record.description.clone(),
        alert: None,
        facts,
        opt_out,
        action,
        sources: record
            .sources
            .iter()
            .map(|s| SourceRef { title: s.title.clone(), href: https_only(s.url.as_ref()) })
            .collect(),
        evidence: String::new(),
    }
}

/// Card for a finding with no catalog record (a custom rule or an unknown score display).
pub fn unknown_card(finding: &Finding) -> Card {
    plain_card(
        format!("Possible {}", kind_label(&finding.kind)),
        "Not in the catalog",
        "This looks like a score about a person, from a service Unscored does not know.".into(),
        finding,
    )
}

/// A card with words only: no catalog record behind it.
fn plain_card(headline: String, tagline: &str, summary: String, finding: &Finding) -> Card {
    Card {
        service: None,
        headline,
        tagline: tagline.into(),
        summary,
        alert: None,
        facts: Vec::new(),
        opt_out: None,
        action: None,
        sources: Vec::new(),
        evidence: finding.evidence.clone(),
    }
}

/// Card for an element one of the person's own rules matched.
pub fn custom_card(finding: &Finding) -> Card {
    let rule = finding.evidence.strip_prefix("matches rule ").unwrap_or(&finding.evidence);
    plain_card(
        "Matched your rule".into(),
        "One of your own detection rules",
        format!("You asked Unscored to point this out with the rule {rule}."),
        finding,
    )
}

/// Card for a sign-in consent screen: what the app will get, in plain words.
pub fn consent_card(e: &Explanation, page_url: &str) -> Card {
    let app = e.app.as_deref().map(|a| format!("\u{201c}{a}\u{201d}")).unwrap_or_else(|| "An app".to_string());
    let headline = if e.lookalike {
        format!("Possible fake {} sign-in page", e.provider_name)
    } else {
        format!("{app} asks for your {} account", e.provider_name)
    };
    let mut tagline = format!("Sign-in request · overall risk {}", e.risk.label().to_lowercase());
    if let Some(m) = &e.service_match {
        tagline.push_str(&format!(" · {}: {}", m.name, category_label(&m.category).to_lowercase()));
    }
    let alert = if e.lookalike { e.warning.clone() } else { e.mismatch.as_ref().map(|m| m.note.clone()) };
    let mut facts: Vec<Fact> = e
        .scopes
        .iter()
        .map(|s| {
            let mut value = s.meaning.clone().unwrap_or_else(|| {
                format!("Unscored does not know \u{201c}{}\u{201d}: read what the page says it allows.", s.name)
            });
            if s.needed_for_opt_out == Some(false) {
                value.push_str(" Not needed to opt out.");
            }
            if s.recorded == Some(false) {
                value.push_str(" Not among the permissions Unscored's catalog recorded for this app.");
            }
            let label = match s.risk.as_str() {
                "unknown" => "Unknown permission".to_string(),
                r => format!("{}{} risk", r[..1].to_uppercase(), &r[1..]),
            };
            Fact { label, value }
        })
        .collect();
    facts.extend(e.caveats.iter().map(|c| Fact { label: "From the catalog".into(), value: c.clone() }));
    let summary = match &e.redirect_host {
        Some(h) if !e.lookalike => format!("After you allow it, the app sends you back to {h}. Before you click Allow, this is what it will be able to do."),
        _ => "Before you click Allow, this is what the app will be able to do.".to_string(),
    };
    Card {
        service: e.service.clone(),
        headline,
        tagline,
        summary,
        alert,
        facts,
        opt_out: None,
        sources: Vec::new(),
        action: e
            .revoke
            .first()
            .map(|l| Link { text: format!("Remove its access later: {}", l.label), href: l.url.to_string() }),
        evidence: page_url.chars().take(300).collect(),
    }
}

pub fn provider_label(p: &str) -> &'static str {
    match p {
        "x" => "X (Twitter)",
        "facebook" => "Facebook",
        "instagram" => "Instagram",
        "google" => "Google",
        "linkedin" => "LinkedIn",
        "github" => "GitHub",
        "microsoft" => "Microsoft",
        "tiktok" => "TikTok",
        "twitch" => "Twitch",
        "pinterest" => "Pinterest",
        "salesforce" => "Salesforce",
        "hubspot" => "HubSpot",
        "browser-extension" => "browser extension",
        _ => "sign-in",
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn klout_card_reads_plainly() {
        let klout = Catalog::embedded().get("klout").unwrap();
        let f =
            Finding { kind: "widget".into(), service: Some("klout".into()), candidate: Some(0), evidence: "e".into() };
        let c = card(klout, &f);
        assert_eq!(c.headline, "Klout score widget");
        assert_eq!(c.tagline, "Influence score · closed 2018-05-25");
        let asks = c.facts.iter().find(|f| f.label == "Its X (Twitter) app asks for").unwrap();
        assert!(asks.value.starts_with("Read Tweets from your timeline; See who you follow"));
        assert!(c.opt_out.unwrap().caveats.iter().any(|c| c.contains("revoking")));
    }
}
