/**
 * The synthetic cohort: seeded, well-formed, and drawn from the model it claims, so that the dashboard's analysis
 * recovers the structure (latent awareness → environment- and achievement-building → engagement). The latent scores
 * must give back the path coefficients within sampling error; the observed 1–5 answers, with measurement error,
 * must show the same pattern: clear indirect effects, a small direct one.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { pick, scoreColumns } from '../../src/lib/stats/columns.ts';
import { pairedComparison } from '../../src/lib/stats/compare.ts';
import { matchPairs, pairingKey } from '../../src/lib/stats/pairing.ts';
import { bootstrapMediationSync } from '../../src/lib/stats/mediation-bootstrap.ts';
import { coefficientOf, ols } from '../../src/lib/stats/regression.ts';
import { DEFAULT_PATHS, generateCohort } from '../../src/lib/stats/synthetic.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const instrument = readInstrumentFile(`${root}content/survey/instrument.yaml`);
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));

describe('synthetic cohort', () => {
  it('is the same for the same seed and differs for another', () => {
    const a = generateCohort(instrument, { people: 40, seed: 11 });
    expect(generateCohort(instrument, { people: 40, seed: 11 }).responses).toEqual(a.responses);
    expect(generateCohort(instrument, { people: 40, seed: 12 }).responses).not.toEqual(a.responses);
  });

  it('has the documented shape: everyone before, some after, answers 1–5 or unanswered, unique codes', () => {
    const { responses, latent } = generateCohort(instrument, { people: 300, seed: 5 });
    const before = responses.filter((r) => r.wave === 'before');
    const after = responses.filter((r) => r.wave === 'after');
    expect(before).toHaveLength(300);
    expect(after.length).toBeGreaterThan(200);
    expect(after.length).toBeLessThan(280);
    expect(latent.engagement).toHaveLength(responses.length);
    for (const response of responses) {
      expect(Object.keys(response.answers)).toEqual(itemIds);
      for (const value of Object.values(response.answers)) expect(value === null || [1, 2, 3, 4, 5].includes(value)).toBe(true);
      expect(instrument.roles.map((r) => r.id)).toContain(response.role);
      expect(instrument.careerStages.map((s) => s.id)).toContain(response.stage);
      expect(response.evaluation === null).toBe(response.wave === 'before');
      if (response.anonymousCode !== null) expect(response.anonymousCode).toMatch(/^[A-Z2-9]{6}$/);
    }
    const codes = before.flatMap((r) => (r.anonymousCode ? [r.anonymousCode] : []));
    expect(new Set(codes).size).toBe(codes.length);
    const recommend = after.map((r) => r.evaluation!.recommend).filter((v) => v !== null);
    expect(recommend.every((v) => Number.isInteger(v) && v >= 0 && v <= 10)).toBe(true);
  });

  it('refuses paths that explain more than all of a variable', () => {
    expect(() => generateCohort(instrument, { people: 10, seed: 1, paths: { environmentToEngagement: 0.9, achievementToEngagement: 0.9 } })).toThrow(/engagement explain/);
    expect(() => generateCohort(instrument, { people: 0, seed: 1 })).toThrow(/people/);
  });

  describe('recovering the model from 5,000 people', () => {
    const cohort = generateCohort(instrument, { people: 5000, seed: 2026 });
    const beforeRows = Int32Array.from(cohort.responses.flatMap((r, i) => (r.wave === 'before' ? [i] : [])));
    const afterRows = Int32Array.from(cohort.responses.flatMap((r, i) => (r.wave === 'after' ? [i] : [])));
    const latent = (part: keyof typeof cohort.latent) => pick(cohort.latent[part], beforeRows);
    const scored = scoreColumns(instrument, cohort.responses.map((r) => r.answers));
    const observed = (part: 'awareness' | 'environment' | 'achievement' | 'engagement') => pick(scored.parts[part]!, beforeRows);

    it('gives back every path coefficient from the latent scores, within four standard errors', () => {
      const outcome = ols(latent('engagement'), { awareness: latent('awareness'), environment: latent('environment'), achievement: latent('achievement') });
      const environment = ols(latent('environment'), { awareness: latent('awareness') });
      const achievement = ols(latent('achievement'), { awareness: latent('awareness') });
      if (!outcome.ok || !environment.ok || !achievement.ok) throw new Error('fit failed');
      const within = (fit: typeof outcome, name: string, truth: number) => {
        const { b, se } = coefficientOf(fit, name);
        expect(Math.abs(b - truth), `${name}: ${b} vs ${truth}`).toBeLessThan(4 * se);
      };
      within(outcome, 'awareness', DEFAULT_PATHS.awarenessToEngagement);
      within(outcome, 'environment', DEFAULT_PATHS.environmentToEngagement);
      within(outcome, 'achievement', DEFAULT_PATHS.achievementToEngagement);
      within(environment, 'awareness', DEFAULT_PATHS.awarenessToEnvironment);
      within(achievement, 'awareness', DEFAULT_PATHS.awarenessToAchievement);
    });

    it('shows the same structure in the observed answers: indirect effects clear of zero, the direct effect small', () => {
      const result = bootstrapMediationSync(
        { x: observed('awareness'), mediators: [observed('environment'), observed('achievement')], y: observed('engagement') },
        { resamples: 300, seed: 1 },
      );
      if (!result.ok) throw new Error(result.reason);
      for (const interval of [...result.indirect, result.totalIndirect]) expect(interval.lower).toBeGreaterThan(0);
      // Measurement error in the mediators lets some of the indirect effect show up as direct (0.08 here against a
      // true 0.05), a known bias of observed-score mediation; the direct effect still stays below the indirect one.
      expect(result.direct.estimate).toBeLessThan(result.totalIndirect.estimate);
      // Standardised: the a-paths are attenuated by measurement error but keep their size order of the model.
      const fit = ols(observed('environment'), { awareness: observed('awareness') });
      if (!fit.ok) throw new Error(fit.reason);
      const beta = coefficientOf(fit, 'awareness').beta;
      expect(beta).toBeGreaterThan(0.3);
      expect(beta).toBeLessThan(DEFAULT_PATHS.awarenessToEnvironment);
    });

    it('raises engagement after the workshop through awareness, as the model says', () => {
      const key = (rows: Int32Array) => Array.from(rows, (row) => pairingKey(cohort.responses[row]!.cohort, cohort.responses[row]!.anonymousCode));
      const pairs = matchPairs(key(beforeRows), key(afterRows));
      const change = (part: 'awareness' | 'engagement') => pairedComparison(pick(scored.parts[part]!, pick(beforeRows, pairs.beforeRows)), pick(scored.parts[part]!, pick(afterRows, pairs.afterRows)));
      expect(pairs.beforeRows.length).toBeGreaterThan(3000);
      expect(change('awareness').meanChange).toBeGreaterThan(0);
      expect(change('engagement').p).toBeLessThan(0.001);
      // Latent change in engagement = (c′ + a₁b₁ + a₂b₂) · gain: smaller than the change in awareness.
      expect(change('engagement').dz.value).toBeLessThan(change('awareness').dz.value);
    });
  });
});

describe('scripts/synthetic-cohort.ts', () => {
  it('writes the cohort generateCohort makes, as JSON with one response a line', () => {
    const output = execFileSync(process.execPath, [`${root}scripts/synthetic-cohort.ts`, '--people', '4', '--seed', '3', '--missing', '0.1'], { cwd: root, encoding: 'utf8' });
    const parsed = JSON.parse(output);
    const cohort = generateCohort(instrument, { people: 4, seed: 3, missingShare: 0.1 });
    expect(parsed.instrument).toEqual({ id: instrument.id, version: instrument.version });
    expect(parsed.options.paths).toEqual(DEFAULT_PATHS);
    expect(parsed.responses).toEqual(cohort.responses);
    expect(output.trim().split('\n')).toHaveLength(cohort.responses.length + 2);
  });

  it('says which option is wrong', () => {
    const result = spawnSync(process.execPath, [`${root}scripts/synthetic-cohort.ts`, '--people', 'many'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--people needs a number, not "many"');
  });
});
