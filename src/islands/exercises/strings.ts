/** The interface text an exercise island needs, resolved on the server in the page's language. */
import type { Translate } from '../../lib/i18n/translations.ts';
import type { RainbowProblemWords } from '../../lib/workbook/answers.ts';

const keepNames = (t: Translate, key: string, names: string[]) => t(key, Object.fromEntries(names.map((n) => [n, `{{${n}}}`])));

/** The words of the life-career rainbow: its inputs, its chart and table, and the problems an import can have. */
export function rainbowStrings(t: Translate) {
  return {
    caption: keepNames(t, 'exercise.rainbow.caption', ['label']),
    legend: t('exercise.rainbow.legend'),
    howToRead: keepNames(t, 'exercise.rainbow.howToRead', ['none', 'most']),
    tableLabel: keepNames(t, 'exercise.rainbow.tableLabel', ['label']),
    role: t('exercise.rainbow.role'),
    notChosen: t('exercise.rainbow.notChosen'),
    level: keepNames(t, 'exercise.rainbow.level', ['weight', 'label']),
    between: t('exercise.rainbow.between'),
  };
}

export type RainbowStrings = ReturnType<typeof rainbowStrings>;

export function rainbowProblemWords(t: Translate): RainbowProblemWords {
  const names = ['question', 'role', 'band', 'roles', 'bands'];
  return {
    shape: keepNames(t, 'exercise.rainbow.problem.shape', names),
    role: keepNames(t, 'exercise.rainbow.problem.role', names),
    band: keepNames(t, 'exercise.rainbow.problem.band', names),
    weight: keepNames(t, 'exercise.rainbow.problem.weight', names),
  };
}

export function exerciseStrings(t: Translate) {
  const keep = (key: string, names: string[]) => t(key, Object.fromEntries(names.map((n) => [n, `{{${n}}}`])));
  return {
    savedAt: keep('exercise.savedAt', ['time']),
    saving: t('exercise.saving'),
    notStarted: t('exercise.notStarted'),
    newerVersion: t('exercise.newerVersion'),
    storageFull: t('exercise.storageFull'),
    storageUnavailable: t('exercise.storageUnavailable'),
    exportScreen: t('exercise.exportScreen'),
    retry: t('exercise.retry'),
    conflict: t('exerciseMerge.conflict'),
    conflictField: keep('exerciseMerge.field', ['question']),
    keepMine: t('exercise.keepMine'),
    takeTheirs: t('exercise.takeTheirs'),
    entries: {
      add: keep('exercise.entries.add', ['item']),
      remove: keep('exercise.entries.remove', ['item']),
      item: keep('exercise.entries.item', ['item', 'number']),
      count: keep('exercise.entries.count', ['item', 'count']),
    },
    rainbow: rainbowStrings(t),
    sheetEmpty: t('exercise.sheet.empty'),
    separator: t('exercise.listSeparator'),
    cards: {
      unsorted: t('exercise.cards.unsorted'),
      pileOf: keep('exercise.cards.pileOf', ['card']),
      rankHeading: keep('exercise.cards.rankHeading', ['rank']),
      rankHelp: t('exercise.cards.rankHelp'),
      addToTop: keep('exercise.cards.addToTop', ['card']),
      removeFromTop: keep('exercise.cards.removeFromTop', ['card']),
      moveUp: keep('exercise.cards.moveUp', ['card']),
      moveDown: keep('exercise.cards.moveDown', ['card']),
    },
  };
}

export type ExerciseStrings = ReturnType<typeof exerciseStrings>;
