import fs from "node:fs";

/**
 * Which Chromium the end-to-end tests drive: CHROMIUM_PATH, then Debian's /usr/bin/chromium, then Playwright's own
 * download (undefined lets Playwright look for it). Playwright cannot download a browser on these machines.
 */
export function findChromium(): string | undefined {
  const candidates = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser"].filter(
    (candidate): candidate is string => Boolean(candidate),
  );
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found && !process.env.VERBATIM_CHROMIUM_HINT_SHOWN) {
    process.env.VERBATIM_CHROMIUM_HINT_SHOWN = "1";
    console.warn(
      "No Chromium found at CHROMIUM_PATH or /usr/bin/chromium; trying Playwright's own browser. " +
        "Install one with `apt-get install chromium` or set CHROMIUM_PATH.",
    );
  }
  return found;
}

export const CHROMIUM_FLAGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
