//! Salesforce OAuth scopes: the names its discovery document lists (`scopes_supported`), with
//! what Salesforce's guides say each gives. Names the discovery document lists but no page we
//! could read explains (`lightning`, `content`, `interaction_api`, `cdp_api`,
//! `cdp_segment_api`, `cdp_identityresolution_api`, `cdp_calculated_insight_api`, `scrt_api`,
//! and `custom_permissions`, explained only on a page we could not reach over https)
//! are left out on purpose: they are reported as unknown. Companies can also define custom
//! scopes of their own, which are unknown too.
//!
//! Salesforce's own scope table ("OAuth Tokens and Scopes") is long; where our stored copy of
//! it stops, the entry cites a page that quotes the same text (CData's connector guide).

use super::{def, Risk::*, ScopeDef};

/// Mobile SDK guide, "Scope Parameter Values" (Salesforce).
const MSDK: &str = "https://developer.salesforce.com/docs/platform/mobile-sdk/guide/oauth-scope-parameter-values.html";
/// CData's copy of Salesforce's scope table.
const CDATA: &str = "https://cdn.cdata.com/help/RFK/mcp/pg_oauthrequiredscopes.htm";
/// Headless Identity guide: the connected app's scope labels, "Access unique user identifiers (openid)".
const HEADLESS: &str = "https://developer.salesforce.com/docs/atlas.en-us.headless_identity.meta/headless_identity/headless_identity_create_connected_app.htm";
const BOTS: &str = "https://developer.salesforce.com/docs/service/einstein-bot-api/guide";
const MCP: &str =
    "https://developer.salesforce.com/workshops/headless-360-workshop/explore-salesforce-hosted-mcps/1-enable-and-connect";
const DATA_CLOUD: &str = "https://developer.salesforce.com/docs/data/data-cloud-query-guide/references/data-cloud-query-api-reference/c360a-direct-api-connected-app.html";

const IDENTITY: &str = "Your Salesforce identity: name, username, email address, address and phone number.";

pub static SCOPES: &[ScopeDef] = &[
    // Identity: `profile`, `email`, `address` and `phone` each give the same as `id`.
    def("openid", Low, "Sign you in and learn your unique Salesforce user id (OpenID Connect).", HEADLESS),
    def("id", Low, IDENTITY, CDATA),
    def("profile", Low, IDENTITY, CDATA),
    def("email", Low, IDENTITY, CDATA),
    def("address", Low, IDENTITY, CDATA),
    def("phone", Low, IDENTITY, CDATA),
    def("refresh_token", Medium, "Keep working with your Salesforce data while you are away (a refresh token).", CDATA),
    def(
        "offline_access",
        Medium,
        "Keep working with your Salesforce data while you are away (a refresh token).",
        CDATA,
    ),
    def("eclair_api", Medium, "Read the map data (geodata) behind Salesforce Analytics charts.", MSDK),
    def("chatbot_api", Medium, "Use your company's Einstein bots.", BOTS),
    // Data: everything the person can reach, which in a CRM is mostly other people.
    def(
        "api",
        High,
        "Read and change everything your Salesforce account can reach through its APIs: the company's \
         contacts, leads, accounts and their histories, not only your own data.",
        MSDK,
    ),
    def("full", High, "Everything your Salesforce account can reach, with every other permission.", CDATA),
    def("web", High, "Use Salesforce in a browser as you, including your company's own Visualforce pages.", CDATA),
    def("visualforce", High, "Use your company's own Visualforce pages in Salesforce as you.", CDATA),
    def("chatter_api", High, "Read and post in Chatter and use Connect REST API resources as you.", MSDK),
    def(
        "pardot_api",
        High,
        "Use Marketing Cloud Account Engagement (Pardot) as you: its prospects, campaigns and emails.",
        MSDK,
    ),
    def("wave_api", High, "Read your company's Salesforce Analytics (CRM Analytics) data.", MSDK),
    def(
        "cdp_query_api",
        High,
        "Query the Data Cloud: the customer profiles your company unified from all its sources.",
        MSDK,
    ),
    def("cdp_profile_api", High, "Read and change Data Cloud profile records about people.", DATA_CLOUD),
    def("cdp_ingest_api", High, "Upload and change data sets in your company's Data Cloud.", MSDK),
    def("mcp_api", High, "Use Salesforce's hosted MCP servers (AI agents acting on your data).", MCP),
];
