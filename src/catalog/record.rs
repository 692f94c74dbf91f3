//! The shape of one catalog record: one service that scores or profiles people.
//!
//! Records are written by hand as TOML in `src/catalog/services/<id>.toml` (see `src/catalog/README.md`),
//! checked by `unscored catalog lint`, and compiled into the engine by `build.rs`. Unknown
//! fields are rejected so a typo never silently drops a fact.
//!
//! This file is also compiled by `build.rs` (through `#[path]`), so it depends on serde only.
//! The embedded form is postcard, which is not self-describing: never skip a field when
//! serialising (`skip_serializing_if`), or the bytes stop decoding.

use serde::{Deserialize, Serialize};

/// One service. Every fact section names the sources (by `Source::id`) that support it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Record {
    /// Slug, unique across the catalog, equal to the file name without `.toml`.
    pub id: String,
    pub name: String,
    /// One of [`CATEGORIES`].
    pub category: String,
    /// `active`, `defunct` or `unknown`.
    pub status: String,
    /// For defunct services: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default)]
    pub defunct_since: Option<String>,
    /// What happened to the data when the service closed, where known.
    #[serde(default)]
    pub data_disposal: Option<String>,
    /// Registrable domains the service operates on. A domain belongs to one service only.
    pub domains: Vec<String>,
    /// One or two plain sentences: what it is, for a person who never heard of it.
    pub description: String,
    /// Owner or parent company, where it matters (e.g. acquired services).
    #[serde(default)]
    pub owner: Option<String>,
    /// `YYYY-MM-DD`: when a person last checked these facts against the sources.
    pub last_checked: String,
    #[serde(default)]
    pub profile_pages: Option<ProfilePages>,
    #[serde(default)]
    pub widgets: Option<Widgets>,
    #[serde(default)]
    pub score: Option<Score>,
    pub provenance: Provenance,
    #[serde(default)]
    pub permissions: Vec<AppPermissions>,
    pub opt_out: OptOut,
    pub sources: Vec<Source>,
}

/// Pages of the service that are about one person.
///
/// Patterns are `host/path`: the host may start with `*.` (any subdomain, and the bare
/// domain); in the path `*` matches within one segment and `**` matches any number of
/// segments. Query and fragment are ignored. `www.` is ignored on both sides.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfilePages {
    /// Each pattern with the sources where its URL shape was seen.
    pub patterns: Vec<ProfilePattern>,
    /// Pages on the same site that the patterns would otherwise catch (search, about, ...).
    #[serde(default)]
    pub exclude: Vec<String>,
    /// CSS selectors of which one must be present to confirm a profile, when the URL alone
    /// is ambiguous. Empty: the URL is enough.
    #[serde(default)]
    pub confirm_selectors: Vec<String>,
    /// Real-shaped profile URLs the patterns must match (a pattern that is not a search).
    #[serde(default)]
    pub examples: Vec<String>,
    /// Real-shaped URLs of the site's searches (by name, phone, e-mail or address) that its
    /// `name_search` patterns must match, and no other pattern.
    #[serde(default)]
    pub search_examples: Vec<String>,
    /// Real-shaped URLs on the same site the patterns must not match.
    pub not_examples: Vec<String>,
    pub sources: Vec<String>,
}

/// One URL shape of the service's person pages and where it was seen: the pattern carries its
/// own sources, because shapes (a `/p/` prefix, a record id, a query-string page) come and go.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProfilePattern {
    pub pattern: String,
    /// Ids of `[[sources]]` where a real URL of this shape was seen.
    pub seen: Vec<String>,
    /// The shape is one of the site's searches (the sources call it a search): by name, or a
    /// reverse lookup of a phone number, e-mail or street address. Its pages list the people
    /// found, and are a person's page only when the page says so.
    #[serde(default)]
    pub name_search: bool,
}

/// How the service's widgets and badges show up on other sites.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Widgets {
    /// URL patterns (same syntax as profile patterns) of embedded iframes, scripts, images,
    /// objects that are score widgets.
    #[serde(default)]
    pub embeds: Vec<String>,
    /// URL patterns of links that show or point at a person's score (not the home page).
    #[serde(default)]
    pub score_links: Vec<String>,
    /// Cosmetic filters in uBlock Origin syntax (`##.badge`, `example.com##.badge`) for
    /// known markup.
    #[serde(default)]
    pub filters: Vec<String>,
    /// Real embed codes, as published by the service or seen in the wild.
    #[serde(default)]
    pub examples: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Score {
    pub name: String,
    /// e.g. `1-100`, `0-1000`, `A+ to F`, `unknown`.
    pub scale: String,
    /// `yes`, `partly`, `no` or `unknown`.
    pub method_disclosed: String,
    #[serde(default)]
    pub notes: Option<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Provenance {
    /// Kinds from [`DATA_SOURCE_KINDS`]; `unknown` when the service does not say.
    pub data_sources: Vec<String>,
    /// Does it build profiles of people who never signed up? `yes`, `no` or `unknown`.
    pub profiles_non_users: String,
    /// `opt-in`, `opt-out`, `none` or `unknown`.
    pub consent_model: String,
    #[serde(default)]
    pub notes: Option<String>,
    pub sources: Vec<String>,
}

/// What one of the service's connect/login apps asks an identity provider for.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AppPermissions {
    /// One of [`PROVIDERS`].
    pub provider: String,
    /// The app's name as the consent screen shows it.
    pub app: String,
    /// `sign-in`, `connect`, `opt-out`, or `extension` (with the `browser-extension` provider).
    pub purpose: String,
    /// What the consent screen listed, in its own words.
    #[serde(default)]
    pub requested: Vec<String>,
    /// OAuth scope names, where known.
    #[serde(default)]
    pub scopes: Vec<String>,
    /// Hosts of the app's redirect/callback URL, used to recognise the app on consent screens.
    #[serde(default)]
    pub callback_hosts: Vec<String>,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OptOut {
    /// `yes`, `no` (no opt-out exists: say so with a source) or `unknown`.
    pub available: String,
    /// https URL where the opt-out starts.
    #[serde(default)]
    pub url: Option<String>,
    /// Kinds from [`OPT_OUT_METHODS`].
    #[serde(default)]
    pub methods: Vec<String>,
    /// Kinds from [`REQUIREMENTS`].
    #[serde(default)]
    pub requirements: Vec<String>,
    /// Ordered steps a person follows.
    #[serde(default)]
    pub steps: Vec<String>,
    /// Expected processing time, as the service states it, or `unknown`.
    pub processing_time: String,
    #[serde(default)]
    pub caveats: Vec<String>,
    /// Account deletion, where it differs from the opt-out.
    #[serde(default)]
    pub deletion_url: Option<String>,
    #[serde(default)]
    pub privacy_email: Option<String>,
    /// One of [`DIFFICULTIES`].
    pub difficulty: String,
    pub sources: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// Short handle that fact sections cite, unique within the record.
    pub id: String,
    /// https URL of the page. Omit only for a document without a stable address, and say
    /// which document in `title`.
    #[serde(default)]
    pub url: Option<String>,
    pub title: String,
    /// What this source supports, in a few words.
    pub supports: String,
}

pub const CATEGORIES: &[&str] =
    &["influence-score", "reputation", "people-search", "contact-data", "creator-analytics", "face-search"];

pub const STATUSES: &[&str] = &["active", "defunct", "unknown"];

pub const DATA_SOURCE_KINDS: &[&str] = &[
    "public-posts",
    "connected-accounts",
    "social-graph-via-others",
    "public-records",
    "purchased-data",
    "uploaded-contact-books",
    "scraped-profiles",
    "web-crawl",
    "photos",
    "user-submitted",
    "partner-data",
    "unknown",
];

/// Identity providers, plus `browser-extension`: an extension the service publishes, whose
/// `scopes` are its manifest permissions and `requested` the install prompt's warnings.
pub const PROVIDERS: &[&str] = &[
    "x",
    "facebook",
    "instagram",
    "google",
    "linkedin",
    "github",
    "microsoft",
    "tiktok",
    "twitch",
    "pinterest",
    "salesforce",
    "hubspot",
    "browser-extension",
];

/// `extension` goes with the `browser-extension` provider only.
pub const PURPOSES: &[&str] = &["sign-in", "connect", "opt-out", "extension"];

pub const OPT_OUT_METHODS: &[&str] =
    &["web-form", "email", "account-deletion", "social-login", "mail", "phone", "in-app"];

pub const REQUIREMENTS: &[&str] =
    &["none", "email", "phone", "government-id", "payment", "account", "social-login", "profile-url", "captcha"];

pub const DIFFICULTIES: &[&str] = &["easy", "medium", "hard", "impossible", "limited", "unknown"];

pub const YES_NO_UNKNOWN: &[&str] = &["yes", "no", "unknown"];
pub const DISCLOSURE: &[&str] = &["yes", "partly", "no", "unknown"];
pub const CONSENT_MODELS: &[&str] = &["opt-in", "opt-out", "none", "unknown"];
