//! The toolbar popup: what is on this tab, one card per finding.

use super::dom::{self, add, document, link};
use super::platform::{self, obj};
use crate::cards::Card;
use crate::catalog::Catalog;
use serde::Deserialize;
use std::collections::HashMap;
use wasm_bindgen::prelude::*;
use web_sys::Element;

#[derive(Deserialize)]
struct Entry {
    finding: crate::engine::Finding,
    card: Card,
}

#[derive(Deserialize)]
struct Stats {
    #[serde(default)]
    url: String,
    #[serde(default)]
    host: String,
    #[serde(default)]
    quiet: bool,
    candidates: usize,
    collect_ms: f64,
    engine_ms: f64,
}

#[derive(Deserialize)]
struct Reply {
    #[serde(default)]
    findings: Vec<Entry>,
    error: Option<String>,
}

/// What the tab's own content script says (its top frame): on a page with nothing to find it
/// never told the background anything, so only the tab knows it looked.
#[derive(Deserialize)]
struct TabAnswer {
    /// `looked`, `quiet` or `not yet`.
    looked: String,
    url: String,
    host: String,
}

/// Runs `status.js` in the tab's top frame, where it reads the content script's `status()`:
/// no content script keeps a message listener for this in every frame.
async fn ask_tab(tab: f64) -> Option<TabAnswer> {
    let frames = js_sys::Array::of1(&JsValue::from_f64(0.0));
    let target = obj(&[("tabId", JsValue::from_f64(tab)), ("frameIds", frames.into())]);
    let files = js_sys::Array::of1(&JsValue::from_str("status.js"));
    let injection = obj(&[("target", target), ("files", files.into())]);
    let results = platform::call("scripting.executeScript", &[injection]).await.ok()?;
    let first = js_sys::Reflect::get(&results, &JsValue::from_f64(0.0)).ok()?;
    let answer = js_sys::Reflect::get(&first, &JsValue::from_str("result")).ok()?;
    serde_wasm_bindgen::from_value(answer).ok()
}

fn same_page(a: &str, b: &str) -> bool {
    a.split('#').next() == b.split('#').next()
}

/// The tab to show: `?tab=N` when opened as a page, else the active tab.
async fn target_tab() -> Result<f64, JsValue> {
    let search = web_sys::window().map(|w| w.location().search().unwrap_or_default()).unwrap_or_default();
    if let Ok(params) = web_sys::UrlSearchParams::new_with_str(&search) {
        if let Some(tab) = params.get("tab").and_then(|t| t.parse::<f64>().ok()) {
            return Ok(tab);
        }
    }
    let query = obj(&[("active", JsValue::TRUE), ("currentWindow", JsValue::TRUE)]);
    let tabs: js_sys::Array = platform::call("tabs.query", &[query]).await?.dyn_into()?;
    js_sys::Reflect::get(&tabs.get(0), &JsValue::from_str("id"))?
        .as_f64()
        .ok_or_else(|| JsValue::from_str("no active tab"))
}

#[wasm_bindgen]
pub async fn render_popup() -> Result<(), JsValue> {
    let doc = document()?;
    let root = doc.get_element_by_id("app").ok_or_else(|| JsValue::from_str("popup.html lacks #app"))?;
    root.set_text_content(None);
    permission_notice(&root).await?;
    let status = add(&root, "p", "status", "Looking at this page…")?;
    status.set_attribute("role", "status")?;
    let tab = target_tab().await?;
    let msg = obj(&[("type", "tab-findings".into()), ("tab", JsValue::from_f64(tab))]);
    let reply: Reply = serde_wasm_bindgen::from_value(platform::call("runtime.sendMessage", &[msg]).await?)
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    if let Some(e) = reply.error {
        status.set_text_content(Some(&format!("Could not read this tab: {e}")));
        return Ok(());
    }
    let stats_msg = obj(&[("type", "tab-stats".into()), ("tab", JsValue::from_f64(tab))]);
    let stats: Option<Stats> = platform::call("runtime.sendMessage", &[stats_msg])
        .await
        .ok()
        .and_then(|v| serde_wasm_bindgen::from_value(v).ok())
        .flatten();
    let answer = ask_tab(tab).await;
    // What the background keeps belongs to the page the tab shows now, or to one before it.
    let current = match (&answer, &stats) {
        // Only frames reported (no top-frame scan): nothing says which page they were on.
        (Some(a), Some(st)) => st.url.is_empty() || same_page(&a.url, &st.url),
        _ => true,
    };
    let (findings, stats) = if current { (reply.findings, stats) } else { (Vec::new(), None) };
    let settings = super::storage::load_settings().await;
    // A page scanned with the shipped plan reads the quiet list only once it finds something:
    // the person's list says whether this site is quiet.
    let looked = answer.as_ref().map(|a| if settings.is_quiet(&a.host) { "quiet" } else { a.looked.as_str() });
    let n = findings.len();
    status.set_text_content(Some(&match (n, &stats, looked) {
        (1, _, _) => "1 finding on this page".to_string(),
        (n, _, _) if n > 1 => format!("{n} findings on this page"),
        (_, Some(st), _) if st.quiet => format!("Unscored stays quiet on {}, as you asked.", st.host),
        (_, _, Some("quiet")) => {
            format!("Unscored stays quiet on {}, as you asked.", answer.as_ref().map_or("", |a| a.host.as_str()))
        }
        (_, Some(_), _) | (_, _, Some("looked")) => "Nothing on this page scores or profiles you.".to_string(),
        (_, _, Some(_)) => "Unscored is still looking at this page.".to_string(),
        // No content script answers: a browser page, a store, or a tab opened before Unscored was.
        _ => "Unscored has not looked at this page. Browsers keep extensions off their own pages and \
              stores; for a page that was open before Unscored was installed, reload it."
            .to_string(),
    }));
    let tracked = tracker_state().await;
    due_reminder(&root, &tracked)?;
    let list = add(&root, "ul", "findings", "")?;
    list.set_attribute("aria-label", "Findings on this page")?;
    let mut shown = std::collections::HashSet::new();
    for entry in &findings {
        let li = add(&list, "li", "card", "")?;
        render_card(&li, &entry.card)?;
        if !settings.annotates(&entry.finding.kind, entry.finding.service.as_deref()) {
            add(&li, "p", "muted", "Not drawn on the page: you switched this off in the settings.")?;
        }
        // One tracker per service, on its first card.
        if let Some(id) = entry.card.service.as_deref().filter(|id| trackable(id) && shown.insert(id.to_string())) {
            let block = add(&li, "div", "tracker", "")?;
            // Right under the way out, before the sources.
            if let Some(sources) = li.query_selector(".sources")? {
                li.insert_before(&block, Some(&sources))?;
            }
            fill_tracker(&block, id, tracked.status.get(id))?;
        }
    }
    let (host, quiet) = match (&stats, &answer) {
        (Some(st), _) => (st.host.clone(), st.quiet),
        (None, Some(a)) => (a.host.clone(), looked == Some("quiet")),
        (None, None) => (String::new(), false),
    };
    if !host.is_empty() {
        quiet_switch(&root, &host, quiet)?;
    }
    if let Some(st) = stats.filter(|st| !st.quiet) {
        let text = format!(
            "Unscored looked at {} element{} on this page in {:.1} ms.",
            st.candidates,
            if st.candidates == 1 { "" } else { "s" },
            st.collect_ms + st.engine_ms
        );
        add(&root, "p", "cost", &text)?;
    }
    if let Some(sign) = super::storage::sign_if_chosen().await {
        let line = add(&root, "p", "sign", "Notes Unscored draws on pages show your sign: ")?;
        add(&line, "b", "", &sign)?;
        line.append_with_str_1(". A note without it was drawn by the page, not by Unscored.")?;
    }
    Ok(())
}

#[derive(Deserialize, Default)]
pub struct TrackerState {
    #[serde(default)]
    pub status: HashMap<String, TrackStatus>,
    #[serde(default)]
    pub order: Vec<String>,
}

#[derive(Deserialize, Clone)]
pub struct TrackStatus {
    pub stage: String,
    pub text: String,
    pub due: bool,
}

pub async fn tracker_state() -> TrackerState {
    let msg = obj(&[("type", "tracker".into())]);
    match platform::call("runtime.sendMessage", &[msg]).await {
        Ok(v) => serde_wasm_bindgen::from_value(v).unwrap_or_default(),
        Err(_) => TrackerState::default(),
    }
}

/// The re-check reminder: opt-outs due for a look, whatever the tab shows, one link away.
fn due_reminder(root: &Element, tracked: &TrackerState) -> Result<(), JsValue> {
    let due = tracked.status.values().filter(|s| s.due).count();
    if due == 0 {
        return Ok(());
    }
    let text = if due == 1 {
        "1 of your opt-outs is due for a look: ".to_string()
    } else {
        format!("{due} of your opt-outs are due for a look: ")
    };
    let p = add(root, "p", "due-summary", &text)?;
    let a = add(&p, "a", "", "see your opt-outs")?;
    a.set_attribute("href", "options.html#opt-outs-h")?;
    a.set_attribute("target", "_blank")?;
    Ok(())
}

/// Only a way out that exists can be tracked: an active service with an opt-out.
pub fn trackable(id: &str) -> bool {
    Catalog::embedded_record(id).is_some_and(|r| r.status != "defunct" && r.opt_out.available == "yes")
}

/// The opt-out tracker of one service: where the person stands, and the next step as buttons.
/// Rebuilt in place after each change.
pub fn fill_tracker(block: &Element, id: &str, status: Option<&TrackStatus>) -> Result<(), JsValue> {
    let part = format!("tracker:{id}");
    dom::unlisten(&part);
    block.set_text_content(None);
    let name = Catalog::embedded_record(id).map_or(id, |r| r.name.as_str());
    block.set_attribute("role", "group")?;
    block.set_attribute("aria-label", &format!("Your opt-out from {name}"))?;
    let note = add(block, "p", "tracker-status", status.map_or("", |s| s.text.as_str()))?;
    note.set_attribute("role", "status")?;
    if status.is_some_and(|s| s.due) {
        note.class_list().add_1("due")?;
    }
    let buttons: &[(&str, &str)] = match status.map(|s| s.stage.as_str()) {
        None => &[("sent", "I've sent my opt-out")],
        Some("sent") => &[("gone", "It worked: I'm gone"), ("forget", "Forget it")],
        _ => &[("sent", "Listed again: I sent a new opt-out"), ("forget", "Forget it")],
    };
    for (stage, label) in buttons {
        let button = add(block, "button", &format!("track-{stage}"), label)?;
        button.set_attribute("type", "button")?;
        dom::listen(&button, "click", &part, {
            let (block, id, stage) = (block.clone(), id.to_string(), stage.to_string());
            move || {
                let (block, id) = (block.clone(), id.clone());
                let msg = [
                    ("type", JsValue::from_str("track")),
                    ("service", JsValue::from_str(&id)),
                    ("stage", JsValue::from_str(&stage)),
                ];
                wasm_bindgen_futures::spawn_local(async move {
                    match platform::send(&msg).await {
                        Ok(v) => {
                            let state: TrackerState = serde_wasm_bindgen::from_value(v).unwrap_or_default();
                            let _ = fill_tracker(&block, &id, state.status.get(&id));
                            // Keep the keyboard where it was: on the block's first button.
                            if let Ok(Some(b)) = block.query_selector("button") {
                                let _ = b.unchecked_into::<web_sys::HtmlElement>().focus();
                            }
                        }
                        Err(e) => {
                            let _ = add(&block, "p", "alert", &format!("Not saved: {e}"));
                        }
                    }
                });
            }
        });
    }
    Ok(())
}

/// Asks the background to add or remove a quiet site.
pub async fn set_quiet(host: &str, quiet: bool) -> Result<JsValue, String> {
    platform::send(&[
        ("type", JsValue::from_str("set-quiet")),
        ("host", JsValue::from_str(host)),
        ("quiet", JsValue::from_bool(quiet)),
    ])
    .await
}

/// "Stay quiet on this site" / "Look at it again": saved at once, applied on reload.
fn quiet_switch(root: &Element, host: &str, quiet: bool) -> Result<(), JsValue> {
    let label = if quiet { format!("Look at {host} again") } else { format!("Stay quiet on {host}") };
    let button = add(&add(root, "p", "site", "")?, "button", "quiet", &label)?;
    dom::listen(&button, "click", "page", {
        let button = button.clone();
        let host = host.to_string();
        move || {
            let button = button.clone();
            let host = host.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let text = match set_quiet(&host, !quiet).await {
                    Ok(_) => "Saved. Reload the page to apply it.".to_string(),
                    Err(e) => format!("Not saved: {e}"),
                };
                button.set_text_content(Some(&text));
                let _ = button.set_attribute("disabled", "");
            });
        }
    });
    Ok(())
}

/// Firefox lets people withhold site access; without it nothing can be found.
async fn permission_notice(root: &Element) -> Result<(), JsValue> {
    let all = || obj(&[("origins", js_sys::Array::of1(&"<all_urls>".into()).into())]);
    let granted = platform::call("permissions.contains", &[all()]).await.map(|v| v.is_truthy()).unwrap_or(true);
    if granted {
        return Ok(());
    }
    let box_ = add(root, "div", "notice", "")?;
    box_.set_attribute("role", "alert")?;
    add(&box_, "p", "", "Unscored is not allowed to read websites, so it cannot find scores or profiles on them.")?;
    let button = add(&box_, "button", "grant", "Allow Unscored on all websites")?;
    dom::listen(&button, "click", "page", move || {
        // Must run inside the click for the browser to show its prompt.
        platform::fire("permissions.request", vec![all()]);
    });
    Ok(())
}

/// One card: the headline facts first, the rest behind disclosure triangles so several
/// findings fit in a popup.
pub fn render_card(li: &Element, card: &Card) -> Result<(), JsValue> {
    add(li, "h2", "headline", &card.headline)?;
    add(li, "p", "tagline", &card.tagline)?;
    if let Some(alert) = &card.alert {
        add(li, "p", "alert", alert)?.set_attribute("role", "alert")?;
    }
    add(li, "p", "summary", &card.summary)?;
    if let Some(action) = &card.action {
        link(&add(li, "p", "action", "")?, &action.href, &action.text)?;
    }
    if !card.facts.is_empty() {
        let details = add(li, "details", "facts-box", "")?;
        // A sign-in request's permissions are the point: show them open.
        if card.opt_out.is_none() {
            details.set_attribute("open", "")?;
        }
        add(&details, "summary", "", "What it is and where the data comes from")?;
        let facts = add(&details, "dl", "facts", "")?;
        for f in &card.facts {
            add(&facts, "dt", "", &f.label)?;
            add(&facts, "dd", "", &f.value)?;
        }
    }
    if let Some(o) = &card.opt_out {
        let section = add(li, "details", "opt-out", "")?;
        add(&section, "summary", "", "How to get out")?;
        if let Some(url) = &o.url {
            link(&add(&section, "p", "", "")?, url, "Open the opt-out page")?.set_class_name("opt-out-link");
        }
        if !o.requirements.is_empty() {
            add(&section, "p", "", &format!("You will need: {}.", o.requirements.join(", ")))?;
        }
        if !o.steps.is_empty() {
            let steps = add(&section, "ol", "steps", "")?;
            for s in &o.steps {
                add(&steps, "li", "", s)?;
            }
        }
        add(&section, "p", "", &format!("Processing time: {}", o.processing_time))?;
        for c in &o.caveats {
            add(&section, "p", "caveat", c)?;
        }
    }
    if !card.sources.is_empty() {
        let details = add(li, "details", "sources", "")?;
        add(&details, "summary", "", &format!("Sources ({})", card.sources.len()))?;
        let list = add(&details, "ul", "", "")?;
        for src in &card.sources {
            let item = add(&list, "li", "", "")?;
            match &src.href {
                Some(href) => link(&item, href, &src.title)?,
                None => add(&item, "span", "", &src.title)?,
            };
        }
    }
    Ok(())
}
