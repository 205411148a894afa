/** The interface text of My workbook, resolved on the server in the page's language. */
import type { Translate } from '../../lib/i18n/translations.ts';
import { rainbowProblemWords, rainbowStrings } from '../exercises/strings.ts';
import { ENGLISH_IMPORT_PROBLEMS, type ImportProblemWords } from '../../lib/workbook/store.ts';
import { ENGLISH_ANSWER_PROBLEMS, ENGLISH_RAINBOW_PROBLEMS } from '../../lib/workbook/answers.ts';

/** Every placeholder an import refusal may use, kept for the browser to fill. */
const PROBLEM_NAMES = ['question', 'max', 'min', 'choices', 'index', 'problem', 'exercise', 'key', 'id', 'found', 'supported', 'mb'];

/** Why a workbook file cannot be imported, in the page's language (`workbookImport.*`, `exercise.rainbow.problem.*`). */
function importProblemWords(t: Translate): ImportProblemWords {
  const keep = (key: string) => t(key, Object.fromEntries(PROBLEM_NAMES.map((n) => [n, `{{${n}}}`])));
  const words = Object.fromEntries(
    Object.keys(ENGLISH_IMPORT_PROBLEMS)
      .filter((name) => !(name in ENGLISH_RAINBOW_PROBLEMS))
      .map((name) => [name, name === 'tooLarge' ? keep('workbook.tooLarge') : keep(name in ENGLISH_ANSWER_PROBLEMS ? `workbookImport.answer.${name}` : `workbookImport.${name}`)]),
  );
  return { ...(words as unknown as ImportProblemWords), ...rainbowProblemWords(t) };
}

export function workbookStrings(t: Translate) {
  const keep = (key: string, names: string[]) => t(key, Object.fromEntries(names.map((n) => [n, `{{${n}}}`])));
  const plain = ['listHeading', 'notStarted', 'actionsHeading', 'exportAll', 'exportHelp', 'exported', 'importLabel', 'importHelp', 'importChoice', 'importRejected', 'importFull', 'storageUnavailable', 'newerVersion', 'merge', 'replace', 'cancel', 'print', 'erase', 'eraseQuestion', 'eraseConfirm', 'erased', 'packHeading'] as const;
  return {
    ...(Object.fromEntries(plain.map((key) => [key, t(`workbook.${key}`)])) as Record<(typeof plain)[number], string>),
    updated: keep('workbook.updated', ['date']),
    imported: keep('workbook.imported', ['count']),
    importReady: keep('workbook.importReady', ['count']),
    tooLarge: keep('workbook.tooLarge', ['mb']),
    empty: t('exercise.empty'),
    ranked: t('exercise.ranked'),
    separator: t('exercise.listSeparator'),
    rainbow: rainbowStrings(t),
    importProblems: importProblemWords(t),
  };
}

export type WorkbookStrings = ReturnType<typeof workbookStrings>;
