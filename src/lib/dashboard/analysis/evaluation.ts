/**
 * The workshop evaluation (stats/evaluation.ts): satisfaction and applicability (mean, interval, top-two share),
 * the net promoter score, and the free comments.
 *
 * Comments are shown only when the group that could have written them (the view's responses with an evaluation or
 * a comment) has at least privacy.minCommentGroupSize responses, in the view and in each of its waves (privacy.ts,
 * rule 4: otherwise "all" minus "before" would list the few "after" comments). They go out as bare texts sorted by
 * code point: no order that follows the responses, and no link to any other answer of the person who wrote them.
 */
import { summarizeEvaluation } from '../../stats/evaluation.ts';
import type { Summary } from '../../stats/descriptive.ts';
import type { AnalysisContext } from './context.ts';
import { interval, shareAtLeast, stat } from './numbers.ts';
import { completeCountsPerWave, enoughInEveryWave } from './privacy.ts';
import type { EvaluationSection, Section, Stat } from './types.ts';

export function evaluation(context: AnalysisContext): Section<EvaluationSection> {
  const { minGroupSize, minCommentGroupSize } = context.privacy;
  const responses = context.responses;
  const n = responses.length;
  const column = (value: (row: number) => number | null | undefined) => {
    const values = new Float64Array(n).fill(Number.NaN);
    for (const row of context.viewRows) values[row] = value(row) ?? Number.NaN;
    return values;
  };
  const answered = column((row) => (responses[row]!.evaluation || responses[row]!.comment !== null ? 1 : null));
  const group = completeCountsPerWave(context.waveOf, context.viewRows, context.viewWaves, [answered]);
  const groupSize = group.reduce((sum, count) => sum + count, 0);
  if (groupSize === 0) return { hidden: true, reason: 'no-data', minimum: minGroupSize };
  if (groupSize < minGroupSize) return { hidden: true, reason: 'below-minimum', minimum: minGroupSize };
  if (!enoughInEveryWave(group, minGroupSize)) return { hidden: true, reason: 'wave-below-minimum', minimum: minGroupSize };

  const satisfaction = column((row) => responses[row]!.evaluation?.satisfaction);
  const applicability = column((row) => responses[row]!.evaluation?.applicability);
  const recommend = column((row) => responses[row]!.evaluation?.recommend);
  // Enough answers to this question in the view and from each of its waves.
  const enough = (values: Float64Array) => {
    const counts = completeCountsPerWave(context.waveOf, context.viewRows, context.viewWaves, [values]);
    return counts.reduce((sum, count) => sum + count, 0) >= minGroupSize && enoughInEveryWave(counts, minGroupSize);
  };
  const summaries = summarizeEvaluation({ satisfaction, applicability, recommend });
  const topTwo = context.instrument.response.max - 1;
  const rating = (summary: Summary, values: Float64Array) =>
    enough(values) ? { n: summary.n, mean: stat(summary.mean), sd: stat(summary.sd), ci: interval(summary.ci), topTwoShare: shareAtLeast(values, topTwo) } : null;
  const { recommend: promoter } = summaries;
  const nps = enough(recommend)
    ? {
        n: promoter.n,
        promoters: promoter.promoters,
        passives: promoter.passives,
        detractors: promoter.detractors,
        score: stat(promoter.score),
        shares: { promoters: stat(promoter.shares.promoters), passives: stat(promoter.shares.passives), detractors: stat(promoter.shares.detractors) },
      }
    : null;
  const evaluated = context.viewRows.reduce((count, row) => count + (responses[row]!.evaluation ? 1 : 0), 0);
  const satisfactionSummary = rating(summaries.satisfaction, satisfaction);
  const applicabilitySummary = rating(summaries.applicability, applicability);
  const score: Stat = nps?.score ?? null;
  return {
    hidden: false,
    n: evaluated,
    satisfaction: satisfactionSummary,
    applicability: applicabilitySummary,
    nps,
    comments: comments(context, group, groupSize, minCommentGroupSize),
    reading: {
      kind: 'evaluation',
      satisfaction: satisfactionSummary?.mean ?? null,
      applicability: applicabilitySummary?.mean ?? null,
      nps: score,
      npsSign: score === null ? null : score > 0 ? 'positive' : score < 0 ? 'negative' : 'zero',
    },
  };
}

function comments(context: AnalysisContext, group: readonly number[], groupSize: number, minimum: number): EvaluationSection['comments'] {
  if (groupSize < minimum) return { hidden: true, reason: 'below-comment-minimum', minimum };
  if (!enoughInEveryWave(group, minimum)) return { hidden: true, reason: 'wave-below-minimum', minimum };
  const texts: string[] = [];
  for (const row of context.viewRows) {
    const text = context.responses[row]!.comment?.trim();
    if (text) texts.push(text);
  }
  // Default sort: UTF-16 code units, the same order in every browser and locale.
  texts.sort();
  return { hidden: false, count: texts.length, texts };
}
