// Sign out and in again, and keep working past the access token's lifetime (silent refresh).
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { describeErrors, launchBrowser } from '../support/browser.mjs';
import { newAccount, register, sidebarUserName, signIn, signOut } from '../support/app.mjs';
import { startServer } from '../support/server.mjs';

const ACCESS_TOKEN_TTL_SECONDS = 3;

let server;
let browser;
const account = newAccount();
const refreshes = [];

before(async () => {
  server = await startServer({
    args: [
      `--datamind.security.access-token-ttl=PT${ACCESS_TOKEN_TTL_SECONDS}S`,
      // No grace period past the token's expiry, so "expired" means expired.
      '--datamind.security.clock-skew=PT0S',
    ],
  });
  browser = await launchBrowser();
  browser.page.on('response', (response) => {
    if (new URL(response.url()).pathname === '/api/v1/auth/refresh') {
      refreshes.push(response.status());
    }
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

const pastTokenLifetime = () =>
  new Promise((r) => setTimeout(r, (ACCESS_TOKEN_TTL_SECONDS + 1.5) * 1000));

test('register, sign out and sign in again', async () => {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/`);
  await register(page, account);
  await signOut(page);
  assert.equal(new URL(page.url()).pathname, '/sign-in');

  // A wrong password is refused with a readable message.
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(`${account.password}-wrong`);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await form.getByRole('alert').waitFor();
  assert.equal(new URL(page.url()).pathname, '/sign-in');

  await signIn(page, account);
  assert.equal(await sidebarUserName(page).textContent(), account.fullName);
  assert.equal(new URL(page.url()).pathname, '/');
});

test('an expired access token is refreshed silently', async () => {
  const { page } = browser;
  const before = refreshes.length;
  await pastTokenLifetime();

  // An API-backed page after the access token expired.
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Members' }).click();
  await page.getByRole('heading', { name: 'Members' }).waitFor();
  const list = page.getByRole('region', { name: 'Member list' });
  await list.getByText(account.email).waitFor();
  assert.equal(new URL(page.url()).pathname, '/members', 'no redirect to sign-in');
  assert.ok(
    refreshes.slice(before).includes(200),
    `expected a successful POST /api/v1/auth/refresh, saw: ${JSON.stringify(refreshes.slice(before))}`,
  );

  // And again across a full page load: the session check itself refreshes.
  await pastTokenLifetime();
  await page.goto(`${server.baseUrl}/`);
  await sidebarUserName(page).filter({ hasText: account.fullName }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/');

  const errors = browser.unexpectedErrors();
  assert.equal(errors.length, 0, `console errors:\n${describeErrors(errors)}`);
});
