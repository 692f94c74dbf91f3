//! Consent screens: what an app will get when you click Allow, in plain words.
//!
//! [`recognise`] tells whether a URL is an OAuth / OpenID Connect consent screen of one of
//! the big identity providers (X, Facebook, Instagram, Google, LinkedIn, GitHub,
//! Microsoft), or a page on another host that copies one (a possible fake sign-in page).
//! [`explain`] turns the request into plain sentences with a risk level per permission,
//! names the catalogued scoring or profiling service behind the app when the redirect
//! address belongs to one, flags permissions an opt-out does not need, and says where to
//! revoke access afterwards. [`render_text`] is what `unscored explain URL` prints.
//!
//! Everything here is pure and total: any input string gives an answer, never a panic.
//!
//! ```
//! use unscored::consent::{explain, recognise};
//! let url = "https://twitter.com/i/oauth2/authorize?response_type=code&client_id=abc\
//!            &redirect_uri=https%3A%2F%2Fexample.com%2Fcb&scope=tweet.read%20users.read";
//! let req = recognise(url).unwrap();
//! assert_eq!(req.provider.id(), "x");
//! let e = explain(&req, &[]);
//! assert_eq!(e.scopes.len(), 2);
//! ```

pub mod oauth1;
pub mod providers;
pub mod scopes;

use crate::catalog::record::Record;
use crate::urls::{host_within, Url};
use serde::Serialize;

pub use providers::{Flow, Provider, RevokeLink};
pub use scopes::{Risk, ScopeDef};

/// At most this many scopes are read from one URL; real requests have a handful.
const MAX_SCOPES: usize = 100;
/// Longest scope name kept (characters).
const MAX_SCOPE_LEN: usize = 200;
/// Longest parameter value kept (characters).
const MAX_PARAM_LEN: usize = 2048;

/// A consent request read from a URL.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ConsentRequest {
    /// The provider whose consent screen this is, or imitates when `lookalike`.
    pub provider: Provider,
    pub flow: Flow,
    /// The page documenting the endpoint, where there is one.
    pub endpoint_doc: Option<&'static str>,
    /// The page's host, as written (lower-case).
    pub host: String,
    /// True when the host is not the provider's but copies its sign-in address.
    pub lookalike: bool,
    /// The app's OAuth 2.0 client ID (Facebook/Instagram: app ID).
    pub client_id: Option<String>,
    /// OAuth 1.0a request token (X).
    pub oauth_token: Option<String>,
    /// `redirect_uri` (or OAuth 1.0a `oauth_callback`), decoded.
    pub redirect_uri: Option<String>,
    /// Host of an http(s) redirect URI, lower-case, `www.` dropped.
    pub redirect_host: Option<String>,
    /// Scope names in the order the URL lists them, duplicates removed.
    pub scopes: Vec<String>,
    /// Google `access_type=offline`: the app asks for a refresh token.
    pub offline: bool,
    /// Google `include_granted_scopes=true`: earlier grants to the app are added.
    pub include_granted_scopes: bool,
    /// Microsoft tenant segment (`common`, `organizations`, a tenant ID).
    pub tenant: Option<String>,
    /// Microsoft v1.0 `resource` (the API the app wants a token for).
    pub resource: Option<String>,
    /// The redirect URI's path or query says opt-out / remove / delete.
    pub opt_out_hint: bool,
    /// The app's name as the page shows it, when the caller read it from the page.
    pub app_name: Option<String>,
    /// Permissions read from the page text (X OAuth 1.0a), see [`ConsentRequest::with_page_text`].
    pub page_permissions: Vec<ScopeInfo>,
}

impl ConsentRequest {
    /// Adds what the consent page itself lists (X OAuth 1.0a pages list the app's
    /// permission level in plain lines; the URL does not carry it).
    pub fn with_page_text(mut self, text: &str) -> Self {
        if self.provider == Provider::X && self.flow == Flow::OAuth1 {
            self.page_permissions = oauth1::permissions_from_text(text);
        }
        self
    }

    /// Sets the app name shown on the page (used to match catalogued apps).
    pub fn with_app_name(mut self, name: &str) -> Self {
        let name = name.trim();
        self.app_name = (!name.is_empty()).then(|| truncate_chars(name, 200).to_string());
        self
    }
}

/// One permission, explained.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScopeInfo {
    /// As the URL or page spells it.
    pub name: String,
    /// Plain-language meaning; `None` when Unscored does not know the permission.
    pub meaning: Option<String>,
    pub risk: Risk,
    /// Documentation page for the meaning.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// False when the name is not in the dictionary.
    pub known: bool,
    /// Not in the URL but granted anyway (e.g. the minimum X OAuth 1.0a level).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub implied: bool,
    /// In an opt-out flow: whether opting out needs it (only identity does).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub needed_for_opt_out: Option<bool>,
    /// When the catalog recorded what the matched app asks for: whether this is in it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub recorded: Option<bool>,
}

impl ScopeInfo {
    fn from_def(name: &str, d: &ScopeDef) -> ScopeInfo {
        ScopeInfo {
            name: name.to_string(),
            meaning: Some(d.meaning.to_string()),
            risk: d.risk,
            source: Some(d.source.to_string()),
            known: true,
            implied: false,
            needed_for_opt_out: None,
            recorded: None,
        }
    }

    fn unknown(name: &str) -> ScopeInfo {
        ScopeInfo {
            name: name.to_string(),
            meaning: None,
            risk: Risk::Unknown,
            source: None,
            known: false,
            implied: false,
            needed_for_opt_out: None,
            recorded: None,
        }
    }
}

/// The catalogued service behind a consent request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ServiceMatch {
    /// Catalog record id.
    pub id: String,
    pub name: String,
    pub category: String,
    /// Purpose of the matched app (`sign-in`, `connect`, `opt-out`); `None` when the
    /// record has several apps for this provider that the request cannot tell apart.
    pub purpose: Option<String>,
    /// The app's name as its consent screen shows it.
    pub app: Option<String>,
    /// `callback_host`, `app_name` or `domain`.
    pub via: &'static str,
    /// The catalog entry that matched (a host or app name).
    pub matched: String,
}

/// Permissions asked for in an opt-out flow that opting out does not need.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mismatch {
    /// Why the request counts as an opt-out.
    pub reason: String,
    /// Names of the permissions beyond identity.
    pub unneeded: Vec<String>,
    /// The warning, in plain words.
    pub note: String,
}

/// Everything Unscored says about one consent request.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Explanation {
    /// Always `consent`.
    pub kind: &'static str,
    /// Provider id (`x`, `facebook`, ...).
    pub provider: &'static str,
    pub provider_name: &'static str,
    pub flow: Flow,
    pub endpoint_doc: Option<&'static str>,
    pub host: String,
    pub lookalike: bool,
    /// For lookalikes: the warning to show instead of an explanation.
    pub warning: Option<String>,
    /// The app's name when known (catalog or page), else `None`.
    pub app: Option<String>,
    pub client_id: Option<String>,
    pub redirect_uri: Option<String>,
    pub redirect_host: Option<String>,
    pub scopes: Vec<ScopeInfo>,
    /// The highest risk among the permissions (`unknown` when none can be rated).
    pub risk: Risk,
    /// Catalog id of the service behind the app.
    pub service: Option<String>,
    pub service_match: Option<ServiceMatch>,
    /// The request is part of an opt-out or removal flow.
    pub opt_out_flow: bool,
    pub mismatch: Option<Mismatch>,
    /// Where to review and revoke access (the first of `revoke`).
    pub revoke_url: Option<&'static str>,
    pub revoke: Vec<RevokeLink>,
    /// The service's own caveats from the catalog.
    pub caveats: Vec<String>,
    pub notes: Vec<String>,
    /// Size of Unscored's dictionary for this provider.
    pub scopes_known: usize,
}

/// Reads a consent request from a URL. `None`: not a consent screen Unscored knows (token
/// endpoints, API calls, callbacks, ordinary pages). `Some` with `lookalike` set: a page on
/// another host copying a provider's sign-in address.
pub fn recognise(url: &str) -> Option<ConsentRequest> {
    let u = Url::parse(url).ok()?;
    let m = providers::match_endpoint(&u)?;
    let param = |name: &str| -> Option<String> {
        u.query_value(name).map(|v| truncate_chars(v.trim(), MAX_PARAM_LEN).to_string()).filter(|v| !v.is_empty())
    };
    let redirect_uri = param("redirect_uri").or_else(|| param("oauth_callback"));
    let redirect = redirect_uri.as_deref().and_then(|r| Url::parse(r).ok());
    let redirect_host =
        redirect.as_ref().filter(|r| matches!(r.scheme.as_str(), "http" | "https")).map(|r| r.host.clone());
    let opt_out_hint = redirect.as_ref().is_some_and(|r| says_opt_out(r.path) || says_opt_out(r.query));
    let scopes = param("scope").map(|s| split_scopes(&s)).unwrap_or_default();
    Some(ConsentRequest {
        provider: m.provider,
        flow: m.endpoint.flow,
        endpoint_doc: m.endpoint.doc,
        host: u.full_host.clone(),
        lookalike: m.lookalike,
        client_id: param("client_id").or_else(|| param("app_id")),
        oauth_token: param("oauth_token"),
        redirect_uri,
        redirect_host,
        scopes,
        offline: m.provider == Provider::Google
            && param("access_type").is_some_and(|v| v.eq_ignore_ascii_case("offline")),
        include_granted_scopes: m.provider == Provider::Google
            && param("include_granted_scopes").is_some_and(|v| v.eq_ignore_ascii_case("true")),
        tenant: m.endpoint.tenant(&u).map(|t| truncate_chars(t, 100).to_string()),
        resource: if m.provider == Provider::Microsoft { param("resource") } else { None },
        opt_out_hint,
        app_name: None,
        page_permissions: Vec::new(),
    })
}

/// Scope lists as providers encode them: space (`+`, `%20`) separated, or comma
/// separated (Facebook, Instagram, older LinkedIn and GitHub). No scope name contains a
/// comma or a space, so both separators are accepted everywhere.
fn split_scopes(raw: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for s in raw.split(|c: char| c == ',' || c.is_whitespace()) {
        let s = s.trim();
        if s.is_empty() {
            continue;
        }
        let s = truncate_chars(s, MAX_SCOPE_LEN);
        if !out.iter().any(|o| o == s) {
            out.push(s.to_string());
        }
        if out.len() >= MAX_SCOPES {
            break;
        }
    }
    out
}

/// `optout`, `opt-out`, `opt_out`, `remove`, `delete` anywhere (any case).
fn says_opt_out(s: &str) -> bool {
    let lower = crate::urls::percent_decode(s).to_lowercase();
    ["optout", "opt-out", "opt_out", "remove", "delete"].iter().any(|w| lower.contains(w))
}

/// Finds the catalogued service whose app made the request: first by the redirect host
/// against each record's `permissions[].callback_hosts` (same provider), then by the app
/// name shown on the page, then by the redirect host against the record's `domains`.
/// Subdomains match. Lookalike pages match nothing: their redirect address proves nothing.
pub fn match_service(req: &ConsentRequest, records: &[Record]) -> Option<ServiceMatch> {
    if req.lookalike {
        return None;
    }
    let pid = req.provider.id();
    let host = req.redirect_host.as_deref();
    if let Some(h) = host {
        for r in records {
            let hits: Vec<_> = r
                .permissions
                .iter()
                .filter(|p| p.provider == pid)
                .filter_map(|p| p.callback_hosts.iter().find(|c| host_within(h, &norm_host(c))).map(|c| (p, c)))
                .collect();
            if let Some((_, c)) = hits.first() {
                let perms: Vec<_> = hits.iter().map(|(p, _)| *p).collect();
                return Some(service_match(r, &perms, req, "callback_host", c));
            }
        }
    }
    if let Some(name) = req.app_name.as_deref() {
        for r in records {
            if let Some(p) = r.permissions.iter().find(|p| p.provider == pid && p.app.trim().eq_ignore_ascii_case(name))
            {
                return Some(service_match(r, &[p], req, "app_name", &p.app));
            }
        }
    }
    let h = host?;
    for r in records {
        if let Some(d) = r.domains.iter().find(|d| host_within(h, &norm_host(d))) {
            let perms: Vec<_> = r.permissions.iter().filter(|p| p.provider == pid).collect();
            return Some(service_match(r, &perms, req, "domain", d));
        }
    }
    None
}

fn service_match(
    r: &Record,
    perms: &[&crate::catalog::record::AppPermissions],
    req: &ConsentRequest,
    via: &'static str,
    matched: &str,
) -> ServiceMatch {
    // Several apps of the same service can share a callback host; the redirect address
    // saying opt-out picks the opt-out app, otherwise only an unambiguous purpose is given.
    let chosen = if perms.len() == 1 {
        perms.first().copied()
    } else if req.opt_out_hint {
        perms.iter().copied().find(|p| p.purpose == "opt-out")
    } else if let Some(name) = req.app_name.as_deref() {
        perms.iter().copied().find(|p| p.app.trim().eq_ignore_ascii_case(name))
    } else {
        None
    };
    let purpose = match chosen {
        Some(p) => Some(p.purpose.clone()),
        None => {
            perms.first().filter(|first| perms.iter().all(|p| p.purpose == first.purpose)).map(|p| p.purpose.clone())
        }
    };
    ServiceMatch {
        id: r.id.clone(),
        name: r.name.clone(),
        category: r.category.clone(),
        purpose,
        app: chosen.map(|p| p.app.clone()),
        via,
        matched: matched.to_string(),
    }
}

/// Catalog host or domain as [`Url::host`] spells hosts.
fn norm_host(h: &str) -> String {
    let h = h.trim().trim_end_matches('.').to_lowercase();
    let h = h.strip_prefix("*.").unwrap_or(&h);
    h.strip_prefix("www.").unwrap_or(h).to_string()
}

/// Explains a request: permissions in plain words with their risk, the catalogued service
/// behind the app, the opt-out mismatch, and where to revoke access afterwards.
pub fn explain(req: &ConsentRequest, records: &[Record]) -> Explanation {
    let p = req.provider;
    let pid = p.id();
    let mut notes: Vec<String> = Vec::new();
    let mut scopes: Vec<ScopeInfo> = req
        .scopes
        .iter()
        .map(|s| match scopes::lookup(pid, s) {
            Some(d) => ScopeInfo::from_def(s, d),
            None => ScopeInfo::unknown(s),
        })
        .collect();

    match (p, req.flow) {
        (Provider::X, Flow::OAuth1) => {
            if req.page_permissions.is_empty() {
                let mut min =
                    ScopeInfo::from_def("read level (the minimum for any OAuth 1.0a app)", oauth1::minimum_level());
                min.implied = true;
                scopes.push(min);
                notes.push(
                    "This is an OAuth 1.0a link: it does not say what the app may do. Every such app can at least read your \
                     timeline and see who you follow; the consent page shows whether it can also post for you or read your \
                     Direct Messages."
                        .into(),
                );
            } else {
                scopes.extend(req.page_permissions.iter().cloned());
            }
        }
        (Provider::Google, _) => {
            if req.offline {
                let mut o = ScopeInfo::from_def(scopes::google::OFFLINE.name, &scopes::google::OFFLINE);
                o.implied = true;
                scopes.push(o);
            }
            if req.include_granted_scopes {
                notes.push(
                    "Permissions you gave this app before are added to this one (include_granted_scopes).".into(),
                );
            }
        }
        _ => {}
    }
    if req.scopes.is_empty() {
        match (p, req.flow) {
            (_, Flow::ConsentPage) => notes.push(
                "This page does not carry the permission list in its address; read the list on the page itself.".into(),
            ),
            (Provider::Facebook, _) => {
                if let Some(d) = scopes::lookup("facebook", "public_profile") {
                    let mut s = ScopeInfo::from_def("public_profile", d);
                    s.implied = true;
                    scopes.push(s);
                }
                notes.push(
                    "No permissions listed: Facebook gives every app your public profile (public_profile).".into(),
                );
            }
            (Provider::Github, _) => {
                let mut s = ScopeInfo::from_def(scopes::github::NO_SCOPE.name, &scopes::github::NO_SCOPE);
                s.implied = true;
                scopes.push(s);
                notes.push(
                    "No scope listed: the app gets read-only access to your public GitHub information, plus anything you \
                     granted it before."
                        .into(),
                );
            }
            (Provider::Microsoft, _) if req.resource.is_some() => {}
            // Salesforce's Mobile SDK guide: with no scope, "users are granted all configured
            // scopes" of the app.
            (Provider::Salesforce, _) => notes.push(
                "No permissions are listed in the address: the app gets every permission its makers configured in \
                 Salesforce, which the link does not show."
                    .into(),
            ),
            (Provider::X, Flow::OAuth1) => {}
            _ => notes.push("No permissions are listed in the address.".into()),
        }
    }
    if let Some(res) = &req.resource {
        notes.push(format!(
            "The app asks for access to {res} with whatever permissions it registered in advance; they are not in the link."
        ));
    }

    let known = scopes::table(pid).len();
    let service_match = match_service(req, records);
    let record = service_match.as_ref().and_then(|m| records.iter().find(|r| r.id == m.id));

    if let Some(note) = against_the_catalog(&mut scopes, pid, service_match.as_ref(), record) {
        notes.push(note);
    }

    // Opt-out flow: the matched app's purpose, or the redirect address says so.
    let purpose_opt_out = service_match.as_ref().is_some_and(|m| m.purpose.as_deref() == Some("opt-out"));
    let opt_out_flow = !req.lookalike && (purpose_opt_out || req.opt_out_hint);
    let mut mismatch = None;
    if opt_out_flow {
        let mut unneeded = Vec::new();
        let mut unrated = 0;
        for s in &mut scopes {
            match s.risk {
                Risk::Low => s.needed_for_opt_out = Some(true),
                Risk::Unknown => unrated += 1,
                _ => {
                    s.needed_for_opt_out = Some(false);
                    unneeded.push(s.name.clone());
                }
            }
        }
        let reason = if purpose_opt_out {
            let m = service_match.as_ref();
            format!(
                "Unscored's catalog lists this app{} as {}'s opt-out app.",
                m.and_then(|m| m.app.as_deref()).map(|a| format!(" (\"{a}\")")).unwrap_or_default(),
                m.map(|m| m.name.as_str()).unwrap_or("the service")
            )
        } else {
            "The address the app sends you back to mentions opting out or removal.".to_string()
        };
        if !unneeded.is_empty() {
            let n = unneeded.len();
            let mut note = format!(
                "This looks like an opt-out or removal request, but the app asks for more than who you are. Opting out only \
                 needs to confirm your identity; {n} {} beyond that.",
                if n == 1 { "permission goes" } else { "permissions go" }
            );
            if unrated > 0 {
                note.push_str(&format!(" {unrated} more could not be checked."));
            }
            mismatch = Some(Mismatch { reason, unneeded, note });
        } else if unrated > 0 {
            notes.push(format!(
                "This looks like an opt-out request; {unrated} permission(s) are unknown to Unscored, so whether opting out needs them could not be checked."
            ));
        }
    }

    let risk = overall_risk(&scopes);
    let (warning, revoke) = if req.lookalike {
        (
            Some(format!(
                "Possible fake sign-in page: this copies {name}'s sign-in address, but {host} is not {name}. Do not enter your \
                 password or allow anything here. If you already did, change your {name} password and check your account.",
                name = p.name(),
                host = req.host
            )),
            Vec::new(),
        )
    } else {
        (None, p.revoke_links().to_vec())
    };
    let caveats = record.map(|r| r.opt_out.caveats.clone()).unwrap_or_default();
    let app = service_match.as_ref().and_then(|m| m.app.clone()).or_else(|| req.app_name.clone());

    Explanation {
        kind: "consent",
        provider: pid,
        provider_name: p.name(),
        flow: req.flow,
        endpoint_doc: req.endpoint_doc,
        host: req.host.clone(),
        lookalike: req.lookalike,
        warning,
        app,
        client_id: req.client_id.clone(),
        redirect_uri: req.redirect_uri.clone(),
        redirect_host: req.redirect_host.clone(),
        scopes,
        risk,
        service: service_match.as_ref().map(|m| m.id.clone()),
        service_match,
        opt_out_flow,
        mismatch,
        revoke_url: revoke.first().map(|l| l.url),
        revoke,
        caveats,
        notes,
        scopes_known: known,
    }
}

fn overall_risk(scopes: &[ScopeInfo]) -> Risk {
    scopes.iter().map(|s| s.risk).max_by_key(|r| r.rank()).unwrap_or(Risk::Unknown)
}

/// Sets each requested permission against the ones the catalog recorded for the matched app
/// (`permissions[].scopes`), and says in a note what the link asks for beyond them.
fn against_the_catalog(
    scopes: &mut [ScopeInfo],
    pid: &str,
    m: Option<&ServiceMatch>,
    record: Option<&Record>,
) -> Option<String> {
    let app = m?.app.as_deref()?;
    let entry = record?.permissions.iter().find(|p| p.provider == pid && p.app == app)?;
    let asked: Vec<&mut ScopeInfo> = scopes.iter_mut().filter(|s| !s.implied).collect();
    if entry.scopes.is_empty() || asked.is_empty() {
        return None;
    }
    // The same permission however it is spelt (Google's short and long names, case).
    let key =
        |name: &str| scopes::lookup(pid, name).map_or_else(|| name.trim().to_lowercase(), |d| d.name.to_lowercase());
    let recorded: Vec<String> = entry.scopes.iter().map(|s| key(s)).collect();
    let mut beyond = Vec::new();
    for s in asked {
        let known = recorded.contains(&key(&s.name));
        s.recorded = Some(known);
        if !known {
            beyond.push(s.name.clone());
        }
    }
    let n = entry.scopes.len();
    let recorded_count = format!("{n} permission{}", if n == 1 { "" } else { "s" });
    Some(if beyond.is_empty() {
        format!("This link asks for no more than the {recorded_count} Unscored's catalog recorded for {app}.")
    } else {
        format!(
            "Unscored's catalog recorded {recorded_count} for {app}; this link also asks for {}: {}.",
            if beyond.len() == 1 { "one more" } else { "more" },
            beyond.join(", ")
        )
    })
}

/// The plain-text report of `unscored explain URL`: a header naming provider and app,
/// one line per permission with its risk, the opt-out warning, then where to revoke.
pub fn render_text(e: &Explanation) -> String {
    let mut out = String::new();
    if e.lookalike {
        out.push_str(&format!("WARNING: possible fake {} sign-in page on {}\n", e.provider_name, e.host));
        if let Some(w) = &e.warning {
            out.push_str(&format!("  {w}\n"));
        }
        return out;
    }
    let who = match (&e.app, &e.service_match) {
        (Some(app), Some(m)) => format!("\"{app}\" ({}, {})", m.name, category_words(&m.category)),
        (None, Some(m)) => format!("an app of {} ({})", m.name, category_words(&m.category)),
        (Some(app), None) => format!("\"{app}\""),
        (None, None) => match &e.redirect_host {
            Some(h) => format!("an app that sends you back to {h}"),
            None => "an app".to_string(),
        },
    };
    out.push_str(&format!("Sign in with {}: {} asks for access to your account.\n", e.provider_name, who));
    if let (Some(h), Some(_)) = (&e.redirect_host, &e.service_match) {
        out.push_str(&format!("It sends you back to {h}.\n"));
    }
    out.push_str(&format!("Overall risk: {}\n", e.risk.label()));
    if e.scopes.is_empty() {
        out.push_str("No permissions are listed.\n");
    } else {
        out.push_str("What the app will get:\n");
        for s in &e.scopes {
            let tag = format!("[{}]", s.risk.label());
            match &s.meaning {
                Some(m) => {
                    let extra = match (s.needed_for_opt_out, s.recorded) {
                        (Some(false), _) => "; not needed to opt out",
                        (_, Some(false)) => "; not recorded in the catalog",
                        _ => "",
                    };
                    out.push_str(&format!("  {tag:<10}{m} [{}{extra}]\n", s.name));
                }
                None => out.push_str(&format!(
                    "  {tag:<10}{}: not in Unscored's list of {} {} permissions; look it up before you allow it.\n",
                    s.name, e.scopes_known, e.provider_name
                )),
            }
        }
    }
    if let Some(m) = &e.mismatch {
        out.push_str(&format!("Opt-out mismatch: {} {}\n", m.reason, m.note));
    }
    for n in &e.notes {
        out.push_str(&format!("Note: {n}\n"));
    }
    if !e.revoke.is_empty() {
        out.push_str("After Allow, you can review or remove this app's access at:\n");
        for l in &e.revoke {
            out.push_str(&format!("  {} ({})\n", l.url, l.label));
        }
    }
    if !e.caveats.is_empty() {
        let name = e.service_match.as_ref().map(|m| m.name.as_str()).unwrap_or("this service");
        out.push_str(&format!("What Unscored's catalog says about {name}:\n"));
        for c in &e.caveats {
            out.push_str(&format!("  - {c}\n"));
        }
    }
    out
}

fn category_words(c: &str) -> String {
    match c {
        "influence-score" => "a service that scores people's influence".into(),
        "reputation" => "a reputation-scoring service".into(),
        "people-search" => "a people-search service".into(),
        "contact-data" => "a contact-data broker".into(),
        "creator-analytics" => "a creator-analytics service".into(),
        "face-search" => "a face-search service".into(),
        other => format!("catalogued as {other}"),
    }
}

/// How many permissions Unscored can explain for a provider (`x`, `google`, ...).
pub fn scopes_known(provider_id: &str) -> usize {
    scopes::table(provider_id).len()
}

/// The permissions an X OAuth 1.0a consent page lists, read from its text.
pub fn oauth1_permissions_from_text(text: &str) -> Vec<ScopeInfo> {
    oauth1::permissions_from_text(text)
}

/// `s` cut to at most `max` characters, on a character boundary.
pub(crate) fn truncate_chars(s: &str, max: usize) -> &str {
    match s.char_indices().nth(max) {
        Some((i, _)) => s.get(..i).unwrap_or(s),
        None => s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn klout() -> Record {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/src/catalog/services/klout.toml")).unwrap();
        toml::from_str(&text).unwrap()
    }

    #[test]
    fn reads_x_oauth2() {
        let r = recognise(
            "https://x.com/i/oauth2/authorize?response_type=code&client_id=M1M5&redirect_uri=https://www.example.com\
             &scope=tweet.read%20users.read%20follows.read%20follows.write&state=state&code_challenge=challenge&code_challenge_method=plain",
        )
        .unwrap();
        assert_eq!((r.provider, r.flow, r.lookalike), (Provider::X, Flow::OAuth2, false));
        assert_eq!(r.scopes, ["tweet.read", "users.read", "follows.read", "follows.write"]);
        assert_eq!(r.redirect_host.as_deref(), Some("example.com"));
        let e = explain(&r, &[]);
        assert_eq!(e.risk, Risk::High);
        assert_eq!(e.revoke_url, Some("https://x.com/settings/connected_apps"));
    }

    #[test]
    fn klout_opt_out_is_flagged() {
        let recs = [klout()];
        let r = recognise("https://api.twitter.com/oauth/authenticate?oauth_token=abc&oauth_callback=https%3A%2F%2Fklout.com%2Fcorp%2Foptout%2Ftwitter").unwrap();
        assert!(r.opt_out_hint);
        let e = explain(&r, &recs);
        assert_eq!(e.service.as_deref(), Some("klout"));
        assert_eq!(e.app.as_deref(), Some("Klout Opt-Out"));
        assert!(e.opt_out_flow);
        let m = e.mismatch.as_ref().unwrap();
        assert_eq!(m.unneeded.len(), 1);
        assert!(e.caveats.iter().any(|c| c.contains("Klout Opt-Out")));
        let text = render_text(&e);
        assert!(text.starts_with("Sign in with X (Twitter): \"Klout Opt-Out\" (Klout"), "{text}");
        assert!(text.contains("Opt-out mismatch"), "{text}");
        assert!(text.contains("https://x.com/settings/connected_apps"), "{text}");

        // With the page text: the two lines the Klout Opt-Out app asked for.
        let page = "This application will be able to:\nRead Tweets from your timeline.\nSee who you follow.\n\
                    This application will not be able to:\nFollow new people.\nUpdate your profile.\nPost Tweets for you.";
        let r = r.with_page_text(page);
        let e = explain(&r, &recs);
        let names: Vec<_> = e.scopes.iter().map(|s| s.name.as_str()).collect();
        assert_eq!(names, ["Read Tweets from your timeline", "See who you follow"]);
        assert!(e.scopes.iter().all(|s| s.needed_for_opt_out == Some(false)));
    }

    #[test]
    fn app_name_matches_without_callback() {
        let recs = [klout()];
        let r = recognise("https://api.twitter.com/oauth/authorize?oauth_token=abc")
            .unwrap()
            .with_app_name(" Klout Opt-Out ");
        let m = match_service(&r, &recs).unwrap();
        assert_eq!((m.via, m.purpose.as_deref()), ("app_name", Some("opt-out")));
        let r = recognise("https://api.twitter.com/oauth/authorize?oauth_token=abc").unwrap();
        assert!(match_service(&r, &recs).is_none());
        let r = recognise("https://www.facebook.com/dialog/oauth?client_id=1&redirect_uri=https://sub.klout.com/cb")
            .unwrap();
        let m = match_service(&r, &recs).unwrap();
        assert_eq!((m.via, m.purpose), ("domain", None));
    }

    #[test]
    fn json_shape() {
        let r = recognise(
            "https://accounts.google.com/o/oauth2/v2/auth?client_id=1.apps.googleusercontent.com&redirect_uri=https%3A%2F%2Foauth2.example.com%2Fcode\
             &response_type=code&scope=openid%20https%3A%2F%2Fwww.googleapis.com%2Fauth%2Fgmail.readonly%20made.up&access_type=offline",
        )
        .unwrap();
        let v = serde_json::to_value(explain(&r, &[])).unwrap();
        assert_eq!(v["kind"], "consent");
        assert_eq!(v["provider"], "google");
        assert!(v["app"].is_null());
        assert!(v["service"].is_null());
        assert_eq!(v["scopes"][1]["risk"], "high");
        assert_eq!(
            v["scopes"][1]["meaning"],
            "Read every email in your Gmail account, with its attachments and your settings."
        );
        assert_eq!(v["scopes"][2]["risk"], "unknown");
        assert!(v["scopes"][2]["meaning"].is_null());
        assert_eq!(v["scopes"][3]["name"], "access_type=offline");
        assert_eq!(v["flow"], "oauth2");
        assert_eq!(v["lookalike"], false);
    }

    #[test]
    fn lookalikes_are_warned() {
        let r = recognise("https://accounts-google.com/o/oauth2/v2/auth?client_id=1&scope=email").unwrap();
        assert!(r.lookalike);
        let e = explain(&r, &[klout()]);
        assert!(e.warning.is_some() && e.revoke.is_empty() && e.service.is_none());
        assert!(render_text(&e).starts_with("WARNING: possible fake Google sign-in page"));
    }

    #[test]
    fn not_consent() {
        for u in [
            "",
            "not a url",
            "https://api.x.com/2/oauth2/token",
            "https://accounts.google.com/o/oauth2/v2/auth",
            "https://www.facebook.com/settings",
            "ftp://accounts.google.com/o/oauth2/v2/auth?client_id=1",
            "https://example.com/dialog/oauth?client_id=1",
        ] {
            assert!(recognise(u).is_none(), "{u}");
        }
    }

    #[test]
    fn hostile_input_does_not_panic() {
        let long = format!("https://github.com/login/oauth/authorize?client_id=1&scope={}", "é,".repeat(5000));
        let r = recognise(&long).unwrap();
        assert_eq!(r.scopes, ["é"]);
        let many: String = (0..500).map(|i| format!("s{i} ")).collect();
        let r = recognise(&format!("https://github.com/login/oauth/authorize?client_id=1&scope={many}")).unwrap();
        assert_eq!(r.scopes.len(), MAX_SCOPES);
        let e = explain(&r, &[]);
        let _ = render_text(&e);
        for u in [
            "https://x.com/i/oauth2/authorize?client_id=%FF%FE&redirect_uri=%E2%82",
            "https://[::1]/dialog/oauth?client_id=1",
            "//faceb00k.com/dialog/oauth?client_id=%",
        ] {
            if let Some(r) = recognise(u) {
                let _ = render_text(&explain(&r, &[]));
            }
        }
        assert_eq!(truncate_chars("ééé", 2), "éé");
        assert_eq!(truncate_chars("ab", 5), "ab");
    }

    #[test]
    fn generated_urls_never_panic() {
        const HOSTS: &[&str] = &[
            "api.twitter.com",
            "x.com",
            "www.facebook.com",
            "m.facebook.com",
            "api.instagram.com",
            "accounts.google.com",
            "www.linkedin.com",
            "github.com",
            "login.microsoftonline.com",
            "login.live.com",
            "faceb00k.com",
            "accounts-google.com",
            "xn--ggle-55da.com",
            "ééé.example",
            "[::1]",
            "a",
            "",
        ];
        const PATHS: &[&str] = &[
            "/oauth/authorize",
            "/i/oauth2/authorize",
            "/v19.0/dialog/oauth",
            "/dialog/oauth/",
            "/o/oauth2/v2/auth",
            "/signin/oauth/consent",
            "/oauth/v2/authorization",
            "/login/oauth/authorize",
            "/common/oauth2/v2.0/authorize",
            "/x/oauth2/authorize",
            "/oauth20_authorize.srf",
            "/",
            "//",
            "/%E2%82",
            "/é/é",
        ];
        const PARAMS: &[&str] = &[
            "client_id=1",
            "oauth_token=t",
            "scope=a%20b,c",
            "scope=%",
            "scope=%E2%82%AC",
            "redirect_uri=https%3A%2F%2Fklout.com%2Foptout",
            "redirect_uri=%%%",
            "oauth_callback=com.app://x",
            "access_type=offline",
            "resource=https://graph.microsoft.com",
            "include_granted_scopes=true",
            "=",
            "&&",
            "scope=+++",
            "redirect_uri=https://[",
            "app_id=é",
        ];
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut next = |n: usize| {
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            ((seed >> 33) as usize) % n
        };
        let recs = [klout()];
        for _ in 0..3000 {
            let mut url = format!("https://{}{}?", HOSTS[next(HOSTS.len())], PATHS[next(PATHS.len())]);
            for _ in 0..next(5) {
                url.push_str(PARAMS[next(PARAMS.len())]);
                url.push('&');
            }
            if let Some(r) = recognise(&url) {
                let r = r.with_page_text("Post Tweets for you. ééé").with_app_name("Klout Opt-Out");
                let e = explain(&r, &recs);
                let _ = render_text(&e);
                let _ = serde_json::to_string(&e).unwrap();
            }
        }
    }

    #[test]
    fn opt_out_hint_words() {
        assert!(says_opt_out("/corp/optout"));
        assert!(says_opt_out("action=Remove%20me"));
        assert!(says_opt_out("/opt_out"));
        assert!(!says_opt_out("/auth/callback"));
    }

    #[test]
    fn dictionary_sizes() {
        for p in Provider::ALL {
            assert!(scopes_known(p.id()) >= 10, "{p:?}");
        }
        assert_eq!(scopes_known("nope"), 0);
    }
}
