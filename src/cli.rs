//! The `unscored` command line, as a library function so tests can drive it.
//!
//! ```text
//! unscored scan [--url URL] [FILE|-] [--json]   findings in a saved page and/or at a URL
//! unscored explain URL                          what a sign-in (OAuth) request asks for
//! unscored catalog lint [DIR]                   check catalog records (default src/catalog/services)
//! unscored catalog audit [DIR] [--json]         where the catalog is weak (default: the built-in one)
//! unscored catalog list [--json]                the compiled-in catalog
//! unscored catalog show ID [--json]             one record
//! ```
//!
//! Exit codes: 0 when the command ran (findings or not), 1 when `catalog lint` found
//! problems, 2 for bad usage or unreadable input (with a message on stderr).

use crate::cards;
use crate::catalog::{lint, Catalog, Record};
use crate::consent;
use crate::engine::{EngineBuilder, Finding};
use serde_json::{json, Value};
use std::io::{Read, Write};
use std::path::Path;
use std::process::ExitCode;

const USAGE: &str = "usage:
  unscored scan [--url URL] [FILE|-] [--json]
  unscored explain URL
  unscored catalog lint [DIR]
  unscored catalog audit [DIR] [--json]
  unscored catalog list [--json]
  unscored catalog show ID [--json]";

/// Runs one command, writing its output to `out`. `Err` is a message for stderr (exit 2).
pub fn run(args: &[String], out: &mut dyn Write) -> Result<ExitCode, String> {
    let json = args.iter().any(|a| a == "--json");
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let w = |e: std::io::Error| e.to_string();
    match words.as_slice() {
        ["scan", rest @ ..] => scan(rest, json, out),
        ["explain", url] => explain(url, json, out),
        ["explain", url, "--json"] => explain(url, true, out),
        ["catalog", "lint"] => catalog_lint(&default_catalog_dir(), out),
        ["catalog", "lint", dir] => catalog_lint(Path::new(dir), out),
        ["catalog", "audit", rest @ ..] => {
            // A folder of records (an older checkout, a contributor's draft), else the built-in one.
            let audit = match rest.iter().find(|a| **a != "--json") {
                Some(dir) => {
                    let (records, _) = lint::lint_dir(Path::new(dir))?;
                    crate::catalog::audit::Audit::of(&records)
                }
                None => crate::catalog::audit::Audit::of(Catalog::embedded().records()),
            };
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&audit).map_err(|e| e.to_string())?).map_err(w)?;
            } else {
                for line in audit.summary() {
                    writeln!(out, "{line}").map_err(w)?;
                }
                writeln!(
                    out,
                    "\n{:<30} {:>7} {:>7} {:>8}  {:<10}  notes",
                    "record", "sources", "unknown", "unpinned", "checked"
                )
                .map_err(w)?;
                for r in &audit.records {
                    let mut notes = Vec::new();
                    if r.sources <= 1 {
                        notes.push("one source".to_string());
                    }
                    if r.way_out_without_address {
                        notes.push("way out without an address".to_string());
                    }
                    if !r.uncited_sources.is_empty() {
                        notes.push(format!("uncited: {}", r.uncited_sources.join(" ")));
                    }
                    writeln!(
                        out,
                        "{:<30} {:>7} {:>7} {:>8}  {:<10}  {}",
                        r.id,
                        r.sources,
                        r.unknown.len(),
                        r.unpinned.len(),
                        r.last_checked,
                        notes.join("; ")
                    )
                    .map_err(w)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        ["catalog", "list", ..] => {
            let catalog = Catalog::embedded();
            if json {
                let all: Vec<Value> = catalog.records().iter().map(record_json).collect();
                writeln!(out, "{}", serde_json::to_string_pretty(&all).map_err(|e| e.to_string())?).map_err(w)?;
            } else {
                writeln!(out, "catalog {} · {} services", crate::catalog::VERSION, catalog.len()).map_err(w)?;
                for r in catalog.records() {
                    let status = if r.status == "defunct" { " (defunct)" } else { "" };
                    writeln!(out, "{:<28} {:<18} {}{status}", r.id, r.category, r.name).map_err(w)?;
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        ["catalog", "show", id, ..] => {
            let r = Catalog::embedded()
                .get(id)
                .ok_or_else(|| format!("no service {id:?} in the catalog (see `unscored catalog list`)"))?;
            if json {
                writeln!(out, "{}", serde_json::to_string_pretty(&record_json(r)).map_err(|e| e.to_string())?)
                    .map_err(w)?;
            } else {
                show_record(r, out).map_err(w)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        ["help"] | ["--help"] | ["-h"] => {
            writeln!(out, "{USAGE}").map_err(w)?;
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(format!("unknown command {:?}\n{USAGE}", words.join(" "))),
    }
}

/// `src/catalog/services` of the checkout this binary was built from, when run elsewhere.
fn default_catalog_dir() -> std::path::PathBuf {
    let here = Path::new("src/catalog/services");
    if here.is_dir() {
        here.to_path_buf()
    } else {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/catalog/services")
    }
}

fn record_json(r: &Record) -> Value {
    serde_json::to_value(r).unwrap_or(Value::Null)
}

fn catalog_lint(dir: &Path, out: &mut dyn Write) -> Result<ExitCode, String> {
    let (records, messages) = lint::lint_dir(dir)?;
    let w = |e: std::io::Error| e.to_string();
    for m in &messages {
        writeln!(out, "{m}").map_err(w)?;
    }
    if messages.is_empty() {
        writeln!(out, "catalog lint: {} records, no problems", records.len()).map_err(w)?;
        // Not an error (an honest "unknown" beats a guess), but a to-do list for contributors.
        let unsettled: Vec<&str> =
            records.iter().filter(|r| r.opt_out.available == "unknown").map(|r| r.id.as_str()).collect();
        if !unsettled.is_empty() {
            writeln!(out, "no confirmed way out yet ({}): {}", unsettled.len(), unsettled.join(", ")).map_err(w)?;
        }
        Ok(ExitCode::SUCCESS)
    } else {
        writeln!(out, "catalog lint: {} problem{}", messages.len(), if messages.len() == 1 { "" } else { "s" })
            .map_err(w)?;
        Ok(ExitCode::from(1))
    }
}

fn scan(rest: &[&str], json: bool, out: &mut dyn Write) -> Result<ExitCode, String> {
    let mut url: Option<&str> = None;
    let mut file: Option<&str> = None;
    let mut it = rest.iter();
    while let Some(a) = it.next() {
        match *a {
            "--json" => {}
            "--url" => url = Some(it.next().ok_or("--url needs a URL")?),
            f if !f.starts_with("--") || f == "-" => {
                if file.replace(f).is_some() {
                    return Err("scan reads one file at a time".into());
                }
            }
            other => return Err(format!("unknown option {other:?} for scan\n{USAGE}")),
        }
    }
    if url.is_none() && file.is_none() {
        return Err(format!("scan needs a file, - for standard input, or --url URL\n{USAGE}"));
    }
    if let Some(u) = url {
        crate::urls::Url::parse(u).map_err(|e| format!("--url: {e}"))?;
    }
    let html = match file {
        Some("-") => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read standard input: {e}"))?;
            s
        }
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            String::from_utf8_lossy(&bytes).into_owned()
        }
        None => String::new(),
    };
    let page_url = url.unwrap_or("");
    let catalog = Catalog::embedded();
    let engine = EngineBuilder::new(catalog).build();
    let plan = engine.plan(page_url);
    let (candidates, page) = crate::html::collect(&html, &plan);
    let findings = engine.findings(page_url, &plan, &candidates, &page);
    let consent = url.and_then(consent::recognise).map(|req| consent::explain(&req, catalog.records()));
    let w = |e: std::io::Error| e.to_string();
    if json {
        let mut list: Vec<Value> = findings.iter().map(finding_json).collect();
        if let Some(c) = &consent {
            list.push(serde_json::to_value(c).map_err(|e| e.to_string())?);
        }
        let doc = json!({"url": url, "findings": list});
        writeln!(out, "{}", serde_json::to_string_pretty(&doc).map_err(|e| e.to_string())?).map_err(w)?;
        return Ok(ExitCode::SUCCESS);
    }
    if findings.is_empty() && consent.is_none() {
        writeln!(out, "nothing found that scores or profiles a person").map_err(w)?;
    }
    for f in &findings {
        let card = match f.service.as_deref().and_then(|id| catalog.get(id)) {
            Some(r) => cards::card(r, f),
            None => cards::unknown_card(f),
        };
        writeln!(out, "{} — {}\n  seen: {}", card.headline, card.tagline, f.evidence).map_err(w)?;
        if let Some(o) = &card.opt_out {
            match &o.url {
                Some(u) => writeln!(out, "  opt out: {u} ({})", o.difficulty).map_err(w)?,
                None => writeln!(out, "  opt out: {} (no link)", o.difficulty).map_err(w)?,
            }
        }
    }
    if let Some(c) = &consent {
        write!(out, "{}", consent::render_text(c)).map_err(w)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn finding_json(f: &Finding) -> Value {
    json!({"kind": f.kind, "service": f.service, "evidence": f.evidence})
}

fn explain(url: &str, json: bool, out: &mut dyn Write) -> Result<ExitCode, String> {
    crate::urls::Url::parse(url).map_err(|e| e.to_string())?;
    let w = |e: std::io::Error| e.to_string();
    let Some(req) = consent::recognise(url) else {
        writeln!(
            out,
            "This is not a sign-in consent screen of X, Facebook, Instagram, Google, LinkedIn, GitHub or Microsoft."
        )
        .map_err(w)?;
        return Ok(ExitCode::SUCCESS);
    };
    let e = consent::explain(&req, Catalog::embedded().records());
    if json {
        writeln!(out, "{}", serde_json::to_string_pretty(&e).map_err(|e| e.to_string())?).map_err(w)?;
    } else {
        write!(out, "{}", consent::render_text(&e)).map_err(w)?;
    }
    Ok(ExitCode::SUCCESS)
}

fn show_record(r: &Record, out: &mut dyn Write) -> std::io::Result<()> {
    let f = Finding { kind: "profile".into(), service: Some(r.id.clone()), candidate: None, evidence: String::new() };
    let card = cards::card(r, &f);
    writeln!(out, "{} ({})\n{}\n{}\n", r.name, r.id, card.tagline, r.description)?;
    for fact in &card.facts {
        writeln!(out, "{}: {}", fact.label, fact.value)?;
    }
    let o = &r.opt_out;
    let start = match (o.url.as_deref(), o.available.as_str()) {
        (Some(url), _) => url,
        (None, "unknown") => "none confirmed",
        (None, "no") => "none exists",
        (None, _) => "(no link: see the steps)",
    };
    writeln!(out, "\nOpt-out: {start}")?;
    for (i, s) in o.steps.iter().enumerate() {
        writeln!(out, "  {}. {s}", i + 1)?;
    }
    writeln!(out, "Processing time: {}", o.processing_time)?;
    for c in &o.caveats {
        writeln!(out, "  ! {c}")?;
    }
    writeln!(out, "\nSources (checked {}):", r.last_checked)?;
    for s in &r.sources {
        writeln!(out, "  [{}] {} — {}", s.id, s.title, s.url.as_deref().unwrap_or("(no address)"))?;
        writeln!(out, "      supports: {}", s.supports)?;
    }
    Ok(())
}
