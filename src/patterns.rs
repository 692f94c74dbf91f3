//! URL patterns of the catalog: `host/path` globs, compiled once and matched per URL.
//!
//! Syntax (see `CATALOG.md`):
//! - host: `klout.com` matches that host (a leading `www.` on the URL is ignored);
//!   `*.klout.com` matches it and any subdomain.
//! - path, split on `/`: a literal segment matches itself (ASCII case-insensitively); `*`
//!   inside a segment matches any run of characters within it (`p-*`, `*-email_*`); a whole
//!   `**` segment matches any number of segments, none included.
//! - query and fragment are never part of a pattern.
//!
//! ```
//! use unscored::patterns::UrlPattern;
//! use unscored::urls::Url;
//! let p = UrlPattern::parse("*.klout.com/badge/**").unwrap();
//! assert!(p.matches(&Url::parse("http://widgets.klout.com/badge/jack").unwrap()));
//! assert!(!p.matches(&Url::parse("http://klout.com/jack").unwrap()));
//! ```

use crate::urls::{host_within, Url};
use std::fmt;

/// Keeps matching linear enough for any input: a segment glob backtracks per star.
const MAX_STARS: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlPattern {
    host: String,
    any_subdomain: bool,
    segments: Vec<Segment>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    /// Pieces between `*`s; first must be a prefix, last a suffix.
    Glob(Vec<String>),
    AnyDepth,
}

/// What is wrong with a pattern, naming it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PatternError {
    pub pattern: String,
    pub problem: String,
}

impl fmt::Display for PatternError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "pattern {:?}: {}", self.pattern, self.problem)
    }
}

impl std::error::Error for PatternError {}

impl UrlPattern {
    pub fn parse(pattern: &str) -> Result<UrlPattern, PatternError> {
        let err = |problem: &str| PatternError { pattern: pattern.to_string(), problem: problem.to_string() };
        if pattern.contains("://") {
            return Err(err("write host/path without a scheme (e.g. klout.com/*)"));
        }
        if pattern.contains(['?', '#', ' ']) {
            return Err(err("query, fragment and spaces are not part of a pattern"));
        }
        let (host, path) = pattern.split_once('/').unwrap_or((pattern, ""));
        let (any_subdomain, host) = match host.strip_prefix("*.") {
            Some(h) => (true, h),
            None => (false, host),
        };
        let host = host.strip_prefix("www.").unwrap_or(host).to_ascii_lowercase();
        if host.is_empty() {
            return Err(err("missing host"));
        }
        if !host.contains('.') || host.starts_with('.') || host.ends_with('.') {
            return Err(err("host must be a domain name such as example.com"));
        }
        if !host.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.') {
            return Err(err("host may hold only letters, digits, '-' and '.' (a '*' only as a leading '*.')"));
        }
        let mut segments = Vec::new();
        for seg in path.split('/').filter(|s| !s.is_empty()) {
            let seg = seg.to_ascii_lowercase();
            if seg == "**" {
                if segments.last() != Some(&Segment::AnyDepth) {
                    segments.push(Segment::AnyDepth);
                }
            } else if seg.contains("**") {
                return Err(err("'**' must be a whole path segment"));
            } else if seg.matches('*').count() > MAX_STARS {
                return Err(err("at most 4 '*' in one path segment"));
            } else if seg.contains('*') {
                segments.push(Segment::Glob(seg.split('*').map(str::to_string).collect()));
            } else {
                segments.push(Segment::Literal(seg));
            }
        }
        Ok(UrlPattern { host, any_subdomain, segments })
    }

    pub fn matches(&self, url: &Url<'_>) -> bool {
        let host_ok = if self.any_subdomain { host_within(&url.host, &self.host) } else { url.host == self.host };
        if !host_ok {
            return false;
        }
        let segs: Vec<&str> = url.segments().collect();
        match_segments(&self.segments, &segs)
    }

    /// The host the pattern is anchored to (for indexing by host).
    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn any_subdomain(&self) -> bool {
        self.any_subdomain
    }
}

fn match_segments(pats: &[Segment], segs: &[&str]) -> bool {
    match pats.split_first() {
        None => segs.is_empty(),
        Some((Segment::AnyDepth, rest)) => (0..=segs.len()).any(|skip| match_segments(rest, &segs[skip..])),
        Some((pat, rest)) => match segs.split_first() {
            Some((seg, more)) => match_one(pat, seg) && match_segments(rest, more),
            None => false,
        },
    }
}

fn match_one(pat: &Segment, seg: &str) -> bool {
    match pat {
        Segment::Literal(lit) => lit.eq_ignore_ascii_case(seg),
        Segment::Glob(pieces) => glob(pieces, &seg.to_ascii_lowercase()),
        Segment::AnyDepth => true,
    }
}

/// `*` glob over pieces already split on `*`; every star matches at least one character,
/// so `p-*` does not match `p-`.
fn glob(pieces: &[String], s: &str) -> bool {
    match pieces.split_first() {
        Some((first, rest)) => s.strip_prefix(first.as_str()).is_some_and(|s| stars(rest, s)),
        None => false,
    }
}

/// Each piece is preceded by a star.
fn stars(pieces: &[String], s: &str) -> bool {
    let Some((piece, rest)) = pieces.split_first() else {
        return s.is_empty();
    };
    if rest.is_empty() {
        return s.len() > piece.len() && s.ends_with(piece.as_str());
    }
    s.match_indices(piece.as_str()).filter(|(i, _)| *i >= 1).any(|(i, _)| stars(rest, &s[i + piece.len()..]))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(p: &str, u: &str) -> bool {
        UrlPattern::parse(p).unwrap().matches(&Url::parse(u).unwrap())
    }

    #[test]
    fn literal_star_and_any_depth() {
        assert!(m("klout.com/*", "https://www.klout.com/jack/"));
        assert!(!m("klout.com/*", "https://klout.com/"));
        assert!(!m("klout.com/*", "https://klout.com/corp/optout"));
        assert!(m("klout.com/corp/**", "https://klout.com/corp"));
        assert!(m("klout.com/corp/**", "https://klout.com/corp/a/b"));
        assert!(m("rocketreach.co/*-email_*", "https://rocketreach.co/jane-doe-email_123"));
        assert!(!m("rocketreach.co/*-email_*", "https://rocketreach.co/jane-doe-email_"));
        assert!(!m("radaris.com/p-*", "https://radaris.com/p-"));
        assert!(m("radaris.com/p-*", "https://radaris.com/P-Jane"));
    }

    #[test]
    fn hosts() {
        assert!(m("*.klout.com/**", "http://widgets.klout.com/x"));
        assert!(m("*.klout.com/**", "http://klout.com/"));
        assert!(!m("klout.com/**", "http://widgets.klout.com/x"));
        assert!(!m("*.klout.com/**", "http://evilklout.com/x"));
    }

    #[test]
    fn errors_name_the_pattern() {
        let e = UrlPattern::parse("https://klout.com/*").unwrap_err();
        assert_eq!(
            e.to_string(),
            "pattern \"https://klout.com/*\": write host/path without a scheme (e.g. klout.com/*)"
        );
        assert!(UrlPattern::parse("klout/*").is_err());
        assert!(UrlPattern::parse("kl*ut.com/*").is_err());
        assert!(UrlPattern::parse("klout.com/a**").is_err());
        assert!(UrlPattern::parse("/x").is_err());
    }
}
