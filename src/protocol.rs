//! The messages the background takes: one enum per sender. Content scripts send
//! [`PageMessage`]s, the extension's own pages (popup, options) [`UiMessage`]s; the background
//! checks the sender once and decodes the enum that sender may send, so a page can never ask
//! for another tab's findings or change a setting.
//!
//! Every page message names its document (`doc`, chosen by the content script per document
//! and per in-page navigation) and, for scans, the plan it was collected with (`plan`, see
//! [`crate::engine::Engine::plan_id`]): a scan made with an old plan (the person changed their
//! rules since the page loaded) is refused with "replan" rather than judged against other
//! groups. The page's data is capped here as well as in the content script
//! ([`PageMessage::capped`]): the background never trusts the page side for sizes.
//!
//! ```
//! use unscored::protocol::PageMessage;
//! let m: PageMessage = serde_json::from_str(r#"{"type":"plan","url":"https://example.org/","doc":"d1"}"#).unwrap();
//! assert!(matches!(m, PageMessage::Plan { .. }));
//! ```

use crate::engine::{Candidate, Card, CARD_CHARS, CARD_ITEMS, MAX_CANDIDATES};
use crate::signals::PageSignals;
use serde::Deserialize;

/// Longest URL, attribute value and consent-page text the background reads.
pub const MAX_URL: usize = 4096;
pub const MAX_ATTR: usize = 2048;
pub const MAX_ATTRS: usize = 12;
pub const MAX_TEXT: usize = 300;
pub const MAX_PAGE_TEXT: usize = 20_000;

/// From a content script, about its own document.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum PageMessage {
    /// What to look for on this page.
    Plan {
        url: String,
        #[serde(default)]
        doc: String,
    },
    /// What the page side collected with plan `plan`.
    Scan {
        url: String,
        #[serde(default)]
        doc: String,
        #[serde(default)]
        plan: u32,
        /// The document's first scan: page-level findings belong to it.
        #[serde(default)]
        reset: bool,
        #[serde(default)]
        candidates: Vec<Candidate>,
        /// What the page says about itself (sent only when the plan asks for it).
        #[serde(default)]
        signals: PageSignals,
        /// Visible text of a consent page (sent only when the plan asks for it).
        #[serde(default)]
        page_text: Option<String>,
        /// Time the page side spent collecting candidates.
        #[serde(default)]
        collect_ms: f64,
    },
    /// A document that reported is going (a new address, a reload, the tab closing, the back/
    /// forward cache, an in-page move): what it found goes with it. Sent instead of the
    /// background watching every tab's navigations, which would wake it on every page.
    Left {
        #[serde(default)]
        doc: String,
        /// An in-page move (the document stays, with its frames): only its own findings go.
        #[serde(default)]
        moved: bool,
    },
}

/// From the extension's own pages.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(tag = "type", rename_all = "kebab-case", deny_unknown_fields)]
pub enum UiMessage {
    TabFindings {
        tab: i64,
    },
    TabStats {
        tab: i64,
    },
    SetQuiet {
        host: String,
        quiet: bool,
    },
    /// One change to what is annotated and how: a kind or a service shown or hidden, the note
    /// style, or the custom rules (refused whole, with every problem, when a line is broken).
    Configure {
        #[serde(default)]
        kind: Option<String>,
        #[serde(default)]
        service: Option<String>,
        #[serde(default)]
        shown: Option<bool>,
        #[serde(default)]
        compact: Option<bool>,
        #[serde(default)]
        rules: Option<String>,
    },
    /// The opt-out tracker, with today's status of each entry.
    Tracker,
    /// `stage`: `sent`, `gone`, or `forget` to drop the entry.
    Track {
        service: String,
        stage: String,
    },
    /// Settings and tracker as one backup object.
    Export,
    /// A backup file's text, applied whole or not at all.
    Import {
        text: String,
    },
    /// What this background's wake-up cost so far, in milliseconds since the worker (or event
    /// page) started: script loaded, first event needing the wasm, wasm ready, catalog decoded,
    /// engine built, first answer.
    Timings,
}

fn cap(s: &mut String, max: usize) {
    if s.len() > max {
        let mut end = max;
        while !s.is_char_boundary(end) {
            end -= 1;
        }
        s.truncate(end);
    }
}

fn cap_card(card: &mut Card) {
    cap(&mut card.text, CARD_CHARS * 2);
    card.links.truncate(CARD_ITEMS);
    card.images.truncate(CARD_ITEMS);
    for s in card.links.iter_mut().chain(card.images.iter_mut()) {
        cap(s, MAX_ATTR);
    }
}

impl PageMessage {
    /// The message within the limits the page side keeps: what a hostile or broken page
    /// side sends beyond them is dropped, never judged.
    pub fn capped(mut self) -> Self {
        match &mut self {
            PageMessage::Plan { url, doc } => {
                cap(url, MAX_URL);
                cap(doc, 64);
            }
            PageMessage::Left { doc, .. } => cap(doc, 64),
            PageMessage::Scan { url, doc, candidates, signals, page_text, .. } => {
                cap(url, MAX_URL);
                cap(doc, 64);
                candidates.truncate(MAX_CANDIDATES);
                for c in candidates.iter_mut() {
                    cap(&mut c.tag, 64);
                    c.attrs.truncate(MAX_ATTRS);
                    for (name, value) in c.attrs.iter_mut() {
                        cap(name, 64);
                        cap(value, MAX_ATTR);
                    }
                    cap(&mut c.text, MAX_TEXT);
                    if let Some(src) = c.image_src.as_mut() {
                        cap(src, MAX_ATTR);
                    }
                    if let Some(card) = c.card.as_mut() {
                        cap_card(card);
                    }
                }
                *signals = std::mem::take(signals).capped();
                if let Some(t) = page_text.as_mut() {
                    cap(t, MAX_PAGE_TEXT);
                }
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_sender_has_its_own_messages() {
        // A page cannot send what only the extension's pages may.
        let e = serde_json::from_str::<PageMessage>(r#"{"type":"tab-findings","tab":3}"#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `tab-findings`"), "{e}");
        assert!(serde_json::from_str::<UiMessage>(r#"{"type":"tab-findings","tab":3}"#).is_ok());
        let e = serde_json::from_str::<UiMessage>(r#"{"type":"scan","url":"x"}"#).unwrap_err();
        assert!(e.to_string().contains("unknown variant `scan`"), "{e}");
    }

    #[test]
    fn oversized_page_data_is_capped() {
        let big = "é".repeat(5000);
        let json = format!(
            r#"{{"type":"scan","url":"https://example.org/{big}","doc":"d","plan":1,"reset":true,
               "candidates":[{{"id":0,"tag":"span","text":"{big}","attrs":[["title","{big}"]]}}],
               "page_text":"{big}"}}"#
        );
        let PageMessage::Scan { url, candidates, page_text, .. } =
            serde_json::from_str::<PageMessage>(&json).unwrap().capped()
        else {
            panic!("not a scan")
        };
        assert!(url.len() <= MAX_URL && candidates[0].text.len() <= MAX_TEXT);
        assert!(candidates[0].attrs[0].1.len() <= MAX_ATTR);
        assert!(page_text.unwrap().len() <= MAX_PAGE_TEXT);
        let many = format!(
            r#"{{"type":"scan","url":"u","candidates":[{}]}}"#,
            vec![r#"{"id":1,"tag":"a"}"#; MAX_CANDIDATES + 5].join(",")
        );
        let PageMessage::Scan { candidates, .. } = serde_json::from_str::<PageMessage>(&many).unwrap().capped() else {
            panic!("not a scan")
        };
        assert_eq!(candidates.len(), MAX_CANDIDATES);
    }

    /// The fuzz target `message` (tests/fuzz) in miniature, so `cargo test` keeps its promise:
    /// valid messages mutated 20,000 ways never panic the decoder, and whatever it accepts
    /// stays within its caps once capped.
    #[test]
    fn mutated_messages_never_panic_and_stay_capped() {
        let seeds = [
            r#"{"type":"plan","url":"https://example.org/a?b=c","doc":"d1"}"#,
            r#"{"type":"scan","url":"https://example.org/","doc":"d","plan":7,"reset":true,"collect_ms":1.5,
               "candidates":[{"id":0,"tag":"iframe","text":"Klout 63","attrs":[["src","http://widgets.klout.com/badge/j"]],
               "card":{"text":"jane","links":["/u/jane"],"images":["avatar"]}}],"page_text":"Allow"}"#,
            r#"{"type":"tab-findings","tab":3}"#,
            r#"{"type":"configure","kind":"score","shown":false}"#,
        ]
        .map(String::from);
        // Over every cap, so a cap that stopped working fails here.
        let long = "é".repeat(4000);
        let seeds: Vec<String> = seeds
            .into_iter()
            .chain([format!(
                r#"{{"type":"scan","url":"https://example.org/{long}","candidates":[{{"id":1,"tag":"b","text":"{long}"}}],"page_text":"{long}"}}"#
            )])
            .collect();
        let tokens = ["{", "}", "[", "]", ",", ":", "\"", "null", "-1e999", "1e308", "\\u0000", "\"type\"", "\"scan\""];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n.max(1) as u64) as usize
        };
        for round in 0..20_000 {
            let mut bytes = seeds[round % seeds.len()].as_bytes().to_vec();
            for _ in 0..1 + next(4) {
                let at = next(bytes.len() + 1);
                match next(5) {
                    0 if at < bytes.len() => bytes[at] ^= 1 << next(8),
                    1 if at < bytes.len() => drop(bytes.drain(at..(at + 1 + next(8)).min(bytes.len()))),
                    2 => bytes.splice(at..at, tokens[next(tokens.len())].bytes()).for_each(drop),
                    3 => bytes.truncate(at),
                    _ => {
                        let from = next(bytes.len().max(1));
                        let piece: Vec<u8> = bytes[from.min(bytes.len())..].iter().take(40).copied().collect();
                        bytes.splice(at..at, piece).for_each(drop);
                    }
                }
            }
            let Ok(text) = std::str::from_utf8(&bytes) else { continue };
            let _ = serde_json::from_str::<UiMessage>(text);
            let Ok(message) = serde_json::from_str::<PageMessage>(text) else { continue };
            if let PageMessage::Scan { url, candidates, page_text, .. } = message.capped() {
                assert!(url.len() <= MAX_URL && candidates.len() <= MAX_CANDIDATES, "{text}");
                assert!(candidates.iter().all(|c| c.text.len() <= MAX_TEXT), "{text}");
                assert!(page_text.is_none_or(|t| t.len() <= MAX_PAGE_TEXT), "{text}");
            }
        }
    }

    #[test]
    fn unknown_fields_are_refused_by_name() {
        let e = serde_json::from_str::<PageMessage>(r#"{"type":"plan","url":"u","tab":7}"#).unwrap_err();
        assert!(e.to_string().contains("unknown field `tab`"), "{e}");
    }
}
