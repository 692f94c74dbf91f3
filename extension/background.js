// Thin loader: the background logic is Rust (src/wasm/background.rs). Listeners are
// registered synchronously, as MV3 requires; the wasm is awaited inside them.
import init, { handle_message, installed, tab_closed, tab_loading, tab_navigated } from "./unscored.js";

const api = globalThis.browser ?? globalThis.chrome;
const ready = init({ module_or_path: "unscored_bg.wasm" });

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  ready
    .then(() => handle_message(message, sender))
    .then(sendResponse, (e) => sendResponse({ error: String(e) }));
  return true;
});
api.runtime.onInstalled.addListener(() => ready.then(installed));
api.tabs.onRemoved.addListener((tabId) => ready.then(() => tab_closed(tabId)));
api.tabs.onUpdated.addListener((tabId, change) => {
  // The tab moved to another address: the old findings are gone. A reload or a late frame
  // reports "loading" without a url: the next top document's first scan sorts those out.
  if (change.status !== "loading") return;
  ready.then(() => (change.url ? tab_navigated(tabId, change.url) : tab_loading(tabId)));
});
