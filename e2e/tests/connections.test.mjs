// Connections, the schema browser and uploads through the real UI and the real server.
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { describeErrors, launchBrowser } from '../support/browser.mjs';
import { newAccount, register } from '../support/app.mjs';
import { startServer } from '../support/server.mjs';

const screenshotDir = resolve(process.env.DATAMIND_SCREENSHOT_DIR || 'test-results');
/** The sample database is generated on first start and then discovered: allow for both. */
const DISCOVERY_TIMEOUT = 90_000;

let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchBrowser({ viewport: { width: 1280, height: 900 } });
  await browser.page.goto(`${server.baseUrl}/`);
  await register(browser.page, newAccount({ fullName: 'Edgar Codd', orgName: 'Relational Inc' }));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

/**
 * A schema asked for before its first discovery is a 404 the page retries; Chromium logs it as a
 * failed resource, which is not an application error.
 */
function unexpectedErrors() {
  return browser
    .unexpectedErrors()
    .filter(
      (e) =>
        !(
          /status of 404/.test(e.text) && /\/api\/v1\/connections\/[^/]+\/schema$/.test(e.url ?? '')
        ),
    );
}

test('the Sample connection is listed and its schema can be searched', async () => {
  const { page } = browser;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Connections' }).click();
  await page.getByRole('heading', { name: 'Connections' }).waitFor();
  const list = page.getByRole('region', { name: 'Connection list' });
  await list.getByRole('link', { name: 'Sample Sales', exact: true }).waitFor();
  await list.getByText('Built-in sample store').waitFor();

  await list.getByRole('link', { name: 'Schema of Sample Sales' }).click();
  await page.getByRole('heading', { name: 'Sample Sales' }).waitFor();
  await page
    .getByRole('region', { name: 'Table main.customers' })
    .waitFor({ timeout: DISCOVERY_TIMEOUT });
  await page.getByRole('region', { name: 'Table main.order_lines' }).waitFor();

  await page.getByRole('searchbox', { name: 'Search the schema' }).fill('order_lines');
  await page.getByRole('region', { name: 'Table main.order_lines' }).waitFor();
  await page.getByRole('region', { name: 'Table main.customers' }).waitFor({ state: 'detached' });
  const lines = page.getByRole('region', { name: 'Table main.order_lines' });
  assert.ok(await lines.getByTitle('Primary key').count(), 'the primary key is marked');
  assert.ok(await lines.getByTitle(/^References orders\./).count(), 'the foreign key is marked');

  await browser.screenshot(join(screenshotDir, 'schema-browser.png'));
  const errors = unexpectedErrors();
  assert.equal(errors.length, 0, `console errors:\n${describeErrors(errors)}`);
});

test('a CSV upload shows progress and its load report, and the table is discovered', async () => {
  const { page } = browser;
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Upload data' }).click();
  await page.getByRole('heading', { name: 'Upload data' }).waitFor();

  const csv = [
    'Region,Month,Revenue,Closed',
    'North,2024-01-01,1200.50,true',
    'South,2024-01-01,980,false',
    'North,2024-02-01,1310.25,true',
    'East,2024-02-01,oops,too,many',
    'South,2024-02-01,1005.75,false',
    '',
  ].join('\n');
  await page.getByLabel('File', { exact: true }).setInputFiles({
    name: 'Regional revenue.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(csv, 'utf8'),
  });
  await page.getByRole('button', { name: 'Upload' }).click();

  const report = page.getByRole('region', { name: 'Load report' });
  await report.waitFor({ timeout: 30_000 });
  await report.getByText('regional_revenue').first().waitFor();
  assert.equal((await report.getByTestId('rows-loaded').textContent())?.trim(), '4');
  assert.equal((await report.getByTestId('rows-rejected').textContent())?.trim(), '1');
  const rejected = report.getByRole('table', { name: 'Rejected rows' });
  await rejected.getByText('has 5 fields but the header has 4').waitFor();
  const columns = report.getByRole('table', { name: 'Columns' });
  await columns.getByText('Decimal number').waitFor();
  await columns.getByText('Yes / no').waitFor();
  await browser.screenshot(join(screenshotDir, 'upload-report.png'));

  await report.getByRole('link', { name: 'Browse the schema' }).click();
  await page
    .getByRole('region', { name: 'Table main.regional_revenue' })
    .waitFor({ timeout: DISCOVERY_TIMEOUT });
  await page.getByRole('heading', { name: 'Uploads' }).waitFor();

  const errors = unexpectedErrors();
  assert.equal(errors.length, 0, `console errors:\n${describeErrors(errors)}`);
});
