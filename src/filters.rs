//! Cosmetic filters in the uBlock Origin / Adblock Plus syntax users already know.
//!
//! Accepted, one rule a line:
//! - `##selector`: generic, applies on every site;
//! - `example.com,foo.org##selector`: on those hosts and their subdomains (`www.` ignored);
//! - `~example.com##selector`: negated host, everywhere (or on the listed hosts) but there;
//! - `#@#selector`, `example.com#@#selector`: exception, cancels the same selector (and the
//!   same `:has-text()`) where it applies;
//! - `selector:has-text(text)`: the element's text must contain `text`, case-insensitively
//!   (plain substring: the `/regex/` form is refused); it must end the selector;
//! - blank lines, `!` comments and an `[Adblock Plus 2.0]` header are skipped.
//!
//! Everything else (network filters such as `||ads.example^`, `#$#`, `#?#`, `+js()`
//! scriptlets, `##^` HTML filters, other procedural operators) is an error saying why,
//! with the line and the character column. Selectors get a light sanity check (balanced
//! `[]`, `()` and quotes, no `{`/`}`, no dangling combinator) so `querySelectorAll` never sees
//! garbage; it is not a CSS parser, so the caller must still expect the browser to refuse a
//! selector now and then.
//!
//! ```
//! use unscored::filters::{parse_list, FilterSet};
//! let (filters, errors) = parse_list("##.score-badge\nexample.com##div:has-text(Credit score)\n||ads^");
//! assert_eq!(errors.len(), 1);
//! let set = FilterSet::new(filters);
//! let on = set.selectors_for("www.shop.example.com");
//! assert_eq!(on.len(), 2);
//! assert!(on[1].text_matches("Your CREDIT SCORE is ready"));
//! ```

use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// Longest rule accepted, in bytes (after trimming surrounding whitespace).
pub const MAX_RULE_LEN: usize = 4096;

/// One parsed cosmetic filter.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct CosmeticFilter {
    /// The rule as written (surrounding whitespace trimmed).
    pub raw: String,
    /// Hosts it is limited to (lower-case, `www.` dropped); empty means every host.
    pub hosts: Vec<String>,
    /// Hosts (and their subdomains) it never applies to.
    pub not_hosts: Vec<String>,
    /// `#@#`: cancels the same selector instead of adding one.
    pub exception: bool,
    /// Plain CSS for `querySelectorAll`, the `:has-text()` part removed.
    pub selector: String,
    /// Lower-cased text the element must contain, from `:has-text()`.
    pub has_text: Option<String>,
}

/// A rule that was refused, and where.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FilterError {
    /// The rule as written (shortened when over-long).
    pub rule: String,
    /// 1-based line number in the list (1 for [`parse_filter`]).
    pub line: usize,
    /// 1-based character (not byte) column where the problem is.
    pub column: usize,
    pub problem: String,
}

impl fmt::Display for FilterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "line {}, column {}: `{}` — {}", self.line, self.column, self.rule, self.problem)
    }
}

impl std::error::Error for FilterError {}

/// Parses one rule: `Ok(None)` for a blank line or a comment.
pub fn parse_filter(line: &str) -> Result<Option<CosmeticFilter>, FilterError> {
    parse_line(line, 1)
}

/// Parses a whole list: every good rule is kept and every bad one reported.
pub fn parse_list(text: &str) -> (Vec<CosmeticFilter>, Vec<FilterError>) {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let mut filters = Vec::new();
    let mut errors = Vec::new();
    for (i, line) in text.lines().enumerate() {
        match parse_line(line, i + 1) {
            Ok(Some(f)) => filters.push(f),
            Ok(None) => {}
            Err(e) => errors.push(e),
        }
    }
    (filters, errors)
}

impl CosmeticFilter {
    /// True when the filter is meant for `host` (any case, `www.` ignored): no host list or a
    /// listed host or parent domain, and no negated one.
    pub fn applies_to(&self, host: &str) -> bool {
        let host = normalize_host(host);
        self.applies_to_normalized(&host)
    }

    fn applies_to_normalized(&self, host: &str) -> bool {
        (self.hosts.is_empty() || self.hosts.iter().any(|h| within(host, h)))
            && !self.not_hosts.iter().any(|h| within(host, h))
    }

    /// True when the element's text contains the `:has-text()` text, case-insensitively;
    /// always true without `:has-text()`.
    pub fn text_matches(&self, element_text: &str) -> bool {
        match &self.has_text {
            None => true,
            Some(t) => element_text.to_lowercase().contains(t.as_str()),
        }
    }

    fn key(&self) -> (&str, Option<&str>) {
        (&self.selector, self.has_text.as_deref())
    }
}

/// The filters of one list, indexed by host; immutable once built.
#[derive(Debug, Clone, Default)]
pub struct FilterSet {
    filters: Vec<CosmeticFilter>,
    hiding: HostIndex,
    exceptions: HostIndex,
}

/// Filter indices: those without a host list, and those with one under each listed host.
#[derive(Debug, Clone, Default)]
struct HostIndex {
    generic: Vec<usize>,
    by_host: HashMap<String, Vec<usize>>,
}

impl HostIndex {
    fn add(&mut self, i: usize, f: &CosmeticFilter) {
        if f.hosts.is_empty() {
            self.generic.push(i);
        }
        for h in &f.hosts {
            self.by_host.entry(h.clone()).or_default().push(i);
        }
    }

    /// Indices of the filters that apply to `host` (normalized), in list order.
    fn lookup(&self, filters: &[CosmeticFilter], host: &str) -> Vec<usize> {
        let mut out: Vec<usize> = self.generic.clone();
        let mut domain = host;
        loop {
            if let Some(v) = self.by_host.get(domain) {
                out.extend_from_slice(v);
            }
            match domain.find('.') {
                Some(dot) => domain = &domain[dot + 1..],
                None => break,
            }
        }
        out.sort_unstable();
        out.dedup();
        out.retain(|&i| filters[i].applies_to_normalized(host));
        out
    }
}

impl FilterSet {
    pub fn new(filters: Vec<CosmeticFilter>) -> FilterSet {
        let mut hiding = HostIndex::default();
        let mut exceptions = HostIndex::default();
        for (i, f) in filters.iter().enumerate() {
            if f.exception {
                exceptions.add(i, f);
            } else {
                hiding.add(i, f);
            }
        }
        FilterSet { filters, hiding, exceptions }
    }

    /// The hiding filters for a page on `host` (any case, `www.` ignored), in list order:
    /// generic and host-specific ones, less those an exception for that host cancels (same
    /// `selector` and `has_text`). Duplicates (same selector and text) are returned once.
    pub fn selectors_for(&self, host: &str) -> Vec<&CosmeticFilter> {
        let host = normalize_host(host);
        let cancelled: HashSet<(&str, Option<&str>)> =
            self.exceptions.lookup(&self.filters, &host).into_iter().map(|i| self.filters[i].key()).collect();
        let mut seen = HashSet::new();
        self.hiding
            .lookup(&self.filters, &host)
            .into_iter()
            .map(|i| &self.filters[i])
            .filter(|f| !cancelled.contains(&f.key()) && seen.insert(f.key()))
            .collect()
    }

    /// Hosts that some filter or exception names: pages there may get other selectors.
    pub fn named_hosts(&self) -> impl Iterator<Item = &str> {
        let listed = self.hiding.by_host.keys().chain(self.exceptions.by_host.keys()).map(String::as_str);
        listed.chain(self.filters.iter().flat_map(|f| f.not_hosts.iter().map(String::as_str)))
    }

    /// Number of filters, exceptions included.
    pub fn len(&self) -> usize {
        self.filters.len()
    }

    pub fn is_empty(&self) -> bool {
        self.filters.is_empty()
    }

    /// All filters, in list order.
    pub fn filters(&self) -> &[CosmeticFilter] {
        &self.filters
    }
}

fn normalize_host(host: &str) -> String {
    let host = host.trim().trim_end_matches('.').to_lowercase();
    match host.strip_prefix("www.") {
        Some(rest) => rest.to_string(),
        None => host,
    }
}

/// `host` is `domain` or one of its subdomains.
fn within(host: &str, domain: &str) -> bool {
    match host.strip_suffix(domain) {
        Some("") => true,
        Some(prefix) => prefix.ends_with('.'),
        None => false,
    }
}

/// Procedural operators of uBO, ABP and AdGuard that are not CSS and not supported here.
const PROCEDURAL: &[&str] = &[
    "-abp-contains",
    "-abp-has",
    "-abp-properties",
    "contains",
    "if",
    "if-not",
    "matches-attr",
    "matches-css",
    "matches-css-after",
    "matches-css-before",
    "matches-media",
    "matches-path",
    "matches-prop",
    "min-text-length",
    "nth-ancestor",
    "others",
    "remove",
    "remove-attr",
    "remove-class",
    "shadow",
    "spath",
    "style",
    "upward",
    "watch-attr",
    "xpath",
];

const HAS_TEXT: &str = ":has-text(";

/// Positions below are byte offsets into the trimmed rule; `Fail` turns them into columns.
struct Fail {
    at: usize,
    problem: String,
}

fn fail<T>(at: usize, problem: impl Into<String>) -> Result<T, Fail> {
    Err(Fail { at, problem: problem.into() })
}

fn parse_line(line: &str, line_no: usize) -> Result<Option<CosmeticFilter>, FilterError> {
    let lead = line.len() - line.trim_start().len();
    let rule = line.trim();
    if rule.is_empty() || rule.starts_with('!') || is_list_header(rule) {
        return Ok(None);
    }
    let column = |at: usize| line.char_indices().take_while(|&(i, _)| i < lead + at).count() + 1;
    if rule.len() > MAX_RULE_LEN {
        // Point at the first character past the limit; quote only the start of the rule.
        let at = rule.char_indices().map(|(i, _)| i).find(|&i| i >= MAX_RULE_LEN).unwrap_or(rule.len());
        return Err(FilterError {
            rule: shorten(rule),
            line: line_no,
            column: column(at),
            problem: format!("rule is {} bytes long; the limit is {MAX_RULE_LEN}", rule.len()),
        });
    }
    parse_rule(rule).map(Some).map_err(|f| FilterError {
        rule: rule.to_string(),
        line: line_no,
        column: column(f.at),
        problem: f.problem,
    })
}

fn is_list_header(rule: &str) -> bool {
    let lower = rule.to_ascii_lowercase();
    (lower.starts_with("[adblock") || lower.starts_with("[ublock")) && rule.ends_with(']')
}

fn shorten(s: &str) -> String {
    match s.char_indices().nth(80) {
        Some((i, _)) => format!("{}…", &s[..i]),
        None => s.to_string(),
    }
}

fn parse_rule(rule: &str) -> Result<CosmeticFilter, Fail> {
    const NOT_COSMETIC: &str =
        "network filters are not supported, only cosmetic ones: `##selector`, `example.com##selector`, `#@#selector`";
    if rule.starts_with("@@") {
        return fail(0, "`@@` network exception filters are not supported, only cosmetic exceptions: `#@#selector`");
    }
    let Some(hash) = rule.find('#') else {
        return fail(0, NOT_COSMETIC);
    };
    let host_part = &rule[..hash];
    if host_part.starts_with('|') || host_part.contains(['/', '|', '^', '$', '?', '=', '&']) {
        return fail(0, NOT_COSMETIC);
    }
    let after = &rule[hash..];
    let (exception, sep_len) = if after.starts_with("##") {
        (false, 2)
    } else if after.starts_with("#@#") {
        (true, 3)
    } else {
        let problem = if after.starts_with("#?#") || after.starts_with("#@?#") {
            "`#?#` extended filters are not supported; write `##` (`:has-text()` works there)"
        } else if after.starts_with("#$#") || after.starts_with("#@$#") {
            "`#$#` snippet and CSS-injection filters are not supported"
        } else if after.starts_with("#%#") || after.starts_with("#@%#") {
            "`#%#` script filters are not supported"
        } else {
            "expected `##` or `#@#` between the host list and the selector"
        };
        return fail(hash, problem);
    };
    let (hosts, not_hosts) = parse_hosts(host_part)?;
    let mut sel_start = hash + sep_len;
    let sel = &rule[sel_start..];
    sel_start += sel.len() - sel.trim_start().len();
    let sel = sel.trim_start();
    let (selector, has_text) = parse_selector(sel).map_err(|f| Fail { at: sel_start + f.at, ..f })?;
    Ok(CosmeticFilter { raw: rule.to_string(), hosts, not_hosts, exception, selector, has_text })
}

fn parse_hosts(part: &str) -> Result<(Vec<String>, Vec<String>), Fail> {
    let mut hosts = Vec::new();
    let mut not_hosts = Vec::new();
    if part.trim().is_empty() {
        return Ok((hosts, not_hosts));
    }
    let mut start = 0;
    for entry in part.split(',') {
        let at = start + (entry.len() - entry.trim_start().len());
        start += entry.len() + 1;
        let entry = entry.trim();
        let (negated, name, at) = match entry.strip_prefix('~') {
            Some(rest) => (true, rest, at + 1),
            None => (false, entry, at),
        };
        if name.is_empty() {
            return fail(at, "empty host in the host list");
        }
        if let Some((i, c)) = name.char_indices().find(|&(_, c)| !(c.is_ascii_alphanumeric() || "-._".contains(c))) {
            let problem = match c {
                '*' => "wildcard hosts (`example.*`, `*.example.com`) are not supported; `example.com` already covers its subdomains".to_string(),
                c if !c.is_ascii() => "host names must be ASCII (write internationalized names as xn--…)".to_string(),
                c => format!("`{c}` is not allowed in a host name"),
            };
            return fail(at + i, problem);
        }
        let name = name.trim_end_matches('.').to_ascii_lowercase();
        if name.is_empty() || name.starts_with('.') || name.contains("..") {
            return fail(at, "not a host name (expected e.g. example.com)");
        }
        let name = match name.strip_prefix("www.") {
            Some(rest) if !rest.is_empty() => rest.to_string(),
            _ => name,
        };
        if negated {
            not_hosts.push(name);
        } else {
            hosts.push(name);
        }
    }
    Ok((hosts, not_hosts))
}

/// Splits off `:has-text()` and checks the CSS part; offsets are relative to `sel`.
fn parse_selector(sel: &str) -> Result<(String, Option<String>), Fail> {
    if sel.is_empty() {
        return fail(0, "empty selector");
    }
    if sel.starts_with("+js(") {
        return fail(0, "`+js()` scriptlets are not supported");
    }
    if sel.starts_with('^') {
        return fail(0, "`##^` HTML filters are not supported");
    }
    let mut stack: Vec<(char, usize)> = Vec::new();
    let mut quote: Option<(char, usize)> = None;
    let mut commas: Vec<usize> = Vec::new();
    // (offset of the `:` of `:has-text(`, offset of its argument, argument)
    let mut has_text: Option<(usize, usize, &str)> = None;
    let mut i = 0;
    while let Some(c) = sel[i..].chars().next() {
        if has_text.is_some() {
            if !c.is_whitespace() {
                return fail(i, ":has-text() must come last in the selector");
            }
            i += c.len_utf8();
            continue;
        }
        if c.is_control() {
            return fail(i, "control character in the selector");
        }
        if c == '{' || c == '}' {
            return fail(i, format!("`{c}` is not allowed in a selector"));
        }
        if c == '\\' {
            // CSS escape: the next character is literal.
            i += 1;
            if let Some(next) = sel[i..].chars().next() {
                if next.is_control() {
                    return fail(i, "control character in the selector");
                }
                i += next.len_utf8();
            }
            continue;
        }
        if let Some((q, _)) = quote {
            if c == q {
                quote = None;
            }
            i += c.len_utf8();
            continue;
        }
        match c {
            '"' | '\'' => quote = Some((c, i)),
            '[' | '(' => stack.push((c, i)),
            ']' | ')' => {
                let want = if c == ']' { '[' } else { '(' };
                match stack.pop() {
                    Some((open, _)) if open == want => {}
                    Some((open, at)) => {
                        return fail(
                            i,
                            format!("`{c}` does not close the `{open}` at column {} of the selector", at + 1),
                        )
                    }
                    None => return fail(i, format!("`{c}` closes nothing")),
                }
            }
            ',' if stack.is_empty() => commas.push(i),
            ':' => {
                let rest = &sel[i..];
                if starts_with_ci(rest, HAS_TEXT) {
                    if !stack.is_empty() {
                        return fail(i, ":has-text() cannot be nested inside brackets or another pseudo-class");
                    }
                    let arg_start = i + HAS_TEXT.len();
                    let Some(len) = balanced_arg(&sel[arg_start..]) else {
                        return fail(i, "unclosed :has-text(");
                    };
                    has_text = Some((i, arg_start, &sel[arg_start..arg_start + len]));
                    i = arg_start + len + 1;
                    continue;
                }
                if starts_with_ci(rest, ":has-text") {
                    return fail(i, ":has-text needs its text in parentheses: `:has-text(text)`");
                }
                let name_start = if rest.starts_with("::") { 2 } else { 1 };
                let name_len = rest[name_start..]
                    .find(|ch: char| !(ch.is_ascii_alphanumeric() || ch == '-' || ch == '_'))
                    .unwrap_or(rest.len() - name_start);
                let name = &rest[name_start..name_start + name_len];
                if rest[name_start + name_len..].starts_with('(') {
                    if let Some(op) = PROCEDURAL.iter().find(|op| op.eq_ignore_ascii_case(name)) {
                        let problem = if op.ends_with("contains") {
                            format!("`:{op}()` is not supported; write `:has-text()`")
                        } else {
                            format!("`:{op}()` is not supported (of the procedural operators only `:has-text()` is)")
                        };
                        return fail(i, problem);
                    }
                }
            }
            _ => {}
        }
        i += c.len_utf8();
    }
    if let Some((q, at)) = quote {
        return fail(at, format!("unclosed quote `{q}`"));
    }
    if let Some(&(open, at)) = stack.last() {
        return fail(at, format!("unclosed `{open}`"));
    }
    let (css_end, text) = match has_text {
        None => (sel.len(), None),
        Some((colon, arg_start, arg)) => {
            if let Some(&comma) = commas.first() {
                return fail(comma, ":has-text() cannot be used in a selector list (`,`); write one rule per selector");
            }
            if arg.trim().is_empty() {
                return fail(colon, "empty :has-text()");
            }
            if is_regex(arg.trim()) {
                let at = arg_start + (arg.len() - arg.trim_start().len());
                return fail(at, "regex :has-text is not supported; write plain text (it is matched case-insensitively as a substring)");
            }
            if sel[..colon].trim().is_empty() {
                return fail(colon, ":has-text() needs a selector before it, e.g. `div:has-text(text)`");
            }
            (colon, Some(arg.to_lowercase()))
        }
    };
    let css = &sel[..css_end];
    check_parts(css, &commas, text.is_some())?;
    // `div :has-text(x)` / `div > :has-text(x)` mean any descendant or child of the div.
    let selector = match css.chars().last() {
        Some(c) if text.is_some() && (c.is_whitespace() || is_combinator(c)) && !escaped_last(css) => {
            format!("{} *", css.trim_end())
        }
        _ => css.trim_end().to_string(),
    };
    Ok((selector, text))
}

/// Each comma-separated part must be a non-empty selector without a dangling combinator;
/// the last part may end with one when `:has-text()` follows (`div > :has-text(x)`).
fn check_parts(css: &str, commas: &[usize], has_text: bool) -> Result<(), Fail> {
    let mut start = 0;
    let ends = commas.iter().copied().chain(std::iter::once(css.len()));
    for end in ends {
        let part = &css[start..end];
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        let (Some(first), Some(last)) = (trimmed.chars().next(), trimmed.chars().last()) else {
            let problem = if commas.is_empty() { "empty selector" } else { "empty selector in the list" };
            // Point at the comma after the empty part, or else the one before it.
            return fail(if end < css.len() { end } else { start.saturating_sub(1) }, problem);
        };
        if is_combinator(first) {
            return fail(start + lead, format!("selector starts with the combinator `{first}`"));
        }
        let last_part = end == css.len();
        if is_combinator(last) && !escaped_last(trimmed) && !(last_part && has_text) {
            return fail(start + lead + trimmed.len() - 1, format!("selector ends with the combinator `{last}`"));
        }
        start = end + 1;
    }
    Ok(())
}

fn is_combinator(c: char) -> bool {
    matches!(c, '>' | '+' | '~')
}

/// True when the last character of `s` is escaped by an odd run of backslashes.
fn escaped_last(s: &str) -> bool {
    let mut chars = s.chars().rev();
    chars.next();
    chars.take_while(|&c| c == '\\').count() % 2 == 1
}

/// Length of the `:has-text(` argument up to its matching `)`, parentheses balanced.
fn balanced_arg(s: &str) -> Option<usize> {
    let mut depth = 0usize;
    for (i, c) in s.char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some(i),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// `/re/` or `/re/flags`.
fn is_regex(arg: &str) -> bool {
    arg.len() >= 2
        && arg.starts_with('/')
        && arg.rfind('/').is_some_and(|end| end > 0 && arg[end + 1..].chars().all(|c| c.is_ascii_alphabetic()))
}

fn starts_with_ci(s: &str, prefix: &str) -> bool {
    s.get(..prefix.len()).is_some_and(|p| p.eq_ignore_ascii_case(prefix))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(rule: &str) -> CosmeticFilter {
        parse_filter(rule).unwrap_or_else(|e| panic!("{e}")).expect("a filter")
    }

    /// (column, problem) of a refused rule.
    fn err(rule: &str) -> (usize, String) {
        let e = parse_filter(rule).expect_err(rule);
        assert_eq!(e.line, 1);
        (e.column, e.problem)
    }

    fn sels<'a>(set: &'a FilterSet, host: &str) -> Vec<&'a str> {
        set.selectors_for(host).iter().map(|f| f.raw.as_str()).collect()
    }

    #[test]
    fn generic_and_host_specific() {
        let f = ok("##.score-badge");
        assert_eq!(
            (f.hosts.len(), f.exception, f.selector.as_str(), f.has_text.clone()),
            (0, false, ".score-badge", None)
        );
        assert!(f.applies_to("anything.org"));
        let f = ok("  Example.com, www.Foo.org. ##div[data-x=\"a,b\"] > span  ");
        assert_eq!(f.raw, "Example.com, www.Foo.org. ##div[data-x=\"a,b\"] > span");
        assert_eq!(f.hosts, ["example.com", "foo.org"]);
        assert_eq!(f.selector, "div[data-x=\"a,b\"] > span");
        assert!(f.applies_to("example.com") && f.applies_to("WWW.Example.COM") && f.applies_to("shop.foo.org"));
        assert!(!f.applies_to("notexample.com") && !f.applies_to("example.org"));
    }

    #[test]
    fn negated_hosts() {
        let f = ok("~example.com##.ad");
        assert!(f.hosts.is_empty());
        assert_eq!(f.not_hosts, ["example.com"]);
        assert!(f.applies_to("other.com") && !f.applies_to("example.com") && !f.applies_to("a.example.com"));
        let f = ok("example.com,~shop.example.com##.ad");
        assert!(f.applies_to("example.com") && f.applies_to("news.example.com"));
        assert!(!f.applies_to("shop.example.com") && !f.applies_to("x.shop.example.com"));
    }

    #[test]
    fn has_text() {
        let f = ok("example.com##div.card:has-text(Credit Score (beta))");
        assert_eq!(f.selector, "div.card");
        assert_eq!(f.has_text.as_deref(), Some("credit score (beta)"));
        assert!(f.text_matches("Your CREDIT SCORE (Beta) is ready"));
        assert!(!f.text_matches("Your credit report"));
        assert!(ok("##div").text_matches("anything"));
        // Quotes inside the text are just text; case of the operator does not matter.
        let f = ok("##p:HAS-TEXT(Don't sell)  ");
        assert_eq!((f.selector.as_str(), f.has_text.as_deref()), ("p", Some("don't sell")));
        // A combinator or space before it means "any child / descendant".
        assert_eq!(ok("##div > :has-text(x)").selector, "div > *");
        assert_eq!(ok("##div :has-text(x)").selector, "div *");
        // Not an operator when quoted.
        let f = ok("##a[title=\":has-text(x)\"]");
        assert_eq!((f.selector.as_str(), f.has_text), ("a[title=\":has-text(x)\"]", None));
        assert!(ok("##É:has-text(ÉCOLE)").text_matches("une école"));
    }

    #[test]
    fn comments_and_blank_lines() {
        for line in ["", "   ", "! comment ##x", "  !x", "[Adblock Plus 2.0]"] {
            assert_eq!(parse_filter(line), Ok(None), "{line:?}");
        }
    }

    #[test]
    fn exceptions_cancel_the_same_selector() {
        let (filters, errors) = parse_list(
            "##.ad\n##.score\nexample.com##.ad:has-text(score)\n\
             example.com#@#.ad\nsub.other.org#@#.score\n#@#.gone\n##.gone\nfoo.com##.ad:has-text(Score)\n\
             foo.com#@#.ad:has-text(SCORE)\n",
        );
        assert!(errors.is_empty(), "{errors:?}");
        let set = FilterSet::new(filters);
        assert_eq!(set.len(), 9);
        assert_eq!(sels(&set, "example.com"), ["##.score", "example.com##.ad:has-text(score)"]);
        assert_eq!(sels(&set, "www.a.example.com"), ["##.score", "example.com##.ad:has-text(score)"]);
        assert_eq!(sels(&set, "sub.other.org"), ["##.ad"]);
        assert_eq!(sels(&set, "other.org"), ["##.ad", "##.score"]);
        assert_eq!(sels(&set, "foo.com"), ["##.ad", "##.score"]);
        assert_eq!(sels(&set, "WWW.Other.ORG."), ["##.ad", "##.score"]);
    }

    #[test]
    fn negated_exception_and_duplicates() {
        let (filters, _) = parse_list("##.ad\n~keep.com#@#.ad\nkeep.com##.ad\na.com,b.a.com##.x");
        let set = FilterSet::new(filters);
        assert_eq!(sels(&set, "keep.com"), ["##.ad"]);
        assert!(sels(&set, "other.com").is_empty());
        assert_eq!(sels(&set, "b.a.com"), ["a.com,b.a.com##.x"]);
        assert!(FilterSet::new(Vec::new()).is_empty());
    }

    #[test]
    fn list_keeps_good_rules_and_numbers_bad_ones() {
        let (filters, errors) = parse_list("\u{feff}##.a\r\n||ads.example^\r\n! c\r\n##.b\n##div[\n");
        assert_eq!(filters.iter().map(|f| f.selector.as_str()).collect::<Vec<_>>(), [".a", ".b"]);
        assert_eq!(errors.iter().map(|e| (e.line, e.column)).collect::<Vec<_>>(), [(2, 1), (5, 6)]);
    }

    #[test]
    fn error_display() {
        let e = parse_list("##.a\n\nexample.com##div:has-text(").1.remove(0);
        assert_eq!(e.to_string(), "line 3, column 17: `example.com##div:has-text(` — unclosed :has-text(");
    }

    #[test]
    fn refused_rule_types() {
        let net = "network filters are not supported, only cosmetic ones: `##selector`, `example.com##selector`, `#@#selector`";
        assert_eq!(err("||ads.example^"), (1, net.into()));
        assert_eq!(err("/banner/*/img"), (1, net.into()));
        assert_eq!(err("||example.com/#top"), (1, net.into()));
        assert_eq!(
            err("@@||example.com^").1,
            "`@@` network exception filters are not supported, only cosmetic exceptions: `#@#selector`"
        );
        assert_eq!(
            err("example.com#?#div:-abp-has(.ad)"),
            (12, "`#?#` extended filters are not supported; write `##` (`:has-text()` works there)".into())
        );
        assert_eq!(err("example.com#@?#div").0, 12);
        assert_eq!(
            err("example.com#$#abort-on-property-read x"),
            (12, "`#$#` snippet and CSS-injection filters are not supported".into())
        );
        assert_eq!(err("#%#window.x=1"), (1, "`#%#` script filters are not supported".into()));
        assert_eq!(
            err("example.com#div"),
            (12, "expected `##` or `#@#` between the host list and the selector".into())
        );
        assert_eq!(err("example.com##+js(set-constant, x, 1)"), (14, "`+js()` scriptlets are not supported".into()));
        assert_eq!(err("example.com##^script:has-text(x)"), (14, "`##^` HTML filters are not supported".into()));
        assert_eq!(
            err("##div:xpath(//div)"),
            (6, "`:xpath()` is not supported (of the procedural operators only `:has-text()` is)".into())
        );
        assert_eq!(
            err("##div:-abp-contains(x)"),
            (6, "`:-abp-contains()` is not supported; write `:has-text()`".into())
        );
        assert_eq!(err("##div:style(color: red)").0, 6);
    }

    #[test]
    fn has_text_errors() {
        assert_eq!(
            err("##div:has-text(/sc.re/i)"),
            (
                16,
                "regex :has-text is not supported; write plain text (it is matched case-insensitively as a substring)"
                    .into()
            )
        );
        assert_eq!(err("##div:has-text( /x/ )").0, 17);
        assert_eq!(err("##div:has-text(a (b)"), (6, "unclosed :has-text(".into()));
        assert_eq!(err("##div:has-text()"), (6, "empty :has-text()".into()));
        assert_eq!(err("##div:has-text(x) > span"), (19, ":has-text() must come last in the selector".into()));
        assert_eq!(err("##div:has-text(x):has-text(y)").0, 18);
        assert_eq!(
            err("##div:not(:has-text(x))"),
            (11, ":has-text() cannot be nested inside brackets or another pseudo-class".into())
        );
        assert_eq!(
            err("##a, b:has-text(x)"),
            (4, ":has-text() cannot be used in a selector list (`,`); write one rule per selector".into())
        );
        assert_eq!(
            err("##:has-text(x)"),
            (3, ":has-text() needs a selector before it, e.g. `div:has-text(text)`".into())
        );
        assert_eq!(err("##div:has-text"), (6, ":has-text needs its text in parentheses: `:has-text(text)`".into()));
    }

    #[test]
    fn css_errors() {
        assert_eq!(err("example.com##"), (14, "empty selector".into()));
        assert_eq!(err("##   "), (3, "empty selector".into()));
        assert_eq!(err("##div[data-x"), (6, "unclosed `[`".into()));
        assert_eq!(err("##div:not(.a"), (10, "unclosed `(`".into()));
        assert_eq!(err("##div]"), (6, "`]` closes nothing".into()));
        assert_eq!(err("##div[a=b)"), (10, "`)` does not close the `[` at column 4 of the selector".into()));
        assert_eq!(err("##a[title=\"x]"), (11, "unclosed quote `\"`".into()));
        assert_eq!(err("##a[title='x]"), (11, "unclosed quote `'`".into()));
        assert_eq!(err("##div { display: block }"), (7, "`{` is not allowed in a selector".into()));
        assert_eq!(err("##a[title=\"}\"]"), (12, "`}` is not allowed in a selector".into()));
        assert_eq!(err("##> div"), (3, "selector starts with the combinator `>`".into()));
        assert_eq!(err("##a, ~ b"), (6, "selector starts with the combinator `~`".into()));
        assert_eq!(err("##div +"), (7, "selector ends with the combinator `+`".into()));
        assert_eq!(err("##a,,b"), (5, "empty selector in the list".into()));
        assert_eq!(err("##a,"), (4, "empty selector in the list".into()));
        assert_eq!(err("##a\u{7}b"), (4, "control character in the selector".into()));
        // Escapes and quoted brackets are fine.
        assert_eq!(ok(r"##.a\[b\+").selector, r".a\[b\+");
        assert_eq!(ok("##a[title=\"(]\"], b:nth-child(2n+1)").selector, "a[title=\"(]\"], b:nth-child(2n+1)");
    }

    #[test]
    fn host_errors() {
        assert_eq!(err("example.com,,foo.org##x"), (13, "empty host in the host list".into()));
        assert_eq!(err("~##x"), (2, "empty host in the host list".into()));
        assert_eq!(err("example.*##x").0, 9);
        assert!(err("*.example.com##x").1.starts_with("wildcard hosts"));
        assert_eq!(err("exa mple.com##x"), (4, "` ` is not allowed in a host name".into()));
        assert_eq!(
            err("bücher.de##x"),
            (2, "host names must be ASCII (write internationalized names as xn--…)".into())
        );
        assert_eq!(err(".example.com##x"), (1, "not a host name (expected e.g. example.com)".into()));
        // Columns count characters, not bytes.
        assert_eq!(err("  ##é:has-text(/x/)").0, 16);
    }

    #[test]
    fn rule_length_cap() {
        let rule = format!("##.{}", "é".repeat(MAX_RULE_LEN));
        let e = parse_filter(&rule).unwrap_err();
        assert_eq!(e.problem, format!("rule is {} bytes long; the limit is {MAX_RULE_LEN}", rule.len()));
        // "##." then é at odd byte offsets: the first at or past byte 4096 is the 2048th é.
        assert_eq!(e.column, 3 + 2048);
        assert_eq!(e.rule.chars().count(), 81);
        assert!(parse_filter(&format!("##.{}", "a".repeat(MAX_RULE_LEN - 3))).is_ok());
    }

    #[test]
    fn never_panics_on_odd_input() {
        for s in [
            "#",
            "##",
            "#@#",
            "~",
            ",##x",
            "##\\",
            "##a\\",
            "##:",
            "##::",
            "##a:has-text(é",
            "é#é",
            "##é:has-text",
            "##a:has-text(x)é",
            "##(",
            "##)",
            "##\"",
            "\u{feff}##x",
            "##x:has-text(/)",
            "##x:has-text(//)",
        ] {
            let _ = parse_filter(s);
            let (f, _) = parse_list(s);
            let set = FilterSet::new(f);
            for h in ["", ".", "é", "www.", "a..b"] {
                let _ = set.selectors_for(h);
            }
        }
    }
}
