// Thin loader: the options page is rendered by Rust (src/wasm/options.rs).
import init, { render_options } from "./unscored.js";

init({ module_or_path: "unscored_bg.wasm" })
  .then(render_options)
  .catch((e) => {
    document.getElementById("about").textContent = `Unscored could not start: ${e}`;
  });
