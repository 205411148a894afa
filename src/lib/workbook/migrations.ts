/**
 * Upgrades stored records and imported files written by older versions of the kit, one version at a time.
 * Each migration takes data of version N and returns data of version N + 1. The same steps serve a stored
 * record (`{ version, exerciseId, answers, … }`) and an exported file (`{ format, version, exercises: { id: record } }`).
 */
import { WORKBOOK_VERSION } from './format.ts';

export type Migration = (data: Record<string, unknown>) => Record<string, unknown>;

type Answers = Record<string, unknown>;

/** Applies `upgrade` to the answers of one exercise, whether the data is a single record or a whole file. */
function upgradeAnswersOf(exerciseId: string, upgrade: (answers: Answers) => Answers): Migration {
  const upgradeRecord = (record: unknown, id: unknown) => {
    if (id !== exerciseId || !record || typeof record !== 'object') return record;
    const { answers } = record as { answers?: unknown };
    if (!answers || typeof answers !== 'object' || Array.isArray(answers)) return record;
    return { ...record, answers: upgrade(answers as Answers) };
  };
  return (data) => {
    if (data.exercises && typeof data.exercises === 'object' && !Array.isArray(data.exercises)) {
      return { ...data, exercises: Object.fromEntries(Object.entries(data.exercises).map(([id, record]) => [id, upgradeRecord(record, id)])) };
    }
    return upgradeRecord(data, data.exerciseId) as Record<string, unknown>;
  };
}

/**
 * Version 1 to 2: in the self-efficacy log, each win's `source` was one choice ("mastery"), though people were
 * asked to tick every source that applied. It is now a list of choices: "mastery" becomes ["mastery"], an unset
 * choice ("") becomes [], and a value that is already a list is left as it is. Nothing else changes.
 */
export const sourcesAsList = upgradeAnswersOf('self-efficacy-log', (answers) => {
  if (!Array.isArray(answers.wins)) return answers;
  return {
    ...answers,
    wins: answers.wins.map((win: unknown) => {
      if (!win || typeof win !== 'object' || !('source' in win)) return win;
      const { source } = win as { source: unknown };
      if (Array.isArray(source)) return win;
      return { ...win, source: typeof source === 'string' && source !== '' ? [source] : [] };
    }),
  };
});

/** migrations[N] upgrades version N to N + 1. */
export const MIGRATIONS: Record<number, Migration> = { 1: sourcesAsList };

export class NewerVersionError extends Error {
  constructor(readonly found: number) {
    super(`it was written by a newer version of Bansō (format version ${found}; this site reads up to ${WORKBOOK_VERSION})`);
  }
}

export function migrate(data: Record<string, unknown>, migrations: Record<number, Migration> = MIGRATIONS, target = WORKBOOK_VERSION): Record<string, unknown> {
  let current = data;
  let version = current.version;
  if (!Number.isInteger(version) || (version as number) < 1) throw new Error('it has no valid format version');
  if ((version as number) > target) throw new NewerVersionError(version as number);
  while ((version as number) < target) {
    const step = migrations[version as number];
    if (!step) throw new Error(`no migration from format version ${String(version)}`);
    current = { ...step(current), version: (version as number) + 1 };
    version = current.version;
  }
  return current;
}
