//! Backup files and stored settings: any text through `Backup::from_json`; an accepted backup
//! applies to fresh settings and tracker, and everything it held must then read back.
#![no_main]

use libfuzzer_sys::fuzz_target;
use unscored::settings::Settings;
use unscored::tracker::{Backup, Day, Tracker};

fuzz_target!(|s: &str| {
    let _ = Day::parse(s);
    let _ = Settings::default().set_custom_rules(s);
    let Ok(backup) = Backup::from_json(s) else { return };
    let (mut settings, mut tracker) = (Settings::default(), Tracker::default());
    let today = Day::parse("2026-11-22").unwrap();
    let expected = backup.tracker.opt_outs.len();
    // Refused whole (rules that do not fit together): nothing changed.
    if backup.apply_to(&mut settings, &mut tracker).is_err() {
        assert_eq!((settings, tracker), (Settings::default(), Tracker::default()));
        return;
    }
    assert_eq!(tracker.opt_outs.len(), expected);
    assert_eq!(tracker.ids_by_urgency(today).len(), expected, "every imported opt-out has a status");
    assert_eq!(settings.clone().sanitised(), settings, "imported settings are already clean");
});
