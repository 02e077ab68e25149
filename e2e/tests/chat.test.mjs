// Ask a question of the sample database with the offline engine: the answer streams in over the
// WebSocket and shows its SQL, result and analysis; the conversation is kept and reloads.
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { describeErrors, launchBrowser } from '../support/browser.mjs';
import { newAccount, register, waitForSignIn } from '../support/app.mjs';
import { startServer } from '../support/server.mjs';

const screenshotDir = resolve(process.env.DATAMIND_SCREENSHOT_DIR || 'test-results');
const QUESTION = 'How many orders are there?';

let server;
let browser;
/** Every event type the page received on /ws. */
const received = [];
const socketUrls = [];

before(async () => {
  server = await startServer({ args: ['--datamind.llm.provider=offline'] });
  browser = await launchBrowser({ viewport: { width: 1360, height: 900 } });
  browser.page.on('websocket', (ws) => {
    socketUrls.push(ws.url());
    ws.on('framereceived', ({ payload }) => {
      try {
        received.push(JSON.parse(String(payload)).type);
      } catch {
        received.push('(not JSON)');
      }
    });
  });
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a question on the sample database streams in its SQL, result and analysis', async () => {
  const { page } = browser;
  await page.goto(`${server.baseUrl}/`);
  await waitForSignIn(page);
  await register(page, newAccount({ fullName: 'Grace Hopper' }));

  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Chat' }).click();
  await page.getByRole('heading', { name: 'New conversation' }).waitFor();
  const composer = page.getByRole('form', { name: 'Ask a question' });
  const picker = composer.getByLabel('Connection');
  await picker.waitFor();
  assert.match(await picker.locator('option:checked').textContent(), /sample/i);
  await page.getByRole('progressbar', { name: 'Monthly token budget used' }).waitFor();

  await composer.getByLabel('Your question').fill(QUESTION);
  await composer.getByLabel('Your question').press('Enter');

  const turn = page.getByRole('article', { name: QUESTION });
  // Finished: the answer is no longer busy (answered, declined or failed).
  await turn.locator('.turn__answer[aria-busy="false"]').waitFor({ timeout: 60_000 });
  const sql = turn.getByRole('region', { name: 'SQL' }).locator('pre code');
  assert.equal(await sql.count(), 1, `the answer has its SQL:\n${await turn.innerText()}`);
  assert.match(await sql.textContent(), /SELECT[\s\S]*COUNT/i);
  const table = turn.getByRole('table', { name: QUESTION });
  await table.waitFor();
  const count = (await table.locator('tbody td').first().textContent()).trim();
  assert.match(count, /^\d+$/, `the count is a number: ${count}`);
  assert.ok(Number(count) > 0, 'the sample database has orders');
  const analysis = turn.getByRole('region', { name: 'Analysis' });
  await analysis.waitFor();
  assert.ok((await analysis.textContent()).trim().length > 0, 'an analysis is shown');
  // A single number is drawn as a figure, not a chart.
  await turn.locator('.kpi__value').waitFor();

  // It came over the WebSocket, in order, ending with the answer.
  assert.ok(socketUrls.some((u) => new URL(u).pathname === '/ws'), `sockets: ${socketUrls}`);
  assert.ok(received.includes('stage'), `events: ${received}`);
  assert.ok(received.includes('result'), `events: ${received}`);
  assert.equal(received.at(-1), 'chat_response', `events: ${received}`);
  assert.ok(received.indexOf('result') < received.indexOf('chat_response'));

  // The new conversation is opened and listed.
  await page.waitForURL(/\/chat\/[0-9a-f-]{36}$/);
  const sessions = page.getByRole('navigation', { name: 'Conversations' });
  await sessions.getByRole('link', { name: QUESTION }).waitFor();

  await page.locator('.chart__overlay').waitFor({ state: 'detached' }).catch(() => undefined);
  await browser.screenshot(join(screenshotDir, 'chat.png'));

  // It is still there after a reload, from the stored history.
  await page.reload();
  const reloaded = page.getByRole('article', { name: QUESTION });
  await reloaded.getByRole('table', { name: QUESTION }).waitFor();
  assert.equal((await reloaded.locator('tbody td').first().textContent()).trim(), count);

  const errors = browser.unexpectedErrors();
  assert.equal(errors.length, 0, `console errors:\n${describeErrors(errors)}`);
});
