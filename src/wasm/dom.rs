//! Small DOM builders for the extension pages. Text always goes in as text, never as HTML.

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element};

pub fn document() -> Result<Document, JsValue> {
    web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))
}

pub fn el(doc: &Document, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let e = doc.create_element(tag)?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if !text.is_empty() {
        e.set_text_content(Some(text));
    }
    Ok(e)
}

/// Appends a child built by `el` and returns it.
pub fn add(parent: &Element, tag: &str, class: &str, text: &str) -> Result<Element, JsValue> {
    let doc = parent.owner_document().ok_or_else(|| JsValue::from_str("detached element"))?;
    let e = el(&doc, tag, class, text)?;
    parent.append_child(&e)?;
    Ok(e)
}

/// An https link opening in a new tab; anything else is rendered as plain text.
pub fn link(parent: &Element, href: &str, text: &str) -> Result<Element, JsValue> {
    if !href.starts_with("https://") {
        return add(parent, "span", "", text);
    }
    let a = add(parent, "a", "", text)?;
    a.set_attribute("href", href)?;
    a.set_attribute("target", "_blank")?;
    a.set_attribute("rel", "noopener noreferrer")?;
    Ok(a)
}

thread_local! {
    /// DOM listeners by the part of the page they belong to. Rendering a part again drops the
    /// old ones, and gloo's `EventListener` removes itself when dropped: nothing is leaked.
    static LISTENERS: std::cell::RefCell<std::collections::HashMap<String, Vec<gloo::events::EventListener>>> =
        std::cell::RefCell::new(std::collections::HashMap::new());
}

/// Runs `f` on each `event` at `target` for as long as `part` of the page is not rendered again.
pub fn listen(target: &web_sys::EventTarget, event: &'static str, part: &str, mut f: impl FnMut() + 'static) {
    let listener = gloo::events::EventListener::new(target, event, move |_| f());
    LISTENERS.with(|l| l.borrow_mut().entry(part.to_string()).or_default().push(listener));
}

/// `part` is about to be rendered again: its listeners go with its old elements.
pub fn unlisten(part: &str) {
    LISTENERS.with(|l| l.borrow_mut().remove(part));
}
