import { describe, expect, it } from 'vitest';
import { BUDGETS, RUN_MODE_BUDGET, overBudget, runModeOverBudget } from '../../scripts/page-budgets.ts';
import type { PageWeight } from '../../scripts/page-weight.ts';

const weight = (page: string, figures: Partial<PageWeight> = {}): PageWeight => ({ page, jsGzip: 0, jsWithLazyGzip: 0, cssGzip: 0, jsFiles: [], jsWithLazyFiles: [], ...figures });

/** A page each budget applies to, and one it does not. */
const examples: Record<keyof typeof BUDGETS, [string, string | undefined]> = {
  content: ['ja/modules/mid-career/', 'ja/survey/'],
  exercise: ['en/exercises/will-can-must/', 'en/exercises/'],
  chartedExercise: ['ja/exercises/history-and-future/', 'ja/exercises/will-can-must/'],
  survey: ['ja/survey/', 'ja/survey/scoring/'],
  dashboard: ['en/facilitator/dashboard/', 'en/facilitator/sessions/'],
  report: ['ja/facilitator/report/', 'ja/facilitator/plan/'],
  css: ['404.html', undefined],
};

describe('page-weight budgets', () => {
  it('are the product requirements', () => {
    expect(Object.fromEntries(Object.entries(BUDGETS).map(([name, budget]) => [name, `${budget.figure} ${budget.bytes / 1024} KB`]))).toEqual({
      content: 'jsGzip 3 KB',
      exercise: 'jsGzip 40 KB',
      chartedExercise: 'jsWithLazyGzip 110 KB',
      survey: 'jsGzip 60 KB',
      dashboard: 'jsWithLazyGzip 150 KB',
      report: 'jsWithLazyGzip 80 KB',
      css: 'cssGzip 10 KB',
    });
    expect(RUN_MODE_BUDGET).toBe(50 * 1024);
  });

  for (const [name, budget] of Object.entries(BUDGETS)) {
    it(`fails the ${name} budget one byte over it, naming the page, the figure and the budget`, () => {
      const [page, otherPage] = examples[name as keyof typeof BUDGETS];
      const at = weight(page, { [budget.figure]: budget.bytes });
      const over = weight(page, { [budget.figure]: budget.bytes + 1 });
      expect(overBudget([at], budget)).toEqual([]);
      const budgetText = budget.bytes.toLocaleString('en-GB');
      const overText = (budget.bytes + 1).toLocaleString('en-GB');
      expect(overBudget([over], budget)).toEqual([`${page}: ${overText} B gzip > budget ${budgetText} B (${budget.what})`]);
      if (otherPage) expect(overBudget([weight(otherPage, { [budget.figure]: budget.bytes + 1 })], budget)).toEqual([]);
    });
  }

  it('writes the figures with thousands separators, as in the issue', () => {
    expect(overBudget([weight('ja/survey/', { jsGzip: 61_480 })], BUDGETS.survey)).toEqual([
      'ja/survey/: 61,480 B gzip > budget 61,440 B (JavaScript of the survey before the report chart loads)',
    ]);
  });

  it('fails run mode and its projector window together one byte over their shared budget', () => {
    const pages = (screen: number) => [weight('ja/facilitator/run/', { jsGzip: 40_000 }), weight('ja/facilitator/run/screen/', { jsGzip: screen })];
    expect(runModeOverBudget(pages(RUN_MODE_BUDGET - 40_000), 'ja')).toEqual([]);
    expect(runModeOverBudget(pages(RUN_MODE_BUDGET - 40_000 + 1), 'ja')).toEqual([
      'ja/facilitator/run/ + run/screen/: 51,201 B gzip (40,000 B + 11,201 B) > budget 51,200 B (JavaScript of run mode and its projector window together)',
    ]);
    expect(runModeOverBudget([], 'en')).toEqual(['en/facilitator/run/ and run/screen/: not both built']);
  });
});
