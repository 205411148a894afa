/**
 * The indirect effects of awareness on engagement through environment- and achievement-building (parallel
 * mediation) and their percentile bootstrap intervals. Random draws cannot be matched across languages, so:
 *  (a) point estimates a₁, a₂, b₁, b₂, c′, c and the indirect effects against statsmodels OLS fits;
 *  (b) the percentile intervals from 200 given resamples (index sets drawn by numpy.random.default_rng(20260101),
 *      injected here), each resample refitted with statsmodels, percentiles by numpy.percentile(method="linear");
 *  (c) determinism with a seed, chunking and progress.
 * Fixtures: tests/fixtures/stats/expected.json section "mediation", written by tests/fixtures/stats/make_fixtures.py
 * from the "before" wave of tests/fixtures/stats/input-cohort.json and from input-vectors.json. Regenerate with
 * `/usr/bin/python3 tests/fixtures/stats/make_fixtures.py`.
 */
import { describe, expect, it, vi } from 'vitest';
import { scoreColumns } from '../../src/lib/stats/columns.ts';
import { fitMediation, type MediationEffects, type MediationInput } from '../../src/lib/stats/mediation.ts';
import { bootstrapMediation, bootstrapMediationSync, mediationBootstrapSteps, percentileInterval } from '../../src/lib/stats/mediation-bootstrap.ts';
import { coefficientOf } from '../../src/lib/stats/regression.ts';
import { answerRows, cohort, column, expectClose, expected, instrument, vectors } from '../fixtures/stats/fixtures.ts';

const reference = expected.mediation;
const beforeRows = cohort.responses.flatMap((response, i) => (response.wave === 'before' ? [answerRows[i]!] : []));
const { parts } = scoreColumns(instrument, beforeRows);
const model: MediationInput = {
  x: parts.awareness!,
  mediators: [parts.environment!, parts.achievement!],
  y: parts.engagement!,
  names: { x: 'awareness', mediators: ['environment', 'achievement'], y: 'engagement' },
};
const small: MediationInput = {
  x: column(vectors.mediation.x),
  mediators: [column(vectors.mediation.m1), column(vectors.mediation.m2)],
  y: column(vectors.mediation.y),
};

function expectEffects(actual: MediationEffects, wanted: MediationEffects, label: string) {
  for (const key of ['a', 'b', 'indirect', 'contrasts'] as const) wanted[key].forEach((value, i) => expectClose(actual[key][i]!, value, 1e-9, `${label} ${key}[${i}]`));
  for (const key of ['totalIndirect', 'direct', 'total'] as const) expectClose(actual[key], wanted[key], 1e-9, `${label} ${key}`);
}

describe('point estimates', () => {
  it('match statsmodels OLS fits for the cohort', () => {
    const fit = fitMediation(model);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.n).toBe(reference.model.n);
    expectEffects(fit.effects, reference.model, 'cohort');
    expect(fit.outcomeModel.coefficients.map((c) => c.name)).toEqual(['(intercept)', 'awareness', 'environment', 'achievement']);
    expect(coefficientOf(fit.mediatorModels[1]!, 'awareness').b).toBe(fit.effects.a[1]);
  });

  it('add up: total effect = direct + total indirect, on the same responses', () => {
    const fit = fitMediation(model);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.effects.total).toBeCloseTo(fit.effects.direct + fit.effects.totalIndirect, 13);
  });

  it('match statsmodels on the small hand-written set, leaving out incomplete rows', () => {
    const fit = fitMediation(small);
    if (!fit.ok) throw new Error(fit.reason);
    expect(fit.n).toBe(18);
    expectEffects(fit.effects, reference.bootstrap.estimates, 'small');
  });

  it('says when the model cannot be fitted', () => {
    expect(fitMediation({ x: [1, 1, 1, 1], mediators: [[1, 2, 3, 4]], y: [2, 3, 4, 5] })).toMatchObject({ ok: false, reason: 'collinear' });
    expect(fitMediation({ x: [1, 2], mediators: [[1, 2]], y: [2, 3] })).toMatchObject({ ok: false, reason: 'too-few-cases' });
  });
});

describe('percentile bootstrap', () => {
  const bootstrap = reference.bootstrap;
  const indices = bootstrap.indices as number[][];
  const injected = (rows: Int32Array, resample: number) => rows.set(indices[resample]!);

  it('gives the intervals numpy gives for the same 200 resamples, each refitted by statsmodels', () => {
    const result = bootstrapMediationSync(small, { resamples: bootstrap.resamples, seed: 0, resample: injected });
    if (!result.ok) throw new Error(result.reason);
    expect(result.failed).toBe(0);
    const check = (label: string, actual: { lower: number; upper: number }, wanted: { lower: number; upper: number }) => {
      expectClose(actual.lower, wanted.lower, 1e-9, `${label} lower`);
      expectClose(actual.upper, wanted.upper, 1e-9, `${label} upper`);
    };
    for (const key of ['a', 'b', 'indirect', 'contrasts'] as const) result[key].forEach((interval, i) => check(`${key}[${i}]`, interval, bootstrap[key][i]));
    for (const key of ['totalIndirect', 'direct', 'total'] as const) check(key, result[key], bootstrap[key]);
    // Each resample's refit, not only the percentiles, agrees.
    (bootstrap.firstDraws as MediationEffects[]).forEach((draw, r) => {
      draw.indirect.forEach((value, i) => expectClose(result.distributions.indirect[i]![r]!, value, 1e-9, `resample ${r} indirect[${i}]`));
      expectClose(result.distributions.totalIndirect[r]!, draw.totalIndirect, 1e-9, `resample ${r} total indirect`);
    });
    expectClose(result.indirect[0]!.estimate, bootstrap.estimates.indirect[0], 1e-9, 'estimate');
    expect(result.indirect[0]!.level).toBe(0.95);
  });

  it('is reproducible: the same seed gives identical resamples, another seed different ones', () => {
    const run = (seed: number) => bootstrapMediationSync(model, { resamples: 120, seed });
    const first = run(42);
    const again = run(42);
    const other = run(43);
    if (!first.ok || !again.ok || !other.ok) throw new Error('fit failed');
    expect(again.distributions.totalIndirect).toEqual(first.distributions.totalIndirect);
    expect(again.indirect).toEqual(first.indirect);
    expect(other.distributions.totalIndirect).not.toEqual(first.distributions.totalIndirect);
  });

  it('gives the same result whatever the chunk size, and reports progress after every chunk', () => {
    const onProgress = vi.fn();
    const chunked = bootstrapMediationSync(model, { resamples: 100, seed: 7, chunkSize: 30, onProgress });
    const whole = bootstrapMediationSync(model, { resamples: 100, seed: 7, chunkSize: 100 });
    expect(onProgress.mock.calls).toEqual([[30, 100], [60, 100], [90, 100], [100, 100]]);
    if (!chunked.ok || !whole.ok) throw new Error('fit failed');
    expect(chunked.distributions.totalIndirect).toEqual(whole.distributions.totalIndirect);
  });

  it('runs asynchronously with the same result, and stops when aborted', async () => {
    const progress: number[] = [];
    const result = await bootstrapMediation(model, { resamples: 100, seed: 7, chunkSize: 25, onProgress: (done) => progress.push(done) });
    const sync = bootstrapMediationSync(model, { resamples: 100, seed: 7 });
    if (!result.ok || !sync.ok) throw new Error('fit failed');
    expect(result.distributions.totalIndirect).toEqual(sync.distributions.totalIndirect);
    expect(progress).toEqual([25, 50, 75, 100]);

    const controller = new AbortController();
    const stopped = bootstrapMediation(model, {
      resamples: 1000,
      seed: 7,
      chunkSize: 10,
      signal: controller.signal,
      onProgress: (done) => {
        if (done === 20) controller.abort(new Error('cancelled by the facilitator'));
      },
    });
    await expect(stopped).rejects.toThrow('cancelled by the facilitator');
  });

  it('can be driven chunk by chunk as a generator', () => {
    const steps = mediationBootstrapSteps(model, { resamples: 10, seed: 1, chunkSize: 4 });
    expect(steps.next().value).toEqual({ done: 4, total: 10 });
    expect(steps.next().value).toEqual({ done: 8, total: 10 });
    expect(steps.next().value).toEqual({ done: 10, total: 10 });
    const last = steps.next();
    expect(last.done).toBe(true);
    expect(last.value).toMatchObject({ ok: true, resamples: 10, seed: 1 });
  });

  it('leaves failed resamples out of the percentiles and counts them', () => {
    // Resample 0 repeats one row (no spread in x): it cannot be fitted.
    const result = bootstrapMediationSync(small, {
      resamples: 3,
      seed: 0,
      resample: (rows, r) => rows.set(r === 0 ? new Array(18).fill(4) : indices[r]!),
    });
    if (!result.ok) throw new Error(result.reason);
    expect(result.failed).toBe(1);
    expect(result.distributions.totalIndirect[0]).toBeNaN();
    expect(Number.isFinite(result.totalIndirect.lower)).toBe(true);
  });

  it('refuses nonsense options', () => {
    expect(() => bootstrapMediationSync(model, { resamples: 0, seed: 1 })).toThrow(/resamples/);
    expect(() => bootstrapMediationSync({ ...model, mediators: [] }, { resamples: 10, seed: 1 })).toThrow(/mediator/);
  });

  it('computes a percentile interval as numpy does, ignoring NaN', () => {
    const interval = percentileInterval(Float64Array.of(5, 1, Number.NaN, 3, 2, 4), 3, 0.5);
    expect(interval).toEqual({ estimate: 3, level: 0.5, lower: 2, upper: 4 });
  });

  it('works with a single mediator and with three', () => {
    const one = bootstrapMediationSync({ x: model.x, mediators: [model.mediators[0]!], y: model.y }, { resamples: 20, seed: 3 });
    const three = bootstrapMediationSync({ x: model.x, mediators: [...model.mediators, parts.support!], y: model.y }, { resamples: 20, seed: 3 });
    if (!one.ok || !three.ok) throw new Error('fit failed');
    expect(one.contrasts).toEqual([]);
    expect(three.indirect).toHaveLength(3);
    expect(three.contrasts).toHaveLength(3);
    const fit = fitMediation({ x: model.x, mediators: [...model.mediators, parts.support!], y: model.y });
    if (!fit.ok) throw new Error(fit.reason);
    fit.effects.indirect.forEach((value, i) => expectClose(three.indirect[i]!.estimate, value, 1e-12, `indirect ${i}`));
  });

  it('refits every resample like a full regression, whatever the number of mediators (general code path)', () => {
    const rows = Int32Array.from({ length: 60 }, (_, i) => (i * 7) % 41);
    const input = { x: model.x, mediators: [...model.mediators, parts.support!], y: model.y };
    const complete = fitMediation(input);
    if (!complete.ok) throw new Error(complete.reason);
    const result = bootstrapMediationSync(input, { resamples: 1, seed: 0, resample: (target) => target.set(Array.from({ length: target.length }, (_, i) => rows[i % rows.length]!)) });
    if (!result.ok) throw new Error(result.reason);
    // The same resample as data: complete rows of the input, picked in the same order.
    const keep = Array.from({ length: model.x.length }, (_, i) => i).filter((i) => [input.x, ...input.mediators, input.y].every((c) => !Number.isNaN(c[i]!)));
    const picked = Array.from({ length: complete.n }, (_, i) => keep[rows[i % rows.length]!]!);
    const resampled = fitMediation({ x: picked.map((i) => input.x[i]!), mediators: input.mediators.map((m) => picked.map((i) => m[i]!)), y: picked.map((i) => input.y[i]!) });
    if (!resampled.ok) throw new Error(resampled.reason);
    resampled.effects.indirect.forEach((value, i) => expectClose(result.distributions.indirect[i]![0]!, value, 1e-10, `indirect ${i}`));
  });
});
