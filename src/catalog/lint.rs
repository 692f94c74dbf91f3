//! Checks catalog records and names the file, the field and the problem.
//!
//! ```text
//! src/catalog/services/spokeo.toml: opt_out.url: not an https link: "http://www.spokeo.com/optout"
//! ```
//!
//! [`lint_dir`] reads a folder of `*.toml` records; [`lint_sources`] takes `(file name, text)`
//! pairs, which is what the tests feed it.

use super::record::*;
use crate::filters;
use crate::patterns::UrlPattern;
use crate::urls::Url;
use std::collections::{BTreeMap, HashSet};
use std::fmt;
use std::path::Path;

/// One problem in one file.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct LintMessage {
    pub file: String,
    /// Dotted path of the field, e.g. `opt_out.url` or `profile_pages.examples[2]`; empty
    /// when the whole file is concerned.
    pub field: String,
    pub problem: String,
}

impl fmt::Display for LintMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.field.is_empty() {
            write!(f, "{}: {}", self.file, self.problem)
        } else {
            write!(f, "{}: {}: {}", self.file, self.field, self.problem)
        }
    }
}

/// Lints every `*.toml` in `dir`, returning the parsed records and all problems found.
pub fn lint_dir(dir: &Path) -> Result<(Vec<Record>, Vec<LintMessage>), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("cannot read catalog folder {}: {e}", dir.display()))?;
    let mut files = Vec::new();
    for entry in entries.flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|x| x == "toml") {
            let text = std::fs::read_to_string(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            files.push((path.display().to_string(), text));
        }
    }
    if files.is_empty() {
        return Err(format!("no *.toml records in {}", dir.display()));
    }
    files.sort();
    Ok(lint_sources(&files))
}

/// Lints `(file name, TOML text)` pairs as one catalog.
pub fn lint_sources(files: &[(String, String)]) -> (Vec<Record>, Vec<LintMessage>) {
    let mut messages = Vec::new();
    let mut records = Vec::new();
    let mut ids: BTreeMap<String, String> = BTreeMap::new();
    let mut domains: BTreeMap<String, String> = BTreeMap::new();
    for (file, text) in files {
        let record = match toml::from_str::<Record>(text) {
            Ok(r) => r,
            Err(e) => {
                let problem = e.message().trim().to_string();
                let field = match e.span() {
                    // A missing field's span is its whole table: name the table, if any.
                    Some(s) if problem.starts_with("missing field") => table_at(text, s.start),
                    Some(s) => field_at(text, s.start),
                    None => String::new(),
                };
                messages.push(LintMessage { file: file.clone(), field, problem });
                continue;
            }
        };
        let mut l = Linter { file, messages: &mut messages };
        l.record(&record);
        let stem = Path::new(file).file_stem().and_then(|s| s.to_str()).unwrap_or("");
        if stem != record.id {
            l.say("id", format!("{:?} does not match the file name {stem:?}.toml", record.id));
        }
        if let Some(other) = ids.insert(record.id.clone(), file.clone()) {
            l.say("id", format!("duplicate id {:?}, also used by {other}", record.id));
        }
        for d in &record.domains {
            if let Some(other) = domains.get(d) {
                let other = other.clone();
                l.say("domains", format!("{d:?} is already claimed by service {other:?}"));
            } else {
                domains.insert(d.clone(), record.id.clone());
            }
        }
        records.push(record);
    }
    messages.sort();
    (records, messages)
}

/// The `[table]` whose header starts at `offset`, or "" for the top level.
fn table_at(text: &str, offset: usize) -> String {
    let line = text.get(offset..).unwrap_or("").lines().next().unwrap_or("").trim();
    match line.strip_prefix('[') {
        Some(t) => t.trim_matches(|c| c == '[' || c == ']').to_string(),
        None => String::new(),
    }
}

/// Best-effort name of the TOML key at a byte offset, for parse errors.
fn field_at(text: &str, offset: usize) -> String {
    let before = text.get(..offset.min(text.len())).unwrap_or("");
    let line = before.rsplit('\n').next().unwrap_or("").to_string()
        + text.get(offset..).unwrap_or("").split('\n').next().unwrap_or("");
    let key = line.split('=').next().unwrap_or("").trim();
    let table = before
        .lines()
        .rev()
        .find_map(|l| l.trim().strip_prefix('[').map(|t| t.trim_matches(|c| c == '[' || c == ']').to_string()));
    match (table, key.is_empty() || key.starts_with('[')) {
        (Some(t), false) => format!("{t}.{key}"),
        (None, false) => key.to_string(),
        (Some(t), true) => t,
        (None, true) => String::new(),
    }
}

struct Linter<'a> {
    file: &'a str,
    messages: &'a mut Vec<LintMessage>,
}

impl Linter<'_> {
    fn say(&mut self, field: &str, problem: impl Into<String>) {
        self.messages.push(LintMessage {
            file: self.file.to_string(),
            field: field.to_string(),
            problem: problem.into(),
        });
    }

    fn one_of(&mut self, field: &str, value: &str, allowed: &[&str]) {
        if !allowed.contains(&value) {
            self.say(field, format!("{value:?} is not one of: {}", allowed.join(", ")));
        }
    }

    fn not_empty(&mut self, field: &str, value: &str) {
        if value.trim().is_empty() {
            self.say(field, "must not be empty");
        }
    }

    fn https(&mut self, field: &str, url: &str) {
        if !url.starts_with("https://") {
            self.say(field, format!("not an https link: {url:?}"));
        } else if let Err(e) = Url::parse(url) {
            self.say(field, format!("malformed URL: {e}"));
        }
    }

    fn date(&mut self, field: &str, value: &str, full_only: bool) {
        let parts: Vec<&str> = value.split('-').collect();
        let widths: &[usize] = &[4, 2, 2];
        let shape_ok = (if full_only { parts.len() == 3 } else { (1..=3).contains(&parts.len()) })
            && parts.iter().zip(widths).all(|(p, w)| p.len() == *w && p.bytes().all(|b| b.is_ascii_digit()));
        let month_ok = parts.get(1).is_none_or(|m| ("01"..="12").contains(m));
        let day_ok = parts.get(2).is_none_or(|d| ("01"..="31").contains(d));
        if !(shape_ok && month_ok && day_ok) {
            let want = if full_only { "YYYY-MM-DD" } else { "YYYY, YYYY-MM or YYYY-MM-DD" };
            self.say(field, format!("{value:?} is not a date ({want})"));
        }
    }

    fn cites(&mut self, field: &str, cited: &[String], known: &HashSet<&str>) {
        if cited.is_empty() {
            self.say(&format!("{field}.sources"), "cites no source: every fact needs one");
        }
        for id in cited {
            if !known.contains(id.as_str()) {
                self.say(&format!("{field}.sources"), format!("cites {id:?}, which is not in [[sources]]"));
            }
        }
    }

    fn patterns(&mut self, field: &str, patterns: &[String]) -> Vec<UrlPattern> {
        self.patterns_with(field, patterns.iter().map(|p| (p.as_str(), ()))).into_iter().map(|(p, ())| p).collect()
    }

    /// Each pattern that parses, with what goes with it; the others reported by their index.
    fn patterns_with<'a, T>(
        &mut self,
        field: &str,
        patterns: impl IntoIterator<Item = (&'a str, T)>,
    ) -> Vec<(UrlPattern, T)> {
        let mut out = Vec::new();
        for (i, (p, with)) in patterns.into_iter().enumerate() {
            match UrlPattern::parse(p) {
                Ok(p) => out.push((p, with)),
                Err(e) => self.say(&format!("{field}[{i}]"), format!("malformed pattern: {e}")),
            }
        }
        out
    }

    fn record(&mut self, r: &Record) {
        if r.id.is_empty() || !r.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-') {
            self.say("id", format!("{:?} is not a slug (lower-case letters, digits and '-')", r.id));
        }
        self.not_empty("name", &r.name);
        self.not_empty("description", &r.description);
        self.one_of("category", &r.category, CATEGORIES);
        self.one_of("status", &r.status, STATUSES);
        match (&r.status[..], &r.defunct_since) {
            ("defunct", None) => self.say("defunct_since", "a defunct service needs the date it closed"),
            ("defunct", Some(d)) => self.date("defunct_since", d, false),
            (_, Some(_)) => self.say("defunct_since", "only a defunct service has a closing date"),
            _ => {}
        }
        self.date("last_checked", &r.last_checked, true);
        if r.domains.is_empty() {
            self.say("domains", "lists no domain");
        }
        for (i, d) in r.domains.iter().enumerate() {
            let ok = d.contains('.')
                && !d.starts_with("www.")
                && d.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'.');
            if !ok {
                self.say(
                    &format!("domains[{i}]"),
                    format!("{d:?} is not a bare lower-case domain such as example.com"),
                );
            }
        }

        if r.sources.is_empty() {
            self.say("sources", "lists no source: every record needs at least one");
        }
        let mut known = HashSet::new();
        for (i, s) in r.sources.iter().enumerate() {
            let f = format!("sources[{i}]");
            if !known.insert(s.id.as_str()) {
                self.say(&format!("{f}.id"), format!("duplicate source id {:?}", s.id));
            }
            self.not_empty(&format!("{f}.title"), &s.title);
            self.not_empty(&format!("{f}.supports"), &s.supports);
            match &s.url {
                // Old pages that never had https may be cited; they are shown as text, not links.
                Some(u) if u.starts_with("http://") => {
                    if let Err(e) = Url::parse(u) {
                        self.say(&format!("{f}.url"), format!("malformed URL: {e}"));
                    }
                }
                Some(u) => self.https(&format!("{f}.url"), u),
                None => {}
            }
            if let Some(problem) = s.url.as_deref().and_then(moving_repository_link) {
                self.say(&format!("{f}.url"), problem);
            }
            if let Some(problem) = s.url.as_deref().and_then(package_registry_link) {
                self.say(&format!("{f}.url"), problem);
            }
        }

        if let Some(p) = &r.profile_pages {
            self.cites("profile_pages", &p.sources, &known);
            // Each parsed pattern with whether it is a search.
            let pats = self.patterns_with(
                "profile_pages.patterns",
                p.patterns.iter().map(|s| (s.pattern.as_str(), s.name_search)),
            );
            for (i, shape) in p.patterns.iter().enumerate() {
                let field = format!("profile_pages.patterns[{i}].seen");
                if shape.seen.is_empty() {
                    self.say(&field, "cites no source: say where a URL of this shape was seen");
                }
                for id in &shape.seen {
                    if !known.contains(id.as_str()) {
                        self.say(&field, format!("cites {id:?}, which is not in [[sources]]"));
                    }
                }
            }
            let excl = self.patterns("profile_pages.exclude", &p.exclude);
            if p.patterns.is_empty() {
                self.say("profile_pages.patterns", "lists no pattern");
            }
            if p.examples.is_empty() && p.patterns.iter().any(|s| !s.name_search) {
                self.say(
                    "profile_pages.examples",
                    "lists no example of a profile page: each pattern needs one it matches",
                );
            }
            if p.search_examples.is_empty() && p.patterns.iter().any(|s| s.name_search) {
                self.say(
                    "profile_pages.search_examples",
                    "lists no example of a search page: each pattern needs one it matches",
                );
            }
            if p.not_examples.is_empty() {
                self.say("profile_pages.not_examples", "lists no example of a page that is not a profile");
            }
            let excluded = |u: &Url| excl.iter().any(|p| p.matches(u));
            // As the engine reads them: a site's own pages are no profile (`urls::is_site_page`).
            let matched = |u: &Url, search: bool| {
                !excluded(u)
                    && (search || !crate::urls::is_site_page(u))
                    && pats.iter().any(|(p, s)| *s == search && p.matches(u))
            };
            let is_profile = |u: &Url| matched(u, false) || matched(u, true);
            for (i, ex) in p.examples.iter().enumerate() {
                let field = format!("profile_pages.examples[{i}]");
                match Url::parse(ex) {
                    Ok(u) if matched(&u, false) => {}
                    Ok(u) if matched(&u, true) => self
                        .say(&field, format!("{ex:?} is matched only by a search pattern: list it in search_examples")),
                    Ok(_) => self.say(&field, format!("{ex:?} is not matched by the patterns")),
                    Err(e) => self.say(&field, format!("malformed URL: {e}")),
                }
            }
            for (i, ex) in p.search_examples.iter().enumerate() {
                let field = format!("profile_pages.search_examples[{i}]");
                match Url::parse(ex) {
                    Ok(u) if matched(&u, false) => {
                        self.say(&field, format!("{ex:?} is matched by a profile pattern, which comes first"))
                    }
                    Ok(u) if matched(&u, true) => {}
                    Ok(_) => self.say(&field, format!("{ex:?} is not matched by a search pattern")),
                    Err(e) => self.say(&field, format!("malformed URL: {e}")),
                }
            }
            for (i, ex) in p.not_examples.iter().enumerate() {
                match Url::parse(ex) {
                    Ok(u) if is_profile(&u) => self
                        .say(&format!("profile_pages.not_examples[{i}]"), format!("{ex:?} is matched by the patterns")),
                    Ok(_) => {}
                    Err(e) => self.say(&format!("profile_pages.not_examples[{i}]"), format!("malformed URL: {e}")),
                }
            }
            for (i, s) in p.confirm_selectors.iter().enumerate() {
                if let Err(e) = filters::parse_filter(&format!("##{s}")) {
                    self.say(
                        &format!("profile_pages.confirm_selectors[{i}]"),
                        format!("malformed selector: {}", e.problem),
                    );
                }
            }
        }

        if let Some(w) = &r.widgets {
            self.cites("widgets", &w.sources, &known);
            self.patterns("widgets.embeds", &w.embeds);
            self.patterns("widgets.score_links", &w.score_links);
            for (i, f) in w.filters.iter().enumerate() {
                match filters::parse_filter(f) {
                    Ok(Some(_)) => {}
                    Ok(None) => self.say(&format!("widgets.filters[{i}]"), "is blank or a comment"),
                    Err(e) => self.say(&format!("widgets.filters[{i}]"), format!("malformed filter: {e}")),
                }
            }
            if w.embeds.is_empty() && w.score_links.is_empty() && w.filters.is_empty() {
                self.say("widgets", "has no embeds, score_links or filters");
            }
        }

        if let Some(s) = &r.score {
            self.cites("score", &s.sources, &known);
            self.not_empty("score.name", &s.name);
            self.not_empty("score.scale", &s.scale);
            self.one_of("score.method_disclosed", &s.method_disclosed, DISCLOSURE);
        }

        let pv = &r.provenance;
        self.cites("provenance", &pv.sources, &known);
        if pv.data_sources.is_empty() {
            self.say("provenance.data_sources", "lists nothing (write [\"unknown\"] if not known)");
        }
        for (i, k) in pv.data_sources.iter().enumerate() {
            self.one_of(&format!("provenance.data_sources[{i}]"), k, DATA_SOURCE_KINDS);
        }
        self.one_of("provenance.profiles_non_users", &pv.profiles_non_users, YES_NO_UNKNOWN);
        self.one_of("provenance.consent_model", &pv.consent_model, CONSENT_MODELS);

        for (i, p) in r.permissions.iter().enumerate() {
            let f = format!("permissions[{i}]");
            self.cites(&f, &p.sources, &known);
            self.one_of(&format!("{f}.provider"), &p.provider, PROVIDERS);
            self.one_of(&format!("{f}.purpose"), &p.purpose, PURPOSES);
            self.not_empty(&format!("{f}.app"), &p.app);
            if (p.provider == "browser-extension") != (p.purpose == "extension") {
                self.say(&f, "purpose \"extension\" goes with provider \"browser-extension\", and only with it");
            }
            if p.requested.is_empty() && p.scopes.is_empty() {
                self.say(&f, "says neither what the consent screen shows (requested) nor the scopes");
            }
        }

        let o = &r.opt_out;
        self.cites("opt_out", &o.sources, &known);
        self.one_of("opt_out.available", &o.available, YES_NO_UNKNOWN);
        self.one_of("opt_out.difficulty", &o.difficulty, DIFFICULTIES);
        self.not_empty("opt_out.processing_time", &o.processing_time);
        if let Some(u) = &o.url {
            self.https("opt_out.url", u);
        }
        if let Some(u) = &o.deletion_url {
            self.https("opt_out.deletion_url", u);
        }
        if let Some(e) = &o.privacy_email {
            let ok = e.split_once('@').is_some_and(|(a, b)| !a.is_empty() && b.contains('.') && !e.contains(' '));
            if !ok {
                self.say("opt_out.privacy_email", format!("{e:?} is not an email address"));
            }
        }
        for (i, m) in o.methods.iter().enumerate() {
            self.one_of(&format!("opt_out.methods[{i}]"), m, OPT_OUT_METHODS);
        }
        for (i, m) in o.requirements.iter().enumerate() {
            self.one_of(&format!("opt_out.requirements[{i}]"), m, REQUIREMENTS);
        }
        if o.available == "yes" && o.url.is_none() && o.steps.is_empty() && o.privacy_email.is_none() {
            self.say("opt_out", "available = \"yes\" needs a url, steps or a privacy_email");
        }
        if o.available == "no" && o.difficulty != "impossible" && o.difficulty != "limited" {
            self.say("opt_out.difficulty", "no opt-out exists, so difficulty is \"impossible\" or \"limited\"");
        }
    }
}

/// A GitHub link to a file or folder must name the commit it was read at: a branch moves on,
/// and the cited fact with it. Issues, pull requests and commits are fixed already.
pub fn moving_repository_link(url: &str) -> Option<String> {
    let rest = url.strip_prefix("https://github.com/").or_else(|| url.strip_prefix("http://github.com/"))?;
    let parts: Vec<&str> = rest.trim_end_matches('/').split('/').collect();
    let is_commit = |s: &str| s.len() == 40 && s.bytes().all(|b| b.is_ascii_hexdigit());
    match parts.as_slice() {
        [_owner] => None, // an organisation or person: not content that changes under a fact
        [_, _] => Some(format!("{url:?} is a repository's moving default branch: link the file at the commit you read (…/blob/<commit>/<path>)")),
        [_, _, "issues" | "pull" | "commit" | "discussions", ..] => None,
        [_, _, "blob" | "tree" | "raw", reference, ..] if is_commit(reference) => None,
        [_, _, "blob" | "tree" | "raw", reference, ..] => Some(format!(
            "{url:?} points at {reference:?}, which moves: link the commit you read instead of the branch"
        )),
        _ => Some(format!("{url:?} is not pinned to a commit: link …/blob/<commit>/<path>")),
    }
}

/// A package registry's page says what a package's publisher typed into a form, not what the
/// service does: cite the package's repository (pinned) or its documentation instead.
pub fn package_registry_link(url: &str) -> Option<String> {
    const REGISTRIES: &[&str] = &["pypi.org", "npmjs.com", "crates.io", "rubygems.org", "packagist.org"];
    let host = Url::parse(url).ok()?.host;
    REGISTRIES.contains(&host.as_str()).then(|| {
        format!("{url:?} is a package registry's page: cite the package's repository (pinned to a commit) or its documentation")
    })
}

#[cfg(test)]
mod moving_link_tests {
    use super::moving_repository_link as moving;

    #[test]
    fn registries_are_not_sources() {
        let err = super::package_registry_link("https://pypi.org/project/peerreach/").unwrap();
        assert!(err.contains("pypi.org/project/peerreach"), "{err}");
        assert!(super::package_registry_link("https://www.npmjs.com/package/@nymeria/nymeria-js").is_some());
        assert!(super::package_registry_link("https://docs.nymeria.io/").is_none());
    }

    #[test]
    fn branches_move_commits_do_not() {
        assert!(moving("https://github.com/yaelwrites/Big-Ass-Data-Broker-Opt-Out-List").is_some());
        let err =
            moving("https://github.com/citp/privacy-policy-historical/blob/master/l/le/lea/lead411.com.md").unwrap();
        assert!(err.contains("\"master\""), "{err}");
        assert!(moving("https://github.com/o/r/blob/01039d8d9a1c71615862064e267020222894931b/README.md").is_none());
        assert!(moving("https://github.com/lockfale/OSINT-Framework/issues/250").is_none());
        assert!(moving("https://github.com/tomba-io").is_none());
        assert!(moving("https://example.org/github.com/o/r").is_none());
    }
}
