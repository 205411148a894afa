/**
 * Screenshots of built pages, for reviewing a change and for the README.
 *   node scripts/screenshot.ts <site-url> <out-dir> <path>… [--phone] [--print]
 * --print emulates print media on an A4-wide viewport (for a real PDF use the browser's print dialog).
 */
import { mkdirSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';

const args = process.argv.slice(2);
const flags = new Set(args.filter((a) => a.startsWith('--')));
const [siteUrl, outDir, ...paths] = args.filter((a) => !a.startsWith('--'));
if (!siteUrl || !outDir || paths.length === 0) {
  console.error('usage: node scripts/screenshot.ts <site-url> <out-dir> <path>… [--phone] [--print]');
  process.exit(2);
}
mkdirSync(outDir, { recursive: true });
const browser = await launchChromium();
const page = await browser.newPage({ viewport: flags.has('--phone') ? { width: 390, height: 844 } : flags.has('--print') ? { width: 794, height: 1123 } : { width: 1280, height: 860 } });
if (flags.has('--print')) await page.emulateMedia({ media: 'print' });
for (const path of paths) {
  await page.goto(new URL(path, siteUrl).href);
  const file = `${outDir}/${path.replace(/^\/|\/$/g, '').replace(/\//g, '_') || 'index'}${flags.has('--phone') ? '-phone' : ''}${flags.has('--print') ? '-print' : ''}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}
await browser.close();
