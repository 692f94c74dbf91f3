//! The opt-out tracker: which services a person asked to remove them, when, and when to look
//! again. Plus the backup file that carries it, with the settings, between browsers.
//!
//! Dates are calendar days (`YYYY-MM-DD`, the person's local date), stored as text so the
//! backup file reads plainly. Nothing here knows the clock: callers pass today.
//!
//! ```
//! use unscored::tracker::{Day, Stage, Tracker};
//! let today = Day::parse("2026-11-22").unwrap();
//! let mut t = Tracker::default();
//! t.mark("spokeo", Stage::Sent, today);
//! let status = t.status("spokeo", today).unwrap();
//! assert_eq!(status.look_again, Day::parse("2027-01-06").unwrap());
//! assert!(!status.due);
//! assert!(t.status("spokeo", Day::parse("2027-01-06").unwrap()).unwrap().due);
//! ```

use crate::settings::{is_service_id, normalise_host, Settings, KINDS};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// Days after sending an opt-out before Unscored suggests looking whether it worked: the time
/// California's privacy law (CCPA) gives a business to answer a deletion request.
pub const LOOK_AGAIN_AFTER_SENT: i32 = 45;
/// Days after a confirmed removal before suggesting a look for a relisting.
pub const LOOK_AGAIN_AFTER_GONE: i32 = 90;

/// A calendar day, counted from 1970-01-01.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day(i32);

impl Day {
    /// `YYYY-MM-DD`, a real date between the years 2000 and 2999; anything else is None.
    pub fn parse(text: &str) -> Option<Day> {
        let b = text.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let num = |r: std::ops::Range<usize>| text.get(r)?.parse::<u32>().ok();
        let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
        if !(2000..=2999).contains(&y) || !(1..=12).contains(&m) || d == 0 || d > days_in_month(y, m) {
            return None;
        }
        Some(Day::from_ymd(y as i32, m, d))
    }

    /// Howard Hinnant's days-from-civil; valid for any proleptic Gregorian date.
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Day {
        let y = if month <= 2 { year - 1 } else { year };
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = month as i32;
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + day as i32 - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        Day(era * 146_097 + doe - 719_468)
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        let z = self.0 + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        (yoe + era * 400 + i32::from(m <= 2), m, d)
    }

    pub fn plus(self, days: i32) -> Day {
        Day(self.0.saturating_add(days))
    }
}

impl fmt::Display for Day {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Day {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

fn days_in_month(y: u32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// How far an opt-out has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Stage {
    /// The person sent the request.
    Sent,
    /// The person saw that the listing is gone.
    Gone,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    pub stage: Stage,
    /// `YYYY-MM-DD`: when the person reached this stage.
    pub on: String,
}

/// Opt-outs by catalog service id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct Tracker {
    pub opt_outs: BTreeMap<String, Entry>,
}

/// What to tell the person about one tracked opt-out.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Status {
    pub stage: Stage,
    pub on: Day,
    pub look_again: Day,
    /// Today is on or after `look_again`.
    pub due: bool,
    /// One plain sentence, e.g. "You sent your opt-out on 2026-11-22. Look again from 2027-01-06
    /// whether you are still listed."
    pub text: String,
}

impl Tracker {
    /// Records that the person reached `stage` today; returns false for an id that cannot be
    /// a catalog service.
    pub fn mark(&mut self, id: &str, stage: Stage, today: Day) -> bool {
        if !is_service_id(id) {
            return false;
        }
        self.opt_outs.insert(id.to_string(), Entry { stage, on: today.to_string() });
        true
    }

    pub fn forget(&mut self, id: &str) -> bool {
        self.opt_outs.remove(id).is_some()
    }

    pub fn status(&self, id: &str, today: Day) -> Option<Status> {
        let entry = self.opt_outs.get(id)?;
        let on = Day::parse(&entry.on)?;
        let look_again = on.plus(match entry.stage {
            Stage::Sent => LOOK_AGAIN_AFTER_SENT,
            Stage::Gone => LOOK_AGAIN_AFTER_GONE,
        });
        let due = today >= look_again;
        let text = match (entry.stage, due) {
            (Stage::Sent, false) => {
                format!("You sent your opt-out on {on}. Look again from {look_again} whether you are still listed.")
            }
            (Stage::Sent, true) => {
                format!("You sent your opt-out on {on}. Time to look whether you are still listed.")
            }
            (Stage::Gone, false) => format!(
                "Gone since {on}, as you checked. Look again from {look_again}: some services list people again."
            ),
            (Stage::Gone, true) => {
                format!("Gone since {on}, as you checked. Time to look whether you were listed again.")
            }
        };
        Some(Status { stage: entry.stage, on, look_again, due, text })
    }

    /// Tracked ids, the ones due for a look first, then the oldest first.
    pub fn ids_by_urgency(&self, today: Day) -> Vec<&str> {
        let mut ids: Vec<(&str, Status)> =
            self.opt_outs.keys().filter_map(|id| Some((id.as_str(), self.status(id, today)?))).collect();
        ids.sort_by(|a, b| b.1.due.cmp(&a.1.due).then(a.1.look_again.cmp(&b.1.look_again)).then(a.0.cmp(b.0)));
        ids.into_iter().map(|(id, _)| id).collect()
    }

    /// What storage held, minus entries that cannot be read (a bad id or date). Nothing is
    /// written back until the person changes something, so a bug here loses nothing.
    pub fn sanitised(mut self) -> Tracker {
        self.opt_outs.retain(|id, e| is_service_id(id) && Day::parse(&e.on).is_some());
        self
    }

    /// Adds another tracker's entries; where both know a service, the later date wins (on the
    /// same day, "gone" beats "sent"). Returns how many entries were new or newer.
    pub fn merge(&mut self, other: Tracker) -> usize {
        let mut changed = 0;
        for (id, theirs) in other.opt_outs {
            let newer = match self.opt_outs.get(&id) {
                None => true,
                Some(ours) => {
                    (Day::parse(&theirs.on), theirs.stage == Stage::Gone)
                        > (Day::parse(&ours.on), ours.stage == Stage::Gone)
                }
            };
            if newer {
                self.opt_outs.insert(id, theirs);
                changed += 1;
            }
        }
        changed
    }
}

pub const BACKUP_FORMAT: &str = "unscored-backup";
pub const BACKUP_VERSION: u32 = 1;

/// The export file: settings and tracker, as JSON.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Backup {
    pub format: String,
    pub version: u32,
    /// `YYYY-MM-DD`, for the person's eyes only.
    #[serde(default)]
    pub exported: Option<String>,
    #[serde(default)]
    pub settings: Settings,
    #[serde(default)]
    pub tracker: Tracker,
}

impl Backup {
    pub fn new(settings: Settings, tracker: Tracker, today: Day) -> Backup {
        Backup {
            format: BACKUP_FORMAT.into(),
            version: BACKUP_VERSION,
            exported: Some(today.to_string()),
            settings,
            tracker,
        }
    }

    /// Accepts a backup only when every part of it is readable, naming the first part that
    /// is not; an import then either applies whole or changes nothing.
    pub fn check(&self) -> Result<(), String> {
        if self.format != BACKUP_FORMAT {
            return Err(format!("not an Unscored backup: \"format\" is {:?}, expected {BACKUP_FORMAT:?}", self.format));
        }
        if self.version != BACKUP_VERSION {
            return Err(format!(
                "backup version {} is not one this Unscored reads (it reads version {BACKUP_VERSION})",
                self.version
            ));
        }
        for host in &self.settings.quiet_sites {
            if normalise_host(host).is_none() {
                return Err(format!("quiet site {host:?} is not a site name"));
            }
        }
        for kind in &self.settings.hidden_kinds {
            if !KINDS.iter().any(|(k, _)| k == kind) {
                return Err(format!("hidden kind {kind:?} is not one of widget, score, profile, consent"));
            }
        }
        for id in &self.settings.hidden_services {
            if !is_service_id(id) {
                return Err(format!("hidden service {id:?}: not a service id (lower-case letters, digits and dashes)"));
            }
        }
        if let Err(problems) = Settings::default().set_custom_rules(&self.settings.custom_rules) {
            return Err(format!("custom rules: {}", problems.join("; ")));
        }
        for (id, entry) in &self.tracker.opt_outs {
            if !is_service_id(id) {
                return Err(format!("opt-out {id:?}: not a service id (lower-case letters, digits and dashes)"));
            }
            if Day::parse(&entry.on).is_none() {
                return Err(format!("opt-out {id:?}: date {:?} is not a YYYY-MM-DD date", entry.on));
            }
        }
        Ok(())
    }

    /// Parses and checks a backup file (natively; the extension parses with the browser's
    /// JSON and calls [`Backup::check`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn from_json(text: &str) -> Result<Backup, String> {
        let backup: Backup = serde_json::from_str(text).map_err(|e| format!("not a readable backup: {e}"))?;
        backup.check()?;
        Ok(backup)
    }

    /// Applies a checked backup on top of what is there: quiet sites, hidden kinds and
    /// services and rule lines are added, opt-outs merged; the note style stays as it is.
    /// Returns a sentence saying what changed, or why nothing did: a backup is applied whole
    /// or not at all, and `settings`/`tracker` are untouched on error.
    pub fn apply_to(self, settings: &mut Settings, tracker: &mut Tracker) -> Result<String, String> {
        // Rules first, the one part that can fail: nothing is applied if it does.
        let mut merged = settings.clone();
        let mut rules = merged.custom_rules.clone();
        for line in self.settings.custom_rules.lines().map(str::trim).filter(|l| !l.is_empty()) {
            if !rules.lines().any(|have| have.trim() == line) {
                if !rules.is_empty() {
                    rules.push('\n');
                }
                rules.push_str(line);
            }
        }
        if rules != merged.custom_rules {
            if let Err(problems) = merged.set_custom_rules(&rules) {
                return Err(format!(
                    "its rules could not be added to yours: {} (your saved rules must all parse first; the options page names any that do not)",
                    problems.join("; ")
                ));
            }
        }
        *settings = merged;
        let mut added_sites = 0;
        for host in &self.settings.quiet_sites {
            if !settings.is_quiet(host) && settings.set_quiet(host, true) {
                added_sites += 1;
            }
        }
        for kind in &self.settings.hidden_kinds {
            settings.set_kind_shown(kind, false);
        }
        for id in &self.settings.hidden_services {
            settings.set_service_shown(id, false);
        }
        let total = self.tracker.opt_outs.len();
        let changed = tracker.merge(self.tracker);
        let plural = |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
        Ok(format!(
            "Imported {} and {}{}.",
            plural(added_sites, "new quiet site", "new quiet sites"),
            plural(changed, "opt-out", "opt-outs"),
            if changed < total { format!(" ({} you already had)", total - changed) } else { String::new() }
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> Day {
        Day::parse(s).unwrap()
    }

    #[test]
    fn days_round_trip_and_count() {
        for s in ["2000-01-01", "2000-02-29", "2024-12-31", "2026-11-22", "2999-12-31"] {
            assert_eq!(day(s).to_string(), s);
        }
        assert_eq!(day("2026-11-22").plus(45), day("2027-01-06"));
        assert_eq!(day("2024-02-28").plus(1), day("2024-02-29"));
        assert_eq!(Day::from_ymd(1970, 1, 1), Day(0));
    }

    #[test]
    fn bad_dates_are_refused() {
        for s in ["2026-13-01", "2026-02-29", "2026-1-01", "26-11-22", "", "2026/11/22", "1999-12-31", "2026-11-2x"] {
            assert_eq!(Day::parse(s), None, "{s}");
        }
    }

    #[test]
    fn status_says_when_to_look_again() {
        let mut t = Tracker::default();
        assert!(t.mark("spokeo", Stage::Sent, day("2026-11-22")));
        assert!(!t.mark("Not An Id", Stage::Sent, day("2026-11-22")));
        let s = t.status("spokeo", day("2026-12-01")).unwrap();
        assert_eq!(
            s.text,
            "You sent your opt-out on 2026-11-22. Look again from 2027-01-06 whether you are still listed."
        );
        assert!(t.status("spokeo", day("2027-01-06")).unwrap().due);
        t.mark("spokeo", Stage::Gone, day("2027-01-10"));
        let s = t.status("spokeo", day("2027-01-10")).unwrap();
        assert_eq!(s.look_again, day("2027-04-10"));
        assert!(s.text.starts_with("Gone since 2027-01-10"));
        assert!(t.forget("spokeo") && t.status("spokeo", day("2027-01-10")).is_none());
    }

    #[test]
    fn due_ones_come_first() {
        let mut t = Tracker::default();
        t.mark("a", Stage::Gone, day("2026-11-01"));
        t.mark("b", Stage::Sent, day("2026-01-01"));
        t.mark("c", Stage::Sent, day("2026-11-20"));
        assert_eq!(t.ids_by_urgency(day("2026-11-22")), ["b", "c", "a"]);
    }

    #[test]
    fn merge_keeps_the_later_news() {
        let mut ours = Tracker::default();
        ours.mark("a", Stage::Sent, day("2026-05-01"));
        ours.mark("b", Stage::Gone, day("2026-06-01"));
        let mut theirs = Tracker::default();
        theirs.mark("a", Stage::Gone, day("2026-05-01"));
        theirs.mark("b", Stage::Sent, day("2026-01-01"));
        theirs.mark("c", Stage::Sent, day("2026-02-01"));
        assert_eq!(ours.merge(theirs), 2);
        assert_eq!(ours.opt_outs["a"].stage, Stage::Gone);
        assert_eq!(ours.opt_outs["b"].on, "2026-06-01");
        assert!(ours.opt_outs.contains_key("c"));
    }

    #[test]
    fn storage_junk_is_dropped() {
        let mut t = Tracker::default();
        t.opt_outs.insert("ok".into(), Entry { stage: Stage::Sent, on: "2026-11-22".into() });
        t.opt_outs.insert("<b>".into(), Entry { stage: Stage::Sent, on: "2026-11-22".into() });
        t.opt_outs.insert("bad-date".into(), Entry { stage: Stage::Sent, on: "yesterday".into() });
        assert_eq!(t.sanitised().opt_outs.keys().collect::<Vec<_>>(), ["ok"]);
    }

    #[test]
    fn backups_round_trip_and_bad_ones_name_the_problem() {
        let mut settings = Settings::default();
        settings.set_quiet("example.com", true);
        let mut tracker = Tracker::default();
        tracker.mark("spokeo", Stage::Sent, day("2026-11-22"));
        let backup = Backup::new(settings.clone(), tracker.clone(), day("2026-11-22"));
        let text = serde_json::to_string(&backup).unwrap();
        assert_eq!(Backup::from_json(&text).unwrap(), backup);

        let cases = [
            ("{", "not a readable backup: EOF while parsing an object at line 1 column 1"),
            (r#"{"format":"x","version":1}"#, r#"not an Unscored backup: "format" is "x", expected "unscored-backup""#),
            (
                r#"{"format":"unscored-backup","version":9}"#,
                "backup version 9 is not one this Unscored reads (it reads version 1)",
            ),
            (
                r#"{"format":"unscored-backup","version":1,"tracker":{"opt_outs":{"spokeo":{"stage":"sent","on":"2026-13-01"}}}}"#,
                r#"opt-out "spokeo": date "2026-13-01" is not a YYYY-MM-DD date"#,
            ),
            (
                r#"{"format":"unscored-backup","version":1,"settings":{"quiet_sites":["not a host"]}}"#,
                r#"quiet site "not a host" is not a site name"#,
            ),
        ];
        for (input, message) in cases {
            assert_eq!(Backup::from_json(input).unwrap_err(), message, "{input}");
        }
        let kinds = r#"{"format":"unscored-backup","version":1,"settings":{"hidden_kinds":["everything"]}}"#;
        assert_eq!(
            Backup::from_json(kinds).unwrap_err(),
            r#"hidden kind "everything" is not one of widget, score, profile, consent"#
        );
        let rules = r###"{"format":"unscored-backup","version":1,"settings":{"custom_rules":"##.ok\n##div["}}"###;
        let said = Backup::from_json(rules).unwrap_err();
        assert!(said.starts_with("custom rules: line 2, column "), "{said}");
        let unknown = Backup::from_json(r#"{"format":"unscored-backup","version":1,"extra":1}"#).unwrap_err();
        assert!(unknown.starts_with("not a readable backup: unknown field `extra`"), "{unknown}");
    }

    #[test]
    fn import_that_cannot_take_the_rules_changes_nothing() {
        let mut settings = Settings::default();
        let lines =
            |class: &str| (0..450).map(|i| format!("example.org##.{class}{i:05}")).collect::<Vec<_>>().join("\n");
        settings.set_custom_rules(&lines("mine")).unwrap();
        let mut theirs = Settings::default();
        theirs.set_quiet("b.com", true);
        theirs.set_custom_rules(&lines("theirs")).unwrap();
        let mut tracker = Tracker::default();
        let (before_s, before_t) = (settings.clone(), tracker.clone());
        let err = Backup::new(theirs, Tracker::default(), day("2026-11-22"))
            .apply_to(&mut settings, &mut tracker)
            .unwrap_err();
        assert!(err.contains("over 20000 characters"), "{err}");
        assert_eq!((settings, tracker), (before_s, before_t), "nothing applied");
    }

    #[test]
    fn import_adds_and_says_what_changed() {
        let mut settings = Settings::default();
        settings.set_quiet("a.com", true);
        let mut tracker = Tracker::default();
        tracker.mark("spokeo", Stage::Gone, day("2026-11-22"));
        let mut incoming = Tracker::default();
        incoming.mark("spokeo", Stage::Sent, day("2026-10-01"));
        incoming.mark("whitepages", Stage::Sent, day("2026-10-01"));
        let mut their_settings = Settings::default();
        their_settings.set_quiet("a.com", true);
        their_settings.set_quiet("b.com", true);
        let said =
            Backup::new(their_settings, incoming, day("2026-11-22")).apply_to(&mut settings, &mut tracker).unwrap();
        assert_eq!(said, "Imported 1 new quiet site and 1 opt-out (1 you already had).");
        assert_eq!(settings.quiet_sites, ["a.com", "b.com"]);
        assert_eq!(tracker.opt_outs["spokeo"].stage, Stage::Gone);
    }
}
