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

function checkSimple(field: Exclude<ExerciseField, { type: 'entries' | 'cards' | 'rainbow' }>, value: unknown, where: string): string | undefined {
  switch (field.type) {
    case 'text':
    case 'textarea':
      if (typeof value !== 'string') return `${where} should be text`;
      if (value.length > MAX_TEXT) return `${where} is longer than ${MAX_TEXT} characters`;
      return undefined;
    case 'date':
      // Browsers' date inputs allow years of up to six digits; what matters is the shape.
      return typeof value === 'string' && (value === '' || /^\d{4,6}-\d{2}-\d{2}$/.test(value)) ? undefined : `${where} should be a date written YYYY-MM-DD`;
    case 'year':
      return value === null || (Number.isInteger(value) && (value as number) >= 1900 && (value as number) <= 2200) ? undefined : `${where} should be a year such as 2015`;
    case 'scale':
      return value === null || (Number.isInteger(value) && (value as number) >= field.min && (value as number) <= field.max)
        ? undefined
        : `${where} should be a whole number from ${field.min} to ${field.max}`;
    case 'select':
      return value === '' || field.options.some((option) => option.value === value) ? undefined : `${where} should be one of ${field.options.map((o) => o.value).join(', ')}`;
    case 'multiselect': {
      const known = field.options.map((option) => option.value);
      if (!Array.isArray(value)) return `${where} should be a list of choices (any of ${known.join(', ')})`;
      if (value.some((choice) => !known.includes(choice as string))) return `${where} should list only ${known.join(', ')}`;
      return new Set(value).size === value.length ? undefined : `${where} lists a choice twice`;
    }
  }
}

/** Problems with a set of answers, one sentence each; empty when they fit the fields. */
export function checkAnswers(fields: readonly ExerciseField[], answers: unknown, rainbowWords?: RainbowProblemWords): string[] {
  if (answers === null || typeof answers !== 'object' || Array.isArray(answers)) return ['the answers should be a set of named fields'];
  const problems: string[] = [];
  const known = new Map(fields.map((field) => [field.id, field]));
  for (const [key, value] of Object.entries(answers)) {
    const field = known.get(key);
    if (!field) {
      problems.push(`"${key}" is not a field of this exercise`);
      continue;
    }
    if (field.type === 'rainbow') {
      problems.push(...checkRainbow(field, value, rainbowWords));
    } else if (field.type === 'entries') {
      if (!Array.isArray(value)) problems.push(`"${key}" should be a list`);
      else if (value.length > MAX_ENTRIES) problems.push(`"${key}" has more than ${MAX_ENTRIES} items`);
      else value.forEach((item, index) => problems.push(...checkAnswers(field.fields, item).map((p) => `item ${index + 1} of "${key}": ${p}`)));
    } else if (field.type === 'cards') {
      const cards = new Set(field.cards.map((card) => card.id));
      const piles = new Set(field.piles.map((pile) => pile.id));
      const sort = value as { piles?: unknown; top?: unknown };
      if (!sort || typeof sort !== 'object' || typeof sort.piles !== 'object' || sort.piles === null || !Array.isArray(sort.top)) {
        problems.push(`"${key}" should hold piles and a ranking`);
      } else {
        for (const [card, pile] of Object.entries(sort.piles)) {
          if (!cards.has(card) || !piles.has(pile as string)) problems.push(`"${key}" puts an unknown card or pile (${card} → ${String(pile)})`);
        }
        if (sort.top.length > field.rank || sort.top.some((card) => !cards.has(card as string))) problems.push(`"${key}" ranks unknown cards or more than ${field.rank}`);
      }
    } else {
      const problem = checkSimple(field, value, `"${key}"`);
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
