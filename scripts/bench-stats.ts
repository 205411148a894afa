/**
 * Benchmark of the dashboard statistics at the size of a large organisation (issue budget, in Chromium on a
 * 2-core machine; Node 24 runs the same V8 and serves as the proxy):
 *   - 20,000 responses: scale scores, alpha of every scale, the 12 × 12 correlation matrix and the model
 *     regression together ≤ 1 s (aim: < 200 ms);
 *   - 2,000 bootstrap resamples of the mediation model at n = 20,000 ≤ 3 s.
 *
 *   node scripts/bench-stats.ts [--responses 20000] [--resamples 2000] [--runs 5]
 *
 * The answers come from the synthetic cohort (not timed), as arrays in instrument order, the shape a decoded
 * response code has. Each step is timed once cold (the first call, as a facilitator's first click meets it) and
 * as the median of --runs warm repeats. Wall-clock times; the load average is printed because other work on the
 * machine (a build, a browser) inflates them, cold times most. Memory: the bytes of the scored columns, the typed
 * arrays the bootstrap holds while it runs (sampled at every progress report; V8 keeps them outside the JS heap),
 * and the peak resident set of the whole process. Run with --expose-gc for a clean baseline.
 */
import { readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { parse } from 'yaml';
import { readInstrumentFile } from '../src/lib/survey/instrument-file.ts';
import { scoreColumns, type ModelPart } from '../src/lib/stats/columns.ts';
import { correlationMatrix } from '../src/lib/stats/correlation.ts';
import { bootstrapMediationSync } from '../src/lib/stats/mediation-bootstrap.ts';
import { ols } from '../src/lib/stats/regression.ts';
import { reliabilityByScale } from '../src/lib/stats/reliability.ts';
import { generateCohort } from '../src/lib/stats/synthetic.ts';

const { values } = parseArgs({ options: { responses: { type: 'string', default: '20000' }, resamples: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } } });
const responses = Number(values.responses);
const resamples = Number(values.resamples);
const runs = Number(values.runs);

const instrument = readInstrumentFile(new URL('../content/survey/instrument.yaml', import.meta.url));
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
const rows = generateCohort(instrument, { people: responses, seed: 2026, afterShare: 0 }).responses.map((response) => itemIds.map((id) => response.answers[id] ?? null));

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

const aggregate = time(() => scoreColumns(instrument, rows));
const columns = aggregate.result;
const columnBytes = [columns.items, columns.scales, columns.parts, columns.constructs].flatMap((group) => Object.values(group)).reduce((sum, column) => sum + column.byteLength, 0);
const alpha = time(() => reliabilityByScale(instrument, columns));
const correlations = time(() => correlationMatrix(columns.scales));
const part = (name: ModelPart) => columns.parts[name]!;
const regression = time(() => ols(part('engagement'), { awareness: part('awareness'), environment: part('environment'), achievement: part('achievement') }));
const mediationInput = { x: part('awareness'), mediators: [part('environment'), part('achievement')], y: part('engagement') };
gc?.();
const arrayBuffersBefore = process.memoryUsage().arrayBuffers;
let arrayBuffersPeak = arrayBuffersBefore;
let chunks = 0;
const bootstrapStarted = performance.now();
const bootstrap = bootstrapMediationSync(mediationInput, {
  resamples,
  seed: 1,
  onProgress: () => {
    chunks++;
    arrayBuffersPeak = Math.max(arrayBuffersPeak, process.memoryUsage().arrayBuffers);
  },
});
const bootstrapMs = performance.now() - bootstrapStarted;
const bootstrapWarm = time(() => bootstrapMediationSync(mediationInput, { resamples, seed: 1 }));

const analysisCold = aggregate.cold + alpha.cold + correlations.cold + regression.cold;
const analysisWarm = aggregate.warm + alpha.warm + correlations.warm + regression.warm;
const lines = [
  `Node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0]!.toFixed(2)}; ${responses} responses × ${itemIds.length} items; cold = first call, warm = median of ${runs}`,
  `                                       cold        warm`,
  `scale scores (aggregate)          ${milliseconds(aggregate.cold)}  ${milliseconds(aggregate.warm)}`,
  `alpha, ${instrument.scales.length} scales                   ${milliseconds(alpha.cold)}  ${milliseconds(alpha.warm)}`,
  `correlation matrix ${instrument.scales.length} × ${instrument.scales.length}          ${milliseconds(correlations.cold)}  ${milliseconds(correlations.warm)}`,
  `model regression (OLS, 3 predictors)${milliseconds(regression.cold)}  ${milliseconds(regression.warm)}`,
  `  total (budget 1000 ms)          ${milliseconds(analysisCold)}  ${milliseconds(analysisWarm)}`,
  `bootstrap, ${resamples} resamples, n = ${bootstrap.ok ? bootstrap.n : '—'} (budget 3000 ms)`,
  `                                  ${milliseconds(bootstrapMs)}  ${milliseconds(bootstrapWarm.warm)}   (${chunks} progress reports)`,
  `memory: scored columns ${megabytes(columnBytes)} (typed arrays); bootstrap typed arrays at their peak ${megabytes(arrayBuffersPeak - arrayBuffersBefore)}; peak RSS of the process ${megabytes(process.resourceUsage().maxRSS * 1024)} (includes generating the cohort)${gc ? '' : '; run with --expose-gc for exact figures'}`,
];
if (bootstrap.ok) lines.push(`check: total indirect ${bootstrap.totalIndirect.estimate.toFixed(4)} [${bootstrap.totalIndirect.lower.toFixed(4)}, ${bootstrap.totalIndirect.upper.toFixed(4)}], R² ${regression.result.ok ? regression.result.r2.toFixed(3) : '—'}`);
process.stdout.write(`${lines.join('\n')}\n`);
// The budgets are for cold runs: the facilitator's first click.
if (analysisCold > 1000 || bootstrapMs > 3000) {
  process.stderr.write('over budget: analysis ≤ 1000 ms and bootstrap ≤ 3000 ms\n');
  process.exitCode = 1;
}
