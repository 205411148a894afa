/**
 * Benchmark of the dashboard at the size of a large group's workforce (issue 6 budgets): 20,000 responses in a file
 * of codes are checked, added and analysed, then 2,000 bootstrap resamples run in the worker; reports the times,
 * the page's JavaScript heap and the longest main-thread task of each step (responsiveness: the analysis runs in
 * the dashboard's worker, so choosing another wave should never block the page for 50 ms).
 *   node scripts/bench-dashboard.ts <site-url>   (e.g. after `npm start`, http://127.0.0.1:4321/)
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { launchChromium } from '../tests/support/browser.ts';
import { readInstrumentFile } from '../src/lib/survey/instrument-file.ts';
import { demoDataset } from '../src/lib/dashboard/demo.ts';
import { encodeResponse } from '../src/lib/survey/response-code.ts';

const siteUrl = process.argv[2] ?? 'http://127.0.0.1:4321/';
const instrument = readInstrumentFile(new URL('../content/survey/instrument.yaml', import.meta.url));
// 11,250 people before, about 9,000 of them after: about 20,000 responses.
const responses = demoDataset(instrument, 'bench', { people: 11_250, seed: 7 }).responses;
// A text file of codes, one per line, as a facilitator would collect them from a chat export.
const codesFile = join(tmpdir(), 'banso-bench-codes.txt');
writeFileSync(codesFile, responses.map((r, i) => encodeResponse({ ...r, responseId: i.toString(16).padStart(12, '0') })).join('\n'));

const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Performance.enable');
// The longest main-thread task of each step, from long-task entries (tasks over 50 ms) tagged with the step.
await page.addInitScript(() => {
  const w = window as unknown as { __step: string; __longest: Record<string, number> };
  w.__step = 'load';
  w.__longest = {};
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => (w.__longest[w.__step] = Math.max(w.__longest[w.__step] ?? 0, entry.duration)))).observe({ type: 'longtask', buffered: true });
});
const step = (name: string) => page.evaluate((value) => ((window as unknown as { __step: string }).__step = value), name);
await page.goto(`${siteUrl}en/facilitator/dashboard/`);
await page.getByLabel('Name of a new dataset').fill('Benchmark');
await page.getByRole('button', { name: 'Create' }).click();
await page.locator('#bn-import-files').setInputFiles(codesFile);

await step('check');
let start = Date.now();
await page.getByRole('button', { name: 'Check', exact: true }).click();
await page.locator('#bn-batch-heading').waitFor({ timeout: 120_000 });
const checked = Date.now() - start;
await step('add');
start = Date.now();
await page.getByRole('button', { name: /^Add / }).click();
// Added: applied to the dataset and saved in IndexedDB, as the page confirms.
await page.getByText(/^Added [\d,]+ responses/).waitFor({ timeout: 120_000 });
const added = Date.now() - start;
await page.getByText(/^Analysing \d+ responses/).waitFor({ timeout: 120_000 });
await page.locator('section[aria-labelledby="bn-model"]').waitFor();
const analysed = Date.now() - start;

// Each analysis on its own, as the wave filter recomputes it: switch waves and time the re-render.
await step('wave');
start = Date.now();
await page.getByRole('radio', { name: 'Before the workshop' }).check();
await page.getByText(/^Analysing \d+ responses \(Before the workshop\)/).waitFor();
const refiltered = Date.now() - start;

await step('bootstrap');
start = Date.now();
await page.getByRole('button', { name: /Compute the intervals/ }).click();
await page.getByText(/Computed from 2,000 resamples/).waitFor({ timeout: 120_000 });
const bootstrap = Date.now() - start;
const longest = await page.evaluate(() => (window as unknown as { __longest: Record<string, number> }).__longest);
const task = (name: string) => (longest[name] ? `${Math.round(longest[name])} ms` : 'none over 50 ms');
const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
const heading = await page.locator('#bn-batch-heading, .bn-analyses .bn-reading').first().textContent();

console.log(`responses: ${responses.length}  (${heading?.trim()})`);
console.log(`check a file of 20k codes: ${checked} ms; longest main-thread task: ${task('check')}`);
console.log(`check and add (saved in IndexedDB): ${checked + added} ms (add ${added} ms)`);
console.log(`add, save to IndexedDB, analyse (worker) and render everything: ${analysed} ms; longest main-thread task: ${task('add')}`);
console.log(`re-analyse for one wave (worker) and re-render: ${refiltered} ms; longest main-thread task: ${task('wave')}`);
console.log(`bootstrap 2,000 resamples in the worker: ${bootstrap} ms; longest main-thread task meanwhile: ${task('bootstrap')}`);
console.log(`JS heap used: ${Math.round(metrics.JSHeapUsedSize! / 1048576)} MB (total ${Math.round(metrics.JSHeapTotalSize! / 1048576)} MB)`);
await browser.close();
