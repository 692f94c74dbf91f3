// Thin loader: the background logic is Rust (src/wasm/background.rs). Listeners are
// registered synchronously, as MV3 requires; the wasm is instantiated only when an event
// needs it, so an event with nothing to do costs no wasm start.
import init, { handle_message, installed, tab_closed, tab_loading, tab_navigated } from "./unscored.js";

const api = globalThis.browser ?? globalThis.chrome;
// What waking up cost, in ms since the worker started: this script, the first event that
// needs the wasm, the wasm ready (the Rust side adds catalog, engine, answer; `timings`).
const marks = (globalThis.unscoredMarks = { script: performance.now() });
let ready = null;
const wasm = () => (ready ??= ((marks.event = performance.now()), init({ module_or_path: "unscored_bg.wasm" })).then(() => void (marks.wasm = performance.now())));
// Does the background keep anything for this tab? (Tabs with nothing found have no entry.)
const known = (tabId) => api.storage.session.get(`tab:${tabId}`).then((o) => `tab:${tabId}` in o, () => true);

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  wasm()
    .then(() => handle_message(message, sender))
    .then(sendResponse, (e) => sendResponse({ error: String(e) }));
  return true;
});
api.runtime.onInstalled.addListener(() => wasm().then(installed));
api.tabs.onRemoved.addListener((tabId) => known(tabId).then((k) => k && wasm().then(() => tab_closed(tabId))));
// A new address: what the old page found is gone (Chromium also keeps the badge). Tabs with
// nothing stored end here, without starting the wasm.
api.tabs.onUpdated.addListener((tabId, change) => {
  // A reload or a late frame reports "loading" without a url: the next top document's first
  // scan sorts those out.
  if (change.status !== "loading") return;
  known(tabId).then(
    (k) => k && wasm().then(() => (change.url ? tab_navigated(tabId, change.url) : tab_loading(tabId))),
  );
  // Firefox can filter (and then wakes the event page for loads and new addresses, not every
  // title or icon a tab shows); Chromium takes no filter.
}, ...(api.runtime.getBrowserInfo ? [{ properties: ["status", "url"] }] : []));
