/**
 * Benchmark: typing in the learning journal with 200 entries saved (issue 4 budget: "typing stays smooth").
 * Seeds 200 realistic entries, types 60 characters into the last entry, and reports per-keystroke latency
 * from the Event Timing API (input to next paint) and the cost of one autosave.
 *   node scripts/bench-journal-typing.ts <site-url>   (e.g. after `npm start`, http://127.0.0.1:4321/)
 */
import { launchChromium } from '../tests/support/browser.ts';

const siteUrl = process.argv[2] ?? 'http://127.0.0.1:4321/';
const ENTRIES = 200;
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(`${siteUrl}ja/`);
await page.evaluate((count) => {
  const entry = (i: number) => ({
    date: '2026-10-01',
    experience: `顧客との定例会議で、移行スケジュールの遅れを報告した（${i}）。相手の懸念を先に確認してから説明した。`.repeat(2),
    reflection: '上司から、懸念を先に言葉にしたことで会議が落ち着いたとフィードバックをもらった。',
    lesson: '相手が迷っている場面では、自分の案より先に相手の心配ごとを確かめる。',
    applyNext: '来週の仕様確認の冒頭で試す。',
  });
  localStorage.setItem(
    'banso:exercise:learning-journal',
    JSON.stringify({ version: 1, exerciseId: 'learning-journal', answers: { entries: Array.from({ length: count }, (_, i) => entry(i)) }, updatedAt: new Date().toISOString(), revision: 1 }),
  );
}, ENTRIES);
await page.goto(`${siteUrl}ja/exercises/learning-journal/`);
await page.locator('.bn-save-status[data-status="saved"]').waitFor();
await page.evaluate(() => {
  (window as unknown as { __latencies: number[] }).__latencies = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'keydown' || entry.name === 'keypress' || entry.name === 'input') (window as unknown as { __latencies: number[] }).__latencies.push(entry.duration);
  }).observe({ type: 'event', durationThreshold: 16, buffered: false } as PerformanceObserverInit);
});
const target = page.locator(`[id^="learning-journal-entries-${ENTRIES - 1}-"]`).filter({ has: page.locator('xpath=self::textarea') }).first();
await target.focus();
const started = performance.now();
await page.keyboard.type('これは二百件目の記録に追記している文章です。入力が滑らかかどうかを確かめています。', { delay: 30 });
const typingMs = performance.now() - started;
await page.locator('.bn-save-status[data-status="saved"]').waitFor();
const saveMs = await page.evaluate(() => {
  const raw = localStorage.getItem('banso:exercise:learning-journal')!;
  const t0 = performance.now();
  for (let i = 0; i < 20; i++) localStorage.setItem('banso:bench', JSON.stringify(JSON.parse(raw)));
  localStorage.removeItem('banso:bench');
  return { perSave: (performance.now() - t0) / 20, bytes: raw.length };
});
const slowEvents = await page.evaluate(() => (window as unknown as { __latencies: number[] }).__latencies);
const sorted = [...slowEvents].sort((a, b) => a - b);
console.log(
  JSON.stringify(
    {
      entries: ENTRIES,
      keystrokes: 43,
      typingWallClockMs: Math.round(typingMs),
      eventsOver16ms: slowEvents.length,
      worstEventMs: sorted.at(-1) ?? 0,
      medianOfSlowEventsMs: sorted[Math.floor(sorted.length / 2)] ?? 0,
      autosaveParseStringifyWriteMs: Number(saveMs.perSave.toFixed(2)),
      storedBytes: saveMs.bytes,
    },
    null,
    2,
  ),
);
await browser.close();
