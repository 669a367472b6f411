// A screenshot of a release page for the documentation: the home page's first release, 1200 px wide.
// node tests/browser/screenshot.mjs BASE_URL [OUT]; scripts/screenshots.sh runs it against `make run`.
// Run by tests/browser/run.sh (BASE and SHOTS set), it is one more check and writes under SHOTS.
import { launchChromium } from './lib/chromium.mjs';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const base = (process.argv[2] || process.env.BASE || 'http://127.0.0.1:8080').replace(/\/$/, '');
const out = process.argv[3] || process.env.SCREENSHOT_OUT ||
  (process.env.SHOTS ? `${process.env.SHOTS}/release-page.png` : 'docs/release-page.png');
mkdirSync(dirname(out), { recursive: true });

const browser = await launchChromium();
let ok = false;
try {
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  await page.goto(`${base}/`);
  const href = await page.locator('main a[href^="/news/"]').first().getAttribute('href');
  await page.goto(base + href);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  await page.screenshot({ path: out, fullPage: true, clip: { x: 0, y: 0, width: 1200, height: Math.min(height, 1600) } });
  console.log(`ok - screenshot: ${href} into ${out}`);
  ok = true;
} catch (e) {
  console.log(`not ok - screenshot: ${e.message.split('\n')[0]}`);
} finally {
  await browser.close();
}
process.exit(ok ? 0 : 1);
