// Registered by the background on the sites the person asked Unscored to stay quiet on:
// content.js then looks at nothing there.
globalThis.__unscoredQuiet = true;
