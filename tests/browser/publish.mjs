// Browser test: an editor logs in, fills the release form by its labels and submits it for review; an admin
// in another browser approves and publishes it; the public sees it.
import { launchChromium } from './lib/chromium.mjs';
import { mkdirSync } from 'node:fs';

const base = process.env.BASE;
const user = process.env.EDITOR_NAME || 'editor1';
const password = process.env.EDITOR_PASSWORD;
// tests/browser/run.sh passes only the editor; the second pair of eyes defaults to the e2e admin.
const adminUser = process.env.ADMIN_NAME || 'admin1';
const adminPassword = process.env.ADMIN_PASSWORD || 'admin-one-password';
const shots = process.env.SHOTS || 'tests/out/browser';
mkdirSync(shots, { recursive: true });

let failed = 0;
function check(cond, what) {
  console.log(`${cond ? 'ok' : 'not ok'} - browser: ${what}`);
  if (!cond) failed++;
}

const browser = await launchChromium();

try {
  const context = await browser.newContext();
  const page = await context.newPage();
  const title = `Chambers hosts a regional visit on mutual legal assistance ${Date.now()}`;

  // The second pair of eyes: an admin in a browser of their own, on the dashboard before anything is
  // submitted, with a clock the test can move so the count's minutely refresh needs no waiting.
  const admin = await (await browser.newContext()).newPage();
  await admin.clock.install();
  await admin.goto(`${base}/login`);
  await admin.getByLabel('User name').fill(adminUser);
  await admin.getByLabel('Password').fill(adminPassword);
  await admin.getByRole('button', { name: 'Log in' }).click();
  await admin.waitForURL(`${base}/admin`);
  check(await admin.getByRole('heading', { name: 'Dashboard' }).isVisible(), 'the admin logs in');
  const badge = admin.locator('p.waiting [data-waiting]');
  const waitingBefore = Number(await badge.textContent());
  check(Number.isInteger(waitingBefore), `the admin's dashboard shows what waits for them (${waitingBefore})`);

  await page.goto(`${base}/login`);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${base}/admin`);
  check(await page.getByRole('heading', { name: 'Dashboard' }).isVisible(), 'login lands on the dashboard');

  await page.getByRole('link', { name: 'Write a new release' }).click();
  await page.waitForURL(`${base}/admin/releases/new`);

  // A first try without a title: the form comes back with the field named and the text kept.
  const body = 'A delegation from Kuala Lumpur visited the Chambers.\n\nThe visit covered **mutual legal assistance**.';
  await page.getByLabel('Body').fill(body);
  await page.getByRole('button', { name: 'Save draft' }).click();
  await page.waitForLoadState();
  check(await page.locator('.error-summary').getByText('Title is required').isVisible(),
    'a missing title is named in the error summary');
  check(await page.getByLabel('Body').inputValue() === body, 'the body typed before the error is kept');

  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Summary').fill('Officials from Malaysia visited the Chambers to discuss mutual legal assistance.');
  await page.getByLabel('Event this release is about').selectOption({ label: 'A new event, described below' });
  await page.getByLabel('Event title').fill('Working visit on mutual legal assistance');
  await page.getByLabel('Kind of event').selectOption('visit');
  await page.getByLabel('First day').fill('2025-03-10');
  await page.getByLabel('Last day').fill('2025-03-11');
  await page.getByLabel('City').fill('Kuala Lumpur');
  await page.getByLabel('Country', { exact: true }).selectOption({ label: 'Malaysia' });
  await page.getByLabel('Participants in all').fill('12');
  await page.getByLabel('Countries represented').fill('2');
  await page.getByLabel('Organisers').fill("Attorney General's Chambers (AGC)");
  const row1 = page.getByRole('group', { name: 'Delegation row 1' });
  await row1.getByLabel('Role').fill('legal counsel');
  await row1.getByLabel('Department').fill("Attorney General's Chambers");
  await row1.getByLabel('Number').fill('3');
  await page.screenshot({ path: `${shots}/form.png`, fullPage: true });
  await page.getByRole('button', { name: 'Save and submit for review' }).click();
  await page.waitForURL(/\/admin\/releases\/\d+\?done=submit$/);
  check(await page.getByText('Saved and submitted for review.').isVisible(), 'submitting says so');
  check(await page.getByText('Awaiting review').first().isVisible(), 'the status reads Awaiting review');
  check(await page.getByRole('button', { name: 'Approve', exact: true }).count() === 0,
    'the editor who submitted it is offered no Approve button');
  const editPath = new URL(page.url()).pathname;

  // Not public yet.
  const early = await (await browser.newContext()).newPage();
  await early.goto(`${base}/`);
  check(await early.getByRole('link', { name: title }).count() === 0, 'a release waiting for review is not on the home page');

  // Without a reload, the admin's dashboard counts the new submission at its next refresh.
  await admin.clock.fastForward(61000);
  let counted = true;
  try {
    await admin.waitForFunction(([sel, want]) => document.querySelector(sel)?.textContent === want,
      ['p.waiting [data-waiting]', String(waitingBefore + 1)], { timeout: 30000 });
  } catch {
    counted = false;
  }
  check(counted, `the admin's dashboard count goes from ${waitingBefore} to ${waitingBefore + 1} without a reload (shows ${await badge.textContent()})`);
  await admin.getByRole('link', { name: /Waiting for your review/ }).click();
  await admin.waitForURL(`${base}/admin/review`);
  await admin.getByRole('link', { name: title }).click();
  await admin.waitForURL(`${base}${editPath}`);
  await admin.getByRole('button', { name: 'Approve', exact: true }).click();
  await admin.waitForURL(/\/admin\/releases\/\d+\?done=approve$/);
  check(await admin.getByText('Approved.').isVisible(), 'approving says so');
  await admin.screenshot({ path: `${shots}/approved.png`, fullPage: true });
  await admin.getByRole('button', { name: 'Publish', exact: true }).click();
  await admin.waitForURL(/\/admin\/releases\/\d+\?done=publish$/);
  check(await admin.getByText('Published.').isVisible(), 'publishing says so');

  // The public side, in a fresh context without the staff cookie.
  const reader = await (await browser.newContext()).newPage();
  await reader.goto(`${base}/`);
  const link = reader.getByRole('link', { name: title });
  check(await link.isVisible(), 'the release is listed on the home page');
  await link.click();
  await reader.waitForLoadState();
  check(await reader.getByRole('heading', { level: 1, name: title }).isVisible(), 'its page shows the title');
  const box = reader.locator('.event-box');
  check((await box.textContent()).includes('10-11 March 2025'), 'the event box shows the dates');
  check((await box.textContent()).includes('3 legal counsels'), 'the event box shows the delegation');
  check((await box.textContent()).includes('Kuala Lumpur, Malaysia'), 'the event box shows the place');
  await reader.screenshot({ path: `${shots}/release.png`, fullPage: true });
} catch (err) {
  console.error(err);
  check(false, `the flow ran to the end (${String(err.message || err).split('\n')[0]})`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
