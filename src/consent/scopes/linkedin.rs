//! LinkedIn member permissions.
//!
//! Sign In with LinkedIn using OpenID Connect (`openid profile email`, since 2023-08-01),
//! the deprecated v2 sign-in scopes (`r_liteprofile`, `r_emailaddress`), the open
//! `w_member_social`, and the retired v1 scopes of the `/uas/oauth2/authorization` era.

use super::{def, Risk::*, ScopeDef};

const OIDC: &str =
    "https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin-v2";
const V2: &str = "https://learn.microsoft.com/en-us/linkedin/consumer/integrations/self-serve/sign-in-with-linkedin";
const AUTH: &str = "https://learn.microsoft.com/en-us/linkedin/shared/authentication/authentication";
const LEGACY: &str = "https://datacadamia.com/linkedin/authentication";
const BASIC: &str = "https://docs.gossinteractive.com/article/7228/LinkedIn";
const ORG: &str = "https://gist.github.com/officialrajdeepsingh/070b60e1564877136b1813fd2d940d03";
const CONNECTIONS: &str =
    "https://learn.microsoft.com/en-us/answers/questions/1644386/how-do-i-get-access-to-this-linkedin-api-connectio";

pub static SCOPES: &[ScopeDef] = &[
    def("openid", Low, "Confirm who you are on LinkedIn (sign-in).", OIDC),
    def("profile", Low, "Your name, profile picture and LinkedIn ID.", OIDC),
    def("email", Low, "Your primary email address.", OIDC),
    def("r_liteprofile", Low, "Your name, profile picture and LinkedIn ID (older sign-in).", V2),
    def("r_emailaddress", Low, "Your primary email address (older sign-in).", V2),
    def("r_basicprofile", Low, "Your name, photo, headline and profile address.", BASIC),
    def("r_1st_connections_size", Low, "How many connections you have (not who they are).", CONNECTIONS),
    def("w_member_social", High, "Post, comment and react on LinkedIn as you.", AUTH),
    def("r_member_social", Medium, "Your posts, comments and reactions.", ORG),
    def("r_organization_social", Medium, "Posts and comments of the company pages you administer.", ORG),
    def("w_organization_social", High, "Post, comment and react as the company pages you administer.", ORG),
    def("rw_organization_admin", High, "Manage the company pages you administer and read their statistics.", ORG),
    def("r_fullprofile", Medium, "Your full profile: jobs, education, skills and more (retired).", LEGACY),
    def("r_contactinfo", Medium, "Your phone numbers, addresses and messenger accounts (retired).", LEGACY),
    def("r_network", High, "Your connections and their profiles, who never agreed to share them (retired).", LEGACY),
    def("rw_nus", High, "Read your network's updates and post updates as you (retired).", LEGACY),
];
