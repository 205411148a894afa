/**
 * Scoring of the career-autonomy survey. The rules, also shown on the site's scoring page:
 * 1. Reverse-keyed items are scored as (min + max) − answer, so a higher score always means more of the construct.
 * 2. A scale's score is the mean of its answered items, given only when at least half of its items
 *    (rounded up) are answered; otherwise the score is missing, never a guess.
 * 3. A construct made of scales (work engagement = vigour, dedication, absorption) and a model part made of
 *    scales (environment-building, achievement-building) is the mean of its scales' scores, given only when
 *    every one of those scales has a score.
 */
/** The parts of an instrument scoring reads, so both the full and the localised instrument can be scored. */
export interface ScoredInstrument {
  response: { min: number; max: number };
  scales: readonly { id: string; part: string; construct?: string | undefined; items: readonly { id: string; reverse: boolean }[] }[];
}

/** Answers by item id; undefined or missing means not answered. */
export type ItemAnswers = Readonly<Record<string, number | undefined>>;

export interface ScaleScore {
  scaleId: string;
  /** Mean on the response scale, or null when too few items were answered. */
  score: number | null;
  answered: number;
  items: number;
}

export function scoreItem(answer: number, reverse: boolean, min: number, max: number): number {
  return reverse ? min + max - answer : answer;
}

function isAnswer(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

export function scoreScales(instrument: ScoredInstrument, answers: ItemAnswers): ScaleScore[] {
  const { min, max } = instrument.response;
  return instrument.scales.map((scale) => {
    const values = scale.items.flatMap((item) => {
      const answer = answers[item.id];
      return isAnswer(answer, min, max) ? [scoreItem(answer, item.reverse, min, max)] : [];
    });
    const enough = values.length >= Math.ceil(scale.items.length / 2);
    return {
      scaleId: scale.id,
      score: enough && values.length > 0 ? values.reduce((a, b) => a + b, 0) / values.length : null,
      answered: values.length,
      items: scale.items.length,
    };
  });
}

/** The mean of several scales' scores, or null unless every one of them has a score (rule 3). */
export function combineScales(scores: readonly ScaleScore[], scaleIds: readonly string[]): number | null {
  const parts = scaleIds.map((id) => scores.find((s) => s.scaleId === id)?.score ?? null);
  if (parts.length === 0 || parts.some((p) => p === null)) return null;
  return (parts as number[]).reduce((a, b) => a + b, 0) / parts.length;
}

/** Scores of the model's parts (awareness, environment-building, …) and of multi-scale constructs. */
export function scoreModel(instrument: Pick<ScoredInstrument, 'scales'>, scores: readonly ScaleScore[]) {
  const groups = new Map<string, string[]>();
  for (const scale of instrument.scales) {
    groups.set(`part:${scale.part}`, [...(groups.get(`part:${scale.part}`) ?? []), scale.id]);
    if (scale.construct) groups.set(`construct:${scale.construct}`, [...(groups.get(`construct:${scale.construct}`) ?? []), scale.id]);
  }
  return Object.fromEntries([...groups].map(([key, ids]) => [key, combineScales(scores, ids)]));
}

/** The person's lowest-scoring scales, for suggestions; ties keep the instrument's order. */
export function lowestScales(scores: readonly ScaleScore[], count: number): ScaleScore[] {
  return scores
    .filter((s) => s.score !== null)
    .map((s, index) => ({ s, index }))
    .sort((a, b) => a.s.score! - b.s.score! || a.index - b.index)
    .slice(0, count)
    .map(({ s }) => s);
}
