//! `unscored catalog audit`: where the catalog is weak, per record and in total. The lint says
//! whether a record is well-formed; the audit says how well it is known: how many sources it
//! rests on, which facts are still "unknown", which links are not pinned to what was read,
//! and how long ago it was compared with its sources.
//!
//! ```
//! use unscored::catalog::{audit::Audit, Catalog};
//! let audit = Audit::of(Catalog::embedded().records());
//! assert_eq!(audit.records.len(), Catalog::embedded().len());
//! ```

use super::lint::moving_repository_link;
use super::Record;
use serde::Serialize;
use std::collections::{BTreeMap, BTreeSet};

/// What is weak about one record.
#[derive(Debug, Clone, Serialize)]
pub struct RecordAudit {
    pub id: String,
    /// `[[sources]]` entries.
    pub sources: usize,
    /// Sources that no fact section cites.
    pub uncited_sources: Vec<String>,
    /// Fields that say `unknown` (`opt_out.processing_time`, `provenance.consent_model`, …).
    pub unknown: Vec<&'static str>,
    /// Repository links on a moving branch.
    pub unpinned: Vec<String>,
    pub last_checked: String,
    /// `opt_out.available = "yes"` with no page, email or postal route given.
    pub way_out_without_address: bool,
}

/// The audit of a whole catalog.
#[derive(Debug, Clone, Serialize)]
pub struct Audit {
    pub records: Vec<RecordAudit>,
}

impl RecordAudit {
    pub fn of(r: &Record) -> RecordAudit {
        let mut unknown = Vec::new();
        let mut say = |cond: bool, field: &'static str| {
            if cond {
                unknown.push(field);
            }
        };
        say(r.status == "unknown", "status");
        let pv = &r.provenance;
        say(pv.data_sources.iter().any(|d| d == "unknown"), "provenance.data_sources");
        say(pv.profiles_non_users == "unknown", "provenance.profiles_non_users");
        say(pv.consent_model == "unknown", "provenance.consent_model");
        if let Some(s) = &r.score {
            say(s.method_disclosed == "unknown", "score.method_disclosed");
        }
        let o = &r.opt_out;
        say(o.available == "unknown", "opt_out.available");
        say(o.processing_time.trim().eq_ignore_ascii_case("unknown"), "opt_out.processing_time");
        say(o.difficulty == "unknown", "opt_out.difficulty");

        let mut cited: BTreeSet<&str> = BTreeSet::new();
        let mut sections: Vec<&[String]> = vec![&pv.sources, &o.sources];
        if let Some(p) = &r.profile_pages {
            sections.push(&p.sources);
            sections.extend(p.patterns.iter().map(|shape| shape.seen.as_slice()));
        }
        if let Some(w) = &r.widgets {
            sections.push(&w.sources);
        }
        if let Some(s) = &r.score {
            sections.push(&s.sources);
        }
        sections.extend(r.permissions.iter().map(|p| p.sources.as_slice()));
        for ids in sections {
            cited.extend(ids.iter().map(String::as_str));
        }
        RecordAudit {
            id: r.id.clone(),
            sources: r.sources.len(),
            uncited_sources: r
                .sources
                .iter()
                .filter(|s| !cited.contains(s.id.as_str()))
                .map(|s| s.id.clone())
                .collect(),
            unknown,
            unpinned: r
                .sources
                .iter()
                .filter_map(|s| s.url.clone())
                .filter(|u| moving_repository_link(u).is_some())
                .collect(),
            last_checked: r.last_checked.clone(),
            way_out_without_address: way_out_without_address(r),
        }
    }
}

/// A way out a person cannot follow: "yes", but no page, email or postal address, and no
/// steps saying where in an account or app to go.
pub fn way_out_without_address(r: &Record) -> bool {
    let o = &r.opt_out;
    let addressed = o.url.is_some() || o.deletion_url.is_some() || o.privacy_email.is_some();
    let in_words = !o.steps.is_empty()
        && !o.methods.is_empty()
        && o.methods.iter().all(|m| matches!(m.as_str(), "account-deletion" | "in-app" | "mail" | "phone" | "email"));
    o.available == "yes" && !addressed && !in_words
}

impl Audit {
    pub fn of(records: &[Record]) -> Audit {
        Audit { records: records.iter().map(RecordAudit::of).collect() }
    }

    /// The totals, as lines for a person.
    pub fn summary(&self) -> Vec<String> {
        let n = self.records.len();
        let sources: usize = self.records.iter().map(|r| r.sources).sum();
        let single = self.records.iter().filter(|r| r.sources <= 1).count();
        let uncited: usize = self.records.iter().map(|r| r.uncited_sources.len()).sum();
        let unpinned: usize = self.records.iter().map(|r| r.unpinned.len()).sum();
        let mut unknown: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &self.records {
            for f in &r.unknown {
                *unknown.entry(f).or_default() += 1;
            }
        }
        let mut dates: BTreeMap<&str, usize> = BTreeMap::new();
        for r in &self.records {
            *dates.entry(r.last_checked.as_str()).or_default() += 1;
        }
        let no_address: Vec<&str> =
            self.records.iter().filter(|r| r.way_out_without_address).map(|r| r.id.as_str()).collect();
        let mut out = vec![
            format!("catalog audit: {n} records"),
            format!(
                "sources: {sources} ({:.1} per record); {single} records rest on one source; {uncited} sources no fact cites",
                sources as f64 / n.max(1) as f64
            ),
            "facts without a source: 0 (the lint refuses them)".to_string(),
            format!("repository links not pinned to a commit: {unpinned}"),
        ];
        let unknown_total: usize = unknown.values().sum();
        let by_field: Vec<String> = unknown.iter().map(|(f, c)| format!("{f} {c}")).collect();
        out.push(format!("unknown fields: {unknown_total} ({})", by_field.join(", ")));
        if let (Some((oldest, o)), Some((newest, w))) = (dates.iter().next(), dates.iter().next_back()) {
            out.push(format!("last checked: oldest {oldest} ({o} records), newest {newest} ({w} records)"));
        }
        out.push(format!(
            "a way out with no address: {}{}",
            no_address.len(),
            if no_address.is_empty() { String::new() } else { format!(" ({})", no_address.join(", ")) }
        ));
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalog::Catalog;

    #[test]
    fn audit_counts_what_is_weak() {
        let mut r = Catalog::embedded().get("klout").unwrap().clone();
        r.sources[0].url = Some("https://github.com/o/r/blob/main/README.md".into());
        r.opt_out.processing_time = "unknown".into();
        let a = RecordAudit::of(&r);
        assert_eq!(a.unpinned, ["https://github.com/o/r/blob/main/README.md"]);
        assert!(a.unknown.contains(&"opt_out.processing_time"), "{:?}", a.unknown);
        let summary = Audit::of(&[r]).summary().join("\n");
        assert!(summary.contains("repository links not pinned to a commit: 1"), "{summary}");
    }
}
