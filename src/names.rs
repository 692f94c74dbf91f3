//! A person's name in a card: "Jane Doe" above "Total Points 1240", "Mary Lee 1240" in a
//! leaderboard's row.
//!
//! A dashboard shows the person it scores by name alone as often as by an avatar or a profile
//! link. Two capitalised words are no proof ("Total Points", "Computer Science"), so the first
//! must be a given name from public census data (`src/given-names.txt`, where it says which) and
//! the second a surname's shape that is not a word of the display itself ("Score", "Points").
//! Names the list lacks ("Rina Wulandari", "Kwame Mensah") are not read as names: wider lists
//! and surnames were measured and gave as many false notes as finds (src/heuristics-sources.md §24).
//! A Chinese name is read by its surname: two or three Han characters standing alone, the first
//! a common surname that seldom begins a word (src/heuristics-sources.md §30).
//!
//! ```
//! use unscored::names::names_a_person;
//! assert!(names_a_person("Member Info Jane Doe RA2211 Total Points 1240"));
//! assert!(names_a_person("1 Maria Wulandari 1240"));
//! assert!(!names_a_person("Max Score 100"));
//! assert!(!names_a_person("Computer Science Total Points 1240"));
//! ```

use std::sync::OnceLock;

/// The given-name list and where it comes from: `src/given-names.txt`.
const GIVEN_NAMES: &str = include_str!("given-names.txt");

fn given_names() -> &'static [&'static str] {
    static NAMES: OnceLock<Vec<&'static str>> = OnceLock::new();
    NAMES.get_or_init(|| {
        let mut names: Vec<&str> =
            GIVEN_NAMES.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).collect();
        names.sort_unstable();
        names
    })
}

/// Whether `word` ("Jane", "JANE", "María") is a given name of the list. The census spells
/// names without accents, as forms took them ("maria", "jose"): a page's "María" or "José" is
/// the same name.
pub fn is_given_name(word: &str) -> bool {
    let lower = word.to_lowercase();
    given_names().binary_search(&crate::heuristics::fold_accents(&lower).as_ref()).is_ok()
}

/// Words a surname is never: the display's own words and the card's headings, which follow a
/// given name that is also a word ("Jean Score", "Jordan Points").
const NOT_SURNAMES: &[&str] = &[
    "score", "scores", "points", "point", "pts", "level", "rank", "ranking", "rating", "match", "total", "profile",
    "view", "details", "info", "contact", "message", "follow", "edit", "delete", "report", "more",
];

/// Whether the text holds a given name followed by a surname: a capitalised word of letters
/// ("Doe", "O'Neil", "Smith-Jones") or an initial ("D."), not a word of the display ("Score"). Both in
/// title case, or both in capitals as some cards print names ("JANE DOE").
pub fn names_a_person(text: &str) -> bool {
    names_in_han(text) || names_in_hangul(text) || names_in_japanese(text) || names_in_latin(text)
}

/// Words of a card, split where names end.
fn name_words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| c.is_whitespace() || ",.，。、：:;；·•|()（）[]【】".contains(c)).filter(|w| !w.is_empty())
}

/// A Korean name standing alone: three Hangul syllables, Kim or Park first, the first and third
/// most frequent surnames of Statistics Korea's 2015 census as
/// ozdemirburak/full-name-generator@1153b470164c0b834d636a2c226118c355eb40d5:src/surnames/kr.ts
/// lists them (the second, 이, begins too many words: 이번, 이름, 이용).
fn names_in_hangul(text: &str) -> bool {
    standing_alone(text, 3..=3, |c| matches!(c, '김' | '박'), |c| ('가'..='힣').contains(&c))
}

/// The 50 most frequent Japanese surnames, as
/// ozdemirburak/full-name-generator@192a85b877624895dd4ad769460e37add46d568a:src/surnames/jp.ts
/// lists them from Japanese Wikipedia's table; its one-character 林 and 森 (forest) are words too
/// and are left out.
const JAPANESE_SURNAMES: &[&str] = &[
    "佐藤",
    "鈴木",
    "高橋",
    "田中",
    "渡辺",
    "伊藤",
    "中村",
    "小林",
    "山本",
    "加藤",
    "吉田",
    "山田",
    "佐々木",
    "山口",
    "松本",
    "井上",
    "木村",
    "清水",
    "斉藤",
    "斎藤",
    "山崎",
    "中島",
    "阿部",
    "池田",
    "橋本",
    "石川",
    "山下",
    "小川",
    "石井",
    "長谷川",
    "後藤",
    "岡田",
    "近藤",
    "前田",
    "藤田",
    "遠藤",
    "青木",
    "坂本",
    "村上",
    "太田",
    "金子",
    "藤井",
    "福田",
    "西村",
    "三浦",
    "竹内",
    "中川",
    "岡本",
];

/// A Japanese name as cards print it, surname and given name apart ("山田 太郎"): a frequent
/// surname, then one to three kanji or kana that are not a place's suffix (石川 県, 中村 区).
fn names_in_japanese(text: &str) -> bool {
    let words: Vec<&str> = name_words(text).collect();
    words.windows(2).any(|pair| {
        let given: Vec<char> = pair[1].chars().collect();
        JAPANESE_SURNAMES.contains(&pair[0])
            && (1..=3).contains(&given.len())
            && given.iter().all(|c| matches!(*c as u32, 0x3041..=0x30FF | 0x4E00..=0x9FFF))
            && !matches!(given[0], '県' | '市' | '区' | '町' | '村' | '駅' | '都' | '府' | '郡')
    })
}

/// The 100 most frequent Chinese surnames, most frequent first: `data-csv/familyname.csv` of
/// psychbruce/ChineseNames@cccaeb8581af9e29ecd5a64905dbdb61819803f3 (the National Citizen
/// Identity Information Center's counts of 1930–2008 births).
const HAN_SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙朱马胡郭何高罗林郑梁谢宋唐韩许冯邓曹彭曾肖田董袁于潘蒋杜蔡余程魏叶吕丁苏任沈姚姜卢崔钟谭汪范陆金石廖贾夏付方韦邹白熊孟秦邱尹江薛闫侯段雷史龙陶顾贺黎郝毛邵龚万钱武严戴孔向覃常汤";
/// Of those, the ones that begin the words cards print beside a score (黄金 gold, 周榜 weekly
/// chart, 高级 senior, 余额 balance, 任务 task, 金币 coins, 白银 silver, 段位 tier, 钱包
/// wallet, 顾客 customer, ...): a word, not a name, as often as not.
const HAN_WORD_STARTS: &str =
    "黄周马何高林谢宋唐许曾田董于余程叶丁苏任钟范陆金石夏付方韦白江段雷史龙顾贺毛万钱武严孔向常汤";
/// Characters after a surname that make a word, not a given name (王者, 王牌, 张贴, 李子).
const HAN_NOT_GIVEN: &str = "者牌国子朝级分币榜名员额务序度法金银上下卡包贴";

/// A Chinese name standing alone: two or three Han characters, a common surname first.
fn names_in_han(text: &str) -> bool {
    standing_alone(
        text,
        2..=3,
        |c| HAN_SURNAMES.contains(c) && !HAN_WORD_STARTS.contains(c),
        |c| ('\u{4e00}'..='\u{9fff}').contains(&c) && !HAN_NOT_GIVEN.contains(c),
    )
}

/// A word of `text` as long as `lengths` (in characters) whose first character passes `surname`
/// and whose others pass `given`: a name written as one word, surname first.
fn standing_alone(
    text: &str,
    lengths: std::ops::RangeInclusive<usize>,
    surname: impl Fn(char) -> bool,
    given: impl Fn(char) -> bool,
) -> bool {
    name_words(text).any(|word| {
        let mut chars = word.chars();
        lengths.contains(&word.chars().count()) && chars.next().is_some_and(&surname) && chars.all(&given)
    })
}

fn names_in_latin(text: &str) -> bool {
    let words: Vec<&str> =
        text.split_whitespace().map(|w| w.trim_matches(|c: char| ",;:()[]|·•".contains(c))).collect();
    words.windows(2).any(|pair| {
        let (given, surname) = (pair[0], pair[1]);
        let capitals = given.chars().all(char::is_uppercase);
        shaped_as_name(given, capitals)
            && is_given_name(given)
            && (shaped_as_name(surname, capitals) || is_initial(surname))
            && !NOT_SURNAMES.contains(&surname.to_lowercase().as_str())
    })
}

/// A capital, then small letters (or capitals throughout, for a card in capitals). A capital
/// may follow an inner hyphen or apostrophe, or "Mc" ("Smith-Jones", "O'Neil", "McDonald").
fn shaped_as_name(word: &str, capitals: bool) -> bool {
    let chars: Vec<char> = word.chars().collect();
    let joiner = |c: char| matches!(c, '-' | '\'' | '’');
    chars.len() >= 2
        && chars[0].is_uppercase()
        && chars.last().is_some_and(|c| c.is_alphabetic())
        && chars.iter().enumerate().skip(1).all(|(i, &c)| {
            let capital_allowed = capitals || joiner(chars[i - 1]) || (i == 2 && chars[..2] == ['M', 'c']);
            joiner(c) || (c.is_alphabetic() && (c.is_lowercase() != capitals || (capital_allowed && c.is_uppercase())))
        })
}

/// "D.": a surname's initial.
fn is_initial(word: &str) -> bool {
    let mut chars = word.chars();
    matches!((chars.next(), chars.next(), chars.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_written_with_its_accents_is_the_census_name() {
        assert!(names_a_person("1 María García 12 Buen tipo"));
        assert!(names_a_person("José Pérez 87"));
        assert!(!names_a_person("Máx Score 100"));
    }

    #[test]
    fn the_list_is_sorted_lower_case_and_holds_no_words_pages_capitalise() {
        let names = given_names();
        assert!(names.len() > 1_700, "{} names", names.len());
        assert!(names.iter().all(|n| n.chars().all(|c| c.is_ascii_lowercase()) && n.len() >= 3));
        for word in ["will", "may", "grace", "max", "mark", "chase", "summer", "june", "georgia"] {
            assert!(!is_given_name(word), "{word}");
        }
        for name in ["Jane", "john", "MARIA", "Ahmed", "Juan"] {
            assert!(is_given_name(name), "{name}");
        }
    }

    #[test]
    fn a_given_name_then_a_surname() {
        assert!(names_a_person("Jane Doe"));
        assert!(names_a_person("Top Performers Jane Doe Strategy Lead 96%"));
        assert!(names_a_person("JANE DOE · 82"));
        assert!(names_a_person("Mary O'Neil"));
        assert!(names_a_person("Linda McDonald"));
        assert!(names_a_person("Susan Smith-Jones"));
        assert!(names_a_person("John D. 1,240 points"));
        assert!(names_a_person("#2 Maria Santos 78% Matched"));
    }

    #[test]
    fn a_chinese_name_standing_alone() {
        assert!(names_a_person("郑海涛 获得全勤奖积分 +80"));
        assert!(names_a_person("🥈 李伟 的积分档案 当前总分 86"));
        assert!(names_a_person("张三 老师 匹配度 92%"));
        // Words that begin with a surname, and names glued into a sentence.
        assert!(!names_a_person("王者 荣耀 积分 1200"));
        assert!(!names_a_person("余额 ¥58.00 金币 1200"));
        assert!(!names_a_person("李伟的积分档案"));
        assert!(!names_a_person("积分排行榜"));
    }

    #[test]
    fn korean_and_japanese_names() {
        assert!(names_a_person("김민수 매칭 점수 92점"));
        assert!(names_a_person("山田 太郎 Contribution Point 2860"));
        assert!(!names_a_person("이번 주 점수 92점"), "이 begins words");
        assert!(!names_a_person("김치 1200"), "two syllables");
        assert!(!names_a_person("石川 県 ランキング"), "a prefecture");
    }

    #[test]
    fn capitalised_words_that_are_no_name() {
        assert!(!names_a_person("Total Points 1240"));
        assert!(!names_a_person("Max Score 100"));
        assert!(!names_a_person("Jordan Points 12"));
        assert!(!names_a_person("Grace Period"));
        assert!(!names_a_person("Jane doe"));
        assert!(!names_a_person("Jane DOE"));
        assert!(!names_a_person("Jane DoE"));
        assert!(!names_a_person("jane doe"));
        assert!(!names_a_person("Jane 82"));
        assert!(!names_a_person(""));
    }
}
