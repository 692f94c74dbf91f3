//! What a person chose: sites where Unscored stays quiet, what it points out on pages and how,
//! and their own detection rules.
//!
//! Stored by the extension as JSON-like data in `storage.local`; anything unreadable there
//! falls back to the defaults rather than breaking the extension, and the reason is kept so
//! it can be shown.
//!
//! ```
//! let mut s = unscored::settings::Settings::default();
//! s.set_quiet("www.Example.com", true);
//! assert!(s.is_quiet("news.example.com"));
//! assert!(!s.is_quiet("example.org"));
//! ```

use crate::urls::host_within;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Hosts (and their subdomains) where the content script does nothing.
    pub quiet_sites: Vec<String>,
    /// Finding kinds ([`KINDS`]) not annotated on pages (the popup still lists them).
    pub hidden_kinds: Vec<String>,
    /// Catalog ids of services not annotated on pages (the popup still lists them).
    pub hidden_services: Vec<String>,
    /// Notes show only their headline until opened.
    pub compact: bool,
    /// The person's own rules, in the cosmetic-filter syntax of [`crate::filters`].
    pub custom_rules: String,
}

/// Finding kinds a person can switch off, with the words the options page uses.
pub const KINDS: &[(&str, &str)] = &[
    ("widget", "Scoring widgets and badges of known services"),
    ("score", "Score displays of services Unscored does not know"),
    ("profile", "Profile pages that people-search and data sites keep about people"),
    ("consent", "Sign-in requests: what an app asks to read"),
];

/// Custom rules longer than this are refused: a rule list is lines, not a book.
pub const MAX_CUSTOM_RULES: usize = 20_000;

/// A catalog id as records write them.
pub fn is_service_id(id: &str) -> bool {
    !id.is_empty() && id.len() <= 64 && id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// A host as stored: lower-case, no `www.`, no trailing dot; None when it is not a host.
pub fn normalise_host(host: &str) -> Option<String> {
    let h = host.trim().trim_end_matches('.').to_lowercase();
    let h = h.strip_prefix("www.").unwrap_or(&h).to_string();
    let ok = !h.is_empty()
        && h.len() <= 253
        && h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.' || b == b':' || b >= 0x80);
    ok.then_some(h)
}

/// Puts `item` in or out of a sorted hide list; always true, for chaining after a check.
fn set_hidden(list: &mut Vec<String>, item: &str, hidden: bool) -> bool {
    list.retain(|x| x != item);
    if hidden {
        list.push(item.to_string());
        list.sort();
    }
    true
}

impl Settings {
    pub fn is_quiet(&self, host: &str) -> bool {
        let Some(host) = normalise_host(host) else { return false };
        self.quiet_sites.iter().any(|q| host_within(&host, q))
    }

    /// Adds or removes a quiet site; returns false for something that is not a host.
    pub fn set_quiet(&mut self, host: &str, quiet: bool) -> bool {
        let Some(host) = normalise_host(host) else { return false };
        self.quiet_sites.retain(|q| q != &host);
        if quiet {
            self.quiet_sites.push(host);
            self.quiet_sites.sort();
        }
        true
    }

    /// Is a finding of this kind and service drawn on pages? What the person's own rules
    /// find (a widget of no service) always is: they asked for it.
    pub fn annotates(&self, kind: &str, service: Option<&str>) -> bool {
        if kind == "widget" && service.is_none() {
            return true;
        }
        // Search results by name go with profile pages: the same sites, the same switch.
        let kind = if kind == "listing" { "profile" } else { kind };
        self.kind_shown(kind) && service.is_none_or(|id| self.service_shown(id))
    }

    /// Is this kind of finding switched on (whatever the services)?
    pub fn kind_shown(&self, kind: &str) -> bool {
        !self.hidden_kinds.iter().any(|k| k == kind)
    }

    /// Is this service switched on (whatever the kinds)?
    pub fn service_shown(&self, id: &str) -> bool {
        !self.hidden_services.iter().any(|h| h == id)
    }

    /// Switches a kind on or off; false for a kind that does not exist.
    pub fn set_kind_shown(&mut self, kind: &str, shown: bool) -> bool {
        KINDS.iter().any(|(k, _)| *k == kind) && set_hidden(&mut self.hidden_kinds, kind, !shown)
    }

    /// Switches a service's notes on or off; false for something that is not a service id.
    pub fn set_service_shown(&mut self, id: &str, shown: bool) -> bool {
        is_service_id(id) && set_hidden(&mut self.hidden_services, id, !shown)
    }

    /// Replaces the custom rules when every line parses; otherwise keeps the old ones and
    /// returns each problem ("line 2, column 5: ...").
    pub fn set_custom_rules(&mut self, text: &str) -> Result<(), Vec<String>> {
        if text.chars().count() > MAX_CUSTOM_RULES {
            return Err(vec![format!("the rules are over {MAX_CUSTOM_RULES} characters; keep the ones you need")]);
        }
        let (_, errors) = crate::filters::parse_list(text);
        if !errors.is_empty() {
            return Err(errors.iter().map(ToString::to_string).collect());
        }
        self.custom_rules = text.trim_end().to_string();
        Ok(())
    }

    /// What is wrong with the saved rules (lines a newer version no longer reads), in words;
    /// empty when every line parses. The engine skips such lines; the text keeps them.
    pub fn rule_problems(&self) -> Vec<String> {
        Settings::default().set_custom_rules(&self.custom_rules).err().unwrap_or_default()
    }

    /// Cleans what storage held: drops entries that are not hosts, kinds or ids, and
    /// duplicates. Rules are the person's own writing: kept as text even when a line no
    /// longer parses ([`Self::rule_problems`] names it), never dropped.
    pub fn sanitised(mut self) -> Settings {
        let mut hosts: Vec<String> = self.quiet_sites.iter().filter_map(|h| normalise_host(h)).collect();
        hosts.sort();
        hosts.dedup();
        self.quiet_sites = hosts;
        self.hidden_kinds.retain(|k| KINDS.iter().any(|(known, _)| known == k));
        self.hidden_kinds.sort();
        self.hidden_kinds.dedup();
        self.hidden_services.retain(|id| is_service_id(id));
        self.hidden_services.sort();
        self.hidden_services.dedup();
        self.custom_rules = self.custom_rules.trim_end().to_string();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quiet_sites_cover_subdomains_only() {
        let mut s = Settings::default();
        assert!(s.set_quiet("Example.com.", true));
        assert!(s.is_quiet("example.com") && s.is_quiet("www.example.com") && s.is_quiet("a.b.example.com"));
        assert!(!s.is_quiet("notexample.com"));
        assert!(s.set_quiet("example.com", false));
        assert!(!s.is_quiet("example.com"));
    }

    #[test]
    fn junk_is_refused_or_dropped() {
        let mut s = Settings::default();
        assert!(!s.set_quiet("not a host", true));
        assert!(!s.set_quiet("", true));
        let stored = Settings {
            quiet_sites: vec!["b.com".into(), "<script>".into(), "B.com".into(), "a.org".into()],
            hidden_kinds: vec!["score".into(), "nonsense".into(), "score".into()],
            hidden_services: vec!["klout".into(), "Not Id".into()],
            compact: true,
            custom_rules: "##.ok\n##[broken".into(),
        };
        let clean = stored.sanitised();
        assert_eq!(clean.quiet_sites, ["a.org", "b.com"]);
        assert_eq!(clean.hidden_kinds, ["score"]);
        assert_eq!(clean.hidden_services, ["klout"]);
        // Rules are never dropped: the broken line is named, the text kept.
        assert_eq!(clean.custom_rules, "##.ok\n##[broken");
    }

    #[test]
    fn what_is_annotated() {
        let mut s = Settings::default();
        assert!(s.annotates("widget", Some("klout")));
        assert!(s.set_kind_shown("score", false) && !s.set_kind_shown("everything", false));
        assert!(s.set_service_shown("klout", false));
        assert!(!s.annotates("score", None));
        assert!(!s.annotates("widget", Some("klout")));
        assert!(s.annotates("widget", Some("kred")));
        assert!(s.set_kind_shown("score", true) && s.annotates("score", None));
        assert!(s.set_kind_shown("widget", false) && s.annotates("widget", None), "own rules always show");
    }

    #[test]
    fn broken_rules_are_refused_whole_and_named() {
        let mut s = Settings::default();
        assert_eq!(s.set_custom_rules("example.com##.karma\n"), Ok(()));
        let errors = s.set_custom_rules("##.fine\n##div[").unwrap_err();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("line 2, column "), "{}", errors[0]);
        assert_eq!(s.custom_rules, "example.com##.karma", "the old rules stay");
    }

    #[test]
    fn stored_rules_that_no_longer_parse_are_kept() {
        let stored = Settings { custom_rules: "example.org##.kudos\n##div[".into(), ..Settings::default() };
        let read = stored.sanitised();
        assert_eq!(read.custom_rules, "example.org##.kudos\n##div[");
        let problems = read.rule_problems();
        assert_eq!(problems.len(), 1);
        assert!(problems[0].starts_with("line 2"), "{problems:?}");
    }
}
