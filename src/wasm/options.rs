//! The options page: version, catalog figures, the person's opt-outs, backup and import, the
//! catalog itself (searchable, each service with its way out), and what the extension reads,
//! stores and sends.

use super::dom::{self, add, document, link};
use super::popup::{fill_tracker, render_card, set_quiet, trackable, tracker_state};
use super::{platform, storage};
use crate::cards::{self, category_label};
use crate::catalog::{self, Catalog, Record};
use crate::settings::{Settings, KINDS};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement};

#[wasm_bindgen]
pub async fn render_options() -> Result<(), JsValue> {
    let doc = document()?;
    let about = doc.get_element_by_id("about").ok_or_else(|| JsValue::from_str("options.html lacks #about"))?;
    about.set_text_content(None);
    for problem in storage::problems().await {
        add(&about, "p", "alert storage-problem", &problem)?.set_attribute("role", "alert")?;
    }
    let catalog = Catalog::embedded();
    let figures = add(&about, "dl", "figures", "")?;
    for (label, value, id) in [
        ("Version", env!("CARGO_PKG_VERSION").to_string(), "version"),
        ("Catalog version", catalog::VERSION.to_string(), "catalog-version"),
        ("Services in the catalog", catalog.len().to_string(), "catalog-size"),
    ] {
        add(&figures, "dt", "", label)?;
        add(&figures, "dd", "", &value)?.set_id(id);
    }
    let settings = storage::load_settings().await;
    render_services(catalog, &settings)?;
    annotation_controls(&settings)?;
    backup_controls()?;
    // The popup, or this page, changed something: show it.
    let on_change = Closure::<dyn FnMut(JsValue, JsValue)>::new(|changes: JsValue, area: JsValue| {
        if area.as_string().as_deref() != Some("local") {
            return;
        }
        let has = |k: &str| js_sys::Reflect::has(&changes, &JsValue::from_str(k)).unwrap_or(false);
        if has(storage::TRACKER_KEY) {
            wasm_bindgen_futures::spawn_local(async {
                let _ = render_opt_outs().await;
            });
        }
        if has(storage::SETTINGS_KEY) {
            wasm_bindgen_futures::spawn_local(async {
                let _ = render_quiet_sites().await;
            });
        }
    });
    platform::call("storage.onChanged.addListener", &[on_change.as_ref().clone()]).await?;
    on_change.forget();
    render_opt_outs().await?;
    render_quiet_sites().await
}

/// Sends one `configure` change; returns the background's words when it refused.
async fn configure(pairs: &[(&str, JsValue)]) -> Result<(), (String, Vec<String>)> {
    let mut all = vec![("type", JsValue::from_str("configure"))];
    all.extend(pairs.iter().cloned());
    let reply = platform::call("runtime.sendMessage", &[platform::obj(&all)])
        .await
        .map_err(|e| (format!("Not saved: {}", platform::error_text(&e)), Vec::new()))?;
    let error = js_sys::Reflect::get(&reply, &"error".into()).ok().and_then(|e| e.as_string());
    match error {
        None => Ok(()),
        Some(e) => {
            let problems = js_sys::Reflect::get(&reply, &"problems".into())
                .ok()
                .and_then(|p| serde_wasm_bindgen::from_value::<Vec<String>>(p).ok())
                .unwrap_or_default();
            Err((e, problems))
        }
    }
}

/// A checkbox that saves itself when changed and says so in `status`.
fn save_on_change(
    input: &HtmlInputElement,
    status: &Element,
    message: impl Fn(bool) -> Vec<(&'static str, JsValue)> + 'static,
) -> Result<(), JsValue> {
    dom::listen(input, "change", "page", {
        let (input, status) = (input.clone(), status.clone());
        move || {
            let (input, status) = (input.clone(), status.clone());
            let pairs = message(input.checked());
            wasm_bindgen_futures::spawn_local(async move {
                let said = match configure(&pairs).await {
                    Ok(()) => "Saved. Pages you open from now on show it.".to_string(),
                    Err((e, _)) => {
                        input.set_checked(!input.checked());
                        e
                    }
                };
                status.set_text_content(Some(&said));
            });
        }
    });
    Ok(())
}

/// Kinds of finding, note style and custom rules.
fn annotation_controls(settings: &Settings) -> Result<(), JsValue> {
    let doc = document()?;
    let (Some(kinds), Some(compact), Some(status), Some(rules), Some(save), Some(rules_status)) = (
        doc.get_element_by_id("kinds"),
        doc.get_element_by_id("compact"),
        doc.get_element_by_id("shown-status"),
        doc.get_element_by_id("rules"),
        doc.get_element_by_id("save-rules"),
        doc.get_element_by_id("rules-status"),
    ) else {
        return Ok(());
    };
    for (kind, words) in KINDS {
        let label = add(&kinds, "label", "", "")?;
        let input: HtmlInputElement = add(&label, "input", "", "")?.dyn_into()?;
        input.set_type("checkbox");
        input.set_value(kind);
        input.set_checked(settings.kind_shown(kind));
        label.append_with_str_1(&format!(" {words}"))?;
        save_on_change(&input, &status, move |shown| {
            vec![("kind", JsValue::from_str(kind)), ("shown", JsValue::from_bool(shown))]
        })?;
    }
    let compact: HtmlInputElement = compact.dyn_into()?;
    compact.set_checked(settings.compact);
    save_on_change(&compact, &status, |on| vec![("compact", JsValue::from_bool(on))])?;

    let rules: web_sys::HtmlTextAreaElement = rules.dyn_into()?;
    rules.set_value(&settings.custom_rules);
    // Saved by an older version and no longer read: kept, and said, so nothing is lost unseen.
    let broken = settings.rule_problems();
    if !broken.is_empty() {
        add(
            &rules_status,
            "p",
            "problem",
            "Some of your saved rules can no longer be read. They are kept here; the other rules work. \
             Fix or remove these lines and save:",
        )?;
        let list = add(&rules_status, "ul", "", "")?;
        for p in broken {
            add(&list, "li", "problem", &p)?;
        }
    }
    dom::listen(&save, "click", "page", move || {
        let (text, rules_status) = (rules.value(), rules_status.clone());
        wasm_bindgen_futures::spawn_local(async move {
            rules_status.set_text_content(None);
            match configure(&[("rules", JsValue::from_str(&text))]).await {
                Ok(()) => {
                    let n = crate::filters::parse_list(&text).0.len();
                    let said = format!(
                        "Saved {n} rule{}. Pages you open from now on use them.",
                        if n == 1 { "" } else { "s" }
                    );
                    let _ = add(&rules_status, "p", "", &said);
                }
                Err((said, problems)) => {
                    let _ = add(
                        &rules_status,
                        "p",
                        "problem",
                        &format!("{said} Your text is kept here; fix it and save again."),
                    );
                    if let Ok(list) = add(&rules_status, "ul", "", "") {
                        for p in problems {
                            let _ = add(&list, "li", "problem", &p);
                        }
                    }
                }
            }
        });
    });
    Ok(())
}

/// Every tracked opt-out, the ones due for a look first, each with its next step.
async fn render_opt_outs() -> Result<(), JsValue> {
    let doc = document()?;
    let Some(list) = doc.get_element_by_id("opt-outs") else { return Ok(()) };
    let state = tracker_state().await;
    list.set_text_content(None);
    if state.order.is_empty() {
        add(
            &list,
            "li",
            "none",
            "None yet. When you send an opt-out, press \u{201c}I've sent my opt-out\u{201d} on its card.",
        )?;
    }
    for id in &state.order {
        let li = add(&list, "li", "opt-out-entry", "")?;
        let record = Catalog::embedded().get(id);
        add(&li, "span", "name", record.map_or(id.as_str(), |r| r.name.as_str()))?;
        // Where to look again, one click away.
        if let Some(url) = record.and_then(|r| cards::https_only(r.opt_out.url.as_ref())) {
            add(&li, "span", "", " · ")?;
            link(&li, &url, "opt-out page")?.set_class_name("opt-out-link");
        }
        fill_tracker(&add(&li, "div", "tracker", "")?, id, state.status.get(id))?;
    }
    Ok(())
}

/// Export to a JSON file, import from one; the result or the problem is said in words.
fn backup_controls() -> Result<(), JsValue> {
    let doc = document()?;
    let (Some(export), Some(import), Some(status)) =
        (doc.get_element_by_id("export"), doc.get_element_by_id("import"), doc.get_element_by_id("backup-status"))
    else {
        return Ok(());
    };
    dom::listen(&export, "click", "page", {
        let status = status.clone();
        move || {
            let status = status.clone();
            wasm_bindgen_futures::spawn_local(async move {
                let _ = export_backup(&status).await;
            });
        }
    });
    let input: HtmlInputElement = import.dyn_into()?;
    dom::listen(&input, "change", "page", {
        let input = input.clone();
        move || {
            let (input, status) = (input.clone(), status.clone());
            status.set_text_content(Some("Reading the file\u{2026}"));
            wasm_bindgen_futures::spawn_local(async move {
                let said = match import_backup(&input).await {
                    Ok(s) | Err(s) => s,
                };
                status.set_text_content(Some(&said));
                input.set_value("");
            });
        }
    });
    Ok(())
}

async fn export_backup(status: &Element) -> Result<(), JsValue> {
    let backup = platform::send(&[("type", "export".into())]).await.map_err(|e| JsValue::from_str(&e))?;
    let json = js_sys::JSON::stringify_with_replacer_and_space(&backup, &JsValue::NULL, &JsValue::from_f64(2.0))?;
    let name = format!("unscored-backup-{}.json", storage::today());
    status.set_text_content(None);
    let a = add(status, "a", "backup-file", &name)?;
    let href = format!("data:application/json;charset=utf-8,{}", js_sys::encode_uri_component(&String::from(json)));
    a.set_attribute("href", &href)?;
    a.set_attribute("download", &name)?;
    a.unchecked_ref::<web_sys::HtmlElement>().click();
    Ok(())
}

/// A backup is a few KB; anything far bigger is not one, and is not read into memory.
const MAX_BACKUP_BYTES: f64 = 1_048_576.0;

async fn import_backup(input: &HtmlInputElement) -> Result<String, String> {
    let file = input.files().and_then(|f| f.get(0)).ok_or("Choose a backup file first.")?;
    if file.size() > MAX_BACKUP_BYTES {
        return Err(format!("Nothing was imported: {} is over 1 MB, and a backup is a few KB.", file.name()));
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| format!("Nothing was imported: {} could not be read.", file.name()))?;
    let reply = platform::send(&[("type", "import".into()), ("text", JsValue::from_str(&text))])
        .await
        .map_err(|e| if e.starts_with("Nothing") { e } else { format!("Nothing was imported: {e}") })?;
    js_sys::Reflect::get(&reply, &JsValue::from_str("imported"))
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| "Nothing was imported: no answer from the background.".into())
}

/// The quiet sites from storage, each with a button that lets Unscored look again.
async fn render_quiet_sites() -> Result<(), JsValue> {
    let doc = document()?;
    let Some(list) = doc.get_element_by_id("quiet-sites") else { return Ok(()) };
    let settings = storage::load_settings().await;
    dom::unlisten("quiet-sites");
    list.set_text_content(None);
    if settings.quiet_sites.is_empty() {
        add(&list, "li", "none", "None: Unscored looks at every site.")?;
    }
    for host in settings.quiet_sites {
        let li = add(&list, "li", "quiet-site", "")?;
        add(&li, "span", "host", &host)?;
        let button = add(&li, "button", "", "Look at it again")?;
        button.set_attribute("aria-label", &format!("Look at {host} again"))?;
        dom::listen(&button, "click", "quiet-sites", {
            let li = li.clone();
            move || {
                let (li, host) = (li.clone(), host.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    if set_quiet(&host, false).await.is_ok() {
                        li.remove();
                    }
                });
            }
        });
    }
    Ok(())
}

fn difficulty_word(d: &str) -> &str {
    match d {
        "limited" => "only in some places",
        other => other,
    }
}

/// One collapsed entry per service; a card is built only when an entry is opened.
fn render_services(catalog: &'static Catalog, settings: &Settings) -> Result<(), JsValue> {
    let doc = document()?;
    let (Some(list), Some(filter), Some(shown)) =
        (doc.get_element_by_id("services"), doc.get_element_by_id("filter"), doc.get_element_by_id("shown"))
    else {
        return Ok(());
    };
    list.set_text_content(None);
    let mut entries: Vec<(Element, String)> = Vec::with_capacity(catalog.len());
    for record in catalog.records() {
        let li = add(&list, "li", "service", "")?;
        let details = add(&li, "details", "", "")?;
        let summary = add(&details, "summary", "", "")?;
        add(&summary, "span", "name", &record.name)?;
        let leaving = match record.opt_out.available.as_str() {
            "unknown" => "not confirmed",
            _ => difficulty_word(&record.opt_out.difficulty),
        };
        let mut meta = format!(" · {} · leaving: {leaving}", category_label(&record.category));
        if record.status == "defunct" {
            meta.push_str(" · closed");
        }
        add(&summary, "span", "meta", &meta)?;
        let switch = add(&details, "label", "service-switch", "")?;
        let input: HtmlInputElement = add(&switch, "input", "", "")?.dyn_into()?;
        input.set_type("checkbox");
        input.set_checked(settings.service_shown(&record.id));
        switch.append_with_str_1(&format!(" Point out {} on pages", record.name))?;
        let saved = add(&details, "span", "switch-status", "")?;
        saved.set_attribute("role", "status")?;
        save_on_change(&input, &saved, move |shown| {
            vec![("service", JsValue::from_str(&record.id)), ("shown", JsValue::from_bool(shown))]
        })?;
        let body = add(&details, "div", "card", "")?;
        dom::listen(&details, "toggle", "page", {
            let body = body.clone();
            move || {
                if body.child_element_count() == 0 {
                    let _ = render_card(&body, &cards::service_card(record));
                    if trackable(&record.id) {
                        if let Ok(block) = add(&body, "div", "tracker", "") {
                            wasm_bindgen_futures::spawn_local(async move {
                                let state = tracker_state().await;
                                let _ = fill_tracker(&block, &record.id, state.status.get(&record.id));
                            });
                        }
                    }
                }
            }
        });
        entries.push((li, search_text(record)));
    }
    let total = entries.len();
    shown.set_text_content(Some(&format!("{total} services")));
    let input: HtmlInputElement = filter.dyn_into()?;
    dom::listen(&input, "input", "page", {
        let input = input.clone();
        move || {
            let query = input.value().trim().to_lowercase();
            let mut visible = 0;
            for (li, text) in &entries {
                let hit = query.split_whitespace().all(|w| text.contains(w));
                let _ = if hit { li.remove_attribute("hidden") } else { li.set_attribute("hidden", "") };
                visible += usize::from(hit);
            }
            shown.set_text_content(Some(&if visible == total {
                format!("{total} services")
            } else {
                format!("{visible} of {total} services")
            }));
        }
    });
    Ok(())
}

fn search_text(r: &Record) -> String {
    format!("{} {} {} {} {}", r.id, r.name, r.category, category_label(&r.category), r.domains.join(" ")).to_lowercase()
}
