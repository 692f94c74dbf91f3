//! Score displays of services the catalog does not know: "Influence score 63",
//! "Reputation: 1280" under a member's name, "声望 857" on a forum profile.
//!
//! Precision first: a false note on a shop page costs more trust than a missed badge. A
//! display is found in two steps:
//!
//! 1. [`score_display`] reads a short text (a badge, a table cell, a stat block) for a
//!    person-scoring label right before or after a value: a number (`63`, `1,280`, `2.3k`),
//!    a ratio (`63/100`, `4.2/5`), a percentage, a percentile or a letter grade. Prose that
//!    mentions a score is longer, or reads as a sentence, and is left alone.
//! 2. [`is_about_a_person`] looks at the card around it. Labels that only ever score people
//!    ("influence score") stand alone; labels shared with things ("reputation", "trust
//!    score", "karma") need a person beside them: an @handle, an avatar, a link to a member
//!    page, a personal e-mail address (linked or shown), a job candidate's card, or a member
//!    page as the page itself. Another thing's score ("Tech score 86%") counts only in a
//!    candidate's or a contact's card, or a table row of members. Words of ratings, credit,
//!    SEO, page speed, security, games, sports and exams rule a display out whatever its label.
//!
//! ```
//! use unscored::heuristics::{is_about_a_person, score_display, Context};
//! let d = score_display("Influence Score 63").unwrap();
//! assert_eq!(d.value, "63");
//! assert!(is_about_a_person(&d, &Context::default()));
//! let d = score_display("Reputation: 1280").unwrap();
//! assert!(!is_about_a_person(&d, &Context::default()));
//! let card = Context { links: vec!["/users/jane".into()], ..Context::default() };
//! assert!(is_about_a_person(&d, &card));
//! assert!(score_display("Last week the bot reached a Kred score of 754, which says it all.").is_none());
//! ```

use crate::names::{is_given_name, names_a_person};

/// Longest text still read as a display rather than prose.
pub const MAX_DISPLAY_CHARS: usize = 60;

/// Words the page side looks for before sending an element: every label below contains
/// one of them (ASCII letters compared case-insensitively).
pub const HINTS: &[&str] = &[
    "score",
    "honor",
    "prestige",
    "match",
    "fit index",
    "匹配度",
    "reput",
    "éput",
    "karma",
    // Turkish capital İ lower-cases to "i̇": the page side finds "İtibar" by its rest.
    "tibar",
    "eng. rate",
    "eng.rate",
    "tasa de part",
    "互动率",
    "互動率",
    "참여율",
    "매너온도",
    "معدل التفاعل",
    "信譽",
    "명성",
    "độ tin tưởng",
    "kepercayaan",
    "مستوى الثقة",
    "рівень довіри",
    "luottamustaso",
    "bizalmi szint",
    "דרגת אמון",
    "trustlevel",
    "trust",
    "důvěryhodnost",
    "الكارما",
    "贡献值",
    "貢獻值",
    "influen",
    "einfluss",
    "social authority",
    "level",
    "lvl",
    "lv.",
    "уровен",
    "niveau",
    "livello",
    "seviye",
    "poziom",
    "レベル",
    "레벨",
    "等级",
    "等級",
    "risk",
    "performance",
    "productivity",
    "peerindex",
    "ansehen",
    "percentile",
    "engagement",
    "engaj",
    "churn",
    "经验",
    "selling index",
    "credib",
    "エンゲージメント",
    "points",
    // A singular "Point" beside its value ("1250 Point", "Point : 15,320"), never inside a word
    // ("appointment", "pointer"), which a bare "point" would send from every page.
    " point",
    "point ",
    "point:",
    " pts",
    // Experience points, as gamification plugins word a member's points ("1450 xp", "XP: 980");
    // not a bare "xp", which sits inside "export" and "expect".
    " xp",
    "xp ",
    "xp:",
    "punkte",
    "puntos",
    "ponto",
    "punti",
    "puntuaci",
    "pontua",
    "job success",
    "punkt",
    "poäng",
    "puan",
    "punts",
    "очк",
    "балл",
    "бали",
    "点数",
    "积分",
    "積分",
    "貢献度",
    "integral",
    "ポイント",
    "vertrauensstufe",
    "rep power",
    "pontszám",
    "pontok",
    "skor",
    "nota",
    "calificaci",
    "avaliaç",
    "bewertung",
    "nilai",
    "kpi",
    "得分",
    "скоринг",
    "hiệu suất",
    "σκορ",
    "πόντοι",
    "점수",
    "pisteet",
    "punten",
    "نقاط",
    "النقاط",
    "ქულა",
    "poin",
    "danh tiếng",
    "nivel de confianza",
    "niveau de confiance",
    "livello di attendibilità",
    "nível de confiança",
    "уровень доверия",
    "信頼レベル",
    "信任等級",
    "신뢰 레벨",
    "신뢰지수",
    "poziom zaufania",
    "güven seviyesi",
    "güven puan",
    "förtroendenivå",
    "cheers",
    "포인트",
    "امتیاز",
    "карм",
    "saygın",
    "itibar",
    "rykte",
    "omdømme",
    "hírnév",
    "ugled",
    "maine",
    "tín nhiệm",
    "uy tín",
    "điểm",
    "репутац",
    "φήμη",
    "السمعة",
    "מוניטין",
    "ชื่อเสียง",
    "声望",
    "聲望",
    "影响力",
    "影響力",
    "영향력",
    "信用",
    "信誉",
    "威望",
    "評価",
    "評判",
    "인지도",
    "평판",
    "محبوبیت",
    "声誉",
    "聲譽",
    "แต้ม",
    "poen",
    "skoor",
    "punteggio",
    "skóre",
    "bodů",
    "स्कोर",
    "углед",
    "நற்பெயர்",
    "সন্মাননা",
    "कर्म",
    "カルマ",
    "카르마",
];

/// A leaderboard's heading is at most this long (and holds no number): the page side sends
/// longer texts as displays of their own.
pub const MAX_LIST_HEADING_CHARS: usize = 40;

/// Headings of a list of people ranked by a score: a leaderboard. The page side sends such a
/// heading with the list's first item as its card ([`ranking_display`] reads it).
pub const LIST_HINTS: &[&str] = &[
    // The leaderboard titles of Discourse's gamification plugin, FriendsOfFlarum gamification,
    // Moodle Level Up and NodeBB, as their translation files word them (each file is listed in
    // src/heuristics-sources.md): a plural or inflected ending is allowed after each.
    "leaderboard",
    "ranking",
    "rangliste",
    "classement",
    "clasificaci",
    "classifica",
    "klassement",
    "таблица лидеров",
    "рейтинг",
    "liderlik",
    "sıralama",
    "xếp hạng",
    "peringkat",
    "topplist",
    // phpBB's Reputation System toplist in Polish, learnscripture's Turkish leaderboard
    // (src/heuristics-sources.md §21).
    "toplista",
    "lider tahtas",
    "tulostaulu",
    "المتصدرين",
    "تابلو امتیازات",
    "リーダーボード",
    "ランキング",
    "排行",
    "排名",
    // Question2Answer's heading of its top users' list (`highest_users`), as its packs word it
    // (src/heuristics-sources.md section 11).
    "top scoring users",
    "top score brugere",
    "legmagasabb pontszámú",
    "积分最高的用户",
    "usuarios mejor puntuados",
    "ტოპ მომხმარებლები",
    "ممتاز ترین کاربران",
    "높은 순위 유저",
    "eniten pisteitä",
    "pengguna berskor tertinggi",
    "μεγαλύτερο σκορ",
    "utilizadores com mais pontos",
    "потребители с най-много точки",
    "ผู้ใช้ที่มีคะแนนสูงสุด",
    "korisnici sa najviše poena",
    "suuremate punktidega",
    "utenti con più punti",
    "uživatelé s top skóre",
];

/// Whether a label scores people by itself, or needs a person beside it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Label {
    /// Only people (and their accounts) get this score.
    Person,
    /// Things get it too: a person must be in the same card.
    Shared,
    /// Points: a member's, with a person in the card, unless the card is a post's or a
    /// story's byline ("287 points by jane"), whose points are the item's.
    Points,
    /// A leaderboard's heading: the score is in the list's first item, beside the person.
    Ranking,
    /// A creator's rate ("Engagement 2.7%"): a percentage, with a person in the card. A count
    /// under the same word ("Engagement 1.2K") is a post's interactions, not a score.
    Rate,
    /// A member's rating as LiveStreet shows it ("Рейтинг: +87.40"): a vote tally, signed or
    /// of 10 and more, beside the member. A product's rating (4.5, 9/10, 96%) is none.
    MemberRating,
    /// Another thing's score by its wording ("Tech score 86%", "Overall score 80"): a person's
    /// only where the card is a job candidate's or a contact's, or a row of a table of members.
    Qualified,
    /// A grade or an evaluation by its wording ("Nota (%) 87", "Gesamtbewertung: 4.2", "Nilai
    /// 4.28"): a person's only in an employee's or an applicant's card. Elsewhere it is a
    /// pupil's mark or a product's rating.
    Evaluation,
}

/// Person-scoring labels, lower-case, longest first where one contains another.
const LABELS: &[(&str, Label)] = &[
    ("influencer score", Label::Person),
    ("influence score", Label::Person),
    // Xbox's tally of a player's achievements, an account's alone ("Gamertag | Gamerscore").
    ("gamerscore", Label::Person),
    ("social influence score", Label::Person),
    ("social influence", Label::Person),
    // LinkedIn's score of a member's selling activity, "Social Selling Index 72 out of 100"
    // (src/heuristics-sources.md §20): only members get one.
    ("social selling index", Label::Person),
    // Turkish "user trust score" (a news-verification community's member box: "Kullanıcı Güven
    // Puanı 35 puan"; src/heuristics-sources.md §25): the label names its holder. A bare
    // "güven puanı" may be a shop's.
    ("kullanıcı güven puanı", Label::Person),
    ("güven puanı", Label::Shared),
    ("creator score", Label::Person),
    // A job seeker's resume as a recruiting tool scores it (src/heuristics-sources.md §13).
    ("resume score", Label::Person),
    // The same in Chinese hiring software: the resume's "match degree" to a job ("85% 简历匹配度").
    ("简历匹配度", Label::Person),
    ("social authority", Label::Person),
    ("klout score", Label::Person),
    ("kred score", Label::Person),
    ("kred influence score", Label::Person),
    ("peerindex", Label::Person),
    ("einflussbewertung", Label::Person),
    ("einfluss-score", Label::Person),
    ("score d'influence", Label::Person),
    ("score d’influence", Label::Person),
    ("puntuación de influencia", Label::Person),
    ("índice de influencia", Label::Person),
    ("影响力指数", Label::Person),
    ("影响力", Label::Person),
    // Korean "influence", an influencer ranking's column (src/heuristics-sources.md §15).
    // Vietnamese "influence score", an influencer marketplace's 0–1000 score of each creator
    // (src/heuristics-sources.md §21).
    ("điểm ảnh hưởng", Label::Person),
    ("영향력", Label::Person),
    // Karrot's (당근마켓) "manner temperature", its trust score of each member, 36.5℃ to start
    // (src/heuristics-sources.md §23): only members have one.
    ("매너온도", Label::Person),
    // Reputation scores as translation files word them (src/heuristics-sources.md §21): German
    // and Dutch compounds, Polish genitive ("Wynik reputacji", "Punkty reputacji"), Turkish
    // "reputation points" and a value word glued to the CJK label ("声望值", "評判度").
    ("reputationsbewertung", Label::Shared),
    ("reputatiescore", Label::Shared),
    ("reputacji", Label::Shared),
    ("itibar puanları", Label::Shared),
    ("itibar puanı", Label::Shared),
    ("声望值", Label::Shared),
    ("聲望值", Label::Shared),
    ("評判度", Label::Shared),
    ("評判ポイント", Label::Shared),
    ("信譽", Label::Shared),
    // Korean "fame", Odoo's forum word for karma: a member's, with a person beside it.
    ("명성", Label::Shared),
    ("reputation score", Label::Shared),
    ("reputation", Label::Shared),
    ("réputation", Label::Shared),
    ("reputación", Label::Shared),
    ("reputação", Label::Shared),
    ("reputazione", Label::Shared),
    ("reputasi", Label::Shared),
    ("reputace", Label::Shared),
    ("reputácia", Label::Shared),
    ("reputație", Label::Shared),
    ("reputaţie", Label::Shared),
    ("reputacija", Label::Shared),
    ("reputācija", Label::Shared),
    ("репутація", Label::Shared),
    ("репутација", Label::Shared),
    ("itibar", Label::Shared),
    ("rykte", Label::Shared),
    ("omdømme", Label::Shared),
    ("hírnév", Label::Shared),
    ("ugled", Label::Shared),
    ("maine", Label::Shared),
    ("điểm tín nhiệm", Label::Shared),
    ("uy tín", Label::Shared),
    ("φήμη", Label::Shared),
    ("السمعة", Label::Shared),
    ("מוניטין", Label::Shared),
    ("ชื่อเสียง", Label::Shared),
    ("評判", Label::Shared),
    ("평판", Label::Shared),
    ("reputatie", Label::Shared),
    ("reputacja", Label::Shared),
    ("репутация", Label::Shared),
    ("saygınlık", Label::Shared),
    ("聲望", Label::Shared),
    ("評価", Label::Shared),
    ("인지도", Label::Shared),
    ("影響力", Label::Person),
    ("ansehen", Label::Shared),
    ("声望", Label::Shared),
    ("威望", Label::Shared),
    // Discuz's English pack names 威望 "Prestige"; Codewars names its members' score "Honor".
    ("prestige", Label::Shared),
    ("honor", Label::Shared),
    ("信誉", Label::Shared),
    ("信用分", Label::Shared),
    // Credit points a lending or sharing app keeps of a member, never spent as a shop's are.
    ("信用积分", Label::Shared),
    ("信用積分", Label::Shared),
    // Scoold's and Mbin's Chinese reputation, Apache Answer's Persian one ("popularity").
    ("声誉", Label::Shared),
    ("聲譽", Label::Shared),
    ("محبوبیت", Label::Shared),
    // NodeBB's, Mbin's and Flarum's reputation in more languages (src/heuristics-sources.md
    // section 10).
    ("reputatsioon", Label::Shared),
    ("reputacioni", Label::Shared),
    ("reputasiya", Label::Shared),
    ("reputació", Label::Shared),
    ("reputaciopoentoj", Label::Shared),
    ("reputacio", Label::Shared),
    ("угледа", Label::Shared),
    ("углед", Label::Shared),
    ("நற்பெயர்", Label::Shared),
    ("সন্মাননা", Label::Shared),
    ("ranga punkti", Label::Shared),
    // Karma as a Hindi word is also "deed": a person must be beside it.
    ("कर्म", Label::Shared),
    ("trust score", Label::Shared),
    // Discourse's trust levels (0 to 4) of a member.
    ("trust level", Label::Shared),
    ("trust", Label::Shared),
    ("vertrauensstufe", Label::Shared),
    ("nivel de confianza", Label::Shared),
    ("niveau de confiance", Label::Shared),
    ("livello di attendibilità", Label::Shared),
    ("nível de confiança", Label::Shared),
    ("уровень доверия", Label::Shared),
    ("信頼レベル", Label::Shared),
    ("信任等級", Label::Shared),
    ("신뢰 레벨", Label::Shared),
    // Korean "trust index" of a second-hand market's member beside their name, as Karrot's
    // manner temperature is (src/heuristics-sources.md §30).
    ("신뢰지수", Label::Shared),
    ("poziom zaufania", Label::Shared),
    ("güven seviyesi", Label::Shared),
    ("förtroendenivå", Label::Shared),
    // Discourse's trust level in more of its languages (src/heuristics-sources.md §21).
    ("độ tin tưởng", Label::Shared),
    ("level kepercayaan", Label::Shared),
    ("مستوى الثقة", Label::Shared),
    ("рівень довіри", Label::Shared),
    ("luottamustaso", Label::Shared),
    ("bizalmi szint", Label::Shared),
    ("דרגת אמון", Label::Shared),
    ("trustlevel", Label::Shared),
    ("důvěryhodnost", Label::Shared),
    // MyBB's Vietnamese reputation; wpForo's and AnsPress's German compounds.
    ("danh tiếng", Label::Shared),
    ("mitgliedsreputation", Label::Shared),
    ("reputationspunkte", Label::Shared),
    ("vertrauens-score", Label::Shared),
    ("vertrauensscore", Label::Shared),
    ("score de confiance", Label::Shared),
    ("puntuación de confianza", Label::Shared),
    ("social score", Label::Shared),
    ("engagement score", Label::Shared),
    ("authority score", Label::Shared),
    ("credibility score", Label::Shared),
    // An influencer card's "Credibility: 8/10" beside the avatar (src/heuristics-sources.md §13).
    ("credibility", Label::Shared),
    ("popularity score", Label::Shared),
    // Karma is what forums and link sites give their members, never a product.
    ("karma score", Label::Person),
    ("post karma", Label::Person),
    ("comment karma", Label::Person),
    ("karma", Label::Person),
    // Arabic "karma points" (Odoo's forum, src/heuristics-sources.md §21).
    ("نقاط الكارما", Label::Person),
    ("карма", Label::Person),
    ("カルマ", Label::Person),
    ("카르마", Label::Person),
    // A customer's churn score, as retention dashboards head it beside the customer
    // ("Churn Probability 80%"; src/heuristics-sources.md §20): only customers churn.
    ("churn probability", Label::Person),
    ("churn risk", Label::Person),
    ("churn score", Label::Person),
    // Freelance marketplaces' score of a freelancer's past contracts (Upwork's wording).
    ("job success score", Label::Person),
    ("job success", Label::Person),
    ("percentile", Label::Shared),
    // LiveStreet's member rating (src/heuristics-sources.md section 12); "рейтинг" is also a
    // ranking's heading (LIST_HINTS), and every shop's word for a product's stars.
    ("рейтинг", Label::MemberRating),
    // Creator-analytics cards' engagement rate beside the creator's avatar and @handle
    // (src/heuristics-sources.md).
    // Engagement rate as creator tools' translation files word it (src/heuristics-sources.md §21).
    ("engagement-rate", Label::Rate),
    ("eng. rate", Label::Rate),
    ("eng.rate", Label::Rate),
    ("tasa de participación", Label::Rate),
    ("tasa de part.", Label::Rate),
    ("互动率", Label::Rate),
    // Traditional Chinese, as a Taiwanese creator tool writes it (src/heuristics-sources.md §23).
    ("互動率", Label::Rate),
    ("참여율", Label::Rate),
    ("معدل التفاعل", Label::Rate),
    ("engagement rate", Label::Rate),
    ("engagement", Label::Rate),
    // Portuguese creator dashboards' "Engaj. %" / "Engajamento" (src/heuristics-sources.md §20).
    ("engajamento", Label::Rate),
    ("engaj.", Label::Rate),
    ("エンゲージメント率", Label::Rate),
    ("エンゲージメント", Label::Rate),
    // A member's points in a community (see Label::Points).
    ("points", Label::Points),
    ("point", Label::Points),
    ("pts", Label::Points),
    ("xp", Label::Points),
    ("punkte", Label::Points),
    ("puntos", Label::Points),
    ("pontos", Label::Points),
    // Noosfero's gamification plugin words its "Score: " as "Ponto: " in Portuguese
    // (src/heuristics-sources.md §15).
    ("ponto", Label::Points),
    ("punti", Label::Points),
    ("pontuação", Label::Points),
    ("puntuación", Label::Points),
    // FriendsOfFlarum gamification's and Question2Answer's points, as translated
    // (src/heuristics-sources.md).
    ("punktzahl", Label::Points),
    ("punkty", Label::Points),
    ("poäng", Label::Points),
    ("puanları", Label::Points),
    ("puan", Label::Points),
    ("punts", Label::Points),
    ("очков", Label::Points),
    ("очки", Label::Points),
    ("баллы", Label::Points),
    ("бали", Label::Points),
    ("点数", Label::Points),
    // Korean boards' (gnuboard) and Persian news sites' (DataLife Engine) member points.
    ("포인트", Label::Points),
    ("امتیاز", Label::Points),
    // Discourse gamification's name for a member's score.
    ("cheers", Label::Points),
    // XenForo's member statistic beside Messages and Points, vBulletin's beside a post's
    // author, Vanilla's Japanese member points (src/heuristics-sources.md).
    ("reaction score", Label::Points),
    ("rep power", Label::Points),
    ("ポイント", Label::Points),
    // Question2Answer's member score and points, as its language packs word them.
    ("pontszám", Label::Points),
    ("pontok", Label::Points),
    ("skor", Label::Points),
    ("σκορ", Label::Points),
    ("πόντοι", Label::Points),
    ("점수", Label::Points),
    ("pisteet", Label::Points),
    ("punten", Label::Points),
    ("النقاط", Label::Points),
    ("نقاط", Label::Points),
    ("ქულა", Label::Points),
    ("poin", Label::Points),
    // Vietnamese leaderboards' points column, "Điểm" (src/heuristics-sources.md §13).
    ("điểm", Label::Points),
    // More of its packs (bg, th, sr, et, it, cs, hi) and Lemmy's and Flarum's Russian
    // "N баллов" (src/heuristics-sources.md).
    ("точки", Label::Points),
    ("แต้มคะแนน", Label::Points),
    ("แต้ม", Label::Points),
    ("poeni", Label::Points),
    ("poena", Label::Points),
    ("skoor", Label::Points),
    ("punkti", Label::Points),
    ("punteggio", Label::Points),
    ("skóre", Label::Points),
    ("bodů", Label::Points),
    ("स्कोर", Label::Points),
    ("баллов", Label::Points),
    ("балла", Label::Points),
    // A candidate's or a contact's fit to a job ("Match: 87%" on a recruiting tool's card of
    // similar candidates): read only as a percentage, and, like another thing's score
    // (`Label::Qualified`), only where the card is a candidate's or a contact's. Elsewhere a match
    // is a game's.
    ("match", Label::Qualified),
    // A customer's churn risk beside their e-mail ("Risk: 82" on a retention tool's customer
    // page): another thing's score by its wording, a person's only in a contact card.
    ("risk", Label::Qualified),
    // An employee's performance or productivity as a people dashboard shows it beside their
    // e-mail or in a table of employees ("Performance: 4/5", "Productivity: 87%"): another
    // thing's score by its wording (a page-speed report's "Performance 92" has no person).
    ("performance", Label::Qualified),
    ("productivity", Label::Qualified),
    // A candidate's fit to a job, as ranking tools head it ("Fit Index 88.4", "Fit score 72").
    ("fit index", Label::Qualified),
    ("fit score", Label::Qualified),
    // An HR tool's evaluation of an employee or an applicant, in the words of Spanish,
    // Portuguese, German and Indonesian evaluation forms ("Empleado … Nota (%) 87",
    // "Mitarbeiter: … Gesamtbewertung: 4.2", "Pelamar … Nilai 4.28"; src/heuristics-sources.md
    // §25). The same words grade pupils and products: `Label::Evaluation`.
    ("nota", Label::Evaluation),
    ("calificación", Label::Evaluation),
    ("calificaciones", Label::Evaluation),
    ("avaliação", Label::Evaluation),
    ("gesamtbewertung", Label::Evaluation),
    ("leistungsbewertung", Label::Evaluation),
    ("bewertung", Label::Evaluation),
    ("nilai", Label::Evaluation),
    // The same in a staff or a client table's column: an employee's KPI or score, a borrower's
    // scoring, in English, Chinese, Russian and Vietnamese ("员工 | 得分 86.5", "ФИО | KPI 84,4 %",
    // "Nhân viên | Hiệu suất(%) 92"; src/heuristics-sources.md §28).
    ("kpi", Label::Evaluation),
    ("得分", Label::Evaluation),
    ("скоринг", Label::Evaluation),
    ("hiệu suất", Label::Evaluation),
    // zh "匹配度" (match degree) names no game: any value ("匹配度 : 92分" on a candidate's card).
    ("匹配度", Label::Qualified),
    // A member's level beside their name, as forum and community software shows it ("janedoe
    // Level 7", "Level: 24", "20 lvl", Korean boards' "LV. 12"): a member's only with a person
    // in the card, as points are (src/heuristics-sources.md §18).
    ("level", Label::Points),
    ("lvl", Label::Points),
    ("lv.", Label::Points),
    // Experience points, as "xp" above, in Chinese community software ("经验值：9760", "2380 经验";
    // src/heuristics-sources.md §20).
    ("经验值", Label::Points),
    ("经验", Label::Points),
    // Question2Answer's English "Score:" (and its French, Danish and Dutch packs'): last, so
    // every longer label is tried first; a member's only when the card shows one.
    ("score", Label::Points),
    // Discuz!'s member credits (both scripts) and Question2Answer's Japanese member points
    // (src/heuristics-sources.md). Shops use 积分 too: their words below rule those out.
    ("积分", Label::Points),
    // Odoo's forum calls karma "contribution value" in Chinese (src/heuristics-sources.md §21).
    ("贡献值", Label::Points),
    ("貢獻值", Label::Points),
    ("積分", Label::Points),
    ("貢献度", Label::Points),
    // 积分 as pybbs's English locale words it (src/heuristics-sources.md).
    ("integral", Label::Points),
    // A member's level in other languages' community software ("Уровень 100" in a Russian
    // forum's post-author box beside "Сообщения" and "Реакции"), read as "level" is; last, so a
    // member's points in the same text are its display ("356积分 等级3").
    ("уровень", Label::Points),
    ("niveau", Label::Points),
    ("livello", Label::Points),
    ("seviye", Label::Points),
    ("poziom", Label::Points),
    ("レベル", Label::Points),
    ("레벨", Label::Points),
    ("等级", Label::Points),
    ("等級", Label::Points),
];

/// Chinese nouns for a score that follow what it scores, glued ("信誉分数", "信用分").
const CJK_SCORE_NOUNS: &[&str] = &["分数", "分數", "分值", "分"];

/// How a recruiting or creator-matching tool grades a fit between its percentage and "match".
const MATCH_GRADES: &[&str] =
    &["strong", "good", "great", "perfect", "excellent", "high", "weak", "partial", "moderate", "fair", "low"];

/// Words of a post's or story's byline: its points are the item's, not its author's.
const ITEM_WORDS: &[&str] = &["by", "posted", "submitted", "von", "por"];

/// Things whose score a label right after them names: a post's, not its author's.
const ITEM_NOUNS: &[&str] =
    &["message", "post", "thread", "topic", "comment", "answer", "question", "reply", "story", "video"];

/// Columns of a table of posts, videos or school subjects, not of members: when each row was
/// published (src/heuristics-sources.md §16). Not "Posts": member lists count them.
const ITEM_COLUMNS: &[&str] = &[
    "published",
    "posted",
    "publicado",
    "publicada",
    "publicação",
    "publicación",
    "publié",
    "publiée",
    "veröffentlicht",
    // A school's marks, a row per subject ("Code | Name | Class | Subject | Score"), or a mail
    // list's messages: the score is the subject's mark, no member's standing.
    "subject",
];

/// A table's first column names what each row is: rows headed by a company's word are
/// companies ("Empresa | CNPJ | … | Decisor | Score": the lead score is the company's, the
/// decision maker beside it only its contact; src/heuristics-sources.md §23). A "Company"
/// column after "Name" is the person's employer.
const COMPANY_FIRST_COLUMNS: &[&str] = &[
    // A fleet's table headed by its vehicles: the driver named in a row drives the vehicle
    // the safety score is kept for (src/heuristics-sources.md §24).
    "vehicle",
    "vehicles",
    "company",
    "companies",
    "account",
    "organization",
    "organisation",
    "empresa",
    "entreprise",
    "société",
    "unternehmen",
    "firma",
    "azienda",
    "公司",
    "企业",
    "企業",
    "회사",
];

/// Words that make a display about something other than a person's standing.
const NOT_A_PERSON: &[&str] = &[
    "credit",
    "fico",
    "rating",
    "review",
    "stars",
    "★",
    "seo",
    "domain authority",
    "page authority",
    "pagespeed",
    "lighthouse",
    "performance",
    "accessibility",
    "best practices",
    "security",
    "spam",
    "sender",
    "ip address",
    "malware",
    "game",
    "games",
    "match",
    "goal",
    "exam",
    "quiz",
    "test",
    // The same, in the issue's other languages and those the corpus holds.
    "juego",
    "jogo",
    "jeu",
    "spiel",
    "gioco",
    "partida",
    "игра",
    "游戏",
    "ゲーム",
    "게임",
    "examen",
    "exame",
    "esame",
    "prüfung",
    "vestibular",
    "экзамен",
    "考试",
    "試験",
    "시험",
    // A game's record ("Meilleur score", "High Scores"): players' points, no standing.
    "high score",
    "high scores",
    "highscore",
    "highscores",
    "best score",
    "meilleur score",
    "meilleurs scores",
    "mejor puntuación",
    "melhor pontuação",
    "bestenliste",
    "wallet",
    // A game's or a season's "vs", an election's candidates, a fundraiser's donors: a named
    // player's "61 POINTS vs Boston", a candidate's votes and a donor's amount are no profile
    // (src/heuristics-sources.md §24).
    "vs",
    "vs.",
    "championship",
    "tournament",
    "standings",
    "election",
    "elections",
    "ballot",
    "donor",
    "donors",
    "donation",
    "donations",
    // A shop's user centre: "我的钱包 ¥58.00 余额 · 2 红包 · 1200 积分" (src/heuristics-sources.md §16).
    "钱包",
    "agent",
    "brand",
    "country",
    // Environmental, social and governance scores rate companies ("Summary of ESG Scores ·
    // Governance 72% · Employee Wages 88%": the employees are a topic, not the ones scored).
    "esg",
    "product",
    "trustpilot",
    "trustscore",
    "reward",
    "rewards",
    "loyalty",
    "redeem",
    "cart",
    "coupon",
    "评分",
    "星",
    // A shop's spendable points (ECShop's and EC-CUBE's wording, src/heuristics-sources.md).
    "商城",
    "兑换",
    "消耗",
    "可用",
    "订单",
    "赠送",
    "出价",
    "商品",
    "ご注文",
    "ご利用",
    "利用ポイント",
    "加算",
];

/// Words for an average between a rate's label and its value, accents dropped ([`fold_accents`]).
const AVERAGE_WORDS: &[&str] =
    &["average", "avg.", "avg", "medio", "media", "moyen", "moyenne", "promedio", "durchschnitt", "ø"];

/// A risk or fraud tool's level, shown before the number it stands for ("Critical (91.3%)").
const SEVERITY_WORDS: &[&str] = &["very high", "very low", "critical", "severe", "high", "medium", "moderate", "low"];

/// Adjectives that follow "score" in Romance languages, accents dropped as the text is read
/// ([`fold_accents`]); the phrase must end there. Not "final": a match's.
const TRAILING_ADJECTIVES: &[&str] =
    &["global", "general", "geral", "total", "moyen", "medio", "predictif", "predictivo", "preditivo"];

/// Qualifiers written after a score's noun and before its value ("Puntuación final: 87",
/// "Pontuação Total 87", "Skor Akhir 87.5"): the display is then another thing's score
/// ([`Label::Qualified`]), its qualifier read as one written before ("Final Score").
const POST_QUALIFIERS: &[&str] = &["final", "finale", "akhir", "total", "totale", "global", "general", "geral"];

/// Score nouns of languages that write what the score is of after the noun: Vietnamese
/// "Điểm rủi ro 91" (risk score), Indonesian "Skor Kelayakan 0,27" (eligibility score).
const HEAD_INITIAL_LABELS: &[&str] = &["điểm", "diem", "skor"];

/// For a [`HEAD_INITIAL_LABELS`] noun, one or two words naming what it scores, then the value:
/// the words and the value ("rủi ro", "91"). Read as another thing's score, as "Risk Score 91".
fn head_initial_qualifier<'t>(label: &str, next: &'t str) -> Option<(&'t str, &'t str)> {
    if !HEAD_INITIAL_LABELS.contains(&label) {
        return None;
    }
    let mut rest = next;
    for _ in 0..2 {
        let (word, after) = rest.split_once(char::is_whitespace)?;
        if !word.trim_end_matches(|c: char| LABEL_SEPARATORS.contains(c)).chars().all(char::is_alphabetic) {
            return None;
        }
        rest = after.trim_start();
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let qualifier = next[..next.len() - rest.len()].trim_end();
            return Some((qualifier.trim_end_matches(|c: char| LABEL_SEPARATORS.contains(c)), rest));
        }
    }
    None
}

/// A matching site's sentence of how two people match, which the prose filter would drop: "You
/// match her: 92%", "She matches you: 87%", "Your combined match is: 89%", a mentor's "Olga
/// matched 87%" (src/heuristics-sources.md §26). Only people match each other so.
fn mutual_match(text: &str) -> Option<ScoreDisplay> {
    const SUBJECTS: &[&str] = &["you", "she", "he", "they", "we"];
    const OBJECTS: &[&str] = &["you", "her", "him", "them", "me"];
    let words: Vec<&str> = text.split_whitespace().collect();
    let is = |i: usize, set: &[&str]| {
        words.get(i).is_some_and(|w| set.iter().any(|s| s.eq_ignore_ascii_case(w.trim_end_matches([':', '：']))))
    };
    // The verb comes early: "Your combined match is", "You match her".
    let verb = (1..words.len().min(4)).find(|&i| is(i, &["match", "matches", "matched"]))?;
    let subject = words[verb - 1];
    let by_subject = is(verb - 1, SUBJECTS)
        || (is_given_name(subject) && subject.starts_with(char::is_uppercase))
        || verb.checked_sub(2).is_some_and(|i| is(i, &["your"]));
    if !by_subject {
        return None;
    }
    let mut at = verb + 1;
    if !words[verb].ends_with([':', '：']) && is(at, OBJECTS) {
        at += 1;
    }
    if is(at, &["is"]) {
        at += 1;
    }
    let rest = words.get(at..)?.join(" ");
    let rest = after_separators(&rest);
    let value = leading_value(rest).filter(|v| v.ends_with('%') && v.len() == rest.trim_end().len())?;
    Some(ScoreDisplay { label: "Match".into(), value, prefix: String::new(), kind: Label::Person })
}

/// What stands between a label and its value ("Karma: 12", "积分：356", "Score | 12").
const LABEL_SEPARATORS: &str = ":=-–—|：";

/// Sentence words: a text with one of them is prose that mentions a score.
const PROSE_WORDS: &[&str] = &[
    "reached", "reaches", "has a", "had a", "was", "were", "got", "gets", "means", "says", "how", "what", "your", "is",
    "you", "need", "needs", "to", "the", "when", "if", "will", "can", "earn", "gain", "lose",
];

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScoreDisplay {
    /// The label as found, lower-cased and capitalised, e.g. "Influence score".
    pub label: String,
    /// The number or grade, e.g. "63", "3.4/5", "A+".
    pub value: String,
    /// Lower-cased text before the label ("kred" in "Kred Influence Score 812").
    pub prefix: String,
    pub kind: Label,
}

/// What surrounds a display: the card's text, links and images, and the page address.
#[derive(Debug, Clone, Default)]
pub struct Context {
    pub text: String,
    pub links: Vec<String>,
    /// `alt class src` per image.
    pub images: Vec<String>,
    pub page_url: String,
    /// The heading row of the table whose column the display heads ([`crate::engine::Card::columns`]).
    pub columns: String,
}

/// Recognises a score display in an element's text.
pub fn score_display(text: &str) -> Option<ScoreDisplay> {
    let text = percent_signs_glued(&text.split_whitespace().collect::<Vec<_>>().join(" "));
    if text.chars().count() > MAX_DISPLAY_CHARS {
        return None;
    }
    if let Some(display) = mutual_match(&text) {
        return Some(display);
    }
    let lower = without_quoted_numbers(&without_number_parens(&fold_accents(&text.to_lowercase())));
    // "Your" heading a display names whose it is ("Your trust score: 85"); elsewhere it is a
    // sentence's ("what your score means").
    let sentence = lower.strip_prefix("your ").unwrap_or(&lower);
    if PROSE_WORDS.iter().any(|w| contains_word(sentence, w)) {
        return None;
    }
    let mut qualified = None;
    let mut items_labels: Vec<(usize, usize)> = Vec::new();
    for (label, kind) in LABELS {
        // Pages drop accents ("Puntuacion 87/100"): both sides are read without them.
        let folded = fold_accents(label);
        let len = folded.len();
        for (at, _) in lower.match_indices(folded.as_ref()) {
            // "520points": a template that glued the value to its label.
            let glued = lower[..at].ends_with(|c: char| c.is_ascii_digit()) && at_word_edges(&lower[at..], 0, len);
            if !at_word_edges(&lower, at, len) && !glued {
                continue;
            }
            let after = &lower[at + len..];
            let before = &lower[..at];
            // An item's score named as such ("First message reaction score: 1", XenForo's thread
            // list tooltip), unless the item word is part of a person's label ("post karma").
            let items_label = items_labels.iter().any(|&(from, to)| from <= at && at < to);
            if items_label
                || *kind != Label::Person
                    && before.split_whitespace().next_back().is_some_and(|w| ITEM_NOUNS.contains(&w))
            {
                // Its words are the item's too ("score" in "reaction score").
                items_labels.push((at, at + len));
                continue;
            }
            // CJK pages write the colon full-width ("积分：356"). A column heading may name its
            // unit after the label ("Engaj. % | 5.4%", "Engagement (%)").
            let next = after_separators(after);
            // Chinese glues "score" to what it scores: "信誉分数：10" (reputation score) is the
            // reputation's value.
            let next = if label.starts_with(is_cjk) {
                CJK_SCORE_NOUNS.iter().find_map(|n| next.strip_prefix(n)).map_or(next, after_separators)
            } else {
                next
            };
            let next = ["(%)", "%"]
                .iter()
                .find_map(|unit| next.strip_prefix(unit).filter(|rest| rest.starts_with(' ')))
                .map_or(next, after_separators);
            // A rate's average as a column heads it ("Engaj. Médio 4,87%").
            let next = match kind {
                Label::Rate => AVERAGE_WORDS
                    .iter()
                    .find_map(|w| next.strip_prefix(w).filter(|rest| rest.starts_with([' ', ':'])))
                    .map_or(next, after_separators),
                _ => next,
            };
            // A risk tool's level before its number ("Risk Score: Critical (91.3%)").
            let next = SEVERITY_WORDS
                .iter()
                .find_map(|w| {
                    let rest = next.strip_prefix(w)?;
                    (rest.starts_with(' ') && after_separators(rest).starts_with(|c: char| c.is_ascii_digit()))
                        .then(|| after_separators(rest))
                })
                .unwrap_or(next);
            // Romance languages and Indonesian put the qualifier after the noun ("Puntuación
            // final: 87", "Skor Akhir 87.5"): the display is that qualified score.
            let post_qualifier = matches!(kind, Label::Points | Label::Evaluation)
                .then(|| {
                    POST_QUALIFIERS
                        .iter()
                        .find_map(|w| {
                            let rest = next.strip_prefix(w)?;
                            let value = after_separators(rest);
                            (rest.starts_with([' ', ':', '：']) && value.starts_with(|c: char| c.is_ascii_digit()))
                                .then_some((*w, value))
                        })
                        .or_else(|| head_initial_qualifier(label, next))
                })
                .flatten();
            let next = post_qualifier.map_or(next, |(_, value)| value);
            let value = leading_value(next).or_else(|| {
                // A value before its label: the label ends the phrase ("1,250 Points"), it does not
                // begin a name ("May 8, 2023 Điểm báo", a forum called "press review"). Chinese
                // glues its compounds ("8412 信誉积分", reputation points) and spaces its phrases.
                // A label word next continues the label ("25 Karma Points").
                let next_word = after.strip_prefix(char::is_whitespace).map(str::trim_start);
                let begins_a_name = next_word.is_some_and(|w| {
                    w.starts_with(|c: char| c.is_alphabetic() && !is_cjk(c))
                        && !LABELS.iter().any(|(l, _)| w.starts_with(l) && at_word_edges(w, 0, l.len()))
                        // French, Spanish and Portuguese put the adjective after the noun: "78.5%
                        // Score prédictif", "54.2% Score global" (src/heuristics-sources.md §23).
                        && !(*label == "score" && w.split_whitespace().count() == 1 && TRAILING_ADJECTIVES.contains(&w))
                });
                if begins_a_name {
                    return None;
                }
                let before = before.trim_end_matches(|c: char| LABEL_SEPARATORS.contains(c) || c.is_whitespace());
                trailing_value(before).or_else(|| {
                    // "92 CRM Score": the value before the word that names what the score is of.
                    let (rest, qualifier) = before.rsplit_once(' ')?;
                    // "87% Strong match": a match's grade between its value and the word.
                    let graded_match = *label == "match" && MATCH_GRADES.contains(&qualifier);
                    ((*label == "score" && qualifier.chars().all(char::is_alphabetic)) || graded_match)
                        .then(|| trailing_value(rest.trim_end()))
                        .flatten()
                })
            });
            let Some(value) = value else { continue };
            let display = ScoreDisplay {
                label: capitalise(label),
                value: value.to_uppercase_if_grade(),
                prefix: post_qualifier.map_or_else(|| before.trim_end().to_string(), |(w, _)| w.to_string()),
                kind: *kind,
            };
            if post_qualifier.is_some() && *kind == Label::Points {
                qualified.get_or_insert(ScoreDisplay { kind: Label::Qualified, ..display });
                continue;
            }
            if *label == "match" && !display.value.ends_with('%') {
                continue;
            }
            // A risk is a level: a signed figure beside it is its trend ("At Risk -18").
            if *label == "risk" && display.value.starts_with(['-', '+', '−']) {
                continue;
            }
            // A level is a step: a whole number ("Level 7"), never a share or a measure
            // ("Battery level 80%", "Level 2.5 m").
            if is_level(label) && !display.value.chars().all(|c| c.is_ascii_digit()) {
                continue;
            }
            // Bare "score" after another word is that thing's score ("Credit score 720", "Match
            // score 3", "Tech score 86%"), and a match is a fit: kept only if no other label reads
            // the text.
            if *kind == Label::Qualified || *label == "score" && before.trim_end().ends_with(char::is_alphabetic) {
                qualified.get_or_insert(ScoreDisplay { kind: Label::Qualified, ..display });
                continue;
            }
            return Some(display);
        }
    }
    qualified
}

/// Whether a text could hold a display's value: a digit, or a letter grade standing alone as
/// pages print grades ("A", "B+", "a-"; not the article in "a number"). A text with neither is
/// no display, whatever its label: the page side does not send it (`couldHoldValue` in
/// extension/content.js), so a page that only names scores wakes nothing.
pub fn could_hold_value(text: &str) -> bool {
    if text.bytes().any(|b| b.is_ascii_digit()) {
        return true;
    }
    let chars: Vec<char> = text.chars().collect();
    chars.iter().enumerate().any(|(i, c)| {
        let mut end = i + 1;
        let signed = matches!(chars.get(end), Some('+' | '-'));
        if signed {
            end += 1;
        }
        (matches!(c, 'A'..='F') || (signed && matches!(c, 'a'..='f')))
            && (i == 0 || !chars[i - 1].is_ascii_alphanumeric())
            && chars.get(end).is_none_or(|c| !c.is_alphanumeric())
    })
}

/// The number at most two words after the word "score" ("Overall Score Peerbox 16"): in a box
/// that already names its scorer by a logo, the words between are the scorer's own.
pub fn value_after_score_word(text: &str) -> Option<String> {
    let lower = text.to_lowercase();
    let words: Vec<&str> = lower.split_whitespace().collect();
    let at = words.iter().position(|w| w.trim_end_matches([':', '：']) == "score")?;
    words[at + 1..]
        .iter()
        .take(2)
        .find_map(|w| leading_value(w).filter(|v| v.starts_with(|c: char| c.is_ascii_digit())))
}

/// The value right beside `name` in a short text, on either side: "Klout: 63", "63 Klout",
/// "Kred 812". For the names of catalogued scorers, whose name is their label.
pub fn value_beside_name(text: &str, name: &str) -> Option<String> {
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.chars().count() > MAX_DISPLAY_CHARS {
        return None;
    }
    let lower = text.to_lowercase();
    // "Jane's PeerIndex is 63" is how badges spoke; other sentence words still mean prose.
    if PROSE_WORDS.iter().filter(|w| **w != "is").any(|w| contains_word(&lower, w)) {
        return None;
    }
    let seps = |c: char| ":=-–—|".contains(c) || c.is_whitespace();
    lower.match_indices(name).filter(|(at, _)| at_word_edges(&lower, *at, name.len())).find_map(|(at, _)| {
        let after = lower[at + name.len()..].trim_start_matches(seps);
        let after = after.strip_prefix("score").map_or(after, |a| a.trim_start_matches(seps));
        let after =
            after.strip_prefix("is").filter(|a| a.starts_with(' ')).map_or(after, |a| a.trim_start_matches(seps));
        leading_value(after).filter(|v| v.starts_with(|c: char| c.is_ascii_digit())).or_else(|| {
            let before = lower[..at].trim_end_matches(seps);
            // A list's own numbering ("1. TweetLevel", "2) Klout") counts no score.
            let marker = before.strip_suffix(['.', ')']).is_some_and(|n| n.bytes().all(|b| b.is_ascii_digit()));
            if marker {
                None
            } else {
                trailing_value(before)
            }
        })
    })
}

/// Class, id or title words that name a member's score when the element holds only its
/// value: Stack Exchange's `<span class="reputation-score" title="reputation score ">1,491</span>`
/// beside the member's link (saved Stack Overflow pages in public repositories show it).
/// Also a member's score or points named as such (Question2Answer's `qa-top-users-score` in
/// its users ranking); a bare `score` is not (a match's, a game's).
pub const NAMED_VALUE_WORDS: &[(&str, &str, Label)] = &[
    ("reputation", "Reputation", Label::Shared),
    ("karma", "Karma", Label::Person),
    ("user-score", "Score", Label::Points),
    ("users-score", "Score", Label::Points),
    ("user_score", "Score", Label::Points),
    ("member-score", "Score", Label::Points),
    ("user-points", "Points", Label::Points),
    ("user_points", "Points", Label::Points),
    ("member-points", "Points", Label::Points),
    // The points in a forum post's author box or on a member's own profile header
    // (`<div class="author-pane-line author-points">`, `<h1 class="profile-points">`;
    // src/heuristics-sources.md §23): a member's by the element's own name.
    ("author-points", "Points", Label::Points),
    ("author_points", "Points", Label::Points),
    ("profile-points", "Points", Label::Points),
    ("profile_points", "Points", Label::Points),
    // A post author's rating in a community's byline (`<span class="author__rating">+148</span>`
    // beside the author's avatar; src/heuristics-sources.md §23): read as a member's rating,
    // a tally of votes, never a book author's stars.
    ("author__rating", "Rating", Label::MemberRating),
    ("author-rating", "Rating", Label::MemberRating),
    ("author_rating", "Rating", Label::MemberRating),
    // An influencer dashboard's badge, `<span class="badge influencer-score-badge">86/100</span>`
    // in the influencer's row (src/heuristics-sources.md §20): a person's by its name alone.
    ("influencer-score", "Influencer score", Label::Person),
    ("influence-score", "Influence score", Label::Person),
    // IP.Board's Russian packs title the link round a member's reputation "Просмотреть
    // репутацию" (4PDA: "Реп: − (368) ＋", the value alone between vote buttons).
    ("репутац", "Reputation", Label::Shared),
    // A leaderboard's points or score cell (Moodle's block_ranking `<span class="ranking-points">`
    // beside the student's name; src/heuristics-sources.md §24): a member's with a person beside it.
    ("ranking-points", "Points", Label::Points),
    ("ranking-score", "Score", Label::Points),
    ("leaderboard-points", "Points", Label::Points),
    ("leaderboard-score", "Score", Label::Points),
];

/// CSS for elements [`named_value`] reads: the page side queries it. CSS's `i` flag folds
/// ASCII only, so the Cyrillic word is listed in both cases.
pub const NAMED_VALUE_SELECTOR: &str =
    "[class*='reputation' i],[class*='karma' i],[title*='reputation' i],[title*='karma' i],\
     [class*='user-score' i],[class*='users-score' i],[class*='user_score' i],[class*='member-score' i],\
     [class*='user-points' i],[class*='user_points' i],[class*='member-points' i],\
     [class*='author-points' i],[class*='author_points' i],[class*='profile-points' i],[class*='profile_points' i],\
     [class*='author__rating' i],[class*='author-rating' i],[class*='author_rating' i],\
     [class*='influencer-score' i],[class*='influence-score' i],\
     [title*='репутац'],[title*='Репутац'],\
     [class*='ranking-points' i],[class*='ranking-score' i],[class*='leaderboard-points' i],[class*='leaderboard-score' i]";

/// Longest label of a named value's own ("Segített: 1" in `<li class="karma">`).
const MAX_RENAMED_LABEL_CHARS: usize = 20;

/// A score display made of an element's `class`/`id`/`title` words and its text, when the text
/// is nothing but a value ("1,491", "39.3k", "+12"). Judged like any display, with the card.
pub fn named_value(names: &str, text: &str) -> Option<ScoreDisplay> {
    let names = names.to_lowercase();
    let (_, label, kind) = NAMED_VALUE_WORDS.iter().find(|(w, _, _)| names.contains(w))?;
    // Steem's `<span class="Reputation">(62)</span>` beside the author's name; a karma mod's
    // "👍 42" (src/heuristics-sources.md §20): the symbol before the value is its icon.
    let text = text.trim().trim_start_matches(|c: char| c.is_whitespace() || is_pictograph(c));
    let text = without_number_parens(text);
    // SMF lets a forum rename its karma line ("Segített: 1", "Applause: 12"): the class still
    // names it, the renamed label is the forum's own word.
    let text = match text.rsplit_once([':', '：']) {
        Some((label, value))
            if label.chars().count() <= MAX_RENAMED_LABEL_CHARS && !label.contains(char::is_numeric) =>
        {
            value.trim().to_string()
        }
        _ => text,
    };
    let text = text.as_str();
    if text.is_empty() || text.chars().count() > 12 || text.chars().filter(|c| c.is_alphabetic()).count() > 1 {
        return None;
    }
    let value = leading_value(&text.to_lowercase())?;
    // The label's own kind: an influence score is a person's by its name, a reputation needs one.
    Some(ScoreDisplay { label: label.to_string(), value, prefix: String::new(), kind: *kind })
}

/// An emoji or pictograph standing for a value's meaning (👍, 🏆, ★ is not one: it is a rating).
fn is_pictograph(c: char) -> bool {
    matches!(c as u32, 0x1F300..=0x1FAFF | 0x2600..=0x2604 | 0x2607..=0x27BF)
}

/// A leaderboard heading without the size of its list: "Top 10 users", "ranking Top100" hold
/// no value. `top` at a word's start, at most one space, digits, then no letter or digit, all
/// ASCII (as `listHeading` in extension/content.js reads it); the digits are dropped.
pub fn without_top_n(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < text.len() {
        let at_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if at_word && bytes.len() >= i + 3 && bytes[i..i + 3].eq_ignore_ascii_case(b"top") {
            let from = i + 3 + usize::from(bytes.get(i + 3) == Some(&b' '));
            let digits = bytes[from..].iter().take_while(|b| b.is_ascii_digit()).count();
            if digits > 0 && bytes.get(from + digits).is_none_or(|b| !b.is_ascii_alphanumeric()) {
                out.push_str(&text[i..i + 3]);
                i = from + digits;
                continue;
            }
        }
        let c = text[i..].chars().next().unwrap_or_default();
        out.push(c);
        i += c.len_utf8();
    }
    out
}

/// A leaderboard: `heading` names a ranking of people ("Leaderboard", "User ranking",
/// "ユーザランキング") and holds no number but its size ([`without_top_n`]); `item` is the text
/// of the list's first entry, whose largest number is the score ("1. jane 1,340" → "1,340").
/// Judged like any display, with the entry as the card: it needs a person there
/// ([`is_about_a_person`]).
pub fn ranking_display(heading: &str, item: &str) -> Option<ScoreDisplay> {
    let heading = without_top_n(&heading.split_whitespace().collect::<Vec<_>>().join(" ")).to_lowercase();
    if heading.chars().count() > MAX_LIST_HEADING_CHARS || heading.chars().any(|c| c.is_ascii_digit()) {
        return None;
    }
    // A word's start, with at most a plural or inflected ending after it ("Ranglisten", "Rankingi").
    let ending = |at: usize, w: &str| {
        let rest: String = heading[at + w.len()..].chars().take_while(|c| c.is_alphabetic() && !is_cjk(*c)).collect();
        rest.chars().count() <= 4
    };
    let label = LIST_HINTS.iter().find(|w| {
        heading.match_indices(**w).any(|(at, _)| {
            let starts =
                w.starts_with(is_cjk) || heading[..at].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
            starts && ending(at, w)
        })
    })?;
    // Words of the heading beside the label ("Top users ranking", "財富排行"): few, or it is prose.
    if heading.split_whitespace().count() > 4 || PROSE_WORDS.iter().any(|w| contains_word(&heading, w)) {
        return None;
    }
    // What the list ranks, when the heading says it: donors, games, products ("Donor Leaderboard").
    if NOT_A_PERSON.iter().any(|w| contains_word(&heading, w)) {
        return None;
    }
    // A list ranked by a count its heading names ("Posts leaderboard", "昨日答题排行榜", yesterday's
    // answers), its topics ("主题排行") or a time spent ("总在线时间排行(小时)", hours online): its
    // figures are tallies of things.
    const COUNTED_ACTIVITIES: &[&str] =
        &["答题", "回答", "发帖", "帖子", "评论", "下载", "浏览", "主题", "在线时间", "在线时长", "小时"];
    if heading.split_whitespace().any(counts_things) || COUNTED_ACTIVITIES.iter().any(|w| heading.contains(w)) {
        return None;
    }
    let value = entry_value(item)?;
    Some(ScoreDisplay { label: capitalise(label), value, prefix: String::new(), kind: Label::Ranking })
}

/// Plural nouns a number before them counts ("214 badges", "1 reps", "12 posts"): things, not a
/// score's points.
const COUNTED_THINGS: &[&str] = &[
    "badges",
    "reps",
    "posts",
    "answers",
    "questions",
    "comments",
    "replies",
    "topics",
    "threads",
    "followers",
    "views",
    "downloads",
    "items",
    "members",
    "issues",
    "deals",
    "orders",
    "sales",
    "tasks",
    "visits",
];

fn counts_things(word: &str) -> bool {
    let word = word.trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    COUNTED_THINGS.contains(&word.as_str())
}

/// A list entry's figure: its largest plain number, bare or in points ("2,431", "342pt", "1.2k"),
/// not a date, a time or a percentage.
fn entry_value(item: &str) -> Option<String> {
    let tokens: Vec<&str> =
        item.split(|c: char| c.is_whitespace() || "()[]~:|·".contains(c)).filter(|t| !t.is_empty()).collect();
    Some(
        tokens
            .iter()
            .enumerate()
            // "jdoe with 214 badges": a number that counts things is no score.
            .filter(|(i, _)| tokens.get(i + 1).is_none_or(|next| !counts_things(next)))
            // The entry is the list's first: a leading "1" is its place, not its figure ("1 jdoe
            // 56天", a check-in ranking's days).
            .filter(|(i, t)| !(*i == 0 && matches!(t.trim_start_matches('#').trim_end_matches('.'), "1")))
            .filter_map(|(_, t)| {
                let t = t.trim_end_matches(['.', ',']);
                let digits = t.trim_end_matches(|c: char| c.is_ascii_alphabetic());
                let unit = &t[digits.len()..];
                let plain = digits.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.');
                let known_unit = ["", "pt", "pts", "xp", "k"].contains(&unit.to_ascii_lowercase().as_str());
                (plain && known_unit && digits.starts_with(|c: char| c.is_ascii_digit()))
                    .then(|| (digits.replace([',', '.'], "").parse::<u64>().unwrap_or(0), digits.to_string()))
            })
            .max_by_key(|(n, _)| *n)?
            .1,
    )
}

/// Query keys by which a list of members is sorted (`/users?section=sort-reputation`,
/// `?sort=karma`, `?order=points`).
pub const SORT_PARAMS: &[&str] = &["section", "sort", "sort_by", "sortby", "order", "orderby", "order_by"];

/// What a members' list can be sorted by that is a score of each member, with its label and
/// kind: the entries' lone numbers are then that score (NodeBB's users page sorted by
/// reputation prints each member's reputation with no word; src/heuristics-sources.md §25).
pub const SORT_SCORES: &[(&str, &str, Label)] = &[
    ("reputation", "Reputation", Label::Shared),
    ("karma", "Karma", Label::Person),
    ("points", "Points", Label::Points),
];

/// The score a page's list of members is sorted by, from its address: `section=sort-reputation`,
/// `sort=-karma`, `orderby=points_desc`. The value's words may only name the score and the
/// order ("sort", "by", "desc", "asc").
pub fn sorted_by(page_url: &str) -> Option<&'static (&'static str, &'static str, Label)> {
    let url = crate::urls::Url::parse(page_url).ok()?;
    url.query_pairs().filter(|(k, _)| SORT_PARAMS.contains(&k.to_ascii_lowercase().as_str())).find_map(|(_, v)| {
        let v = v.to_lowercase();
        let words: Vec<&str> = v.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
        let score = SORT_SCORES.iter().find(|(w, _, _)| words.contains(w))?;
        words.iter().all(|w| *w == score.0 || matches!(*w, "sort" | "by" | "desc" | "asc")).then_some(score)
    })
}

/// On a members' list sorted by a score ([`sorted_by`]), an entry's figure is that score:
/// "Jane Doe @janedoe 2,318" on `/users?section=sort-reputation` reads as "Reputation 2,318".
pub fn sorted_display(page_url: &str, label: &str, entry: &str) -> Option<ScoreDisplay> {
    let (_, name, kind) = sorted_by(page_url)?;
    if label != *name {
        return None;
    }
    Some(ScoreDisplay { label: name.to_string(), value: entry_value(entry)?, prefix: String::new(), kind: *kind })
}

/// Whether a display scores a person, judged with what surrounds it.
pub fn is_about_a_person(display: &ScoreDisplay, cx: &Context) -> bool {
    let card = cx.text.to_lowercase();
    let label = display.label.to_lowercase();
    // The label's own words may contain a ruled-out word ("Trust score" is fine, "test" is not).
    // A member's rating among their statistics is no product's; a creator card's "94% match"
    // (a brand's fit) is no sports match, and its "Performance 70/100" no page speed: sports
    // cards and page-speed reports count no followers. A candidate's "Skills Match 24/30" is
    // no sports match either, nor a contact's "Match Score: 75" beside their e-mail; and an
    // applicant's "Credit Score 712" is no credit-score explainer.
    let excused = |w: &str| {
        // A label only people get ("Churn probability") is not a product's for a rating
        // column beside it: a customer table rates deliveries too (src/heuristics-sources.md §23).
        (w == "rating" && (member_rating(&card) || display.kind == Label::Person))
            // A freelancer's or a seller's own stars beside their trust or reputation score
            // ("Jane Doe · 94 TRUST · Rating 4.9 / 5.0"): the card names the person, no product.
            || (w == "rating" && display.kind == Label::Shared && names_a_person(&cx.text))
            // Page speed's "Performance" is a category shown with its value ("Performance 92",
            // "92 Performance"); the word elsewhere ("Performance Level", "Avaliação de
            // Performance") names a review of the person.
            || (w == "performance" && !beside_a_number(&card, w))
            // "Review" as a moderator's verb ("Review Fraud Case", "Review Note") is no
            // product's review; "1 review", "Write a review", "Customer review" are.
            || (w == "review" && !counts_reviews(&card))
            || (matches!(w, "match" | "performance") && counts_followers(&card))
            // "92% match" is a fit; a sports match has no percentage.
            || (w == "match" && every_match_a_fit(&card))
            // A lone star marks a featured or saved account ("@ja*** ★ instagram"); a rating's
            // star stands beside its figure or beside other stars ("★ 4.8", "★★★☆☆").
            || (w == "★" && every_star_a_marker(&card))
            // A call centre's or a data-entry "Agent" is the employee's job title on their
            // scorecard ("Employee Name: … FINAL SCORE 93% · Position Data Entry Agent").
            || (w == "agent" && employee_card(cx))
            // "可用余额" (available balance) beside a member's credit points is an account's
            // money; it rules out a shop's spendable points, not a credit or trust score.
            || (w == "可用" && display.kind == Label::Shared && card.contains("可用余额"))
            || (matches!(w, "match" | "credit")
                && (hiring_card(cx) || contact_card(cx) || heads_a_column(&cx.columns, SCORED_PEOPLE_COLUMNS)))
    };
    // Folded on both sides, as labels are: a page written without its accents ("mejor
    // puntuacion", "Prufung") says the same words.
    let folded_card = fold_accents(&card);
    let rules_out = |w: &&str| contains_word(&folded_card, &fold_accents(w)) && !label.contains(*w) && !excused(w);
    if NOT_A_PERSON.iter().any(rules_out) || sports_path(&cx.page_url) {
        return false;
    }
    let columns = cx.columns.to_lowercase();
    if ITEM_COLUMNS.iter().any(|w| contains_word(&columns, w)) {
        return false;
    }
    let first_column = columns.split_whitespace().next().unwrap_or("");
    if COMPANY_FIRST_COLUMNS.contains(&first_column) {
        return false;
    }
    // A heading row's words are columns, no byline ("Github User | Points | PRs Submitted").
    let rows = if columns.is_empty() {
        std::borrow::Cow::Borrowed(card.as_str())
    } else {
        std::borrow::Cow::Owned(card.replacen(&columns, " ", 1))
    };
    let byline = || ITEM_WORDS.iter().any(|w| byline_word(&rows, w));
    match display.kind {
        Label::Person => true,
        // A social account's follower count: the trust or reputation score beside it is the
        // account holder's, as an influencer table shows it ("Seguidores 125,400 · Trust Score 87%").
        Label::Shared => {
            person_beside(cx) || counts_followers(&card) || counts_followers(&columns) || viewers_own(&display.prefix)
        }
        Label::Rate => display.value.ends_with('%') && (person_beside(cx) || counts_followers(&card)),
        Label::MemberRating => vote_tally(&display.value) && person_beside(cx),
        Label::Points if is_level(&label) => !byline() && member_beside(cx),
        Label::Points => (!byline() || points_after_author(&card, display)) && person_beside(cx),
        // The entry itself shows the person: a member page around a list of posts is no leaderboard.
        Label::Ranking => !byline() && person_beside(&Context { page_url: String::new(), ..cx.clone() }),
        Label::Evaluation => employee_card(cx) || hiring_card(cx),
        Label::Qualified => {
            let qualifier = display.prefix.split_whitespace().next_back().unwrap_or("");
            // An employee's record: their "Final Score 93%" is their evaluation's, no game's.
            let employee = employee_card(cx);
            (employee || !NOT_A_MEMBERS_SCORE.contains(&qualifier))
                && (hiring_card(cx)
                    || employee
                    || contact_card(cx)
                    // A person drawn as their initials ("JS John Smith · Performance 76%"): a
                    // page-speed report or a game has no one beside its numbers.
                    || initials_avatar(&cx.text)
                    // A person named in full beside it ("Jane Doe · Productivity 87%"): a
                    // product or a site has no given name and surname.
                    || names_a_person(&cx.text)
                    // A member's "Trader Score: 27" under their name in a forum post (a score
                    // named so; a match or a risk stays a candidate's or a contact's).
                    || (label == "score" && member_beside(cx))
                    // A dating site's "87% Match" on a member's card (their link or handle).
                    || (label == "match" && member_beside(cx))
                    || (!cx.columns.is_empty() && (person_beside(cx) || heads_a_column(&cx.columns, SCORED_PEOPLE_COLUMNS))))
        }
    }
}

/// Possessives of the one reading the page, heading a display ("My reputation", "Votre
/// réputation", "我的信用分"): the score is theirs, a person's.
const VIEWERS_OWN: &[&str] = &[
    "my",
    "your",
    "mein",
    "meine",
    "dein",
    "deine",
    "mon",
    "ma",
    "votre",
    "ton",
    "ta",
    "mi",
    "tu",
    "meu",
    "minha",
    "il mio",
    "la mia",
    "мой",
    "моя",
    "ваш",
    "ваша",
    "твой",
    "твоя",
    "我的",
    "你的",
    "您的",
    "私の",
    "あなたの",
    "나의",
    "내",
    "당신의",
];

fn viewers_own(prefix: &str) -> bool {
    VIEWERS_OWN.contains(&prefix.trim())
}

/// The signed-in member's own box, which offers to sign out: a board's "제인 님 포인트 (4,560)
/// 로그아웃", "会员:简 积分 3,250 注销" (src/heuristics-sources.md §18).
fn signed_in_box(card: &str) -> bool {
    const SIGN_OUT: &[&str] = &[
        "log out",
        "logout",
        "sign out",
        "abmelden",
        "déconnexion",
        "cerrar sesión",
        "выход",
        "выйти",
        "ログアウト",
        "로그아웃",
        "注销",
        "登出",
        "退出登录",
    ];
    let card = card.to_lowercase();
    SIGN_OUT.iter().any(|w| contains_word(&card, w))
}

/// A review of a thing, by the word before "review": a count ("1 review"), an article ("Write
/// a review") or whose it is ("Customer review"), or "review(s)".
fn counts_reviews(card: &str) -> bool {
    const BEFORE: &[&str] = &["a", "write", "leave", "customer", "product", "user", "verified", "guest", "one"];
    let words: Vec<&str> = card.split_whitespace().collect();
    words.iter().enumerate().any(|(i, w)| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '(' && c != ')');
        if bare.starts_with("review(s)") {
            return true;
        }
        if w.trim_matches(|c: char| !c.is_alphanumeric()) != "review" || i == 0 {
            return false;
        }
        let before = words[i - 1].trim_matches(|c: char| !c.is_alphanumeric());
        before.chars().all(|c| c.is_ascii_digit()) && !before.is_empty() || BEFORE.contains(&before)
    })
}

const LEVEL_WORDS: &[&str] =
    &["level", "lvl", "lv.", "уровень", "niveau", "livello", "seviye", "poziom", "レベル", "레벨", "等级", "等級"];

/// A member's level ("Level 7", "20 lvl", "LV. 12", "Уровень 100"), a label of [`Label::Points`].
fn is_level(label: &str) -> bool {
    LEVEL_WORDS.contains(&label)
}

/// Whether `word` stands right before or after a number in `card` ("Performance 92", "92 Performance").
fn beside_a_number(card: &str, word: &str) -> bool {
    card.match_indices(word).filter(|(i, _)| at_word_edges(card, *i, word.len())).any(|(i, _)| {
        let after = after_separators(&card[i + word.len()..]);
        let before = card[..i].trim_end_matches(|c: char| c.is_whitespace() || LABEL_SEPARATORS.contains(c));
        // A position after it ("… Performance 4º John Smith", the next entry's place) is no value.
        let digits = after.trim_start_matches(|c: char| c.is_ascii_digit());
        let ordinal = digits.len() < after.len() && digits.starts_with(['º', '°', 'ª']);
        (after.starts_with(|c: char| c.is_ascii_digit()) && !ordinal)
            || before.ends_with(|c: char| c.is_ascii_digit() || c == '%')
    })
}

/// A person's contact card: it links to an e-mail address or shows one, as CRMs' lead cards,
/// applicant tables and admin user lists do (src/heuristics-sources.md §16). A role address
/// ("support@", "info@") is a business's, not a person's.
fn contact_card(cx: &Context) -> bool {
    let mailto = cx.links.iter().any(|l| {
        let l = l.trim_start();
        l.get(..7).is_some_and(|s| s.eq_ignore_ascii_case("mailto:"))
            && personal_address(l[7..].split('?').next().unwrap_or(""))
    });
    mailto || cx.text.split_whitespace().any(personal_address)
}

const ROLE_MAILBOXES: &[&str] = &[
    "info",
    "support",
    "contact",
    "sales",
    "hello",
    "admin",
    "help",
    "office",
    "team",
    "privacy",
    "press",
    "billing",
    "service",
    "webmaster",
    "mail",
    "noreply",
    "no-reply",
];

/// `jane.doe@example.org`, trimmed of the punctuation around it, and not a role mailbox.
fn personal_address(token: &str) -> bool {
    let token = token.trim_matches(|c: char| !(c.is_alphanumeric() || c == '@'));
    let Some((local, domain)) = token.split_once('@') else { return false };
    let mailbox_chars = |c: char| c.is_alphanumeric() || "._+-".contains(c);
    !local.is_empty()
        && local.chars().all(mailbox_chars)
        && !ROLE_MAILBOXES.contains(&local.to_lowercase().as_str())
        && domain.split('.').count() >= 2
        && domain.split('.').all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-'))
}

/// Words before "score" that name a round's, a game's or a sitting's score, never what a
/// member or a candidate is given: "High score", "Final score 3-1", "Best score"; or a tally of
/// what buyers and viewers thought of a thing: a seller's "Feedback score: 495", a film's "User
/// Score 72%" beside its cast's photos.
const NOT_A_MEMBERS_SCORE: &[&str] = &[
    "high",
    "highest",
    "best",
    "final",
    "finale",
    "akhir",
    // Vietnamese reward points ("Điểm thưởng 500"), a shop's.
    "thưởng",
    "half-time",
    "halftime",
    "round",
    "level",
    "feedback",
    "user",
    "users",
    "critic",
    "critics",
    "audience",
    // A customer-success tool's account health ("Tenant | Health Score | Trend"): a business's.
    "health",
];

/// A text that is nothing but a percentage from 0 to 100 ("83%", "86 %", "92.5%"), compacted.
pub fn lone_percentage(text: &str) -> Option<String> {
    let compact: String = text.chars().filter(|c| !c.is_whitespace()).collect();
    let number = compact.strip_suffix('%')?;
    let (whole, fraction) = number.split_once('.').unwrap_or((number, "0"));
    let digits = |s: &str, max: usize| !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit());
    (digits(whole, 3) && digits(fraction, 2) && whole.parse::<u32>().ok()? <= 100).then_some(compact)
}

/// On a recruiting tool's page, a [`lone_percentage`] beside an applicant ("JD Jane Doe … 83%",
/// "Jane Doe · 86 % · Ver" linking their profile) is their match: the tool shows no other figure
/// of a person so. Only with the person shown: a full name, an e-mail, an initials avatar, a
/// photo, a handle or a link to their page (a stats tile of the same page, "Shortlisted 45%",
/// has none). src/heuristics-sources.md §23, §24.
pub fn applicants_match(percentage: String, cx: &Context) -> Option<ScoreDisplay> {
    let shown = contact_card(cx) || initials_avatar(&cx.text) || member_beside(cx) || names_a_person(&cx.text);
    if !hiring_path(&cx.page_url) || !shown {
        return None;
    }
    let display =
        ScoreDisplay { label: "Match".into(), value: percentage, prefix: String::new(), kind: Label::Qualified };
    is_about_a_person(&display, cx).then_some(display)
}

/// Words of hiring software's cards and tables: the person beside a score is a job candidate
/// being ranked (src/heuristics-sources.md §16).
const HIRING_WORDS: &[&str] = &[
    "candidate",
    "candidates",
    "applicant",
    "applicants",
    // Not "resume" (a game's or a video's button) nor "interview" (a match's, a newspaper's).
    "résumé",
    "shortlist",
    "shortlisted",
    "interviewer",
    "recruiter",
    // A landlord's screening of applicants for a flat ("87% Match · Risk: low · Select Tenant").
    "tenant",
    "tenants",
    // An applicant tracking system's reading of a resume ("ATS Score 78/100").
    "ats",
    // An application's own fields ("Applied for: Frontend Developer", "Salary Expectation $95,000").
    "applied for",
    "salary expectation",
    "expected salary",
    "candidato",
    "candidatos",
    "candidata",
    "candidat",
    "candidats",
    "kandidat",
    "bewerber",
    "postulante",
    "pelamar",
    "ứng viên",
    "кандидат",
    "候选人",
    "应聘者",
    "応募者",
    "候補者",
    "지원자",
];

/// A sales prospect's words: prospecting tools score the people they list for a seller
/// ("Prospecto … Puntuacion 87/100", src/heuristics-sources.md §21). Not "lead": a job title's.
const PROSPECT_WORDS: &[&str] = &["prospect", "prospects", "prospecto", "prospectos"];

/// An election's words: its candidates' shares of the vote are no scoring of a person.
const ELECTION_WORDS: &[&str] = &["election", "elections", "ballot", "nominee", "nominees", "votes cast", "precinct"];

/// A job candidate's or a sales prospect's card: their words in it or in its table's heading row,
/// or a recruiter's page by its address; none of an election.
fn hiring_card(cx: &Context) -> bool {
    let text = format!("{} {}", cx.text, cx.columns).to_lowercase();
    (HIRING_WORDS.iter().chain(PROSPECT_WORDS).any(|w| contains_word(&text, w)) || hiring_path(&cx.page_url))
        && !ELECTION_WORDS.iter().any(|w| contains_word(&text, w))
}

/// An employee's words in a card or its table's heading row: an HR tool's evaluation or
/// scorecard of one employee ("Employee Name: … FINAL SCORE 93% · Emp ID: 10633"; src/heuristics-sources.md
/// §24). Not "staff" alone: a shop's or a school's staff pages.
const EMPLOYEE_WORDS: &[&str] = &[
    "employee",
    "employee name",
    "employee id",
    "emp id",
    "empleado",
    "empleada",
    "evaluado",
    "evaluada",
    "funcionário",
    "funcionária",
    "colaborador",
    "mitarbeiter",
    "mitarbeiterin",
    "employé",
    "employée",
    "dipendente",
    "karyawan",
    "pegawai",
    "nhân viên",
    "сотрудник",
    "员工",
    "職員",
    "社員",
    "직원",
];

fn employee_card(cx: &Context) -> bool {
    let text = format!("{} {}", cx.text, cx.columns).to_lowercase();
    EMPLOYEE_WORDS.iter().any(|w| contains_word(&text, w))
        // A row's links into the employee's record ("karyawan/301/edit_kpi", "/employees/12").
        || cx.links.iter().any(|l| crate::urls::path_has_word(l.split(['?', '#']).next().unwrap_or(""), EMPLOYEE_ROUTES))
}

/// An employee record's route words, as HR tools link a row to its employee ("/employees/12",
/// "karyawan/301/edit_kpi").
const EMPLOYEE_ROUTES: &[&str] = &[
    "employee",
    "employees",
    "empleado",
    "empleados",
    "funcionario",
    "funcionarios",
    "mitarbeiter",
    "karyawan",
    "pegawai",
];

/// Words of a recruiting tool's routes (`/jobs/42/candidates`, `/recruiter/talent-pool`,
/// `/candidats`): every card on such a page is an applicant's (src/heuristics-sources.md §23).
pub const HIRING_PATH_WORDS: &[&str] = &[
    "candidate",
    "candidates",
    "candidat",
    "candidats",
    "candidato",
    "candidatos",
    "kandidaten",
    "bewerber",
    "applicant",
    "applicants",
    "recruiter",
    "recruiters",
    "recruiting",
    "recruitment",
    "recrutement",
    "reclutamiento",
    "recrutamento",
];

/// Whether a word of the address's path (not its host, not its query) is a recruiting route's.
/// The same reading of the path as [`crate::engine::PagePlan::needs_engine`]'s, so the page
/// side asks the background wherever the engine plans for it.
pub fn hiring_path(page_url: &str) -> bool {
    route_has_word(page_url, HIRING_PATH_WORDS)
}

/// Whether a word of the page address's path (not its host, not its query) is one of `words`.
fn route_has_word(page_url: &str, words: &[&str]) -> bool {
    crate::urls::Url::parse(page_url).is_ok_and(|url| crate::urls::path_has_word(url.path, words))
}

/// A sport's pages, by a word of their path ("/football/predictions", "/standings/2026"): the
/// players named there score in games, not as people profiled (src/heuristics-sources.md §24).
const SPORTS_PATH_WORDS: &[&str] = &[
    "sport",
    "sports",
    "football",
    "soccer",
    "futbol",
    "basketball",
    "baseball",
    "hockey",
    "cricket",
    "tennis",
    "golf",
    "rugby",
    "motorsport",
    "racing",
    "nba",
    "nfl",
    "nhl",
    "mlb",
    "standings",
    "fixtures",
    "tournament",
    "tournaments",
    "championship",
];

fn sports_path(page_url: &str) -> bool {
    route_has_word(page_url, SPORTS_PATH_WORDS)
}

/// Whether every "match" in a card follows a percentage ("92% match fit"): a person's fit, as
/// dating, hiring and creator cards print it, where a sports match never has one.
fn every_match_a_fit(card: &str) -> bool {
    card.match_indices("match")
        .filter(|(at, _)| at_word_edges(card, *at, "match".len()))
        .all(|(at, _)| card[..at].trim_end().ends_with('%'))
}

/// Every star in `card` stands alone: no figure and no other star right before or after it.
fn every_star_a_marker(card: &str) -> bool {
    let rating_beside = |neighbour: Option<char>| {
        neighbour.is_some_and(|c| c.is_ascii_digit() || matches!(c, '★' | '☆' | '/' | '(' | ')'))
    };
    card.match_indices('★').all(|(at, star)| {
        let before = card[..at].trim_end().chars().next_back();
        let after = card[at + star.len()..].trim_start().chars().next();
        !rating_beside(before) && !rating_beside(after)
    })
}

/// A creator card's follower count: the engagement rate beside it is an account's, as
/// creator-analytics tools show it (src/heuristics-sources.md §13).
fn counts_followers(card: &str) -> bool {
    const FOLLOWERS: &[&str] = &[
        "followers",
        "seguidores",
        "abonnés",
        "follower",
        "подписчиков",
        "подписчики",
        "フォロワー",
        "粉丝",
        "粉絲",
        "追蹤者",
        "追踪者",
        "팔로워",
        "takipçi",
        "pengikut",
    ];
    FOLLOWERS.iter().any(|w| contains_word(card, w))
}

/// A rating that only votes make: signed ("+87.40", "-4.20") or 10 and more, and neither a
/// fraction nor a percentage, which a product's rating out of 5 or 10 never is.
fn vote_tally(value: &str) -> bool {
    if value.contains('/') || value.ends_with('%') {
        return false;
    }
    let signed = value.starts_with(['+', '-']);
    let number: f64 = value.trim_start_matches(['+', '-']).replace(',', "").parse().unwrap_or(0.0);
    signed || number >= 10.0
}

/// A member's rating among the card's statistics ("340 Rating", "Rating: 57"), as community
/// software shows it beside reputation or karma: every "rating" in the card sits next to a
/// whole number of two digits or more. A product's or a seller's rating is a small number, a
/// fraction of 5 or 10, a percentage or stars ("Rating 4.8/5", "4 rating"), or has no number.
fn member_rating(card: &str) -> bool {
    let whole = |token: &str| {
        let digits = token.trim_start_matches(['+', '-']).replace(',', "");
        digits.len() >= 2 && digits.chars().all(|c| c.is_ascii_digit())
    };
    let mut any = false;
    let all = card.match_indices("rating").filter(|(i, _)| at_word_edges(card, *i, "rating".len())).all(|(i, _)| {
        any = true;
        let after = card[i + "rating".len()..].trim_start().trim_start_matches(':').trim_start();
        let next = after.split_whitespace().next().unwrap_or("");
        let before = card[..i].split_whitespace().next_back().unwrap_or("");
        whole(next) || whole(before)
    });
    any && all
}

/// `word` as a byline uses it ("posted by jane"), not as a member's statistic ("Submitted: 18")
/// or between two numbers ("8 von 10", German "8 out of 10").
fn byline_word(card: &str, word: &str) -> bool {
    card.match_indices(word).any(|(i, _)| {
        let after = card[i + word.len()..].trim_start();
        at_word_edges(card, i, word.len())
            && !after.starts_with(':')
            && !after.starts_with(|c: char| c.is_ascii_digit())
    })
}

/// Question2Answer's byline, "answered by jane (12,480 points)": the points in brackets right
/// after the author's one-word name are the author's, not the post's ("123 points by jane").
fn points_after_author(card: &str, display: &ScoreDisplay) -> bool {
    let value = display.value.to_lowercase();
    card.match_indices('(').any(|(i, _)| {
        let after_name = card[i + 1..].trim_start().starts_with(&value);
        let name_after_byline = card[..i].trim_end().rsplit_once(char::is_whitespace).is_some_and(|(rest, name)| {
            let rest = rest.trim_end();
            !name.is_empty()
                && ITEM_WORDS.iter().any(|w| rest.ends_with(w) && at_word_edges(rest, rest.len() - w.len(), w.len()))
        });
        after_name && name_after_byline
    })
}

/// An @handle, an avatar, a link to a member page, a personal e-mail address, hiring words, or
/// a member page as the page itself.
fn person_beside(cx: &Context) -> bool {
    member_beside(cx)
        || contact_card(cx)
        || hiring_card(cx)
        || initials_avatar(&cx.text)
        || names_a_person(&cx.text)
        || heads_a_column(&cx.columns, SCORED_PEOPLE_COLUMNS)
        || person_name_field(&cx.text.to_lowercase())
}

/// A letter avatar beside the name it stands for ("JD Jane Doe"): dashboards draw a person
/// without a photo as their initials, and a product or a team has no initials avatar.
fn initials_avatar(card: &str) -> bool {
    let words: Vec<&str> = card.split_whitespace().collect();
    // "Jane", "Doe", "O'Neil": a capital, then at least one small letter's worth of word.
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars().count() >= 2
            && cs.all(|c| c.is_lowercase() || c == '-' || c == '\'')
    };
    words.iter().enumerate().any(|(i, w)| {
        let n = w.chars().count();
        if !(2..=3).contains(&n) || !w.chars().all(|c| c.is_uppercase()) {
            return false;
        }
        // The name right after the initials, or right before them.
        let name_at = |start: usize| {
            words.get(start..start + n).is_some_and(|name| {
                name.iter().all(|p| capitalised(p)) && name.iter().zip(w.chars()).all(|(p, c)| p.starts_with(c))
            })
        };
        name_at(i + 1) || (i >= n && name_at(i - n))
    })
}

/// A member of a site: an @handle, an avatar, a link to a member page, a member column, or a
/// member page as the page itself. Not a contact's or a candidate's card: a job posting's
/// "Level 3" beside the recruiter's e-mail is the job's.
fn member_beside(cx: &Context) -> bool {
    let handle = cx.text.split_whitespace().any(|w| {
        w.strip_prefix('@').is_some_and(|h| {
            h.chars().count() >= 2 && h.chars().all(|c| c.is_alphanumeric() || c == '_' || c == '.' || c == '-')
        })
    });
    let avatar = cx.images.iter().any(|i| {
        let i = i.to_lowercase();
        // "perfil": Spanish and Portuguese for profile ("img_perfil").
        ["avatar", "gravatar", "profile", "perfil", "user", "member", "author"].iter().any(|w| i.contains(w))
    });
    // Korean and Japanese address a person by an honorific after the name ("홍길동 님",
    // "たろうさん"; src/heuristics-sources.md §20): the member the box greets.
    let honorific = cx.text.split_whitespace().any(|w| {
        let w = w.trim_matches(|c: char| !c.is_alphanumeric());
        w.ends_with('님') || (w.ends_with("さん") && w.chars().count() > 2)
    });
    handle
        || avatar
        || honorific
        || signed_in_box(&cx.text)
        || cx.links.iter().any(|l| is_member_path(l))
        || (is_member_path(&cx.page_url) && !elsewhere_a_section(&cx.page_url))
        || heads_a_column(&cx.columns, MEMBER_COLUMNS)
        || heads_a_column(&cx.columns, PERSON_NAME_FIELDS)
}

/// A page at `/in/…` or `/c/…` off LinkedIn and YouTube: India's section of a shop, a category
/// ("/c/headphones"), not a person's page, whose every card would otherwise count as theirs. (A
/// card's link to `/c/jane` still names a channel.)
fn elsewhere_a_section(page_url: &str) -> bool {
    let Ok(url) = crate::urls::Url::parse(page_url) else { return false };
    let first = url.path.split('/').find(|s| !s.is_empty()).unwrap_or("").to_ascii_lowercase();
    let on = |site: &str| url.host == site || url.host.ends_with(&format!(".{site}"));
    match first.as_str() {
        "in" => !on("linkedin.com"),
        "c" => !on("youtube.com"),
        _ => false,
    }
}

/// Column labels that make each row of a table a member's: a leaderboard that lists plain
/// names, without links or avatars, still heads their column "User" (src/heuristics-sources.md
/// §13). Not "Name", "Player", "Student" or "Team": results, games and exams use those.
const MEMBER_COLUMNS: &[&str] = &[
    "user",
    "username",
    "user name",
    "member",
    "nickname",
    "benutzer",
    "benutzername",
    "mitglied",
    "utilisateur",
    "membre",
    "pseudo",
    "usuario",
    "miembro",
    "usuário",
    "utilizador",
    "membro",
    "utente",
    "gebruiker",
    "użytkownik",
    "kullanıcı",
    "üye",
    "pengguna",
    "anggota",
    "người dùng",
    "thành viên",
    "пользователь",
    "участник",
    "користувач",
    "المستخدم",
    "العضو",
    "کاربر",
    "用户",
    "用戶",
    "昵称",
    "暱稱",
    "会员",
    "會員",
    "ユーザー",
    "ユーザ",
    "회원",
    "사용자",
    "닉네임",
];

/// Column labels that make each row of a table a person someone else's software scores: a
/// worker an employer's ("Driver | Trips | Avg Score", "Employee Name | Appraisal Score";
/// src/heuristics-sources.md §17), a renter a landlord's ("Renter | Credit Score"; §19). Only
/// for another thing's score (`Label::Qualified`): a race's standings head their drivers'
/// column "Driver" beside "Points".
/// Headings and field labels only a person's name fills: a given name, a surname, a full name
/// ("Имя | Баллы | Уровень", "MSSV | Họ tên | Điểm rủi ro", "이름 김민준 · 점수 84.5";
/// src/heuristics-sources.md §26). A bare "Name" or "Nombre" heads products too.
const PERSON_NAME_FIELDS: &[&str] = &[
    "full name",
    "first name",
    "last name",
    "surname",
    "vorname",
    "nachname",
    "prénom",
    "apellido",
    "apellidos",
    "sobrenome",
    "nome completo",
    "nombre completo",
    "ad soyad",
    "nama lengkap",
    "họ tên",
    "họ và tên",
    "имя",
    "фио",
    "фамилия",
    "姓名",
    "氏名",
    "성명",
    "이름",
    // A member's user name as a field ("用户名：liwei · 信誉分数：10" on a time bank's member
    // page): a login form's label has no name after it.
    "username",
    "user name",
    "benutzername",
    "nombre de usuario",
    "nome de usuário",
    "用户名",
    "用戶名",
    "ユーザー名",
];

/// A field label of [`PERSON_NAME_FIELDS`] with a name after it: the card names its person.
fn person_name_field(card: &str) -> bool {
    PERSON_NAME_FIELDS.iter().any(|w| {
        card.match_indices(w).any(|(at, _)| {
            let next = card[at + w.len()..].trim_start_matches([':', '：', ' ']).split(' ').next().unwrap_or("");
            // A name, not the next field's label ("用户名： 密码：" on a sign-in form).
            at_word_edges(card, at, w.len()) && next.starts_with(char::is_alphabetic) && !next.ends_with([':', '：'])
        })
    })
}

const SCORED_PEOPLE_COLUMNS: &[&str] = &[
    "driver",
    "driver name",
    // A driver's licence, as fleet-management tables head it ("Name | License No | Safety
    // Score"; src/heuristics-sources.md §20). Not "License Plate": a vehicle's.
    "license no",
    "license number",
    "license#",
    "license expiry",
    "licence no",
    "licence number",
    "employee",
    "employee name",
    "employee id",
    "worker",
    "staff",
    "renter",
    "tenant",
];

/// Whether a table's heading row has one of these columns ([`MEMBER_COLUMNS`], [`SCORED_PEOPLE_COLUMNS`]).
fn heads_a_column(columns: &str, labels: &[&str]) -> bool {
    let lower = columns.to_lowercase();
    labels.iter().any(|w| contains_word(&lower, w))
}

/// `/user/jane`, `/users/12/jane`, `/u/jane`, `/profile/jane`, `/members/jane`, `/@jane`, `/~jane`.
fn is_member_path(href: &str) -> bool {
    let lower = href.to_lowercase();
    // Forum software's member pages: phpBB, vBulletin, SMF, MyBB, Discuz.
    // XenForo and Invision boards without friendly URLs route the member page in the query
    // (`index.php?members/jane.12/`, `index.php?/profile/12-jane/`, older `index.php?showuser=12`).
    const MEMBER_QUERIES: &[&str] = &[
        "mode=viewprofile",
        "member.php?u=",
        "action=profile",
        "member.php?action=profile",
        "space-uid-",
        "uid=",
        "?members/",
        "?/profile/",
        "showuser=",
        // Account pages keyed by the member's id (Joomla AltaUserPoints' view=account&userid=).
        "userid=",
        "user_id=",
    ];
    if MEMBER_QUERIES.iter().any(|q| lower.contains(q)) {
        return true;
    }
    let path = match href.split_once("://") {
        Some((_, rest)) => rest.find('/').map_or("", |i| &rest[i..]),
        None => href,
    };
    // A single-page app routes in the fragment (`/#/profiles/jdoe`, `#!/user/jdoe`).
    let path = match path.split_once('#') {
        Some((before, route))
            if before.trim_matches('/').is_empty() && route.trim_start_matches('!').starts_with('/') =>
        {
            route.trim_start_matches('!')
        }
        _ => path,
    };
    let path = path.split(['?', '#']).next().unwrap_or("").to_lowercase();
    // PHP forums' profile scripts with the member in the query: profile.php?u=57.
    const MEMBER_SCRIPTS: &[&str] = &["profile.php", "member.php", "user.php", "userinfo.php", "memberlist.php"];
    let query = href.split_once('?').map_or("", |(_, q)| q);
    if !query.is_empty() && path.split('/').rfind(|s| !s.is_empty()).is_some_and(|s| MEMBER_SCRIPTS.contains(&s)) {
        return true;
    }
    const MEMBER: &[&str] = &[
        "user",
        "users",
        "u",
        "profile",
        "profiles",
        "member",
        "members",
        "people",
        "person",
        "author",
        "authors",
        "account",
        "accounts",
        "in",
        "c",
        "channel",
        "creator",
        "creators",
        // Creator-analytics apps' page of one influencer (`/influenciadores/12345`).
        "influencer",
        "influencers",
        "influenciador",
        "influenciadores",
        "freelancer",
        "freelancers",
        "speaker",
        "speakers",
        "expert",
        "experts",
        // The same pages in other languages' routes (`/Nutzer/Max-Mustermann/678`, `/perfil/maria`).
        "nutzer",
        "benutzer",
        "mitglied",
        "mitglieder",
        "profil",
        "perfil",
        "membre",
        "membres",
        "utilisateur",
        "utilisateurs",
        "usuario",
        "usuarios",
        "membro",
        "membros",
        "miembro",
        "miembros",
        "utente",
        "utenti",
        "gebruiker",
        "gebruikers",
    ];
    // A relative link's `./` and `../` (Question2Answer writes `./user/jane`) lead nowhere else.
    let mut segs = path.split('/').filter(|s| !matches!(*s, "" | "." | "..")).peekable();
    // A board under a section or a language: `/forum/members/jane.12/`, `/t5/user/viewprofilepage/…`
    // (Khoros communities), `/en/users/jane`.
    const SECTIONS: &[&str] =
        &["forum", "forums", "community", "communities", "discuss", "board", "boards", "bbs", "t5"];
    let language = |s: &str| {
        let b = s.as_bytes();
        (b.len() == 2 || (b.len() == 5 && b[2] == b'-')) && s.chars().all(|c| c.is_ascii_alphabetic() || c == '-')
    };
    for _ in 0..2 {
        match segs.peek() {
            Some(s) if SECTIONS.contains(s) || (language(s) && !MEMBER.contains(s)) => {
                segs.next();
            }
            _ => break,
        }
    }
    let Some(first) = segs.next() else { return false };
    if (first.starts_with('@') || first.starts_with('~')) && first.len() > 2 {
        return true;
    }
    MEMBER.contains(&first) && segs.next().is_some_and(|s| !s.is_empty())
}

/// `word` appears in `haystack` with no letter or digit right before or after it. Words in
/// scripts written without spaces (Chinese) match anywhere.
pub fn contains_word(haystack: &str, word: &str) -> bool {
    haystack.match_indices(word).any(|(i, _)| at_word_edges(haystack, i, word.len()))
}

fn at_word_edges(haystack: &str, at: usize, len: usize) -> bool {
    // An identifier's parts are no words: "review" is not in "ml_review".
    let spaced = |c: char| (c.is_alphanumeric() || c == '_') && !is_cjk(c);
    let first = haystack[at..].chars().next();
    let last = haystack[..at + len].chars().next_back();
    // A word that ends in its own punctuation ("lv.") is edged there: "Lv.7".
    let edged = |c: char| is_cjk(c) || !spaced(c);
    let before = first.is_some_and(edged) || haystack[..at].chars().next_back().is_none_or(|c| !spaced(c));
    let after = last.is_some_and(edged) || haystack[at + len..].chars().next().is_none_or(|c| !spaced(c));
    before && after
}

fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{9fff}' | '\u{ac00}'..='\u{d7af}' | '\u{f900}'..='\u{faff}')
}

trait Grade {
    fn to_uppercase_if_grade(self) -> String;
}

impl Grade for String {
    fn to_uppercase_if_grade(self) -> String {
        if self.starts_with(|c: char| c.is_ascii_alphabetic()) {
            self.to_uppercase()
        } else {
            self
        }
    }
}

/// `s` from its first character that is neither a space nor a separator, a minus sign before a
/// digit being the value's own ("Рейтинг -4.20", not "Karma - 12").
fn after_separators(s: &str) -> &str {
    let mut rest = s;
    while let Some(c) = rest.chars().next() {
        let after = &rest[c.len_utf8()..];
        let minus = matches!(c, '-' | '−') && after.starts_with(|d: char| d.is_ascii_digit());
        if minus || !(c.is_whitespace() || LABEL_SEPARATORS.contains(c)) {
            break;
        }
        rest = after;
    }
    rest
}

/// "87 %" as "87%": French typography, and templates that print the value and its sign
/// apart ("91 % Match"), put a space between them.
fn percent_signs_glued(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(at) = rest.find(" %") {
        out.push_str(&rest[..at]);
        if !rest[..at].ends_with(|c: char| c.is_ascii_digit()) {
            out.push(' ');
        }
        out.push('%');
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// A number in parentheses as its bare self: templates print a value so ("(3.41)% Engagement
/// rate", src/heuristics-sources.md §14), and the parentheses hide it from the label beside it.
fn without_number_parens(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find('(') {
        out.push_str(&rest[..open]);
        let inside = &rest[open + 1..];
        let number = inside.find(')').filter(|&close| {
            let digits = inside[..close].trim().trim_start_matches(['+', '-']).trim_end_matches('%');
            digits.starts_with(|c: char| c.is_ascii_digit())
                && digits.chars().all(|c| c.is_ascii_digit() || matches!(c, '.' | ','))
        });
        match number {
            Some(close) => {
                out.push_str(inside[..close].trim());
                rest = &inside[close + 1..];
            }
            None => {
                out.push('(');
                rest = inside;
            }
        }
    }
    out.push_str(rest);
    out
}

/// `63`, `1,280`, `2.3k`, `3.4/5`, `87%`, `754 / 1000`, `95th`, or a letter grade `a+`, `b-`,
/// `c`, at the start of `s`.
/// Latin letters without their accents, for matching labels as pages misspell them.
pub(crate) fn fold_accents(s: &str) -> std::borrow::Cow<'_, str> {
    if s.is_ascii() {
        return s.into();
    }
    // Turkish "İ" lower-cases to "i" and a combining dot, which no label has.
    s.chars()
        .filter(|c| *c != '\u{307}')
        .map(|c| match c {
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            _ => c,
        })
        .collect::<String>()
        .into()
}

/// A number in quotes as its bare self: a template that quoted its placeholder
/// ("적립포인트 : '1250' Point", src/heuristics-sources.md §21).
fn without_quoted_numbers(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let close = match c {
            '\'' | '"' => Some(c),
            '‘' => Some('’'),
            '“' => Some('”'),
            _ => None,
        };
        if let Some(close) = close {
            let digits = chars[i + 1..].iter().take_while(|d| d.is_ascii_digit() || matches!(d, '.' | ',')).count();
            if digits > 0 && chars[i + 1].is_ascii_digit() && chars.get(i + 1 + digits) == Some(&close) {
                out.extend(&chars[i + 1..i + 1 + digits]);
                i += digits + 2;
                continue;
            }
        }
        out.push(c);
        i += 1;
    }
    out
}

fn leading_value(s: &str) -> Option<String> {
    // "+15", "-3": karma and reputation can be signed.
    if let Some(rest) = s.strip_prefix(['+', '-', '−']) {
        if rest.starts_with(|c: char| c.is_ascii_digit()) {
            let sign = if s.starts_with('+') { "+" } else { "-" };
            return leading_value(rest).map(|v| format!("{sign}{v}"));
        }
        return None;
    }
    let first = s.chars().next()?;
    if first.is_ascii_digit() {
        let end = s
            .char_indices()
            .find(|(_, c)| !(c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '%' | ' ')))
            .map(|(i, _)| i)
            .unwrap_or(s.len());
        // A space groups thousands ("1 250"): a group of other than three digits after it is the
        // next figure ("+80 2017-01-01", a points log's date), not more of this one.
        let end = s[..end]
            .match_indices(' ')
            .find(|(at, _)| {
                let group: String = s[at + 1..].chars().take_while(char::is_ascii_digit).collect();
                s[..*at].ends_with(|c: char| c.is_ascii_digit()) && !group.is_empty() && group.len() != 3
            })
            .map_or(end, |(at, _)| at);
        let mut v = s[..end].trim().trim_end_matches(['/', '.', ',']).trim().replace(' ', "");
        let rest = &s[end..];
        // `2.3k`, `95th`: a unit or ordinal glued to the number, not the start of a word.
        for unit in ["k", "m", "th", "st", "nd", "rd"] {
            if let Some(after) = rest.strip_prefix(unit) {
                if after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                    v.push_str(unit);
                    return Some(v);
                }
            }
        }
        // Chinese, Japanese and Korean write a score's unit glued to it ("92分", "1250点", "85점");
        // followed by more (分钟, minutes; 分前, minutes ago) it is a time.
        for unit in ['分', '点', '점'] {
            if let Some(after) = rest.strip_prefix(unit) {
                if after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
                    return Some(v);
                }
            }
        }
        // A clock or a lap time ("1:03", "12:45") is no score.
        if rest.strip_prefix(':').is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit())) {
            return None;
        }
        // A number running into a word ("3rd-party", "10x", Hungarian "99-en") is not a value.
        let hyphenated = rest.strip_prefix('-').is_some_and(|r| r.starts_with(char::is_alphabetic));
        if (hyphenated || rest.chars().next().is_some_and(|c| c.is_alphabetic())) && !s[..end].ends_with(' ') {
            return None;
        }
        return Some(v);
    }
    if matches!(first, 'a'..='f') {
        let rest = &s[1..];
        let sign = rest.chars().next().filter(|c| *c == '+' || *c == '-');
        let after = &rest[sign.map_or(0, |_| 1)..];
        // French and Italian elide an article before a vowel ("Score d'autorité 55"): a letter
        // before an apostrophe is a word's start, not a grade.
        let elided = sign.is_none() && after.starts_with(['\'', '’']);
        if !elided && after.chars().next().is_none_or(|c| !c.is_alphanumeric()) {
            return Some(format!("{first}{}", sign.map(String::from).unwrap_or_default()));
        }
    }
    None
}

/// A number that ends `s` ("1284" in "1284 Reputation"); grades only follow their label.
fn trailing_value(s: &str) -> Option<String> {
    let start = s
        .char_indices()
        .rev()
        .take_while(|(_, c)| c.is_ascii_digit() || matches!(c, '.' | ',' | '/' | '%' | 'k'))
        .last()
        .map(|(i, _)| i)?;
    let v = &s[start..];
    if !v.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    // The number stands alone: "a1284" or "v2" is no value.
    if s[..start].chars().next_back().is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some(v.trim_end_matches(['.', ',', '/']).to_string())
}

pub(crate) fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A card of nothing but `text`.
    fn card(text: &str) -> Context {
        Context { text: text.into(), ..Context::default() }
    }

    fn person(text: &str) -> bool {
        score_display(text).is_some_and(|d| is_about_a_person(&d, &card(text)))
    }

    #[test]
    fn displays() {
        let d = score_display("Influence Score 63").unwrap();
        assert_eq!((d.label.as_str(), d.value.as_str()), ("Influence score", "63"));
        assert_eq!(score_display("Reputation Score: 3.4/5").unwrap().value, "3.4/5");
        // A column heading's unit after the label.
        assert_eq!(score_display("Engaj. % 5.4%").unwrap().value, "5.4%");
        assert_eq!(score_display("Engagement (%) 5.4%").unwrap().value, "5.4%");
        assert!(score_display("Engagement %").is_none());
        assert_eq!(score_display("Social score: a+").unwrap().value, "A+");
        assert_eq!(score_display("Trust score 87%").unwrap().value, "87%");
        assert_eq!(score_display("Kred Influence Score 812 / 1000").unwrap().value, "812/1000");
        assert_eq!(score_display("1284 Reputation").unwrap().value, "1284");
        assert_eq!(score_display("声望 857").unwrap().value, "857");
        assert_eq!(score_display("Einflussbewertung: 72").unwrap().value, "72");
        assert_eq!(score_display("Karma: +15/-3").unwrap().value, "+15");
        assert_eq!(score_display("340 pts.").unwrap().value, "340");
        assert_eq!(score_display("520points").unwrap().value, "520");
    }

    #[test]
    fn displays_as_templates_misprint_them() {
        // Accents dropped, a level glued to its dot, a quoted placeholder.
        assert_eq!(score_display("Puntuacion 87/100").unwrap().label, "Puntuación");
        assert_eq!(score_display("Lv.7").unwrap().value, "7");
        assert_eq!(score_display("LV.12 Veteran").unwrap().value, "12");
        assert_eq!(score_display("적립포인트 : '1250' Point").unwrap().value, "1250");
        assert_eq!(score_display("Points: \"1,250\"").unwrap().value, "1,250");
        // An average between a rate's label and its value; a risk level before its number.
        assert_eq!(score_display("Engaj. Médio 4,87%").unwrap().value, "4,87%");
        assert_eq!(score_display("Engagement avg: 3.1%").unwrap().value, "3.1%");
        assert_eq!(score_display("Risk Score: Critical (91.3%)").unwrap().value, "91.3%");
        // Still no value: a quote that is not a number's, a level with no number after the word.
        assert!(score_display("Points: 'many'").is_none());
        assert!(score_display("Risk: High").is_none());
        assert!(score_display("Level.5").is_none());
    }

    #[test]
    fn only_texts_that_could_hold_a_value_are_displays() {
        for text in
            ["Klout", "Key points", "Leaderboard", "Reputation", "Karma score explained", "Influence is not a number."]
        {
            assert!(!could_hold_value(text), "{text}");
            assert!(score_display(text).is_none(), "{text}");
        }
        for text in ["Karma: 12", "Social score: A+", "Score: B", "grade a-", "声望857", "Klout 63"] {
            assert!(could_hold_value(text), "{text}");
        }
        // Every display the rules read passes (the page side relies on it).
        for text in
            ["Influence Score 63", "Social score: a+", "Trust score 87%", "Karma: +15/-3", "520points", "积分: 1280"]
        {
            assert!(score_display(text).is_some() && could_hold_value(text), "{text}");
        }
    }

    #[test]
    fn a_shops_category_or_indian_section_is_no_members_page() {
        assert!(elsewhere_a_section("https://shop.example.com/c/headphones"));
        assert!(elsewhere_a_section("https://www.example.com/in/shop/iphone"));
        assert!(!elsewhere_a_section("https://www.youtube.com/c/janedoe"));
        assert!(!elsewhere_a_section("https://www.linkedin.com/in/jane-doe"));
        let score = score_display("Score 4.5").unwrap();
        let card = |page_url: &str| Context {
            text: "Wireless Earbuds X2 Score 4.5 49.90".into(),
            page_url: page_url.into(),
            ..Context::default()
        };
        assert!(!is_about_a_person(&score, &card("https://shop.example.com/c/headphones")));
        assert!(is_about_a_person(&score, &card("https://forum.example.com/u/janedoe")));
    }

    #[test]
    fn member_pages_under_a_section_or_in_the_query() {
        for member in [
            "/users/12/jane",
            "https://example.org/in/jane-doe",
            "/forum/members/jane.12/",
            "https://community.example.com/t5/user/viewprofilepage/user-id/212388",
            "/en/users/jane",
            "https://forum.example.net/index.php?members/jane.121640/",
            "https://board.example.com/index.php?/profile/12-jane/",
            "http://forum.example.ru/forum/index.php?showuser=2220650",
            "https://app.example.com.br/influenciadores/12345",
        ] {
            assert!(is_member_path(member), "{member}");
        }
        for other in ["/forum/topics/12", "/en/docs/user", "/de/products/42", "/forum/", "/in/", "/influencers/"] {
            assert!(!is_member_path(other), "{other}");
        }
    }

    #[test]
    fn forum_credits_are_a_members_shop_points_are_not() {
        let member = |text: &str| {
            let cx =
                Context { text: text.into(), links: vec!["home.php?mod=space&uid=42".into()], ..Context::default() };
            score_display(text).is_some_and(|d| is_about_a_person(&d, &cx))
        };
        let members = [
            "积分: 1280",
            "積分 311",
            "貢献度: 1,020",
            "Reaction score 913",
            "ポイント: 1,200",
            "Trust level 3",
            "Rep Power: 12",
            "Score: 1,280",
            "Pontszám: 311",
            "Nivel de confianza 2",
            "Mitgliedsreputation: 312",
            "Точки: 1,280",
            "แต้มคะแนน : 412",
            "Poeni: 87",
            "Skóre: 1 020",
            "Punteggio: 311",
            "स्कोर: 95",
            "1 280 баллов",
            "Puanları: 44",
            "声誉 857",
            "محبوبیت 120",
            "Reputatsioon: 87",
            "Reputació 1.280",
            "Reputaciopoentoj: 12",
            "1 280 угледа",
            "நற்பெயர் 320",
            "Ranga punkti: 42",
            "कर्म: 12",
            "カルマ: 1,204",
        ];
        for text in members {
            assert!(member(text), "{text}");
        }
        // A shop's points, another thing's score.
        for text in
            ["我的积分 120 积分商城", "消耗积分：300", "ご注文前のポイント 1,200", "Credit score 720", "Match score: 3"]
        {
            assert!(!member(text), "{text}");
        }
        // With no member beside them.
        assert!(!person("Reaction score 913"));
        assert!(!person("积分: 1280"));
    }

    #[test]
    fn every_label_has_a_hint() {
        // The page side sends only texts holding a hint (a label's or a leaderboard's): a label
        // without one would never be read.
        let missing: Vec<&str> = LABELS
            .iter()
            .map(|(label, _)| *label)
            .filter(|label| !HINTS.iter().chain(LIST_HINTS).any(|h| label.contains(h.trim())))
            .collect();
        assert!(missing.is_empty(), "labels no hint finds: {missing:?}");
    }

    #[test]
    fn a_members_rating_is_a_vote_tally_beside_the_member() {
        // LiveStreet's profile header and author card.
        assert!(person("@jane Рейтинг: +87.40"));
        assert!(person("@jane Рейтинг -4.20"));
        assert!(person("@jane Рейтинг 233.15"));
        // A product's stars, out of 5 or 10, or a percentage; or no one beside it.
        for not in ["@jane Рейтинг 4.5", "@jane Рейтинг: 9/10", "@jane Рейтинг 96%", "Рейтинг +87.40"]
        {
            assert!(!person(not), "{not}");
        }
    }

    #[test]
    fn a_minus_before_a_digit_is_the_values_own() {
        assert_eq!(score_display("Karma -12").unwrap().value, "-12");
        assert_eq!(score_display("Karma: -12").unwrap().value, "-12");
        assert_eq!(score_display("Karma - 12").unwrap().value, "12");
    }

    #[test]
    fn a_members_rating_among_their_statistics_does_not_rule_out_their_reputation() {
        // InstantCMS's profile header: karma under "Reputation", then the member's rating.
        let d = score_display("+12 Reputation").unwrap();
        let card = |text: &str| Context {
            text: text.into(),
            images: vec!["janedoe /upload/avatar.png".into()],
            ..Context::default()
        };
        assert!(is_about_a_person(&d, &card("janedoe Online +12 Reputation 340 Rating")));
        assert!(is_about_a_person(&d, &card("janedoe +12 Reputation Rating: 1,340")));
        // A seller's or a product's rating: small, a fraction, a percentage, or no number.
        for other in ["Rating 4.8/5", "4 rating", "Rating: 96%", "Seller rating", "340 Rating, Rating 4.5"] {
            assert!(!is_about_a_person(&d, &card(&format!("janedoe +12 Reputation {other}"))), "{other}");
        }
    }

    #[test]
    fn a_mail_link_is_a_person_beside() {
        let d = score_display("340 pts.").unwrap();
        let card = |link: &str| Context { links: vec![link.into()], ..Context::default() };
        assert!(is_about_a_person(&d, &card("MAILTO:jane.doe@example.com")));
        assert!(!is_about_a_person(&d, &card("/contact")));
    }

    #[test]
    fn creator_and_candidate_cards() {
        let rate = score_display("Engagement: 4.2%").unwrap();
        assert!(is_about_a_person(&rate, &card("janedoe_fit Followers: 85,400 Engagement: 4.2%")));
        assert!(!is_about_a_person(&rate, &card("Spring campaign Engagement: 4.2%")));
        assert!(person("Jane - Resume Score: 82"));
        let credibility = score_display("Credibility: 8/10").unwrap();
        let avatar = Context {
            images: vec![" card-img-top https://img.example.org/avatars/jane.png".into()],
            ..card("Jane Doe")
        };
        assert!(is_about_a_person(&credibility, &avatar));
        assert!(!is_about_a_person(&credibility, &card("Source: Example Times Credibility: 8/10")));
    }

    #[test]
    fn portuguese_ponto_is_a_members_points() {
        let d = score_display("Ponto: 1380").unwrap();
        assert_eq!(d.value, "1380");
        assert!(is_about_a_person(
            &d,
            &Context { page_url: "https://rede.example.org/profile/joao".into(), ..Context::default() }
        ));
        assert!(!is_about_a_person(&d, &Context::default()));
    }

    #[test]
    fn an_items_score_is_not_its_authors() {
        // XenForo's thread list tooltip (a tune page of voz.vn).
        assert_eq!(score_display("First message reaction score: 1"), None);
        assert!(score_display("Post score: 12").is_none());
        assert_eq!(score_display("Post karma: 12").unwrap().kind, Label::Person);
    }

    #[test]
    fn a_value_before_its_label_needs_the_label_to_end_the_phrase() {
        // A date's year before a forum called "Điểm báo" (press review), a league's table.
        assert!(score_display("Tom Doe. May 8, 2023 Điểm báo").is_none());
        assert!(score_display("2024 Points Table").is_none());
        assert_eq!(score_display("1,250 Points").unwrap().value, "1,250");
        assert_eq!(score_display("25 Karma Points").unwrap().value, "25");
        // Chinese glues a compound ("reputation points") and spaces its phrases.
        assert_eq!(score_display("8412 信誉积分").unwrap().value, "8412");
        assert_eq!(score_display("356积分 等级3").unwrap().value, "356");
    }

    #[test]
    fn performance_is_page_speeds_only_beside_its_value() {
        assert!(beside_a_number("performance 92 accessibility 100", "performance"));
        assert!(beside_a_number("92 performance", "performance"));
        assert!(!beside_a_number("performance level excellent", "performance"));
        assert!(!beside_a_number("avaliação de performance 4º john smith", "performance"));
    }

    #[test]
    fn a_level_is_a_whole_number_beside_a_member() {
        let member = Context { text: "janedoe Level 7".into(), links: vec!["/u/janedoe".into()], ..Context::default() };
        assert!(score_display("Level 7").is_some_and(|d| is_about_a_person(&d, &member)));
        assert!(score_display("20 lvl").is_some_and(|d| d.value == "20"));
        assert!(score_display("Battery level 80%").is_none());
        assert!(score_display("Level 2.5").is_none());
        assert!(score_display("Level 99-en kk olvasás").is_none());
        assert!(score_display("Level 7").is_some_and(|d| !is_about_a_person(&d, &card("Level 7"))));
    }

    #[test]
    fn korean_influence_stands_alone() {
        let d = score_display("영향력 931,492").unwrap();
        assert_eq!(d.value, "931,492");
        assert!(is_about_a_person(&d, &Context::default()));
    }

    #[test]
    fn performance_is_a_creators_when_the_card_counts_followers() {
        let d = score_display("Engagement 4.2%").unwrap();
        assert!(is_about_a_person(
            &d,
            &card("Juana Pérez Seguidores 245.0K Engagement 4.2% Posts 3 Performance 70/100")
        ));
        assert!(!is_about_a_person(&d, &card("Engagement 4.2% Performance 70/100 Accessibility 92")));
    }

    #[test]
    fn a_named_value_in_parentheses_is_the_value() {
        let d = named_value("Reputation Reputation", "(62)").unwrap();
        assert_eq!(d.value, "62");
        assert!(is_about_a_person(&d, &Context { links: vec!["/@janedoe".into()], ..Context::default() }));
        assert!(named_value("Reputation", "(see below)").is_none());
    }

    #[test]
    fn a_member_column_makes_a_plain_name_a_member() {
        let d = score_display("Points 1,240").unwrap();
        let row =
            |columns: &str| Context { text: "1 jane 1,240".into(), columns: columns.into(), ..Context::default() };
        assert!(is_about_a_person(&d, &row("Rank Username Points")));
        assert!(is_about_a_person(&d, &row("رتبه نام کاربر امتیاز")));
        assert!(is_about_a_person(&d, &row("순위 회원 포인트")));
        // Players, students and plain names are games', exams' and results' columns.
        assert!(!is_about_a_person(&d, &row("Rank Player Points")));
        assert!(!is_about_a_person(&d, &row("Name Points")));
        assert!(!is_about_a_person(&d, &row("")));
    }

    #[test]
    fn person_labels_stand_alone_shared_ones_need_a_person() {
        assert!(person("Influence Score 63"));
        assert!(person("Gamerscore 48215"));
        assert!(!person("Reputation: 1280"));
        assert!(person("@jane · Reputation: 1280"));
        let cx = Context { page_url: "https://forum.example.org/user/jane".into(), ..Context::default() };
        assert!(is_about_a_person(&score_display("Reputation 2750").unwrap(), &cx));
    }

    #[test]
    fn another_things_score_is_a_candidates_or_a_members_row() {
        let d = score_display("Tech Score 86%").unwrap();
        assert_eq!((d.kind, d.value.as_str()), (Label::Qualified, "86%"));
        assert!(!person("Tech Score 86%"));
        let hiring = Context {
            text: "Jane Doe Java Developer 86% 72% 80".into(),
            columns: "Applicant Name Job Title Tech Score Culture Score Overall Score".into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&d, &hiring));
        let members = Context {
            text: "jane 12,345".into(),
            columns: "User Score".into(),
            links: vec!["/user/jane".into()],
            ..Context::default()
        };
        assert!(is_about_a_person(&score_display("Weekly score 340").unwrap(), &members));
        assert!(!is_about_a_person(&score_display("High score 12,345").unwrap(), &members));
        // A match's interview and a game's "Resume" button are no hiring.
        for text in ["Post-match interview with Jane Doe Score 2-1", "Resume Score: 1,234 Jane"] {
            let cx = card(text);
            assert!(!is_about_a_person(&score_display("Score 2-1").unwrap(), &cx), "{text}");
        }
        let ballot = card("Election results Candidate Jane Doe");
        assert!(!is_about_a_person(&score_display("Approval score 52%").unwrap(), &ballot));
    }

    #[test]
    fn a_drivers_licence_column_makes_each_row_a_drivers() {
        let d = score_display("Safety Score 94/100").unwrap();
        let row = |columns: &str| Context {
            text: "Jane Doe D12345678 C 94/100 AVAILABLE".into(),
            columns: columns.into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&d, &row("Name License No Category Safety Score Status")));
        assert!(is_about_a_person(&d, &row("Name License# Expiry Completion Rate Safety Score Complaints")));
        // A vehicle's plate is no driver's licence.
        assert!(!is_about_a_person(&d, &row("Vehicle License Plate Safety Score Status")));
    }

    #[test]
    fn a_customers_churn_score_and_a_members_experience_and_a_creators_engajamento() {
        assert!(person("Churn Probability 80%"));
        assert!(person("Social Selling Index 72"));
        assert!(!person("经验值：9760"), "experience points need a person beside them");
        assert!(person("@janedoe 经验值：9760"));
        let d = score_display("Engaj. 5.4%").unwrap();
        assert_eq!((d.kind, d.value.as_str()), (Label::Rate, "5.4%"));
        assert!(is_about_a_person(&d, &card("Jane Doe @janedoe 12 184.300 5.4%")));
    }

    #[test]
    fn an_honorific_after_a_name_greets_the_member_whose_points_the_box_shows() {
        let d = score_display("Point : 15,320").unwrap();
        assert_eq!((d.kind, d.value.as_str()), (Label::Points, "15,320"));
        assert!(is_about_a_person(&d, &card("홍길동 님 환영합니다. janedoe LV. 7 Point : 15,320")));
        assert!(is_about_a_person(&score_display("1250 Point").unwrap(), &card("1250 Point たろうさん (24)")));
        assert!(!is_about_a_person(&d, &card("Point : 15,320 Message : 0 / 12")));
        // "さん" alone names nobody.
        assert!(!is_about_a_person(&d, &card("さん Point : 15,320")));
    }

    #[test]
    fn an_e_mail_address_in_the_card_is_a_contact_but_a_role_mailbox_is_not() {
        let lead = score_display("Score: 87").unwrap();
        assert!(is_about_a_person(&lead, &card("Jane Doe Example Corp Score: 87 jane.doe@example.org Qualified")));
        assert!(!is_about_a_person(&lead, &card("Example Corp Score: 87 support@example.com")));
        assert!(!is_about_a_person(&lead, &card("Example Corp Score: 87 write to us @ example")));
        // "8 von 10" is "8 out of 10", no byline ("von jane").
        let applicant = Context {
            text: "Max Mustermann Score: 8/10 8 von 10 KI-Bewertung".into(),
            links: vec!["mailto:max@example.org".into()],
            ..Context::default()
        };
        assert!(is_about_a_person(&score_display("Score: 8/10").unwrap(), &applicant));
        let post = Context { text: "Score: 12 von janedoe".into(), ..applicant.clone() };
        assert!(!is_about_a_person(&score_display("Score: 12").unwrap(), &post));
        let overall = score_display("Overall Score 78").unwrap();
        assert!(is_about_a_person(
            &overall,
            &card("Jane Doe VP of Operations Email jane@example.org Overall Score 78")
        ));
        assert!(is_about_a_person(&overall, &card("Jane Doe VP of Operations Overall Score 78")));
        assert!(!is_about_a_person(&overall, &card("Example Corp VP of Operations Overall Score 78")));
    }

    #[test]
    fn a_shops_wallet_and_a_table_of_posts_are_no_members() {
        let shop = Context {
            text: "jane 注册用户 我的钱包 ¥58.00 余额 2 红包 1200 积分".into(), ..Context::default()
        };
        assert!(!is_about_a_person(
            &score_display("1200 积分").unwrap(),
            &Context { links: vec!["/user/jane".into()], ..shop }
        ));
        let posts = Context {
            text: "1 Receita rápida @janedoe 82/100 Ver post".into(),
            columns: "# Publicação Views Score Publicado em Ação".into(),
            ..Context::default()
        };
        assert!(!is_about_a_person(&score_display("Score 82/100").unwrap(), &posts));
        let members = Context { columns: "User Posts Score".into(), ..posts };
        assert!(is_about_a_person(&score_display("Score 82/100").unwrap(), &members));
        let profile = Context { images: vec!["img_perfil  img/img_cartao.jpg".into()], ..Context::default() };
        assert!(is_about_a_person(&score_display("00 Pontos").unwrap(), &profile));
    }

    #[test]
    fn not_displays() {
        assert!(score_display("the bot reached a Kred score of 754").is_none());
        // Another thing's score: read, but a person's only in a candidate's or a contact's card
        // (an applicant's credit score on a landlord's view); an explainer's is no one's.
        let credit = score_display("Credit score 720").unwrap();
        assert!(!is_about_a_person(&credit, &card("Good Credit score 720 What lenders look at")));
        assert!(is_about_a_person(&credit, &card("Applicant Jane Doe Credit score 720")));
        assert!(!person("Match score 3-1"));
        assert!(score_display("Influence score").is_none());
        assert!(score_display("Influence score explained: how we compute it for every creator in our index").is_none());
        assert!(score_display("Social score: about").is_none());
        assert!(!person("Seller rating · Reputation 4.8/5 (212 reviews)"));
        assert!(!person("Domain Authority score 63"));
        assert!(score_display("Reputationv2 3").is_none());
        let story = Context {
            text: "287 points by janedoe 5 hours ago".into(),
            links: vec!["/user/janedoe".into()],
            ..Context::default()
        };
        assert!(!is_about_a_person(&score_display("287 points").unwrap(), &story));
        let member =
            Context { text: "janedoe Points: 1480".into(), links: vec!["/user/janedoe".into()], ..Context::default() };
        assert!(is_about_a_person(&score_display("Points: 1480").unwrap(), &member));
        let board = Context { links: vec!["/profile.php?u=57".into()], ..Context::default() };
        assert!(is_about_a_person(&score_display("Points 4812").unwrap(), &board));
        assert!(is_about_a_person(&score_display("4.812 Punkte").unwrap(), &board));
        assert!(!is_about_a_person(&score_display("Points 4812").unwrap(), &Context::default()));
        let shop = Context {
            text: "Jane Doe Reward points: 1480 Redeem".into(),
            links: vec!["/account/jane".into()],
            ..Context::default()
        };
        assert!(!is_about_a_person(&score_display("Reward points: 1480").unwrap(), &shop));
        // A member's statistics are not a byline: "Submitted: 18" beside the points.
        let stats = Context {
            text: "Points: 1,250 Comments: 34 Submitted: 18".into(),
            page_url: "https://deals.example.org/members/janedoe/".into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&score_display("Points: 1,250").unwrap(), &stats));
    }

    #[test]
    fn more_languages_and_marketplaces() {
        assert!(person("Job Success 95%"));
        assert_eq!(score_display("Карма: 42.5").unwrap().value, "42.5");
        assert!(person("Карма: 42.5"));
        let profile = Context { page_url: "https://arquigrafia.example.org/users/42".into(), ..Context::default() };
        assert!(is_about_a_person(&score_display("Pontuação: 120").unwrap(), &profile));
        assert!(!person("Job success stories from our customers"));
    }

    #[test]
    fn leaderboards() {
        let d = ranking_display("Leaderboards", "1. janedoe 1,340").unwrap();
        assert_eq!((d.label.as_str(), d.value.as_str()), ("Leaderboard", "1,340"));
        assert_eq!(ranking_display("ユーザランキング", "1 山田 花子 (342pt)").unwrap().value, "342");
        assert_eq!(ranking_display("Ranglisten", "1 jane 880").unwrap().label, "Rangliste");
        assert!(ranking_display("Leaderboard", "janedoe").is_none(), "an entry with no number");
        for heading in ["Top scoring users", "Utenti con più punti", "积分最高的用户", "Потребители с най-много точки"]
        {
            assert_eq!(
                ranking_display(heading, "1. janedoe 1,340").map(|d| d.value),
                Some("1,340".into()),
                "{heading}"
            );
        }
        // "Top 10" is the list's size; any other number in the heading is a value.
        assert_eq!(ranking_display("Top 10 leaderboard", "1 jane 880").unwrap().value, "880");
        assert_eq!(ranking_display("ranking Top100", "1 jane 880").unwrap().value, "880");
        assert!(ranking_display("Leaderboard 2024", "1 jane 880").is_none(), "a heading with a number");
        assert!(ranking_display("Stop 10 ranking", "1 jane 880").is_none());
        assert_eq!(without_top_n("Top 10 người có điểm cao nhất"), "Top người có điểm cao nhất");
        assert_eq!(without_top_n("top10s desktop 5"), "top10s desktop 5");
        assert!(ranking_display("How the leaderboard is computed for you", "1 jane 880").is_none());
        assert!(ranking_display("Rankingfactors", "1 jane 880").is_none());
        let entry = |text: &str, links: &[&str]| Context {
            text: text.into(),
            links: links.iter().map(|l| l.to_string()).collect(),
            page_url: "https://forum.example.org/users/jane".into(),
            ..Context::default()
        };
        let d = ranking_display("Leaderboard", "1 janedoe 1340").unwrap();
        assert!(is_about_a_person(&d, &entry("1 janedoe 1340", &["/user/janedoe"])));
        // The entry must show the person: a member's page around a list of posts is not enough.
        assert!(!is_about_a_person(&d, &entry("1 Rust tips 1340", &["/posts/12"])));
        assert!(!is_about_a_person(&d, &entry("1 Rust tips 1340 by janedoe", &["/user/janedoe"])));
        assert!(!is_about_a_person(&d, &entry("1 janedoe game 1340", &["/user/janedoe"])));
    }

    #[test]
    fn full_width_colon_and_account_links() {
        assert_eq!(score_display("积分：356").unwrap().value, "356");
        assert_eq!(score_display("integral：1280").unwrap().label, "Integral");
        let card = Context {
            links: vec!["/index.php?option=com_altauserpoints&view=account&userid=AUP-77F0A1".into()],
            ..Context::default()
        };
        assert!(is_about_a_person(&score_display("Points 3 540").unwrap(), &card));
    }

    #[test]
    fn engagement_is_a_rate() {
        let creator = Context { text: "Jane Doe @janedoe Engagement 2.7%".into(), ..Context::default() };
        let d = score_display("Engagement 2.7%").unwrap();
        assert!(is_about_a_person(&d, &creator));
        let d = score_display("Engagement 1.2K").unwrap();
        assert!(!is_about_a_person(&d, &creator), "a post's interactions are a count");
        let d = score_display("4.8% エンゲージメント").unwrap();
        assert!(is_about_a_person(
            &d,
            &Context {
                text: "山田 花子 @hanako_beauty 4.8% エンゲージメント".into(), ..Context::default()
            }
        ));
        assert!(!is_about_a_person(&d, &Context::default()), "no person beside it");
    }

    #[test]
    fn author_points_in_a_byline() {
        let avatar = vec!["/user/jane".to_string()];
        let d = score_display("(12,480 points)").unwrap();
        let q2a = Context {
            text: "answered 2 hours ago by jane (12,480 points)".into(),
            links: avatar.clone(),
            ..Context::default()
        };
        assert!(is_about_a_person(&d, &q2a));
        let d = score_display("123 points").unwrap();
        let hn = Context {
            text: "123 points by jane 2 hours ago | 45 comments".into(),
            links: avatar.clone(),
            ..Context::default()
        };
        assert!(!is_about_a_person(&d, &hn));
        let d = score_display("(123 points)").unwrap();
        let later =
            Context { text: "posted by jane 2 hours ago (123 points)".into(), links: avatar, ..Context::default() };
        assert!(!is_about_a_person(&d, &later), "the points do not follow the name");
    }

    #[test]
    fn values_named_by_their_element() {
        let d = named_value("reputation-score reputation score ", "1,491").unwrap();
        assert_eq!((d.label.as_str(), d.value.as_str()), ("Reputation", "1,491"));
        assert_eq!(named_value("reputation-score", "39.3k").unwrap().value, "39.3k");
        assert!(named_value("reputation-info", "1523 reputation points").is_none());
        assert!(named_value("score", "12").is_none());
        assert_eq!(named_value("qa-top-users-score", "12,480").unwrap().label, "Score");
        assert!(named_value("match-score", "3").is_none());
        // The page side queries every word's elements, by class or by title.
        let selector = NAMED_VALUE_SELECTOR.to_lowercase();
        for (word, _, _) in NAMED_VALUE_WORDS {
            let queried = ["class", "title"].iter().any(|a| selector.contains(&format!("[{a}*='{word}'")));
            assert!(queried, "{word}");
        }
        // A leaderboard's cell beside the student's name (Moodle's block_ranking).
        let cell = named_value("ranking-points", "1,240").unwrap();
        assert!(is_about_a_person(&cell, &Context { text: "1 Jane Doe 1,240".into(), ..Context::default() }));
        assert!(!is_about_a_person(&cell, &Context { text: "1 Red Lions 1,240".into(), ..Context::default() }));
        // IP.Board's Russian title round the value; the vote buttons beside it hold no value.
        assert_eq!(named_value("Просмотреть репутацию", "368").unwrap().label, "Reputation");
        assert!(named_value("Опустить репутацию", "－").is_none());
        let card = Context { links: vec!["/users/3895774/kamran".into()], ..Context::default() };
        assert!(is_about_a_person(&named_value("reputation-score", "8").unwrap(), &card));
        assert!(!is_about_a_person(&named_value("ip-reputation", "82").unwrap(), &Context::default()));
        // An influencer's score is a person's by its name; a karma's thumb is its icon.
        let d = named_value("badge influencer-score-badge trust-score high", "86/100").unwrap();
        assert_eq!((d.kind, d.value.as_str()), (Label::Person, "86/100"));
        assert!(is_about_a_person(&d, &Context::default()));
        assert_eq!(named_value("karma-badge", "👍 42").unwrap().value, "42");
        assert!(named_value("karma-badge", "★ 4").is_none(), "a star is a rating's");
    }

    #[test]
    fn odd_text_never_panics() {
        for t in [
            "score",
            "İnfluence score 1",
            "social score ß",
            "social score: é+",
            "ⅠⅡ score 3",
            "",
            "声望",
            "1 声望",
            "k reputation",
        ] {
            if let Some(d) = score_display(t) {
                let _ = is_about_a_person(&d, &Context { text: t.into(), ..Context::default() });
            }
        }
    }

    #[test]
    fn a_number_in_parentheses_is_a_value() {
        assert_eq!(without_number_parens("(3.41)% engagement(engagement rate)"), "3.41% engagement(engagement rate)");
        assert_eq!(without_number_parens("reputation ( +87 )"), "reputation +87");
        assert_eq!(without_number_parens("karma (see faq) 12"), "karma (see faq) 12");
        assert_eq!(without_number_parens("(("), "((");
        assert!(score_display("(3.41)% Engagement(Engagement rate)").is_some());
        assert!(score_display("Reputation (87)").is_some());
    }

    #[test]
    fn a_match_is_a_fit_only_as_a_percentage_and_gives_way_to_a_label() {
        let fit = score_display("Match: 87%").unwrap();
        assert_eq!((fit.kind, fit.value.as_str()), (Label::Qualified, "87%"));
        assert!(score_display("Match 3").is_none());
        assert!(score_display("Match day 12").is_none());
        // Another label in the same text is the display ("Score: 82 Match: 76%").
        assert_eq!(score_display("Score: 82 Match: 76%").unwrap().label, "Score");
        let contact = Context { text: "Jane Doe jane.doe@example.org Match: 87%".into(), ..Context::default() };
        assert!(is_about_a_person(&fit, &contact));
        // A person named in full is a person beside it; a game between two is no one's fit.
        assert!(is_about_a_person(&fit, &Context { text: "Jane Doe Match: 87%".into(), ..Context::default() }));
        assert!(!is_about_a_person(
            &fit,
            &Context { text: "Jane Doe vs John Roe Match: 87%".into(), ..Context::default() }
        ));
        assert!(!is_about_a_person(&fit, &Context { text: "Jane Match: 87%".into(), ..Context::default() }));
    }

    #[test]
    fn a_cjk_score_unit_glued_to_its_number_is_part_of_the_value() {
        assert_eq!(leading_value("92分 ⭐⭐⭐").as_deref(), Some("92"));
        assert_eq!(leading_value("1250点").as_deref(), Some("1250"));
        assert_eq!(leading_value("85점").as_deref(), Some("85"));
        assert_eq!(leading_value("5分钟前"), None);
        assert_eq!(leading_value("3分前"), None);
    }

    #[test]
    fn a_role_mailbox_link_is_no_contact() {
        let link = |href: &str| Context { links: vec![href.into()], ..Context::default() };
        assert!(contact_card(&link("mailto:jane.doe@example.org?subject=Hi")));
        assert!(!contact_card(&link("mailto:support@bank.example.com")));
        assert!(!contact_card(&link("MAILTO:Info@example.org")));
    }

    #[test]
    fn experience_points_are_points_and_windows_xp_is_none() {
        for text in ["1450 xp", "XP: 980", "14,820 XP"] {
            assert_eq!(score_display(text).map(|d| d.kind), Some(Label::Points), "{text}");
        }
        assert!(score_display("Windows XP").is_none());
        assert!(score_display("Earn 50 XP by posting").is_none());
    }

    #[test]
    fn an_initials_avatar_beside_its_name_is_a_person() {
        let points = score_display("2,450 XP").unwrap();
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        assert!(is_about_a_person(&points, &card("2 JD Jane Doe 2,450 XP Lv.7")));
        assert!(is_about_a_person(&points, &card("Mary Ann Lee MAL 2,450 XP")));
        // Capitals that spell no name beside them: a unit, a team's tag, a product code.
        assert!(!is_about_a_person(&points, &card("GPU RTX Series 2,450 XP")));
        assert!(!is_about_a_person(&points, &card("JD Sports Store 2,450 XP")));
        assert!(!is_about_a_person(&points, &card("Jane 2,450 XP")));
    }

    #[test]
    fn an_employees_performance_is_theirs_a_sites_is_not() {
        let review = score_display("Performance: 4/5").unwrap();
        let employee =
            Context { text: "Jane Doe jane.doe@example.com Engineering Performance: 4/5".into(), ..Context::default() };
        assert!(is_about_a_person(&review, &employee));
        let speed = score_display("Performance 92").unwrap();
        let report =
            Context { text: "Performance 92 Accessibility 100 Best Practices 96 SEO 90".into(), ..Context::default() };
        assert!(!is_about_a_person(&speed, &report));
        assert!(score_display("High performance in every game").is_none());
    }

    #[test]
    fn a_moderators_review_is_no_products_review() {
        let risk = score_display("Risk Score: Critical (91.3%)").unwrap();
        let case = |text: &str| Context { text: text.into(), ..Context::default() };
        assert!(is_about_a_person(
            &risk,
            &case("Review Fraud Case Jane Doe jane@example.org Risk Score: Critical (91.3%)")
        ));
        assert!(!is_about_a_person(&risk, &case("Jane Doe jane@example.org Risk Score: 91% Write a review")));
        assert!(!is_about_a_person(&risk, &case("Jane Doe jane@example.org Risk Score: 91% 1 review")));
        assert!(!is_about_a_person(&risk, &case("Jane Doe jane@example.org Risk Score: 91% Review(s)")));
    }

    #[test]
    fn a_label_only_people_get_stands_beside_a_rating_column() {
        let churn = score_display("Churn Probability 78.4%").unwrap();
        let table = Context {
            text: "Customer ID Order Value Rating Churn Probability 12345 $38 3.2 78.4%".into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&churn, &table));
        let shared = score_display("Trust Score 78").unwrap();
        assert!(!is_about_a_person(&shared, &Context { links: vec!["/u/jane".into()], ..table }));
    }

    #[test]
    fn points_named_by_an_author_box_or_profile_header() {
        let d = named_value("author-pane-line author-points", "金币: 1268").unwrap();
        assert_eq!((d.label.as_str(), d.value.as_str()), ("Points", "1268"));
        assert!(named_value("profile-points", "Pontuação no ranking:340").is_some());
        assert!(named_value("profile-picture", "340").is_none());
    }

    #[test]
    fn a_recruiters_page_makes_its_cards_applicants() {
        let matched = score_display("93% Match").unwrap();
        let card = |url: &str| Context { text: "93% Match".into(), page_url: url.into(), ..Context::default() };
        assert!(is_about_a_person(&matched, &card("https://ats.example.com/recruiter/talent-pool")));
        assert!(is_about_a_person(&matched, &card("https://ats.example.com/jobs/42/candidates?sort=score")));
        assert!(is_about_a_person(&matched, &card("https://ats.example.fr/candidats")));
        // The host and the query are no route; an election's candidates are no applicants.
        assert!(!is_about_a_person(&matched, &card("https://candidates.example.com/")));
        assert!(!is_about_a_person(&matched, &card("https://example.com/search?q=candidates")));
        let ballot = Context {
            text: "Election 2026 · Jane Doe 93% Match".into(),
            page_url: "https://vote.example.org/candidates".into(),
            ..Context::default()
        };
        assert!(!is_about_a_person(&matched, &ballot));
    }

    #[test]
    fn an_initials_avatar_makes_another_things_score_a_persons() {
        let performance = score_display("Performance 76%").unwrap();
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        assert!(is_about_a_person(&performance, &card("JS John Smith Active DXB-67890 Performance 76%")));
        assert!(!is_about_a_person(&performance, &card("Mobile Performance 76% Accessibility 90")));
    }

    #[test]
    fn a_lone_percentage_on_a_recruiters_page_is_the_applicants_match() {
        let card = |text: &str, url: &str| Context { text: text.into(), page_url: url.into(), ..Context::default() };
        let applicant_percentage =
            |text: &str, cx: &Context| lone_percentage(text).and_then(|v| applicants_match(v, cx));
        let jobs = "https://ats.example.com/jobs/12/candidates";
        let found = applicant_percentage("83%", &card("JD Jane Doe Full-stack engineer 83% Remote", jobs)).unwrap();
        assert_eq!((found.label.as_str(), found.value.as_str()), ("Match", "83%"));
        assert!(applicant_percentage("86 %", &card("Jane Doe jane.doe@example.com 86 %", jobs)).is_some());
        // A full name is the applicant (src/heuristics-sources.md §24); a first name alone, a
        // stats tile, another page, a figure that is no percentage are not.
        assert!(applicant_percentage("86 %", &card("Jane Doe 86 %", jobs)).is_some());
        assert!(applicant_percentage("86 %", &card("Jane 86 %", jobs)).is_none());
        assert!(applicant_percentage("45%", &card("Shortlisted 45%", jobs)).is_none());
        assert!(applicant_percentage("83%", &card("JD Jane Doe 83%", "https://shop.example.com/sale")).is_none());
        assert!(applicant_percentage("830%", &card("JD Jane Doe 830%", jobs)).is_none());
        assert!(applicant_percentage("-20%", &card("JD Jane Doe -20%", jobs)).is_none());
    }

    #[test]
    fn a_romance_adjective_after_score_ends_the_label() {
        let d = score_display("78.5% Score prédictif").unwrap();
        assert_eq!((d.label.as_str(), d.value.as_str()), ("Score", "78.5%"));
        assert!(score_display("54.2% Score global").is_some());
        // A word that starts a name or a sentence after the label still ends the reading.
        assert!(score_display("2023 Score Jane").is_none());
        assert!(score_display("3 Score final").is_none());
    }

    #[test]
    fn a_marketplace_members_manner_temperature_and_a_creators_rate_in_traditional_chinese() {
        let manner = score_display("매너온도 38.2℃").unwrap();
        assert_eq!(manner.value, "38.2");
        assert!(is_about_a_person(&manner, &Context::default()));
        let rate = score_display("互動率 4.8%").unwrap();
        let creator =
            Context { text: "Jane Doe 美妝時尚 25.3K 追蹤者 • 互動率 4.8%".into(), ..Context::default() };
        assert!(is_about_a_person(&rate, &creator));
        assert!(!is_about_a_person(&rate, &Context { text: "活動 互動率 4.8%".into(), ..Context::default() }));
    }

    #[test]
    fn an_authors_rating_is_a_tally_of_votes_not_stars() {
        let card =
            Context { images: vec!["avatar author__avatar /storage/avatars/12345.jpg".into()], ..Context::default() };
        let votes = named_value("text_medium author__rating", "+148").unwrap();
        assert!(is_about_a_person(&votes, &card));
        let stars = named_value("author-rating", "4.5").unwrap();
        assert!(!is_about_a_person(&stars, &card));
    }

    #[test]
    fn rows_headed_by_a_company_are_companies() {
        let score = score_display("Score 86").unwrap();
        let row = |columns: &str| Context {
            text: "Acme Logística Ltda SP Jane Doe 86 aberto".into(),
            columns: columns.into(),
            links: vec!["/u/janedoe".into()],
            ..Context::default()
        };
        assert!(!is_about_a_person(&score, &row("Empresa CNPJ CNAE UF Decisor Score Status")));
        assert!(is_about_a_person(&score, &row("Name Company Email Score Status")));
    }

    #[test]
    fn a_person_named_in_full_is_a_person_beside_the_display() {
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        let points = score_display("Total Points 1240").unwrap();
        assert!(is_about_a_person(&points, &card("Member Info Jane Doe RA2211 Total Points 1240 Current Rank #2")));
        assert!(!is_about_a_person(&points, &card("Member Info Total Points 1240 Current Rank #2")));
        let productivity = score_display("Productivity: 87%").unwrap();
        assert!(is_about_a_person(&productivity, &card("J Jane Doe W12345 Station: ST-01 Productivity: 87%")));
    }

    #[test]
    fn named_players_candidates_and_donors_are_not_profiled() {
        let card =
            |text: &str, page_url: &str| Context { text: text.into(), page_url: page_url.into(), ..Context::default() };
        let points = score_display("61 POINTS").unwrap();
        assert!(!is_about_a_person(
            &points,
            &card("#3 John Smith 61 POINTS March 3 vs Boston", "https://example.com/")
        ));
        let fit = score_display("Match: 87%").unwrap();
        assert!(!is_about_a_person(&fit, &card("Jane Doe Match: 87%", "https://example.com/football/predictions")));
        let share = score_display("Score 52%").unwrap();
        assert!(!is_about_a_person(&share, &card("Jane Doe Election 2026 Score 52%", "https://example.com/")));
        assert!(ranking_display("Donor Leaderboard", "1 Jane Doe 250,000").is_none());
        assert!(ranking_display("Leaderboard", "1 Jane Doe 250,000").is_some());
    }

    #[test]
    fn an_employees_final_score_is_their_evaluations() {
        let final_score = score_display("Final Score 96%").unwrap();
        let row = |columns: &str| Context {
            text: "March 2023 10482 Priya Raman Valpak 96% 28% 98%".into(),
            columns: columns.into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&final_score, &row("Month Employee ID Name Department Final Score Productivity")));
        // A game's or an exam's final score beside a player's name stays theirs.
        assert!(!is_about_a_person(&final_score, &row("Month Player Final Score")));
        // An agent named as an employee's job title; an agent without one is software's.
        let scorecard = |text: &str| Context { text: text.into(), ..Context::default() };
        let card = "Employee Name: Aisha Bello FINAL SCORE 93% Emp ID: 10633 Position Data Entry Agent";
        assert!(is_about_a_person(&final_score, &scorecard(card)));
        let productivity = score_display("Productivity 93%").unwrap();
        assert!(!is_about_a_person(&productivity, &scorecard("Jane Doe Support Agent Productivity 93%")));
        assert!(is_about_a_person(
            &productivity,
            &scorecard("Employee ID 10633 Jane Doe Support Agent Productivity 93%")
        ));
    }

    #[test]
    fn a_heading_rows_words_are_no_byline() {
        let points = score_display("Points 450").unwrap();
        let board = Context {
            text: "Github User Points PRs Submitted janedoe 450 12 johnsmith 320 9".into(),
            columns: "Github User Points PRs Submitted".into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&points, &board));
        let story = Context { text: "450 points submitted by janedoe".into(), ..board.clone() };
        assert!(!is_about_a_person(&points, &story));
    }

    #[test]
    fn a_column_only_a_persons_name_fills_makes_a_table_of_members() {
        let points = score_display("Баллы 860").unwrap();
        let table = |columns: &str| Context {
            text: format!("Рейтинг {columns} janedoe 860 5 johnsmith 610 4"),
            columns: columns.into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&points, &table("Имя Баллы Уровень")));
        assert!(is_about_a_person(&points, &table("姓名 积分 原创文章数")));
        // A bare "Name" heads products and teams too.
        assert!(!is_about_a_person(&points, &table("Name Баллы Уровень")));
        // A column of drivers or employees names each row's person, whatever their name.
        let driver = Context {
            text: "No Driver Name Rank Points Total Distance 1 Kwame Mensah Gold 1840 5230".into(),
            columns: "No Driver Name Rank Points Total Distance".into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&score_display("Points 1840").unwrap(), &driver));
        // A survey result's field that only a person's name fills.
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        let survey = score_display("점수 84.5").unwrap();
        assert!(is_about_a_person(&survey, &card("소속 개발팀 직급 대리 이름 김민준 점수 84.5")));
        assert!(!is_about_a_person(&survey, &card("소속 개발팀 점수 84.5")));
    }

    #[test]
    fn two_people_matching_is_a_persons_score_though_worded_as_a_sentence() {
        for text in ["You match her: 92%", "She matches you: 87%", "Your combined match is: 89%", "Olga matched 87%"] {
            let d = score_display(text).unwrap_or_else(|| panic!("{text}"));
            assert_eq!((d.label.as_str(), d.kind), ("Match", Label::Person), "{text}");
        }
        // A thing that matched, a count of matches, a match's result.
        assert!(score_display("Search matched 87%").is_none_or(|d| d.kind != Label::Person));
        assert!(score_display("You matched 12 items").is_none());
        assert!(score_display("You match her: (no result)").is_none());
    }

    #[test]
    fn a_leaderboard_of_counted_things_is_no_ones_score() {
        assert!(ranking_display("Leaderboard", "#1. avatar jdoe with 214 badges.").is_none());
        assert_eq!(ranking_display("Leaderboard", "#1. jdoe 2,431 pts").unwrap().value, "2,431");
        assert!(ranking_display("昨日答题排行榜", "1 李娜 21").is_none(), "yesterday's answers");
        assert!(ranking_display("总在线时间排行(小时)", "1302 jdoe").is_none(), "hours online");
        assert!(ranking_display("主题排行", "1302 jdoe").is_none(), "a ranking of topics");
        assert!(ranking_display("积分排行榜", "1 李娜 21").is_some());
    }

    #[test]
    fn an_accounts_health_and_a_risks_trend_are_no_members_score() {
        let table = Context {
            text: "Tenant Health Score Status Trend Pawsome Care pawsome PRO 34 At Risk -18".into(),
            columns: "Tenant Health Score Status Trend".into(),
            ..Context::default()
        };
        assert!(!is_about_a_person(&score_display("Health Score 34").unwrap(), &table));
        assert!(score_display("At Risk -18").is_none());
        assert_eq!(score_display("Risk: 82").unwrap().value, "82");
    }

    #[test]
    fn a_dating_cards_match_beside_the_members_link() {
        let matched = score_display("87% Match").unwrap();
        let card = |links: &[&str]| Context {
            text: "jdoe 27 • Brooklyn, NY 87% Match".into(),
            links: links.iter().map(|l| l.to_string()).collect(),
            ..Context::default()
        };
        assert!(is_about_a_person(&matched, &card(&["/#/profiles/jdoe"])));
        assert!(!is_about_a_person(&matched, &card(&["/#/search"])));
        assert!(is_member_path("https://app.example.com/#!/user/jdoe"));
        assert!(!is_member_path("https://example.com/page#/user/jdoe"), "a fragment of a page, no route");
    }

    #[test]
    fn a_member_page_in_another_language_is_a_members() {
        assert!(is_member_path("https://memucho.example.de/Nutzer/Max-Mustermann/678"));
        assert!(is_member_path("/perfil/maria"));
        assert!(is_member_path("/membres/jean-dupont"));
        assert!(!is_member_path("/Nutzer/"), "the members' list, no one member");
        assert!(!is_member_path("/produkte/kaffeemaschine"));
        assert!(is_member_path("./user/jdoe"), "a relative link");
        assert!(is_member_path("../user/jdoe"));
        assert!(!is_member_path("./user/"));
    }

    #[test]
    fn a_freelancers_trust_beside_their_own_stars() {
        let trust = score_display("94 TRUST").unwrap();
        assert_eq!((trust.label.as_str(), trust.kind), ("Trust", Label::Shared));
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        assert!(is_about_a_person(&trust, &card("Jane Doe Full-Stack Developer 94 TRUST Rating 4.9 / 5.0")));
        // A product's rating, no one named: the trust figure is the shop's.
        assert!(!is_about_a_person(&trust, &card("Wireless Earbuds 94 TRUST Rating 4.9 / 5.0")));
        assert!(score_display("Trust Center 2024").is_none());
    }

    #[test]
    fn a_list_sorted_by_a_score_names_its_entries_figures() {
        let label = |url: &str| sorted_by(url).map(|(_, label, _)| *label);
        assert_eq!(label("https://forum.example.org/users?section=sort-reputation"), Some("Reputation"));
        assert_eq!(label("https://example.org/members?sort=-karma"), Some("Karma"));
        assert_eq!(label("https://example.org/members?orderby=points_desc"), Some("Points"));
        assert_eq!(label("https://forum.example.org/users?section=sort-posts"), None);
        assert_eq!(label("https://shop.example.com/rewards?sort=points_cost"), None, "another word than the order's");
        assert_eq!(label("https://example.org/reputation?page=2"), None, "the path is no sort");
        let url = "https://forum.example.org/users?section=sort-reputation";
        let d = sorted_display(url, "Reputation", "J janedoe 2 hours ago 1,284").unwrap();
        assert_eq!((d.value.as_str(), d.kind), ("1,284", Label::Shared));
        assert!(sorted_display(url, "Karma", "janedoe 1,284").is_none());
    }

    #[test]
    fn a_head_initial_score_noun_takes_its_qualifier_after_it() {
        let risk = score_display("Điểm rủi ro 91").unwrap();
        assert_eq!((risk.kind, risk.prefix.as_str(), risk.value.as_str()), (Label::Qualified, "rủi ro", "91"));
        assert_eq!(score_display("Skor Kelayakan 0,27").unwrap().prefix, "kelayakan");
        let table = Context {
            text: "SV12345 Olga Petrova 91 Vắng học nhiều".into(),
            columns: "MSSV Họ tên Điểm rủi ro Yếu tố chính".into(),
            ..Context::default()
        };
        assert!(is_about_a_person(&risk, &table));
        // A shop's reward points name no one.
        let reward = score_display("Điểm thưởng 500").unwrap();
        assert!(!is_about_a_person(
            &reward,
            &Context { text: "Jane Doe Điểm thưởng 500".into(), ..Context::default() }
        ));
        assert_eq!(score_display("Điểm 8.5").unwrap().kind, Label::Points);
    }

    #[test]
    fn a_space_groups_thousands_only() {
        assert_eq!(score_display("Points 1 250").unwrap().value, "1250");
        assert_eq!(score_display("积分 +80 2017-01-01").unwrap().value, "+80");
        assert_eq!(score_display("Karma 12 345").unwrap().value, "12345");
    }

    #[test]
    fn a_grade_is_an_employees_or_an_applicants_only() {
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        let rating = score_display("Gesamtbewertung: 4.2").unwrap();
        assert_eq!(rating.kind, Label::Evaluation);
        assert!(is_about_a_person(
            &rating,
            &card("Mitarbeiter: Max Mustermann Bewerter: Erika Musterfrau Gesamtbewertung: 4.2")
        ));
        // A product's stars and a pupil's mark use the same words.
        assert!(!is_about_a_person(&rating, &card("Kaffeemaschine Deluxe 129,00 € Gesamtbewertung: 4.2")));
        let mark = score_display("Nota (%) 87").unwrap();
        assert!(!is_about_a_person(&mark, &card("Alumno Juan Pérez Matemáticas Nota (%) 87")));
        let applicant =
            Context { columns: "Pelamar Nilai option".into(), ..card("Dewi Kartika Sari 4.2817 Lihat Profil") };
        assert!(is_about_a_person(&score_display("Nilai 4.2817").unwrap(), &applicant));
        assert!(score_display("Nota fiscal 12345").is_none(), "an invoice's number");
        // A staff table's score column, and a bank's scoring of its clients beside its clerk.
        let staff = Context { columns: "序号 员工 得分 操作".into(), ..card("1 张三 86.5 评价") };
        assert!(is_about_a_person(&score_display("得分 86.5").unwrap(), &staff));
        let pupils = Context { columns: "学号 姓名 得分".into(), ..card("1 张三 86.5") };
        assert!(!is_about_a_person(&score_display("得分 86.5").unwrap(), &pupils), "an exam's mark");
        let clients = Context {
            columns: "№ Сумма Скоринг ФИО клиента Ответственный сотрудник".into(),
            ..card("12345 300000 руб. 720 72% Иванова Анна Сергеевна Петров П. П.")
        };
        assert!(is_about_a_person(&score_display("Скоринг 720").unwrap(), &clients));
        assert!(!is_about_a_person(&score_display("KPI 84%").unwrap(), &card("Q3 revenue KPI 84%")));
    }

    #[test]
    fn a_percent_sign_set_apart_is_the_numbers() {
        let fit = score_display("Match : 87 %").unwrap();
        assert_eq!(fit.value, "87%");
        assert_eq!(score_display("91\u{202f}% Match").unwrap().value, "91%");
        // A sign after a word is no value's.
        assert!(score_display("Taux de réussite %").is_none());
    }

    #[test]
    fn a_lists_numbering_is_no_scorers_value() {
        assert_eq!(value_beside_name("1. TweetLevel", "tweetlevel"), None);
        assert_eq!(value_beside_name("2) Klout", "klout"), None);
        assert_eq!(value_beside_name("63 Klout", "klout").as_deref(), Some("63"));
        assert_eq!(value_beside_name("Klout: 63", "klout").as_deref(), Some("63"));
    }

    #[test]
    fn a_table_of_school_subjects_marks_is_no_members() {
        let mark = score_display("Score 84").unwrap();
        let cx = Context {
            text: "Code Name Class Subject Score Actions S0021 Jane Doe Grade 7 Mathematics 84".into(),
            columns: "Code Name Class Subject Score Actions".into(),
            ..Context::default()
        };
        assert!(!is_about_a_person(&mark, &cx));
        assert!(is_about_a_person(&mark, &Context { columns: "Code Name Class Score Actions".into(), ..cx }));
    }

    #[test]
    fn the_readers_own_score_is_a_persons() {
        let alone = |t: &str| Context { text: t.into(), ..Context::default() };
        for text in ["我的信用分： 85", "Your trust score: 85", "Votre réputation : 55"] {
            let own = score_display(text).unwrap();
            assert!(is_about_a_person(&own, &alone(text)), "{text}");
        }
        // Whose, when someone else's: a product's reputation needs a person beside it.
        let theirs = score_display("Seller reputation 98").unwrap();
        assert!(!is_about_a_person(&theirs, &alone("Seller reputation 98")));
        // "Your" in a sentence is still prose, and a quiz's "Your score" no one's standing.
        assert!(score_display("What your trust score: 85 means").is_none());
        let quiz = score_display("Your score: 8/10").unwrap();
        assert!(!is_about_a_person(&quiz, &alone("Your score: 8/10")));
    }

    #[test]
    fn a_korean_members_trust_index() {
        let trust = score_display("신뢰지수 202").unwrap();
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        assert!(is_about_a_person(&trust, &card("김민지 신뢰지수 202 1,000 구매 1 판매 1")));
        assert!(!is_about_a_person(&trust, &card("신뢰지수 202")), "whose, unsaid");
    }

    #[test]
    fn an_elided_article_is_no_grade() {
        // "d'autorité": the letter before the apostrophe starts a word, it grades nothing.
        assert!(score_display("Score d'autorité 55").is_none_or(|d| d.value != "d"));
        assert_eq!(score_display("Score: D").map(|d| d.value), Some("D".to_string()));
    }

    #[test]
    fn a_graded_match_is_a_fit() {
        let fit = score_display("87% Strong match").unwrap();
        assert_eq!((fit.kind, fit.value.as_str()), (Label::Qualified, "87%"));
        assert!(score_display("87% Football match").is_none(), "a game between teams is no grade");
    }

    #[test]
    fn a_glued_chinese_score_noun_and_a_user_name_field() {
        let rep = score_display("信誉分数：10").unwrap();
        assert_eq!((rep.label.as_str(), rep.value.as_str()), ("信誉", "10"));
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        assert!(is_about_a_person(&rep, &card("用户名：liwei 时间币余额：4 信誉分数：10")));
        // A sign-in form's field names nobody.
        assert!(!is_about_a_person(&rep, &card("用户名： 密码： 信誉分数：10")));
    }

    #[test]
    fn a_members_level_in_other_languages() {
        let level = score_display("Уровень 100").unwrap();
        assert_eq!((level.kind, level.value.as_str()), (Label::Points, "100"));
        let member = Context {
            text: "jdoe Member Сообщения: 100 Реакции: 100 Уровень 100".into(),
            links: vec!["https://forum.example.org/members/jdoe.12/".into()],
            ..Context::default()
        };
        assert!(is_about_a_person(&level, &member));
        assert!(score_display("Уровень 2.5").is_none_or(|d| !is_about_a_person(&d, &member)), "a measure, no step");
    }

    #[test]
    fn prestige_and_honor_are_a_members_standing() {
        let prestige = score_display("Prestige 56").unwrap();
        assert_eq!((prestige.kind, prestige.value.as_str()), (Label::Shared, "56"));
        let member = Context {
            text: "jdoe Credits 1234 Prestige 56".into(),
            links: vec!["/u/jdoe".into()],
            ..Context::default()
        };
        assert!(is_about_a_person(&prestige, &member));
        assert!(!is_about_a_person(&score_display("Honor : 1187").unwrap(), &Context::default()), "no one beside it");
    }

    #[test]
    fn a_time_is_no_score() {
        assert!(score_display("Puntuación 1:03").is_none(), "a lap time");
        assert_eq!(score_display("Puntuación: 87").unwrap().value, "87");
    }

    #[test]
    fn an_exam_or_a_game_in_other_languages_is_no_persons_score() {
        let points = score_display("Pontuação 78").unwrap();
        let card = |text: &str| Context { text: text.into(), links: vec!["/users/12".into()], ..Context::default() };
        assert!(is_about_a_person(&points, &card("Maria Souza Pontuação 78")));
        assert!(!is_about_a_person(&points, &card("Resultado do Vestibular Maria Souza Pontuação 78 Aprovado")));
        assert!(!is_about_a_person(&points, &card("Juego de memoria Maria Souza Pontuação 78")));
        let best = score_display("meilleur score 950").unwrap();
        assert!(
            !is_about_a_person(&best, &card("classement pseudo meilleur score Jean Dupont 950")),
            "a game's record"
        );
        // The same words written without their accents.
        assert!(!is_about_a_person(&points, &card("Ranking melhor pontuacao Maria Souza Pontuação 78")));
        let puntos = score_display("Puntuación 950").unwrap();
        assert!(!is_about_a_person(&puntos, &card("Ranking mejor puntuacion Maria Garcia Puntuación 950")));
        assert!(!is_about_a_person(&points, &card("Prufung Maria Souza Pontuação 78")));
    }

    #[test]
    fn a_lone_star_marks_an_account_a_star_beside_a_figure_rates() {
        let rate = score_display("Engagement 3.4%").unwrap();
        let card = |text: &str| Context {
            text: text.into(),
            images: vec!["janedoe  https://cdn.example.com/avatars/janedoe.jpg".into()],
            ..Context::default()
        };
        assert!(is_about_a_person(&rate, &card("@ja*** ★ instagram Followers 48,200 Engagement 3.4%")));
        assert!(!is_about_a_person(&rate, &card("@janedoe ★ 4.8 Followers 48,200 Engagement 3.4%")));
        assert!(!is_about_a_person(&rate, &card("@janedoe ★★★★☆ Followers 48,200 Engagement 3.4%")));
    }

    #[test]
    fn credit_points_beside_an_account_balance_are_a_members() {
        let credit = score_display("信用积分: 128").unwrap();
        let card = |text: &str| Context { text: text.into(), ..Context::default() };
        assert!(is_about_a_person(&credit, &card("用户名: janedoe 真实姓名: 张伟 可用余额 : 3200.00 信用积分: 128")));
        let points = score_display("积分: 128").unwrap();
        assert!(
            !is_about_a_person(&points, &card("用户名: janedoe 真实姓名: 张伟 可用积分 积分: 128")),
            "a shop's points"
        );
    }

    #[test]
    fn a_percentage_match_is_a_fit_not_a_game() {
        let rate = score_display("Engagement 4.8%").unwrap();
        let creators = Context {
            text: "Jane Doe @janedoe Engagement 4.8% #1 Jane Doe 92% match fit".into(),
            links: vec!["/profile/janedoe".into()],
            ..Context::default()
        };
        assert!(is_about_a_person(&rate, &creators));
        let football =
            Context { text: "Jane Doe @janedoe Engagement 4.8% next match Saturday".into(), ..creators.clone() };
        assert!(!is_about_a_person(&rate, &football));
    }
}
