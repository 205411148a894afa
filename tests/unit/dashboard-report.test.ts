/**
 * The organisation report's figures (src/lib/dashboard/report.ts) are the dashboard's own: the parts' changes come
 * from the paired comparison when enough people are matched, otherwise from the unmatched one, and nothing the
 * dashboard hides (a hidden comparison, a hidden wave) reaches the report.
 */
import { describe, expect, it } from 'vitest';
import { analyseDataset } from '../../src/lib/dashboard/analysis.ts';
import { demoDataset } from '../../src/lib/dashboard/demo.ts';
import { REPORT_VIEWS, reportChanges, reportSummary } from '../../src/lib/dashboard/report.ts';
import { readInstrumentFile } from '../../src/lib/survey/instrument-file.ts';

const instrument = readInstrumentFile(new URL('../../content/survey/instrument.yaml', import.meta.url));
const privacy = { minGroupSize: 5, minCommentGroupSize: 10 };
const dataset = demoDataset(instrument, 'Report test', { people: 150, seed: 7 });

describe('the organisation report', () => {
  it("takes each part's change from the paired comparison when people could be matched", () => {
    const analysis = analyseDataset(dataset, instrument, privacy, REPORT_VIEWS[0]);
    expect(analysis.beforeAfter.hidden).toBe(false);
    if (analysis.beforeAfter.hidden || analysis.beforeAfter.paired.hidden) throw new Error('the demo dataset should pair');
    const changes = reportChanges(analysis.beforeAfter, analysis.measures)!;
    expect(changes.basis).toBe('paired');
    expect(changes.pairs).toBe(analysis.beforeAfter.matching.pairs);
    const parts = analysis.measures.filter((measure) => measure.kind === 'part');
    expect(changes.rows.map((row) => row.measure.id)).toEqual(parts.map((part) => part.id));
    const engagementIndex = analysis.measures.findIndex((measure) => measure.kind === 'part' && measure.id === 'engagement');
    const paired = analysis.beforeAfter.paired.results[engagementIndex]!;
    expect(changes.rows.find((row) => row.measure.id === 'engagement')).toMatchObject({ from: paired.meanBefore, to: paired.meanAfter, change: paired.meanChange, p: paired.p, effect: { name: 'd_z', value: paired.dz.value } });
    const reading = analysis.beforeAfter.reading.changes.find((change) => change.measure.id === 'engagement')!;
    expect(changes.rows.find((row) => row.measure.id === 'engagement')!.direction).toBe(reading.direction);
  });

  it('falls back to the unmatched comparison, with each wave’s count, when nobody gave a code', () => {
    const anonymous = { responses: dataset.responses.map((response) => ({ ...response, anonymousCode: null })) };
    const analysis = analyseDataset(anonymous, instrument, privacy, REPORT_VIEWS[0]);
    if (analysis.beforeAfter.hidden) throw new Error('both waves are large enough');
    const changes = reportChanges(analysis.beforeAfter, analysis.measures)!;
    expect(changes.basis).toBe('unmatched');
    expect(changes.pairs).toBe(0);
    const counts = analysis.participation.byWave.waves;
    expect(changes.counts).toEqual({ from: counts.find((w) => w.id === 'before')!.count, to: counts.find((w) => w.id === 'after')!.count });
    expect(changes.rows.every((row) => row.effect.name === 'g')).toBe(true);
  });

  it('gives nothing for a comparison the dashboard hides, and no count for a hidden wave', () => {
    // The demo has no follow-up; add three follow-up responses, fewer than the minimum of 5.
    const few = dataset.responses.slice(0, 3).map((response, index) => ({ ...response, wave: 'follow-up' as const, responseId: `f0000000000${index}` }));
    const analysis = analyseDataset({ responses: [...dataset.responses, ...few] }, instrument, privacy, REPORT_VIEWS[1]);
    expect(analysis.beforeAfter.hidden).toBe(true);
    expect(reportChanges(analysis.beforeAfter, analysis.measures)).toBeNull();
    const summary = reportSummary(analysis);
    expect(summary.waves.find((wave) => wave.id === 'follow-up')).toEqual({ id: 'follow-up', count: null });
    expect(summary.responses).toBe(dataset.responses.length);
  });
});
