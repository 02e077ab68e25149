// Debian's Chromium, driven by playwright-core (no browser download), with a fresh context
// per test and every console error and page error collected.
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { chromium } from 'playwright-core';

export const CHROMIUM = process.env.DATAMIND_CHROMIUM || '/usr/bin/chromium';

const LAUNCH_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-quic',
  '--no-first-run',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A 401 from the API is part of normal operation: the session check of a signed-out visitor,
 * and the silent refresh of an expired access token. Chromium logs each as
 * "Failed to load resource: ... 401", which is not an application error.
 */
function isExpectedApi401(entry) {
  return (
    /Failed to load resource: the server responded with a status of 401/.test(entry.text) &&
    /\/api\/v1\//.test(entry.url ?? '')
  );
}

/**
 * @typedef {object} ErrorEntry
 * @property {'console' | 'pageerror'} kind
 * @property {string} text
 * @property {string} [url]
 */

/**
 * Launches Chromium with a fresh context and page.
 * @param {{ viewport?: { width: number, height: number }, baseURL?: string }} [options]
 */
export async function launchBrowser(options = {}) {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is missing at ${CHROMIUM}. Install it with: apt-get install -y chromium`,
    );
  }
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: LAUNCH_ARGS,
    timeout: 60_000,
  });
  const context = await browser.newContext({
    viewport: options.viewport ?? { width: 1280, height: 800 },
    ...(options.baseURL ? { baseURL: options.baseURL } : {}),
    locale: 'en-US',
    timezoneId: 'UTC',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();

  /** @type {ErrorEntry[]} */
  const errors = [];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    errors.push({ kind: 'console', text: message.text(), url: message.location()?.url });
  });
  page.on('pageerror', (error) => {
    errors.push({ kind: 'pageerror', text: error.stack || String(error) });
  });

  return {
    browser,
    context,
    page,
    /** Every console error and page error so far. */
    errors,
    /** Errors that point at a bug (everything but the API's expected 401s). */
    unexpectedErrors() {
      return errors.filter((e) => !isExpectedApi401(e));
    },
    /** Saves a PNG of the page, creating the directory. */
    async screenshot(path) {
      await mkdir(dirname(path), { recursive: true });
      await page.screenshot({ path, fullPage: false });
    },
    async close() {
      await context.close().catch(() => undefined);
      await browser.close().catch(() => undefined);
    },
  };
}

/** Formats collected errors for an assertion message. */
export function describeErrors(errors) {
  return errors.map((e) => `[${e.kind}] ${e.text}${e.url ? ` (${e.url})` : ''}`).join('\n');
}
