//! The person's settings in `storage.local`, read the same way by every page.

use super::platform;
use crate::settings::Settings;
use wasm_bindgen::prelude::*;

pub const SETTINGS_KEY: &str = "settings";

/// The person's settings; unreadable storage gives the defaults (nothing is lost: the stored
/// value is only replaced when the person changes a setting).
pub async fn load_settings() -> Settings {
    let stored = platform::call("storage.local.get", &[JsValue::from_str(SETTINGS_KEY)]).await.ok();
    stored
        .and_then(|o| js_sys::Reflect::get(&o, &JsValue::from_str(SETTINGS_KEY)).ok())
        .filter(|v| !v.is_undefined())
        .and_then(|v| serde_wasm_bindgen::from_value::<Settings>(v).ok())
        .map(Settings::sanitised)
        .unwrap_or_default()
}
