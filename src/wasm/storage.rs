//! The person's settings and opt-out tracker in `storage.local`, read the same way by every
//! page. Unreadable storage gives the defaults and a message for the options page; nothing is
//! lost: before the background first overwrites an unreadable value, it keeps it aside under
//! `<key>-unreadable`.

use super::platform;
use crate::settings::Settings;
use crate::tracker::{Day, Tracker};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

pub const SETTINGS_KEY: &str = "settings";
pub const TRACKER_KEY: &str = "tracker";

enum Stored<T> {
    Missing,
    Read(T),
    Unreadable { reason: String, raw: JsValue },
}

/// What is stored under `key` (`undefined` when nothing is).
pub async fn raw(key: &str) -> JsValue {
    let stored = platform::call("storage.local.get", &[JsValue::from_str(key)]).await.ok();
    stored.and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str(key)).ok()).unwrap_or(JsValue::UNDEFINED)
}

async fn stored<T: DeserializeOwned>(key: &str) -> Stored<T> {
    decode(raw(key).await)
}

fn decode<T: DeserializeOwned>(raw: JsValue) -> Stored<T> {
    if raw.is_undefined() || raw.is_null() {
        return Stored::Missing;
    }
    match serde_wasm_bindgen::from_value::<T>(raw.clone()) {
        Ok(v) => Stored::Read(v),
        Err(e) => Stored::Unreadable { reason: e.to_string(), raw },
    }
}

fn settings_from(stored: Stored<Settings>) -> Settings {
    match stored {
        Stored::Read(s) => s.sanitised(),
        _ => Settings::default(),
    }
}

fn tracker_from(stored: Stored<Tracker>) -> Tracker {
    match stored {
        Stored::Read(t) => t.sanitised(),
        _ => Tracker::default(),
    }
}

pub async fn load_settings() -> Settings {
    settings_from(stored(SETTINGS_KEY).await)
}

pub async fn load_tracker() -> Tracker {
    tracker_from(stored(TRACKER_KEY).await)
}

/// Both in one storage call: a page's scan needs both.
pub async fn load_settings_and_tracker() -> (Settings, Tracker) {
    let keys = js_sys::Array::of2(&JsValue::from_str(SETTINGS_KEY), &JsValue::from_str(TRACKER_KEY));
    let stored = platform::call("storage.local.get", &[keys.into()]).await.unwrap_or(JsValue::UNDEFINED);
    let get = |key: &str| js_sys::Reflect::get(&stored, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
    (settings_from(decode(get(SETTINGS_KEY))), tracker_from(decode(get(TRACKER_KEY))))
}

/// What a page's plan request reads, in one storage call sent at once (before the caller
/// awaits it): the settings, the stored page plan (`undefined` when none), and the sign if
/// one was chosen. Waking, the loader has already asked for these same keys
/// (`unscoredEarlyRead` in extension/background.js): that read is taken instead.
pub fn plan_inputs(page_plan_key: &str) -> impl std::future::Future<Output = (Settings, JsValue, Option<String>)> {
    let keys = js_sys::Array::of3(
        &JsValue::from_str(SETTINGS_KEY),
        &JsValue::from_str(page_plan_key),
        &JsValue::from_str(SIGN_KEY),
    );
    let request = platform::take_early_read().unwrap_or_else(|| platform::start("storage.local.get", &[keys.into()]));
    let page_plan_key = page_plan_key.to_string();
    async move {
        let stored = wasm_bindgen_futures::JsFuture::from(request).await.unwrap_or(JsValue::UNDEFINED);
        let get = |key: &str| js_sys::Reflect::get(&stored, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED);
        let sign = get(SIGN_KEY).as_string().filter(|s| crate::sign::is_sign(s));
        (settings_from(decode(get(SETTINGS_KEY))), get(&page_plan_key), sign)
    }
}

/// What could not be read from storage, in words for the options page.
pub async fn problems() -> Vec<String> {
    let mut out = Vec::new();
    let say = |what: &str, key: &str, reason: &str| {
        format!(
            "Your saved {what} could not be read ({reason}). Unscored uses its defaults; when you next change \
             something, the unreadable copy is kept aside in the extension's storage as \u{201c}{key}-unreadable\u{201d}."
        )
    };
    if let Stored::Unreadable { reason, .. } = stored::<Settings>(SETTINGS_KEY).await {
        out.push(say("settings", SETTINGS_KEY, &reason));
    }
    if let Stored::Unreadable { reason, .. } = stored::<Tracker>(TRACKER_KEY).await {
        out.push(say("opt-outs", TRACKER_KEY, &reason));
    }
    out
}

/// Before `key` is overwritten: an unreadable value there is copied to `<key>-unreadable`,
/// unless an earlier one already was.
pub async fn keep_unreadable<T: DeserializeOwned>(key: &str) {
    if let Stored::Unreadable { raw, .. } = stored::<T>(key).await {
        let aside = format!("{key}-unreadable");
        if self::raw(&aside).await.is_undefined() {
            let store = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&store, &JsValue::from_str(&aside), &raw);
            let _ = platform::call("storage.local.set", &[store.into()]).await;
        }
    }
}

/// Today in the person's own time zone: an opt-out sent late in the evening is dated that day.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::from_ymd(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}

pub const MARK_KEY: &str = "mark";

/// The tag of the page notes, chosen once per install ("unscored-" and twelve letters): page
/// CSS cannot name a tag by prefix, so it cannot hide notes it cannot name.
pub async fn mark() -> String {
    let valid = |m: &str| {
        m.strip_prefix("unscored-")
            .is_some_and(|r| (8..=32).contains(&r.len()) && r.bytes().all(|b| b.is_ascii_lowercase()))
    };
    let letters = || (0..12).map(|_| (b'a' + (js_sys::Math::random() * 26.0) as u8 % 26) as char).collect::<String>();
    chosen_once(MARK_KEY, valid, || format!("unscored-{}", letters())).await
}

pub const SIGN_KEY: &str = "sign";

/// The words every note shows and the popup repeats ([`crate::sign`]), chosen once per install.
pub async fn sign() -> String {
    chosen_once(SIGN_KEY, crate::sign::is_sign, || {
        crate::sign::from_index((js_sys::Math::random() * f64::from(crate::sign::COUNT)) as u32)
    })
    .await
}

/// The sign if one was chosen; the popup shows it and never chooses one itself.
pub async fn sign_if_chosen() -> Option<String> {
    raw(SIGN_KEY).await.as_string().filter(|s| crate::sign::is_sign(s))
}

/// What storage holds under `key` when `valid`; otherwise a new value, stored.
async fn chosen_once(key: &str, valid: impl Fn(&str) -> bool, choose: impl Fn() -> String) -> String {
    if let Some(v) = raw(key).await.as_string().filter(|v| valid(v)) {
        return v;
    }
    let v = choose();
    let store = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&store, &JsValue::from_str(key), &JsValue::from_str(&v));
    let _ = platform::call("storage.local.set", &[store.into()]).await;
    v
}
