//! A small, allocation-light URL splitter for matching, not a full WHATWG parser.
//!
//! The engine only needs scheme, host, path and query pairs, and must never panic on
//! hostile input; pulling the `url` crate (and its IDNA tables) into the wasm would cost
//! more than the whole engine. Hosts are lower-cased, a trailing dot and `www.` are
//! dropped for matching; percent-decoding is done on query values only.
//!
//! ```
//! let u = unscored::urls::Url::parse("HTTPS://www.Klout.com/corp/optout?x=1#top").unwrap();
//! assert_eq!(u.host, "klout.com");
//! assert_eq!(u.path, "/corp/optout");
//! assert_eq!(u.query_value("x").as_deref(), Some("1"));
//! ```

use std::borrow::Cow;
use std::fmt;

/// A URL split into the parts the matchers use.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Url<'a> {
    /// Lower-cased scheme, without `:`. Empty for scheme-relative (`//host/…`) input.
    pub scheme: String,
    /// Lower-cased host with `www.` and a trailing dot removed.
    pub host: String,
    /// The host exactly as lower-cased, with `www.` kept (for exact-host checks such as
    /// identity providers).
    pub full_host: String,
    /// Path, always starting with `/`.
    pub path: &'a str,
    /// A hash router's route below a page that is not the site's root (`/zi-lite/` then
    /// `#/profile/person/12`): the app's page, matched as more path segments. Empty when
    /// there is none; a route below the root is the path itself (`klout.com/#/jack`).
    pub route: &'a str,
    /// Raw query without `?` (not decoded).
    pub query: &'a str,
}

/// Why a string is not a URL we can match against.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UrlError {
    Empty,
    TooLong(usize),
    NoHost(String),
    BadHost(String),
}

impl fmt::Display for UrlError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlError::Empty => write!(f, "empty URL"),
            UrlError::TooLong(n) => write!(f, "URL is {n} bytes long; the limit is {MAX_URL_LEN}"),
            UrlError::NoHost(u) => write!(f, "{u:?} has no host (expected e.g. https://example.com/path)"),
            UrlError::BadHost(h) => write!(f, "{h:?} is not a valid host name"),
        }
    }
}

impl std::error::Error for UrlError {}

/// Longer URLs are refused rather than scanned: no real page address is this long.
pub const MAX_URL_LEN: usize = 16 * 1024;

impl<'a> Url<'a> {
    /// Splits an absolute (`scheme://host/...`) or scheme-relative (`//host/...`) URL.
    pub fn parse(input: &'a str) -> Result<Url<'a>, UrlError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(UrlError::Empty);
        }
        if s.len() > MAX_URL_LEN {
            return Err(UrlError::TooLong(s.len()));
        }
        let (scheme, rest) = match s.find("://") {
            Some(i) if i > 0 && s[..i].bytes().all(|b| b.is_ascii_alphanumeric() || b"+-.".contains(&b)) => {
                (s[..i].to_ascii_lowercase(), &s[i + 3..])
            }
            _ if s.starts_with("//") => (String::new(), &s[2..]),
            _ => return Err(UrlError::NoHost(truncate(s))),
        };
        let (rest, fragment) = rest.split_once('#').unwrap_or((rest, ""));
        let authority_end = rest.find(['/', '?', '\\']).unwrap_or(rest.len());
        let authority = &rest[..authority_end];
        let after = &rest[authority_end..];
        // Drop userinfo and port: `user:pw@host:8080`.
        let hostport = authority.rsplit('@').next().unwrap_or("");
        let host_raw = if hostport.starts_with('[') {
            hostport.split(']').next().map(|h| &h[1..]).unwrap_or("")
        } else {
            hostport.split(':').next().unwrap_or("")
        };
        if host_raw.is_empty() {
            return Err(UrlError::NoHost(truncate(s)));
        }
        if !host_raw.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._:%".contains(&b) || b >= 0x80) {
            return Err(UrlError::BadHost(truncate(host_raw)));
        }
        let full_host = host_raw.trim_end_matches('.').to_lowercase();
        let host = full_host.strip_prefix("www.").unwrap_or(&full_host).to_string();
        let (path, query) = match after.find('?') {
            Some(i) => (&after[..i], &after[i + 1..]),
            None => (after, ""),
        };
        let path = if path.is_empty() { "/" } else { path };
        // Sites of the early 2010s (Klout, Twitter) kept the real path in the fragment:
        // `klout.com/#/jack`, `twitter.com/#!/jack`; single-page apps served below the root
        // keep their routes there too (`apps.zoominfo.com/zi-lite/#/profile/person/12`).
        let hashbang = fragment.strip_prefix('!').unwrap_or(fragment);
        let hash_route =
            (hashbang.len() > 1 && hashbang.starts_with('/')).then(|| hashbang.split('?').next().unwrap_or(hashbang));
        let (path, route) = match hash_route {
            Some(route) if path == "/" => (route, ""),
            Some(route) => (path, route),
            None => (path, ""),
        };
        Ok(Url { scheme, host, full_host, path, route, query })
    }

    /// Query pairs, percent-decoded (`+` as space), in order.
    pub fn query_pairs(&self) -> impl Iterator<Item = (Cow<'a, str>, Cow<'a, str>)> {
        self.query.split('&').filter(|p| !p.is_empty()).map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            (percent_decode(k), percent_decode(v))
        })
    }

    /// First value of a query parameter, decoded.
    pub fn query_value(&self, name: &str) -> Option<Cow<'a, str>> {
        self.query_pairs().find(|(k, _)| k == name).map(|(_, v)| v)
    }

    /// Path segments, then the hash route's, empty ones dropped (`/a//b/` → `a`, `b`).
    pub fn segments(&self) -> impl Iterator<Item = &'a str> {
        self.path.split('/').chain(self.route.split('/')).filter(|s| !s.is_empty())
    }

    /// True when `host` is `domain` or one of its subdomains.
    pub fn host_is_within(&self, domain: &str) -> bool {
        host_within(&self.host, domain)
    }
}

/// True when `host` is `domain` or a subdomain of it (both lower-case, no `www.` needed).
pub fn host_within(host: &str, domain: &str) -> bool {
    host == domain
        || (host.len() > domain.len()
            && host.ends_with(domain)
            && host.as_bytes()[host.len() - domain.len() - 1] == b'.')
}

/// The Wayback Machine's host: its copies of pages keep the original address in their own.
pub const ARCHIVE_HOST: &str = "web.archive.org";

/// The page a Wayback Machine copy shows: `https://web.archive.org/web/20150610170746/http://klout.com/jane`
/// (a capture's timestamp, maybe with a mode such as `id_`) is a copy of `http://klout.com/jane`,
/// query and fragment included. The only Klout profiles left are such copies. A calendar or a
/// search of captures (`/web/*/klout.com/jane*`) is no copy of one page.
pub fn archived_original(input: &str) -> Option<String> {
    if Url::parse(input).ok()?.host != ARCHIVE_HOST {
        return None;
    }
    let s = input.trim();
    let after_scheme = s.find("://").map_or(0, |i| i + 3);
    let at = after_scheme + s[after_scheme..].find('/')?;
    let (stamp, original) = s[at..].strip_prefix("/web/")?.split_once('/')?;
    let digits = stamp.bytes().take_while(u8::is_ascii_digit).count();
    let mode = &stamp[digits..];
    if !(4..=14).contains(&digits) || !mode.bytes().all(|b| b.is_ascii_lowercase() || b == b'_') {
        return None;
    }
    let original = if original.contains("://") { original.to_string() } else { format!("http://{original}") };
    Url::parse(&original).is_ok().then_some(original)
}

/// Decodes the escapes of unreserved characters (letters, digits, `-._~`), which mean the same
/// written either way (RFC 3986 §6.2.2.2): a tool's `peekyou.com/Jane%5fDoe` is `Jane_Doe`.
/// Other escapes (`%2F`, `%20`) stay, so a segment never splits or gains a space.
pub fn decode_unreserved(s: &str) -> Cow<'_, str> {
    unescape(s, false, |b| b.is_ascii_alphanumeric() || b"-._~".contains(&b))
}

/// Percent-decodes `+` and `%XX`; invalid escapes stay as written, invalid UTF-8 is replaced.
pub fn percent_decode(s: &str) -> Cow<'_, str> {
    unescape(s, true, |_| true)
}

/// Decodes the `%XX` escapes whose byte `decode` accepts (and `+` as a space when `plus` says
/// so); everything else stays as written.
fn unescape(s: &str, plus: bool, decode: impl Fn(u8) -> bool) -> Cow<'_, str> {
    if !s.bytes().any(|b| b == b'%' || (plus && b == b'+')) {
        return Cow::Borrowed(s);
    }
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let escaped = (bytes[i] == b'%' && i + 2 < bytes.len())
            .then(|| Some(hex(bytes[i + 1])? << 4 | hex(bytes[i + 2])?))
            .flatten()
            .filter(|&b| decode(b));
        match (bytes[i], escaped) {
            (_, Some(b)) => {
                out.push(b);
                i += 2;
            }
            (b'+', None) if plus => out.push(b' '),
            (b, None) => out.push(b),
        }
        i += 1;
    }
    Cow::Owned(String::from_utf8_lossy(&out).into_owned())
}

fn hex(b: u8) -> Option<u8> {
    match b {
        b'0'..=b'9' => Some(b - b'0'),
        b'a'..=b'f' => Some(b - b'a' + 10),
        b'A'..=b'F' => Some(b - b'A' + 10),
        _ => None,
    }
}

fn truncate(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

/// Whether one of `words` (lower-case) is a word of `path`, split on anything but letters and
/// digits (`/jobs/42/candidates` holds "candidates"). The page side reads paths the same way
/// (`needsEngine` in extension/content.js).
pub fn path_has_word<W: AsRef<str>>(path: &str, words: &[W]) -> bool {
    path.to_lowercase().split(|c: char| !c.is_alphanumeric()).any(|w| words.iter().any(|p| p.as_ref() == w))
}

/// Pages every site has, which no site gives a person's record the address of: a profile
/// pattern as broad as `example.com/*` still does not take `example.com/privacy-policy`.
/// (A site's searches live at such names, `allpeople.com/search?ss=…`: only profiles are ruled
/// out.)
const SITE_PAGES: &[&str] = &[
    "about",
    "about-us",
    "aboutus",
    "contact",
    "contact-us",
    "contactus",
    "privacy",
    "privacy-policy",
    "privacypolicy",
    "terms",
    "terms-of-use",
    "terms-of-service",
    "terms-and-conditions",
    "tos",
    "legal",
    "login",
    "log-in",
    "signin",
    "sign-in",
    "logout",
    "signup",
    "sign-up",
    "register",
    "help",
    "faq",
    "faqs",
    "support",
    "blog",
    "press",
    "careers",
    "pricing",
    "api",
    "sitemap",
    "search",
    "opt-out",
    "optout",
    "removal",
    "remove-my-information",
    "do-not-sell",
    "dmca",
    "ccpa",
    "accessibility",
    "cookie-policy",
    "cookies",
];

/// Whether the address is a page every site has ("about", "contact", "privacy", "login",
/// "faq", "opt-out", ...: `SITE_PAGES`) or lies in such a section: its last or its first
/// segment, without a file extension, is one (`/opt-out/submit/` is a form's step, no record).
pub fn is_site_page(url: &Url<'_>) -> bool {
    let is_one = |segment: &str| {
        let segment = segment.to_ascii_lowercase();
        let name = match segment.rsplit_once('.') {
            Some((name, "html" | "htm" | "php" | "aspx" | "asp" | "jsp" | "xml")) => name,
            _ => segment.as_str(),
        };
        SITE_PAGES.contains(&name)
    };
    url.segments().next().is_some_and(is_one) || url.segments().last().is_some_and(is_one)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_site_section_is_a_site_page() {
        let site = |u: &str| is_site_page(&Url::parse(u).unwrap());
        assert!(site("https://www.usa-people-search.com/opt-out/submit/"));
        assert!(site("https://example.com/people/privacy.html"));
        assert!(!site("https://www.usa-people-search.com/Jane-Marie-Doe/abc123"));
        assert!(!site("https://example.com/"));
    }

    #[test]
    fn splits_parts() {
        let u = Url::parse("http://user:pw@Widgets.KLOUT.com.:8080/badge/jack?a=1&b=x%20y+z#f").unwrap();
        assert_eq!(u.scheme, "http");
        assert_eq!(u.host, "widgets.klout.com");
        assert_eq!(u.path, "/badge/jack");
        assert_eq!(u.query_value("b").as_deref(), Some("x y z"));
        assert_eq!(u.segments().collect::<Vec<_>>(), ["badge", "jack"]);
    }

    #[test]
    fn hashbang_paths_count() {
        assert_eq!(Url::parse("http://klout.com/#/jack").unwrap().path, "/jack");
        assert_eq!(Url::parse("https://twitter.com/#!/jack?x=1").unwrap().path, "/jack");
        assert_eq!(Url::parse("https://example.com/page#/section").unwrap().path, "/page");
        assert_eq!(Url::parse("https://example.com/#top").unwrap().path, "/");
    }

    #[test]
    fn a_hash_route_below_a_page_adds_segments() {
        let u = Url::parse("https://apps.zoominfo.com/zi-lite/#/profile/person/123/contact-profile?x=1").unwrap();
        assert_eq!((u.path, u.route), ("/zi-lite/", "/profile/person/123/contact-profile"));
        assert_eq!(u.segments().collect::<Vec<_>>(), ["zi-lite", "profile", "person", "123", "contact-profile"]);
        let plain = Url::parse("https://example.com/page#section").unwrap();
        assert_eq!((plain.route, plain.segments().count()), ("", 1));
    }

    #[test]
    fn scheme_relative_and_bare_host() {
        let u = Url::parse("//www.klout.com").unwrap();
        assert_eq!((u.scheme.as_str(), u.host.as_str(), u.path), ("", "klout.com", "/"));
        assert_eq!(u.full_host, "www.klout.com");
    }

    #[test]
    fn rejects_with_reason() {
        assert_eq!(Url::parse("  "), Err(UrlError::Empty));
        assert!(matches!(Url::parse("klout.com/jack"), Err(UrlError::NoHost(_))));
        assert!(matches!(Url::parse("https:///x"), Err(UrlError::NoHost(_))));
        assert!(matches!(Url::parse("https://a b/"), Err(UrlError::BadHost(_))));
        assert_eq!(
            Url::parse("https://").unwrap_err().to_string(),
            "\"https://\" has no host (expected e.g. https://example.com/path)"
        );
    }

    #[test]
    fn decoding_never_panics_on_broken_escapes() {
        assert_eq!(percent_decode("%"), "%");
        assert_eq!(percent_decode("%4"), "%4");
        assert_eq!(percent_decode("%zz%41"), "%zzA");
        assert_eq!(percent_decode("%ff"), "\u{fffd}");
    }

    #[test]
    fn an_archived_copy_names_its_original() {
        let copy = |u: &str| archived_original(u);
        assert_eq!(
            copy("https://web.archive.org/web/20200610170746/https://socialblade.com/youtube/user/jane/monthly")
                .as_deref(),
            Some("https://socialblade.com/youtube/user/jane/monthly")
        );
        assert_eq!(
            copy("https://web.archive.org/web/20140101000000id_/http://klout.com/#/jane").as_deref(),
            Some("http://klout.com/#/jane")
        );
        assert_eq!(
            copy("https://web.archive.org/web/2015/klout.com/jane?x=1").as_deref(),
            Some("http://klout.com/jane?x=1")
        );
        // Captures listed, the archive's own pages, other hosts: no copy of one page.
        assert_eq!(copy("https://web.archive.org/web/*/klout.com/jane*"), None);
        assert_eq!(copy("https://web.archive.org/web/20150610170746/"), None);
        assert_eq!(copy("https://web.archive.org/details/texts"), None);
        assert_eq!(copy("https://example.org/web/20150610170746/http://klout.com/jane"), None);
        assert_eq!(copy("not a url"), None);
    }

    #[test]
    fn only_unreserved_escapes_are_decoded() {
        assert_eq!(decode_unreserved("Jane%5fDoe"), "Jane_Doe");
        assert_eq!(decode_unreserved("Jane%2DDoe%7e"), "Jane-Doe~");
        assert_eq!(decode_unreserved("a%2Fb%20c"), "a%2Fb%20c");
        assert_eq!(decode_unreserved("%"), "%");
        assert_eq!(decode_unreserved("%4"), "%4");
        assert_eq!(decode_unreserved("é%41%"), "éA%");
    }

    #[test]
    fn subdomain_check_needs_a_dot() {
        assert!(host_within("widgets.klout.com", "klout.com"));
        assert!(host_within("klout.com", "klout.com"));
        assert!(!host_within("notklout.com", "klout.com"));
    }
}
