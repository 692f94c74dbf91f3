//! The one place that knows browsers differ: `browser.*` (Firefox) or `chrome.*` (Chromium),
//! both promise-based in Manifest V3.

use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

fn api() -> Result<JsValue, JsValue> {
    let global = js_sys::global();
    for name in ["browser", "chrome"] {
        let v = Reflect::get(&global, &JsValue::from_str(name))?;
        if v.is_object() {
            return Ok(v);
        }
    }
    Err(JsValue::from_str("no extension API (browser/chrome) in this context"))
}

/// `api.a.b.c`, erroring with the dotted path when a piece is missing.
fn lookup(path: &str) -> Result<(JsValue, JsValue), JsValue> {
    let mut this = JsValue::UNDEFINED;
    let mut cur = api()?;
    for part in path.split('.') {
        this = cur.clone();
        cur = Reflect::get(&cur, &JsValue::from_str(part))?;
        if cur.is_undefined() {
            return Err(JsValue::from_str(&format!("{path} is not available in this browser")));
        }
    }
    Ok((this, cur))
}

/// Calls `api.<path>(args…)` and awaits it when it returns a promise.
pub async fn call(path: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    JsFuture::from(start(path, args)).await
}

/// Calls `api.<path>(args…)` at once, as a promise (a plain result or a failure becomes a
/// settled one): the browser works on the request while the caller does work of its own
/// before awaiting it.
pub fn start(path: &str, args: &[JsValue]) -> Promise {
    if path.starts_with("storage.local.") && path != "storage.local.get" {
        let _ = Reflect::delete_property(&js_sys::global(), &JsValue::from_str(EARLY_READ));
    }
    let result = lookup(path).and_then(|(this, f)| {
        let f: Function = f.dyn_into().map_err(|_| JsValue::from_str(&format!("{path} is not a function")))?;
        f.apply(&this, &args.iter().collect::<Array>())
    });
    match result {
        Ok(v) => v.dyn_into::<Promise>().unwrap_or_else(|v| Promise::resolve(&v)),
        Err(e) => Promise::reject(&e),
    }
}

/// The loader's storage read started as the background woke (`unscoredEarlyRead` in
/// background.js), taken once. Gone as soon as anything writes to storage: it would be stale.
pub fn take_early_read() -> Option<Promise> {
    let global = js_sys::global();
    let key = JsValue::from_str(EARLY_READ);
    let early = Reflect::get(&global, &key).ok()?.dyn_into::<Promise>().ok()?;
    let _ = Reflect::delete_property(&global, &key);
    Some(early)
}

const EARLY_READ: &str = "unscoredEarlyRead";

/// Calls without waiting; failures only logged (badge updates on a closed tab, say).
pub fn fire(path: &'static str, args: Vec<JsValue>) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = call(path, &args).await {
            web_sys::console::debug_2(&JsValue::from_str(path), &e);
        }
    });
}

/// This extension's id.
pub fn runtime_id() -> String {
    lookup("runtime.id").ok().and_then(|(_, v)| v.as_string()).unwrap_or_default()
}

/// `moz-extension://<uuid>/` or `chrome-extension://<id>/`.
pub fn extension_origin() -> String {
    lookup("runtime.getURL")
        .ok()
        .and_then(|(this, f)| f.dyn_into::<Function>().ok().map(|f| (this, f)))
        .and_then(|(this, f)| f.call1(&this, &JsValue::from_str("")).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The words of a JS error: its text, or its `message`.
pub fn error_text(e: &JsValue) -> String {
    e.as_string()
        .or_else(|| Reflect::get(e, &JsValue::from_str("message")).ok().and_then(|m| m.as_string()))
        .unwrap_or_else(|| "the browser gave no reason".into())
}

/// Sends a message to the background. Its `{error}` replies, and a failed send, come back as
/// `Err` with words a person can read.
pub async fn send(pairs: &[(&str, JsValue)]) -> Result<JsValue, String> {
    let reply = call("runtime.sendMessage", &[obj(pairs)]).await.map_err(|e| error_text(&e))?;
    match Reflect::get(&reply, &JsValue::from_str("error")).ok().and_then(|e| e.as_string()) {
        Some(e) => Err(e),
        None => Ok(reply),
    }
}

/// A plain JS object from key/value pairs.
pub fn obj(pairs: &[(&str, JsValue)]) -> JsValue {
    let obj = js_sys::Object::new();
    for (k, v) in pairs {
        let _ = Reflect::set(&obj, &JsValue::from_str(k), v);
    }
    obj.into()
}
