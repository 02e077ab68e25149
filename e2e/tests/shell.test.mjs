// The app loads, the sign-in screen renders cleanly, and a new user lands in the app shell.
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { describeErrors, launchBrowser } from '../support/browser.mjs';
import { newAccount, register, sidebarUserName, waitForSignIn } from '../support/app.mjs';
import { startServer } from '../support/server.mjs';

const screenshotDir = resolve(process.env.DATAMIND_SCREENSHOT_DIR || 'test-results');

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser({ viewport: { width: 1280, height: 800 } });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the sign-in screen renders without console errors', async () => {
  const { page } = browser;
  const response = await page.goto(`${server.baseUrl}/`);
  assert.equal(response?.status(), 200, 'the app is served at /');
  await waitForSignIn(page);
  assert.match(await page.title(), /DataMind/);
  assert.equal(new URL(page.url()).pathname, '/sign-in');
  await page.getByLabel('Email').waitFor();
  await page.getByLabel('Password').waitFor();
  const errors = browser.unexpectedErrors();
  assert.equal(errors.length, 0, `console errors:\n${describeErrors(errors)}`);
});

test('a new user registers and sees the app shell', async () => {
  const { page } = browser;
  const account = newAccount({ fullName: 'Grace Hopper', orgName: 'Harvard Mark I' });
  await register(page, account);

  assert.equal(await sidebarUserName(page).textContent(), 'Grace Hopper');
  const accountPanel = page.getByRole('region', { name: 'Account' });
  assert.equal(await accountPanel.getByTestId('avatar').textContent(), 'G');
  assert.equal(await accountPanel.getByTestId('org-name').textContent(), account.orgName);
  await accountPanel.getByText(account.email).waitFor();
  await page.getByRole('heading', { name: /, Grace$/ }).waitFor();
  await page.getByRole('link', { name: 'API documentation' }).waitFor();
  // The registering user owns the org, so the admin pages are offered.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).waitFor();

  // Let the home page settle (server status card) before the picture.
  await page.locator('.stat .skeleton').first().waitFor({ state: 'detached' }).catch(() => undefined);
  await browser.screenshot(join(screenshotDir, 'screenshot.png'));

  const errors = browser.unexpectedErrors();
  assert.equal(errors.length, 0, `console errors:\n${describeErrors(errors)}`);
});
