/** The interface text of My workbook, resolved on the server in the page's language. */
import type { Translate } from '../../lib/i18n/translations.ts';
import { rainbowProblemWords, rainbowStrings } from '../exercises/strings.ts';

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
    rainbowProblems: rainbowProblemWords(t),
  };
}

export type WorkbookStrings = ReturnType<typeof workbookStrings>;
