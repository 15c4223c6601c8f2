import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";
import { loadConfig } from "../../config";

/** Debian's Chromium (`apt-get install chromium`) unless HUB_CHROMIUM_PATH says otherwise; `.ci/run` installs it when missing. */
export const CHROMIUM_PATH = loadConfig("test").HUB_CHROMIUM_PATH;

const FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

/**
 * Whether browser tests can run here. In CI a missing Chromium fails the run (a browser test that
 * passes without a browser proves nothing); on a developer's machine the tests are skipped, saying so.
 */
export function chromiumAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true;
  if (process.env.CI) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: .ci/run installs it (apt-get install -y chromium)`);
  console.warn(`Skipping the browser tests: no Chromium at ${CHROMIUM_PATH} (apt-get install -y chromium, or set HUB_CHROMIUM_PATH)`);
  return false;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: FLAGS });
}

/** Loopback only: the machine itself. */
export function isLoopback(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  if (protocol === "data:" || protocol === "blob:" || protocol === "about:") return true;
  return hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname);
}
