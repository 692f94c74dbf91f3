//! Google OAuth 2.0 scopes people meet most often.
//!
//! Google spells scopes as full URLs (`https://www.googleapis.com/auth/drive.readonly`),
//! plus the OpenID Connect short names `openid`, `email`, `profile`. Meanings follow the
//! descriptions in Google's own API client libraries (googleapis.dev), which are the
//! strings Google shows on its consent screen; the "restricted" ratings follow Google's
//! restricted-scope list.

use super::{def, Risk::*, ScopeDef};

const OIDC: &str = "https://developers.google.com/identity/openid-connect/reference";
const USERINFO: &str = "https://developers.google.com/resources/api-libraries/documentation/oauth2/v2/cpp/latest/classgoogle__oauth2__api_1_1Oauth2Service_1_1SCOPES.html";
const GMAIL: &str =
    "https://googleapis.dev/dotnet/Google.Apis.Gmail.v1/latest/api/Google.Apis.Gmail.v1.GmailService.Scope.html";
const GMAIL_GO: &str = "https://pkg.go.dev/github.com/watermint/toolbox@v0.6.0/domain/google/api/goog_auth";
const SCRIPT: &str =
    "https://googleapis.dev/dotnet/Google.Apis.Script.v1/latest/api/Google.Apis.Script.v1.ScriptService.Scope.html";
const RESTRICTED: &str = "https://support.google.com/cloud/answer/13464325?hl=en";
const DRIVE: &str =
    "https://googleapis.dev/dotnet/Google.Apis.Drive.v2/latest/api/Google.Apis.Drive.v2.DriveService.Scope.html";
const DOCS: &str =
    "https://googleapis.dev/dotnet/Google.Apis.Docs.v1/latest/api/Google.Apis.Docs.v1.DocsService.ScopeConstants.html";
const CAL: &str = "https://googleapis.dev/dotnet/Google.Apis.Calendar.v3/latest/api/Google.Apis.Calendar.v3.CalendarService.Scope.html";
const PEOPLE: &str = "https://googleapis.dev/dotnet/Google.Apis.PeopleService.v1/latest/api/Google.Apis.PeopleService.v1.PeopleServiceService.Scope.html";
const YT: &str =
    "https://googleapis.dev/dotnet/Google.Apis.YouTube.v3/latest/api/Google.Apis.YouTube.v3.YouTubeService.Scope.html";
const APPS_SCRIPT_LIST: &str = "https://github.com/RR-Helpdesk/apps-script-starter/blob/master/scopes.md";
const PLUS: &str = "https://googleapis.dev/ruby/google-api-client/v0.15.0/Google/Apis/PlusV1.html";
const PLUS_DOMAINS: &str =
    "https://docs.huihoo.com/phpdoc/moodle/2.8/xref/lib/google/Google/Service/PlusDomains.php.source.txt";
const WEB_SERVER: &str = "https://developers.google.com/accounts/docs/OAuth2WebServer#offline";

/// Not a scope: `access_type=offline` on the authorization URL. Reported with this entry.
pub static OFFLINE: ScopeDef = def(
    "access_type=offline",
    Medium,
    "Keep access while you are not using the app (Google issues a refresh token), until you remove it.",
    WEB_SERVER,
);

pub static SCOPES: &[ScopeDef] = &[
    // Identity.
    def("openid", Low, "Confirm who you are: your Google account ID.", OIDC),
    def("email", Low, "Your Google account email address.", OIDC),
    def("profile", Low, "Your name and profile picture.", OIDC),
    def("https://www.googleapis.com/auth/userinfo.email", Low, "Your Google account email address.", USERINFO),
    def(
        "https://www.googleapis.com/auth/userinfo.profile",
        Low,
        "Your name and profile picture, and any personal info you made public.",
        USERINFO,
    ),
    def("https://www.googleapis.com/auth/plus.me", Low, "Know who you are on Google (retired Google+).", PLUS),
    def(
        "https://www.googleapis.com/auth/user.emails.read",
        Low,
        "All the email addresses of your Google account.",
        PEOPLE,
    ),
    // Gmail: all restricted.
    def("https://mail.google.com/", High, "Read, write, send and permanently delete all your email in Gmail.", SCRIPT),
    def(
        "https://www.googleapis.com/auth/gmail.readonly",
        High,
        "Read every email in your Gmail account, with its attachments and your settings.",
        GMAIL_GO,
    ),
    def(
        "https://www.googleapis.com/auth/gmail.metadata",
        High,
        "See who you email with, when, and the subject lines of all your email (not the text).",
        GMAIL_GO,
    ),
    def(
        "https://www.googleapis.com/auth/gmail.modify",
        High,
        "Read, send, change and delete your email (except permanent deletion).",
        GMAIL_GO,
    ),
    def(
        "https://www.googleapis.com/auth/gmail.compose",
        High,
        "Create, read and send drafts and send email as you.",
        GMAIL_GO,
    ),
    def("https://www.googleapis.com/auth/gmail.send", High, "Send email as you.", GMAIL_GO),
    def("https://www.googleapis.com/auth/gmail.insert", High, "Add emails into your Gmail mailbox.", GMAIL),
    def("https://www.googleapis.com/auth/gmail.labels", Medium, "See, create and change your Gmail labels.", GMAIL_GO),
    def(
        "https://www.googleapis.com/auth/gmail.settings.basic",
        High,
        "Change your Gmail settings, such as filters.",
        GMAIL_GO,
    ),
    def(
        "https://www.googleapis.com/auth/gmail.settings.sharing",
        High,
        "Change sensitive Gmail settings such as forwarding your email to another address.",
        GMAIL_GO,
    ),
    def(
        "https://www.googleapis.com/auth/gmail.addons.current.message.readonly",
        High,
        "Read the email you have open while the add-on runs.",
        GMAIL,
    ),
    // Drive and documents.
    def(
        "https://www.googleapis.com/auth/drive",
        High,
        "See, edit, create and delete all of your Google Drive files.",
        DRIVE,
    ),
    def("https://www.googleapis.com/auth/drive.readonly", High, "See and download all your Google Drive files.", DOCS),
    def(
        "https://www.googleapis.com/auth/drive.file",
        Medium,
        "See, edit and delete only the Drive files you open or create with this app.",
        DRIVE,
    ),
    def(
        "https://www.googleapis.com/auth/drive.appdata",
        Low,
        "Keep the app's own settings in a hidden folder of your Drive.",
        DRIVE,
    ),
    def(
        "https://www.googleapis.com/auth/drive.apps.readonly",
        Low,
        "See which Google Drive apps you installed.",
        DRIVE,
    ),
    def(
        "https://www.googleapis.com/auth/drive.metadata",
        Medium,
        "See and change the names and details of all your Drive files (not their contents).",
        DRIVE,
    ),
    def(
        "https://www.googleapis.com/auth/drive.metadata.readonly",
        Medium,
        "See the names and details of all your Drive files (not their contents).",
        DRIVE,
    ),
    def(
        "https://www.googleapis.com/auth/drive.photos.readonly",
        High,
        "See the photos, videos and albums in your Google Photos.",
        DRIVE,
    ),
    def(
        "https://www.googleapis.com/auth/drive.activity",
        Medium,
        "See and add to the activity history of your Drive files.",
        RESTRICTED,
    ),
    def(
        "https://www.googleapis.com/auth/drive.activity.readonly",
        Medium,
        "See the activity history of your Drive files.",
        RESTRICTED,
    ),
    def(
        "https://www.googleapis.com/auth/drive.scripts",
        High,
        "Change the behaviour of your Apps Script projects.",
        RESTRICTED,
    ),
    def(
        "https://www.googleapis.com/auth/documents",
        High,
        "See, edit, create and delete all your Google Docs documents.",
        DOCS,
    ),
    def("https://www.googleapis.com/auth/documents.readonly", High, "See all your Google Docs documents.", DOCS),
    def(
        "https://www.googleapis.com/auth/spreadsheets",
        High,
        "See, edit, create and delete all your Google Sheets spreadsheets.",
        APPS_SCRIPT_LIST,
    ),
    def(
        "https://www.googleapis.com/auth/spreadsheets.readonly",
        High,
        "See all your Google Sheets spreadsheets.",
        APPS_SCRIPT_LIST,
    ),
    // Calendar.
    def(
        "https://www.googleapis.com/auth/calendar",
        High,
        "See, edit, share and permanently delete all the calendars you can access.",
        CAL,
    ),
    def(
        "https://www.googleapis.com/auth/calendar.readonly",
        Medium,
        "See and download every calendar you can access.",
        CAL,
    ),
    def("https://www.googleapis.com/auth/calendar.events", High, "See and edit the events on all your calendars.", CAL),
    def(
        "https://www.googleapis.com/auth/calendar.events.readonly",
        Medium,
        "See the events on all your calendars.",
        CAL,
    ),
    def("https://www.googleapis.com/auth/calendar.settings.readonly", Low, "See your Calendar settings.", CAL),
    // Contacts and personal details.
    def(
        "https://www.googleapis.com/auth/contacts",
        High,
        "See, edit, download and permanently delete your contacts.",
        PEOPLE,
    ),
    def("https://www.googleapis.com/auth/contacts.readonly", High, "See and download all your contacts.", PEOPLE),
    def(
        "https://www.googleapis.com/auth/contacts.other.readonly",
        High,
        "See and download the people Gmail saved in 'Other contacts' (everyone you emailed).",
        PEOPLE,
    ),
    def(
        "https://www.googleapis.com/auth/directory.readonly",
        High,
        "See and download your organisation's Google Workspace directory.",
        PEOPLE,
    ),
    def("https://www.googleapis.com/auth/user.addresses.read", Medium, "Your street addresses.", PEOPLE),
    def("https://www.googleapis.com/auth/user.birthday.read", Medium, "Your exact date of birth.", PEOPLE),
    def("https://www.googleapis.com/auth/user.gender.read", Medium, "Your gender.", PEOPLE),
    def(
        "https://www.googleapis.com/auth/user.organization.read",
        Medium,
        "Your education and work history, organisation and job title.",
        PEOPLE,
    ),
    def("https://www.googleapis.com/auth/user.phonenumbers.read", Medium, "Your personal phone numbers.", PEOPLE),
    // YouTube.
    def("https://www.googleapis.com/auth/youtube", High, "Manage your YouTube account.", YT),
    def(
        "https://www.googleapis.com/auth/youtube.readonly",
        Medium,
        "See your YouTube account: channel, playlists, subscriptions and likes.",
        YT,
    ),
    def("https://www.googleapis.com/auth/youtube.upload", High, "Upload and manage your YouTube videos.", YT),
    def(
        "https://www.googleapis.com/auth/youtube.force-ssl",
        High,
        "See, edit and permanently delete your YouTube videos, ratings, comments and captions.",
        YT,
    ),
    def(
        "https://www.googleapis.com/auth/youtubepartner",
        High,
        "See and manage your assets and content on YouTube.",
        YT,
    ),
    def(
        "https://www.googleapis.com/auth/youtube.channel-memberships.creator",
        Medium,
        "See your channel's current members, their level and when they joined.",
        YT,
    ),
    // Google+ (retired 2019; still in old links).
    def(
        "https://www.googleapis.com/auth/plus.login",
        Medium,
        "Your basic profile and the list of people in your circles (retired Google+).",
        PLUS,
    ),
    def(
        "https://www.googleapis.com/auth/plus.circles.read",
        Medium,
        "Your circles and the people in them (retired Google+).",
        PLUS_DOMAINS,
    ),
    def(
        "https://www.googleapis.com/auth/plus.circles.write",
        High,
        "Change your circles and add people to them (retired Google+).",
        PLUS_DOMAINS,
    ),
    def(
        "https://www.googleapis.com/auth/plus.stream.read",
        Medium,
        "Your Google+ posts, comments and stream (retired Google+).",
        PLUS_DOMAINS,
    ),
    def(
        "https://www.googleapis.com/auth/plus.stream.write",
        High,
        "Post and comment on Google+ as you (retired Google+).",
        PLUS_DOMAINS,
    ),
    def(
        "https://www.googleapis.com/auth/plus.profiles.read",
        Medium,
        "Your Google+ profile and the profiles you can see (retired Google+).",
        PLUS_DOMAINS,
    ),
    def(
        "https://www.googleapis.com/auth/plus.media.upload",
        High,
        "Send your photos and videos to Google+ (retired Google+).",
        PLUS_DOMAINS,
    ),
    // Health and cloud.
    def(
        "https://www.googleapis.com/auth/fitness.activity.read",
        High,
        "Your physical activity data from Google Fit.",
        RESTRICTED,
    ),
    def(
        "https://www.googleapis.com/auth/fitness.blood_glucose.read",
        High,
        "Your blood glucose readings from Google Fit.",
        RESTRICTED,
    ),
    def(
        "https://www.googleapis.com/auth/fitness.blood_pressure.read",
        High,
        "Your blood pressure readings from Google Fit.",
        RESTRICTED,
    ),
    def(
        "https://www.googleapis.com/auth/fitness.body_temperature.read",
        High,
        "Your body temperature readings from Google Fit.",
        RESTRICTED,
    ),
    def(
        "https://www.googleapis.com/auth/cloud-platform",
        High,
        "See, edit, configure and delete your Google Cloud data and services.",
        APPS_SCRIPT_LIST,
    ),
];
