// User flows through the real UI, shared by the browser tests.
import { randomBytes } from 'node:crypto';

/** A new user and organization, unique per call. */
export function newAccount({ fullName = 'Ada Lovelace', ...overrides } = {}) {
  const id = randomBytes(4).toString('hex');
  const first = fullName.split(/\s+/)[0].toLowerCase().replace(/[^a-z]/g, '') || 'user';
  return {
    fullName,
    email: `${first}.${id}@example.com`,
    password: `Correct-Horse-${id}-Battery`,
    orgName: `Analytical Engines ${id}`,
    ...overrides,
  };
}

/** The signed-in user's name in the sidebar's account section. */
export function sidebarUserName(page) {
  return page.getByRole('region', { name: 'Account' }).getByTestId('user-name');
}

export async function waitForSignIn(page) {
  await page.getByRole('heading', { name: 'Sign in' }).waitFor();
  await page.getByRole('form', { name: 'Sign in' }).waitFor();
}

/** Registers from the sign-in screen (or /register) and waits for the app shell. */
export async function register(page, account) {
  if (!(await page.getByRole('form', { name: 'Register' }).isVisible())) {
    await page.getByRole('link', { name: 'Create an organization' }).click();
  }
  const form = page.getByRole('form', { name: 'Register' });
  await form.getByLabel('Full name').fill(account.fullName);
  await form.getByLabel('Work email').fill(account.email);
  await form.getByLabel('Password').fill(account.password);
  await form.getByLabel('Organization name').fill(account.orgName);
  await form.getByRole('button', { name: 'Create organization' }).click();
  await sidebarUserName(page).filter({ hasText: account.fullName }).waitFor();
}

export async function signIn(page, account) {
  await waitForSignIn(page);
  const form = page.getByRole('form', { name: 'Sign in' });
  await form.getByLabel('Email').fill(account.email);
  await form.getByLabel('Password').fill(account.password);
  await form.getByRole('button', { name: 'Sign in' }).click();
  await sidebarUserName(page).filter({ hasText: account.fullName }).waitFor();
}

export async function signOut(page) {
  await page.getByRole('region', { name: 'Account' }).getByRole('button', { name: 'Sign out' }).click();
  await waitForSignIn(page);
}
