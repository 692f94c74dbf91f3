//! The detection engine: built once from the catalog (plus custom rules), then asked per page.
//!
//! Usage is two-phase, so the page side stays cheap and never needs the catalog:
//!
//! 1. [`Engine::plan`] for a page URL: the CSS selectors worth querying on that page (embed
//!    hosts, score links, cosmetic filters) and whether the URL looks like a profile page.
//! 2. The page side collects the elements those selectors match into [`Candidate`]s (tag,
//!    a few attributes, a short text) and hands them to [`Engine::findings`], which decides.
//!
//! ```
//! use unscored::catalog::Catalog;
//! use unscored::engine::{Candidate, EngineBuilder};
//! let engine = EngineBuilder::new(Catalog::embedded()).build();
//! let plan = engine.plan("http://blog.example/about");
//! let badge = Candidate::new(0, "iframe").attr("src", "http://widgets.klout.com/badge/jack");
//! let found = engine.findings("http://blog.example/about", &plan, &[badge], &Default::default());
//! assert_eq!(found[0].service.as_deref(), Some("klout"));
//! ```
//!
//! The engine is immutable: settings or rule changes build a new one.

use crate::catalog::{Catalog, Record};
use crate::consent;
use crate::filters::{self, CosmeticFilter, FilterError, FilterSet};
use crate::heuristics;
use crate::patterns::UrlPattern;
use crate::selectors;
use crate::signals::{self, PageSignals};
use crate::urls::Url;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// Tags whose URL attribute can carry an embed, with that attribute.
const EMBED_TAGS: &[(&str, &str)] =
    &[("iframe", "src"), ("script", "src"), ("img", "src"), ("embed", "src"), ("object", "data")];

/// Collects the catalog and custom rules, then compiles them into an [`Engine`].
pub struct EngineBuilder<'a> {
    records: Vec<&'a Record>,
    custom: Vec<CosmeticFilter>,
    /// FNV-1a over what makes plans differ: the catalog version, the services, the rules.
    plan_id: u32,
}

fn fnv(mut hash: u32, bytes: &[u8]) -> u32 {
    for b in bytes {
        hash = (hash ^ u32::from(*b)).wrapping_mul(0x0100_0193);
    }
    hash
}

impl<'a> EngineBuilder<'a> {
    pub fn new(catalog: &'a Catalog) -> Self {
        let plan_id = fnv(0x811c_9dc5, crate::catalog::VERSION.as_bytes());
        EngineBuilder { records: catalog.records().iter().collect(), custom: Vec::new(), plan_id }
    }

    /// Only these services (by id) are detected.
    pub fn only_services(mut self, ids: &[&str]) -> Self {
        self.records.retain(|r| ids.contains(&r.id.as_str()));
        for id in ids {
            self.plan_id = fnv(self.plan_id, id.as_bytes());
        }
        self
    }

    /// Adds user rules in cosmetic-filter syntax; bad rules are returned, good ones kept.
    pub fn custom_rules(&mut self, text: &str) -> Vec<FilterError> {
        let (ok, errors) = filters::parse_list(text);
        self.plan_id = fnv(self.plan_id, text.as_bytes());
        self.custom.extend(ok);
        errors
    }

    pub fn build(self) -> Engine {
        let mut services = Vec::with_capacity(self.records.len());
        let mut filters = Vec::new();
        let mut filter_owner = Vec::new();
        let mut embed_hosts: Vec<String> = Vec::new();
        for (i, r) in self.records.iter().enumerate() {
            let compile = |pats: &[String]| pats.iter().filter_map(|p| UrlPattern::parse(p).ok()).collect::<Vec<_>>();
            let (profile, name_search, exclude, confirm) = match &r.profile_pages {
                Some(p) => {
                    let shapes = |search: bool| -> Vec<String> {
                        p.patterns.iter().filter(|s| s.name_search == search).map(|s| s.pattern.clone()).collect()
                    };
                    (compile(&shapes(false)), compile(&shapes(true)), compile(&p.exclude), p.confirm_selectors.clone())
                }
                None => Default::default(),
            };
            let (embeds, score_links) = match &r.widgets {
                Some(w) => {
                    for f in w.filters.iter().filter_map(|f| filters::parse_filter(f).ok().flatten()) {
                        filters.push(f);
                        filter_owner.push(Some(i));
                    }
                    (compile(&w.embeds), compile(&w.score_links))
                }
                None => Default::default(),
            };
            // A scorer's only third-party embeds were its badges: a frame, script or object
            // from its domains is one, even in a shape no record lists. Images are left out:
            // a logo wall is no widget.
            let scorer_embeds: Vec<UrlPattern> = if r.category == "influence-score" {
                r.domains.iter().filter_map(|d| UrlPattern::parse(&format!("*.{d}/**")).ok()).collect()
            } else {
                Vec::new()
            };
            for p in embeds.iter().chain(&score_links).chain(&scorer_embeds) {
                if !embed_hosts.iter().any(|h| h == p.host()) {
                    embed_hosts.push(p.host().to_string());
                }
            }
            services.push(ServiceRules {
                id: r.id.clone(),
                profile,
                name_search,
                exclude,
                confirm,
                embeds,
                score_links,
                scorer_embeds,
            });
        }
        for f in self.custom {
            filters.push(f);
            filter_owner.push(None);
        }
        embed_hosts.sort();
        let embed_words = embed_words(&embed_hosts);
        let embed_selector = embed_selector(&embed_words);
        let names = self
            .records
            .iter()
            .enumerate()
            .map(|(i, r)| (r.name.to_lowercase(), i))
            .filter(|(n, _)| n.chars().count() >= 4)
            .collect();
        let scorer_names: Vec<(String, usize)> = self
            .records
            .iter()
            .enumerate()
            .filter(|(_, r)| r.category == "influence-score")
            .map(|(i, r)| (r.name.to_lowercase(), i))
            .filter(|(n, _)| n.chars().count() >= 4)
            .collect();
        let mut hints: Vec<String> =
            heuristics::HINTS.iter().chain(heuristics::LIST_HINTS).map(|h| h.to_string()).collect();
        for (name, _) in &scorer_names {
            if !hints.iter().any(|h| name.contains(h.as_str())) {
                hints.push(name.clone());
            }
        }
        let text_hints = page_words(hints);
        // The same for the page side's test of a leaderboard's heading.
        let list_hints = page_words(heuristics::LIST_HINTS.iter().map(|h| h.to_string()).collect());
        // One selector for every scorer's slots, so a page pays one query whatever the catalog.
        let slot_names: Vec<(String, usize)> = scorer_names
            .iter()
            .map(|(name, i)| (name.chars().filter(|c| c.is_ascii_alphanumeric()).collect(), *i))
            .collect();
        let slot_selector = slot_names.iter().map(|(n, _)| slot_selector(n)).collect::<Vec<_>>().join(",");
        let records = self.records.iter().map(|r| (*r).clone()).collect();
        let mut profile_hosts: HashMap<String, Vec<usize>> = HashMap::new();
        for (i, s) in services.iter().enumerate() {
            for p in s.profile.iter().chain(&s.name_search) {
                let ids = profile_hosts.entry(p.host().to_string()).or_default();
                if !ids.contains(&i) {
                    ids.push(i);
                }
            }
        }
        Engine {
            plan_id: self.plan_id,
            profile_hosts,
            records,
            names,
            scorer_names,
            text_hints,
            list_hints,
            slot_names,
            slot_selector,
            services,
            filter_set: FilterSet::new(filters.clone()),
            filters,
            filter_owner,
            embed_selector,
            embed_words,
        }
    }
}

struct ServiceRules {
    id: String,
    profile: Vec<UrlPattern>,
    /// The site's search by name: a person's page only when the page says so.
    name_search: Vec<UrlPattern>,
    exclude: Vec<UrlPattern>,
    confirm: Vec<String>,
    embeds: Vec<UrlPattern>,
    score_links: Vec<UrlPattern>,
    /// Any frame, script or object from a scorer's domains.
    scorer_embeds: Vec<UrlPattern>,
}

/// Compiled rules; cheap to query, never modified.
pub struct Engine {
    /// Names this engine's plans: a page's scan made with another engine's plan is stale.
    plan_id: u32,
    services: Vec<ServiceRules>,
    /// Profile-pattern host → services with a pattern there, in catalog order.
    profile_hosts: HashMap<String, Vec<usize>>,
    filters: Vec<CosmeticFilter>,
    /// Service index per filter (None: a custom rule).
    filter_owner: Vec<Option<usize>>,
    filter_set: FilterSet,
    embed_selector: String,
    /// The hosts `embed_selector` names (see [`SelectorGroup::words`]).
    embed_words: Vec<String>,
    /// The records compiled in, for consent screens (which app belongs to which service).
    records: Vec<Record>,
    /// Lower-cased service names (4+ characters) with their index, for score displays.
    names: Vec<(String, usize)>,
    /// Names of catalogued scorers whose name is their score's label ("Klout: 63").
    scorer_names: Vec<(String, usize)>,
    /// Words the page side looks for in text, `|`-separated.
    text_hints: String,
    /// Words of a leaderboard's heading, `|`-separated (see [`ScanPlan::list_hints`]).
    list_hints: String,
    /// Catalogued scorers' names (letters and digits, lower-case) for their score slots.
    slot_names: Vec<(String, usize)>,
    /// Elements named after a catalogued scorer (`id="kloutScore"`, `<object
    /// codebase="…KloutBadge">`), all scorers in one selector.
    slot_selector: String,
}

/// What every page's content script reads from storage before it wakes the background: the
/// plan of any ordinary page, and how to tell a page that is not ordinary (a catalogued
/// service's site, a host with its own rules, a possible consent screen). On an ordinary page
/// the content script collects with [`PagePlan::plan`] itself and sends nothing unless it
/// found something: a page with nothing to find costs no message and wakes nothing. The
/// decision of what a page needs stays the engine's ([`PagePlan::needs_engine`]); the content
/// script applies the same data the same way.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PagePlan {
    pub plan: ScanPlan,
    /// Hosts (with their subdomains) whose pages need the background's own plan.
    pub hosts: Vec<String>,
    /// Query keys that make any page a possible consent screen, or a copy of one.
    pub query_keys: Vec<String>,
    /// Paths that, with any query, may be a consent screen or a copy of one.
    pub query_paths: Vec<String>,
    /// Words of a path (split on anything but letters and digits) that make a page one the
    /// background plans for: a recruiting tool's routes, whose lone percentages are looked at.
    #[serde(default)]
    pub path_words: Vec<String>,
    /// Query keys that sort a list ([`heuristics::SORT_PARAMS`]) and the scores a list of
    /// members can be sorted by ([`heuristics::SORT_SCORES`]): a page sorted by one is planned
    /// by the background (its entries' figures are read as that score).
    #[serde(default)]
    pub sort_params: Vec<String>,
    #[serde(default)]
    pub sort_words: Vec<String>,
}

impl PagePlan {
    /// Must the page at `url` ask the background for its plan? Mirrors `needsEngine` in
    /// `extension/content.js`.
    pub fn needs_engine(&self, url: &str) -> bool {
        let Ok(u) = Url::parse(url) else { return false };
        let mut host = u.host.as_str();
        loop {
            if self.hosts.iter().any(|h| h == host) {
                return true;
            }
            match host.split_once('.') {
                Some((_, parent)) if !parent.is_empty() => host = parent,
                _ => break,
            }
        }
        if crate::urls::path_has_word(u.path, &self.path_words) {
            return true;
        }
        if u.query.is_empty() {
            return false;
        }
        let path = u.path.trim_end_matches('/').to_ascii_lowercase();
        // Sorted by a score: any sort key whose value holds a score's word (more pages than
        // `heuristics::sorted_by` takes, never fewer).
        let sorts = |k: &str, v: &str| {
            self.sort_params.iter().any(|p| p.eq_ignore_ascii_case(k))
                && v.to_lowercase()
                    .split(|c: char| !c.is_alphanumeric())
                    .any(|w| self.sort_words.iter().any(|s| s == w))
        };
        self.query_paths.contains(&path)
            || u.query_pairs().any(|(k, v)| {
                (self.query_keys.iter().any(|q| q == k.as_ref()) && !v.trim().is_empty()) || sorts(&k, &v)
            })
    }
}

/// What the page side should look for on one page.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScanPlan {
    /// The engine that made it ([`Engine::plan_id`]); scans name it.
    #[serde(default)]
    pub id: u32,
    /// Selector groups to query; a candidate reports the index of the group that found it.
    pub groups: Vec<SelectorGroup>,
    /// Service id when the URL is one of its profile pages.
    pub profile: Option<String>,
    /// Service id when the URL is its search by name: a results list, or one person's page
    /// when the page signals say so ([`crate::signals`]).
    #[serde(default)]
    pub name_search: Option<String>,
    /// When non-empty, the profile is confirmed only if one of these selectors matches.
    pub confirm: Vec<String>,
    /// Links the page side reports for [`PageSignals`] (empty: send no signals).
    #[serde(default)]
    pub removal_links: String,
    /// The URL is a sign-in consent screen (or a lookalike of one): the page side sends the
    /// page's visible text so permissions shown only on the page can be read.
    #[serde(default)]
    pub consent: bool,
    /// How the page side widens a text hit to its display: climb to the parent while the
    /// element's text is shorter than `[0]` and the parent's is at most `[1]` characters
    /// ("<span>Influence score</span> <b>63</b>" is one display).
    #[serde(default = "text_context")]
    pub text_context: [usize; 2],
    /// How the page side gathers a text candidate's [`Card`]: levels up, characters, items.
    #[serde(default = "card_limits")]
    pub card: [usize; 3],
    /// A text hit whose display (after widening) is longer than this is prose, never a
    /// score display ([`heuristics::MAX_DISPLAY_CHARS`]): the page side does not send it.
    #[serde(default = "display_chars")]
    pub display_chars: usize,
    /// `|`-separated words of a leaderboard's heading: a text hit holding one and no number
    /// is sent with the first entry of the list right after it as its card
    /// ([`heuristics::ranking_display`]).
    #[serde(default)]
    pub list_hints: String,
    /// [`ScanPlan::list_hints`] as the page side tests them ([`page_pattern`]); set by
    /// [`ScanPlan::for_page_side`], which then leaves the words out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub list_pattern: Option<[String; 3]>,
    /// One query for the groups the page side collects by CSS (all but `text` groups and
    /// groups with `words` of kind `embed`), in the fewest parts that select the same
    /// elements ([`selectors::cover`]); set by [`ScanPlan::for_page_side`]. Each element it
    /// finds is then given to the groups whose own query it matches.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rare_query: String,
    /// A list of members sorted by a score ([`heuristics::sorted_by`]): the page side sends
    /// the first entry of the page's first list of members under this label ("Reputation").
    /// Empty elsewhere.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub list_route: String,
}

impl ScanPlan {
    /// The plan as the page side receives it: a group with `words` is collected by its short
    /// query ([`EMBED_QUERY`], [`SLOT_QUERY`]) and pattern, so its `selector` becomes that
    /// query instead of the long one (thousands of characters, read by every frame from
    /// storage).
    ///
    /// Word lists go as [`page_pattern`]s, built here once rather than in every document.
    pub fn for_page_side(mut self) -> ScanPlan {
        for g in &mut self.groups {
            if !g.words.is_empty() {
                g.selector = if g.kind == "embed" {
                    EMBED_QUERY.to_string()
                } else {
                    // And a class selector per scorer, for a class that is its name alone
                    // (`<p class="kred">`).
                    std::iter::once(SLOT_QUERY.to_string())
                        .chain(g.words.iter().filter_map(|n| class_word(n)))
                        .collect::<Vec<_>>()
                        .join(",")
                };
                g.pattern = Some(page_pattern(g.words.iter().map(String::as_str)));
            } else if g.kind == "text" {
                g.pattern = Some(page_pattern(g.selector.split('|')));
                g.selector.clear();
            }
        }
        if !self.list_hints.is_empty() {
            self.list_pattern = Some(page_pattern(self.list_hints.split('|')));
            self.list_hints.clear();
        }
        // All but `text` groups (a pattern over text) and `embed` groups with words (a pattern
        // over URLs) are collected by CSS.
        let by_css = |g: &&SelectorGroup| g.kind != "text" && (g.kind != "embed" || g.words.is_empty());
        let rare = self.groups.iter().filter(by_css).map(|g| g.selector.as_str());
        self.rare_query = selectors::cover(rare);
        self
    }
}

/// A list of words as the page side tests text for them: JavaScript regular-expression
/// sources, the ASCII words' (used with the `i` flag, which folds ASCII letters as the engine
/// does), the other words' with their ASCII letters folded by hand (the `i` flag would fold
/// "Репутац" too, and the engine folds ASCII only), and a class of the other words' letters
/// outside ASCII. Each other word holds one, so a text with none cannot match them: over a
/// long text the class is several times cheaper than the alternation. Empty words are left
/// out; an empty source matches nothing on the page side.
pub fn page_pattern<'a>(words: impl IntoIterator<Item = &'a str>) -> [String; 3] {
    fn escaped(word: &str, fold: bool) -> String {
        let mut out = String::with_capacity(word.len());
        for c in word.chars() {
            match c {
                '.' | '*' | '+' | '?' | '^' | '$' | '{' | '}' | '(' | ')' | '|' | '[' | ']' | '\\' => {
                    out.push('\\');
                    out.push(c);
                }
                'a'..='z' if fold => {
                    out.push('[');
                    out.push(c);
                    out.push(c.to_ascii_uppercase());
                    out.push(']');
                }
                _ => out.push(c),
            }
        }
        out
    }
    let (mut ascii, mut other) = (Vec::new(), Vec::new());
    for word in words.into_iter().filter(|w| !w.is_empty()).map(str::to_ascii_lowercase) {
        if word.is_ascii() {
            ascii.push(escaped(&word, false));
        } else {
            other.push(escaped(&word, true));
        }
    }
    // In order of first appearance: a set or a sort would add their code to the wasm for a
    // few hundred letters.
    let mut letters = String::new();
    for c in other.iter().flat_map(|w| w.chars()).filter(|c| !c.is_ascii()) {
        if !letters.contains(c) {
            letters.push(c);
        }
    }
    let class = if letters.is_empty() { String::new() } else { format!("[{letters}]") };
    [ascii.join("|"), other.join("|"), class]
}

fn display_chars() -> usize {
    heuristics::MAX_DISPLAY_CHARS
}

fn card_limits() -> [usize; 3] {
    [CARD_LEVELS, CARD_CHARS, CARD_ITEMS]
}

fn text_context() -> [usize; 2] {
    TEXT_CONTEXT
}

/// An address no catalogued service, rule or provider names: its plan is every ordinary page's.
const ORDINARY_PAGE: &str = "https://ordinary.invalid/";

/// See [`ScanPlan::text_context`].
pub const TEXT_CONTEXT: [usize; 2] = [40, 80];

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SelectorGroup {
    pub selector: String,
    /// `embed` (URL-bearing elements of known hosts), `filter` (a cosmetic rule) or `text`
    /// (elements whose own text contains `selector`, case-insensitively: a hint, not CSS).
    pub kind: String,
    /// For `filter` groups: index into the engine's filters.
    pub filter: Option<usize>,
    /// The same group in a form a page matches faster than one long selector: for `embed`,
    /// the hosts (an element of [`EMBED_QUERY`] whose URL attribute contains one, ASCII case
    /// folded); for `slot`, the scorer names (an element whose `id` or `class` holds `score`
    /// and a name, or an `object` whose `codebase` or `classid` holds a name). Exactly what
    /// `selector` selects.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub words: Vec<String>,
    /// The page side's test for `words`, or for a `text` group's hints ([`page_pattern`]); set
    /// by [`ScanPlan::for_page_side`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pattern: Option<[String; 3]>,
}

/// Elements a `slot` group's names are looked for in: what the group's `selector` selects,
/// before the names are tested.
pub const SLOT_QUERY: &str = "[id*='score' i],[class*='score' i],object[codebase],object[classid]";

/// URL-bearing elements an `embed` group's hosts are looked for in, with their attribute.
pub const EMBED_QUERY: &str = "iframe[src],script[src],img[src],embed[src],object[data],a[href]";

/// One element the page side found, described by what the engine needs.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Candidate {
    /// The page side's handle, echoed back in findings.
    pub id: u32,
    /// Index of the plan group that found it.
    #[serde(default)]
    pub group: usize,
    pub tag: String,
    #[serde(default)]
    pub attrs: Vec<(String, String)>,
    /// Text content, trimmed and capped by the page side.
    #[serde(default)]
    pub text: String,
    /// Whether it contains an image (a badge rather than a plain link).
    #[serde(default)]
    pub has_image: bool,
    /// For links: the `src` of the first image inside, so a badge image and the link
    /// around it count once.
    #[serde(default)]
    pub image_src: Option<String>,
    /// For text candidates: the card around the display (the largest ancestor, at most
    /// [`CARD_LEVELS`] up, whose text stays under [`CARD_CHARS`]), so the engine can tell a
    /// person's score (a name, @handle, avatar or profile link beside it) from a product's.
    #[serde(default)]
    pub card: Option<Card>,
    /// For an element with no text: it or an ancestor is hidden by its markup ([`HIDDEN_CLASSES`],
    /// a `hidden` attribute, an inline `display: none`), as an app's error state hides the score
    /// slot it never filled.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
}

/// Class names that hide an element in the frameworks pages use (AngularJS, Bootstrap,
/// Bulma, Tailwind): the page side reads them, not the computed style, so the native scan
/// (which has no style) reads the same.
pub const HIDDEN_CLASSES: &[&str] = &["ng-hide", "hidden", "d-none", "is-hidden", "hide", "invisible"];

/// What surrounds a score display. Raw page facts only; the engine decides.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Card {
    #[serde(default)]
    pub text: String,
    /// `href`s of up to [`CARD_ITEMS`] links in the card.
    #[serde(default)]
    pub links: Vec<String>,
    /// `alt`, `class` and `src` of up to [`CARD_ITEMS`] images in the card, joined by spaces.
    #[serde(default)]
    pub images: Vec<String>,
    /// The card is the first entry of the list right after the display (a leaderboard's
    /// heading), not the display's surroundings.
    #[serde(default)]
    pub entry: bool,
    /// For a display heading a table's column (its card the first row of data): the table's
    /// heading row, whose "User" or "Member" column says each row is a member's.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub columns: String,
}

/// How far the page side climbs from a score display to its card.
pub const CARD_LEVELS: usize = 4;
/// A card's text is at most this long (longer: the climb stops below it).
pub const CARD_CHARS: usize = 280;
/// Links and images kept per card.
pub const CARD_ITEMS: usize = 6;

impl Candidate {
    pub fn new(id: u32, tag: &str) -> Self {
        Candidate { id, tag: tag.to_ascii_lowercase(), ..Default::default() }
    }

    pub fn attr(mut self, name: &str, value: &str) -> Self {
        self.attrs.push((name.to_ascii_lowercase(), value.to_string()));
        self
    }

    pub fn text(mut self, text: &str) -> Self {
        self.text = text.to_string();
        self
    }

    fn get(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Something on the page that scores or profiles a person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    /// `widget`, `score`, `profile` or `consent`.
    pub kind: String,
    /// Catalog id, or None for a custom rule or an unknown service.
    pub service: Option<String>,
    /// The candidate it was found on; None for page-level findings (profile pages).
    pub candidate: Option<u32>,
    /// What was seen, for people to check: the embed URL, the rule, the matched text.
    pub evidence: String,
}

/// Bounds what one page can make the engine do; the rest is ignored, never an error.
pub const MAX_CANDIDATES: usize = 5_000;

impl Engine {
    /// Number of services compiled in.
    pub fn service_count(&self) -> usize {
        self.services.len()
    }

    /// Names the plans this engine makes: the same catalog and rules give the same id, so a
    /// page whose plan came from an engine since rebuilt can be told to ask again.
    pub fn plan_id(&self) -> u32 {
        self.plan_id
    }

    /// The data every page's content script reads first (see [`PagePlan`]).
    pub fn page_plan(&self) -> PagePlan {
        let mut hosts: Vec<String> = self.profile_hosts.keys().cloned().collect();
        hosts.extend(self.filter_set.named_hosts().map(str::to_string));
        hosts.extend(consent::providers::endpoint_hosts().map(str::to_string));
        // Its copies of person pages are judged by the address they copy (`Engine::plan`).
        hosts.push(crate::urls::ARCHIVE_HOST.to_string());
        hosts.sort();
        hosts.dedup();
        PagePlan {
            plan: self.plan(ORDINARY_PAGE).for_page_side(),
            hosts,
            query_keys: consent::providers::REQUEST_PARAMS.iter().map(|k| k.to_string()).collect(),
            query_paths: consent::providers::consent_page_paths(),
            path_words: heuristics::HIRING_PATH_WORDS.iter().map(|w| w.to_string()).collect(),
            sort_params: heuristics::SORT_PARAMS.iter().map(|w| w.to_string()).collect(),
            sort_words: heuristics::SORT_SCORES.iter().map(|(w, _, _)| w.to_string()).collect(),
        }
    }

    /// Which service, if any, has `url` as one of its profile pages (URL alone).
    pub fn profile_service(&self, url: &Url<'_>) -> Option<usize> {
        self.page_service(url, false)
    }

    /// Which service, if any, has `url` as its search by name.
    pub fn name_search_service(&self, url: &Url<'_>) -> Option<usize> {
        self.page_service(url, true)
    }

    fn page_service(&self, url: &Url<'_>, name_search: bool) -> Option<usize> {
        // Only services with a pattern on this host or a parent domain can match.
        let mut host = url.host.as_str();
        loop {
            if let Some(ids) = self.profile_hosts.get(host) {
                for &i in ids {
                    let s = &self.services[i];
                    let shapes = if name_search { &s.name_search } else { &s.profile };
                    if shapes.iter().any(|p| p.matches(url))
                        && !s.exclude.iter().any(|p| p.matches(url))
                        && (name_search || !crate::urls::is_site_page(url))
                    {
                        return Some(i);
                    }
                }
            }
            match host.split_once('.') {
                Some((_, parent)) if parent.contains('.') => host = parent,
                _ => return None,
            }
        }
    }

    /// What to look for on `page_url`. An unparsable URL gets the generic plan.
    pub fn plan(&self, page_url: &str) -> ScanPlan {
        let parsed = Url::parse(page_url).ok();
        let host = parsed.as_ref().map(|u| u.host.as_str()).unwrap_or("");
        let mut groups = Vec::new();
        if !self.embed_selector.is_empty() {
            groups.push(SelectorGroup {
                selector: self.embed_selector.clone(),
                kind: "embed".into(),
                filter: None,
                words: self.embed_words.clone(),
                pattern: None,
            });
        }
        for f in self.filter_set.selectors_for(host) {
            if let Some(i) = self.filters.iter().position(|g| g == f) {
                groups.push(SelectorGroup {
                    selector: f.selector.clone(),
                    kind: "filter".into(),
                    filter: Some(i),
                    words: Vec::new(),
                    pattern: None,
                });
            }
        }
        if !self.slot_selector.is_empty() {
            groups.push(SelectorGroup {
                selector: self.slot_selector.clone(),
                kind: "slot".into(),
                filter: None,
                words: self.slot_names.iter().map(|(n, _)| n.clone()).collect(),
                pattern: None,
            });
        }
        groups.push(SelectorGroup {
            selector: heuristics::NAMED_VALUE_SELECTOR.into(),
            kind: "named".into(),
            filter: None,
            words: Vec::new(),
            pattern: None,
        });
        // A recruiting tool's page: its lone percentages too (`heuristics::applicants_match`).
        let hiring = parsed.as_ref().is_some_and(|u| crate::urls::path_has_word(u.path, heuristics::HIRING_PATH_WORDS));
        let text_hints = if hiring { format!("{}|%", self.text_hints) } else { self.text_hints.clone() };
        // Last, so elements already found by a rule are not sent twice.
        groups.push(SelectorGroup {
            selector: text_hints,
            kind: "text".into(),
            filter: None,
            words: Vec::new(),
            pattern: None,
        });
        // A web archive's copy of a person's page is still about that person.
        let original = (host == crate::urls::ARCHIVE_HOST).then(|| crate::urls::archived_original(page_url)).flatten();
        let about = match &original {
            Some(o) => Url::parse(o).ok(),
            None => parsed.clone(),
        };
        let profile = about.as_ref().and_then(|u| self.profile_service(u));
        let name_search =
            if profile.is_none() { about.as_ref().and_then(|u| self.name_search_service(u)) } else { None };
        let confirm: Vec<String> =
            profile.or(name_search).map(|i| self.services[i].confirm.clone()).unwrap_or_default();
        let removal_links = if name_search.is_some() || !confirm.is_empty() {
            signals::REMOVAL_LINKS.to_string()
        } else {
            String::new()
        };
        ScanPlan {
            id: self.plan_id,
            groups,
            profile: profile.map(|i| self.services[i].id.clone()),
            name_search: name_search.map(|i| self.services[i].id.clone()),
            confirm,
            removal_links,
            consent: consent::recognise(page_url).is_some(),
            text_context: TEXT_CONTEXT,
            card: card_limits(),
            display_chars: display_chars(),
            list_hints: self.list_hints.clone(),
            list_pattern: None,
            rare_query: String::new(),
            list_route: heuristics::sorted_by(page_url).map(|(_, label, _)| label.to_string()).unwrap_or_default(),
        }
    }

    /// Decides which candidates are findings. `page` is what the page says about itself;
    /// it matters only when the plan asked for it (`removal_links` not empty).
    pub fn findings(
        &self,
        page_url: &str,
        plan: &ScanPlan,
        candidates: &[Candidate],
        page: &PageSignals,
    ) -> Vec<Finding> {
        let mut out = Vec::new();
        let page_level = |kind: &str, id: &String| Finding {
            kind: kind.into(),
            service: Some(id.clone()),
            candidate: None,
            evidence: page_url.chars().take(300).collect(),
        };
        if let Some(id) = &plan.profile {
            if plan.confirm.is_empty() || page.confirm_selector {
                out.push(page_level("profile", id));
            }
        } else if let Some(id) = &plan.name_search {
            // Results for a name: the person may be on it; one person's page is a profile.
            out.push(page_level(if page.about_one_person() { "profile" } else { "listing" }, id));
        }
        let page_host = Url::parse(page_url).map(|u| u.host).unwrap_or_default();
        for c in candidates.iter().take(MAX_CANDIDATES) {
            if let Some(f) = self.judge(c, plan, page_url, &page_host) {
                out.push(f);
            }
        }
        out
    }

    fn judge(&self, c: &Candidate, plan: &ScanPlan, page_url: &str, page_host: &str) -> Option<Finding> {
        let group = plan.groups.get(c.group)?;
        if group.kind == "text" {
            return self.judge_text(c, page_url);
        }
        if group.kind == "slot" {
            // A slot that says more than its value ("Kred Influence Score 812 / 1000" in
            // `<p class="kred">`) is read as the text it is.
            return self.judge_slot(c).or_else(|| self.judge_text(c, page_url));
        }
        if group.kind == "named" {
            // "Karma: 12" in <li class="karma">: the text says it, as for any text hit.
            return self.judge_named(c, page_url).or_else(|| self.judge_text(c, page_url));
        }
        if let Some(fi) = group.filter {
            let f = self.filters.get(fi)?;
            if !f.applies_to(page_host) || !f.text_matches(&c.text) {
                return None;
            }
            let service = self.filter_owner.get(fi).copied().flatten().map(|i| self.services[i].id.clone());
            return Some(Finding {
                kind: "widget".into(),
                service,
                candidate: Some(c.id),
                evidence: format!("matches rule {}", f.raw),
            });
        }
        let (attr, patterns_of): (&str, fn(&ServiceRules) -> &[UrlPattern]) = if c.tag == "a" {
            ("href", |s| &s.score_links)
        } else {
            let attr = EMBED_TAGS.iter().find(|(t, _)| *t == c.tag)?.1;
            (attr, |s| &s.embeds)
        };
        let raw = c.get(attr)?;
        let url = Url::parse(raw).ok()?;
        let framed = matches!(c.tag.as_str(), "iframe" | "script" | "object" | "embed");
        let service = self.services.iter().find(|s| {
            (patterns_of(s).iter().any(|p| p.matches(&url)) || (framed && s.scorer_embeds.iter().any(|p| p.matches(&url))))
                // A link to the service's own non-profile pages (home, sign-up) is no score.
                && !(c.tag == "a" && s.exclude.iter().any(|p| p.matches(&url)))
        })?;
        if c.tag == "a" && !looks_like_score_link(c) {
            return None;
        }
        // The image inside is the service's own badge: it is the finding, not the link.
        let image_is_badge = c
            .image_src
            .as_deref()
            .and_then(|src| Url::parse(src).ok())
            .is_some_and(|img| service.embeds.iter().any(|p| p.matches(&img)));
        if c.tag == "a" && image_is_badge {
            return None;
        }
        let evidence = format!("<{} {}=\"{}\">", c.tag, attr, raw.chars().take(200).collect::<String>());
        Some(Finding { kind: "widget".into(), service: Some(service.id.clone()), candidate: Some(c.id), evidence })
    }
}

impl Engine {
    /// The consent-screen finding for `page_url`, with what the page itself shows.
    pub fn consent(&self, page_url: &str, page_text: Option<&str>) -> Option<(Finding, consent::Explanation)> {
        self.consent_with(page_url, page_text, &self.records)
    }

    /// [`Engine::consent`], explained with `records` (the full catalog, when the engine was
    /// built from [`Catalog::embedded_rules`], which carries no permissions or ways out).
    pub fn consent_with(
        &self,
        page_url: &str,
        page_text: Option<&str>,
        records: &[Record],
    ) -> Option<(Finding, consent::Explanation)> {
        let mut req = consent::recognise(page_url)?;
        if let Some(text) = page_text {
            req = req.with_page_text(text);
        }
        let e = consent::explain(&req, records);
        let finding = Finding {
            kind: "consent".into(),
            service: e.service.clone(),
            candidate: None,
            evidence: format!("{} sign-in on {}", e.provider_name, e.host),
        };
        Some((finding, e))
    }

    /// A value whose element names it ("reputation-score"), beside a person.
    fn judge_named(&self, c: &Candidate, page_url: &str) -> Option<Finding> {
        let names = ["class", "id", "title"].iter().filter_map(|a| c.get(a)).collect::<Vec<_>>().join(" ");
        let display = heuristics::named_value(&names, &c.text)?;
        heuristics::is_about_a_person(&display, &surroundings(c, page_url)).then(|| Finding {
            kind: "score".into(),
            service: None,
            candidate: Some(c.id),
            evidence: format!(
                "{} {}: <{} class=\"{}\">",
                display.label,
                display.value,
                c.tag,
                c.get("class").unwrap_or("")
            ),
        })
    }

    /// A score display: of a catalogued service when its name is its label or stands beside
    /// the value (a server-rendered badge, "Klout: 63"), else of an unknown service when it
    /// scores a person.
    fn judge_text(&self, c: &Candidate, page_url: &str) -> Option<Finding> {
        let shown = c.text.chars().take(120).collect::<String>();
        if let Some(display) = heuristics::score_display(&c.text) {
            // A catalogued service's own display names it right before the label ("Kred Influence
            // Score", "Klout Score"); a name elsewhere ("Emma Hunter · Influence score") is not it.
            let label = display.label.to_lowercase();
            let service = self
                .names
                .iter()
                .find(|(name, _)| label.starts_with(name.as_str()) || ends_with_word(&display.prefix, name))
                .map(|(_, i)| self.services[*i].id.clone());
            let evidence = format!("{} {}: \"{shown}\"", display.label, display.value);
            // Or its logo does: a scorer's box that names it only by an image (`peer-index.jpg`,
            // `alt="Peer-index"` over "Overall Score 16"; src/heuristics-sources.md §26).
            let service = service.or_else(|| self.scorer_by_logo(c).map(|i| self.services[i].id.clone()));
            if service.is_some() {
                return Some(Finding { kind: "widget".into(), service, candidate: Some(c.id), evidence });
            }
            if heuristics::is_about_a_person(&display, &surroundings(c, page_url)) {
                return Some(Finding { kind: "score".into(), service: None, candidate: Some(c.id), evidence });
            }
        }
        let entry = c.card.as_ref().filter(|card| card.entry).map(|card| card.text.as_str());
        if let Some(display) = entry.and_then(|entry| heuristics::ranking_display(&c.text, entry)) {
            if heuristics::is_about_a_person(&display, &surroundings(c, page_url)) {
                let evidence = format!("{} {}: \"{shown}\"", display.label, display.value);
                return Some(Finding { kind: "score".into(), service: None, candidate: Some(c.id), evidence });
            }
        }
        let sorted = entry.and_then(|entry| Some((entry, heuristics::sorted_display(page_url, &c.text, entry)?)));
        if let Some((entry, display)) = sorted {
            if heuristics::is_about_a_person(&display, &surroundings(c, page_url)) {
                let entry: String = entry.chars().take(120).collect();
                let evidence = format!("{} {}: \"{entry}\"", display.label, display.value);
                return Some(Finding { kind: "score".into(), service: None, candidate: Some(c.id), evidence });
            }
        }
        // The card is gathered only for a lone percentage: most texts reaching here are not one.
        let applicants = heuristics::lone_percentage(&c.text)
            .and_then(|percentage| heuristics::applicants_match(percentage, &surroundings(c, page_url)));
        if let Some(display) = applicants {
            let evidence = format!("{} {}: \"{shown}\"", display.label, display.value);
            return Some(Finding { kind: "score".into(), service: None, candidate: Some(c.id), evidence });
        }
        // A scorer's logo beside "Score … 16", or its name beside the value ("Klout: 63").
        let (i, value) = self
            .scorer_by_logo(c)
            .and_then(|i| Some((i, heuristics::value_after_score_word(&c.text)?)))
            .or_else(|| {
            self.scorer_names.iter().find_map(|(name, i)| Some((*i, heuristics::value_beside_name(&c.text, name)?)))
        })?;
        Some(Finding {
            kind: "widget".into(),
            service: Some(self.services[i].id.clone()),
            candidate: Some(c.id),
            evidence: format!("{} {value}: \"{shown}\"", self.records[i].name),
        })
    }

    /// The influence scorer whose name an image in the display's card spells, in its `alt`,
    /// file name or class, with any punctuation between its words ("Peer-index", `kred.png`).
    fn scorer_by_logo(&self, c: &Candidate) -> Option<usize> {
        let card = c.card.as_ref()?;
        card.images.iter().find_map(|image| {
            let words: Vec<String> = image
                .split(|ch: char| !ch.is_alphanumeric())
                .filter(|w| !w.is_empty())
                .map(str::to_lowercase)
                .collect();
            // Up to three words joined spell a name: "peer" + "index".
            let spells = |name: &str| {
                (0..words.len()).any(|from| {
                    let mut joined = String::new();
                    words[from..].iter().take(3).any(|w| {
                        joined.push_str(w);
                        joined == name
                    })
                })
            };
            self.slot_names.iter().find(|(name, _)| spells(name)).map(|(_, i)| *i)
        })
    }
}

/// What surrounds a text candidate, for telling a person's score from a thing's.
fn surroundings(c: &Candidate, page_url: &str) -> heuristics::Context {
    let card = c.card.clone().unwrap_or_default();
    heuristics::Context {
        text: if card.text.is_empty() { c.text.clone() } else { card.text },
        links: card.links,
        images: card.images,
        page_url: page_url.to_string(),
        columns: card.columns,
    }
}

impl Engine {
    /// An element named after a scorer is its widget when it holds a value or waits for one
    /// (a script fills it in), or declares the scorer's CMS widget; a named block of prose is not.
    fn judge_slot(&self, c: &Candidate) -> Option<Finding> {
        let attr = |k: &str| c.get(k).unwrap_or("").to_ascii_lowercase();
        let (id, class) = (attr("id"), attr("class"));
        let declares = format!("{} {}", attr("codebase"), attr("classid"));
        // Which scorer the selector matched for, by the same rule as `slot_selector`.
        let score_slot = |n: &str| [&id, &class].iter().any(|v| v.contains(n) && v.contains("score"));
        let declared = |n: &str| c.tag == "object" && declares.contains(n);
        let class_as_written = c.get("class").unwrap_or("");
        let named = |n: &str| class_as_written.split_ascii_whitespace().any(|word| word == n);
        let (n, i) = self.slot_names.iter().find(|(n, _)| score_slot(n) || declared(n) || named(n))?;
        // A class that is only the scorer's name also styles its share button and its logo
        // (`<li class="klout"><a href=…>`): it holds a score only when it shows a number.
        let by_name_alone = !score_slot(n) && !declared(n);
        // A form's field is filled in by the reader: a search filter's "Klout score from" box.
        if matches!(c.tag.as_str(), "input" | "select" | "textarea" | "option") {
            return None;
        }
        let text = c.text.trim();
        // Empty (a script fills it in) or a short value; "N/A" or a word is no score. An empty
        // slot the page hides waits for nothing: an error state ("Unable to get klout id").
        let value_like = (text.is_empty() && !c.hidden && !by_name_alone)
            || (text.chars().count() <= 12 && text.chars().any(|ch| ch.is_ascii_digit()));
        if !(c.tag == "object" || value_like) {
            return None;
        }
        let named = c.attrs.iter().find(|(k, _)| k == "id" || k == "class").map(|(k, v)| format!(" {k}=\"{v}\""));
        Some(Finding {
            kind: "widget".into(),
            service: Some(self.services[*i].id.clone()),
            candidate: Some(c.id),
            evidence: format!("<{}{}>{}", c.tag, named.unwrap_or_default(), text.chars().take(40).collect::<String>()),
        })
    }
}

/// Words for the page side, `|`-separated. Pages compare them with ASCII letters folded only:
/// a word in another alphabet is looked for as written and capitalised too ("Репутация: 23"
/// starts a line).
fn page_words(mut words: Vec<String>) -> String {
    let capitalised: Vec<String> = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(|c| !c.is_ascii() && c.is_lowercase()))
        .map(|w| heuristics::capitalise(w))
        .collect();
    words.extend(capitalised);
    words.join("|")
}

/// Score slots and CMS widget declarations of one scorer (`n`: its name, letters and digits).
fn slot_selector(n: &str) -> String {
    format!(
        "[id*=\"{n}\" i][id*=\"score\" i],[class*=\"{n}\" i][class*=\"score\" i],object[codebase*=\"{n}\" i],object[classid*=\"{n}\" i]{}",
        class_word(n).map(|w| format!(",{w}")).unwrap_or_default()
    )
}

/// An element whose class has a scorer's name as one of its words (`<p class="kred">`): a class
/// selector, which a page matches much faster than an attribute test. Names are lower-case
/// letters and digits, and the word is compared as written (`judge_slot`), so a quirks-mode page,
/// whose class selectors ignore case, finds nothing more.
fn class_word(n: &str) -> Option<String> {
    // A class selector cannot begin with a digit unescaped; no scorer's name does.
    n.starts_with(|c: char| c.is_ascii_alphabetic()).then(|| format!(".{n}"))
}

fn ends_with_word(text: &str, word: &str) -> bool {
    text.strip_suffix(word).is_some_and(|rest| rest.chars().next_back().is_none_or(|c| !c.is_alphanumeric()))
}

/// A link is a score widget when it shows a badge or a score, not when it is a plain
/// mention or a follow/share button.
fn looks_like_score_link(c: &Candidate) -> bool {
    let text = c.text.trim().to_lowercase();
    // A badge image, the word "score", or the bare score as the whole link text ("63", "97 %",
    // "63/100": Twitter Grader's percentile, src/heuristics-sources.md §15); not a handle with
    // digits in it or a follower count.
    let number = |t: &str| !t.is_empty() && t.len() <= 5 && t.bytes().all(|b| b.is_ascii_digit() || b == b'.');
    let out_of = |t: &str| {
        t.split_once('/').is_some_and(|(v, of)| {
            number(v) && !of.is_empty() && of.len() <= 3 && of.bytes().all(|b| b.is_ascii_digit())
        })
    };
    let bare_score = number(&text) || text.strip_suffix('%').is_some_and(|v| number(v.trim_end())) || out_of(&text);
    // A README's autolinked address of a person's score page ("http://klout.com/#/jane").
    let own_address = !text.is_empty() && c.get("href").is_some_and(|href| bare_address(href) == bare_address(&text));
    // "Klout Score" labels a badge; "their Klout score" or "your Klout score" is a sentence
    // talking about one (a how-to post), with no score to show.
    let names_a_score = heuristics::contains_word(&text, "score")
        && !text.split_whitespace().next().is_some_and(|w| PROSE_DETERMINERS.contains(&w));
    c.has_image || names_a_score || bare_score || own_address
}

const PROSE_DETERMINERS: &[&str] = &["their", "your", "his", "her", "our", "the", "a", "whose", "its"];

/// An address without its scheme, trailing slashes and case, as `bareAddress` in
/// extension/content.js reads it.
fn bare_address(url: &str) -> String {
    let url = url.trim().trim_end_matches('/');
    let scheme = url.split_once("://").filter(|(s, _)| {
        s.starts_with(|c: char| c.is_ascii_alphabetic())
            && s.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '.' | '-'))
    });
    scheme.map_or(url, |(_, rest)| rest).to_lowercase()
}

/// One selector for every URL-bearing element pointing at a catalogued widget host.
/// `*="klout.com"` also finds `widgets.klout.com`: a host under another listed one adds
/// nothing but matching time on every page.
fn embed_words(hosts: &[String]) -> Vec<String> {
    let covered = |h: &String| hosts.iter().any(|o| o != h && h.ends_with(&format!(".{o}")));
    hosts.iter().filter(|h| !covered(h)).cloned().collect()
}

fn embed_selector(hosts: &[String]) -> String {
    let mut parts = Vec::new();
    for h in hosts {
        for (tag, attr) in EMBED_TAGS.iter().chain(&[("a", "href")]) {
            parts.push(format!("{tag}[{attr}*=\"{h}\" i]"));
        }
    }
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn engine() -> Engine {
        EngineBuilder::new(Catalog::embedded()).build()
    }

    #[test]
    fn klout_badge_iframe_is_a_widget() {
        let e = engine();
        let plan = e.plan("http://127.0.0.1:8000/blog.html");
        assert!(plan.groups[0].selector.contains("iframe[src*=\"klout.com\" i]"));
        let c = Candidate::new(7, "iframe").attr("src", "http://widgets.klout.com/badge/jack");
        let f = e.findings("http://127.0.0.1:8000/blog.html", &plan, &[c], &Default::default());
        assert_eq!(f.len(), 1);
        assert_eq!((f[0].kind.as_str(), f[0].service.as_deref(), f[0].candidate), ("widget", Some("klout"), Some(7)));
    }

    /// What the engine finds in `html` served at `url`, the page side being the native scan.
    fn found_in(e: &Engine, url: &str, html: &str) -> Vec<Finding> {
        let plan = e.plan(url);
        let (candidates, page) = crate::html::collect(html, &plan);
        e.findings(url, &plan, &candidates, &page)
    }

    #[test]
    fn a_score_slot_is_a_display_and_a_filter_field_is_not() {
        let e = engine();
        let found = |html: &str| found_in(&e, "https://crm.example.org/contact/search", html).len();
        assert_eq!(found(r#"<p>Influence: <span id="klout_score">54</span></p>"#), 1);
        // A search form's range of scores to look for holds no one's score.
        assert_eq!(found(r#"<label>Klout Score</label> From <input id="network_klout_score_low" type="text">"#), 0);
    }

    #[test]
    fn a_class_named_after_a_scorer_holds_its_score_only_with_a_number() {
        let e = engine();
        let found = |html: &str| found_in(&e, "https://app.example.org/followers", html);
        let badge = found(r#"<p class="kred"><img src="/img/Kred_Logo.png"> 712/6</p>"#);
        assert_eq!(badge.iter().map(|f| f.service.as_deref()).collect::<Vec<_>>(), [Some("kred")]);
        // A share bar styles each network's button by its name: no score, nothing to fill in.
        assert!(
            found(r#"<ul class="share"><li class="klout"><a href="https://klout.com/jdoe"></a></li></ul>"#).is_empty()
        );
        assert!(found(r#"<p class="kred"><img src="/img/Kred_Logo.png"> N/A</p>"#).is_empty());
        // A word of the class, not a part of one, and as written: a quirks-mode page's class
        // selector ignores case, the name's word does not.
        assert!(found(r#"<span class="kredit">712</span>"#).is_empty());
        assert!(found(r#"<span class="Kred">712</span>"#).is_empty());
    }

    #[test]
    fn page_pattern_folds_ascii_letters_only() {
        let [ascii, other, letters] = page_pattern(["Score", "", "kred.ly", "éput", "Репутац", "积分"]);
        assert_eq!(ascii, r"score|kred\.ly");
        // "Р" is not folded: the engine folds ASCII letters only.
        assert_eq!(other, "é[pP][uU][tT]|Репутац|积分");
        assert_eq!(letters, "[éРепутац积分]");
        assert_eq!(page_pattern([""]), [String::new(), String::new(), String::new()]);
        assert_eq!(page_pattern(["score"])[2], "");
    }

    #[test]
    fn a_scorers_logo_names_the_score_beside_it() {
        let e = engine();
        let found = |html: &str| {
            found_in(&e, "https://hire.example.com/users/profile", html)
                .iter()
                .map(|f| format!("{}:{:?}", f.kind, f.service))
                .collect::<Vec<_>>()
        };
        let boxed = |logo: &str, score: &str| {
            format!(
                r#"<div class="box"><p><img alt="{logo}" src="/assets/{logo}.jpg"></p><div><h2>Overall Score</h2><div>{score}</div></div></div>"#
            )
        };
        assert_eq!(found(&boxed("Peer-index", "Peerbox <h1>16</h1>")), ["widget:Some(\"peerindex\")"]);
        assert_eq!(found(&boxed("kred", "<b>812</b>")), ["widget:Some(\"kred\")"]);
        // A logo wall with no number, and a logo whose word only starts like a scorer's name.
        assert!(found(
            r#"<div><img alt="Klout" src="/k.png"><img alt="Kred" src="/kr.png"> Influence Scoring: Connect Now</div>"#
        )
        .is_empty());
        assert!(found(&boxed("kredit-card", "Peerbox <h1>16</h1>")).is_empty());
    }

    #[test]
    fn plain_link_is_not_a_widget_but_score_link_is() {
        let e = engine();
        let plan = e.plan("https://example.org/");
        let plain = Candidate::new(1, "a").attr("href", "https://klout.com/jack").text("my profile");
        let score = Candidate::new(2, "a").attr("href", "https://klout.com/jack").text("Jack has a Klout score of 63");
        let home = Candidate::new(3, "a").attr("href", "https://klout.com/").text("Klout score");
        let f = e.findings("https://example.org/", &plan, &[plain, score, home], &Default::default());
        assert_eq!(f.iter().map(|f| f.candidate).collect::<Vec<_>>(), [Some(2)]);
        // A percentile or a score out of a hundred as the whole link text is the score too; a
        // count of followers, or a year, is not.
        let link = |id, text| Candidate::new(id, "a").attr("href", "http://twitter.grader.com/jack").text(text);
        let links =
            [link(4, "97 %"), link(5, "63/100"), link(6, "97%"), link(7, "1,204 followers"), link(8, "since 2009")];
        let f = e.findings("https://example.org/", &plan, &links, &Default::default());
        assert_eq!(f.iter().map(|f| f.candidate).collect::<Vec<_>>(), [Some(4), Some(5), Some(6)]);
        // A README's autolinked address of a person's score page; not another address as text.
        let address = |id, href, text| Candidate::new(id, "a").attr("href", href).text(text);
        let links = [
            address(9, "http://klout.com/#/jack", "http://klout.com/#/jack"),
            address(10, "https://klout.com/Jack/", "klout.com/jack"),
            address(11, "https://klout.com/jack", "https://klout.com/jill"),
            address(12, "https://klout.com/", "https://klout.com/"),
        ];
        let f = e.findings("https://example.org/", &plan, &links, &Default::default());
        assert_eq!(f.iter().map(|f| f.candidate).collect::<Vec<_>>(), [Some(9), Some(10)]);
        // A label on a badge link, not a how-to post's "their Klout score" in a sentence.
        let links = [
            address(13, "https://klout.com/jack", "My Klout Score"),
            address(14, "http://klout.com/#/jack", "their Klout score"),
            address(15, "https://klout.com/jack", "Your Klout Score"),
        ];
        let f = e.findings("https://example.org/", &plan, &links, &Default::default());
        assert_eq!(f.iter().map(|f| f.candidate).collect::<Vec<_>>(), [Some(13)]);
    }

    #[test]
    fn a_sites_own_pages_are_no_profiles() {
        let e = engine();
        let profile = |u: &str| e.plan(u).profile;
        assert_eq!(profile("https://people-background-check.com/a1b2c3d4").as_deref(), Some("people-background-check"));
        assert_eq!(profile("https://people-background-check.com/privacy-policy"), None);
        assert_eq!(profile("https://people-background-check.com/About.html"), None);
        assert_eq!(profile("https://twittercounter.com/faq"), None);
    }

    #[test]
    fn profile_page_is_page_level() {
        let e = engine();
        let plan = e.plan("https://klout.com/jack");
        assert_eq!(plan.profile.as_deref(), Some("klout"));
        let f = e.findings("https://klout.com/jack", &plan, &[], &Default::default());
        assert_eq!(f[0].kind, "profile");
        assert_eq!(e.plan("https://klout.com/corp/optout").profile, None);
    }

    #[test]
    fn an_archived_copy_is_judged_by_the_page_it_copies() {
        let e = engine();
        let copy = "https://web.archive.org/web/20130601000000/http://klout.com/jack";
        assert_eq!(e.plan(copy).profile.as_deref(), Some("klout"));
        assert!(e.page_plan().needs_engine(copy), "the page side must ask about archive pages");
        let search = "https://web.archive.org/web/2020/https://www.truepeoplesearch.com/results?name=Jane%20Doe";
        assert_eq!(e.plan(search).name_search.as_deref(), Some("truepeoplesearch"));
        assert_eq!(e.plan("https://web.archive.org/web/*/klout.com/jack*").profile, None);
        assert_eq!(e.plan("https://web.archive.org/web/2013/http://klout.com/corp/optout").profile, None);
    }

    #[test]
    fn hostile_candidates_are_ignored() {
        let e = engine();
        let plan = e.plan("not a url");
        let junk = [Candidate::new(0, "iframe"), Candidate { group: 99, ..Candidate::new(1, "img").attr("src", "::") }];
        let confirmed = PageSignals { confirm_selector: true, ..PageSignals::default() };
        assert!(e.findings("not a url", &plan, &junk, &confirmed).is_empty());
    }
}
