/**
 * Benchmark of the dashboard's analysis at the size of a large organisation (issue budget, in Chromium on a
 * 2-core machine; Node 24 runs the same V8 and serves as the proxy, as in bench-stats.ts):
 *   - analyseDataset on 20,000 responses (every section: participation, constructs, group profiles, breakdowns,
 *     before and after, alpha, correlations, the model, the evaluation, with privacy applied) ≤ 1 s;
 *   - the mediation bootstrap job of the Web Worker (runBootstrapJob), 2,000 resamples ≤ 3 s, with the page
 *     responsive: the worker's longest chunk between two progress messages bounds how long a "Stop" waits.
 *
 *   node scripts/bench-analysis.ts [--responses 20000] [--resamples 2000] [--runs 5]
 *
 * The dataset is a synthetic cohort (stats/synthetic.ts; not timed) as stored responses: before and after waves,
 * two cohorts, roles, career stages, anonymous codes, evaluations and a comment on every fourth after-response.
 * "cold" is the first call in the process, as a facilitator's first click meets it; "warm" the median of --runs.
 * Memory: the JS heap one analysis allocates (sampled around it) and keeps (after a gc, the result held; needs
 * --expose-gc), the size of its JSON, and the peak resident set of the whole process. The load average is printed
 * because other work on the machine (a build, a browser) inflates wall-clock times, cold times most.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readInstrumentFile } from '../src/lib/survey/instrument-file.ts';
import { generateCohort } from '../src/lib/stats/synthetic.ts';
import { analyseDataset, modelColumns } from '../src/lib/dashboard/analysis.ts';
import { runBootstrapJob, type BootstrapWorkerMessage } from '../src/lib/dashboard/bootstrap-protocol.ts';
import type { StoredResponse } from '../src/lib/dashboard/dataset.ts';

const { values } = parseArgs({ options: { responses: { type: 'string', default: '20000' }, resamples: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } } });
const size = Number(values.responses);
const resamples = Number(values.resamples);
const runs = Number(values.runs);

const instrument = readInstrumentFile(new URL('../content/survey/instrument.yaml', import.meta.url));
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
// 80 % answer after the workshop too: people × 1.8 responses, cut to exactly `size`.
const cohort = generateCohort(instrument, { people: Math.ceil(size / 1.75), seed: 2026 });
const responses: StoredResponse[] = cohort.responses.slice(0, size).map((response, i) => ({
  instrumentVersion: instrument.version,
  wave: response.wave,
  role: instrument.roles.findIndex((role) => role.id === response.role),
  stage: instrument.careerStages.findIndex((stage) => stage.id === response.stage),
  responseId: i.toString(16).padStart(12, '0'),
  day: '2026-11-23',
  cohort: response.cohort,
  anonymousCode: response.anonymousCode,
  answers: itemIds.map((id) => response.answers[id] ?? null),
  evaluation: response.evaluation,
  comment: response.evaluation && i % 4 === 0 ? `ワークショップの感想 ${i % 97}` : null,
  source: 'code',
  importedAt: '2026-11-25T10:00:00.000Z',
  sessionId: null,
}));
const dataset = { responses };
const privacy = { minGroupSize: 5, minCommentGroupSize: 10 };

const gc = (globalThis as { gc?: () => void }).gc;
const megabytes = (bytes: number) => `${(bytes / 1_048_576).toFixed(1)} MB`;
const milliseconds = (ms: number) => `${ms.toFixed(1).padStart(7)} ms`;

function time<T>(run: () => T): { result: T; cold: number; warm: number } {
  let started = performance.now();
  const result = run();
  const cold = performance.now() - started;
  const warm: number[] = [];
  for (let i = 0; i < runs; i++) {
    started = performance.now();
    run();
    warm.push(performance.now() - started);
  }
  warm.sort((a, b) => a - b);
  return { result, cold, warm: warm[Math.floor(warm.length / 2)] ?? Number.NaN };
}

// Heap: sampled before and right after one analysis (no gc in between: what it allocated, garbage included, an
// upper bound of its peak), then after a gc with the result held (what stays).
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const firstStarted = performance.now();
const first = analyseDataset(dataset, instrument, privacy);
const firstMs = performance.now() - firstStarted;
const heapGrowth = process.memoryUsage().heapUsed - heapBefore;
gc?.();
const heapRetained = process.memoryUsage().heapUsed - heapBefore;
const all = time(() => analyseDataset(dataset, instrument, privacy));
const before = time(() => analyseDataset(dataset, instrument, privacy, { wave: 'before' }));
const after = time(() => analyseDataset(dataset, instrument, privacy, { wave: 'after' }));
const json = JSON.stringify(first);
const columns = time(() => modelColumns(dataset, instrument, privacy));

// The bootstrap job as the worker runs it: messages collected, chunk gaps measured.
async function bootstrap(): Promise<{ ms: number; messages: BootstrapWorkerMessage[]; longestChunk: number }> {
  const input = modelColumns(dataset, instrument, privacy)!;
  const messages: BootstrapWorkerMessage[] = [];
  let last = performance.now();
  let longestChunk = 0;
  const started = last;
  await runBootstrapJob({ kind: 'run', jobId: 1, columns: input, resamples, seed: 20260101 }, (message) => {
    const now = performance.now();
    longestChunk = Math.max(longestChunk, now - last);
    last = now;
    messages.push(message);
  });
  return { ms: performance.now() - started, messages, longestChunk };
}
const boot = await bootstrap();
const bootWarm: number[] = [];
for (let i = 0; i < Math.min(runs, 3); i++) bootWarm.push((await bootstrap()).ms);
bootWarm.sort((a, b) => a - b);
const outcome = boot.messages.at(-1);

const model = first.model.hidden ? null : first.model;
const lines = [
  `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}; ${responses.length} responses (${first.view.waves.join(' + ')}) × ${itemIds.length} items; cold = first call, warm = median of ${runs}`,
  `                                       cold        warm`,
  `analyseDataset, all waves        ${milliseconds(firstMs)}  ${milliseconds(all.warm)}   (budget 1000 ms)`,
  `analyseDataset, before only      ${milliseconds(before.cold)}  ${milliseconds(before.warm)}`,
  `analyseDataset, after only       ${milliseconds(after.cold)}  ${milliseconds(after.warm)}`,
  `modelColumns (worker input)      ${milliseconds(columns.cold)}  ${milliseconds(columns.warm)}`,
  `bootstrap job, ${resamples} resamples, n = ${columns.result?.x.length ?? '—'} (budget 3000 ms)`,
  `                                  ${milliseconds(boot.ms)}  ${milliseconds(bootWarm[Math.floor(bootWarm.length / 2)] ?? Number.NaN)}   (${boot.messages.filter((m) => m.kind === 'progress').length} progress messages; longest chunk ${boot.longestChunk.toFixed(1)} ms = the wait for a cancel)`,
  `memory: heap allocated by one analysis ≤ ${megabytes(heapGrowth)}, kept afterwards ${gc ? megabytes(heapRetained) : '— (run with --expose-gc)'}; analysis JSON ${(json.length / 1024).toFixed(0)} kB; peak RSS of the process ${megabytes(process.resourceUsage().maxRSS * 1024)} (includes generating the cohort)`,
];
if (model && outcome?.kind === 'result' && outcome.result.ok) {
  const ti = outcome.result.totalIndirect;
  lines.push(`check: R² ${model.regression.r2?.toFixed(3)}, total indirect ${ti.estimate?.toFixed(4)} [${ti.lower?.toFixed(4)}, ${ti.upper?.toFixed(4)}] (${outcome.result.reading.kind})`);
}
process.stdout.write(`${lines.join('\n')}\n`);
// The budgets are for cold runs: the facilitator's first click.
if (firstMs > 1000 || boot.ms > 3000) {
  process.stderr.write('over budget: analysis ≤ 1000 ms and bootstrap ≤ 3000 ms\n');
  process.exitCode = 1;
}
