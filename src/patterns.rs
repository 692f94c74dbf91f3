//! URL patterns of the catalog: `host/path` globs, compiled once and matched per URL.
//!
//! Syntax (see `src/catalog/README.md`):
//! - host: `klout.com` matches that host (a leading `www.` on the URL is ignored);
//!   `*.klout.com` matches it and any subdomain.
//! - path, split on `/`: a literal segment matches itself (ASCII case-insensitively); `*`
//!   inside a segment matches any run of characters within it (`p-*`, `*-email_*`); `#`
//!   matches a run of digits (a phone lookup `#-#-#` is `314-555-0100`, never `terms-of-use`);
//!   a whole `**` segment matches any number of segments, none included; `{state}` matches a
//!   US state's two-letter code or DC's (`name/*/{state}` is a name searched in one state,
//!   `/jane-doe/OH`, never a record's id).
//! - an optional `?key=glob&key2` after the path requires those query keys (a record page such
//!   as `person.php?id=123`); `key` alone or `key=*` accepts any non-empty value. Other query
//!   keys never matter, nor does a fragment, except a hash router's route (`#/…`, `#!/…`),
//!   whose segments follow the path's (`/zi-lite/#/profile/person/12` is
//!   `zi-lite/profile/person/12`).
//!
//! ```
//! use unscored::patterns::UrlPattern;
//! use unscored::urls::Url;
//! let p = UrlPattern::parse("*.klout.com/badge/**").unwrap();
//! assert!(p.matches(&Url::parse("http://widgets.klout.com/badge/jack").unwrap()));
//! assert!(!p.matches(&Url::parse("http://klout.com/jack").unwrap()));
//! let phone = UrlPattern::parse("fastpeoplesearch.com/#-#-#").unwrap();
//! assert!(phone.matches(&Url::parse("https://www.fastpeoplesearch.com/314-555-0100").unwrap()));
//! assert!(!phone.matches(&Url::parse("https://www.fastpeoplesearch.com/terms-of-use").unwrap()));
//! ```

use crate::urls::{decode_unreserved, host_within, Url};
use std::borrow::Cow;
use std::fmt;

/// Keeps matching linear enough for any input: a segment glob backtracks per wildcard.
const MAX_STARS: usize = 4;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UrlPattern {
    host: String,
    any_subdomain: bool,
    segments: Vec<Segment>,
    /// Query keys the URL must carry, with a glob for the value (None: any non-empty value).
    query: Vec<(String, Option<Segment>)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Literal(String),
    /// A literal prefix, then each wildcard with the literal after it.
    Glob(String, Vec<(Wildcard, String)>),
    AnyDepth,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Wildcard {
    /// `*`: one or more characters.
    Any,
    /// `#`: one or more ASCII digits.
    Digits,
    /// `{state}`: a US state's postal code or DC's, two letters.
    State,
}

/// The codes `{state}` matches, lower-cased as segments are before matching.
const STATE_CODES: [&str; 51] = [
    "al", "ak", "az", "ar", "ca", "co", "ct", "de", "dc", "fl", "ga", "hi", "id", "il", "in", "ia", "ks", "ky", "la",
    "me", "md", "ma", "mi", "mn", "ms", "mo", "mt", "ne", "nv", "nh", "nj", "nm", "ny", "nc", "nd", "oh", "ok", "or",
    "pa", "ri", "sc", "sd", "tn", "tx", "ut", "vt", "va", "wa", "wv", "wi", "wy",
];

const STATE: &str = "{state}";

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
        if pattern.contains(' ') {
            return Err(err("spaces are not part of a pattern"));
        }
        let (pattern_path, query) = pattern.split_once('?').unwrap_or((pattern, ""));
        let (host, path) = pattern_path.split_once('/').unwrap_or((pattern_path, ""));
        if host.contains('#') {
            return Err(err("'#' (a run of digits) belongs in the path or a query value, not the host"));
        }
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
            } else if wildcards(&seg) > MAX_STARS {
                return Err(err("at most 4 '*', '#' or '{state}' in one path segment"));
            } else if seg.contains(['*', '#', '{', '}']) {
                segments.push(glob_segment(&seg).map_err(|e| err(&e))?);
            } else {
                segments.push(Segment::Literal(seg));
            }
        }
        let mut required = Vec::new();
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = pair.split_once('=').unwrap_or((pair, "*"));
            if key.is_empty() || key.contains('*') {
                return Err(err("a query part names its key literally: ?id=* or ?id"));
            }
            let value = match value {
                "*" => None,
                v if v.contains("**") || wildcards(v) > MAX_STARS => {
                    return Err(err("a query value takes at most 4 single '*', '#' or '{state}'"))
                }
                v if v.contains(['*', '#', '{', '}']) => {
                    Some(glob_segment(&v.to_ascii_lowercase()).map_err(|e| err(&e))?)
                }
                v => Some(Segment::Literal(v.to_ascii_lowercase())),
            };
            required.push((key.to_string(), value));
        }
        if query.is_empty() && pattern.contains('?') {
            return Err(err("'?' must be followed by the query key a record page carries, e.g. ?id=*"));
        }
        Ok(UrlPattern { host, any_subdomain, segments, query: required })
    }

    pub fn matches(&self, url: &Url<'_>) -> bool {
        let host_ok = if self.any_subdomain { host_within(&url.host, &self.host) } else { url.host == self.host };
        if !host_ok {
            return false;
        }
        let path_ok = if url.path.contains('%') || url.route.contains('%') {
            let decoded: Vec<Cow<'_, str>> = url.segments().map(decode_unreserved).collect();
            match_segments(&self.segments, &decoded.iter().map(|s| s.as_ref()).collect::<Vec<_>>())
        } else {
            match_segments(&self.segments, &url.segments().collect::<Vec<_>>())
        };
        path_ok && self.query_matches(url)
    }

    fn query_matches(&self, url: &Url<'_>) -> bool {
        self.query.iter().all(|(key, value)| match url.query_value(key) {
            Some(v) if !v.is_empty() => value.as_ref().is_none_or(|glob| match_one(glob, &v)),
            _ => false,
        })
    }

    /// The host the pattern is anchored to (for indexing by host).
    pub fn host(&self) -> &str {
        &self.host
    }

    pub fn any_subdomain(&self) -> bool {
        self.any_subdomain
    }
}

/// Set-of-positions matching: linear in pattern × path, whatever the `**`s.
fn match_segments(pats: &[Segment], segs: &[&str]) -> bool {
    // reach[j]: the pattern so far can consume exactly segs[..j].
    let mut reach = vec![false; segs.len() + 1];
    reach[0] = true;
    for pat in pats {
        let mut next = vec![false; segs.len() + 1];
        match pat {
            Segment::AnyDepth => {
                let mut any = false;
                for j in 0..=segs.len() {
                    any |= reach[j];
                    next[j] = any;
                }
            }
            _ => {
                for j in 0..segs.len() {
                    next[j + 1] = reach[j] && match_one(pat, segs[j]);
                }
            }
        }
        if !next.iter().any(|r| *r) {
            return false;
        }
        reach = next;
    }
    reach[segs.len()]
}

fn match_one(pat: &Segment, seg: &str) -> bool {
    match pat {
        Segment::Literal(lit) => lit.eq_ignore_ascii_case(seg),
        Segment::Glob(first, rest) => glob(first, rest, &seg.to_ascii_lowercase()),
        Segment::AnyDepth => true,
    }
}

fn wildcards(seg: &str) -> usize {
    seg.matches(['*', '#']).count() + seg.to_ascii_lowercase().matches(STATE).count()
}

/// A segment holding `*`, `#` or `{state}`, already lower-cased; a brace naming anything
/// else is an error.
fn glob_segment(seg: &str) -> Result<Segment, String> {
    let mut first = String::new();
    let mut rest: Vec<(Wildcard, String)> = Vec::new();
    let mut s = seg;
    while let Some(c) = s.chars().next() {
        let wildcard = match c {
            '*' => Some((Wildcard::Any, 1)),
            '#' => Some((Wildcard::Digits, 1)),
            '{' if s.starts_with(STATE) => Some((Wildcard::State, STATE.len())),
            '{' | '}' => return Err(format!("'{{' and '}}' only enclose {STATE} (a US state's code)")),
            _ => None,
        };
        match wildcard {
            Some((w, len)) => {
                rest.push((w, String::new()));
                s = &s[len..];
            }
            None => {
                rest.last_mut().map_or(&mut first, |(_, piece)| piece).push(c);
                s = &s[c.len_utf8()..];
            }
        }
    }
    Ok(Segment::Glob(first, rest))
}

/// A literal prefix, then wildcards each followed by a literal piece; every wildcard matches
/// at least one character, so `p-*` does not match `p-`. Dynamic programming over (piece,
/// position): no backtracking blow-up on hostile input.
fn glob(first: &str, rest: &[(Wildcard, String)], s: &str) -> bool {
    let Some(s) = s.strip_prefix(first) else { return false };
    let b = s.as_bytes();
    // at[i]: the pieces so far end exactly at byte i.
    let mut at = vec![false; b.len() + 1];
    at[0] = true;
    for (wildcard, piece) in rest {
        let p = piece.as_bytes();
        let mut next = vec![false; b.len() + 1];
        if *wildcard == Wildcard::State {
            for start in (0..b.len()).filter(|&i| at[i]) {
                let end = start + 2;
                if b.len() >= end + p.len()
                    && STATE_CODES.iter().any(|code| code.as_bytes() == &b[start..end])
                    && &b[end..end + p.len()] == p
                {
                    next[end + p.len()] = true;
                }
            }
            at = next;
            continue;
        }
        // The wildcard spans [start, k), k = end - p.len(): `*` needs any reached start
        // before k; `#` one within the run of digits that ends at k.
        let mut earliest: Option<usize> = None;
        let mut reached_in_digits: Option<usize> = None;
        for k in 0..b.len() {
            if earliest.is_none() && at[k] {
                earliest = Some(k);
            }
            if !b[k].is_ascii_digit() {
                reached_in_digits = None;
            } else if reached_in_digits.is_none() && at[k] {
                reached_in_digits = Some(k);
            }
            let start = match wildcard {
                Wildcard::Any => earliest,
                Wildcard::Digits => reached_in_digits,
                Wildcard::State => None,
            };
            if start.is_some() && b.len() >= k + 1 + p.len() && &b[k + 1..k + 1 + p.len()] == p {
                next[k + 1 + p.len()] = true;
            }
        }
        at = next;
    }
    at[b.len()]
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
        assert!(m("x.co/*a*b", "https://x.co/zzazb"));
        assert!(!m("x.co/*a*b", "https://x.co/ab"));
        assert!(m("x.co/**/a/**/b", "https://x.co/a/b"));
        assert!(m("x.co/**/a/**/b", "https://x.co/q/a/r/s/b"));
        assert!(!m("x.co/**/a/**/b", "https://x.co/q/b/a"));
    }

    #[test]
    fn digit_runs() {
        assert!(m("x.co/#-#-#", "https://x.co/314-555-0100"));
        assert!(!m("x.co/#-#-#", "https://x.co/terms-of-use"));
        assert!(!m("x.co/#-#-#", "https://x.co/314-555-"));
        assert!(!m("x.co/#-#-#", "https://x.co/314-555-01a0"));
        assert!(m("x.co/phone/#", "https://x.co/phone/3145550100"));
        assert!(m("x.co/*/*/#-*", "https://x.co/ca/la/123-main-st"));
        assert!(!m("x.co/*/*/#-*", "https://x.co/ca/la/main-st"));
        assert!(m("x.co/r?number=#", "https://x.co/r?number=3145550100"));
        assert!(!m("x.co/r?number=#", "https://x.co/r?number=jane"));
        assert!(UrlPattern::parse("x#.co/a").is_err());
    }

    #[test]
    fn state_codes() {
        assert!(m("x.co/name/*/{state}", "https://x.co/name/Jane-Doe/OH"));
        assert!(m("x.co/name/*/{state}", "https://x.co/name/Jane-Doe/dc"));
        assert!(!m("x.co/name/*/{state}", "https://x.co/name/Jane-Doe/QQ"));
        assert!(!m("x.co/name/*/{state}", "https://x.co/name/Jane-Doe/Ohio"));
        assert!(m("x.co/*-*/*-{state}", "https://x.co/jane-doe/austin-tx"));
        assert!(!m("x.co/*-*/*-{state}", "https://x.co/jane-doe/UQjM1NzY4-Tx9"));
        assert!(m("x.co/{state}-*", "https://x.co/CA-los-angeles"));
        assert!(m("x.co/r?st={state}", "https://x.co/r?st=NY"));
        let e = UrlPattern::parse("x.co/name/{county}").unwrap_err();
        assert!(e.to_string().contains("{state}"), "{e}");
        assert!(UrlPattern::parse("x.co/a}").is_err());
    }

    /// The dynamic programme against plain backtracking, on every short segment and glob over
    /// a small alphabet.
    #[test]
    fn glob_agrees_with_backtracking() {
        fn naive(p: &[u8], s: &[u8]) -> bool {
            match p.split_first() {
                None => s.is_empty(),
                Some((b'*', rest)) => (1..=s.len()).any(|i| naive(rest, &s[i..])),
                Some((b'#', rest)) => {
                    (1..=s.len()).take_while(|&i| s[i - 1].is_ascii_digit()).any(|i| naive(rest, &s[i..]))
                }
                Some((c, rest)) => s.first() == Some(c) && naive(rest, &s[1..]),
            }
        }
        let words = |alphabet: &[u8], max: usize| {
            let mut all = vec![Vec::new()];
            let mut last = vec![Vec::new()];
            for _ in 0..max {
                last = last
                    .iter()
                    .flat_map(|w: &Vec<u8>| alphabet.iter().map(move |c| [w.as_slice(), &[*c]].concat()))
                    .collect();
                all.extend(last.iter().cloned());
            }
            all
        };
        for pattern in words(b"a1*#", 4).into_iter().filter(|p| p.iter().any(|c| matches!(c, b'*' | b'#'))) {
            let pattern = String::from_utf8(pattern).unwrap();
            let Ok(Segment::Glob(first, rest)) = glob_segment(&pattern) else { unreachable!() };
            for s in words(b"a1-", 5) {
                let s = String::from_utf8(s).unwrap();
                assert_eq!(glob(&first, &rest, &s), naive(pattern.as_bytes(), s.as_bytes()), "{pattern:?} on {s:?}");
            }
        }
    }

    #[test]
    fn hostile_input_stays_fast() {
        let long = format!("https://x.co/{}", "a".repeat(16_000));
        assert!(!m("x.co/*a*a*a*b", &long));
        let digits = format!("https://x.co/{}", "1".repeat(16_000));
        assert!(!m("x.co/#1#1#1#a", &digits));
        let deep = format!("https://x.co/{}", "a/".repeat(8_000));
        assert!(!m("x.co/**/a/**/a/**/a/**/b", &deep));
    }

    #[test]
    fn query_keys() {
        assert!(m("x.co/person.php?id=*", "https://x.co/person.php?id=123"));
        assert!(m("x.co/person.php?id", "https://x.co/Person.php?q=a&id=123#top"));
        assert!(!m("x.co/person.php?id=*", "https://x.co/person.php?id="));
        assert!(!m("x.co/person.php?id=*", "https://x.co/person.php"));
        assert!(m("x.co/r?type=person&id=*", "https://x.co/r?id=9&type=Person"));
        assert!(!m("x.co/r?type=person&id=*", "https://x.co/r?id=9&type=company"));
        assert!(m("x.co/r?id=p-*", "https://x.co/r?id=P-9"));
        assert!(UrlPattern::parse("x.co/r?").is_err());
        assert!(UrlPattern::parse("x.co/r?*=1").is_err());
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
