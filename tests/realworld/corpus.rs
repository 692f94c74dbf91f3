//! The real-material corpus (`tests/realworld/*.toml`, see README.md there): loading, checking
//! every row's provenance and split, and scoring findings against expectations. Shared by the
//! native test (`tests/realworld.rs`) and the browser suite, which must agree with it.

#![allow(dead_code)]

use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

pub const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/realworld");
const FIRST_SALT: &str = "unscored-realworld-1";
const LATER_SALT: &str = "unscored-realworld-2";

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    row: Vec<Row>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Row {
    /// `url`, `snippet` or `page`.
    pub kind: String,
    /// The URL judged (url rows) or the address the HTML is served at.
    pub url: String,
    #[serde(default)]
    pub html: Option<String>,
    /// For page rows: a file under tests/realworld/.
    #[serde(default)]
    pub file: Option<String>,
    /// `kind:service` findings that must be seen; empty for a negative row.
    pub expect: Vec<String>,
    pub source: String,
    pub transform: String,
    pub split: String,
    /// `file.toml#N`, filled in when loading.
    #[serde(skip)]
    pub at: String,
}

impl Row {
    /// The HTML to scan: the snippet, or the saved page's contents.
    pub fn document(&self) -> Option<String> {
        match (&self.html, &self.file) {
            (Some(h), _) => Some(h.clone()),
            (None, Some(f)) => std::fs::read_to_string(Path::new(DIR).join(f)).ok(),
            _ => None,
        }
    }
}

/// What decides a source's split: the repository, or a page's host without `www.`.
pub fn split_key(source: &str) -> String {
    if let Some((_, rest)) = source.split_once("://") {
        let host = rest.split(['/', '?', '#']).next().unwrap_or("").to_ascii_lowercase();
        return host.strip_prefix("www.").unwrap_or(&host).to_string();
    }
    source.split(['@', ':']).next().unwrap_or("").trim().to_ascii_lowercase()
}

/// The split fixed for a source before any rule was written (same as split.py): sources
/// listed in `sources-split-by-thirds.txt` go a third to `check`, later ones half.
pub fn split_of(source: &str) -> &'static str {
    static FIRST: std::sync::OnceLock<std::collections::HashSet<String>> = std::sync::OnceLock::new();
    let first = FIRST.get_or_init(|| {
        let listed = std::fs::read_to_string(Path::new(DIR).join("sources-split-by-thirds.txt")).unwrap_or_default();
        listed.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from).collect()
    });
    let key = split_key(source);
    let (salt, share) = if first.contains(&key) { (FIRST_SALT, 3) } else { (LATER_SALT, 2) };
    let digest = Sha256::digest(format!("{salt}:{key}").as_bytes());
    if digest[0] % share == 0 {
        "check"
    } else {
        "tune"
    }
}

/// Every row, or every problem with the files (a wrong split, a source without a commit, ...).
pub fn load() -> Result<Vec<Row>, Vec<String>> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(DIR)
        .expect("tests/realworld exists")
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "toml"))
        .collect();
    paths.sort();
    let mut rows = Vec::new();
    let mut problems = Vec::new();
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().to_string();
        let text = std::fs::read_to_string(&path).unwrap();
        let file: File = match toml::from_str(&text) {
            Ok(f) => f,
            Err(e) => {
                problems.push(format!("{name}: {e}"));
                continue;
            }
        };
        for (i, mut row) in file.row.into_iter().enumerate() {
            row.at = format!("{name}#{}", i + 1);
            problems.extend(check_row(&row));
            rows.push(row);
        }
    }
    if problems.is_empty() {
        Ok(rows)
    } else {
        Err(problems)
    }
}

fn check_row(row: &Row) -> Vec<String> {
    let mut out = Vec::new();
    let mut say = |m: String| out.push(format!("{}: {m}", row.at));
    let pinned = row.source.split_once('@').is_some_and(|(repo, rest)| {
        let (commit, path) = rest.split_once(':').unwrap_or(("", ""));
        repo.contains('/') && commit.len() == 40 && commit.bytes().all(|b| b.is_ascii_hexdigit()) && !path.is_empty()
    });
    if !(pinned || row.source.starts_with("https://") || row.source.starts_with("http://")) {
        say(format!("source {:?} is neither owner/repo@<40-hex commit>:path nor a page address", row.source));
    }
    if row.transform.trim().is_empty() {
        say("transform is empty: say what was changed, or `none`".into());
    }
    let want = split_of(&row.source);
    if row.split != want {
        say(format!("split is {:?}, but the source's hash puts it in {want:?}", row.split));
    }
    match row.kind.as_str() {
        "url" if row.html.is_some() || row.file.is_some() => say("a url row has no html or file".into()),
        "snippet" if row.html.is_none() => say("a snippet row needs html".into()),
        "page" if row.file.is_none() => say("a page row needs file".into()),
        "page" if row.document().is_none() => say(format!("cannot read {:?}", row.file)),
        "url" | "snippet" | "page" => {}
        other => say(format!("kind {other:?} is not url, snippet or page")),
    }
    for e in &row.expect {
        let ok = matches!(e.split_once(':'), Some(("profile" | "widget" | "listing", s)) if !s.is_empty() && s != "-")
            || e == "score:-";
        if !ok {
            say(format!("expect {e:?} is not profile:<id>, listing:<id>, widget:<id> or score:-"));
        }
    }
    out
}

/// True and false positives and misses of one finding kind.
#[derive(Debug, Default, Clone, Copy)]
pub struct Tally {
    pub hit: usize,
    pub false_alarm: usize,
    pub missed: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.hit, self.hit + self.false_alarm)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.hit, self.hit + self.missed)
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        1.0
    } else {
        a as f64 / b as f64
    }
}

pub const KINDS: &[&str] = &["widget", "profile", "score"];

/// Per (split, kind): the tally; and every row that did not come out as expected.
pub fn score(rows: &[Row], found: &[BTreeSet<String>]) -> (BTreeMap<(String, String), Tally>, Vec<String>) {
    let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
    let mut wrong = Vec::new();
    for (row, got) in rows.iter().zip(found) {
        let want: BTreeSet<String> = row.expect.iter().cloned().collect();
        for kind in KINDS {
            let of = |s: &BTreeSet<String>| -> BTreeSet<String> {
                s.iter().filter(|e| e.starts_with(&format!("{kind}:"))).cloned().collect()
            };
            let (w, g) = (of(&want), of(got));
            let t = tallies.entry((row.split.clone(), kind.to_string())).or_default();
            t.hit += w.intersection(&g).count();
            t.false_alarm += g.difference(&w).count();
            t.missed += w.difference(&g).count();
        }
        if &want != got {
            wrong.push(format!("[{}] {}: {} expected {want:?}, found {got:?}", row.split, row.at, row.url));
        }
    }
    (tallies, wrong)
}

/// The figures as a table, one line per split and kind.
pub fn table(tallies: &BTreeMap<(String, String), Tally>) -> String {
    let mut out = String::from("split  kind     hits  false  missed  precision  recall\n");
    for ((split, kind), t) in tallies {
        out.push_str(&format!(
            "{split:<6} {kind:<8} {:>4}  {:>5}  {:>6}  {:>9.3}  {:>6.3}\n",
            t.hit,
            t.false_alarm,
            t.missed,
            t.precision(),
            t.recall()
        ));
    }
    out
}
