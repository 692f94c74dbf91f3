//! Plain-language cards: what a person reads about a finding, built from its catalog record.
//!
//! The same [`Card`] feeds the inline annotation, the popup and the CLI, so a fact is worded
//! once. Links on a card are https only: anything else in a record is dropped here as well
//! as by the lint.

use crate::catalog::Record;
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
    pub facts: Vec<Fact>,
    pub opt_out: Option<OptOutCard>,
    /// Where to read more when there is no opt-out link: the record's first https source.
    pub more: Option<Link>,
    pub evidence: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Link {
    pub text: String,
    /// https only.
    pub href: String,
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
    }
    let p = &record.provenance;
    let sources: Vec<&str> = p.data_sources.iter().map(|k| data_source_label(k)).collect();
    facts.push(Fact { label: "From which data".into(), value: capitalise(&sources.join(", ")) });
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
                label: format!("Its {} app asks for", provider_label(&perm.provider)),
                value: format!("{asks} (\u{201c}{}\u{201d}, for {})", perm.app, perm.purpose),
            });
        }
    }
    let o = &record.opt_out;
    facts.push(Fact { label: "Leaving".into(), value: difficulty_label(&o.difficulty).into() });
    let opt_out = Some(OptOutCard {
        url: https_only(o.url.as_ref()),
        difficulty: o.difficulty.clone(),
        steps: o.steps.clone(),
        requirements: o.requirements.iter().map(|r| requirement_label(r).to_string()).collect(),
        processing_time: o.processing_time.clone(),
        caveats: o.caveats.clone(),
    });
    Card {
        service: Some(record.id.clone()),
        headline: format!("{} {}", record.name, kind_label(&finding.kind)),
        tagline,
        summary: record.description.clone(),
        facts,
        opt_out,
        more: record
            .sources
            .iter()
            .find_map(|s| https_only(s.url.as_ref()).map(|href| Link { text: s.title.clone(), href })),
        evidence: finding.evidence.clone(),
    }
}

/// Card for a finding with no catalog record (a custom rule or an unknown score display).
pub fn unknown_card(finding: &Finding) -> Card {
    Card {
        service: None,
        headline: format!("Possible {}", kind_label(&finding.kind)),
        tagline: "Not in the catalog".into(),
        summary: "This looks like a score about a person, from a service Unscored does not know.".into(),
        facts: Vec::new(),
        opt_out: None,
        more: None,
        evidence: finding.evidence.clone(),
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
