//! The identity providers, their documented authorization endpoints, where to revoke an
//! app afterwards, and the lookalike-host test for fake sign-in pages.
//!
//! Endpoints match on the exact host (after `www.` is dropped) and path; every entry
//! cites the page that documents it. A host that is not a provider's but imitates one
//! (`twitter.com.evil.example`, `accounts-google.com`, `faceb00k.com`) and carries that
//! provider's authorize path is reported as a lookalike, never as the provider.

use crate::urls::{host_within, Url};
use serde::Serialize;

/// An identity provider, by the catalog's provider id ([`crate::catalog::record::PROVIDERS`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Provider {
    X,
    Facebook,
    Instagram,
    Google,
    Linkedin,
    Github,
    Microsoft,
    Salesforce,
}

impl Provider {
    pub const ALL: [Provider; 8] = [
        Provider::X,
        Provider::Facebook,
        Provider::Instagram,
        Provider::Google,
        Provider::Linkedin,
        Provider::Github,
        Provider::Microsoft,
        Provider::Salesforce,
    ];

    /// The catalog id: `x`, `facebook`, `instagram`, `google`, `linkedin`, `github`, `microsoft`,
    /// `salesforce`.
    pub fn id(self) -> &'static str {
        match self {
            Provider::X => "x",
            Provider::Facebook => "facebook",
            Provider::Instagram => "instagram",
            Provider::Google => "google",
            Provider::Linkedin => "linkedin",
            Provider::Github => "github",
            Provider::Microsoft => "microsoft",
            Provider::Salesforce => "salesforce",
        }
    }

    /// The name people know.
    pub fn name(self) -> &'static str {
        match self {
            Provider::X => "X (Twitter)",
            Provider::Facebook => "Facebook",
            Provider::Instagram => "Instagram",
            Provider::Google => "Google",
            Provider::Linkedin => "LinkedIn",
            Provider::Github => "GitHub",
            Provider::Microsoft => "Microsoft",
            Provider::Salesforce => "Salesforce",
        }
    }

    pub fn from_id(id: &str) -> Option<Provider> {
        Provider::ALL.into_iter().find(|p| p.id() == id)
    }

    /// Registrable domains the provider runs itself (subdomains included). User-content
    /// domains (`github.io`, `googleusercontent.com`, `azurewebsites.net`) are left out on
    /// purpose: anyone can publish there.
    fn own_domains(self) -> &'static [&'static str] {
        match self {
            Provider::X => &["twitter.com", "x.com", "twimg.com", "t.co"],
            Provider::Facebook => &["facebook.com", "fb.com", "facebook.net", "fbcdn.net", "messenger.com", "meta.com"],
            Provider::Instagram => &["instagram.com", "cdninstagram.com"],
            Provider::Google => &["google.com", "googleapis.com", "gstatic.com", "youtube.com"],
            Provider::Linkedin => &["linkedin.com", "licdn.com"],
            Provider::Github => &["github.com", "githubassets.com"],
            Provider::Microsoft => &[
                "microsoftonline.com",
                "microsoftonline-p.com",
                "live.com",
                "microsoft.com",
                "windows.net",
                "office.com",
                "outlook.com",
                "msauth.net",
                "msftauth.net",
            ],
            // Experience Cloud sites live under my.site.com ("OAuth Endpoints", Salesforce Help).
            Provider::Salesforce => &["salesforce.com", "my.site.com"],
        }
    }

    /// Names an imitation borrows (compared after folding look-alike characters).
    fn brands(self) -> &'static [&'static str] {
        match self {
            Provider::X => &["twitter"],
            Provider::Facebook => &["facebook"],
            Provider::Instagram => &["instagram"],
            Provider::Google => &["google"],
            Provider::Linkedin => &["linkedin"],
            Provider::Github => &["github"],
            Provider::Microsoft => &["microsoft", "microsoftonline"],
            Provider::Salesforce => &["salesforce"],
        }
    }

    /// True when `host` (lower-case, `www.` dropped) is run by this provider.
    pub fn owns_host(self, host: &str) -> bool {
        self.own_domains().iter().any(|d| host_within(host, d))
            || (self == Provider::Google && google_country_domain(host))
    }

    /// Where a person reviews and removes apps connected to this provider account.
    pub fn revoke_links(self) -> &'static [RevokeLink] {
        match self {
            Provider::X => &[RevokeLink {
                label: "X: Settings > Security and account access > Apps and sessions > Connected apps",
                url: "https://x.com/settings/connected_apps",
            }],
            Provider::Facebook => &[RevokeLink {
                label: "Facebook: Settings > Apps and websites",
                url: "https://www.facebook.com/settings?tab=applications",
            }],
            Provider::Instagram => &[RevokeLink {
                label: "Instagram: Settings > Apps and websites",
                url: "https://www.instagram.com/accounts/manage_access/",
            }],
            Provider::Google => &[RevokeLink {
                label: "Google Account > Security > Your connections to third-party apps and services",
                url: "https://myaccount.google.com/permissions",
            }],
            Provider::Linkedin => &[RevokeLink {
                label: "LinkedIn: Settings > Data privacy > Permitted services",
                url: "https://www.linkedin.com/psettings/permitted-services",
            }],
            Provider::Github => &[RevokeLink {
                label: "GitHub: Settings > Applications > Authorized OAuth Apps",
                url: "https://github.com/settings/applications",
            }],
            Provider::Microsoft => &[
                RevokeLink {
                    label: "Personal Microsoft account: apps and services you've given access",
                    url: "https://account.live.com/consent/Manage",
                },
                RevokeLink {
                    label: "Work or school account: My Apps (or ask your administrator)",
                    url: "https://myapplications.microsoft.com/",
                },
            ],
            // Each company's Salesforce has its own address: the setting, not a page, is shared.
            Provider::Salesforce => &[RevokeLink {
                label: "Salesforce: your personal settings > Advanced User Details (or Personal Information) > OAuth \
                        Connected Apps > Revoke",
                url: "https://help.salesforce.com/s/articleView?id=platform.remoteaccess_request_approve.htm&language=en_US&type=5",
            }],
        }
    }
}

/// A page where access can be reviewed and revoked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct RevokeLink {
    pub label: &'static str,
    pub url: &'static str,
}

/// Which kind of consent screen an endpoint is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Flow {
    /// OAuth 1.0a: the URL carries only a request token; the permission level is the app's.
    #[serde(rename = "oauth1")]
    OAuth1,
    /// OAuth 2.0 / OpenID Connect authorization request with `scope`.
    #[serde(rename = "oauth2")]
    OAuth2,
    /// A provider's consent or account-chooser page that an authorization request leads to.
    ConsentPage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum PathPattern {
    Exact(&'static str),
    /// `/dialog/oauth` or `/v<N>.<M>/dialog/oauth`.
    FacebookDialog,
    /// `/{tenant}/oauth2/v2.0/authorize` (true) or `/{tenant}/oauth2/authorize` (false).
    MicrosoftTenant {
        v2: bool,
    },
    /// `/services/oauth2/authorize`, after at most two segments of an Experience Cloud
    /// site's path (`/cares/services/oauth2/authorize`).
    SalesforceAuthorize,
}

/// Which hosts an endpoint answers on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Hosts {
    Exact(&'static [&'static str]),
    /// These and their subdomains: each company's own Salesforce address
    /// (`acme.my.salesforce.com`, `acme.my.site.com`).
    Within(&'static [&'static str]),
    /// Any host: Salesforce serves companies' sites on their own domains too ("a custom URL"),
    /// so there the path and a whole authorization request must speak for it.
    Any,
}

impl Hosts {
    /// The hosts named, `[]` for [`Hosts::Any`].
    fn named(self) -> &'static [&'static str] {
        match self {
            Hosts::Exact(h) | Hosts::Within(h) => h,
            Hosts::Any => &[],
        }
    }
}

/// One documented authorization endpoint.
#[derive(Debug, Clone, Copy)]
pub struct Endpoint {
    pub provider: Provider,
    /// Hosts as [`Url::host`] gives them (lower-case, `www.` dropped).
    hosts: Hosts,
    path: PathPattern,
    pub flow: Flow,
    /// The page documenting the endpoint; `None` for pages seen in real flows but not documented.
    pub doc: Option<&'static str>,
    /// Query parameters without which the provider shows an error instead of consent (a
    /// company's own domain needs the whole request to pass for Salesforce's).
    required: &'static [&'static str],
    /// The path alone identifies the provider (used for internationalised lookalike hosts).
    distinctive: bool,
}

const X_AUTHORIZE: &str = "https://developer.x.com/en/docs/authentication/api-reference/authorize";
const X_AUTHENTICATE: &str = "https://developer.x.com/zh-cn/docs/authentication/api-reference/authenticate";
const X_OAUTH2: &str = "https://docs.x.com/resources/fundamentals/authentication/oauth-2-0/user-access-token";
const X_SPEC: &str = "https://raw.githubusercontent.com/api-evangelist/x/refs/heads/main/scopes/x-scopes.yml";
const FB_MANUAL: &str = "https://developers.facebook.com/documentation/facebook-login/guides/advanced/manual-flow";
const IG_AUTHORIZE: &str = "https://developers.facebook.com/docs/instagram-platform/reference/oauth-authorize";
const IG_BUSINESS: &str =
    "https://developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login/business-login";
const GOOGLE_OIDC: &str = "https://developers.google.com/identity/openid-connect/reference";
const GOOGLE_LEGACY: &str = "https://www.oreilly.com/library/view/getting-started-with/9781449317843/ch07s07.html";
const LI_CODE: &str = "https://learn.microsoft.com/en-us/linkedin/shared/authentication/authorization-code-flow";
const LI_LEGACY: &str = "https://developer.linkedin.com/docs/oauth2-legacy";
const GH_AUTHORIZE: &str =
    "https://docs.github.com/pt/enterprise-server@3.19/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps";
const MS_V2: &str = "https://learn.microsoft.com/entra/identity-platform/v2-oauth2-auth-code-flow";
const MS_V1: &str = "https://learn.microsoft.com/azure/active-directory/azuread-dev/v1-protocols-oauth-code";
const SF_ENDPOINTS: &str =
    "https://help.salesforce.com/s/articleView?id=xcloud.remoteaccess_oauth_endpoints.htm&language=en_US&type=5";
const MS_LIVE: &str =
    "https://learn.microsoft.com/en-us/previous-versions/office/developer/onedrive-live-sdk/dn631818(v=office.15)";

const fn ep(
    provider: Provider,
    hosts: &'static [&'static str],
    path: PathPattern,
    flow: Flow,
    doc: Option<&'static str>,
    required: &'static [&'static str],
    distinctive: bool,
) -> Endpoint {
    Endpoint { provider, hosts: Hosts::Exact(hosts), path, flow, doc, required, distinctive }
}

/// A Salesforce authorization endpoint on `hosts` ("OAuth Endpoints", Salesforce Help).
const fn salesforce(hosts: Hosts, required: &'static [&'static str]) -> Endpoint {
    Endpoint {
        provider: Provider::Salesforce,
        hosts,
        path: SalesforceAuthorize,
        flow: Flow::OAuth2,
        doc: Some(SF_ENDPOINTS),
        required,
        distinctive: true,
    }
}

use PathPattern::*;

/// Every endpoint Unscored recognises, in matching order.
pub static ENDPOINTS: &[Endpoint] = &[
    // X OAuth 1.0a: GET oauth/authorize and oauth/authenticate (developer.x.com API reference).
    ep(
        Provider::X,
        &["api.twitter.com", "api.x.com"],
        Exact("/oauth/authorize"),
        Flow::OAuth1,
        Some(X_AUTHORIZE),
        &["oauth_token"],
        false,
    ),
    ep(
        Provider::X,
        &["api.twitter.com", "api.x.com"],
        Exact("/oauth/authenticate"),
        Flow::OAuth1,
        Some(X_AUTHENTICATE),
        &["oauth_token"],
        false,
    ),
    // X OAuth 2.0 with PKCE: "Step 2: GET oauth2/authorize".
    ep(
        Provider::X,
        &["twitter.com", "x.com"],
        Exact("/i/oauth2/authorize"),
        Flow::OAuth2,
        Some(X_OAUTH2),
        &["client_id"],
        true,
    ),
    // The authorizationUrl in X's OpenAPI description.
    ep(Provider::X, &["api.x.com"], Exact("/2/oauth2/authorize"), Flow::OAuth2, Some(X_SPEC), &["client_id"], false),
    // Facebook Login, "Manually Build a Login Flow": https://www.facebook.com/v19.0/dialog/oauth.
    // m.facebook.com/dialog/oauth is the mobile site's copy (seen in SDK code, not in the guide).
    ep(
        Provider::Facebook,
        &["facebook.com", "m.facebook.com"],
        FacebookDialog,
        Flow::OAuth2,
        Some(FB_MANUAL),
        &["client_id"],
        true,
    ),
    // Instagram: GET https://api.instagram.com/oauth/authorize (Basic Display / Oauth Authorize
    // reference) and the Business Login embed URL https://www.instagram.com/oauth/authorize.
    ep(
        Provider::Instagram,
        &["api.instagram.com"],
        Exact("/oauth/authorize"),
        Flow::OAuth2,
        Some(IG_AUTHORIZE),
        &["client_id"],
        false,
    ),
    ep(
        Provider::Instagram,
        &["instagram.com"],
        Exact("/oauth/authorize"),
        Flow::OAuth2,
        Some(IG_BUSINESS),
        &["client_id"],
        false,
    ),
    // Google: the discovery document's authorization_endpoint, and the older /o/oauth2/auth.
    ep(
        Provider::Google,
        &["accounts.google.com"],
        Exact("/o/oauth2/v2/auth"),
        Flow::OAuth2,
        Some(GOOGLE_OIDC),
        &["client_id"],
        true,
    ),
    ep(
        Provider::Google,
        &["accounts.google.com"],
        Exact("/o/oauth2/auth"),
        Flow::OAuth2,
        Some(GOOGLE_LEGACY),
        &["client_id"],
        true,
    ),
    // Pages Google redirects to during the flow; seen in real flows, not documented.
    ep(
        Provider::Google,
        &["accounts.google.com"],
        Exact("/o/oauth2/auth/oauthchooseaccount"),
        Flow::ConsentPage,
        None,
        &[],
        true,
    ),
    ep(Provider::Google, &["accounts.google.com"], Exact("/signin/oauth/consent"), Flow::ConsentPage, None, &[], true),
    // LinkedIn: Authorization Code Flow, and the legacy OAuth 2.0 endpoint.
    ep(
        Provider::Linkedin,
        &["linkedin.com"],
        Exact("/oauth/v2/authorization"),
        Flow::OAuth2,
        Some(LI_CODE),
        &["client_id"],
        true,
    ),
    ep(
        Provider::Linkedin,
        &["linkedin.com"],
        Exact("/uas/oauth2/authorization"),
        Flow::OAuth2,
        Some(LI_LEGACY),
        &["client_id"],
        true,
    ),
    // GitHub: "Request a user's GitHub identity", GET https://github.com/login/oauth/authorize.
    ep(
        Provider::Github,
        &["github.com"],
        Exact("/login/oauth/authorize"),
        Flow::OAuth2,
        Some(GH_AUTHORIZE),
        &["client_id"],
        false,
    ),
    // Microsoft identity platform (v2.0), the older Azure AD v1.0 endpoint, and Live Connect.
    ep(
        Provider::Microsoft,
        &["login.microsoftonline.com"],
        MicrosoftTenant { v2: true },
        Flow::OAuth2,
        Some(MS_V2),
        &["client_id"],
        false,
    ),
    ep(
        Provider::Microsoft,
        &["login.microsoftonline.com"],
        MicrosoftTenant { v2: false },
        Flow::OAuth2,
        Some(MS_V1),
        &["client_id"],
        false,
    ),
    ep(
        Provider::Microsoft,
        &["login.live.com"],
        Exact("/oauth20_authorize.srf"),
        Flow::OAuth2,
        Some(MS_LIVE),
        &["client_id"],
        true,
    ),
    // Salesforce: login.salesforce.com, test.salesforce.com for sandboxes, a company's My
    // Domain (and its sandboxes under sandbox.my.salesforce.com), an Experience Cloud site,
    // or "a custom URL".
    salesforce(Hosts::Exact(&["login.salesforce.com", "test.salesforce.com"]), &["client_id"]),
    salesforce(Hosts::Within(&["my.salesforce.com", "my.site.com"]), &["client_id"]),
    salesforce(Hosts::Any, &["client_id", "redirect_uri", "response_type"]),
];

impl Endpoint {
    /// True when the URL's path is this endpoint's (host not checked).
    fn path_matches(&self, url: &Url<'_>) -> bool {
        match self.path {
            Exact(p) => {
                let path = url.path.strip_suffix('/').filter(|s| !s.is_empty()).unwrap_or(url.path);
                path.eq_ignore_ascii_case(p)
            }
            FacebookDialog => {
                let segs: Vec<&str> = url.segments().collect();
                match segs.as_slice() {
                    [d, o] => is_dialog_oauth(d, o),
                    [v, d, o] => graph_version(v) && is_dialog_oauth(d, o),
                    _ => false,
                }
            }
            MicrosoftTenant { v2 } => {
                let segs: Vec<&str> = url.segments().collect();
                match (v2, segs.as_slice()) {
                    (true, [t, o, v, a]) => {
                        tenant(t)
                            && o.eq_ignore_ascii_case("oauth2")
                            && v.eq_ignore_ascii_case("v2.0")
                            && a.eq_ignore_ascii_case("authorize")
                    }
                    (false, [t, o, a]) => {
                        tenant(t) && o.eq_ignore_ascii_case("oauth2") && a.eq_ignore_ascii_case("authorize")
                    }
                    _ => false,
                }
            }
            SalesforceAuthorize => {
                let segs: Vec<&str> = url.segments().collect();
                segs.len() <= 5
                    && segs.len() >= 3
                    && segs[segs.len() - 3..]
                        .iter()
                        .zip(["services", "oauth2", "authorize"])
                        .all(|(s, want)| s.eq_ignore_ascii_case(want))
            }
        }
    }

    /// Every parameter the endpoint needs is there, not empty.
    fn carries_request(&self, url: &Url<'_>) -> bool {
        self.required.iter().all(|p| url.query_value(p).is_some_and(|v| !v.trim().is_empty()))
    }

    fn has_host(&self, host: &str) -> bool {
        match self.hosts {
            Hosts::Exact(h) => h.contains(&host),
            Hosts::Within(h) => h.iter().any(|d| host_within(host, d)),
            Hosts::Any => false,
        }
    }

    /// The Microsoft tenant segment (`common`, `organizations`, a GUID, a domain).
    pub fn tenant<'a>(&self, url: &Url<'a>) -> Option<&'a str> {
        match self.path {
            MicrosoftTenant { .. } => url.segments().next(),
            _ => None,
        }
    }
}

fn is_dialog_oauth(d: &str, o: &str) -> bool {
    d.eq_ignore_ascii_case("dialog") && o.eq_ignore_ascii_case("oauth")
}

/// `v19.0`, `v2.8`, `v3`.
fn graph_version(s: &str) -> bool {
    let Some(rest) = s.strip_prefix('v').or_else(|| s.strip_prefix('V')) else {
        return false;
    };
    let mut parts = rest.split('.');
    let major = parts.next().unwrap_or("");
    let minor = parts.next();
    parts.next().is_none()
        && !major.is_empty()
        && major.len() <= 3
        && major.bytes().all(|b| b.is_ascii_digit())
        && minor.is_none_or(|m| !m.is_empty() && m.len() <= 3 && m.bytes().all(|b| b.is_ascii_digit()))
}

fn tenant(s: &str) -> bool {
    !s.is_empty() && s.len() <= 100 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"-._".contains(&b))
}

/// `google.de`, `google.co.uk`, `google.com.br`: Google's country sites.
fn google_country_domain(host: &str) -> bool {
    let labels: Vec<&str> = host.split('.').collect();
    let n = labels.len();
    let cc = |s: &str| s.len() == 2 && s.bytes().all(|b| b.is_ascii_lowercase());
    (n >= 2 && labels[n - 2] == "google" && (cc(labels[n - 1]) || labels[n - 1] == "com"))
        || (n >= 3
            && labels[n - 3] == "google"
            && (labels[n - 2] == "co" || labels[n - 2] == "com")
            && cc(labels[n - 1]))
}

/// What [`match_endpoint`] found.
#[derive(Debug, Clone, Copy)]
pub struct EndpointMatch {
    pub endpoint: &'static Endpoint,
    /// The provider the page belongs to, or imitates when `lookalike`.
    pub provider: Provider,
    pub lookalike: bool,
}

/// Finds the consent endpoint a URL is on, or the provider a lookalike page imitates.
pub fn match_endpoint(url: &Url<'_>) -> Option<EndpointMatch> {
    if !matches!(url.scheme.as_str(), "https" | "http" | "") {
        return None;
    }
    let host = url.host.as_str();
    for e in ENDPOINTS {
        if e.has_host(host) && e.path_matches(url) {
            if !e.carries_request(url) {
                return None;
            }
            return Some(EndpointMatch { endpoint: e, provider: e.provider, lookalike: false });
        }
    }
    // A provider's own site that is not a consent endpoint: not a consent screen, not a fake.
    if Provider::ALL.iter().any(|p| p.owns_host(host)) {
        return None;
    }
    let candidates: Vec<&'static Endpoint> = ENDPOINTS.iter().filter(|e| e.path_matches(url)).collect();
    if candidates.is_empty() || !copies_request(url, &candidates) {
        return None;
    }
    // The provider whose endpoint path it copies and whose name the host borrows.
    for e in &candidates {
        if imitates(host, e.provider) {
            return Some(EndpointMatch { endpoint: e, provider: e.provider, lookalike: true });
        }
    }
    // A borrowed name on another provider's path (e.g. an Instagram-looking host on the
    // shared `/oauth/authorize` path): the name decides which provider is imitated.
    for p in Provider::ALL {
        if imitates(host, p) {
            let e = candidates.iter().find(|e| e.provider == p).unwrap_or(&candidates[0]);
            return Some(EndpointMatch { endpoint: e, provider: p, lookalike: true });
        }
    }
    // Internationalised hosts can imitate any name; only a path unique to one provider tells.
    if idn_host(host) {
        if let Some(e) = candidates.iter().find(|e| e.distinctive) {
            return Some(EndpointMatch { endpoint: e, provider: e.provider, lookalike: true });
        }
    }
    // An endpoint on any host (a company's Salesforce site on its own domain), borrowing no
    // provider's name, when the whole request is there.
    candidates.iter().find(|e| e.hosts == Hosts::Any && e.carries_request(url)).map(|e| EndpointMatch {
        endpoint: e,
        provider: e.provider,
        lookalike: false,
    })
}

/// The query looks like the provider's authorization request (consent pages: any query).
/// Query keys of a sign-in request: a page whose address has one may be a copy of a
/// provider's consent screen on any host.
pub const REQUEST_PARAMS: &[&str] = &["client_id", "oauth_token", "redirect_uri", "scope", "response_type", "app_id"];

/// Every host a provider's consent endpoints live on, by name. (Salesforce's company
/// addresses are not listed: its requests always carry `client_id`, one of
/// [`REQUEST_PARAMS`], and listing `my.site.com` would send every page of every company
/// site to the engine.)
pub fn endpoint_hosts() -> impl Iterator<Item = &'static str> {
    ENDPOINTS.iter().filter(|e| matches!(e.hosts, Hosts::Exact(_))).flat_map(|e| e.hosts.named().iter().copied())
}

/// Paths of the `ConsentPage` endpoints, whose copies need only a query string, lower-case.
pub fn consent_page_paths() -> Vec<String> {
    ENDPOINTS
        .iter()
        .filter(|e| e.flow == Flow::ConsentPage)
        .filter_map(|e| match e.path {
            Exact(p) => Some(p.to_ascii_lowercase()),
            _ => None,
        })
        .collect()
}

fn copies_request(url: &Url<'_>, candidates: &[&'static Endpoint]) -> bool {
    const PARAMS: &[&str] = REQUEST_PARAMS;
    if candidates.iter().any(|e| e.flow == Flow::ConsentPage) && !url.query.is_empty() {
        return true;
    }
    url.query_pairs().any(|(k, v)| PARAMS.contains(&k.as_ref()) && !v.trim().is_empty())
}

fn idn_host(host: &str) -> bool {
    !host.is_ascii() || host.split('.').any(|l| l.starts_with("xn--"))
}

/// True when `host` borrows `provider`'s name or address without being the provider's.
pub fn imitates(host: &str, provider: Provider) -> bool {
    if provider.owns_host(host) {
        return false;
    }
    let labels = folded_labels(host);
    if labels.is_empty() {
        return false;
    }
    // The provider's own address inside the host: `twitter.com.evil.example`, `accounts-google.com`.
    let own_hosts = ENDPOINTS
        .iter()
        .filter(|e| e.provider == provider)
        .flat_map(|e| e.hosts.named().iter())
        .chain(provider.own_domains().iter());
    let joined: String = labels.concat();
    for h in own_hosts {
        let seq = folded_labels(h);
        if contains_run(&labels, &seq) {
            return true;
        }
        let compact = seq.concat();
        if compact.len() >= 8 && joined.contains(&compact) {
            return true;
        }
    }
    // The brand name, possibly misspelt by one letter: `faceb00k`, `gooogle`, `linkdin`.
    for brand in provider.brands() {
        let b = collapse(&fold(brand));
        for l in &labels {
            let l = collapse(l);
            if l.contains(&b) || (b.chars().count() >= 5 && within_one_edit(&l, &b)) {
                return true;
            }
        }
    }
    false
}

/// Host labels split on `.` and `-`, each folded.
fn folded_labels(host: &str) -> Vec<String> {
    host.split(['.', '-', '_']).filter(|l| !l.is_empty()).map(fold).collect()
}

/// Maps characters that look alike to one representative: `0`/`o`, `1`/`l`/`i`, `3`/`e`,
/// `4`/`a`, `5`/`s`, `7`/`t`; `rn` reads as `m`, `vv` as `w`.
fn fold(s: &str) -> String {
    let lower = s.to_lowercase().replace("rn", "m").replace("vv", "w");
    lower
        .chars()
        .map(|c| match c {
            '0' => 'o',
            '1' | 'i' | '!' | '|' => 'l',
            '3' => 'e',
            '4' | '@' => 'a',
            '5' | '$' => 's',
            '7' => 't',
            c => c,
        })
        .collect()
}

/// Collapses doubled letters (`gooogle` and `google` both become `gogle`).
fn collapse(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut last = None;
    for c in s.chars() {
        if Some(c) != last {
            out.push(c);
        }
        last = Some(c);
    }
    out
}

fn contains_run(hay: &[String], needle: &[String]) -> bool {
    !needle.is_empty() && hay.len() >= needle.len() && hay.windows(needle.len()).any(|w| w == needle)
}

/// Levenshtein distance of at most one (one letter added, dropped or changed).
fn within_one_edit(a: &str, b: &str) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let (short, long) = if a.len() <= b.len() { (&a, &b) } else { (&b, &a) };
    if long.len() - short.len() > 1 {
        return false;
    }
    let mut i = 0;
    let mut j = 0;
    let mut edits = 0;
    while i < short.len() && j < long.len() {
        if short[i] == long[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        if short.len() == long.len() {
            i += 1;
        }
        j += 1;
    }
    edits + (long.len() - j) + (short.len() - i) <= 1
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn own_hosts_are_never_lookalikes() {
        for p in Provider::ALL {
            for e in ENDPOINTS.iter().filter(|e| e.provider == p) {
                for h in e.hosts.named() {
                    assert!(!imitates(h, p), "{h}");
                    assert!(p.owns_host(h), "{h} not owned by {p:?}");
                }
            }
        }
        assert!(Provider::Google.owns_host("google.co.uk"));
        assert!(Provider::Google.owns_host("google.de"));
        assert!(!Provider::Google.owns_host("google.evil"));
    }

    #[test]
    fn imitations_are_spotted() {
        assert!(imitates("twitter.com.evil.example", Provider::X));
        assert!(imitates("x.com.evil.example", Provider::X));
        assert!(imitates("api-x-com.example", Provider::X));
        assert!(!imitates("box.com", Provider::X));
        assert!(imitates("accounts-google.com", Provider::Google));
        assert!(imitates("gooogle-login.net", Provider::Google));
        assert!(imitates("faceb00k.com", Provider::Facebook));
        assert!(imitates("linkdin-auth.com", Provider::Linkedin));
        assert!(imitates("githab.com", Provider::Github));
        assert!(imitates("login-microsoftonline.com.phish.example", Provider::Microsoft));
        assert!(imitates("rnicrosoft-login.com", Provider::Microsoft));
        assert!(imitates("login.live.com.evil.example", Provider::Microsoft));
        assert!(!imitates("example.com", Provider::Google));
        assert!(!imitates("klout.com", Provider::X));
        assert!(!imitates("gitlab.com", Provider::Github));
    }

    #[test]
    fn edit_distance_is_bounded() {
        assert!(within_one_edit("gogle", "gogle"));
        assert!(within_one_edit("gogl", "gogle"));
        assert!(within_one_edit("gogxe", "gogle"));
        assert!(within_one_edit("gogles", "gogle"));
        assert!(!within_one_edit("gxgxe", "gogle"));
        assert!(!within_one_edit("", "gogle"));
        assert!(within_one_edit("", "a"));
    }

    #[test]
    fn paths() {
        let u = Url::parse("https://www.facebook.com/v19.0/dialog/oauth?client_id=1").unwrap();
        assert!(ENDPOINTS[4].path_matches(&u));
        for bad in
            ["/v19.0.1/dialog/oauth", "/x19.0/dialog/oauth", "/v/dialog/oauth", "/v1.a/dialog/oauth", "/dialog/oauth/x"]
        {
            let s = format!("https://www.facebook.com{bad}?client_id=1");
            let u = Url::parse(&s).unwrap();
            assert!(!ENDPOINTS[4].path_matches(&u), "{bad}");
        }
        assert!(graph_version("v2.8") && graph_version("v3") && !graph_version("v") && !graph_version("v1234"));
        assert!(google_country_domain("google.com.br") && !google_country_domain("notgoogle.com.br.evil"));
    }
}
