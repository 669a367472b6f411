// Browser test: an axe-core scan (WCAG 2.1 A and AA, and axe's best practices) of every kind of public and
// staff page, visible focus, reflow at 320 CSS px (400% zoom), and a release's print stylesheet.
import { launchChromium } from './lib/chromium.mjs';
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core');
const base = process.env.BASE;
const editor = process.env.EDITOR_NAME || 'editor1';
const editorPassword = process.env.EDITOR_PASSWORD;
const shots = process.env.SHOTS || 'tests/out/browser';
const contact = process.env.PRESSROOM_CONTACT || '';
mkdirSync(shots, { recursive: true });

const release = '/news/2025/02/chambers-joins-regional-workshop-on-trafficking-for-forced-criminality';
const event = '/events/regional-workshop-trafficking-forced-criminality-2025';
// Pages other parts of the site may not have yet: each is scanned when it answers 200.
const optional = ['/?q=workshop', '/search?q=workshop', '/events', '/organisations', '/engagements',
  '/engagements/2025'];

let failed = 0;
function check(cond, what) {
  console.log(`${cond ? 'ok' : 'not ok'} - browser: ${what}`);
  if (!cond) failed++;
}

// The site's CSP forbids inline scripts, as it should; the test lifts it to inject axe.
const options = { bypassCSP: true };
const browser = await launchChromium();

// The rules' ids and where they failed, one line each, for the test output.
function describe(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
    .join('; ');
}

async function scan(page, path, status = 200) {
  const response = await page.goto(`${base}${path}`);
  const got = response ? response.status() : 0;
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const v = result.violations;
  if (v.length)
    writeFileSync(`${shots}/axe${path.replace(/[^a-z0-9]+/gi, '-')}.json`, JSON.stringify(v, null, 2));
  check(got === status && v.length === 0,
    `axe finds no violation on ${path} (${got}, ${result.passes.length} rules pass)${v.length ? `: ${describe(v)}` : ''}`);
}

// At 320 CSS px (a 1280 px window at 400%), nothing may need scrolling sideways.
async function reflows(page, path) {
  await page.goto(`${base}${path}`);
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  check(width <= 320, `${path} reflows at 320 px wide (scrollWidth ${width})`);
}

async function answers(page, path) {
  const r = await page.request.get(`${base}${path}`, { maxRedirects: 0 });
  return r.status() === 200;
}

try {
  const reader = await (await browser.newContext(options)).newPage();
  const orgPath = await (async () => {
    await reader.goto(`${base}${event}`);
    const href = await reader.locator('a[href^="/organisations/"]').first().getAttribute('href').catch(() => null);
    return href;
  })();
  const extra = [];
  for (const p of [...optional, ...(orgPath ? [orgPath] : [])])
    if (await answers(reader, p))
      extra.push(p);
  console.log(`# optional pages found: ${extra.join(' ') || 'none'}`);
  const publicPages = ['/', release, event, '/login', ...extra];
  for (const p of publicPages)
    await scan(reader, p);
  await scan(reader, '/no/such/page', 404);

  // Visible focus: the skip link comes into view on the first Tab, and links get an outline.
  await reader.goto(`${base}/`);
  await reader.keyboard.press('Tab');
  const skip = await reader.evaluate(() => {
    const e = document.activeElement;
    const r = e.getBoundingClientRect();
    return { cls: e.className, left: r.left, top: r.top, outline: getComputedStyle(e).outlineStyle };
  });
  check(skip.cls === 'skip-link' && skip.left >= 0 && skip.top >= 0,
    `the first Tab focuses the skip link, in view (${JSON.stringify(skip)})`);
  await reader.keyboard.press('Tab');
  const focused = await reader.evaluate(() => {
    const s = getComputedStyle(document.activeElement);
    return { tag: document.activeElement.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  check(focused.style !== 'none' && focused.width >= 2, `the next focused link has a visible outline (${JSON.stringify(focused)})`);

  const narrow = await (await browser.newContext({ ...options, viewport: { width: 320, height: 640 } })).newPage();
  for (const p of [...publicPages, '/no/such/page'])
    await reflows(narrow, p);

  // Print: a release as a one-page press release: the office, the date, the contact; no menu or forms.
  await reader.goto(`${base}${release}`);
  await reader.emulateMedia({ media: 'print' });
  const print = await reader.evaluate(() => {
    const shown = (sel) => {
      const e = document.querySelector(sel);
      return !!e && getComputedStyle(e).display !== 'none' && getComputedStyle(e).visibility !== 'hidden' &&
        e.getBoundingClientRect().height > 0;
    };
    return {
      nav: shown('.site-header nav'), skip: shown('.skip-link'), brand: shown('.brand'),
      brandText: document.querySelector('.brand')?.innerText, date: shown('.release .meta time'),
      dateText: document.querySelector('.release .meta time')?.innerText,
      contact: shown('.site-footer p:first-of-type'), contactText: document.querySelector('.site-footer p:first-of-type')?.innerText,
      forms: [...document.querySelectorAll('form')].filter((f) => getComputedStyle(f).display !== 'none').length,
    };
  });
  check(!print.nav && !print.skip && print.forms === 0, `in print, no menu, skip link or form shows (${JSON.stringify(print)})`);
  check(print.brand && /Chambers/.test(print.brandText || ''), `in print, the office's name heads the page (${print.brandText})`);
  check(print.date && /^\d{1,2} [A-Z][a-z]+ \d{4}$/.test(print.dateText || ''),
    `in print, the release date shows in long form (${print.dateText})`);
  check(print.contact && contact !== '' && (print.contactText || '').includes(contact),
    `in print, the contact line shows (${print.contactText})`);
  const pdf = await reader.pdf({ format: 'A4', path: `${shots}/release.pdf` });
  const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) || []).length;
  check(pages === 1, `the release prints on one A4 page (${pages})`);
  await reader.emulateMedia({ media: 'screen' });

  // Staff pages, signed in as an editor.
  const staff = await (await browser.newContext(options)).newPage();
  await staff.goto(`${base}/login`);
  await staff.getByLabel('User name').fill(editor);
  await staff.getByLabel('Password').fill(editorPassword);
  await staff.getByRole('button', { name: 'Log in' }).click();
  await staff.waitForURL(`${base}/admin`);
  for (const p of ['/admin', '/admin/releases/new', '/admin/review'])
    await scan(staff, p);
  const narrowStaff = await staff.context().newPage();
  await narrowStaff.setViewportSize({ width: 320, height: 640 });
  for (const p of ['/admin', '/admin/releases/new', '/admin/review'])
    await reflows(narrowStaff, p);
} catch (err) {
  console.error(err);
  check(false, `the accessibility checks ran to the end (${String(err.message || err).split('\n')[0]})`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
