// Run by the popup in a tab's top frame (scripting.executeScript): what this tab's content
// script saw, or null when none runs here. The value of the last line is the result.
globalThis.__unscored?.status?.() ?? null;
