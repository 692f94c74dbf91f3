// Thin loader: the popup is rendered by Rust (src/wasm/popup.rs).
import init, { render_popup } from "./unscored.js";

init({ module_or_path: "unscored_bg.wasm" })
  .then(render_popup)
  .catch((e) => {
    document.getElementById("app").textContent = `Unscored could not start: ${e}`;
  });
