/**
 * Page-weight budgets, product requirements since issue 2 (enforced in CI since issue 16): how much JavaScript and
 * CSS, gzip-compressed, each kind of page may make the browser download. Checked by tests/build/budgets.test.ts
 * against the figures scripts/page-weight.ts measures; every failure names the page, its figure and the budget.
 */
import type { PageWeight } from './page-weight.ts';

export interface Budget {
  /** What the budget covers, as the failure message says it. */
  what: string;
  /** The site paths it applies to, such as "ja/survey/". */
  pages: (page: string) => boolean;
  figure: 'jsGzip' | 'jsWithLazyGzip' | 'cssGzip';
  bytes: number;
}

/** Routes with an interactive island, which have budgets of their own; every other page is a content page. */
const ISLAND_ROUTE = /^(ja|en)\/(exercises\/[a-z-]+|workbook|survey|facilitator\/(sessions|dashboard|report|plan|run|run\/screen))\/$/;
const EXERCISE = /^(ja|en)\/exercises\/[a-z-]+\/$/;
/** Exercises that draw a chart: the chart library loads when it is drawn. */
export const EXERCISES_WITH_CHART = ['history-and-future', 'self-efficacy-log'];

export const isContentPage = (page: string) => !ISLAND_ROUTE.test(page);
export const isExercisePage = (page: string) => EXERCISE.test(page);
export const isChartedExercise = (page: string) => isExercisePage(page) && EXERCISES_WITH_CHART.some((id) => page.includes(`/${id}/`));

export const BUDGETS = {
  content: { what: 'eager JavaScript of a content page', pages: isContentPage, figure: 'jsGzip', bytes: 3 * 1024 },
  exercise: { what: 'JavaScript of an exercise before a chart is drawn', pages: isExercisePage, figure: 'jsGzip', bytes: 40 * 1024 },
  chartedExercise: { what: 'JavaScript of an exercise with a chart, Chart.js included', pages: isChartedExercise, figure: 'jsWithLazyGzip', bytes: 110 * 1024 },
  survey: { what: 'JavaScript of the survey before the report chart loads', pages: (page) => /^(ja|en)\/survey\/$/.test(page), figure: 'jsGzip', bytes: 60 * 1024 },
  dashboard: { what: 'JavaScript of the dashboard, lazy parts included', pages: (page) => /^(ja|en)\/facilitator\/dashboard\/$/.test(page), figure: 'jsWithLazyGzip', bytes: 150 * 1024 },
  report: { what: 'JavaScript of the organisation report, its worker included', pages: (page) => /^(ja|en)\/facilitator\/report\/$/.test(page), figure: 'jsWithLazyGzip', bytes: 80 * 1024 },
  css: { what: 'CSS', pages: () => true, figure: 'cssGzip', bytes: 10 * 1024 },
} as const satisfies Record<string, Budget>;

/** Run mode and its projector window are used together: one budget for both pages' eager JavaScript. */
export const RUN_MODE_BUDGET = 50 * 1024;

const bytes = (n: number) => `${n.toLocaleString('en-GB')} B`;

/** "ja/survey/: 61,234 B gzip > budget 61,440 B (JavaScript of the survey …)" for each page over the budget. */
export function overBudget(weights: readonly PageWeight[], budget: Budget): string[] {
  return weights
    .filter((w) => budget.pages(w.page) && w[budget.figure] > budget.bytes)
    .map((w) => `${w.page}: ${bytes(w[budget.figure])} gzip > budget ${bytes(budget.bytes)} (${budget.what})`);
}

/** The same for run mode and its projector window together, per language. */
export function runModeOverBudget(weights: readonly PageWeight[], lang: string): string[] {
  const run = weights.find((w) => w.page === `${lang}/facilitator/run/`);
  const screen = weights.find((w) => w.page === `${lang}/facilitator/run/screen/`);
  if (!run || !screen) return [`${lang}/facilitator/run/ and run/screen/: not both built`];
  const total = run.jsGzip + screen.jsGzip;
  return total > RUN_MODE_BUDGET
    ? [`${lang}/facilitator/run/ + run/screen/: ${bytes(total)} gzip (${bytes(run.jsGzip)} + ${bytes(screen.jsGzip)}) > budget ${bytes(RUN_MODE_BUDGET)} (JavaScript of run mode and its projector window together)`]
    : [];
}
