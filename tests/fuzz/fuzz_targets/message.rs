//! The background's message decoder: any JSON as a page message or an extension-page message.
//! Decoding never panics; an accepted page message stays within its caps once capped.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unscored::protocol::{PageMessage, UiMessage, MAX_PAGE_TEXT, MAX_TEXT, MAX_URL};

fuzz_target!(|s: &str| {
    let _ = serde_json::from_str::<UiMessage>(s);
    let Ok(message) = serde_json::from_str::<PageMessage>(s) else { return };
    match message.capped() {
        PageMessage::Plan { url, .. } => assert!(url.len() <= MAX_URL),
        PageMessage::Scan { url, candidates, page_text, .. } => {
            assert!(url.len() <= MAX_URL);
            assert!(candidates.len() <= unscored::engine::MAX_CANDIDATES);
            assert!(candidates.iter().all(|c| c.text.len() <= MAX_TEXT));
            assert!(page_text.is_none_or(|t| t.len() <= MAX_PAGE_TEXT));
        }
    }
});
