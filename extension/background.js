// Thin loader: the background logic is Rust (src/wasm/background.rs). Listeners are
// registered synchronously, as MV3 requires; the wasm is awaited inside them.
import init, { handle_message, tab_closed, tab_navigated } from "./unscored.js";

const api = globalThis.browser ?? globalThis.chrome;
const ready = init({ module_or_path: "unscored_bg.wasm" });

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  ready
    .then(() => handle_message(message, sender))
    .then(sendResponse, (e) => sendResponse({ error: String(e) }));
  return true;
});
api.tabs.onRemoved.addListener((tabId) => ready.then(() => tab_closed(tabId)));
api.tabs.onUpdated.addListener((tabId, change) => {
  // The tab moved to another address: the old findings are gone. (A reload or a late
  // frame also reports "loading", without a url; the top frame's own scan sorts those out.)
  if (change.status === "loading" && change.url) ready.then(() => tab_navigated(tabId));
});
