// Thin loader: the background logic is Rust (src/wasm/background.rs). Listeners are
// registered synchronously, as MV3 requires. Every event it listens to needs the wasm (it
// listens to no navigation or tab event), so the wasm starts at once, while the browser is
// still delivering the event that woke the background.
import init, { handle_message, installed } from "./unscored.js";

const api = globalThis.browser ?? globalThis.chrome;
// What waking up cost, in ms since the worker started: this script, the first event that
// needs the wasm, the wasm ready (the Rust side adds catalog, engine, answer; `timings`).
const marks = (globalThis.unscoredMarks = { script: performance.now() });
let ready = null;
const wasm = () => (ready ??= init({ module_or_path: "unscored_bg.wasm" }).then(() => void (marks.wasm = performance.now())));
wasm().catch(() => {}); // a failure reaches each event through `ready`
// A page's plan request, the usual reason to wake, needs these: storage reads them while the
// wasm starts (src/wasm/storage.rs takes the read once, unless something was written first).
globalThis.unscoredEarlyRead = api.storage.local.get(["settings", "page-plan", "sign"]);
globalThis.unscoredEarlyRead.catch(() => {});
// Whoever changed storage meanwhile (an extension page, an update), the read is stale.
api.storage.onChanged.addListener(() => void delete globalThis.unscoredEarlyRead);

api.runtime.onMessage.addListener((message, sender, sendResponse) => {
  marks.event ??= performance.now();
  wasm()
    .then(() => handle_message(message, sender))
    .then(sendResponse, (e) => sendResponse({ error: String(e) }));
  return true;
});
api.runtime.onInstalled.addListener(() => ((marks.event ??= performance.now()), wasm().then(installed)));
// No tabs.onUpdated or tabs.onRemoved: listening would wake the background on every page load
// and tab close. A page that reported says when it goes (a "left" message), so a tab's
// findings and badge go with its page.
