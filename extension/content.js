// Content script: collects candidate elements with native DOM queries, asks the Rust engine
// in the background what they are, and draws the annotations it gets back. It decides
// nothing itself, so it works the same on pages whose CSP forbids wasm.
//
// Cheap by design: per root, one query for embeds, one for every rarer selector group the
// background sends, one look at the text; nothing more when the page has no candidates;
// mutations batched into one scan per 250 ms; tiny and empty frames wait until shown or filled.
(() => {
  "use strict";
  // The extension's API, taken when first needed: in Firefox the first touch builds it for this
  // frame (milliseconds each), and a frame with nothing to look at (a tracking pixel) never does.
  let apiObject = null;
  const api = () => (apiObject ??= globalThis.browser ?? globalThis.chrome);
  // Is this script's extension still there? After an update or reload it is not, and the
  // script must stop rather than keep observing for nobody.
  const alive = () => {
    try {
      return Boolean(api()?.runtime?.id);
    } catch {
      return false;
    }
  };
  // A live copy already runs here (injected twice): leave it. An orphaned one (the extension
  // was updated; Chromium injects the new version into open tabs) is stopped first.
  const earlier = globalThis.__unscored;
  if (earlier && earlier.alive()) return;
  earlier?.stop();
  // about:blank and about:srcdoc matter inside frames only; a new empty tab has nothing.
  if (location.protocol === "about:" && window === window.top) return;
  // `status` is what the popup reads, through extension/status.js run in this tab's top frame:
  // no message listener in every frame (registering one costs each Firefox frame milliseconds).
  globalThis.__unscored = { alive, stop: () => shutdown(), status: () => status() };

  const MAX_TEXT = 300;
  const MAX_CANDIDATES = 2000;
  const ATTRS = ["src", "href", "data", "id", "class", "title", "alt", "codebase", "classid"];
  const elements = new Map(); // candidate id -> element
  // One id per element for the document's life: an element sent again (its src changed, a
  // script filled in its value) is judged again under the same id, so it never counts twice.
  let ids = new WeakMap();
  const notes = new Map(); // candidate id -> its note on the page
  let seen = new WeakSet();
  let nextId = 0;
  let plan = null;
  let sheet = null;
  let css = "";
  let compact = false; // the person chose notes that show only their headline until opened
  let first = true;
  const pending = new Set();
  let timer = 0;
  let observing = false;
  const drawn = new Set(); // our note hosts, removed when the page moves to another address
  // In-page navigation (pushState, back/forward) makes a new page without a new document.
  // Its address decides the plan (profile pages, consent screens), so it is scanned anew;
  // the fragment alone does not make another page, unless it is a hash router's route
  // ("#/profile/person/12", "#!/jack"), as the engine reads it (Url::parse in src/urls.rs).
  const pageAddress = () => {
    const [page, fragment = ""] = location.href.split("#");
    return /^!?\/./.test(fragment) ? location.href : page;
  };
  let address = pageAddress();
  let generation = 0; // bumped on each in-page navigation: replies for the old page are dropped
  // This document's id in messages; a new one for each in-page navigation.
  const newDocId = () => (crypto.randomUUID ? crypto.randomUUID() : String(Math.random()).slice(2));
  // Made when first sent: a frame that never tells the background anything never asks for one.
  let doc = null;
  const docId = () => (doc ??= newDocId());
  let observer = null;

  async function send(message) {
    if (!alive()) {
      shutdown();
      return null;
    }
    try {
      return await api().runtime.sendMessage(message);
    } catch (e) {
      if (!alive()) shutdown();
      throw e;
    }
  }

  // The extension is gone (updated, reloaded, removed): stop observing, take our notes away.
  function shutdown() {
    observer?.disconnect();
    observer = null;
    watcher?.disconnect();
    clearTimeout(timer);
    removeEventListener("popstate", movedToAnotherPage);
    removeEventListener("hashchange", movedToAnotherPage);
    removeEventListener("pageshow", cameBack);
    removeEventListener("pagehide", pageGoes);
    document.removeEventListener("visibilitychange", stillThere);
    for (const host of drawn) host.remove();
    drawn.clear();
    notes.clear();
    plan = null;
    if (globalThis.__unscored?.alive === alive) delete globalThis.__unscored;
  }

  // DOM constants as numbers: reading the page's `NodeFilter` or `Node` from a content script
  // goes through Firefox's wrappers, first time per frame.
  const SHOW_TEXT = 4; // NodeFilter.SHOW_TEXT
  const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING
  const SNAPSHOT = 7; // XPathResult.ORDERED_NODE_SNAPSHOT_TYPE

  // Text nodes joined with spaces, as the native reader does, so "<b>Score</b>63" reads
  // "Score 63".
  function textOf(el) {
    const parts = [];
    let length = 0;
    const walker = document.createTreeWalker(el, SHOW_TEXT);
    // nextNode() returns the node: reading currentNode as well would cross into the page twice.
    for (let n; length < MAX_TEXT && (n = walker.nextNode()); ) {
      const t = n.nodeValue.trim();
      if (t) {
        parts.push(t);
        length += t.length + 1;
      }
    }
    return parts.join(" ").replace(/\s+/g, " ").slice(0, MAX_TEXT);
  }

  // The line a text node is on: its inline neighbours up to a <br> or a block on either
  // side (mirrors line_of in src/html.rs).
  const INLINE_TAGS = new Set(["a", "abbr", "b", "bdi", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"]);
  const onLine = (n) => n.nodeType === 3 || (n.nodeType === 1 && INLINE_TAGS.has(n.localName));
  function lineOf(node) {
    // "<b>Karma score:</b> <span>87</span><br>": the line is the label's element and its neighbours.
    while (node.parentElement && INLINE_TAGS.has(node.parentElement.localName)) node = node.parentElement;
    let first = node;
    while (first.previousSibling && onLine(first.previousSibling)) first = first.previousSibling;
    const parts = [];
    for (let n = first; n && onLine(n); n = n.nextSibling) {
      const t = (n.nodeType === 3 ? n.nodeValue : textOf(n)).trim();
      if (t) parts.push(t);
      if (parts.join(" ").length > MAX_TEXT) break;
    }
    return parts.join(" ").replace(/\s+/g, " ").slice(0, MAX_TEXT);
  }

  // For a text in a table's heading row (its first row, holding no digit): the table, its
  // first row of data, the column's label with that row's value and the heading row's text
  // (the "User" column that makes each row a member's; mirrors headed_column
  // in src/html.rs). A first row with a number in it ("Karma | 12") is data, not headings.
  // A ranking word ("排行", "Ranking") heads the position column; a label later in the row
  // ("积分", "Points") heads the score, and is read instead.
  function headedColumn(el, hint) {
    let cell = el.closest("th,td");
    const table = cell?.closest("table");
    if (!table || table.rows[0] !== cell.parentElement) return null;
    const headings = textOf(cell.parentElement);
    if (/[0-9]/.test(headings)) return null;
    // The first row of data: old table layouts put an empty spacer row under the heading.
    const data = [...table.rows].slice(1, 2 + SPACER_ROWS).find((r) => textOf(r));
    if (!data) return null;
    const list = plan.list_pattern ? wordsPattern(plan.list_pattern) : null;
    if (list && list.test(textOf(cell))) {
      for (let c = cell.nextElementSibling; c; c = c.nextElementSibling) {
        if (c.localName !== "th" && c.localName !== "td") continue;
        const text = textOf(c);
        if (hint.test(text) && !list.test(text)) {
          cell = c;
          break;
        }
      }
    }
    // Columns, not cells: a heading "<th colspan=3>User</th>" stands over three cells of data
    // (as headed_column in src/html.rs).
    let at = 0;
    for (const c of cell.parentElement.cells) {
      if (c === cell) break;
      at += c.colSpan;
    }
    let start = 0;
    const value = [...data.cells].find((c) => at < (start += c.colSpan));
    if (!value) return null;
    return { table, row: data, text: `${textOf(cell)} ${textOf(value)}`.trim(), columns: headings };
  }
  // Empty rows a table may have between its heading row and its data (SPACER_ROWS in src/html.rs).
  const SPACER_ROWS = 2;

  // A label in a row of short labels with no digit, over rows of as many boxes (a CSS grid's
  // heading, "<div class=header><div>Rank</div><div>Level</div>…"): its display is the label with
  // the first row's value, its card that row (grid_column in src/html.rs, GRID_COLUMNS and
  // MAX_GRID_HEADING there).
  const GRID_COLUMNS = [3, 12];
  const MAX_GRID_HEADING = 30;
  const NOT_GRID_ROWS = new Set(["tr", "thead", "tbody", "table", "body", "html"]);
  function gridColumn(el, hint) {
    const parent = el.parentElement;
    if (!parent) return null;
    let cell = parent.childElementCount === 1 ? parent : el;
    const row = cell.parentElement;
    if (!row || NOT_GRID_ROWS.has(row.localName)) return null;
    // The count first: it costs no walk of the row's text.
    if (row.childElementCount < GRID_COLUMNS[0] || row.childElementCount > GRID_COLUMNS[1]) return null;
    const heading = [...row.children];
    const headings = textOf(row);
    if (/[0-9]/.test(headings)) return null;
    if (!heading.every((c) => { const t = textOf(c); return t !== "" && t.length <= MAX_GRID_HEADING; })) return null;
    const nextRow = (r) => {
      for (let s = r.nextElementSibling; s; s = s.nextElementSibling) if (textOf(s)) return s;
      return null;
    };
    let data = nextRow(row);
    if (!data && row.parentElement?.childElementCount === 1) {
      // The heading in a box of its own, the rows in the next box.
      const body = nextRow(row.parentElement);
      data = body ? ([...body.children].find((r) => textOf(r)) ?? null) : null;
    }
    if (!data || data.childElementCount !== heading.length) return null;
    const list = plan.list_pattern ? wordsPattern(plan.list_pattern) : null;
    if (list && list.test(textOf(cell))) {
      const later = heading.slice(heading.indexOf(cell) + 1).find((c) => {
        const text = textOf(c);
        return hint.test(text) && !list.test(text);
      });
      if (later) cell = later;
    }
    const value = textOf(data.children[heading.indexOf(cell)]);
    if (!onlyAValue(value)) return null;
    return { table: row, row: data, text: `${textOf(cell)} ${value}`, columns: headings };
  }

  // A label and its number often sit in sibling elements: climb while the text stays
  // short, by the engine's measure (plan.text_context).
  function scoreContext(el) {
    const [short, max] = plan.text_context;
    for (let i = 0; i < 2; i++) {
      const parent = el.parentElement;
      const text = textOf(el);
      // A text that already holds a number has its value: its neighbours are other facts.
      if (!parent || text.length >= short || /[0-9]/.test(text) || textOf(parent).length > max) break;
      el = parent;
    }
    return el;
  }

  // Whether the box around a label holds, besides the label, nothing but a value ("+36.25"
  // over "Рейтинг"; labels_a_value in src/html.rs).
  function labelsAValue(label) {
    const context = scoreContext(label);
    return context !== label && onlyAValue(textOf(context).replace(textOf(label), "").trim());
  }

  // The card around a score display (a name, avatar or profile link beside it), by the
  // engine's measure (plan.card); mirrors card_of in src/html.rs.
  function cardOf(el, [levels, chars, items] = plan.card) {
    let card = el;
    let text = null; // the card's text, once read on the way up
    for (let i = 0; i < levels; i++) {
      const parent = card.parentElement;
      const above = parent && textOf(parent);
      if (!parent || above.length > chars) break;
      card = parent;
      text = above;
    }
    const attr = (e, name) => (e.getAttribute(name) || "").slice(0, 200);
    // A card that is, or sits inside, a link (a member's whole card clickable) links there first.
    const around = card.closest("a[href]");
    const links = [...(around ? [around] : []), ...card.querySelectorAll("a[href]")]
      .slice(0, items)
      .map((a) => attr(a, "href"));
    const images = [...card.querySelectorAll("img")]
      .slice(0, items)
      .map((i) => {
        // A wrapper holding only the image names what it shows (as card_of in src/html.rs).
        const wrapper = i.parentElement && i.parentElement.childElementCount === 1 ? attr(i.parentElement, "class") : "";
        return `${attr(i, "alt")} ${attr(i, "class")} ${attr(i, "src")} ${wrapper}`.trim();
      });
    return { text: text ?? textOf(card), links, images };
  }

  // On a list of members sorted by a score (ScanPlan::list_route), the first entry of the
  // page's first list: an element among at least two siblings of its tag, outside the page's
  // menus, with a link and a number (sorted_entry in src/html.rs).
  function sortedEntry(root) {
    for (const el of root.querySelectorAll("li,tr,a,article")) {
      const tag = el.localName;
      let same = 0;
      for (const c of el.parentElement?.children || []) if (c.localName === tag && ++same === 2) break;
      if (same < 2 || el.closest("nav,header,footer")) continue;
      if (!((tag === "a" && el.hasAttribute("href")) || el.querySelector("a[href]"))) continue;
      if (/[0-9]/.test(textOf(el))) return el;
    }
    return null;
  }

  // A leaderboard's first entry as its card: the entry alone, no climbing.
  function entryCard(item) {
    const [, chars, items] = plan.card;
    return { ...cardOf(item, [0, chars, items]), entry: true };
  }

  // A short text naming a ranking and holding no number (mirrors list_heading in src/html.rs;
  // 40 is heuristics::MAX_LIST_HEADING_CHARS).
  // "Top 10", "Top100": the list's size, not a value (without_top_n in src/heuristics.rs).
  const TOP_N = /(^|[^A-Za-z0-9])(top) ?[0-9]+(?![A-Za-z0-9])/gi;
  function listHeading(el) {
    if (!plan.list_pattern) return false;
    const text = textOf(el).replace(TOP_N, "$1$2");
    return text.length <= 40 && !/[0-9]/.test(text) && wordsPattern(plan.list_pattern).test(text);
  }

  // Whether every digit of an element's text is inside a form control, or it holds none: a bar
  // of tabs or filters (controls_only in src/html.rs).
  const CONTROL_TAGS = new Set(["button", "select", "option", "input", "textarea"]);
  function controlsOnly(el) {
    const walker = document.createTreeWalker(el, SHOW_TEXT);
    for (let n; (n = walker.nextNode()); ) {
      if (!/[0-9]/.test(n.nodeValue)) continue;
      let control = false;
      for (let a = n.parentElement; a && !control; a = a === el ? null : a.parentElement) control = CONTROL_TAGS.has(a.localName);
      if (!control) return false;
    }
    return true;
  }

  // The first entry holding a number of the list right after `el` (or after its parent, when
  // `el` ends its parent), past at most two bars of tabs or filters; mirrors list_after in
  // src/html.rs.
  function listAfter(el) {
    let at = el;
    for (let up = 0; up < 3 && at; up++) {
      // Tabs and filters between a heading and its list ("All time · Weekly", a class
      // picker): a sibling whose only numbers are in its controls is stepped over.
      let list = null;
      for (let sib = at.nextElementSibling, n = 0; sib && n < 3; sib = sib.nextElementSibling) {
        if (sib.localName === "br" || sib.localName === "hr") continue;
        n++;
        if (!controlsOnly(sib)) {
          list = sib;
          break;
        }
      }
      if (!list) {
        at = at.parentElement;
        continue;
      }
      // A lone row or item is the list's entry, not a wrapper.
      for (let i = 0; i < 4 && list.localName !== "tr" && list.localName !== "li" && list.childElementCount === 1; i++) {
        list = list.firstElementChild;
      }
      if (list.localName === "tr" || list.localName === "li") return /[0-9]/.test(textOf(list)) ? list : null;
      let n = 0;
      for (let item = list.firstElementChild; item && n < 20; item = item.nextElementSibling, n++) {
        if (/[0-9]/.test(textOf(item))) return item;
      }
      return null;
    }
    return null;
  }

  // A link to a scorer is worth a message only if the engine could call it a score link
  // (looks_like_score_link in src/engine.rs): a badge image, "score", a bare score ("63",
  // "97 %", "63/100") or its own address (a README's autolinked "http://klout.com/#/jane"). A
  // plain mention ("Klout's home page") in every frame of a page would otherwise wake the
  // background. bareAddress mirrors bare_address there.
  const bareAddress = (u) => u.trim().replace(/\/+$/, "").replace(/^[a-z][a-z0-9+.-]*:\/\//i, "").toLowerCase();
  function scoreLink(a) {
    if (a.querySelector("img")) return true;
    const text = textOf(a);
    if (/score/i.test(text) || /^[0-9.]{1,5}( ?%|\/[0-9]{1,3})?$/.test(text)) return true;
    return text !== "" && bareAddress(text) === bareAddress(a.getAttribute("href") || "");
  }

  function linkImage(el) {
    const img = el.localName === "a" ? el.querySelector("img") : null;
    return { has_image: img !== null, image_src: img ? (img.getAttribute("src") || "").slice(0, 2048) : null };
  }

  // Whether el or an ancestor is hidden by its markup (hidden_by_markup in src/html.rs): the
  // engine reads an empty score slot a page hides as an error state, not a slot to be filled.
  function hiddenByMarkup(el) {
    for (let e = el; e && e.nodeType === 1; e = e.parentElement) {
      if (e.hasAttribute("hidden")) return true;
      if ((e.getAttribute("style") || "").toLowerCase().replace(/ /g, "").includes("display:none")) return true;
      for (const c of HIDDEN_CLASSES) if (e.classList.contains(c)) return true;
    }
    return false;
  }

  function features(el, group, id, text = textOf(el)) {
    const attrs = [];
    for (const name of ATTRS) {
      const value = el.getAttribute(name);
      if (value !== null) attrs.push([name, value.slice(0, 2048)]);
    }
    const found = {
      id,
      group,
      tag: el.localName,
      attrs,
      text,
      ...linkImage(el),
    };
    if (text === "" && hiddenByMarkup(el)) found.hidden = true;
    return found;
  }

  // Mirrors engine::HIDDEN_CLASSES in src/engine.rs.
  const HIDDEN_CLASSES = ["ng-hide", "hidden", "d-none", "is-hidden", "hide", "invisible"];
  const SKIP_TEXT_IN = new Set(["script", "style", "noscript", "textarea", "title"]);
  // Mirrors EMBED_QUERY in src/engine.rs (a shadow root, which has no lists by tag, is queried).
  const EMBED_QUERY = "iframe[src],script[src],img[src],embed[src],object[data],a[href]";
  const URL_ATTR = { iframe: "src", script: "src", img: "src", embed: "src", object: "data", a: "href" };
  const SCORE = /score/i;
  // As judge_slot in src/engine.rs: a score slot by its id or class, a scorer's CMS widget, or
  // a class that is a scorer's name as one of its words (`<p class="kred">`).
  const slotHit = (names, words) => (el) => {
    const id = el.getAttribute("id") || "";
    const cls = el.getAttribute("class") || "";
    if ((SCORE.test(id) && names.test(id)) || (SCORE.test(cls) && names.test(cls))) return true;
    if (cls && words.length && cls.split(/[\t\n\f\r ]+/).some((word) => words.includes(word))) return true;
    return el.localName === "object" && (names.test(el.getAttribute("codebase") || "") || names.test(el.getAttribute("classid") || ""));
  };
  // A word list's test, from the pattern sources the engine wrote for it (page_pattern in
  // src/engine.rs: ASCII words folded by the `i` flag, the others' ASCII letters by hand, the
  // others' letters outside ASCII); compiled once per list.
  const patterns = new WeakMap();
  function wordsPattern(sources) {
    let pattern = patterns.get(sources);
    if (!pattern) {
      const [ascii, other, letters] = sources;
      const never = { test: () => false };
      const a = ascii ? new RegExp(ascii, "i") : never;
      const b = other ? new RegExp(other) : never;
      // A text with none of the other words' letters outside ASCII cannot match them: their
      // class is several times cheaper than their alternation over a long text (an article's
      // whole text: 0.5 against 2 ms in Firefox).
      const gate = letters ? new RegExp(letters) : { test: () => true };
      pattern = { test: (text) => a.test(text) || (gate.test(text) && b.test(text)) };
      patterns.set(sources, pattern);
    }
    return pattern;
  }

  // A digit, or a letter grade standing alone as pages print them ("A", "B+", "a-"): a text with
  // neither holds no value, so it is no display whatever its label, and is not sent (mirrors
  // could_hold_value in src/heuristics.rs). The letter must not run on into a word: an
  // uppercase grade's sign is never a letter, so the letter alone decides; a lowercase one needs
  // its sign. The next character goes to the Unicode pattern only when it is not ASCII:
  // compiling \p{L} costs every frame a fraction of a millisecond.
  const GRADE = /(?:^|[^A-Za-z0-9])(?:[A-F]|[a-f][+-])/g;
  let letterOrNumber = null;
  const endsWord = (text, at) => {
    const c = text.codePointAt(at);
    if (c === undefined) return true;
    if (c < 0x80) return !/[A-Za-z0-9]/.test(text[at]);
    return !(letterOrNumber ??= /[\p{L}\p{N}]/u).test(String.fromCodePoint(c));
  };
  function couldHoldValue(text) {
    if (/[0-9]/.test(text)) return true;
    GRADE.lastIndex = 0;
    for (let m; (m = GRADE.exec(text)); GRADE.lastIndex = m.index + 1) {
      if (endsWord(text, m.index + m[0].length)) return true;
    }
    return false;
  }

  // Text longer than this is prose or a script, never a score display's label.
  const MAX_HINT_TEXT = 2000;

  // Our notes' tag: "unscored-" and letters chosen once per install, so page CSS cannot name
  // it (CSS has no tag-name prefix selector) and scripts cannot guess it.
  let mark = "unscored-note";
  // This install's two words (src/sign.rs): in every note, and in the popup to compare with.
  let sign = "";
  const ours = (el) => el.localName === mark;
  // An element whose text is not the page's to show: scripts, styles, titles, our notes.
  const skipsText = (name) => SKIP_TEXT_IN.has(name) || name === mark;

  // Text nodes holding a hint word, in document order. A subtree is entered only when its
  // text holds one: every node a content script touches costs a crossing into the page
  // (Firefox's wrappers most), and most of a big page has no such word.
  function hintedTexts(root, hint) {
    const found = [];
    // Most pages have none of the words: one look at the whole text first.
    if (!hint.test(root === document ? document.body?.textContent || "" : root.textContent || "")) return found;
    // Depth first, in document order, with a stack of where to go on after each subtree
    // (a page can nest elements deeper than the script stack goes).
    const after = [];
    let n = root.firstChild;
    while (n || after.length) {
      if (!n) {
        n = after.pop();
        continue;
      }
      const type = n.nodeType; // each property read crosses into the page: read once
      if (type === 3) {
        const value = n.nodeValue;
        if (couldBeDisplay(value) && hint.test(value)) found.push(n);
      } else if (type === 1 && !skipsText(n.localName) && hint.test(n.textContent)) {
        after.push(n.nextSibling);
        n = n.firstChild;
        continue;
      }
      n = n.nextSibling;
    }
    return found;
  }

  // Attributes a display can keep its label and value in, its visible text being an icon or a
  // short form ("0xABA" with aria-label="积分 2746"); the first not blank wins (TOOLTIP_ATTRS and
  // tooltip_candidates in src/html.rs). Bootstrap's tooltips move `title` into
  // data-original-title (v3, v4) or data-bs-original-title (v5) and leave it empty.
  const TOOLTIP_ATTRS = ["aria-label", "title", "data-bs-original-title", "data-original-title"];
  // Controls, media and images name what they do or show, never a display; leaving them to the
  // query spares a read of each (a feed has thousands of "Like" and "Reply" buttons). At most
  // MAX_TOOLTIPS are read per root, in document order (NOT_TOOLTIP_TAGS and MAX_TOOLTIPS in
  // src/html.rs).
  const NOT_TOOLTIP = ":not(button,input,select,textarea,option,img,svg,iframe,video,audio,canvas)";
  const TOOLTIP_QUERY = TOOLTIP_ATTRS.map((a) => `[${a}]${NOT_TOOLTIP}`).join(",");
  const MAX_TOOLTIPS = 600;
  const tooltipOf = (el) => {
    for (const name of TOOLTIP_ATTRS) {
      const value = el.getAttribute(name);
      if (value && value.trim()) return value;
    }
    return "";
  };
  function tooltipDisplays(root, hint) {
    const found = [];
    const els = root.nodeType === 1 && root.matches(TOOLTIP_QUERY) ? [root] : [];
    const all = root.querySelectorAll(TOOLTIP_QUERY);
    for (let i = 0; i < all.length && els.length < MAX_TOOLTIPS; i++) els.push(all[i]);
    const values = els.map(tooltipOf);
    // Most pages have no score word in any tooltip: one test of them all first.
    if (!hint.test(values.join("\n"))) return found;
    for (const [i, el] of els.entries()) {
      const value = values[i];
      if (value.length > MAX_HINT_TEXT || !hint.test(value)) continue;
      const text = value.replace(/\s+/g, " ").trim();
      if (text.length > plan.display_chars || ours(el) || el.closest("head")) continue;
      // A label alone, on an icon or a short form beside the value ("4812 <span
      // title="reputation">rep.</span>"): the display is its parent's, the label spelt out.
      const [display, shown] = couldHoldValue(text) ? [el, text] : spelledOut(el, text);
      if (display && shown.length <= plan.display_chars && !seen.has(display) && !found.some(([d]) => d === display)) {
        found.push([display, shown]);
      }
    }
    return found;
  }

  // For an element whose tooltip `label` names what its short text abbreviates: its parent and
  // the parent's text with the short form replaced by the label, when the rest is a value; or
  // the element itself when its own text is the value (spelt_out in src/html.rs).
  const MAX_SHORT_FORM_CHARS = 8;
  const MAX_SHORT_FORM_VALUE_CHARS = 12;
  function spelledOut(el, label) {
    const short = textOf(el);
    // The element shows the value itself, its tooltip the label (`<span title="Content
    // Score"><svg …/>4,321</span>` among a card's other figures).
    if (onlyAValue(short)) return [el, `${label} ${short}`];
    const parent = el.parentElement;
    if ([...short].length > MAX_SHORT_FORM_CHARS || !parent) return [null, ""];
    const value = textOf(parent).replace(short, "").replace(/\s+/g, " ").trim();
    // Beside it, nothing but the value.
    return onlyAValue(value) ? [parent, `${label} ${value}`] : [null, ""];
  }

  // A short text that is nothing but a value ("12,480", "39.3k", "B+"): a label next to a name
  // or a sentence labels nothing (only_a_value in src/html.rs).
  const onlyAValue = (text) =>
    [...text].length <= MAX_SHORT_FORM_VALUE_CHARS && (text.match(/\p{Alphabetic}/gu) || []).length <= 1 && couldHoldValue(text);

  // The value in the element right after a label's (`<dt>Karma</dt><dd>2817</dd>`, a grid's
  // `<label>Karma</label><span>2817</span>`): its text when it is nothing but a value and no
  // text stands between them (value_after in src/html.rs).
  function valueAfter(label) {
    let next = label.nextSibling;
    while (next && (next.nodeType === 8 || (next.nodeType === 3 && !next.nodeValue.trim()))) next = next.nextSibling;
    if (!next || next.nodeType !== 1) return "";
    const value = textOf(next);
    // A definition list's term and its description: the description may go on after the value
    // ("<dt>Trader Score:</dt><dd>4 (100% Positive) [ View Trader Feedback ]</dd>").
    const described =
      label.localName === "dt" && next.localName === "dd" && onlyAValue(value.split(/\s+/).find(Boolean) || "");
    return onlyAValue(value) || described ? value : "";
  }

  // A text node longer than any display (by the engine's measure, once its spaces are
  // collapsed) makes no candidate: its display, line or column would hold all of it. Not worth
  // the pattern test (a paragraph of prose that says "score").
  function couldBeDisplay(value) {
    const max = plan.display_chars;
    return value.length <= max || (value.length <= MAX_HINT_TEXT && value.replace(/\s+/g, " ").trim().length <= max);
  }

  function collect(root) {
    const out = [];
    // `text`: the element's text when already read (or the one line that is its display).
    // `key`: what the candidate is known by (an element, or the text node of one line in it).
    const consider = (el, index, withCard, text, cardFrom, entry = false, key = el) => {
      if (seen.has(key) || out.length >= MAX_CANDIDATES) return;
      seen.add(key);
      let id = ids.get(key);
      if (id === undefined) {
        id = nextId++;
        ids.set(key, id);
      }
      const f = features(el, index, id, text);
      if (withCard) f.card = entry ? entryCard(cardFrom) : cardOf(cardFrom ?? el);
      out.push(f);
      elements.set(id, el);
    };
    const rare = rareGroups();
    let rareDone = false;
    plan.groups.forEach((group, index) => {
      if (group.kind === "text") {
        // A text group looks for words (its pattern), not CSS. One look at the whole text
        // first (most pages have none of the words), then only text nodes are walked.
        const hint = wordsPattern(group.pattern);
        for (const node of hintedTexts(root, hint)) {
          const el = node.parentElement;
          // An element a rule already sent has been judged; its text is not a second finding.
          if (!el || seen.has(el) || skipsText(el.localName)) continue;
          // A label heading a table's column (a leaderboard's "Points"), or a grid's: its display
          // is the label with the first row's value, its card that row.
          const column = headedColumn(el, hint) ?? gridColumn(el, hint);
          if (column) {
            if (column.text.length <= plan.display_chars && couldHoldValue(column.text)) {
              const at = out.length;
              consider(column.table, index, true, column.text, column.row);
              if (out.length > at && column.columns) out[at].card.columns = column.columns;
            }
            continue;
          }
          // A leaderboard's heading: its card is the first entry of the list after it. A label
          // whose own box shows a number ("+36.25 Рейтинг" on a member's page) is that number's.
          const entry = listHeading(el) && !labelsAValue(el) ? listAfter(el) : null;
          if (entry) {
            consider(el, index, true, textOf(el), entry, true);
            continue;
          }
          const display = scoreContext(el);
          // Longer than any display, by the engine's measure: prose, not worth a message,
          // unless the hit is one line among lines ("Karma: 12<br>Posts: 40"): that line is it.
          const text = textOf(display);
          if (text.length <= plan.display_chars) {
            if (couldHoldValue(text)) consider(display, index, true, text);
            else {
              // A label alone, its value in the next element ("<dt>Karma</dt><dd>2817</dd>").
              const value = valueAfter(display);
              if (value) consider(display, index, true, `${text} ${value}`);
            }
          } else {
            // A line is known by its text node: the element's other lines are displays of their own.
            const line = lineOf(node);
            if (line.length <= plan.display_chars && couldHoldValue(line)) consider(el, index, true, line, undefined, false, node);
          }
        }
        // Then displays whose label and value are in a tooltip, the text being an icon.
        for (const [el, text] of tooltipDisplays(root, hint)) consider(el, index, true, text);
        // A list of members sorted by a score: its first entry, under the score's label.
        const sorted = plan.list_route ? sortedEntry(root) : null;
        if (sorted) consider(sorted, index, true, plan.list_route, sorted, true);
        return;
      }
      if (byPattern(group)) {
        // One short query and one pattern instead of a selector with hundreds of parts:
        // the same elements (SelectorGroup::words in src/engine.rs), a fraction of the time.
        const test = wordsPattern(group.pattern);
        const hitLink = (a) => test.test(a.getAttribute("href") || "") && scoreLink(a);
        const hit = (el, name = el.localName) =>
          name === "a" ? hitLink(el) : test.test(el.getAttribute(URL_ATTR[name]) || "");
        for (const el of embedHits(root, hit, hitLink)) consider(el, index);
        return;
      }
      if (!rareDone) collectRare(root, rare, consider);
      rareDone = true;
    });
    return out;
  }

  // The elements of EMBED_QUERY under `root` that `hit` takes, in document order. By tag:
  // the browser keeps those lists, several times cheaper than a query on a page of thousands
  // of elements (a selector list loses the fast paths a single selector has). An element
  // without the URL attribute gives `hit` an empty URL, which no host pattern takes. A shadow
  // root has no lists by tag: it is queried.
  const OTHER_EMBEDS = ["iframe", "script", "img", "embed", "object"];
  function embedHits(root, hit, hitLink) {
    if (root.nodeType !== 1 && root.nodeType !== 9) return [...root.querySelectorAll(EMBED_QUERY)].filter(hit);
    const found = root.nodeType === 1 && root.matches(EMBED_QUERY) && hit(root) ? [root] : [];
    for (const tag of OTHER_EMBEDS) {
      const others = root.getElementsByTagName(tag);
      for (let i = 0, n = others.length; i < n; i++) if (hit(others[i], tag)) found.push(others[i]);
    }
    // Links by tag are links: their test need not ask each one its name.
    const links = root.getElementsByTagName("a");
    for (let i = 0, n = links.length; i < n; i++) {
      const a = links[i];
      if (hitLink(a)) found.push(a);
    }
    return found.length > 1 ? found.sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1)) : found;
  }

  // Embeds (every link on a page) are matched by their own query and a pattern of hosts.
  const byPattern = (group) => group.kind === "embed" && group.words?.length > 0;
  // A selector group's `selector` is the elements it looks at: for a group with words
  // (SelectorGroup::words in src/engine.rs), the short query the engine put there.

  // The other selector groups, whose elements are rare on a page (score slots, named values,
  // filter rules): one query for all of them per root, each element then given to the groups
  // it matches. Every DOM call from a content script crosses into the page (Firefox's most),
  // and a feed brings hundreds of roots.
  let rareFor = null;
  let rareSpec = null;
  function rareGroups() {
    if (rareFor === plan) return rareSpec;
    rareFor = plan;
    const groups = [];
    plan.groups.forEach((group, index) => {
      if (group.kind === "text" || byPattern(group)) return;
      let take;
      if (group.words?.length) {
        const hit = slotHit(wordsPattern(group.pattern), group.words);
        take = (el, consider) => hit(el) && consider(el, index);
      } else if (group.kind === "named") {
        // A named value ("reputation-score") is judged with its card, and only when short.
        take = (el, consider) => {
          const text = textOf(el);
          if (text.length <= plan.display_chars) consider(el, index, true, text);
        };
      } else {
        take = (el, consider) => consider(el, index);
      }
      groups.push({ query: group.selector, take });
    });
    // The engine's cover of the groups' queries: fewer parts, the same elements (a page pays
    // for each part on each of its elements).
    let union = plan.rare_query || groups.map((g) => g.query).join(",");
    // The shipped plan's selectors are the engine's own, which every browser test parses.
    if (plan !== SHIPPED_PAGE_PLAN?.plan) {
      try {
        document.createDocumentFragment().querySelector(union);
      } catch {
        union = null; // a custom rule the browser cannot parse: a query per group, that one skipped
      }
    }
    rareSpec = { union, groups };
    return rareSpec;
  }

  function collectRare(root, { union, groups }, consider) {
    if (!groups.length) return;
    if (union) {
      const found = [...root.querySelectorAll(union)];
      if (root.nodeType === 1 && root.matches(union)) found.unshift(root);
      for (const el of found) for (const g of groups) if (el.matches(g.query)) g.take(el, consider);
      return;
    }
    for (const g of groups) {
      let found;
      try {
        found = [...root.querySelectorAll(g.query)];
        if (root.nodeType === 1 && root.matches(g.query)) found.unshift(root);
      } catch {
        continue;
      }
      for (const el of found) g.take(el, consider);
    }
  }

  // Widgets inside open shadow roots (web components) are not reached by querySelectorAll.
  // Only custom elements are looked at, found by XPath inside the browser: touching every
  // element from a content script costs more than the rest of the scan together.
  function withShadowRoots(root) {
    const roots = [root];
    let hosts;
    try {
      hosts = document.evaluate(".//*[contains(local-name(), '-')]", root, null, SNAPSHOT, null);
    } catch {
      return roots;
    }
    for (let i = 0; i < hosts.snapshotLength; i++) {
      const n = hosts.snapshotItem(i);
      if (n.shadowRoot && !ours(n)) roots.push(...withShadowRoots(n.shadowRoot));
    }
    return roots;
  }

  // Raw facts for the engine's page signals (src/signals.rs); mirrors page_signals in src/html.rs.
  function pageSignals() {
    const matches = (css) => {
      try {
        return document.querySelector(css) !== null;
      } catch {
        return false;
      }
    };
    const texts = (css, n) => {
      try {
        return [...document.querySelectorAll(css)].slice(0, n).map((e) => textOf(e).slice(0, 200));
      } catch {
        return [];
      }
    };
    const jsonLd = [...document.querySelectorAll("script[type='application/ld+json']")].slice(0, 8);
    return {
      confirm_selector: plan.confirm.some(matches),
      title: document.title.slice(0, 200),
      headings: texts("h1", 3),
      person_schema:
        matches("[itemtype*='schema.org/Person' i]") ||
        jsonLd.some((s) => /"@type"\s*:\s*\[?\s*"(https:\/\/schema\.org\/)?Person"/.test((s.textContent || "").slice(0, 100000))),
      removal_links: texts(plan.removal_links, 12),
    };
  }

  async function scan(roots) {
    if (!plan) return;
    const started = performance.now();
    const scanned = generation;
    const candidates = roots.flatMap(withShadowRoots).flatMap(collect);
    const collect_ms = performance.now() - started;
    firstScanMs ??= collect_ms;
    // Every scan counts against the page's budget, above all the empty ones of a busy feed.
    scanTimes.push([performance.now(), collect_ms]);
    const reset = first;
    // Nothing found: no message, unless the page itself may be something (its plan came
    // from the background: a profile page, a consent screen).
    if (candidates.length === 0 && (!reset || local)) return;
    // Found with the shipped plan: what the person chose decides what happens next.
    if (!settled && !(await settle())) return;
    if (scanned !== generation) return;
    first = false;
    const message = { type: "scan", url: location.href, doc: docId(), plan: plan.id, reset, candidates, collect_ms };
    // An ambiguous address (a search by name): the engine judges from what the page says.
    if (reset && plan.removal_links) message.signals = pageSignals();
    // Consent screens show some permissions only on the page (X OAuth 1.0a).
    if (reset && plan.consent) message.page_text = (document.body?.innerText || "").slice(0, 20000);
    reported = true;
    const asked = performance.now();
    const reply = await send(message);
    firstAnswerMs ??= performance.now() - asked;
    if (scanned !== generation) return;
    // The person's rules changed since this page's plan: ask the background for the new
    // plan (not storage, which may be what was stale) and look again.
    if (reply?.replan) return restart(true);
    if (reply && Array.isArray(reply.annotations)) render(reply.annotations);
    // Judged: the elements need not be held any longer (long-lived feeds would pile them up).
    for (const c of candidates) elements.delete(c.id);
  }

  // ---- rendering: one shadow-rooted note per finding; page text is only ever set as text.
  function h(tag, className, text) {
    const e = document.createElement(tag);
    if (className) e.className = className;
    if (text) e.textContent = text;
    return e;
  }

  function safeLink(href, text) {
    if (typeof href !== "string" || !href.startsWith("https://")) return h("span", "", text);
    const a = h("a", "", text);
    a.href = href;
    a.target = "_blank";
    a.rel = "noopener noreferrer";
    return a;
  }

  function note(card, pageLevel, open) {
    const host = h(mark, "");
    const shadow = host.attachShadow({ mode: "closed" });
    try {
      shadow.adoptedStyleSheets = [noteSheet()];
    } catch {
      // Firefox content scripts cannot hand their own sheet to the page's shadow root.
      shadow.append(h("style", "", css));
    }
    const box = h("aside", (pageLevel ? "note page" : "note") + (compact ? " compact" : ""));
    box.setAttribute("role", "note");
    box.setAttribute("aria-label", `Unscored: ${card.headline}`);
    const toggle = h("button", "pill");
    toggle.type = "button";
    toggle.append(h("span", "mark", "U"), h("span", "headline", card.headline));
    if (sign) toggle.title = `Unscored · your sign: ${sign}`;
    const tagline = h("span", "tagline", card.tagline);
    const details = h("div", "details");
    details.hidden = !open;
    box.classList.toggle("open", open);
    toggle.setAttribute("aria-expanded", String(open));
    details.append(h("p", "summary", card.summary));
    if (sign) {
      const said = h("p", "sign", "Your Unscored sign: ");
      said.append(h("b", "", sign));
      details.append(said);
    }
    const facts = h("dl", "facts");
    for (const f of card.facts) facts.append(h("dt", "", f.label), h("dd", "", f.value));
    details.append(facts);
    const out = card.opt_out;
    if (out) {
      if (out.steps.length) {
        const ol = h("ol", "steps");
        for (const s of out.steps) ol.append(h("li", "", s));
        details.append(h("h3", "", "How to get out"), ol);
      }
      for (const c of out.caveats) details.append(h("p", "caveat", c));
    }
    const actions = h("div", "actions");
    if (card.action) actions.append(safeLink(card.action.href, card.action.text));
    toggle.addEventListener("click", (event) => {
      // The note may sit inside the page's own link or form: the click is ours alone.
      event.preventDefault();
      event.stopPropagation();
      details.hidden = !details.hidden;
      box.classList.toggle("open", !details.hidden);
      toggle.setAttribute("aria-expanded", String(!details.hidden));
    });
    box.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !details.hidden) {
        details.hidden = true;
        box.classList.remove("open");
        toggle.setAttribute("aria-expanded", "false");
        toggle.focus();
      }
    });
    box.append(toggle, tagline);
    if (card.alert) {
      const alert = h("p", "alert", card.alert);
      alert.setAttribute("role", "alert");
      box.append(alert);
    }
    box.append(actions, details);
    shadow.append(box);
    return host;
  }

  // The page's CSS must not hide, restyle or clip a note. Its host's own styles are set
  // inline with !important (which beats any stylesheet rule). A note sits in the page's flow
  // beside its element, as long as it can be seen there; one the page clips or covers moves
  // to the top layer (a manual popover, above every overflow and stacking context, placed
  // by hand under its element). Page-level notes always live there.
  const PINNED = {
    display: "block", visibility: "visible", opacity: "1", position: "fixed", margin: "0", padding: "0",
    border: "0", inset: "auto", width: "auto", height: "auto", "max-width": "none", "max-height": "none",
    overflow: "visible", transform: "none", filter: "none", "clip-path": "none", "pointer-events": "auto",
    "z-index": "2147483647", background: "transparent", "font-size": "13px", zoom: "1",
  };
  const topLayer = () => typeof HTMLElement.prototype.showPopover === "function";
  const INLINE = {
    display: "inline-block", visibility: "visible", opacity: "1", position: "relative", transform: "none",
    filter: "none", "clip-path": "none", "pointer-events": "auto", "z-index": "2147483646", float: "none",
  };
  const anchors = new Map(); // note host -> the element it is about (null: the page)

  function pin(host, name, value) {
    host.style.setProperty(name, value, "important");
  }

  // Notes sit just under their element (page notes stacked top right), inside the viewport.
  function place() {
    let pageNotes = 0;
    for (const [host, target] of anchors) {
      if (!host.isConnected) {
        anchors.delete(host);
        continue;
      }
      if (target === null) {
        pin(host, "top", `${12 + 56 * pageNotes++}px`);
        pin(host, "right", "12px");
        pin(host, "left", "auto");
        continue;
      }
      const r = target.getBoundingClientRect();
      const shown = target.isConnected && (r.width > 0 || r.height > 0);
      pin(host, "visibility", shown ? "visible" : "hidden");
      pin(host, "top", `${Math.max(0, Math.min(r.bottom + 2, innerHeight - 24))}px`);
      pin(host, "left", `${Math.max(0, Math.min(r.left, innerWidth - 160))}px`);
    }
  }

  let placing = 0;
  const placeSoon = () => {
    if (!placing) placing = requestAnimationFrame(() => ((placing = 0), place()));
  };

  // Can the person see a note where it sits in the page? Asked when its element comes into
  // view, in the browser's own intersection step (layout is fresh there, none is forced):
  // a note the page clips (`overflow`), shrinks or covers moves to the top layer.
  function hiddenInFlow(host) {
    const r = host.getBoundingClientRect();
    if (r.bottom < 0 || r.top > innerHeight || r.right < 0 || r.left > innerWidth) return false;
    if (r.width < 2 || r.height < 2) return true;
    const x = Math.min(Math.max(r.left + 8, 0), innerWidth - 1);
    const y = Math.min(Math.max(r.top + 8, 0), innerHeight - 1);
    return document.elementFromPoint(x, y) !== host;
  }
  const inFlow = new Map(); // element -> its note in the page's flow
  // Made with the first note: a frame with nothing to show never builds one (in Firefox, each
  // interface a content script first touches costs its frame a wrapper).
  let watcher = null;
  const watching = () =>
    (watcher ??=
      typeof IntersectionObserver === "function"
        ? new IntersectionObserver((entries) => {
            for (const entry of entries) {
              const host = inFlow.get(entry.target);
              if (!host?.isConnected) {
                watcher.unobserve(entry.target);
                inFlow.delete(entry.target);
              } else if (entry.isIntersecting && hiddenInFlow(host)) {
                watcher.unobserve(entry.target);
                inFlow.delete(entry.target);
                show(host, entry.target);
              }
            }
          })
        : null);

  function show(host, target) {
    if (!topLayer()) return; // older browsers: the note stays inline, after its element
    for (const [name, value] of Object.entries(PINNED)) pin(host, name, value);
    host.popover = "manual";
    try {
      host.showPopover();
    } catch {
      return;
    }
    anchors.set(host, target);
    placeSoon();
    listenForScroll();
  }

  let listening = false;
  function listenForScroll() {
    if (listening) return;
    listening = true;
    addEventListener("scroll", placeSoon, { capture: true, passive: true });
    addEventListener("resize", placeSoon, { passive: true });
  }

  function render(annotations) {
    // Build everything first, then write to the page in one frame.
    const writes = annotations.map((a) => {
      const target = a.candidate === null ? null : elements.get(a.candidate);
      // A sign-in request is read before clicking Allow: show it open.
      return [a.candidate, target, note(a.card, target == null, a.kind === "consent")];
    });
    if (!writes.length) return;
    const drawnFor = generation;
    requestAnimationFrame(() => {
      if (drawnFor !== generation) return;
      for (const host of drawn) if (!host.isConnected) drawn.delete(host);
      for (const [candidate, target, host] of writes) {
        // An element judged again: its new note replaces the old one.
        if (candidate !== null) {
          notes.get(candidate)?.remove();
          notes.set(candidate, host);
        }
        drawn.add(host);
        // Never inside a link: a click on the note would follow it.
        if (target && target.isConnected) {
          (target.parentElement?.closest("a") ?? target).after(host);
          for (const [name, value] of Object.entries(INLINE)) pin(host, name, value);
          inFlow.set(target, host);
          // Observed anew, so a replaced note gets its own first look.
          const intersections = watching();
          intersections?.unobserve(target);
          intersections?.observe(target);
        } else if (!target) {
          (document.body || document.documentElement).prepend(host);
          show(host, null);
        }
      }
      if (anchors.size) place(); // page-level notes, placed in this frame (show() listens)
    });
  }

  // ---- late widgets: batch added subtrees, scan them together.
  // A value a script writes later ("Influence score: <span></span>" then "63"): the label
  // sits a level or two above the text that changed, so look again from there.
  function textChanged(node) {
    const value = node.nodeValue || "";
    if (value.length > 40 || !/\d/.test(value)) return;
    // The label may sit a level above the value, and scoreContext climbs two more from the
    // label: any of these may have been judged without the value.
    const chain = [];
    for (let el = node.parentElement; el && chain.length < 4; el = el.parentElement) chain.push(el);
    if (!chain.length || chain.some(ours)) return;
    for (const el of chain) {
      seen.delete(el);
      // Lines are known by their label's text node (see `consider`).
      for (const child of el.childNodes) if (child.nodeType === 3) seen.delete(child);
    }
    pending.add(chain[Math.min(2, chain.length - 1)]);
  }

  // Roots inside other roots are scanned with them, once.
  function outermost(nodes) {
    const roots = [...nodes].filter((n) => n.isConnected);
    // Many small changes at once: one pass over the page is cheaper than comparing them all.
    if (roots.length > 64) return [document.body || document.documentElement];
    return roots.filter((n) => !roots.some((o) => o !== n && o.contains(n)));
  }

  const BUDGET_MS = 10;
  const scanTimes = []; // [end time, duration] of recent scans
  function recentScanMs() {
    const now = performance.now();
    while (scanTimes.length && now - scanTimes[0][0] > 1000) scanTimes.shift();
    return scanTimes.reduce((sum, [, ms]) => sum + ms, 0);
  }

  // A tooltip a script wrote or changed ("Reputation 87" set once the count arrived): worth a
  // look when it now holds a hint word and a value.
  function tooltipCouldMatter(el) {
    const text = plan?.groups.find((g) => g.kind === "text");
    const value = text && !ours(el) ? tooltipOf(el) : "";
    return value.length > 0 && value.length <= MAX_HINT_TEXT && couldHoldValue(value) && wordsPattern(text.pattern).test(value);
  }

  function couldMatter(el) {
    if (!plan) return false;
    return plan.groups.some((g) => {
      if (g.kind === "text") return false;
      try {
        return el.matches(g.selector);
      } catch {
        return false;
      }
    });
  }

  function observe() {
    if (observing) return;
    observing = true;
    observer = new MutationObserver((records) => {
      // Only a script that took the API can have lost it (and asking would take it).
      if (apiObject && !alive()) return shutdown();
      if (movedToAnotherPage()) return;
      for (const r of records) {
        if (r.type === "characterData") {
          textChanged(r.target);
          continue;
        }
        for (const n of r.addedNodes) {
          if (n.nodeType === 1 && !ours(n)) pending.add(n);
          else if (n.nodeType === 3) textChanged(n);
        }
        // A changed src/href/data matters only on an element some group could select.
        if (r.type === "attributes" && r.target.nodeType === 1) {
          const tooltip = TOOLTIP_ATTRS.includes(r.attributeName);
          if (tooltip ? tooltipCouldMatter(r.target) : couldMatter(r.target)) {
            seen.delete(r.target);
            pending.add(r.target);
          }
        }
      }
      if (pending.size && !timer) {
        // A page that keeps changing (a feed, a ticker) gets at most BUDGET_MS of scanning per
        // second: past it, the next batch waits (as uBlock Origin's surveyor does).
        const spent = recentScanMs();
        timer = setTimeout(() => {
          timer = 0;
          scan(outermost(pending)).catch(() => {});
          pending.clear();
        }, spent > BUDGET_MS ? 1000 : 250);
      }
    });
    observer.observe(document.documentElement, {
      childList: true,
      subtree: true,
      characterData: true,
      attributes: true,
      attributeFilter: ["src", "href", "data", ...TOOLTIP_ATTRS],
    });
  }

  // Single-page apps change the address and rewrite the page; most of them mutate the DOM
  // as they do, and back/forward fires popstate, so these two checks see every move.
  function movedToAnotherPage() {
    const now = pageAddress();
    if (now === address) return false;
    address = now;
    restart();
    return true;
  }

  // This document told the background something (a scan, a plan request): when it goes, it
  // says so, and what it found goes with it. The background watches no navigations itself.
  let reported = false;
  // `moved`: an in-page move, where the document and its frames stay.
  function left(moved) {
    if (!reported) return;
    reported = false;
    if (!alive()) return;
    try {
      api().runtime.sendMessage({ type: "left", doc: docId(), moved }).catch(() => {});
    } catch {
      // The extension went meanwhile: nothing to tell.
    }
  }

  // A new page without a new document (in-page navigation), or a new plan: begin again.
  function restart(askEngine = false) {
    left(true);
    generation++;
    forceEngine = askEngine;
    doc = null;
    for (const host of drawn) host.remove();
    drawn.clear();
    notes.clear();
    elements.clear();
    ids = new WeakMap();
    seen = new WeakSet();
    pending.clear();
    plan = null;
    first = true;
    start().catch(() => {});
  }

  // What the popup learns when it asks this tab: whether it looked, and where.
  let looked = "not yet"; // "not yet" | "looked" | "quiet"
  // The plan came from storage (an ordinary page): nothing is sent until something is found.
  let local = false;
  // After a "replan" the page asks the background, whatever the stored page plan says.
  let forceEngine = false;
  // The engine's page plan for the default settings, written here by build.sh (a copy loaded
  // straight from extension/ has none and reads storage first).
  const SHIPPED_PAGE_PLAN = null;
  // Whether this document has read what the person chose (quiet sites, their own rules, how
  // notes look): a page scanned with the shipped plan reads it only once it found something.
  let settled = false;
  // The stored plan turned out not to be the shipped one: this document reads storage first.
  let storedFirst = false;

  const hostName = () => location.hostname.toLowerCase().replace(/\.$/, "").replace(/^www\./, "");
  // A few suffixes looked up in the list: building a set of it would cost every frame more.
  const within = (list) => {
    for (let h = hostName(); h; ) {
      if (list.includes(h)) return true;
      const dot = h.indexOf(".");
      if (dot < 0) break;
      h = h.slice(dot + 1);
    }
    return false;
  };

  // Must this page ask the background? Mirrors PagePlan::needs_engine (src/engine.rs): a
  // catalogued service's site, a host with its own rules, or a possible consent screen.
  function needsEngine(pp) {
    if (within(pp.hosts)) return true;
    // A recruiting tool's route (PagePlan::path_words): the engine's plan looks at more there.
    const words = pp.path_words || [];
    if (words.length && location.pathname.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => words.includes(w))) {
      return true;
    }
    if (location.search.length <= 1) return false;
    const path = location.pathname.replace(/\/+$/, "").toLowerCase();
    if (pp.query_paths.includes(path)) return true;
    const sortParams = pp.sort_params || [];
    const sortWords = pp.sort_words || [];
    for (const [key, value] of new URLSearchParams(location.search)) {
      if (pp.query_keys.includes(key) && value.trim()) return true;
      // A list sorted by a score (PagePlan::sort_params, sort_words): its entries' figures are read.
      const sorts = sortParams.includes(key.toLowerCase());
      if (sorts && value.toLowerCase().split(/[^\p{L}\p{N}]+/u).some((w) => sortWords.includes(w))) return true;
    }
    return false;
  }

  function apply(reply) {
    plan = reply.plan;
    if (typeof reply.mark === "string" && /^unscored-[a-z]{8,32}$/.test(reply.mark)) mark = reply.mark;
    if (typeof reply.sign === "string" && /^[a-z]+ [a-z]+$/.test(reply.sign)) sign = reply.sign;
    // Notes a dead copy of this extension left behind: Firefox starts an updated extension's
    // scripts in a new sandbox, where the old copy cannot be found and told to stop.
    for (const el of [...document.getElementsByTagName(mark)]) if (!drawn.has(el)) el.remove();
    if (String(reply.css || "") !== css) sheet = null; // built when the first note needs it
    css = String(reply.css || "");
    compact = reply.compact === true;
  }

  function noteSheet() {
    if (!sheet) {
      sheet = new CSSStyleSheet();
      sheet.replaceSync(css);
    }
    return sheet;
  }

  // The page's own load comes first: looking waits for it (at most LOAD_WAIT_MS), so a note
  // never holds up what the person came for. In a task of its own after the event: a promise
  // resolved in the event's turn would run the scan inside it, and the page's load would end
  // only after the scan. (Not requestIdleCallback: headless Firefox often grants no idle time
  // for a whole second.)
  const LOAD_WAIT_MS = 3000;
  const afterThisTask = (resolve) => setTimeout(resolve, 0);
  function pageLoaded() {
    // Complete already, but possibly inside the load event: Firefox starts document_idle
    // scripts there, and a look in that task would end the page's load only after it.
    if (document.readyState === "complete") return new Promise(afterThisTask);
    return new Promise((resolve) => {
      const timer = setTimeout(resolve, LOAD_WAIT_MS);
      addEventListener("load", () => (clearTimeout(timer), afterThisTask(resolve)), { once: true });
    });
  }

  // A frame nobody can see into (a tracking pixel, an ad slot not yet filled) or with nothing
  // in it yet costs nothing: no storage read, no scan. It is looked at once it grows big
  // enough to see, or once content arrives.
  const MIN_FRAME_PX = 8;
  const worthLooking = () => innerWidth >= MIN_FRAME_PX && innerHeight >= MIN_FRAME_PX && Boolean(document.body?.firstChild);
  function whenWorthLooking() {
    if (window === window.top || worthLooking()) return Promise.resolve();
    return new Promise((resolve) => {
      let watching = null;
      const timers = [];
      const check = () => {
        if (!worthLooking()) return;
        removeEventListener("resize", check);
        document.removeEventListener("visibilitychange", check);
        watching?.disconnect();
        timers.forEach(clearTimeout);
        resolve();
      };
      addEventListener("resize", check);
      document.addEventListener("visibilitychange", check);
      // A frame learns its size from the page's layout, which a background tab may not have
      // run yet (and resize events wait for rendering): a 0×0 frame is looked at again shortly.
      for (const ms of [500, 2000]) timers.push(setTimeout(check, ms));
      if (!document.body?.firstChild) {
        watching = new MutationObserver(check);
        watching.observe(document.documentElement, { childList: true, subtree: true });
      }
    });
  }

  // The page plan the background stored for the person's settings, or null.
  async function storedPagePlan() {
    try {
      const pp = (await api().storage.local.get("page-plan"))["page-plan"];
      return pp && pp.plan && Array.isArray(pp.hosts) ? pp : null;
    } catch {
      return null;
    }
  }

  // Reads what the person chose, for a document that found something with the shipped plan.
  // False when it must not go on: a quiet site (looking stops), or a stored plan that is not
  // the shipped one (the person's rules, another version: the page starts again from storage).
  async function settle() {
    const scanned = generation;
    const pp = await storedPagePlan();
    if (scanned !== generation) return false;
    if (!pp || pp.plan.id !== plan.id || needsEngine(pp)) {
      storedFirst = true;
      restart();
      return false;
    }
    if (within(pp.quiet || [])) {
      looked = "quiet";
      observer?.disconnect();
      observer = null;
      plan = null;
      return false;
    }
    apply(pp);
    settled = true;
    return true;
  }

  // The plan from storage, or from the background when the page needs the engine; false
  // when there is nothing to look for (a quiet site, started again meanwhile).
  async function planFromStorage(started) {
    settled = true;
    const pp = await storedPagePlan();
    if (started !== generation) return false;
    if (!forceEngine && pp && !needsEngine(pp)) {
      if (within(pp.quiet || [])) {
        looked = "quiet";
        return false;
      }
      local = true;
      apply(pp);
      return true;
    }
    local = false;
    reported = true;
    const reply = await send({ type: "plan", url: location.href, doc: docId() });
    if (started !== generation || !reply) return false;
    if (!reply.enabled || !reply.plan) {
      looked = "quiet";
      return false;
    }
    apply(reply);
    return true;
  }

  async function start() {
    const started = generation;
    // A site the person asked Unscored to stay quiet on (quiet.js, which the background
    // registers for those sites, says so): nothing is looked at.
    if (globalThis.__unscoredQuiet) {
      looked = "quiet";
      return;
    }
    await whenWorthLooking();
    if (started !== generation) return;
    // Default settings on an ordinary page: the shipped plan, and nothing of the extension's
    // API (in Firefox, building it costs each frame milliseconds) until something is found.
    const shipped = SHIPPED_PAGE_PLAN;
    if (shipped && !forceEngine && !storedFirst && !globalThis.__unscoredOwnRules && !needsEngine(shipped)) {
      local = true;
      settled = false;
      plan = shipped.plan;
    } else if (!(await planFromStorage(started))) {
      return;
    }
    await pageLoaded();
    if (started !== generation) return;
    await scan([document]);
    // Started again meanwhile (a replan, an in-page move; that start reports, not this one),
    // or quiet after all.
    if (started !== generation || !plan) return;
    looked = "looked";
    observe();
  }

  // What the first look at this document cost (the benchmark reads it from every frame).
  let firstScanMs = null;
  // How long this document's first scan waited for the background's answer (waking it
  // included, when it slept): the benchmark's cold start as a page sees it.
  let firstAnswerMs = null;
  // What the popup reads (extension/status.js): pages with nothing to find never told the
  // background, so only the tab knows it looked.
  function status() {
    return { looked, url: location.href, host: hostName(), notes: drawn.size, scan_ms: firstScanMs, answer_ms: firstAnswerMs };
  }

  addEventListener("popstate", movedToAnotherPage);
  // A hash router's move (a link to "#/profile/person/12") changes no DOM of its own.
  addEventListener("hashchange", movedToAnotherPage);
  // Back or forward to a page the browser kept in memory: no new document, no new script, and
  // the background forgot the page when the tab left it. Look again.
  function cameBack(event) {
    if (!event.persisted) return;
    if (alive()) restart();
    else shutdown();
  }
  addEventListener("pageshow", cameBack);
  // Leaving (another address, a reload, the tab closing, the back/forward cache keeping it).
  function pageGoes() {
    left(false);
  }
  addEventListener("pagehide", pageGoes);
  // Nothing tells a script its extension was removed; a person coming back to the tab does.
  // (A frame that never took the API has nothing to take away yet.)
  function stillThere() {
    if (apiObject && !alive()) shutdown();
  }
  document.addEventListener("visibilitychange", stillThere);
  start().catch(() => {});
})();
