/**
 * What a person's answers to an exercise may look like, checked against the exercise's fields.
 * Used when reading from storage and, above all, before an import changes anything.
 */
import type { ExerciseField } from '../../schemas/exercise.ts';
import { fill } from '../i18n/fill.ts';

export type Answers = Record<string, unknown>;

/** Text longer than this in one field is almost certainly not a person's writing. */
const MAX_TEXT = 20_000;
const MAX_ENTRIES = 2_000;

type RainbowField = Extract<ExerciseField, { type: 'rainbow' }>;

/**
 * The sentences that explain a rainbow answer that does not fit, as templates with {{question}}, {{role}},
 * {{band}}, {{roles}} and {{bands}}. A person importing a workbook file reads them in the page's language
 * (`exercise.rainbow.problem.*` in content/i18n); an author whose worked example is wrong reads the English ones.
 */
export interface RainbowProblemWords {
  shape: string;
  role: string;
  band: string;
  weight: string;
}

export const ENGLISH_RAINBOW_PROBLEMS: RainbowProblemWords = {
  shape: '"{{question}}" should hold, for each role, a weight from 0 to 3 for each age band',
  role: '"{{question}}" has a role "{{role}}" that this exercise does not have (its roles: {{roles}})',
  band: '"{{question}}", {{role}}: "{{band}}" is not one of the exercise’s age bands ({{bands}})',
  weight: '"{{question}}", {{role}}, {{band}}: the weight should be a whole number from 0 to 3',
};

/** The highest weight of a rainbow cell; 0 means the person is not in that role in that age band. */
export const RAINBOW_MAX_WEIGHT = 3;

/** Problems with one rainbow answer (`{ [roleId]: { [bandId]: 0-3 } }`), naming the question by its label. */
export function checkRainbow(field: RainbowField, value: unknown, words: RainbowProblemWords = ENGLISH_RAINBOW_PROBLEMS): string[] {
  const question = field.label;
  const isTable = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
  if (!isTable(value)) return [fill(words.shape, { question })];
  const problems: string[] = [];
  for (const [roleId, cells] of Object.entries(value)) {
    const role = field.roles.find((r) => r.id === roleId);
    if (!role) {
      problems.push(fill(words.role, { question, role: roleId, roles: field.roles.map((r) => r.id).join(', ') }));
      continue;
    }
    if (!isTable(cells)) {
      problems.push(fill(words.shape, { question }));
      continue;
    }
    for (const [bandId, weight] of Object.entries(cells)) {
      const band = field.bands.find((b) => b.id === bandId);
      if (!band) problems.push(fill(words.band, { question, role: role.label, band: bandId, bands: field.bands.map((b) => b.id).join(', ') }));
      else if (!Number.isInteger(weight) || (weight as number) < 0 || (weight as number) > RAINBOW_MAX_WEIGHT) problems.push(fill(words.weight, { question, role: role.label, band: band.label }));
    }
  }
  return problems;
}

/**
 * The sentences that explain any other answer that does not fit, as templates: {{question}} is the question's label
 * (what the person saw on the page); {{field}}, its id, is for authors' build errors only. English here; the page passes its own language
 * (`workbookImport.answer.*` in content/i18n).
 */
export interface AnswerProblemWords extends RainbowProblemWords {
  notFields: string;
  unknown: string;
  text: string;
  tooLong: string;
  date: string;
  year: string;
  scale: string;
  select: string;
  multiselect: string;
  list: string;
  item: string;
  cards: string;
}

export const ENGLISH_ANSWER_PROBLEMS: AnswerProblemWords = {
  ...ENGLISH_RAINBOW_PROBLEMS,
  notFields: 'the answers should be a set of named fields',
  unknown: '"{{question}}" is not a question of this exercise',
  text: '"{{question}}" should be text',
  tooLong: '"{{question}}" is longer than {{max}} characters',
  date: '"{{question}}" should be a date written YYYY-MM-DD',
  year: '"{{question}}" should be a year from {{min}} to {{max}}',
  scale: '"{{question}}" should be a whole number from {{min}} to {{max}}',
  select: '"{{question}}" should be one of: {{choices}}',
  multiselect: '"{{question}}" should be a list of different choices from: {{choices}}',
  list: '"{{question}}" should be a list of at most {{max}} items',
  item: 'item {{index}} of "{{question}}": {{problem}}',
  cards: '"{{question}}" should sort only this exercise’s cards into its piles and rank at most {{max}} of them',
};

const MIN_YEAR = 1900;
const MAX_YEAR = 2200;
const isTable = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A real calendar day written YYYY-MM-DD (years 1000 to 9999): "2026-02-30" is not one. */
export function isCalendarDay(value: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1000 && date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

function checkSimple(field: Exclude<ExerciseField, { type: 'entries' | 'cards' | 'rainbow' }>, value: unknown, words: AnswerProblemWords): string | undefined {
  const [question, id] = [field.label, field.id];
  const choices = 'options' in field ? field.options.map((option) => option.label).join(', ') : '';
  const values = 'options' in field ? field.options.map((option) => option.value).join(', ') : '';
  switch (field.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return fill(words.text, { question, field: id });
      return value.length > MAX_TEXT ? fill(words.tooLong, { question, field: id, max: MAX_TEXT }) : undefined;
    case 'date':
      return typeof value === 'string' && (value === '' || isCalendarDay(value)) ? undefined : fill(words.date, { question, field: id });
    case 'year':
      return value === null || (Number.isInteger(value) && (value as number) >= MIN_YEAR && (value as number) <= MAX_YEAR) ? undefined : fill(words.year, { question, field: id, min: MIN_YEAR, max: MAX_YEAR });
    case 'scale':
      return value === null || (Number.isInteger(value) && (value as number) >= field.min && (value as number) <= field.max) ? undefined : fill(words.scale, { question, field: id, min: field.min, max: field.max });
    case 'select':
      return value === '' || field.options.some((option) => option.value === value) ? undefined : fill(words.select, { question, field: id, choices, values });
    case 'multiselect': {
      const known = new Set(field.options.map((option) => option.value));
      const fits = Array.isArray(value) && value.every((choice) => typeof choice === 'string' && known.has(choice)) && new Set(value).size === value.length;
      return fits ? undefined : fill(words.multiselect, { question, field: id, choices, values });
    }
  }
}

/** The English sentences naming fields by id, for an author whose worked example does not fit (content checks). */
export const AUTHOR_ANSWER_PROBLEMS: Partial<AnswerProblemWords> = Object.fromEntries(
  Object.entries(ENGLISH_ANSWER_PROBLEMS)
    .filter(([key]) => !(key in ENGLISH_RAINBOW_PROBLEMS))
    .map(([key, template]) => [key, template.replaceAll('{{question}}', '{{field}}').replace('{{choices}}', '{{values}}')]),
);

/** A card sort: `{ piles: { [cardId]: pileId }, top: [cardId, …] }` with only this field's cards and piles. */
function fitsCards(field: Extract<ExerciseField, { type: 'cards' }>, value: unknown): boolean {
  if (!isTable(value) || Object.keys(value).some((key) => key !== 'piles' && key !== 'top')) return false;
  const { piles, top } = value;
  const cards = new Set(field.cards.map((card) => card.id));
  const pileIds = new Set(field.piles.map((pile) => pile.id));
  if (!isTable(piles) || !Object.entries(piles).every(([card, pile]) => cards.has(card) && typeof pile === 'string' && pileIds.has(pile))) return false;
  return Array.isArray(top) && top.length <= field.rank && top.every((card) => typeof card === 'string' && cards.has(card)) && new Set(top).size === top.length;
}

/**
 * Problems with a set of answers, one sentence each; empty when they fit the fields. Never throws, whatever the
 * value: every type is checked before a value is read. `words` (any of them) put the sentences in another language.
 */
export function checkAnswers(fields: readonly ExerciseField[], answers: unknown, words: Partial<AnswerProblemWords> = {}): string[] {
  const all: AnswerProblemWords = { ...ENGLISH_ANSWER_PROBLEMS, ...words };
  if (!isTable(answers)) return [all.notFields];
  const problems: string[] = [];
  const known = new Map(fields.map((field) => [field.id, field]));
  for (const [key, value] of Object.entries(answers)) {
    const field = known.get(key);
    if (!field) {
      problems.push(fill(all.unknown, { question: key.slice(0, 60), field: key.slice(0, 60) }));
      continue;
    }
    const [question, id] = [field.label, field.id];
    if (field.type === 'rainbow') {
      problems.push(...checkRainbow(field, value, all));
    } else if (field.type === 'entries') {
      if (!Array.isArray(value) || value.length > MAX_ENTRIES) problems.push(fill(all.list, { question, field: id, max: MAX_ENTRIES }));
      else value.forEach((item, index) => problems.push(...checkAnswers(field.fields, item, all).map((problem) => fill(all.item, { index: index + 1, question, field: id, problem }))));
    } else if (field.type === 'cards') {
      if (!fitsCards(field, value)) problems.push(fill(all.cards, { question, field: id, max: field.rank }));
    } else {
      const problem = checkSimple(field, value, all);
      if (problem) problems.push(problem);
    }
  }
  return problems;
}

/** True when nothing has been written yet, so an empty exercise is not listed as started. */
export function isBlank(answers: Answers): boolean {
  return Object.values(answers).every((value) => {
    if (value === null || value === '') return true;
    if (Array.isArray(value)) return value.length === 0;
    if (typeof value === 'object' && 'piles' in value) return Object.keys((value as { piles?: object }).piles ?? {}).length === 0;
    // A rainbow: blank until some role has a weight in some age band.
    if (typeof value === 'object') return Object.values(value).every((cells) => !cells || typeof cells !== 'object' || Object.keys(cells).length === 0);
    return false;
  });
}
