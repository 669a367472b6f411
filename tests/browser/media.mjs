// Browser test: photographs and documents through the release form. An author chooses a camera's JPEG
// (GPS position, turned on its side) and a one-page PDF in the form's file inputs and submits; an editor
// approves and publishes; a reader sees the lead image (alt, srcset, width and height, loaded) and the
// document (PDF, size, 1 page), and every size the page offers is free of metadata. axe-core scans the
// public page and the staff form with their photograph and document. Without JavaScript the form still
// uploads.
import { launchChromium } from './lib/chromium.mjs';
import { createRequire } from 'node:module';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);
const axePath = require.resolve('axe-core');
const base = process.env.BASE;
// start_stack (tests/e2e/lib.sh) exports BUILD and TMP; run by hand, the defaults are the usual places.
const build = process.env.BUILD || 'build';
const shots = process.env.SHOTS || 'tests/out/browser';
const work = resolve(process.env.TMP || 'tests/out/browser', 'media-browser');
const author = process.env.AUTHOR_NAME || 'author1';
const authorPassword = process.env.AUTHOR_PASSWORD || 'author-one-password';
// The second pair of eyes must be someone other than the author.
const editor = process.env.EDITOR_NAME || 'editor1';
const editorPassword = process.env.EDITOR_PASSWORD || 'editor-one-password';
mkdirSync(shots, { recursive: true });
mkdirSync(work, { recursive: true });

let failed = 0;
function check(cond, what) {
  console.log(`${cond ? 'ok' : 'not ok'} - browser: ${what}`);
  if (!cond) failed++;
}

// exiftool -j -G1 -a FILE: every tag, keyed "Group:Tag".
function exif(file) {
  return JSON.parse(execFileSync('exiftool', ['-j', '-G1', '-a', file], { encoding: 'utf8' }))[0];
}

// The keys that give away where and with what a picture was taken, or that a tool could act on.
const metaPrefixes = ['EXIF', 'GPS', 'XMP', 'IPTC', 'IFD0', 'IFD1', 'ExifIFD', 'InteropIFD', 'MakerNotes', 'ICC'];
function leaks(tags) {
  return Object.keys(tags).filter((k) => {
    const [group, tag = ''] = k.split(':');
    return metaPrefixes.some((p) => group.startsWith(p)) || /GPS|Orientation|Artist/i.test(tag);
  });
}

// A one-page PDF with a correct cross-reference table (as tests/e2e/t_media.sh writes it in Python).
function writePdf(file) {
  const stream = '0.2 0.3 0.6 rg 50 600 495 150 re f';
  const objs = ['<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    `<< /Length ${stream.length} >>\nstream\n${stream}\nendstream`];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets)
    out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  writeFileSync(file, Buffer.from(out, 'latin1'));
}

// The rules' ids and where they failed, one line each, for the test output.
function describe(violations) {
  return violations.map((v) => `${v.id} (${v.impact}): ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`)
    .join('; ');
}

// axe-core on the page as it is now (WCAG 2.1 A and AA and best practices, as tests/browser/axe.mjs).
async function scan(page, what) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] },
  }));
  const v = result.violations;
  if (v.length)
    writeFileSync(`${shots}/axe-media-${what.replace(/[^a-z0-9]+/gi, '-')}.json`, JSON.stringify(v, null, 2));
  check(v.length === 0, `axe finds no violation on ${what} (${result.passes.length} rules pass)${v.length ? `: ${describe(v)}` : ''}`);
}

// srcset="a 480w, b 960w": [{ url, w }].
function parseSrcset(s) {
  return (s || '').split(',').map((x) => x.trim()).filter(Boolean).map((x) => {
    const [url, d = ''] = x.split(/\s+/);
    return { url, w: Number(d.replace(/w$/, '')) };
  });
}

async function login(context, name, password) {
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.getByLabel('User name').fill(name);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.waitForURL(`${base}/admin`);
  return page;
}

// An image element has loaded and decoded to something (waits for it, up to the default timeout).
async function loaded(page, selector) {
  try {
    await page.waitForFunction((sel) => {
      const i = document.querySelector(sel);
      return !!i && i.complete && i.naturalWidth > 0;
    }, selector, { timeout: 15000 });
    return page.locator(selector).evaluate((i) => i.naturalWidth);
  } catch {
    return 0;
  }
}

// The test's files: a photograph as a camera leaves it, 2000x1200 on its side (EXIF orientation 6), with
// a GPS position and an artist; and a one-page PDF.
const photo = `${work}/IMG_0412.jpg`;
const pdf = `${work}/statement.pdf`;
execFileSync(`${build}/mkphoto`, [photo, '2000', '1200', '6']);
execFileSync('exiftool', ['-q', '-overwrite_original', '-GPSLatitude=4.8903', '-GPSLatitudeRef=N',
  '-GPSLongitude=114.9422', '-GPSLongitudeRef=E', '-Artist=A. Photographer', photo]);
writePdf(pdf);
const before = exif(photo);
check(leaks(before).some((k) => k.includes('GPSLatitude')) && before['IFD0:Orientation'] !== undefined,
  `the test photograph carries a GPS position and an orientation before upload (${leaks(before).length} such tags)`);
const pdfInfo = exif(pdf);
check(pdfInfo['PDF:PageCount'] === 1, `the test PDF is a valid one-page document (${pdfInfo['PDF:PageCount']} page)`);

const alt = 'The delegation with workshop participants in Bangkok';
const caption = 'Participants on the first day of the workshop';
const credit = 'UNODC';
const docTitle = 'Joint statement of the workshop';
const title = `Chambers at the Bangkok workshop, with photograph ${Date.now()}`;

const browser = await launchChromium();

try {
  // --- The author: the form, by its labels, with two files chosen. The site's CSP forbids inline
  // scripts, as it should; these contexts lift it to inject axe. ---
  const page = await login(await browser.newContext({ bypassCSP: true }), author, authorPassword);
  await page.goto(`${base}/admin/releases/new`);
  await page.getByLabel('Title', { exact: true }).fill(title);
  await page.getByLabel('Summary').fill('Two judicial officers and two legal counsels attended the workshop.');
  await page.getByLabel('Body').fill('The delegation took part in the regional workshop.\n\nIt met **the organisers**.');
  await page.getByLabel('Photograph file').setInputFiles(photo);
  await page.getByLabel('Alt text').fill(alt);
  await page.getByLabel('Caption', { exact: true }).fill(caption);
  await page.getByLabel('Credit').fill(credit);
  await page.getByLabel('PDF file').setInputFiles(pdf);
  await page.getByLabel('Document title').fill(docTitle);
  await page.getByRole('button', { name: 'Save and submit for review' }).click();
  await page.waitForURL(/\/admin\/releases\/\d+\?done=submit$/);
  const editPath = new URL(page.url()).pathname;
  check(await page.locator('p.notice[role="status"]').getByText('Saved and submitted for review.').isVisible(),
    `the upload lands on the release's edit page ${editPath} with a notice`);
  const thumbWidth = await loaded(page, 'img.photo-thumb');
  const thumbSrc = await page.locator('img.photo-thumb').getAttribute('src');
  check(thumbWidth > 0 && thumbSrc.startsWith(`${editPath}/media/`),
    `the edit page shows the photograph's thumbnail through the staff address (${thumbSrc}, ${thumbWidth} px)`);
  const row = page.getByRole('group', { name: 'Photograph 1' });
  check(await row.getByLabel('Alt text').inputValue() === alt && await row.getByLabel('Caption').inputValue() === caption &&
    await row.getByLabel('Credit').inputValue() === credit, 'the photograph row keeps its alt text, caption and credit');
  const docRow = page.locator('fieldset.attachment-row');
  check(await docRow.count() === 1 && (await docRow.locator('legend').textContent()).includes(docTitle),
    'the document row names the document');
  await page.screenshot({ path: `${shots}/media-form.png`, fullPage: true });
  await scan(page, `the author's edit page with a photograph and a document (${editPath})`);

  // --- The editor, another person, approves and publishes it from the same page. ---
  const staff = await login(await browser.newContext({ bypassCSP: true }), editor, editorPassword);
  await staff.goto(`${base}${editPath}`);
  await staff.getByRole('button', { name: 'Approve', exact: true }).click();
  await staff.waitForURL(/\/admin\/releases\/\d+\?done=approve$/);
  check(await staff.getByText('Approved.').isVisible(), `${editor} approves it`);
  await staff.getByRole('button', { name: 'Publish', exact: true }).click();
  await staff.waitForURL(/\/admin\/releases\/\d+\?done=publish$/);
  check(await staff.getByText('Published.').isVisible(), `${editor} publishes it`);
  const publicHref = await staff.locator('p', { hasText: 'This release is public at' }).getByRole('link').getAttribute('href');
  check(!!publicHref, `the edit page links the public page (${publicHref})`);
  check(await loaded(staff, 'img.photo-thumb') > 0, 'the editor sees the thumbnail in the published release\'s form');
  await scan(staff, `the editor's edit page of the published release with its photograph and document (${editPath})`);
  await staff.setViewportSize({ width: 320, height: 640 });
  const staffWidth = await staff.evaluate(() => document.documentElement.scrollWidth);
  check(staffWidth <= 320, `the edit page with its photograph and document rows reflows at 320 px wide (scrollWidth ${staffWidth})`);

  // --- The reader. ---
  const reader = await (await browser.newContext({ bypassCSP: true })).newPage();
  const publicUrl = new URL(publicHref, base).href;
  const resp = await reader.goto(publicUrl);
  check(resp.status() === 200 && await reader.getByRole('heading', { level: 1, name: title }).isVisible(),
    `the public page answers 200 with the title (${new URL(publicUrl).pathname})`);
  const lead = reader.locator('figure.lead-photo img');
  const leadAttrs = await lead.evaluate((i) => ({ alt: i.getAttribute('alt'), srcset: i.getAttribute('srcset'),
    sizes: i.getAttribute('sizes'), width: i.getAttribute('width'), height: i.getAttribute('height') }));
  check(leadAttrs.alt === alt, `the lead image has the alt text (${leadAttrs.alt})`);
  const jpegs = parseSrcset(leadAttrs.srcset);
  check(jpegs.some((s) => s.w === 480) && jpegs.some((s) => s.w === 960) && !!leadAttrs.sizes,
    `the lead image has a srcset with 480w and 960w entries, and sizes (${leadAttrs.srcset})`);
  check(Number(leadAttrs.width) > 0 && Number(leadAttrs.height) > Number(leadAttrs.width),
    `the lead image has width and height, upright (${leadAttrs.width}x${leadAttrs.height})`);
  const natural = await loaded(reader, 'figure.lead-photo img');
  const current = await lead.evaluate((i) => i.currentSrc);
  check(natural > 0, `the lead image loaded from the web server (naturalWidth ${natural}, ${current})`);
  const fig = (await reader.locator('figure.lead-photo figcaption').textContent()) || '';
  check(fig.includes(caption) && fig.includes(`Photo: ${credit}`), `the figure shows the caption and the credit (${fig.trim()})`);
  const box = await lead.boundingBox();
  const mainBox = await reader.locator('main').boundingBox();
  check(box && mainBox && box.width <= mainBox.width,
    `the lead image fits its column (${box && Math.round(box.width)} <= ${mainBox && Math.round(mainBox.width)} px)`);
  const webps = parseSrcset(await reader.locator('figure.lead-photo source[type="image/webp"]').getAttribute('srcset'));
  check(webps.length === jpegs.length && webps.every((s) => s.url.endsWith('.webp')),
    `the <source type=image/webp> offers the same widths in WebP (${webps.map((s) => s.w).join(' ')})`);

  const doc = reader.locator('.attachments li.attachment');
  const docText = ((await doc.textContent()) || '').replace(/\s+/g, ' ');
  const pdfBytes = statSync(pdf).size;
  check(await doc.count() === 1 && docText.includes(docTitle) && /\bPDF\b/.test(docText) &&
    /\d[\d,.]*\s*(bytes|[kKMG]i?B)\b/.test(docText) && /\b1 page\b/.test(docText),
    `the document link shows its title, PDF, a size and "1 page" (${docText.trim()})`);
  const docHref = await doc.getByRole('link').getAttribute('href');
  const docResp = await reader.request.get(new URL(docHref, publicUrl).href);
  const docBody = await docResp.body();
  check(docResp.status() === 200 && docResp.headers()['content-type'].startsWith('application/pdf') &&
    docBody.equals(readFileSync(pdf)), `the document link gives the PDF as uploaded (${docHref}, ${docBody.length} of ${pdfBytes} bytes)`);

  // Every size the page offers, JPEG and WebP, fetched as the browser would and read by exiftool.
  let n = 0;
  for (const s of [...jpegs, ...webps]) {
    const r = await reader.request.get(new URL(s.url, publicUrl).href);
    const file = `${work}/public-${n++}-${s.url.split('/').pop()}`;
    writeFileSync(file, await r.body());
    const tags = exif(file);
    const bad = leaks(tags);
    const w = tags['File:ImageWidth'] ?? tags['RIFF:ImageWidth'] ?? tags['Composite:ImageSize'];
    check(r.status() === 200 && bad.length === 0,
      `${s.url} (${s.w}w, ${r.status()}, ${tags['File:FileType']}, ${tags['Composite:ImageSize']}) keeps no metadata${bad.length ? `: ${bad.join(' ')}` : ''}`);
    check(Number(String(tags['Composite:ImageSize']).split(/[x ]/)[0]) === s.w,
      `${s.url} is as wide as its srcset says (${s.w}w, ${w})`);
  }

  await reader.screenshot({ path: `${shots}/media-release.png`, fullPage: true });
  await scan(reader, `the public release page with its photograph and document (${new URL(publicUrl).pathname})`);
  const narrow = await reader.context().newPage();
  await narrow.setViewportSize({ width: 320, height: 640 });
  await narrow.goto(publicUrl);
  const scrollWidth = await narrow.evaluate(() => document.documentElement.scrollWidth);
  check(scrollWidth <= 320, `the release page with its photograph reflows at 320 px wide (scrollWidth ${scrollWidth})`);

  // --- Without JavaScript the form is a plain form: choose a file, save. ---
  const nojsContext = await browser.newContext({ javaScriptEnabled: false });
  const nojs = await login(nojsContext, author, authorPassword);
  await nojs.goto(`${base}/admin/releases/new`);
  await nojs.getByLabel('Title', { exact: true }).fill(`A draft with a photograph, sent without JavaScript ${Date.now()}`);
  await nojs.getByLabel('Body').fill('Saved from a browser with JavaScript turned off.');
  await nojs.getByLabel('Photograph file').setInputFiles(photo);
  await nojs.getByLabel('Alt text').fill('A photograph chosen without JavaScript');
  await nojs.getByRole('button', { name: 'Save draft' }).click();
  await nojs.waitForURL(/\/admin\/releases\/\d+\?done=save$/);
  const nojsThumb = await nojs.locator('img.photo-thumb').getAttribute('src');
  const nojsThumbResp = await nojs.request.get(new URL(nojsThumb, base).href);
  check(nojsThumbResp.status() === 200 && (nojsThumbResp.headers()['content-type'] || '').startsWith('image/jpeg') &&
    await nojs.getByRole('group', { name: 'Photograph 1' }).getByLabel('Alt text').inputValue() === 'A photograph chosen without JavaScript',
    `without JavaScript the form uploads the photograph and saves the draft (${new URL(nojs.url()).pathname}, thumbnail ${nojsThumbResp.status()})`);
} catch (err) {
  console.error(err);
  check(false, `the media flow ran to the end (${String(err.message || err).split('\n')[0]})`);
} finally {
  await browser.close();
}
process.exit(failed ? 1 : 0);
