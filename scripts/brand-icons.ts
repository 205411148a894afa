/**
 * Draws the PNG icons of the web app manifest and the apple-touch-icon from public/favicon.svg, in the local
 * Chromium (no network). Run after replacing the favicon: `node scripts/brand-icons.ts`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { launchChromium } from '../tests/support/browser.ts';

const svg = readFileSync(new URL('../public/favicon.svg', import.meta.url), 'utf8');
const icons = [
  { file: 'public/brand/icon-192.png', size: 192 },
  { file: 'public/brand/icon-512.png', size: 512 },
  // iOS draws its own rounded corners over a square, opaque icon of 180 px.
  { file: 'public/brand/apple-touch-icon.png', size: 180, opaque: true },
];

const browser = await launchChromium();
try {
  for (const { file, size, opaque } of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const background = opaque ? (svg.match(/<rect[^>]*fill="(#[0-9a-f]{6})"/i)?.[1] ?? '#ffffff') : 'transparent';
    await page.setContent(`<body style="margin:0;background:${background}"><img style="display:block;width:${size}px;height:${size}px" src="data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}"></body>`);
    await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
    writeFileSync(new URL(`../${file}`, import.meta.url), await page.screenshot({ omitBackground: !opaque }));
    await page.close();
  }
} finally {
  await browser.close();
}
