//! Microsoft identity platform scopes: OpenID Connect scopes, common Microsoft Graph
//! delegated permissions (short names like `Mail.Read`, or full URIs such as
//! `https://graph.microsoft.com/Mail.Read`), and the consumer Microsoft account (Live
//! Connect / OneDrive personal) scopes used on `login.live.com`.

use super::{def, Risk::*, ScopeDef};

const OIDC: &str = "https://learn.microsoft.com/entra/identity-platform/scopes-oidc";
const GRAPH: &str = "https://developer.microsoft.com/en-us/graph/docs/concepts/permissions_reference";
const MAIL: &str = "https://www.iam-specialist.com/microsoft-graph/permissions/mail";
const SHARED: &str = "https://learn.microsoft.com/graph/outlook-share-messages-folders";
const M365: &str = "https://docs.automationanywhere.com/bundle/enterprise-v2019/page/enterprise-cloud/topics/aae-client/bot-creator/commands/cloud-permissions-for-application.html";
const EWS: &str = "https://help.politemail.com/help/graph-permissions";
const LIVE: &str = "https://msdn.microsoft.com/en-us/library/dn631845.aspx";
const ONEDRIVE: &str = "https://learn.microsoft.com/en-us/onedrive/developer/rest-api/getting-started/msa-oauth";

/// Resource prefixes that name Microsoft Graph in a scope (`<resource>/<permission>`).
const GRAPH_PREFIXES: &[&str] = &["https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000/"];

/// The permission name without a Microsoft Graph resource prefix.
pub fn strip_resource(scope: &str) -> &str {
    for p in GRAPH_PREFIXES {
        if let Some(head) = scope.get(..p.len()) {
            if head.eq_ignore_ascii_case(p) {
                return scope.get(p.len()..).unwrap_or(scope);
            }
        }
    }
    scope
}

pub static SCOPES: &[ScopeDef] = &[
    // OpenID Connect.
    def("openid", Low, "Sign you in with your Microsoft account.", OIDC),
    def("profile", Low, "Your name and basic profile.", OIDC),
    def("email", Low, "Your email address.", OIDC),
    def(
        "offline_access",
        Medium,
        "Keep access to what you allow even when you are not using the app (a refresh token).",
        OIDC,
    ),
    def(
        ".default",
        Unknown,
        "Every permission the app registered in advance; the list is not in this link, so it cannot be rated here.",
        OIDC,
    ),
    // Profile and directory.
    def("User.Read", Low, "Sign you in and read your profile, plus basic information about your organisation.", M365),
    def("User.ReadBasic.All", Medium, "Names, email addresses and photos of everyone in your organisation.", M365),
    def("User.Read.All", High, "The full profiles of everyone in your organisation.", GRAPH),
    def("User.ReadWrite", High, "Read and change your profile.", GRAPH),
    def("User.ReadWrite.All", High, "Read and change the profiles of everyone in your organisation.", GRAPH),
    def("Directory.Read.All", High, "Read your organisation's directory: users, groups and apps.", M365),
    def("Directory.ReadWrite.All", High, "Read and change your organisation's directory.", M365),
    def("Directory.AccessAsUser.All", High, "Everything you can do in your organisation's directory, as you.", M365),
    def(
        "People.Read",
        High,
        "The people most relevant to you: contacts, frequent correspondents and colleagues.",
        GRAPH,
    ),
    def("Group.Read.All", High, "All groups you can see, with their conversations and files.", GRAPH),
    def("Group.ReadWrite.All", High, "Create, change and delete groups, their conversations and files.", GRAPH),
    def("Presence.Read", Medium, "Whether you are available, busy or away in Teams.", GRAPH),
    // Mail.
    def("Mail.Read", High, "Read every email in your mailbox.", MAIL),
    def(
        "Mail.ReadBasic",
        High,
        "See who you email with, when, and the subject lines (not the text or attachments).",
        MAIL,
    ),
    def("Mail.ReadWrite", High, "Read, create, change and delete your email (not send).", MAIL),
    def("Mail.Send", High, "Send email as you.", MAIL),
    def("Mail.Read.Shared", High, "Read your email and every mailbox shared with you.", SHARED),
    def("Mail.ReadWrite.Shared", High, "Read, change and delete your email and mail shared with you.", SHARED),
    def("Mail.Send.Shared", High, "Send email as you and on behalf of others.", MAIL),
    def("MailboxSettings.Read", Medium, "Your mailbox settings: time zone, language, automatic replies.", GRAPH),
    def(
        "MailboxSettings.ReadWrite",
        High,
        "Change your mailbox settings, including automatic replies and forwarding rules.",
        GRAPH,
    ),
    def("EWS.AccessAsUser.All", High, "Full access to your mailbox through Exchange Web Services.", EWS),
    def("IMAP.AccessAsUser.All", High, "Read and change your mailbox over IMAP.", GRAPH),
    def("POP.AccessAsUser.All", High, "Download your email over POP.", GRAPH),
    def("SMTP.Send", High, "Send email as you over SMTP.", GRAPH),
    // Contacts and calendars.
    def("Contacts.Read", High, "Read all your contacts.", GRAPH),
    def("Contacts.ReadWrite", High, "Read, create, change and delete your contacts.", GRAPH),
    def("Contacts.Read.Shared", High, "Read your contacts and contacts shared with you.", GRAPH),
    def("Calendars.Read", Medium, "Read the events in your calendars.", M365),
    def(
        "Calendars.ReadBasic",
        Medium,
        "Read your calendar events without their text, attendees or attachments.",
        GRAPH,
    ),
    def("Calendars.Read.Shared", Medium, "Read events in all calendars you can access, including shared ones.", M365),
    def("Calendars.ReadWrite", High, "Create, read, change and delete your calendar events.", M365),
    def(
        "Calendars.ReadWrite.Shared",
        High,
        "Create, change and delete events in every calendar you can access.",
        GRAPH,
    ),
    // Files and notes.
    def("Files.Read", High, "Read all your OneDrive files.", GRAPH),
    def("Files.ReadWrite", High, "Read, create, change and delete your OneDrive files.", GRAPH),
    def("Files.Read.All", High, "Read every file you can access, including files shared with you.", GRAPH),
    def("Files.ReadWrite.All", High, "Read, change and delete every file you can access.", GRAPH),
    def("Files.Read.Selected", Medium, "Read only the files you pick, for a few hours.", GRAPH),
    def("Files.ReadWrite.Selected", Medium, "Read and change only the files you pick, for a few hours.", GRAPH),
    def("Files.ReadWrite.AppFolder", Low, "Use the app's own folder in your OneDrive.", GRAPH),
    def("Sites.Read.All", High, "Read items in all SharePoint sites you can access.", GRAPH),
    def("Sites.ReadWrite.All", High, "Change and delete items in all SharePoint sites you can access.", GRAPH),
    def("Notes.Read", High, "Read your OneNote notebooks.", GRAPH),
    def("Notes.ReadWrite", High, "Read, change and delete your OneNote notebooks.", GRAPH),
    def("Notes.Read.All", High, "Read all OneNote notebooks you can access.", GRAPH),
    def("Notes.Create", Medium, "Create new OneNote notebooks and pages for you.", GRAPH),
    def("Tasks.Read", Medium, "Read your tasks and to-do lists.", GRAPH),
    def("Tasks.ReadWrite", High, "Create, change and delete your tasks.", GRAPH),
    // Teams.
    def("Chat.Read", High, "Read your Teams chat messages.", GRAPH),
    def("Chat.ReadWrite", High, "Read and send Teams chat messages as you.", GRAPH),
    def("ChannelMessage.Read.All", High, "Read the messages in Teams channels you can access.", GRAPH),
    // Consumer Microsoft account (Live Connect, login.live.com).
    def("wl.signin", Low, "Sign you in with your Microsoft account.", LIVE),
    def("wl.basic", Medium, "Your basic profile and your list of contacts.", LIVE),
    def("wl.emails", Low, "Your personal, preferred and business email addresses.", LIVE),
    def(
        "wl.offline_access",
        Medium,
        "Read and update your information at any time, even when you are not using the app.",
        LIVE,
    ),
    def("wl.birthday", Medium, "Your birthday.", LIVE),
    def("wl.phone_numbers", Medium, "Your phone numbers.", LIVE),
    def("wl.postal_addresses", Medium, "Your postal addresses.", LIVE),
    def("wl.work_profile", Medium, "Your employer and work profile.", LIVE),
    def("wl.calendars", Medium, "Read your calendars and events.", LIVE),
    def("wl.calendars_update", High, "Create, change and delete your calendars and events.", LIVE),
    def("wl.contacts_emails", High, "The email addresses of all your contacts.", LIVE),
    def("wl.contacts_birthday", High, "Your contacts' birthdays.", LIVE),
    def("wl.photos", High, "Your photos, videos and albums.", LIVE),
    def("wl.skydrive", High, "Read your OneDrive files.", LIVE),
    def("wl.skydrive_update", High, "Read, change and delete your OneDrive files.", LIVE),
    def("wl.imap", High, "Read and change your Outlook.com email over IMAP and send as you over SMTP.", LIVE),
    def("onedrive.readonly", High, "Read all your OneDrive files.", ONEDRIVE),
    def("onedrive.readwrite", High, "Read, change and delete all your OneDrive files.", ONEDRIVE),
    def("onedrive.appfolder", Low, "Use the app's own folder in your OneDrive.", ONEDRIVE),
];
