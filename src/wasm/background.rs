//! The background: owns the engine, answers content scripts and extension pages, keeps each
//! tab's findings and the toolbar badge.
//!
//! The browser stops an idle background between any two events (Chromium's service worker,
//! Firefox's event page), so nothing lives in its memory but the engine, which is derived:
//! each tab's state is in `storage.session` (gone with the browser session), the person's
//! settings and opt-outs in `storage.local`. Every message and tab event is handled in its
//! own turn ([`queue`]), reading and writing storage inside it.

use super::platform::{self, obj};
use super::queue;
use super::storage;
use crate::cards::{self, Card};
use crate::catalog::Catalog;
use crate::engine::{Engine, EngineBuilder, Finding};
use crate::protocol::{PageMessage, UiMessage};
use crate::settings::Settings;
use crate::tracker::{Backup, Stage, Tracker};
use crate::urls::Url;
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;

const ANNOTATION_CSS: &str = include_str!("../../extension/annotate.css");

thread_local! {
    /// The engine for the person's current custom rules: rebuilt when they change, never
    /// patched. Derived from settings, so losing it with the background loses nothing.
    static ENGINE: RefCell<Option<(String, Rc<Engine>)>> = const { RefCell::new(None) };
    /// Whether this life of the background has swept the entries of closed tabs
    /// ([`forget_closed_tabs`]); losing it with the background costs one more sweep.
    static SWEPT: Cell<bool> = const { Cell::new(false) };
}

/// At most this many findings are kept per tab: a page that keeps adding score-like text
/// must not grow the list (and storage) without end.
const MAX_TAB_FINDINGS: usize = 200;

/// What the background knows of one tab, under `tab:<id>` in `storage.session`.
#[derive(Serialize, Deserialize, Default)]
struct TabState {
    /// None until the tab's top frame was scanned (or found on a quiet site).
    #[serde(default)]
    stats: Option<TabStats>,
    #[serde(default)]
    findings: Vec<TabFinding>,
    /// Scans of this tab so far (the `seq` of the latest finding).
    #[serde(default)]
    seq: u64,
}

#[derive(Deserialize)]
struct Sender {
    id: Option<String>,
    url: Option<String>,
    tab: Option<SenderTab>,
    #[serde(rename = "frameId")]
    frame_id: Option<i64>,
}

#[derive(Deserialize)]
struct SenderTab {
    id: Option<i64>,
}

#[derive(Serialize, Deserialize, Clone, PartialEq)]
struct TabFinding {
    finding: Finding,
    card: Card,
    /// Which frame found it, so a reload of one frame can be told apart.
    frame: i64,
    /// The document (the content script's id for it) that found it.
    #[serde(default)]
    doc: String,
    /// When it arrived, in this tab's own count of scans: the background's order, not a
    /// page's clock, tells a new page's early frames from the old page's.
    #[serde(default)]
    seq: u64,
}

/// What scanning a tab cost, for the popup's footer and the benchmark.
#[derive(Serialize, Deserialize, Default, Clone)]
struct TabStats {
    /// Page whose top frame scanned last.
    url: String,
    /// Its host, for the popup's "stay quiet on …" switch.
    host: String,
    /// The person asked Unscored to stay quiet on this site: nothing was scanned.
    quiet: bool,
    /// Scans that changed what the tab shows (the first one always does).
    scans: u32,
    candidates: usize,
    collect_ms: f64,
    engine_ms: f64,
}

#[derive(Serialize)]
struct Annotation {
    candidate: Option<u32>,
    kind: String,
    card: Card,
}

fn to_js<T: Serialize>(v: &T) -> JsValue {
    v.serialize(&serde_wasm_bindgen::Serializer::json_compatible()).unwrap_or(JsValue::NULL)
}

fn error(text: &str) -> JsValue {
    obj(&[("error", JsValue::from_str(text))])
}

/// Entry point for `runtime.onMessage`. Always resolves: errors come back as `{error}`.
/// The sender is checked once: the extension's own pages send [`UiMessage`]s, content
/// scripts [`PageMessage`]s about their own tab and frame, and nobody else is heard.
#[wasm_bindgen]
pub async fn handle_message(msg: JsValue, sender: JsValue) -> JsValue {
    let answer = message(msg, sender).await;
    mark("answer");
    answer
}

async fn message(msg: JsValue, sender: JsValue) -> JsValue {
    // Where a cold wake-up's time goes once the wasm is ready (the bench reads these marks).
    mark("handler");
    let sender: Sender = match serde_wasm_bindgen::from_value(sender) {
        Ok(s) => s,
        Err(_) => return error("unknown sender"),
    };
    if sender.id.as_deref() != Some(platform::runtime_id().as_str()) {
        return error("messages are accepted from this extension only");
    }
    if is_extension_page(&sender) {
        return match serde_wasm_bindgen::from_value::<UiMessage>(msg) {
            Ok(m) => {
                let _turn = queue::turn().await;
                ui_message(m).await
            }
            Err(e) => error(&format!("malformed message: {e}")),
        };
    }
    let Some(tab) = sender.tab.as_ref().and_then(|t| t.id) else {
        return error("messages come from a tab's page or from the extension's own pages");
    };
    match serde_wasm_bindgen::from_value::<PageMessage>(msg) {
        Ok(m) => {
            mark("decoded");
            let _turn = queue::turn().await;
            page_message(m.capped(), tab, sender.frame_id.unwrap_or(0), sender.url.as_deref()).await
        }
        Err(e) => error(&format!("malformed message: {e}")),
    }
}

/// The page's address as the content script read it (it follows in-page navigation), but
/// only within the origin the browser says the sender has: a page cannot pass for another site.
fn page_url(claimed: String, sender_url: Option<&str>) -> String {
    let origin = |u: &str| Url::parse(u).map(|u| (u.scheme.to_string(), u.full_host.to_string())).ok();
    match sender_url {
        Some(real) if origin(real).is_some() && origin(real) != origin(&claimed) => real.to_string(),
        _ => claimed,
    }
}

async fn page_message(msg: PageMessage, tab: i64, frame: i64, sender_url: Option<&str>) -> JsValue {
    match msg {
        PageMessage::Plan { url, .. } => {
            let url = page_url(url, sender_url);
            let host = Url::parse(&url).map(|u| u.host).unwrap_or_default();
            // One storage call, on its way while the catalog's rules are decoded (waking up,
            // both take milliseconds: side by side, not one after the other).
            let inputs = storage::plan_inputs(PAGE_PLAN_KEY);
            let _ = Catalog::embedded_rules();
            mark("catalog");
            let (settings, mut page_plan, sign) = inputs.await;
            mark("stored");
            if settings.is_quiet(&host) {
                if frame == 0 {
                    // A new document on a quiet site: nothing of the previous page stays.
                    let stats = TabStats { url, host, quiet: true, ..TabStats::default() };
                    put_tab_state(tab, &TabState { stats: Some(stats), ..TabState::default() }).await;
                    set_badge(tab, 0);
                }
                return obj(&[("enabled", JsValue::FALSE)]);
            }
            let plan = engine_for(&settings.custom_rules).plan(&url).for_page_side();
            // The page plan carries the mark; written here if a page found none.
            if page_plan.is_undefined() || page_plan.is_null() {
                page_plan = write_page_plan(&settings).await;
            }
            let mark = js_sys::Reflect::get(&page_plan, &JsValue::from_str("mark")).unwrap_or(JsValue::UNDEFINED);
            obj(&[
                ("enabled", JsValue::TRUE),
                ("plan", to_js(&plan)),
                ("css", JsValue::from_str(ANNOTATION_CSS)),
                ("compact", JsValue::from_bool(settings.compact)),
                ("mark", mark),
                (
                    "sign",
                    JsValue::from_str(&match sign {
                        Some(sign) => sign,
                        None => storage::sign().await,
                    }),
                ),
            ])
        }
        PageMessage::Left { doc, moved } => {
            let mut state = tab_state(tab).await;
            if frame == 0 && !moved {
                // The page is going, with its frames: nothing of it stays (as when the tab closes).
                if !state.findings.is_empty() || state.stats.is_some() {
                    let _ = platform::call("storage.session.remove", &[JsValue::from_str(&storage_key(tab))]).await;
                    set_badge(tab, 0);
                }
                return JsValue::UNDEFINED;
            }
            let before = state.findings.len();
            state.findings.retain(|t| !(t.frame == frame && t.doc == doc));
            // The top document moved within itself: its frames stay, the page it was does not.
            let page_went = frame == 0 && state.stats.take().is_some();
            if state.findings.len() != before || page_went {
                put_tab_state(tab, &state).await;
                set_badge(tab, state.findings.len());
            }
            JsValue::UNDEFINED
        }
        PageMessage::Scan { url, doc, plan: plan_id, reset, candidates, signals, page_text, collect_ms } => {
            let url = page_url(url, sender_url);
            // Storage reads first, so `engine_ms` is the engine's time.
            let (settings, tracker) = storage::load_settings_and_tracker().await;
            let engine = engine_for(&settings.custom_rules);
            if plan_id != engine.plan_id() {
                // Collected with groups of an engine since rebuilt (the rules changed, or the
                // stored page plan is older than the settings): the candidates' group numbers
                // mean other things now. The page asks again, and finds a fresh page plan.
                write_page_plan(&settings).await;
                return obj(&[("replan", JsValue::TRUE)]);
            }
            let started = now_ms();
            let plan = engine.plan(&url);
            let consent = if plan.consent && reset {
                engine.consent_with(&url, page_text.as_deref(), Catalog::embedded().records())
            } else {
                None
            };
            let mut found = engine.findings(&url, &plan, &candidates, &signals);
            // Page-level findings (a profile page) belong to the document's first scan;
            // later scans only bring new elements.
            found.retain(|f| reset || f.candidate.is_some());
            let consent_entry = consent.map(|(finding, explanation)| {
                let card = cards::consent_card(&explanation, &url);
                TabFinding { finding, card, frame, doc: doc.clone(), seq: 0 }
            });
            let entries: Vec<TabFinding> = consent_entry
                .into_iter()
                .chain(found.into_iter().map(|finding| {
                    // A service's full record is decoded here, the first time a finding needs its card.
                    let card = match finding.service.as_deref().and_then(Catalog::embedded_record) {
                        Some(r) => cards::card(r, &finding),
                        None if finding.kind == "widget" => cards::custom_card(&finding),
                        None => cards::unknown_card(&finding),
                    };
                    TabFinding { finding, card, frame, doc: doc.clone(), seq: 0 }
                }))
                .collect();
            let entries = with_tracker_facts(entries, &tracker);
            // Hidden kinds and services are still counted and listed in the popup, not drawn.
            let annotations: Vec<Annotation> = entries
                .iter()
                .filter(|t| settings.annotates(&t.finding.kind, t.finding.service.as_deref()))
                .map(|t| Annotation {
                    candidate: t.finding.candidate,
                    kind: t.finding.kind.clone(),
                    card: t.card.clone(),
                })
                .collect();
            let engine_ms = now_ms() - started;
            let mut state = tab_state(tab).await;
            let changed = merge_findings(&mut state, frame, &doc, reset, entries);
            // A later scan that changed nothing (a feed adding look-alike text, an element
            // judged again the same) writes nothing and leaves the badge; the stats count the
            // scans that changed what the tab shows.
            if !(changed || reset) {
                return obj(&[("annotations", to_js(&annotations))]);
            }
            let stats = state.stats.get_or_insert_with(TabStats::default);
            if reset && frame == 0 {
                let host = Url::parse(&url).map(|u| u.host).unwrap_or_default();
                *stats = TabStats { url: url.clone(), host, ..TabStats::default() };
            }
            stats.scans += 1;
            stats.candidates += candidates.len();
            stats.collect_ms += collect_ms.max(0.0);
            stats.engine_ms += engine_ms;
            // Findings and the scan that found them in one write: a reader sees both or neither.
            put_tab_state(tab, &state).await;
            set_badge(tab, state.findings.len());
            if reset && frame == 0 {
                wasm_bindgen_futures::spawn_local(forget_closed_tabs());
            }
            obj(&[("annotations", to_js(&annotations))])
        }
    }
}

async fn ui_message(msg: UiMessage) -> JsValue {
    match msg {
        UiMessage::TabFindings { tab } => obj(&[("findings", to_js(&tab_state(tab).await.findings))]),
        UiMessage::SetQuiet { host, quiet } => {
            let mut settings = settings().await;
            if !settings.set_quiet(&host, quiet) {
                return error(&format!("{host:?} is not a site name"));
            }
            match save(Some(&settings), None).await {
                Ok(()) => obj(&[("quiet_sites", to_js(&settings.quiet_sites))]),
                Err(e) => error(&format!("could not save the setting: {e}")),
            }
        }
        UiMessage::Configure { kind, service, shown, compact, rules } => {
            let mut s = settings().await;
            if let Some(kind) = kind {
                if !s.set_kind_shown(&kind, shown.unwrap_or(true)) {
                    return error(&format!("{kind:?} is not a kind of finding"));
                }
            }
            if let Some(id) = service {
                if !s.set_service_shown(&id, shown.unwrap_or(true)) {
                    return error(&format!("{id:?} is not a service id"));
                }
            }
            if let Some(compact) = compact {
                s.compact = compact;
            }
            if let Some(rules) = rules {
                if let Err(problems) = s.set_custom_rules(&rules) {
                    let n = problems.len();
                    let said = format!("Not saved: {n} rule{} could not be read.", if n == 1 { "" } else { "s" });
                    return obj(&[("error", JsValue::from_str(&said)), ("problems", to_js(&problems))]);
                }
            }
            match save(Some(&s), None).await {
                Ok(()) => obj(&[("settings", to_js(&s))]),
                Err(e) => error(&format!("could not save the setting: {e}")),
            }
        }
        UiMessage::Tracker => tracker_reply(&tracker().await),
        UiMessage::Track { service, stage } => {
            let mut t = tracker().await;
            let ok = match stage.as_str() {
                "sent" => t.mark(&service, Stage::Sent, storage::today()),
                "gone" => t.mark(&service, Stage::Gone, storage::today()),
                "forget" => {
                    t.forget(&service);
                    true
                }
                other => return error(&format!("unknown opt-out stage {other:?}")),
            };
            if !ok {
                return error(&format!("{service:?} is not a service id"));
            }
            match save(None, Some(&t)).await {
                Ok(()) => tracker_reply(&t),
                Err(e) => error(&format!("could not save: {e}")),
            }
        }
        UiMessage::Export => to_js(&Backup::new(settings().await, tracker().await, storage::today())),
        UiMessage::Import { text } => {
            let backup = match js_sys::JSON::parse(&text) {
                Ok(v) => serde_wasm_bindgen::from_value::<Backup>(v)
                    .map_err(|e| format!("not a readable backup: {e}"))
                    .and_then(|b| b.check().map(|()| b)),
                Err(e) => Err(format!(
                    "not a readable backup: {}",
                    js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()).unwrap_or_default()
                )),
            };
            let backup = match backup {
                Ok(b) => b,
                Err(e) => return error(&format!("Nothing was imported: {e}")),
            };
            let (mut s, mut t) = (settings().await, tracker().await);
            let said = match backup.apply_to(&mut s, &mut t) {
                Ok(said) => said,
                Err(e) => return error(&format!("Nothing was imported: {e}")),
            };
            match save(Some(&s), Some(&t)).await {
                Ok(()) => obj(&[("imported", JsValue::from_str(&said))]),
                Err(e) => error(&format!("Nothing was imported: could not save: {e}")),
            }
        }
        UiMessage::TabStats { tab } => to_js(&tab_state(tab).await.stats),
        UiMessage::Timings => marks(),
    }
}

/// Only the extension's own pages (popup, options) may read tab findings.
fn is_extension_page(sender: &Sender) -> bool {
    let origin = platform::extension_origin();
    !origin.is_empty() && sender.url.as_deref().is_some_and(|u| u.starts_with(&origin))
}

/// The engine for these custom rules; the catalog part is shared by every rebuild.
fn engine_for(rules: &str) -> Rc<Engine> {
    ENGINE.with(|cell| {
        let mut cached = cell.borrow_mut();
        if let Some((r, e)) = cached.as_ref() {
            if r == rules {
                return e.clone();
            }
        }
        // Detection needs only the rules; the prose is decoded when a card needs it.
        let catalog = Catalog::embedded_rules();
        mark("catalog");
        let mut builder = EngineBuilder::new(catalog);
        // Saved rules were checked when saved; a line that no longer parses is skipped.
        let _ = builder.custom_rules(rules);
        let engine = Rc::new(builder.build());
        mark("engine");
        *cached = Some((rules.to_string(), engine.clone()));
        engine
    })
}

/// Writes settings and/or tracker in one storage call, and only then keeps them as the
/// current copies, so a failed write changes nothing.
async fn save(settings: Option<&Settings>, tracker: Option<&Tracker>) -> Result<(), String> {
    if settings.is_some() {
        storage::keep_unreadable::<Settings>(storage::SETTINGS_KEY).await;
    }
    if tracker.is_some() {
        storage::keep_unreadable::<Tracker>(storage::TRACKER_KEY).await;
    }
    let store = js_sys::Object::new();
    if let Some(s) = settings {
        let _ = js_sys::Reflect::set(&store, &JsValue::from_str(storage::SETTINGS_KEY), &to_js(s));
        // In the same write: pages never see new settings with the old page plan.
        let _ = js_sys::Reflect::set(&store, &JsValue::from_str(PAGE_PLAN_KEY), &page_plan(s).await);
    }
    if let Some(t) = tracker {
        let _ = js_sys::Reflect::set(&store, &JsValue::from_str(storage::TRACKER_KEY), &to_js(t));
    }
    platform::call("storage.local.set", &[store.into()]).await.map_err(|e| {
        e.as_string()
            .or_else(|| js_sys::Reflect::get(&e, &"message".into()).ok().and_then(|m| m.as_string()))
            .unwrap_or_else(|| "storage refused the write".into())
    })?;
    if let Some(s) = settings {
        sync_flag_scripts(s).await;
    }
    Ok(())
}

/// Where content scripts find the [`crate::engine::PagePlan`], with what drawing a note needs.
const PAGE_PLAN_KEY: &str = "page-plan";

/// The page plan for these settings, as content scripts read it from `storage.local`: the
/// engine's [`crate::engine::PagePlan`], the quiet sites, and the notes' CSS, style, mark and sign.
async fn page_plan(settings: &Settings) -> JsValue {
    let value = to_js(&engine_for(&settings.custom_rules).page_plan());
    let set = |k: &str, v: JsValue| {
        let _ = js_sys::Reflect::set(&value, &JsValue::from_str(k), &v);
    };
    set("quiet", to_js(&settings.quiet_sites));
    set("css", JsValue::from_str(ANNOTATION_CSS));
    set("compact", JsValue::from_bool(settings.compact));
    set("mark", JsValue::from_str(&storage::mark().await));
    set("sign", JsValue::from_str(&storage::sign().await));
    value
}

/// The page plan of the default settings, for build.sh to write into the content script: a
/// document then scans an ordinary page without reading storage (or, in Firefox, building the
/// extension's API for the frame) unless it finds something or the person has rules of their
/// own (see [`sync_flag_scripts`]).
#[wasm_bindgen]
pub fn shipped_page_plan() -> JsValue {
    to_js(&engine_for("").page_plan())
}

/// Content scripts the background registers to match the person's settings, each setting a
/// flag `content.js` reads first: `own-rules.js` in every frame while the person has rules of
/// their own (the shipped page plan is not theirs: read the stored one), `quiet.js` on the
/// sites they asked Unscored to stay quiet on (look at nothing there). Registered scripts
/// outlive the background and browser restarts; an update may drop them, so `installed`
/// calls this too. Without them pages still do right, later: the quiet list and the stored
/// plan are read once a page finds something.
async fn sync_flag_scripts(settings: &Settings) {
    // Rules that parse: comments alone, or lines the engine skips, plan pages as shipped.
    let has_rules = !crate::filters::parse_list(&settings.custom_rules).0.is_empty();
    let own_rules: Vec<String> = if has_rules { vec!["<all_urls>".to_string()] } else { Vec::new() };
    for (id, file, matches) in
        [("own-rules", "own-rules.js", own_rules), ("quiet", "quiet.js", quiet_matches(settings))]
    {
        if let Err(e) = sync_flag_script(id, file, &matches).await {
            web_sys::console::warn_2(&JsValue::from_str(&format!("Unscored could not register {file}")), &e);
        }
    }
}

/// Match patterns for the quiet sites and their subdomains. A host a pattern cannot name (an
/// IPv6 address, an internationalised name not in ASCII) is left to the content script.
fn quiet_matches(settings: &Settings) -> Vec<String> {
    settings
        .quiet_sites
        .iter()
        .filter(|h| h.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.'))
        .map(|h| {
            // An IPv4 address has no subdomains.
            if h.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                format!("*://{h}/*")
            } else {
                format!("*://*.{h}/*")
            }
        })
        .collect()
}

/// Registers the content script `id` (file `file`) for `matches`, in every frame, or
/// unregisters it when `matches` is empty; nothing when it is registered so already.
async fn sync_flag_script(id: &str, file: &str, matches: &[String]) -> Result<(), JsValue> {
    let ids = || obj(&[("ids", js_sys::Array::of1(&id.into()).into())]);
    let registered = platform::call("scripting.getRegisteredContentScripts", &[ids()]).await?;
    let now: Option<Vec<String>> = js_sys::Array::from(&registered).iter().next().map(|script| {
        let list = js_sys::Reflect::get(&script, &"matches".into()).unwrap_or(JsValue::UNDEFINED);
        if !js_sys::Array::is_array(&list) {
            return Vec::new();
        }
        js_sys::Array::from(&list).iter().filter_map(|m| m.as_string()).collect()
    });
    if now.as_deref() == Some(matches) || (now.is_none() && matches.is_empty()) {
        return Ok(());
    }
    if now.is_some() {
        platform::call("scripting.unregisterContentScripts", &[ids()]).await?;
    }
    if matches.is_empty() {
        return Ok(());
    }
    let patterns: js_sys::Array = matches.iter().map(|m| JsValue::from_str(m)).collect();
    let script = obj(&[
        ("id", id.into()),
        ("js", js_sys::Array::of1(&file.into()).into()),
        ("matches", patterns.into()),
        ("allFrames", JsValue::TRUE),
        // about:blank and srcdoc frames, as the manifest's content script (match_about_blank).
        ("matchOriginAsFallback", JsValue::TRUE),
        ("runAt", "document_start".into()),
        ("persistAcrossSessions", JsValue::TRUE),
    ]);
    platform::call("scripting.registerContentScripts", &[js_sys::Array::of1(&script).into()]).await?;
    Ok(())
}

/// Writes the page plan for these settings (at install, on a stale plan, when a page found
/// none) and returns it.
async fn write_page_plan(settings: &Settings) -> JsValue {
    let value = page_plan(settings).await;
    let store = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&store, &JsValue::from_str(PAGE_PLAN_KEY), &value);
    if let Err(e) = platform::call("storage.local.set", &[store.into()]).await {
        web_sys::console::warn_2(&JsValue::from_str("Unscored could not store the page plan"), &e);
    }
    value
}

/// Read in the caller's turn, so what it writes back builds on every earlier change.
async fn tracker() -> Tracker {
    storage::load_tracker().await
}

/// `{tracker, status: {id: Status}}`: the stored entries and what to say about each today.
fn tracker_reply(t: &Tracker) -> JsValue {
    let today = storage::today();
    let order: Vec<&str> = t.ids_by_urgency(today);
    let status: std::collections::BTreeMap<&str, crate::tracker::Status> =
        order.iter().filter_map(|&id| Some((id, t.status(id, today)?))).collect();
    obj(&[("tracker", to_js(t)), ("status", to_js(&status)), ("order", to_js(&order))])
}

/// A service the person is opting out of says so on its page: the note is where they will
/// see that a listing they asked to remove is still up.
fn with_tracker_facts(mut entries: Vec<TabFinding>, t: &Tracker) -> Vec<TabFinding> {
    if t.opt_outs.is_empty() {
        return entries;
    }
    let today = storage::today();
    for e in &mut entries {
        if let Some(status) = e.finding.service.as_deref().and_then(|id| t.status(id, today)) {
            e.card.facts.insert(0, cards::Fact { label: "Your opt-out".into(), value: status.text });
        }
    }
    entries
}

/// Read in the caller's turn, like [`tracker`].
async fn settings() -> Settings {
    storage::load_settings().await
}

/// The loader's record of this wake-up (`globalThis.unscoredMarks`, see background.js).
fn marks() -> JsValue {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("unscoredMarks")).unwrap_or(JsValue::NULL)
}

/// Notes when `what` first happened in this wake-up (the first engine build only: later
/// rebuilds for new rules are not part of waking up).
fn mark(what: &str) {
    let marks = marks();
    if marks.is_object() && js_sys::Reflect::get(&marks, &JsValue::from_str(what)).is_ok_and(|v| v.is_undefined()) {
        let _ = js_sys::Reflect::set(&marks, &JsValue::from_str(what), &JsValue::from_f64(now_ms()));
    }
}

/// Milliseconds from the global `performance` clock (service worker and event page alike).
fn now_ms() -> f64 {
    js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
        .ok()
        .and_then(|p| p.dyn_into::<web_sys::Performance>().ok())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// A page says "left" when it goes, and its tab's entry goes with it; a tab closed while the
/// background was stopping can lose that message, and its entry would stay in session storage
/// until the browser quits. Once per life of the background, on a new page's first scan, the
/// entries of tabs that no longer exist go. (Only missing tabs: safe beside any other turn.)
async fn forget_closed_tabs() {
    if SWEPT.with(|swept| swept.replace(true)) {
        return;
    }
    let Ok(stored) = platform::call("storage.session.get", &[JsValue::NULL]).await else { return };
    let Ok(stored) = stored.dyn_into::<js_sys::Object>() else { return };
    let entries: Vec<String> =
        js_sys::Object::keys(&stored).iter().filter_map(|k| k.as_string()).filter(|k| k.starts_with("tab:")).collect();
    if entries.is_empty() {
        return;
    }
    let Ok(tabs) = platform::call("tabs.query", &[js_sys::Object::new().into()]).await else { return };
    let open: std::collections::HashSet<String> = js_sys::Array::from(&tabs)
        .iter()
        .filter_map(|t| js_sys::Reflect::get(&t, &"id".into()).ok()?.as_f64())
        .map(|id| storage_key(id as i64))
        .collect();
    let gone: js_sys::Array = entries.into_iter().filter(|k| !open.contains(k)).map(JsValue::from).collect();
    if gone.length() > 0 {
        let _ = platform::call("storage.session.remove", &[gone.into()]).await;
    }
}

fn storage_key(tab: i64) -> String {
    format!("tab:{tab}")
}

async fn tab_state(tab: i64) -> TabState {
    let key = storage_key(tab);
    let stored = platform::call("storage.session.get", &[JsValue::from_str(&key)]).await.ok();
    stored
        .and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str(&key)).ok())
        .filter(|v| !v.is_undefined())
        .and_then(|v| serde_wasm_bindgen::from_value(v).ok())
        .unwrap_or_default()
}

async fn put_tab_state(tab: i64, state: &TabState) {
    let store = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&store, &JsValue::from_str(&storage_key(tab)), &to_js(state));
    if let Err(e) = platform::call("storage.session.set", &[store.into()]).await {
        web_sys::console::warn_2(&JsValue::from_str("Unscored could not keep the tab's findings"), &e);
    }
}

/// Adds a scan's findings to the tab's list; says whether the list changed. An element the
/// page side sends again (its `src` changed, a script filled in its value) keeps its
/// candidate id, and its finding is replaced, not added.
fn merge_findings(state: &mut TabState, frame: i64, doc: &str, reset: bool, new: Vec<TabFinding>) -> bool {
    state.seq += 1;
    let seq = state.seq;
    let list = &mut state.findings;
    let before = list.len();
    if reset && frame == 0 {
        // A new top document: its frames may have reported first (the page before took its own
        // findings when it left). The top frame's earlier documents' findings go.
        list.retain(|t| t.frame != 0);
    } else if reset {
        // A frame (re)started: forget what its earlier documents reported.
        list.retain(|t| t.frame != frame || t.doc == doc);
    }
    let mut changed = list.len() != before;
    for mut n in new {
        n.seq = seq;
        let same_element = |t: &TabFinding| {
            n.finding.candidate.is_some()
                && t.frame == n.frame
                && t.doc == n.doc
                && t.finding.candidate == n.finding.candidate
        };
        if let Some(old) = list.iter_mut().find(|t| same_element(t)) {
            if old.finding != n.finding {
                *old = n;
                changed = true;
            }
        } else if list.len() < MAX_TAB_FINDINGS && !list.iter().any(|t| t.finding == n.finding && t.frame == n.frame) {
            list.push(n);
            changed = true;
        }
    }
    changed
}

fn set_badge(tab: i64, count: usize) {
    let text = if count == 0 { String::new() } else { count.to_string() };
    let tab_id = JsValue::from_f64(tab as f64);
    platform::fire("action.setBadgeText", vec![obj(&[("tabId", tab_id.clone()), ("text", JsValue::from_str(&text))])]);
    platform::fire(
        "action.setBadgeBackgroundColor",
        vec![obj(&[("tabId", tab_id), ("color", JsValue::from_str("#b3261e"))])],
    );
}

/// `runtime.onInstalled` (install, update, reload): tabs that were open before have no
/// content script in Chromium, or one whose extension is gone; give them the current one.
/// Firefox injects declared content scripts itself; a second copy there returns at once.
#[wasm_bindgen]
pub async fn installed() {
    {
        // A new version may plan ordinary pages differently: pages read the new plan.
        let _turn = queue::turn().await;
        let settings = settings().await;
        write_page_plan(&settings).await;
        sync_flag_scripts(&settings).await;
    }
    let query = obj(&[("url", js_sys::Array::of2(&"http://*/*".into(), &"https://*/*".into()).into())]);
    let Ok(tabs) = platform::call("tabs.query", &[query]).await else { return };
    for tab in js_sys::Array::from(&tabs).iter() {
        let Some(id) = js_sys::Reflect::get(&tab, &"id".into()).ok().and_then(|v| v.as_f64()) else { continue };
        let target = obj(&[("tabId", JsValue::from_f64(id)), ("allFrames", JsValue::TRUE)]);
        let files = js_sys::Array::of1(&"content.js".into());
        // A tab the browser keeps us out of (a store page, a discarded tab) just stays as it is.
        platform::fire("scripting.executeScript", vec![obj(&[("target", target), ("files", files.into())])]);
    }
}
