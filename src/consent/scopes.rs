//! The scope dictionary: every permission name Unscored can explain, per provider.
//!
//! The tables are plain Rust statics (one file per provider under `scopes/`), compiled in;
//! nothing is parsed at run time. Each entry carries the name exactly as the provider
//! spells it in the `scope` parameter, one plain sentence a non-expert understands, a
//! [`Risk`] and the address of the documentation page the entry was checked against.
//!
//! A name that is not in the table is reported as unknown (risk [`Risk::Unknown`], no
//! meaning): Unscored never guesses what an unlisted permission does.

use serde::Serialize;

pub mod facebook;
pub mod github;
pub mod google;
pub mod instagram;
pub mod linkedin;
pub mod microsoft;
pub mod salesforce;
pub mod x;

/// How much a permission exposes. The rule every table follows:
///
/// - **Low**: identity only. Who you are: your name, username, profile picture, account
///   ID, email address, or the bare fact that you signed in. Also data the app keeps for
///   itself (its own settings folder).
/// - **Medium**: read access to your own content or social graph (your posts, likes,
///   follows, lists, calendar, profile details beyond the basics), private changes only
///   you see (muting, bookmarks), uploads that are not yet published, or staying
///   connected while you are away (offline access / refresh tokens) on its own.
/// - **High**: read private messages, mail, files, contacts or data about other people
///   (friends, connections); act as you where others see it (post, follow, like, send,
///   comment, block); write or delete anything; administer pages, organisations, ads or
///   repositories; or full account access.
/// - **Unknown**: the name is not in the dictionary, or (like Microsoft's `.default`) its
///   effect is set elsewhere and cannot be read from the link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Risk {
    Low,
    Medium,
    High,
    Unknown,
}

impl Risk {
    /// Severity for ordering: Unknown sorts below Low so it never hides a known High.
    pub fn rank(self) -> u8 {
        match self {
            Risk::Unknown => 0,
            Risk::Low => 1,
            Risk::Medium => 2,
            Risk::High => 3,
        }
    }

    /// `low`, `medium`, `high` or `unknown`.
    pub fn as_str(self) -> &'static str {
        match self {
            Risk::Low => "low",
            Risk::Medium => "medium",
            Risk::High => "high",
            Risk::Unknown => "unknown",
        }
    }

    /// Upper-case label for the text report.
    pub fn label(self) -> &'static str {
        match self {
            Risk::Low => "LOW",
            Risk::Medium => "MEDIUM",
            Risk::High => "HIGH",
            Risk::Unknown => "UNKNOWN",
        }
    }
}

/// One documented permission.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ScopeDef {
    /// The name as it appears in the `scope` parameter (Google: the full scope URL).
    pub name: &'static str,
    /// What the app gets, in plain words.
    pub meaning: &'static str,
    pub risk: Risk,
    /// https address of the documentation page that lists this permission.
    pub source: &'static str,
}

/// Shorthand used by the tables.
pub(crate) const fn def(name: &'static str, risk: Risk, meaning: &'static str, source: &'static str) -> ScopeDef {
    ScopeDef { name, meaning, risk, source }
}

/// The dictionary of one provider (by [`crate::catalog::record::PROVIDERS`]-style id).
pub fn table(provider_id: &str) -> &'static [ScopeDef] {
    match provider_id {
        "x" => x::SCOPES,
        "facebook" => facebook::SCOPES,
        "instagram" => instagram::SCOPES,
        "google" => google::SCOPES,
        "linkedin" => linkedin::SCOPES,
        "github" => github::SCOPES,
        "microsoft" => microsoft::SCOPES,
        "salesforce" => salesforce::SCOPES,
        _ => &[],
    }
}

/// The documented permission behind `raw` as a provider spells it, if Unscored knows it.
///
/// Names are compared ASCII-case-insensitively. Provider spellings handled:
/// Google scope URLs with or without a trailing `/`; Microsoft Graph full URIs
/// (`https://graph.microsoft.com/Mail.Read`) and the Graph application-ID prefix;
/// Instagram's Facebook-Login permissions (`instagram_basic`, ...) from Facebook's table.
pub fn lookup(provider_id: &str, raw: &str) -> Option<&'static ScopeDef> {
    let name = raw.trim();
    if name.is_empty() {
        return None;
    }
    let key = match provider_id {
        "microsoft" => microsoft::strip_resource(name),
        _ => name,
    };
    let found = find(table(provider_id), key);
    if found.is_some() {
        return found;
    }
    match provider_id {
        "google" => {
            // `https://mail.google.com` and `https://mail.google.com/` are the same scope.
            let alt = match key.strip_suffix('/') {
                Some(s) => s.to_string(),
                None => format!("{key}/"),
            };
            find(google::SCOPES, &alt)
        }
        "instagram" if key.len() > 10 && key.get(..10).is_some_and(|p| p.eq_ignore_ascii_case("instagram_")) => {
            find(facebook::SCOPES, key)
        }
        _ => None,
    }
}

fn find(table: &'static [ScopeDef], key: &str) -> Option<&'static ScopeDef> {
    table.iter().find(|d| d.name.eq_ignore_ascii_case(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    const PROVIDERS: &[&str] =
        &["x", "facebook", "instagram", "google", "linkedin", "github", "microsoft", "salesforce"];

    #[test]
    fn every_entry_is_complete_and_unique() {
        for p in PROVIDERS {
            let t = table(p);
            assert!(t.len() >= 10, "{p} has only {} scopes", t.len());
            for (i, d) in t.iter().enumerate() {
                assert!(!d.name.trim().is_empty(), "{p}: empty name");
                assert_eq!(d.name, d.name.trim(), "{p}: {} has spaces", d.name);
                assert!(d.meaning.len() > 10, "{p}: {} has no meaning", d.name);
                assert!(d.source.starts_with("https://"), "{p}: {} source {}", d.name, d.source);
                if d.name != ".default" {
                    assert_ne!(d.risk, Risk::Unknown, "{p}: {} is unrated", d.name);
                }
                for e in &t[i + 1..] {
                    assert!(!e.name.eq_ignore_ascii_case(d.name), "{p}: {} twice", d.name);
                }
            }
        }
        assert!(table("myspace").is_empty());
    }

    #[test]
    fn lookups_follow_provider_spelling() {
        assert_eq!(lookup("x", "tweet.read").map(|d| d.risk), Some(Risk::Medium));
        assert_eq!(lookup("x", "TWEET.READ").map(|d| d.name), Some("tweet.read"));
        assert!(lookup("x", "tweet.fly").is_none());
        assert!(lookup("x", "").is_none());
        assert_eq!(lookup("google", "https://mail.google.com").map(|d| d.risk), Some(Risk::High));
        assert_eq!(lookup("google", "https://mail.google.com/").map(|d| d.risk), Some(Risk::High));
        assert_eq!(lookup("microsoft", "https://graph.microsoft.com/Mail.Read").map(|d| d.name), Some("Mail.Read"));
        assert_eq!(lookup("microsoft", "mail.read").map(|d| d.name), Some("Mail.Read"));
        assert_eq!(lookup("instagram", "instagram_basic").map(|d| d.name), Some("instagram_basic"));
        assert!(lookup("instagram", "email").is_none());
        assert!(lookup("instagram", "instagram_é").is_none());
        assert_eq!(Risk::High.rank().max(Risk::Unknown.rank()), 3);
    }
}
