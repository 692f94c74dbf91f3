//! `unscored`: the Unscored engine on the command line, for catalog authors, tests and CI.

use std::process::ExitCode;

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match unscored::cli::run(&args, &mut std::io::stdout()) {
        Ok(code) => code,
        // The reader went away (`unscored catalog list | head`): not an error of ours.
        Err(message) if message.contains("Broken pipe") => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("unscored: {message}");
            ExitCode::from(2)
        }
    }
}
