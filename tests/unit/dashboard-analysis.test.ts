/**
 * The dashboard's analysis (src/lib/dashboard/analysis.ts): privacy (small groups, complementary suppression,
 * across waves, per measure, comments), totals, pairing, readings, JSON safety, the wave filter, and that every
 * number is the statistics library's own (src/lib/stats/, tested against scipy and statsmodels).
 * Hand-made datasets for the privacy rules, so each expectation can be checked by counting; the synthetic cohort
 * (src/lib/stats/synthetic.ts) for the numbers.
 */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { analyseDataset, dBand, modelColumns, rBand, type DatasetAnalysis, type GroupCounts, type Section } from '../../src/lib/dashboard/analysis.ts';
import { hiddenAcrossCells } from '../../src/lib/dashboard/analysis/privacy.ts';
import type { StoredResponse } from '../../src/lib/dashboard/dataset.ts';
import { pick, scoreColumns } from '../../src/lib/stats/columns.ts';
import { pairedComparison, welchComparison } from '../../src/lib/stats/compare.ts';
import { correlationMatrix } from '../../src/lib/stats/correlation.ts';
import { histogram, summarize } from '../../src/lib/stats/descriptive.ts';
import { summarizeEvaluation } from '../../src/lib/stats/evaluation.ts';
import { fitMediation } from '../../src/lib/stats/mediation.ts';
import { matchPairs, pairingKey } from '../../src/lib/stats/pairing.ts';
import { ols } from '../../src/lib/stats/regression.ts';
import { cronbachAlpha } from '../../src/lib/stats/reliability.ts';
import { suppressSmallGroups } from '../../src/lib/stats/suppression.ts';
import { generateCohort } from '../../src/lib/stats/synthetic.ts';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';
import { responseMaker } from '../support/stored-responses.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));
const itemIds = instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
const PRIVACY = { minGroupSize: 5, minCommentGroupSize: 10 };
const stageIndex = (id: string) => instrument.careerStages.findIndex((stage) => stage.id === id);

/** Responses with varied answers (so SDs and correlations exist); `changes` override any field. */
const { stored, many } = responseMaker(itemIds);

/** A synthetic cohort as a dataset: answers in instrument order, role and stage as indices, some comments. */
function syntheticDataset(people: number, seed: number, options: { awarenessGain?: number } = {}): StoredResponse[] {
  const cohort = generateCohort(instrument, { people, seed, cohorts: ['2026-A', '2026-B'], ...options });
  return cohort.responses.map((response, i) =>
    stored({
      wave: response.wave,
      role: instrument.roles.findIndex((role) => role.id === response.role),
      stage: stageIndex(response.stage),
      cohort: response.cohort,
      anonymousCode: response.anonymousCode,
      answers: itemIds.map((id) => response.answers[id] ?? null),
      evaluation: response.evaluation,
      comment: response.evaluation && i % 4 === 0 ? `感想 ${i % 13}` : null,
    }),
  );
}

function shown<T>(section: Section<T>): T {
  if (section.hidden) throw new Error(`section hidden: ${section.reason}`);
  return section;
}
const byId = <T extends { id: string | null }>(list: readonly T[]) => Object.fromEntries(list.map((entry) => [String(entry.id), entry]));
const measureIndex = (analysis: DatasetAnalysis, kind: string, id: string) => analysis.measures.findIndex((m) => m.kind === kind && m.id === id);

/** Shown counts plus the hidden block make the total; the hidden block is 0 or at least the minimum. */
function expectConsistentTotals(counts: GroupCounts, minimum: number) {
  const shownSum = counts.groups.reduce((sum, group) => sum + (group.count ?? 0), 0);
  expect(shownSum + counts.hiddenResponses).toBe(counts.total);
  expect(counts.hiddenGroups).toBe(counts.groups.filter((group) => group.hidden).length);
  expect(counts.hiddenResponses === 0 || counts.hiddenResponses >= minimum).toBe(true);
}

describe('participation and small-group suppression', () => {
  const responses = [
    ...many(12, { stage: stageIndex('first-years') }),
    ...many(10, { stage: stageIndex('early-career') }),
    ...many(3, { stage: stageIndex('mid-career') }),
    ...many(5, { stage: stageIndex('other'), role: 1 }),
  ];
  const analysis = analyseDataset({ responses }, instrument, PRIVACY);

  it('hides a stage of 3, complementarily the next-smallest, and one more that the role table would give away', () => {
    const byStage = shown(analysis.participation.byStage);
    // Within the stage table, hiding mid-career and "other" would do (suppressSmallGroups). But the managers are
    // exactly the "other" stage, so the role table shows their 5, and mid-career = member − first-years −
    // early-career: the audit of both tables together hides early-career as well.
    expect(byStage.groups).toEqual([
      { id: 'first-years', count: 12, hidden: false, reason: null },
      { id: 'early-career', count: null, hidden: true, reason: 'complementary' },
      { id: 'mid-career', count: null, hidden: true, reason: 'below-minimum' },
      { id: 'veteran', count: 0, hidden: false, reason: null },
      { id: 'late-career', count: 0, hidden: false, reason: null },
      { id: 'other', count: null, hidden: true, reason: 'complementary' },
    ]);
    expect(byStage).toMatchObject({ total: 30, hiddenGroups: 3, hiddenResponses: 18 });
    expectConsistentTotals(byStage, 5);
    // The one-breakdown rule of the statistics library is the starting point; the audit only ever adds to it.
    const library = suppressSmallGroups([{ id: 'first-years', count: 12 }, { id: 'early-career', count: 10 }, { id: 'mid-career', count: 3 }, { id: 'veteran', count: 0 }, { id: 'late-career', count: 0 }, { id: 'other', count: 5 }]);
    library.groups.forEach((group, g) => expect(byStage.groups[g]!.hidden || !group.hidden).toBe(true));
  });

  it('shows an empty group as 0 and counts waves whatever the filter', () => {
    expect(shown(analysis.participation.byRole).groups).toEqual([
      { id: 'member', count: 25, hidden: false, reason: null },
      { id: 'manager', count: 5, hidden: false, reason: null },
    ]);
    expect(analysis.participation.byWave).toEqual({
      total: 30,
      waves: [
        { id: 'before', count: 30, hidden: false, reason: null, inView: true },
        { id: 'after', count: 0, hidden: false, reason: null, inView: false },
        { id: 'follow-up', count: 0, hidden: false, reason: null, inView: false },
      ],
    });
    expect(analysis.participation.reading).toEqual({ kind: 'participation', responses: 30, waves: ['before'], hiddenGroups: 3 });
  });

  it('gives hidden groups no statistics in the breakdowns and the radar', () => {
    const breakdowns = shown(analysis.breakdowns);
    const stages = byId(breakdowns.byStage.groups);
    expect(stages['mid-career']!.statistics).toBeNull();
    expect(stages.other!.statistics).toBeNull();
    expect(stages['first-years']!.statistics).toHaveLength(analysis.measures.length);
    const profiles = shown(analysis.groupProfiles);
    expect(byId(profiles.byStage)['mid-career']).toMatchObject({ hidden: true, count: null, means: null });
    expect(profiles.byStage.map((group) => group.hidden)).toEqual(breakdowns.byStage.groups.map((group) => group.hidden));
    const reading = breakdowns.byStage.reading;
    if (reading.kind === 'largest-gap') expect(['first-years', 'early-career']).toContain(reading.high.group);
  });

  it('hides a group in every wave view when it is small in any wave, with its complement', () => {
    // Before: first years 12, early career 10, mid-career 8. After: 10, 9, 3. Were mid-career shown in the "before" view,
    // "all" (21) minus "before" (8) would give the 3 after-wave mid-career people, and with the means, their mean.
    const mixed = [
      ...many(12, { stage: stageIndex('first-years') }),
      ...many(10, { stage: stageIndex('early-career') }),
      ...many(8, { stage: stageIndex('mid-career') }),
      ...many(10, { wave: 'after', stage: stageIndex('first-years') }),
      ...many(9, { wave: 'after', stage: stageIndex('early-career') }),
      ...many(3, { wave: 'after', stage: stageIndex('mid-career') }),
    ];
    const views = (['all', 'before', 'after'] as const).map((wave) => analyseDataset({ responses: mixed }, instrument, PRIVACY, { wave }));
    for (const view of views) {
      const stages = byId(shown(view.participation.byStage).groups);
      expect(stages['mid-career']!.hidden).toBe(true);
      expect(stages['early-career']!.hidden).toBe(true); // complementary in the after wave: 3 + 9
      expect(stages['first-years']!.hidden).toBe(false);
      expectConsistentTotals(shown(view.participation.byStage), 5);
    }
    expect(byId(shown(views[1]!.participation.byStage).groups)['mid-career']!.reason).toBe('complementary');
    expect(byId(shown(views[2]!.participation.byStage).groups)['mid-career']!.reason).toBe('below-minimum');
    // Differences of views reveal only blocks of at least the minimum.
    const hiddenOf = (view: DatasetAnalysis) => shown(view.participation.byStage).hiddenResponses;
    expect(hiddenOf(views[0]!) - hiddenOf(views[1]!)).toBe(12);
  });

  it('leaves out a wave with fewer responses than the minimum, everywhere', () => {
    const withFollowUp = [...responses, ...many(3, { wave: 'follow-up' })];
    const all = analyseDataset({ responses: withFollowUp }, instrument, PRIVACY);
    expect(all.view).toEqual({ wave: 'all', waves: ['before'], excludedWaves: ['follow-up'], responses: 30 });
    expect(all.participation.byWave.waves[2]).toEqual({ id: 'follow-up', count: null, hidden: true, reason: 'below-minimum', inView: false });
    expect(all.participation.byWave.total).toBe(30);
    expect(shown(all.constructs).n).toBe(30);
    const followUp = analyseDataset({ responses: withFollowUp }, instrument, PRIVACY, { wave: 'follow-up' });
    for (const key of ['constructs', 'breakdowns', 'groupProfiles', 'reliability', 'correlations', 'model', 'evaluation'] as const) {
      expect(followUp[key]).toEqual({ hidden: true, reason: 'wave-excluded', minimum: 5 });
    }
    expect(followUp.participation.byStage).toEqual({ hidden: true, reason: 'wave-excluded', minimum: 5 });
  });

  it('hides every section of a dataset smaller than the minimum, saying why', () => {
    const tiny = analyseDataset({ responses: many(4, {}) }, instrument, PRIVACY);
    expect(tiny.constructs).toEqual({ hidden: true, reason: 'below-minimum', minimum: 5 });
    expect(tiny.model).toEqual({ hidden: true, reason: 'below-minimum', minimum: 5 });
    expect(tiny.participation.byWave.waves[0]).toMatchObject({ count: null, hidden: true });
    const empty = analyseDataset({ responses: [] }, instrument, PRIVACY);
    expect(empty.constructs).toEqual({ hidden: true, reason: 'no-data', minimum: 5 });
    expect(empty.beforeAfter).toEqual({ hidden: true, reason: 'needs-both-waves', minimum: 5 });
  });

  it('withholds a measure where a group has too few scores, with a complement, and counts the cells', () => {
    const skipAwareness = (i: number): Partial<StoredResponse> => {
      const base = stored();
      return { stage: stageIndex('early-career'), answers: i < 4 ? base.answers.map((answer, j) => (j < 3 ? null : answer)) : base.answers };
    };
    const data = [...many(12, { stage: stageIndex('first-years') }), ...many(6, skipAwareness), ...many(9, { stage: stageIndex('mid-career') })];
    const analysis = analyseDataset({ responses: data }, instrument, PRIVACY);
    const breakdown = shown(analysis.breakdowns).byStage;
    const awareness = measureIndex(analysis, 'part', 'awareness');
    const vigour = measureIndex(analysis, 'scale', 'vigour');
    const stages = byId(breakdown.groups);
    expect(stages['early-career']).toMatchObject({ hidden: false, count: 6 });
    expect(stages['early-career']!.statistics![awareness]).toBeNull(); // 2 scores
    expect(stages['mid-career']!.statistics![awareness]).toBeNull(); // complementary: 2 + 9
    expect(stages['first-years']!.statistics![awareness]!.n).toBe(12);
    expect(stages['early-career']!.statistics![vigour]!.n).toBe(6);
    // awareness part, its careerAwareness scale: two cells each.
    expect(breakdown.withheldCells).toBe(4);
  });
});

describe('comments', () => {
  const evaluated = (count: number, wave: StoredResponse['wave'] = 'after') =>
    many(count, (i) => ({ wave, evaluation: { satisfaction: 4, applicability: 3 + (i % 3), recommend: 6 + (i % 5) }, comment: `コメント ${String.fromCharCode(90 - i)}` }));

  it('are hidden below the comment minimum, with the reason, while the ratings show', () => {
    const analysis = analyseDataset({ responses: evaluated(9) }, instrument, PRIVACY);
    const evaluation = shown(analysis.evaluation);
    expect(evaluation.comments).toEqual({ hidden: true, reason: 'below-comment-minimum', minimum: 10 });
    expect(evaluation.n).toBe(9);
    expect(evaluation.satisfaction?.mean).toBe(4);
  });

  it('are shown from the minimum, as bare texts in code-point order', () => {
    const responses = evaluated(10);
    const evaluation = shown(analyseDataset({ responses }, instrument, PRIVACY).evaluation);
    const comments = shown(evaluation.comments);
    expect(Object.keys(comments).sort()).toEqual(['count', 'hidden', 'texts']);
    expect(comments.texts).toEqual(responses.map((response) => response.comment!).sort());
    expect(comments.texts[0]).toBe('コメント Q');
    // The order does not follow the responses: the same texts in any order give the same list.
    const shuffled = shown(shown(analyseDataset({ responses: [...responses].reverse() }, instrument, PRIVACY).evaluation).comments);
    expect(shuffled.texts).toEqual(comments.texts);
  });

  it('are hidden from a view when one of its waves has too few, so views cannot be subtracted', () => {
    const responses = [...evaluated(12, 'before'), ...evaluated(6, 'after')];
    expect(shown(analyseDataset({ responses }, instrument, PRIVACY).evaluation).comments).toEqual({ hidden: true, reason: 'wave-below-minimum', minimum: 10 });
    expect(shown(shown(analyseDataset({ responses }, instrument, PRIVACY, { wave: 'before' }).evaluation).comments).count).toBe(12);
    expect(shown(analyseDataset({ responses }, instrument, PRIVACY, { wave: 'after' }).evaluation).comments.hidden).toBe(true);
  });

  it('follow the configured minimum', () => {
    const evaluation = shown(analyseDataset({ responses: evaluated(9) }, instrument, { minGroupSize: 5, minCommentGroupSize: 8 }).evaluation);
    expect(shown(evaluation.comments).count).toBe(9);
  });
});

describe('before and after', () => {
  it('matches anonymous codes within cohorts, case-insensitively, and counts every response once', () => {
    const responses = [
      ...many(8, (i) => ({ cohort: 'A', anonymousCode: `p${i}` })),
      ...many(8, (i) => ({ wave: 'after', cohort: 'A', anonymousCode: `P${i}` })),
      stored({ cohort: 'B', anonymousCode: 'p0' }), // another cohort's p0: no partner
      stored({ anonymousCode: null }),
      stored({ wave: 'after', anonymousCode: 'x1' }),
      stored({ wave: 'after', anonymousCode: 'x1' }), // duplicated in its wave
      ...many(3, { wave: 'after' }),
    ];
    const section = shown(analyseDataset({ responses }, instrument, PRIVACY).beforeAfter);
    expect(section.matching).toEqual({
      pairs: 8,
      withoutCode: { before: 1, after: 3 },
      unmatched: { before: 1, after: 0 },
      duplicated: { before: 0, after: 2 },
    });
    // Remainders of 2 before and 5 after: the matched people's before mean would give 2 people's mean by subtraction.
    const awareness = shown(section.paired).results[0]!;
    expect(awareness).toMatchObject({ kind: 'part', id: 'awareness', n: 8, meanBefore: null, meanAfter: null });
    expect(awareness.meanChange).not.toBeNull();
  });

  it('hides the paired comparison below the minimum of pairs but keeps the unmatched one', () => {
    const responses = [...many(10, (i) => ({ anonymousCode: i < 4 ? `c${i}` : null })), ...many(10, (i) => ({ wave: 'after', anonymousCode: i < 4 ? `c${i}` : null }))];
    const section = shown(analyseDataset({ responses }, instrument, PRIVACY).beforeAfter);
    expect(section.matching.pairs).toBe(4);
    expect(section.paired).toEqual({ hidden: true, reason: 'below-minimum', minimum: 5 });
    expect(section.unmatched.results[0]).toMatchObject({ before: { n: 10 }, after: { n: 10 } });
    expect(section.reading.basis).toBe('unmatched');
    expect(section.reading.changes[0]!.effect.name).toBe('g');
  });
});

describe('the numbers are the statistics library’s', () => {
  const responses = syntheticDataset(300, 11, { awarenessGain: 0.8 });
  const analysis = analyseDataset({ responses }, instrument, PRIVACY);
  const scored = scoreColumns(instrument, responses.map((response) => response.answers));
  const columnOf = (kind: string, id: string) => (kind === 'part' ? scored.parts[id as 'awareness'] : kind === 'scale' ? scored.scales[id] : scored.constructs[id])!;

  it('lists parts, then scales; workEngagement is the engagement part, so not repeated', () => {
    expect(analysis.measures.slice(0, 7).map((m) => m.id)).toEqual(['awareness', 'environment', 'achievement', 'efficacy', 'support', 'engagement', 'careerAwareness']);
    expect(analysis.measures.filter((m) => m.kind === 'construct')).toEqual([]);
    // Six parts of the model and thirteen scales: the manager-only practice is a scale, not a part of the model.
    expect(analysis.measures).toHaveLength(19);
    expect(analysis.measures.at(-1)).toEqual({ kind: 'scale', id: 'careerSupportPractice', part: 'practice' });
  });

  it('scores the manager-only scale on the managers who answered it, and keeps it out of the model', () => {
    const section = shown(analysis.constructs);
    const managers = responses.filter((response) => response.role === 1).length;
    const practice = section.measures.find((m) => m.kind === 'scale' && m.id === 'careerSupportPractice')!;
    expect(managers).toBeGreaterThan(PRIVACY.minGroupSize);
    expect(practice.summary!.n).toBeLessThanOrEqual(managers);
    expect(practice.summary!.n).toBeGreaterThan(managers * 0.8);
    expect(practice.summary!.missing).toBe(responses.length - practice.summary!.n);
    const reliability = shown(analysis.reliability).scales.find((scale) => scale.id === 'careerSupportPractice')!;
    expect(reliability.withheld).toBe(false);
    if (!reliability.withheld) expect(reliability.n).toBeLessThanOrEqual(managers);
    const model = shown(analysis.model);
    expect(model.regression.coefficients.map((c) => c.name)).not.toContain('practice');
  });

  it('constructs: summarize and half-point histograms', () => {
    const section = shown(analysis.constructs);
    expect(section.n).toBe(responses.length);
    for (const measure of section.measures) {
      const values = columnOf(measure.kind, measure.id);
      const s = summarize(values);
      expect(measure.summary).toMatchObject({ n: s.n, missing: s.missing, mean: s.mean, sd: s.sd, median: s.median, ci: { lower: s.ci.lower, upper: s.ci.upper } });
      const h = histogram(values, { min: 1, max: 5, bins: 8 });
      expect(measure.histogram).toEqual({ edges: h.edges, counts: h.counts, missing: h.missing });
    }
    const scales = section.measures.filter((m) => m.kind === 'scale').map((m) => ({ id: m.id, mean: m.summary!.mean! }));
    const highest = scales.reduce((a, b) => (b.mean > a.mean ? b : a));
    expect(section.reading).toMatchObject({ kind: 'highest-lowest', highest });
  });

  it('breakdowns: each group’s mean and interval as summarize gives them', () => {
    const section = shown(analysis.breakdowns);
    for (const [stage, group] of section.byStage.groups.entries()) {
      const rows = Int32Array.from(responses.flatMap((response, i) => (response.stage === stage ? [i] : [])));
      expect(group.count).toBe(rows.length);
      section.measures.forEach((measure, m) => {
        const s = summarize(pick(columnOf(measure.kind, measure.id), rows));
        const statistic = group.statistics![m]!;
        expect(statistic.n).toBe(s.n);
        expect(statistic.mean!).toBeCloseTo(s.mean, 12);
        expect(statistic.sd!).toBeCloseTo(s.sd, 12);
        expect(statistic.ci.lower!).toBeCloseTo(s.ci.lower, 12);
      });
    }
    const profiles = shown(analysis.groupProfiles);
    expect(profiles.overall[0]).toBe(summarize(scored.parts.awareness!).mean);
    expect(profiles.byRole[1]!.means![5]).toBe(section.byRole.groups[1]!.statistics![5]!.mean);
  });

  it('reliability, correlations, regression, mediation and evaluation', () => {
    const reliability = shown(analysis.reliability);
    for (const [s, scale] of instrument.scales.entries()) {
      const ids = scale.items.map((item) => item.id);
      const reference = cronbachAlpha(ids.map((id) => scored.items[id]!), ids);
      const entry = reliability.scales[s]!;
      if (entry.withheld) throw new Error('withheld');
      expect(entry).toMatchObject({ id: scale.id, n: reference.n, alpha: reference.alpha });
      expect(entry.items.map((item) => item.alphaIfDeleted)).toEqual(reference.items.map((item) => item.alphaIfDeleted));
    }
    const correlations = shown(analysis.correlations);
    const matrix = correlationMatrix(Object.fromEntries(correlations.variables.map((v, i) => [String(i), columnOf(v.kind, v.id)])));
    expect(correlations.r).toEqual(matrix.r);
    expect(correlations.n).toEqual(matrix.n);
    expect(correlations.pooledWaves).toBe(true);

    const model = shown(analysis.model);
    const parts = scored.parts as Record<string, Float64Array>;
    const fit = ols(parts.engagement!, { awareness: parts.awareness!, environment: parts.environment!, achievement: parts.achievement! });
    if (!fit.ok) throw new Error('fit');
    expect(model.n).toBe(fit.n);
    expect(model.regression.r2).toBe(fit.r2);
    expect(model.regression.coefficients.map((c) => [c.name, c.b, c.beta])).toEqual(fit.coefficients.map((c) => [c.name, c.b, Number.isNaN(c.beta) ? null : c.beta]));
    const mediation = fitMediation({ x: parts.awareness!, mediators: [parts.environment!, parts.achievement!], y: parts.engagement! });
    if (!mediation.ok) throw new Error('mediation');
    expect(model.mediation).toMatchObject({ a: mediation.effects.a, b: mediation.effects.b, indirect: mediation.effects.indirect, totalIndirect: mediation.effects.totalIndirect, direct: mediation.effects.direct });
    expect(['environment', 'achievement']).toContain(model.reading.strongest!.name);

    const evaluation = shown(analysis.evaluation);
    const column = (key: 'satisfaction' | 'applicability' | 'recommend') => Float64Array.from(responses, (r) => r.evaluation?.[key] ?? Number.NaN);
    const reference = summarizeEvaluation({ satisfaction: column('satisfaction'), applicability: column('applicability'), recommend: column('recommend') });
    expect(evaluation.satisfaction).toMatchObject({ n: reference.satisfaction.n, mean: reference.satisfaction.mean });
    expect(evaluation.nps).toMatchObject({ promoters: reference.recommend.promoters, detractors: reference.recommend.detractors, score: reference.recommend.score });
    expect(evaluation.reading.npsSign).toBe(reference.recommend.score > 0 ? 'positive' : reference.recommend.score < 0 ? 'negative' : 'zero');
    expect(shown(evaluation.comments).count).toBe(responses.filter((r) => r.comment).length);
  });

  it('before and after: matchPairs, pairedComparison and welchComparison on the same rows', () => {
    const section = shown(analysis.beforeAfter);
    const before = responses.flatMap((r, i) => (r.wave === 'before' ? [i] : []));
    const after = responses.flatMap((r, i) => (r.wave === 'after' ? [i] : []));
    const keys = (rows: number[]) => rows.map((i) => pairingKey(responses[i]!.cohort, responses[i]!.anonymousCode));
    const match = matchPairs(keys(before), keys(after));
    expect(section.matching.pairs).toBe(match.beforeRows.length);
    const pairedBefore = Array.from(match.beforeRows, (i) => before[i]!);
    const pairedAfter = Array.from(match.afterRows, (i) => after[i]!);
    const awareness = scored.parts.awareness!;
    const paired = pairedComparison(pick(awareness, pairedBefore), pick(awareness, pairedAfter));
    expect(shown(section.paired).results[0]).toMatchObject({ n: paired.n, meanChange: paired.meanChange, t: paired.t, p: paired.p, dz: { value: paired.dz.value, formula: paired.dz.formula }, dav: { value: paired.dav.value } });
    const welch = welchComparison(pick(awareness, before), pick(awareness, after));
    expect(section.unmatched.results[0]).toMatchObject({ difference: welch.difference, t: welch.t, g: { value: welch.g.value } });
    const reading = section.reading.changes.find((change) => change.measure.id === 'awareness')!;
    expect(reading).toMatchObject({ direction: 'increase', effect: { name: 'd_z', value: paired.dz.value, band: dBand(paired.dz.value) } });
    expect(Math.abs(section.reading.changes[0]!.effect.value)).toBeGreaterThanOrEqual(Math.abs(section.reading.changes.at(-1)!.effect.value));
  });

  it('modelColumns gives the worker the model section’s responses', () => {
    const columns = modelColumns({ responses }, instrument, PRIVACY)!;
    expect(columns.x.length).toBe(shown(analysis.model).n);
    expect(columns.names).toEqual({ x: 'awareness', mediators: ['environment', 'achievement'], y: 'engagement' });
    expect(modelColumns({ responses: responses.slice(0, 4) }, instrument, PRIVACY)).toBeNull();
  });
});

describe('the wave filter', () => {
  const responses = syntheticDataset(120, 5);
  const before = analyseDataset({ responses }, instrument, PRIVACY, { wave: 'before' });
  const beforeRows = responses.filter((r) => r.wave === 'before');

  it('restricts every section but the wave counts and the before-and-after comparison', () => {
    expect(before.view).toMatchObject({ wave: 'before', waves: ['before'], responses: beforeRows.length });
    expect(shown(before.participation.byCohort).total).toBe(beforeRows.length);
    const scored = scoreColumns(instrument, beforeRows.map((r) => r.answers));
    expect(shown(before.constructs).measures[0]!.summary!.mean).toBe(summarize(scored.parts.awareness!).mean);
    expect(shown(before.model).pooledWaves).toBe(false);
    expect(before.evaluation).toEqual({ hidden: true, reason: 'no-data', minimum: 5 });
    const all = analyseDataset({ responses }, instrument, PRIVACY);
    expect(before.beforeAfter).toEqual(all.beforeAfter);
    const counts = (analysis: DatasetAnalysis) => analysis.participation.byWave.waves.map(({ id, count }) => [id, count]);
    expect(counts(before)).toEqual(counts(all));
    expect(before.participation.byWave.waves.map((wave) => wave.inView)).toEqual([true, false, false]);
  });

  it('refuses an unknown wave and impossible privacy settings', () => {
    expect(() => analyseDataset({ responses }, instrument, PRIVACY, { wave: 'later' as 'after' })).toThrow(RangeError);
    expect(() => analyseDataset({ responses }, instrument, { minGroupSize: 0, minCommentGroupSize: 10 })).toThrow(RangeError);
    expect(() => analyseDataset({ responses }, instrument, { minGroupSize: 5, minCommentGroupSize: 3 })).toThrow(RangeError);
  });
});

describe('JSON safety', () => {
  const hasBadNumber = (value: unknown): boolean =>
    typeof value === 'number' ? !Number.isFinite(value) : ArrayBuffer.isView(value) || (typeof value === 'object' && value !== null && Object.values(value).some(hasBadNumber));

  it('survives JSON and structured clone unchanged, with null for what cannot be computed', () => {
    // A constant answer pattern gives SDs of 0 and undefined correlations: nulls, not NaN. Eighty, so that the
    // correlations and the model reach their sample minimums (sample-minimums.ts) and are computed.
    const constant = many(80, { answers: itemIds.map(() => 3) });
    for (const responses of [syntheticDataset(80, 3), constant]) {
      for (const wave of ['all', 'before', 'after'] as const) {
        const analysis = analyseDataset({ responses }, instrument, PRIVACY, { wave });
        expect(hasBadNumber(analysis)).toBe(false);
        expect(JSON.parse(JSON.stringify(analysis))).toEqual(analysis);
        expect(structuredClone(analysis)).toEqual(analysis);
      }
    }
    const flat = analyseDataset({ responses: constant }, instrument, PRIVACY);
    expect(shown(flat.correlations).r[0]![1]).toBeNull();
    expect(flat.model).toEqual({ hidden: true, reason: 'collinear', minimum: 5 });
  });
});

describe('suppression across waves (privacy.ts)', () => {
  const counts = fc.array(fc.nat({ max: 30 }), { minLength: 1, maxLength: 6 });

  it('with one wave, hides exactly what the statistics library hides', () => {
    fc.assert(
      fc.property(counts, fc.integer({ min: 2, max: 10 }), (cell, minimum) => {
        fc.pre(cell.reduce((a, b) => a + b, 0) >= minimum);
        const library = suppressSmallGroups(cell.map((count, g) => ({ id: String(g), count })), minimum);
        const hidden = hiddenAcrossCells([cell], minimum);
        expect([...hidden].sort()).toEqual(library.groups.flatMap((group, g) => (group.hidden ? [g] : [])));
      }),
    );
  });

  it('leaves in every wave, and so in every sum or difference of waves, no hidden block smaller than the minimum', () => {
    fc.assert(
      fc.property(counts, fc.array(fc.nat({ max: 30 }), { minLength: 6, maxLength: 6 }), fc.integer({ min: 2, max: 10 }), (first, extra, minimum) => {
        const second = first.map((_, g) => extra[g]!);
        const cells = [first, second].filter((cell) => cell.reduce((a, b) => a + b, 0) >= minimum);
        const hidden = hiddenAcrossCells(cells, minimum);
        for (const cell of cells) {
          const block = [...hidden].reduce((sum, g) => sum + cell[g]!, 0);
          expect(block === 0 || block >= minimum).toBe(true);
          cell.forEach((count, g) => count > 0 && count < minimum && expect(hidden.has(g)).toBe(true));
        }
      }),
    );
  });
});

describe('effect size bands (Cohen 1988)', () => {
  it('opens small, medium and large at 0.2, 0.5, 0.8 for d and 0.1, 0.3, 0.5 for r', () => {
    expect([0.19, 0.2, -0.49, 0.5, 0.8, -1.2, Number.NaN].map(dBand)).toEqual(['negligible', 'small', 'small', 'medium', 'large', 'large', null]);
    expect([0.09, 0.1, 0.3, -0.5].map(rBand)).toEqual(['negligible', 'small', 'medium', 'large']);
  });
});
