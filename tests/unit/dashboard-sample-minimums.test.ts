/**
 * Honest small samples (src/lib/dashboard/analysis/sample-minimums.ts): each analysis's minimum and indicative band,
 * the model headline that names only what its interval supports, a bootstrap with many failed resamples reported as
 * not estimable, and no NaN or Infinity anywhere in the analysis of tiny and degenerate cohorts.
 */
import { describe, expect, it } from 'vitest';
import { analyseDataset, modelColumns, type DatasetAnalysis, type Section } from '../../src/lib/dashboard/analysis.ts';
import { readModel } from '../../src/lib/dashboard/analysis/model.ts';
import { bootstrapEstimable, MAX_FAILED_RESAMPLE_SHARE, SAMPLE_MINIMUMS, sampleAdequacy } from '../../src/lib/dashboard/analysis/sample-minimums.ts';
import type { CoefficientResult } from '../../src/lib/dashboard/analysis/types.ts';
import { runBootstrapJob, type BootstrapWorkerMessage } from '../../src/lib/dashboard/bootstrap-protocol.ts';
import type { StoredResponse } from '../../src/lib/dashboard/dataset.ts';
import { pick, scoreColumns } from '../../src/lib/stats/columns.ts';
import { cronbachAlpha } from '../../src/lib/stats/reliability.ts';
import { generateCohort } from '../../src/lib/stats/synthetic.ts';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { responseMaker } from '../support/stored-responses.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
const PRIVACY = { minGroupSize: 5, minCommentGroupSize: 10 };

const { stored } = responseMaker(itemIds);

/** A synthetic cohort (the engagement model holds in it) as stored responses, before the workshop only. */
function synthetic(people: number, seed: number): StoredResponse[] {
  const cohort = generateCohort(instrument, { people, seed, afterShare: 0 });
  return cohort.responses.map((response) =>
    stored({
      role: instrument.roles.findIndex((role) => role.id === response.role),
      stage: instrument.careerStages.findIndex((stage) => stage.id === response.stage),
      answers: itemIds.map((id) => response.answers[id] ?? null),
      evaluation: response.evaluation,
    }),
  );
}

function shown<T>(section: Section<T>): T {
  if (section.hidden) throw new Error(`section hidden: ${section.reason}`);
  return section;
}

/** Every path in the analysis holding NaN, ±Infinity, or a typed array (which JSON would not keep). */
function badNumbers(value: unknown, path = '$'): string[] {
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [`${path} = ${value}`];
  if (ArrayBuffer.isView(value)) return [`${path} is a typed array`];
  if (Array.isArray(value)) return value.flatMap((entry, i) => badNumbers(entry, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) return Object.entries(value).flatMap(([key, entry]) => badNumbers(entry, `${path}.${key}`));
  return [];
}

describe('the minimum of each analysis', () => {
  it('uses the cited thresholds: alpha 30/100, r 30/85, regression 50 + 8k / 104 + k, bootstrap 80/107', () => {
    expect(SAMPLE_MINIMUMS).toEqual({
      alpha: { minimum: 30, adequate: 100 },
      correlation: { minimum: 30, adequate: 85 },
      regression: { minimum: 74, adequate: 107 },
      bootstrap: { minimum: 80, adequate: 107 },
    });
  });

  it('bands a sample and says how many more responses are needed', () => {
    expect(sampleAdequacy('alpha', 0)).toEqual({ analysis: 'alpha', band: 'insufficient', n: 0, minimum: 30, adequate: 100, needed: 30 });
    expect(sampleAdequacy('alpha', 29)).toMatchObject({ band: 'insufficient', needed: 1 });
    expect(sampleAdequacy('alpha', 30)).toMatchObject({ band: 'indicative', needed: 70 });
    expect(sampleAdequacy('alpha', 99)).toMatchObject({ band: 'indicative', needed: 1 });
    expect(sampleAdequacy('alpha', 100)).toMatchObject({ band: 'adequate', needed: 0 });
    expect(sampleAdequacy('regression', 73)).toMatchObject({ band: 'insufficient', needed: 1 });
    expect(sampleAdequacy('regression', 74)).toMatchObject({ band: 'indicative', needed: 33 });
    expect(sampleAdequacy('regression', 107)).toMatchObject({ band: 'adequate' });
    expect(sampleAdequacy('bootstrap', 79)).toMatchObject({ band: 'insufficient', needed: 1 });
    expect(sampleAdequacy('correlation', 84)).toMatchObject({ band: 'indicative', needed: 1 });
    expect(sampleAdequacy('correlation', 85)).toMatchObject({ band: 'adequate' });
    expect(() => sampleAdequacy('alpha', -1)).toThrow(RangeError);
    expect(() => sampleAdequacy('alpha', 2.5)).toThrow(RangeError);
    expect(() => sampleAdequacy('alpha', Number.NaN)).toThrow(RangeError);
  });

  it('calls a bootstrap not estimable when more than 1% of its resamples failed, or none ran', () => {
    expect(MAX_FAILED_RESAMPLE_SHARE).toBe(0.01);
    expect(bootstrapEstimable(2000, 0)).toBe(true);
    expect(bootstrapEstimable(2000, 20)).toBe(true);
    expect(bootstrapEstimable(2000, 21)).toBe(false);
    expect(bootstrapEstimable(2000, 497)).toBe(false);
    expect(bootstrapEstimable(0, 0)).toBe(false);
  });

  it('shows each section in its band on a real cohort, with the counts the band rests on', () => {
    const indicative = analyseDataset({ responses: synthetic(80, 4) }, instrument, PRIVACY);
    const model = shown(indicative.model);
    expect(model.sample).toMatchObject({ band: 'indicative', n: 80, needed: 27 });
    expect(model.bootstrap).toMatchObject({ band: 'indicative', n: 80, needed: 27 });
    expect(model.reading.indicative).toBe(true);
    expect(model.reading.r2Finding).toBe(false);
    expect(shown(indicative.correlations).sample).toMatchObject({ band: 'indicative' });
    for (const scale of shown(indicative.reliability).scales) if (!scale.withheld) expect(scale.sample.band).toBe('indicative');

    const adequate = analyseDataset({ responses: synthetic(200, 4) }, instrument, PRIVACY);
    const full = shown(adequate.model);
    expect(full.sample.band).toBe('adequate');
    expect(full.reading.indicative).toBe(false);
    // The synthetic cohort holds the model: some predictor is clear, so R² is a finding.
    expect(full.reading.strongest).not.toBeNull();
    expect(full.reading.r2Finding).toBe(true);
    expect(full.reading.r2).toBe(full.regression.r2);

    const between = analyseDataset({ responses: synthetic(50, 4) }, instrument, PRIVACY);
    expect(between.model).toEqual({ hidden: true, reason: 'below-sample-minimum', minimum: 74, needed: 24 });
    expect(shown(between.correlations).sample).toMatchObject({ band: 'indicative', n: 50, needed: 35 });
  });

  it('withholds alpha of a scale answered by fewer than 30, saying how many more it needs', () => {
    // 40 responses, of which 12 answered the scale careerAwareness in full.
    const scale = instrument.scales.find((s) => s.id === 'careerAwareness')!;
    const itemsOfScale = new Set(scale.items.map((item) => item.id));
    const responses = synthetic(40, 8).map((response, i) => (i < 12 ? response : { ...response, answers: response.answers.map((answer, j) => (itemsOfScale.has(itemIds[j]!) ? null : answer)) }));
    const reliability = shown(analyseDataset({ responses }, instrument, PRIVACY).reliability);
    expect(reliability.scales.find((s) => s.id === 'careerAwareness')).toEqual({ id: 'careerAwareness', withheld: true, reason: 'sample', n: 12, needed: 18 });
    expect(reliability.scales.find((s) => s.id === 'vigour')).toMatchObject({ withheld: false, sample: { band: 'indicative' } });
  });
});

describe('the model headline', () => {
  const coefficient = (name: string, beta: number, lower: number, upper: number, p: number): CoefficientResult => ({ name, b: beta, se: 0.1, t: 1, p, ci: { lower, upper }, beta });
  const intercept: CoefficientResult = { name: '(intercept)', b: 1, se: 0.1, t: 10, p: 0, ci: { lower: 0.8, upper: 1.2 }, beta: null };

  it('names no predictor and states no R² finding when every interval includes zero', () => {
    const reading = readModel([intercept, coefficient('awareness', 0.9, -0.4, 2.2, 0.31), coefficient('environment', -0.5, -1.8, 0.8, 0.45)], 0.9, { band: 'adequate' });
    expect(reading.strongest).toBeNull();
    expect(reading.r2Finding).toBe(false);
    expect(reading.predictors.map((p) => p.excludesZero)).toEqual([false, false]);
  });

  it('names the largest clear predictor, not the largest β', () => {
    const reading = readModel([intercept, coefficient('awareness', 0.6, -0.1, 1.3, 0.09), coefficient('achievement', 0.3, 0.1, 0.5, 0.004)], 0.4, { band: 'adequate' });
    expect(reading.strongest).toEqual({ name: 'achievement', beta: 0.3 });
    expect(reading.r2Finding).toBe(true);
  });

  it('keeps R² indicative in the indicative band even with a clear predictor, and null when not computable', () => {
    expect(readModel([intercept, coefficient('achievement', 0.3, 0.1, 0.5, 0.004)], 0.4, { band: 'indicative' })).toMatchObject({ r2Finding: false, indicative: true, strongest: { name: 'achievement' } });
    expect(readModel([intercept, coefficient('achievement', 0.3, 0.1, 0.5, 0.004)], null, { band: 'adequate' }).r2Finding).toBe(false);
  });
});

describe('the n = 6 cohort of issue 12', () => {
  const responses = Array.from({ length: 6 }, () => stored());
  const analysis = analyseDataset({ responses }, instrument, PRIVACY);

  it('computes raw figures that would mislead (so the withholding is what the test checks)', () => {
    const scale = instrument.scales.find((s) => s.id === 'careerAwareness')!;
    const scored = scoreColumns(instrument, responses.map((r) => r.answers));
    const rows = Int32Array.from(responses.keys());
    const alpha = cronbachAlpha(scale.items.map((item) => pick(scored.items[item.id]!, rows)), scale.items.map((item) => item.id)).alpha;
    expect(Number.isFinite(alpha)).toBe(true);
  });

  it('shows no alpha, no correlations, no model headline and no bootstrap, and says how many more are needed', () => {
    expect(analysis.view.responses).toBe(6);
    expect(shown(analysis.constructs).n).toBe(6);
    expect(analysis.reliability).toEqual({ hidden: true, reason: 'below-sample-minimum', minimum: 30, needed: 24 });
    expect(analysis.correlations).toEqual({ hidden: true, reason: 'below-sample-minimum', minimum: 30, needed: 24 });
    expect(analysis.model).toEqual({ hidden: true, reason: 'below-sample-minimum', minimum: 74, needed: 68 });
    expect(JSON.stringify(analysis)).not.toMatch(/"alpha"|"r2"|"indirect"/);
  });

  it('gives no interval for a bootstrap whose resamples mostly fail: not estimable, with the count', async () => {
    // Ten responses in which awareness varies in one response only: a resample without it cannot be fitted.
    const columns = modelColumns({ responses: synthetic(120, 2) }, instrument, PRIVACY)!;
    const x = columns.x.slice(0, 10).fill(3);
    x[0] = 4;
    const request = { kind: 'run' as const, jobId: 1, columns: { ...columns, x, mediators: columns.mediators.map((m) => m.slice(0, 10)), y: columns.y.slice(0, 10) }, resamples: 500, seed: 5 };
    const messages: BootstrapWorkerMessage[] = [];
    await runBootstrapJob(request, (message) => messages.push(message));
    const result = messages.at(-1)!;
    expect(result.kind).toBe('result');
    if (result.kind !== 'result') return;
    expect(result.result).toMatchObject({ ok: false, reason: 'not-estimable', n: 10, resamples: 500 });
    if (result.result.ok || result.result.reason !== 'not-estimable') return;
    expect(result.result.failed).toBeGreaterThan(5);
    expect(result.result).not.toHaveProperty('indirect');
  });
});

describe('no NaN or Infinity leaves the analysis', () => {
  const cohorts: [string, StoredResponse[]][] = [];
  for (let n = 1; n <= 12; n++) {
    cohorts.push([`${n} varied`, Array.from({ length: n }, () => stored())]);
    cohorts.push([`${n} constant`, Array.from({ length: n }, () => stored({ answers: itemIds.map(() => 3) }))]);
    cohorts.push([`${n} with one scale unanswered`, Array.from({ length: n }, () => stored()).map((r) => ({ ...r, answers: r.answers.map((a, j) => (itemIds[j]!.startsWith(itemIds[0]!.slice(0, 2)) ? null : a)) }))]);
  }
  // Large enough for every analysis to run, and still degenerate.
  cohorts.push(['110 constant', Array.from({ length: 110 }, () => stored({ answers: itemIds.map(() => 3) }))]);
  cohorts.push(['110 in two patterns', Array.from({ length: 110 }, (_, i) => stored({ answers: itemIds.map(() => (i % 2 ? 2 : 4)) }))]);
  cohorts.push(['110 with every answer missing', Array.from({ length: 110 }, () => stored({ answers: itemIds.map(() => null) }))]);
  cohorts.push(['90 with one scale unanswered', synthetic(90, 6).map((r) => ({ ...r, answers: r.answers.map((a, j) => (j < 3 ? null : a)) }))]);
  cohorts.push(['110 real, before and after', [...synthetic(110, 7), ...synthetic(30, 8).map((r) => ({ ...r, wave: 'after' as const }))]]);

  it.each(cohorts)('%s', (_, responses) => {
    for (const privacy of [PRIVACY, { minGroupSize: 1, minCommentGroupSize: 1 }]) {
      for (const wave of ['all', 'before', 'after'] as const) {
        const analysis: DatasetAnalysis = analyseDataset({ responses }, instrument, privacy, { wave });
        expect(badNumbers(analysis)).toEqual([]);
        if (!analysis.reliability.hidden) for (const scale of analysis.reliability.scales) if (!scale.withheld) expect(scale.n).toBeGreaterThanOrEqual(SAMPLE_MINIMUMS.alpha.minimum);
        if (!analysis.model.hidden) expect(analysis.model.n).toBeGreaterThanOrEqual(SAMPLE_MINIMUMS.regression.minimum);
      }
    }
  });

  it('analyses a large degenerate cohort rather than hiding it all (the walk above sees computed figures)', () => {
    const analysis = analyseDataset({ responses: Array.from({ length: 110 }, (_, i) => stored({ answers: itemIds.map(() => (i % 2 ? 2 : 4)) })) }, instrument, PRIVACY);
    expect(analysis.reliability.hidden).toBe(false);
    expect(analysis.correlations.hidden).toBe(false);
  });
});
