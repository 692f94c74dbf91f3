//! The person's settings and opt-out tracker in `storage.local`, read the same way by every
//! page. Unreadable storage gives the defaults; nothing is lost, as the stored value is only
//! replaced when the person changes something.

use super::platform;
use crate::settings::Settings;
use crate::tracker::{Day, Tracker};
use serde::de::DeserializeOwned;
use wasm_bindgen::prelude::*;

pub const SETTINGS_KEY: &str = "settings";
pub const TRACKER_KEY: &str = "tracker";

async fn load<T: DeserializeOwned + Default>(key: &str) -> T {
    let stored = platform::call("storage.local.get", &[JsValue::from_str(key)]).await.ok();
    stored
        .and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str(key)).ok())
        .filter(|v| !v.is_undefined())
        .and_then(|v| serde_wasm_bindgen::from_value::<T>(v).ok())
        .unwrap_or_default()
}

pub async fn load_settings() -> Settings {
    load::<Settings>(SETTINGS_KEY).await.sanitised()
}

pub async fn load_tracker() -> Tracker {
    load::<Tracker>(TRACKER_KEY).await.sanitised()
}

/// Today in the person's own time zone: an opt-out sent late in the evening is dated that day.
pub fn today() -> Day {
    let now = js_sys::Date::new_0();
    Day::from_ymd(now.get_full_year() as i32, now.get_month() + 1, now.get_date())
}
