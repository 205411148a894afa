/**
 * Survey answers as columns: one Float64Array per item, scale or model part, one entry per response, NaN where
 * there is no value. Columns keep the statistics fast on 20,000 responses (no objects per response, tight loops
 * over typed arrays) and move to a Web Worker without copying (list their buffers in postMessage's transfer list).
 *
 * Scores follow the rules of `../survey/scoring.ts` exactly (tests/unit/stats-columns.test.ts compares them):
 * reverse-keyed items are scored (min + max) − answer; a scale's score is the mean of its answered items when at
 * least half of them (rounded up) are answered; a model part or construct made of several scales is the mean of
 * its scales' scores when every one of them has a score.
 */
import type { Instrument } from '../../schemas/survey.ts';

export type ModelPart = Instrument['scales'][number]['part'];

/** What scoring needs of an instrument: the validated `Instrument` fits, and so does a plain snapshot of it. */
export interface ScoringInstrument {
  response: { min: number; max: number };
  scales: readonly { id: string; part: ModelPart; construct?: string | undefined; items: readonly { id: string; reverse: boolean }[] }[];
}

/** Answers in instrument order (a decoded response's `answers`), or by item id (a response file, the synthetic cohort). */
export type AnswerRow = readonly (number | null | undefined)[] | Readonly<Record<string, number | null | undefined>>;

export interface ScoredColumns {
  /** Number of responses: the length of every column. */
  n: number;
  /** Scored item answers (reverse-keyed items already reversed), by item id. */
  items: Record<string, Float64Array>;
  /** Scale scores, by scale id. */
  scales: Record<string, Float64Array>;
  /** Model part scores (awareness, environment, achievement, efficacy, support, engagement), by part. */
  parts: Partial<Record<ModelPart, Float64Array>>;
  /** Scores of constructs made of several scales (workEngagement), by construct id. */
  constructs: Record<string, Float64Array>;
}

/**
 * Scores every response into columns. Each row is either an array in instrument order or a record by item id;
 * an answer that is not a whole number from the response scale's min to max counts as not answered.
 */
export function scoreColumns(instrument: ScoringInstrument, rows: readonly AnswerRow[]): ScoredColumns {
  const { min, max } = instrument.response;
  const n = rows.length;
  const allItems = instrument.scales.flatMap((scale) => scale.items);
  const itemColumns = allItems.map(() => new Float64Array(n));
  // Row by row, deciding the row's shape once: a per-answer check would make every lookup polymorphic (slow).
  for (let i = 0; i < n; i++) {
    const row = rows[i]!;
    if (Array.isArray(row)) {
      const ordered = row as readonly (number | null | undefined)[];
      for (let j = 0; j < allItems.length; j++) itemColumns[j]![i] = answerValue(ordered[j], min, max);
    } else {
      const byId = row as Readonly<Record<string, number | null | undefined>>;
      for (let j = 0; j < allItems.length; j++) itemColumns[j]![i] = answerValue(byId[allItems[j]!.id], min, max);
    }
  }
  const items: Record<string, Float64Array> = {};
  allItems.forEach((item, j) => {
    const column = itemColumns[j]!;
    if (item.reverse) for (let i = 0; i < n; i++) column[i] = min + max - column[i]!;
    items[item.id] = column;
  });
  const scales: Record<string, Float64Array> = {};
  for (const scale of instrument.scales) {
    scales[scale.id] = meanOfColumns(scale.items.map((item) => items[item.id]!), n, Math.ceil(scale.items.length / 2));
  }
  const groups = new Map<string, Float64Array[]>();
  for (const scale of instrument.scales) {
    const score = scales[scale.id]!;
    groups.set(`part:${scale.part}`, [...(groups.get(`part:${scale.part}`) ?? []), score]);
    if (scale.construct) groups.set(`construct:${scale.construct}`, [...(groups.get(`construct:${scale.construct}`) ?? []), score]);
  }
  const parts: Partial<Record<ModelPart, Float64Array>> = {};
  const constructs: Record<string, Float64Array> = {};
  for (const [key, columns] of groups) {
    const [kind, id] = key.split(':') as [string, string];
    const combined = meanOfColumns(columns, n, columns.length);
    if (kind === 'part') parts[id as ModelPart] = combined;
    else constructs[id] = combined;
  }
  return { n, items, scales, parts, constructs };
}

/** A whole number from min to max, or NaN for anything else (not answered). */
function answerValue(answer: unknown, min: number, max: number): number {
  return typeof answer === 'number' && Number.isInteger(answer) && answer >= min && answer <= max ? answer : Number.NaN;
}

/** Row means over the columns that are not NaN, NaN unless at least `required` of them are present. */
function meanOfColumns(columns: readonly Float64Array[], n: number, required: number): Float64Array {
  const result = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = 0;
    let count = 0;
    for (const column of columns) {
      const value = column[i]!;
      if (!Number.isNaN(value)) {
        sum += value;
        count++;
      }
    }
    result[i] = count >= required && count > 0 ? sum / count : Number.NaN;
  }
  return result;
}

/** column[indices[i]] for each i: one wave's values in the order of matched pairs, or a subgroup. */
export function pick(column: ArrayLike<number>, indices: ArrayLike<number>): Float64Array {
  const picked = new Float64Array(indices.length);
  for (let i = 0; i < indices.length; i++) picked[i] = column[indices[i]!]!;
  return picked;
}

/** Indices of the rows where every column has a value (listwise deletion). */
export function completeRows(columns: readonly ArrayLike<number>[]): Int32Array {
  const n = columns[0]?.length ?? 0;
  const rows = new Int32Array(n);
  let count = 0;
  for (let i = 0; i < n; i++) {
    let complete = true;
    for (const column of columns) {
      if (Number.isNaN(column[i]!)) {
        complete = false;
        break;
      }
    }
    if (complete) rows[count++] = i;
  }
  return rows.slice(0, count);
}
