// Registered by the background while the person has rules of their own (Settings →
// "Your own rules"): content.js then reads the stored page plan, not the one shipped in it.
globalThis.__unscoredOwnRules = true;
