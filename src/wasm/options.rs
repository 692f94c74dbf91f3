//! The options page: version, catalog figures, the catalog itself (searchable, each service
//! with its way out), and what the extension reads, stores and sends.

use super::dom::{add, document};
use super::popup::render_card;
use super::{platform, storage};
use crate::cards::{self, category_label};
use crate::catalog::{self, Catalog, Record};
use wasm_bindgen::prelude::*;
use web_sys::{Element, HtmlInputElement};

#[wasm_bindgen]
pub async fn render_options() -> Result<(), JsValue> {
    let doc = document()?;
    let about = doc.get_element_by_id("about").ok_or_else(|| JsValue::from_str("options.html lacks #about"))?;
    about.set_text_content(None);
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
    render_services(catalog)?;
    render_quiet_sites().await
}

/// The quiet sites from storage, each with a button that lets Unscored look again.
async fn render_quiet_sites() -> Result<(), JsValue> {
    let doc = document()?;
    let Some(list) = doc.get_element_by_id("quiet-sites") else { return Ok(()) };
    let settings = storage::load_settings().await;
    list.set_text_content(None);
    if settings.quiet_sites.is_empty() {
        add(&list, "li", "none", "None: Unscored looks at every site.")?;
    }
    for host in settings.quiet_sites {
        let li = add(&list, "li", "quiet-site", "")?;
        add(&li, "span", "host", &host)?;
        let button = add(&li, "button", "", "Look at it again")?;
        button.set_attribute("aria-label", &format!("Look at {host} again"))?;
        let on_click = Closure::<dyn FnMut()>::new({
            let li = li.clone();
            move || {
                let li = li.clone();
                let msg = platform::obj(&[
                    ("type", "set-quiet".into()),
                    ("host", JsValue::from_str(&host)),
                    ("quiet", JsValue::FALSE),
                ]);
                wasm_bindgen_futures::spawn_local(async move {
                    let ok = platform::call("runtime.sendMessage", &[msg]).await.is_ok_and(|r| {
                        js_sys::Reflect::get(&r, &"error".into()).map(|e| e.is_undefined()).unwrap_or(false)
                    });
                    if ok {
                        li.remove();
                    }
                });
            }
        });
        button.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref())?;
        on_click.forget();
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
fn render_services(catalog: &'static Catalog) -> Result<(), JsValue> {
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
        let mut meta = format!(
            " · {} · leaving: {}",
            category_label(&record.category),
            difficulty_word(&record.opt_out.difficulty)
        );
        if record.status == "defunct" {
            meta.push_str(" · closed");
        }
        add(&summary, "span", "meta", &meta)?;
        let body = add(&details, "div", "card", "")?;
        let on_toggle = Closure::<dyn FnMut()>::new({
            let body = body.clone();
            move || {
                if body.child_element_count() == 0 {
                    let _ = render_card(&body, &cards::service_card(record));
                }
            }
        });
        details.add_event_listener_with_callback("toggle", on_toggle.as_ref().unchecked_ref())?;
        on_toggle.forget();
        entries.push((li, search_text(record)));
    }
    let total = entries.len();
    shown.set_text_content(Some(&format!("{total} services")));
    let input: HtmlInputElement = filter.dyn_into()?;
    let on_input = Closure::<dyn FnMut()>::new({
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
    input.add_event_listener_with_callback("input", on_input.as_ref().unchecked_ref())?;
    on_input.forget();
    Ok(())
}

fn search_text(r: &Record) -> String {
    format!("{} {} {} {} {}", r.id, r.name, r.category, category_label(&r.category), r.domains.join(" ")).to_lowercase()
}
