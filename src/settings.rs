//! What a person chose: for now, the sites where Unscored stays quiet.
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

    /// Cleans what storage held: drops entries that are not hosts, and duplicates.
    pub fn sanitised(mut self) -> Settings {
        let mut hosts: Vec<String> = self.quiet_sites.iter().filter_map(|h| normalise_host(h)).collect();
        hosts.sort();
        hosts.dedup();
        self.quiet_sites = hosts;
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
        let stored = Settings { quiet_sites: vec!["b.com".into(), "<script>".into(), "B.com".into(), "a.org".into()] };
        assert_eq!(stored.sanitised().quiet_sites, ["a.org", "b.com"]);
    }
}
