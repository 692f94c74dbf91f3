//! Native page reading for the CLI: parses HTML with a real HTML5 parser (html5ever, through
//! `scraper`) and collects [`Candidate`]s exactly as the content script does in a browser.

use crate::engine::{Candidate, Card, ScanPlan};
use crate::heuristics::could_hold_value;
use crate::signals::{self, PageSignals};
use scraper::{ElementRef, Html, Selector};

const ATTRS: &[&str] = &["src", "href", "data", "id", "class", "title", "alt", "codebase", "classid"];
const MAX_TEXT: usize = 300;
const MAX_HINT_TEXT: usize = 2000;

/// Candidates for `plan` in `html`, and what the page says about itself when the plan asks.
pub fn collect(html: &str, plan: &ScanPlan) -> (Vec<Candidate>, PageSignals) {
    let doc = Html::parse_document(html);
    let mut out: Vec<Candidate> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (group, g) in plan.groups.iter().enumerate() {
        if g.kind == "text" {
            text_candidates(&doc, group, &g.selector, plan, &mut seen, &mut out);
            continue;
        }
        // A selector the parser rejects is skipped, as the browser side does.
        let Ok(sel) = Selector::parse(&g.selector) else {
            continue;
        };
        for el in doc.select(&sel) {
            // Template contents are inert: a browser's querySelectorAll never sees them.
            if in_template(el) || seen.contains(&el.id()) {
                continue;
            }
            // A named value is judged with its card, and only when short (as content.js does).
            if g.kind == "named" && text_of(el).chars().count() > plan.display_chars {
                continue;
            }
            seen.insert(el.id());
            let mut c = features(el, group, out.len() as u32);
            if g.kind == "named" {
                c.card = Some(card_of(el, plan.card));
            }
            out.push(c);
        }
    }
    (out, page_signals(&doc, plan))
}

/// The facts `content.js` gathers in `pageSignals`, read the same way.
fn page_signals(doc: &Html, plan: &ScanPlan) -> PageSignals {
    if plan.removal_links.is_empty() {
        return PageSignals::default();
    }
    let texts = |css: &str, n: usize| -> Vec<String> {
        Selector::parse(css).map(|sel| doc.select(&sel).take(n).map(|e| text_of(e)).collect()).unwrap_or_default()
    };
    let person_item = Selector::parse("[itemtype*='schema.org/Person' i]").ok();
    let json_ld = Selector::parse("script[type='application/ld+json']").ok();
    PageSignals {
        confirm_selector: plan
            .confirm
            .iter()
            .any(|s| Selector::parse(s).is_ok_and(|sel| doc.select(&sel).next().is_some())),
        title: texts("title", 1).pop().unwrap_or_default(),
        headings: texts("h1", signals::MAX_HEADINGS),
        person_schema: person_item.is_some_and(|sel| doc.select(&sel).next().is_some())
            || json_ld.is_some_and(|sel| {
                doc.select(&sel).any(|s| signals::json_ld_names_person(&s.text().collect::<String>()))
            }),
        removal_links: texts(&plan.removal_links, signals::MAX_LINKS),
    }
    .capped()
}

/// Parents of text nodes containing one of the `|`-separated hint words (ASCII letters
/// compared case-insensitively, like the content script's XPath `translate`).
fn text_candidates(
    doc: &Html,
    group: usize,
    hints: &str,
    plan: &ScanPlan,
    seen: &mut std::collections::HashSet<ego_tree::NodeId>,
    out: &mut Vec<Candidate>,
) {
    let hints: Vec<String> = hints.split('|').filter(|h| !h.is_empty()).map(|h| h.to_ascii_lowercase()).collect();
    let list_hints: Vec<String> =
        plan.list_hints.split('|').filter(|h| !h.is_empty()).map(|h| h.to_ascii_lowercase()).collect();
    for node in doc.tree.nodes() {
        let Some(text) = node.value().as_text() else { continue };
        // Prose or a script, never a score display's label (as MAX_HINT_TEXT in content.js,
        // counted in UTF-16 units as JavaScript does).
        if text.len() > MAX_HINT_TEXT && text.encode_utf16().count() > MAX_HINT_TEXT {
            continue;
        }
        let lower = text.to_ascii_lowercase();
        if !hints.iter().any(|h| lower.contains(h.as_str())) {
            continue;
        }
        let Some(parent) = node.parent().and_then(ElementRef::wrap) else { continue };
        if matches!(parent.value().name(), "script" | "style" | "noscript" | "textarea" | "title")
            || in_template(parent)
        {
            continue;
        }
        // An element a rule already sent has been judged; its text is not a second finding.
        if seen.contains(&parent.id()) {
            continue;
        }
        // A label heading a table's column (a leaderboard's "Points"), or a grid's, a row of labels
        // over rows of values: as `headedColumn` and `gridColumn` in extension/content.js.
        let column = headed_column(parent, &hints, &list_hints).or_else(|| grid_column(parent, &hints, &list_hints));
        if let Some((holder, row, text, columns)) = column {
            if text.chars().count() <= plan.display_chars && could_hold_value(&text) && seen.insert(holder.id()) {
                let mut c = features(holder, group, out.len() as u32);
                c.text = text;
                c.card = Some(Card { columns, ..card_of(row, plan.card) });
                out.push(c);
            }
            continue;
        }
        // A leaderboard's heading: its card is the first entry of the list after it. A label
        // whose own box shows a number ("+36.25 Рейтинг" on a member's page) is that number's.
        let heads_a_list = list_heading(parent, &list_hints) && !labels_a_value(parent, plan.text_context);
        if let Some(item) = heads_a_list.then(|| list_after(parent)).flatten() {
            if seen.insert(parent.id()) {
                let mut c = features(parent, group, out.len() as u32);
                let [_, chars, items] = plan.card;
                c.card = Some(Card { entry: true, ..card_of(item, [0, chars, items]) });
                out.push(c);
            }
            continue;
        }
        let el = score_context(parent, plan.text_context);
        // Longer than any display: the engine would read it as prose, unless the hit is one
        // line among lines ("Karma: 12<br>Posts: 40"): then that line is the display.
        // A line is known by its text node: the element's other lines are displays of their own.
        let display = text_of(el);
        let (el, line, key) = if display.chars().count() <= plan.display_chars {
            if could_hold_value(&display) {
                (el, None, el.id())
            } else {
                // A label alone, its value in the next element ("<dt>Karma</dt><dd>2817</dd>").
                let Some(value) = value_after(el) else { continue };
                (el, Some(format!("{display} {value}")), el.id())
            }
        } else {
            let line = line_of(node);
            if line.chars().count() > plan.display_chars || !could_hold_value(&line) {
                continue;
            }
            (parent, Some(line), node.id())
        };
        if seen.insert(key) {
            let mut c = features(el, group, out.len() as u32);
            if let Some(line) = line {
                c.text = line;
            }
            c.card = Some(card_of(el, plan.card));
            out.push(c);
        }
    }
    tooltip_candidates(doc, group, &hints, plan, seen, out);
    if !plan.list_route.is_empty() {
        sorted_entry(doc, group, plan, seen, out);
    }
}

/// Tags a list's entry can have: a list item, a table row, a card that is one link.
const ENTRY_TAGS: &[&str] = &["li", "tr", "a", "article"];

/// On a list of members sorted by a score (`ScanPlan::list_route`), the first entry of the
/// page's first list: an element among at least two siblings of its tag, outside the page's
/// menus, with a link and a number, sent under the score's label (as `sortedEntry` in
/// extension/content.js).
fn sorted_entry(
    doc: &Html,
    group: usize,
    plan: &ScanPlan,
    seen: &mut std::collections::HashSet<ego_tree::NodeId>,
    out: &mut Vec<Candidate>,
) {
    let Ok(link) = Selector::parse("a[href]") else { return };
    let entry = doc.root_element().descendants().filter_map(ElementRef::wrap).find(|el| {
        let tag = el.value().name();
        ENTRY_TAGS.contains(&tag)
            && !in_template(*el)
            && el.parent().and_then(ElementRef::wrap).is_some_and(|p| {
                p.children().filter_map(ElementRef::wrap).filter(|c| c.value().name() == tag).take(2).count() == 2
            })
            && !el
                .ancestors()
                .filter_map(ElementRef::wrap)
                .any(|a| matches!(a.value().name(), "nav" | "header" | "footer"))
            && (tag == "a" && el.value().attr("href").is_some() || el.select(&link).next().is_some())
            && text_of(*el).chars().any(|c| c.is_ascii_digit())
    });
    let Some(entry) = entry else { return };
    if !seen.insert(entry.id()) {
        return;
    }
    let mut c = features(entry, group, out.len() as u32);
    c.text = plan.list_route.clone();
    let [_, chars, items] = plan.card;
    c.card = Some(Card { entry: true, ..card_of(entry, [0, chars, items]) });
    out.push(c);
}

/// Whether the box around a label holds, besides the label, nothing but a value ("+36.25" over
/// "Рейтинг"; as `labelsAValue` in extension/content.js).
fn labels_a_value(label: ElementRef<'_>, text_context: [usize; 2]) -> bool {
    let context = score_context(label, text_context);
    context.id() != label.id() && only_a_value(text_of(context).replacen(&text_of(label), "", 1).trim())
}

/// Attributes a display can keep its label and value in, its visible text being an icon or
/// a short form ("0xABA" with `aria-label="积分 2746"`); read in this order, the first one
/// not blank wins (as `TOOLTIP_ATTRS` in extension/content.js). Bootstrap's tooltips move
/// `title` into `data-original-title` (v3, v4) or `data-bs-original-title` (v5) and leave it
/// empty.
const TOOLTIP_ATTRS: [&str; 4] = ["aria-label", "title", "data-bs-original-title", "data-original-title"];

/// Controls, media and images name what they do or show, never a display: their tooltips are
/// not read (as `NOT_TOOLTIP` in extension/content.js).
const NOT_TOOLTIP_TAGS: &[&str] =
    &["button", "input", "select", "textarea", "option", "img", "svg", "iframe", "video", "audio", "canvas"];

/// Tooltips read per page at most, in document order (a feed has thousands), as content.js.
const MAX_TOOLTIPS: usize = 600;

/// Elements whose tooltip holds a hint word and could hold a value: the tooltip is their
/// display (as `tooltipDisplays` in extension/content.js), after every text has been judged.
fn tooltip_candidates(
    doc: &Html,
    group: usize,
    hints: &[String],
    plan: &ScanPlan,
    seen: &mut std::collections::HashSet<ego_tree::NodeId>,
    out: &mut Vec<Candidate>,
) {
    let with_tooltip = doc
        .root_element()
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|el| TOOLTIP_ATTRS.iter().any(|a| el.value().attr(a).is_some()))
        .filter(|el| !NOT_TOOLTIP_TAGS.contains(&el.value().name()) && !in_template(*el))
        .take(MAX_TOOLTIPS);
    for el in with_tooltip {
        let Some(value) = TOOLTIP_ATTRS.iter().filter_map(|a| el.value().attr(a)).find(|v| !v.trim().is_empty()) else {
            continue;
        };
        let text = value.split_whitespace().collect::<Vec<_>>().join(" ");
        let lower = text.to_ascii_lowercase();
        if text.chars().count() > plan.display_chars
            || !hints.iter().any(|h| lower.contains(h.as_str()))
            || el.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "head")
        {
            continue;
        }
        // A label alone, on an icon or a short form beside the value ("4812 <span
        // title="reputation">rep.</span>"): the display is its parent's, the label spelt out.
        let (el, text) = if could_hold_value(&text) {
            (el, text)
        } else {
            match spelt_out(el, &text) {
                Some((parent, display)) if display.chars().count() <= plan.display_chars => (parent, display),
                _ => continue,
            }
        };
        if !seen.insert(el.id()) {
            continue;
        }
        let mut c = features(el, group, out.len() as u32);
        c.text = text;
        c.card = Some(card_of(el, plan.card));
        out.push(c);
    }
}

/// The value in the element right after a label's (`<dt>Karma</dt><dd>2817</dd>`,
/// `<label>Karma</label><span>2817</span>` in a grid of facts): its text when it is nothing but
/// a value, and no text stands between them (as `valueAfter` in extension/content.js).
fn value_after(label: ElementRef<'_>) -> Option<String> {
    let mut next = label.next_sibling();
    while let Some(n) = next {
        match n.value() {
            scraper::Node::Text(t) if t.trim().is_empty() => {}
            scraper::Node::Comment(_) => {}
            scraper::Node::Element(_) => break,
            _ => return None,
        }
        next = n.next_sibling();
    }
    let next = ElementRef::wrap(next?)?;
    let value = text_of(next);
    // A definition list's term and its description: the description may go on after the value
    // ("<dt>Trader Score:</dt><dd>4 (100% Positive) [ View Trader Feedback ]</dd>").
    let described = label.value().name() == "dt"
        && next.value().name() == "dd"
        && value.split_whitespace().next().is_some_and(only_a_value);
    (only_a_value(&value) || described).then_some(value)
}

/// A short text that is nothing but a value ("12,480", "39.3k", "B+"): a label next to a name
/// or a sentence labels nothing (as `onlyAValue` in extension/content.js).
fn only_a_value(text: &str) -> bool {
    text.chars().count() <= MAX_SHORT_FORM_VALUE_CHARS
        && text.chars().filter(|c| c.is_alphabetic()).count() <= 1
        && could_hold_value(text)
}

/// Longest visible text of an element whose tooltip is a label: an icon, "rep.", "pts".
const MAX_SHORT_FORM_CHARS: usize = 8;
/// Longest text beside such a label that is still only its value ("12,480", "39.3k").
const MAX_SHORT_FORM_VALUE_CHARS: usize = 12;

/// For an element whose tooltip `label` names what its short text abbreviates: the parent and
/// its text with the short form replaced by the label, when the rest is a value; or the element
/// itself when its own text is the value (as `spelledOut` in extension/content.js).
fn spelt_out<'a>(el: ElementRef<'a>, label: &str) -> Option<(ElementRef<'a>, String)> {
    let short = text_of(el);
    // The element shows the value itself, its tooltip the label (`<span title="Content
    // Score"><svg …/>4,321</span>` among a card's other figures).
    if only_a_value(&short) {
        return Some((el, format!("{label} {short}")));
    }
    if short.chars().count() > MAX_SHORT_FORM_CHARS {
        return None;
    }
    let parent = el.parent().and_then(ElementRef::wrap)?;
    let around = text_of(parent).replacen(&short, "", 1);
    let value = around.split_whitespace().collect::<Vec<_>>().join(" ");
    // Beside it, nothing but the value.
    only_a_value(&value).then(|| (parent, format!("{label} {value}")))
}

/// For a text in a table's heading row (its first row, holding no digit): the table, its
/// first row of data (not blank), the column's label with that row's value, and the heading row's text.
fn headed_column<'a>(
    el: ElementRef<'a>,
    hints: &[String],
    list_hints: &[String],
) -> Option<(ElementRef<'a>, ElementRef<'a>, String, String)> {
    let is = |e: &ElementRef<'_>, names: &[&str]| names.contains(&e.value().name());
    let cell = std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap)).find(|e| is(e, &["th", "td"]))?;
    let row = cell.parent().and_then(ElementRef::wrap).filter(|r| is(r, &["tr"]))?;
    let table = row.ancestors().filter_map(ElementRef::wrap).find(|a| is(a, &["table"]))?;
    let own_table =
        |r: &ElementRef<'_>| r.ancestors().filter_map(ElementRef::wrap).find(|a| is(a, &["table"])).map(|t| t.id());
    let rows: Vec<ElementRef<'a>> = table
        .descendants()
        .filter_map(ElementRef::wrap)
        .filter(|r| is(r, &["tr"]) && own_table(r) == Some(table.id()))
        .take(1 + SPACER_ROWS + 1)
        .collect();
    let headings = text_of(row);
    if rows.first().is_none_or(|r| r.id() != row.id()) || headings.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // The first row of data: old table layouts put an empty spacer row under the heading.
    let data = *rows[1..].iter().find(|r| !text_of(**r).is_empty())?;
    // A ranking word ("排行", "Ranking") heads the position column; a label later in the row
    // ("积分", "Points") heads the score, and is read instead.
    let any = |words: &[String], text: &str| words.iter().any(|w| text.contains(w.as_str()));
    let cell = if any(list_hints, &text_of(cell).to_ascii_lowercase()) {
        let label = |c: &ElementRef<'_>| {
            let text = text_of(*c).to_ascii_lowercase();
            any(hints, &text) && !any(list_hints, &text)
        };
        cell.next_siblings().filter_map(ElementRef::wrap).filter(|c| is(c, &["th", "td"])).find(label).unwrap_or(cell)
    } else {
        cell
    };
    let cells = |r: ElementRef<'a>| -> Vec<ElementRef<'a>> {
        r.children().filter_map(ElementRef::wrap).filter(|c| is(c, &["th", "td"])).collect()
    };
    // Columns, not cells: a heading "<th colspan=3>User</th>" stands over three cells of data.
    let heading = cells(row);
    let place = heading.iter().position(|c| c.id() == cell.id())?;
    let at: usize = heading[..place].iter().map(|c| col_span(*c)).sum();
    let mut start = 0;
    let value = cells(data).into_iter().find(|c| {
        start += col_span(*c);
        at < start
    })?;
    Some((table, data, format!("{} {}", text_of(cell), text_of(value)).trim().to_string(), headings))
}

/// How many boxes a grid's heading row has (as `GRID_COLUMNS` in extension/content.js).
const GRID_COLUMNS: std::ops::RangeInclusive<usize> = 3..=12;
/// Longest heading of a grid's column, in UTF-16 units as JavaScript counts.
const MAX_GRID_HEADING: usize = 30;

/// For a label in a row of short labels with no digit (a CSS grid's heading: `<div
/// class="header"><div>Rank</div><div>Level</div><div>XP</div></div>`), the heading row, the first
/// row of data after it (a sibling, or the first row of the box after the heading's own box)
/// with as many boxes, that row's value under the label with the label, and the heading row's
/// text. Tables are `headed_column`'s (as `gridColumn` in extension/content.js).
fn grid_column<'a>(
    el: ElementRef<'a>,
    hints: &[String],
    list_hints: &[String],
) -> Option<(ElementRef<'a>, ElementRef<'a>, String, String)> {
    let boxes = |r: ElementRef<'a>| -> Vec<ElementRef<'a>> { r.children().filter_map(ElementRef::wrap).collect() };
    // The label's own box may wrap it alone ("<div><span>XP</span></div>").
    let parent = el.parent().and_then(ElementRef::wrap)?;
    let cell = if boxes(parent).len() == 1 { parent } else { el };
    let row = cell.parent().and_then(ElementRef::wrap)?;
    if matches!(row.value().name(), "tr" | "thead" | "tbody" | "table" | "body" | "html") {
        return None;
    }
    // The count first: it costs no walk of the row's text.
    let heading = boxes(row);
    if !GRID_COLUMNS.contains(&heading.len()) {
        return None;
    }
    let headings = text_of(row);
    let short = |e: &ElementRef<'_>| {
        let text = text_of(*e);
        !text.is_empty() && text.encode_utf16().count() <= MAX_GRID_HEADING
    };
    if headings.chars().any(|c| c.is_ascii_digit()) || !heading.iter().all(short) {
        return None;
    }
    let next_row = |r: ElementRef<'a>| r.next_siblings().filter_map(ElementRef::wrap).find(|s| !text_of(*s).is_empty());
    let data = next_row(row).or_else(|| {
        // The heading in a box of its own, the rows in the next box.
        let wrapper = row.parent().and_then(ElementRef::wrap).filter(|w| boxes(*w).len() == 1)?;
        boxes(next_row(wrapper)?).into_iter().find(|r| !text_of(*r).is_empty())
    })?;
    let cells = boxes(data);
    if cells.len() != heading.len() {
        return None;
    }
    // A ranking word heads the place; a label later in the row heads the score (as in a table).
    let any = |words: &[String], text: &str| words.iter().any(|w| text.contains(w.as_str()));
    let cell = if any(list_hints, &text_of(cell).to_ascii_lowercase()) {
        let label = |c: &&ElementRef<'_>| {
            let text = text_of(**c).to_ascii_lowercase();
            any(hints, &text) && !any(list_hints, &text)
        };
        heading.iter().skip_while(|c| c.id() != cell.id()).skip(1).find(label).copied().unwrap_or(cell)
    } else {
        cell
    };
    let place = heading.iter().position(|c| c.id() == cell.id())?;
    let value = text_of(cells[place]);
    only_a_value(&value).then(|| (row, data, format!("{} {value}", text_of(cell)), headings))
}

/// Empty rows a table may have between its heading row and its data (as `SPACER_ROWS` in
/// extension/content.js).
const SPACER_ROWS: usize = 2;

/// How many columns a cell spans, as the DOM's `colSpan` reads `colspan`: leading digits,
/// at least 1, at most 1000.
fn col_span(cell: ElementRef<'_>) -> usize {
    let raw = cell.value().attr("colspan").unwrap_or("").trim_start();
    let raw = raw.strip_prefix('+').unwrap_or(raw);
    let digits: String = raw.chars().take_while(char::is_ascii_digit).take(5).collect();
    digits.parse::<usize>().unwrap_or(1).clamp(1, 1000)
}

/// A short text naming a ranking and holding no number (as `listHeading` in extension/content.js).
fn list_heading(el: ElementRef<'_>, hints: &[String]) -> bool {
    let text = crate::heuristics::without_top_n(&text_of(el)).to_ascii_lowercase();
    text.chars().count() <= crate::heuristics::MAX_LIST_HEADING_CHARS
        && !text.chars().any(|c| c.is_ascii_digit())
        && hints.iter().any(|h| text.contains(h.as_str()))
}

/// The first entry holding a number of the list right after `el` (or after its parent, when
/// `el` ends its parent), past at most two bars of tabs or filters ([`controls_only`]): the
/// list's single-child wrappers are stepped into, and its first 20 children looked at (as
/// `listAfter` in extension/content.js).
fn list_after(el: ElementRef<'_>) -> Option<ElementRef<'_>> {
    let mut at = el;
    for _ in 0..3 {
        // Tabs and filters between a heading and its list ("All time · Weekly", a class
        // picker): a sibling whose only numbers are in its controls is stepped over.
        let next = at
            .next_siblings()
            .filter_map(ElementRef::wrap)
            .filter(|e| !matches!(e.value().name(), "br" | "hr"))
            .take(3)
            .find(|e| !controls_only(*e));
        let Some(mut list) = next else {
            at = at.parent().and_then(ElementRef::wrap)?;
            continue;
        };
        // A lone row or item is the list's entry, not a wrapper.
        for _ in 0..4 {
            if matches!(list.value().name(), "tr" | "li") {
                break;
            }
            let mut children = list.children().filter_map(ElementRef::wrap);
            match (children.next(), children.next()) {
                (Some(only), None) => list = only,
                _ => break,
            }
        }
        if matches!(list.value().name(), "tr" | "li") {
            return Some(list).filter(|item| text_of(*item).chars().any(|c| c.is_ascii_digit()));
        }
        return list
            .children()
            .filter_map(ElementRef::wrap)
            .take(20)
            .find(|item| text_of(*item).chars().any(|c| c.is_ascii_digit()));
    }
    None
}

/// Form controls, whose text is a choice, not content.
const CONTROL_TAGS: &[&str] = &["button", "select", "option", "input", "textarea"];

/// Whether every digit of `el`'s text is inside a form control, or it holds none: a bar of
/// tabs or filters (as `controlsOnly` in extension/content.js).
fn controls_only(el: ElementRef<'_>) -> bool {
    !el.descendants().any(|n| {
        n.value().as_text().is_some_and(|t| t.chars().any(|c| c.is_ascii_digit()))
            && !n
                .ancestors()
                .take_while(|a| a.id() != el.id())
                .chain(std::iter::once(*el))
                .filter_map(ElementRef::wrap)
                .any(|a| CONTROL_TAGS.contains(&a.value().name()))
    })
}

/// Inline elements that keep a text on its line (as `INLINE_TAGS` in extension/content.js).
const INLINE_TAGS: &[&str] =
    &["a", "abbr", "b", "bdi", "code", "em", "font", "i", "small", "span", "strong", "sub", "sup", "u"];

/// The line a text node is on: its inline neighbours up to a `<br>` or a block on either side
/// (mirrors `lineOf` in extension/content.js).
fn line_of(node: ego_tree::NodeRef<'_, scraper::Node>) -> String {
    let on_line = |n: &ego_tree::NodeRef<'_, scraper::Node>| match n.value() {
        scraper::Node::Text(_) => true,
        scraper::Node::Element(e) => INLINE_TAGS.contains(&e.name()),
        _ => false,
    };
    // "<b>Karma score:</b> <span>87</span><br>": the line is the label's element and its neighbours.
    let mut node = node;
    while let Some(up) =
        node.parent().filter(|p| ElementRef::wrap(*p).is_some_and(|e| INLINE_TAGS.contains(&e.value().name())))
    {
        node = up;
    }
    let mut first = node;
    while let Some(prev) = first.prev_sibling().filter(&on_line) {
        first = prev;
    }
    let mut parts: Vec<String> = Vec::new();
    let mut next = Some(first);
    while let Some(n) = next.filter(&on_line) {
        let t = match n.value() {
            scraper::Node::Text(t) => t.trim().to_string(),
            _ => ElementRef::wrap(n).map(text_of).unwrap_or_default(),
        };
        if !t.is_empty() {
            parts.push(t);
        }
        if parts.join(" ").chars().count() > MAX_TEXT {
            break;
        }
        next = n.next_sibling();
    }
    parts.join(" ").split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_TEXT).collect()
}

/// A label and its number often sit in sibling elements: climb while the text stays short,
/// by the plan's `text_context` (as `scoreContext` in extension/content.js does).
fn score_context(mut el: ElementRef<'_>, [short, max]: [usize; 2]) -> ElementRef<'_> {
    for _ in 0..2 {
        let Some(parent) = el.parent().and_then(ElementRef::wrap) else { break };
        let text = text_of(el);
        // A text that already holds a number has its value: its neighbours are other facts.
        if text.chars().count() >= short
            || text.chars().any(|c| c.is_ascii_digit())
            || text_of(parent).chars().count() > max
        {
            break;
        }
        el = parent;
    }
    el
}

/// The card around a score display (as `cardOf` in extension/content.js): climb while the
/// ancestor's text stays within `chars`.
fn card_of(el: ElementRef<'_>, [levels, chars, items]: [usize; 3]) -> Card {
    let mut card = el;
    for _ in 0..levels {
        let Some(parent) = card.parent().and_then(ElementRef::wrap) else { break };
        if text_of(parent).chars().count() > chars {
            break;
        }
        card = parent;
    }
    let attr = |e: ElementRef<'_>, a: &str| e.value().attr(a).unwrap_or("").chars().take(200).collect::<String>();
    let pick = |css: &str| {
        Selector::parse(css).ok().map(|s| card.select(&s).take(items).collect::<Vec<_>>()).unwrap_or_default()
    };
    Card {
        entry: false,
        columns: String::new(),
        text: text_of(card),
        // A card that is, or sits inside, a link (a member's whole card clickable) links there first.
        links: std::iter::once(card)
            .chain(card.ancestors().filter_map(ElementRef::wrap))
            .find(|e| e.value().name() == "a" && e.value().attr("href").is_some())
            .into_iter()
            .chain(pick("a[href]"))
            .take(items)
            .map(|a| attr(a, "href"))
            .collect(),
        images: pick("img")
            .into_iter()
            .map(|i| {
                // A wrapper holding only the image names what it shows: `<div class="avatar"><img src="/photos/12.jpg">`.
                let wrapper = i
                    .parent()
                    .and_then(ElementRef::wrap)
                    .filter(|w| w.children().filter_map(ElementRef::wrap).take(2).count() == 1)
                    .map_or(String::new(), |w| attr(w, "class"));
                format!("{} {} {} {wrapper}", attr(i, "alt"), attr(i, "class"), attr(i, "src")).trim().to_string()
            })
            .collect(),
    }
}

fn in_template(el: ElementRef<'_>) -> bool {
    el.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "template")
}

/// Text nodes joined with spaces (mirrors `textOf` in extension/content.js).
fn text_of(el: ElementRef<'_>) -> String {
    let mut out = String::new();
    for t in el.text() {
        let t = t.trim();
        if !t.is_empty() {
            if !out.is_empty() {
                out.push(' ');
            }
            out.push_str(t);
        }
        if out.len() >= MAX_TEXT * 4 {
            break;
        }
    }
    out.split_whitespace().collect::<Vec<_>>().join(" ").chars().take(MAX_TEXT).collect()
}

fn features(el: ElementRef<'_>, group: usize, id: u32) -> Candidate {
    let v = el.value();
    let text = text_of(el);
    let img = Selector::parse("img").ok();
    let first_image = if v.name() == "a" { img.as_ref().and_then(|s| el.select(s).next()) } else { None };
    Candidate {
        id,
        group,
        tag: v.name().to_ascii_lowercase(),
        attrs: ATTRS
            .iter()
            .filter_map(|a| v.attr(a).map(|x| (a.to_string(), x.chars().take(2048).collect())))
            .collect(),
        text: text.clone(),
        has_image: v.name() == "a" && first_image.is_some(),
        image_src: first_image.and_then(|i| i.value().attr("src")).map(|s| s.chars().take(2048).collect()),
        card: None,
        hidden: text.is_empty() && hidden_by_markup(el),
    }
}

/// Whether `el` or an ancestor is hidden by its markup (as `hiddenByMarkup` in
/// extension/content.js; see `engine::HIDDEN_CLASSES`).
fn hidden_by_markup(el: ElementRef<'_>) -> bool {
    std::iter::once(el).chain(el.ancestors().filter_map(ElementRef::wrap)).any(|e| {
        let v = e.value();
        let style = v.attr("style").unwrap_or("").to_ascii_lowercase().replace(' ', "");
        v.attr("hidden").is_some()
            || style.contains("display:none")
            || v.classes().any(|c| crate::engine::HIDDEN_CLASSES.contains(&c))
    })
}

#[cfg(test)]
mod tests {
    use crate::catalog::Catalog;
    use crate::engine::EngineBuilder;

    #[test]
    fn a_card_inside_a_link_links_there() {
        // A dating site's suggestion: the whole card links to the member, the score deep inside.
        let html = r#"<ul><li><a href="/profiles/12345"><div><img src="/p/1.jpg" alt="jdoe"><div>
            <div><strong>jdoe</strong><div>Lyon</div></div>
            <div><div>Très compatible</div><div>Score : 72</div></div></div></div></a></li></ul>"#;
        let url = "https://flirt.example.fr/matches";
        let engine = EngineBuilder::new(Catalog::embedded()).build();
        let plan = engine.plan(url);
        let (candidates, page) = super::collect(html, &plan);
        let card = candidates.iter().find_map(|c| c.card.as_ref()).expect("the score is sent with its card");
        assert_eq!(card.links.first().map(String::as_str), Some("/profiles/12345"));
        assert!(engine.findings(url, &plan, &candidates, &page).iter().any(|f| f.kind == "score"));
    }

    #[test]
    fn a_grid_of_boxes_heads_its_columns_as_a_table_does() {
        let grid = |rows: &str| {
            format!(r#"<div class="header"><div>Rank</div><div>Member</div><div>Points</div></div>{rows}"#)
        };
        let url = "https://community.example.org/leaderboard";
        let engine = EngineBuilder::new(Catalog::embedded()).build();
        let plan = engine.plan(url);
        let found = |html: &str| {
            let (candidates, page) = super::collect(html, &plan);
            let shown = candidates.iter().map(|c| c.text.clone()).collect::<Vec<_>>();
            (shown, engine.findings(url, &plan, &candidates, &page).len())
        };
        let (shown, notes) = found(&grid(r#"<div class="user"><div>1</div><div>jdoe</div><div>1,250</div></div>"#));
        assert_eq!((shown, notes), (vec!["Points 1,250".to_string()], 1));
        // A row of other boxes is no row of the grid, and a heading over prose heads nothing.
        assert_eq!(found(&grid(r#"<div><div>1</div><div>jdoe</div></div>"#)).1, 0);
        assert_eq!(found(&grid(r#"<div><div>1</div><div>jdoe</div><div>See the rules</div></div>"#)).1, 0);
    }
}
