/** The interface text an exercise island needs, resolved on the server in the page's language. */
import type { Translate } from '../../lib/i18n/translations.ts';

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
    conflict: t('exercise.conflict'),
    keepMine: t('exercise.keepMine'),
    takeTheirs: t('exercise.takeTheirs'),
    entries: {
      add: keep('exercise.entries.add', ['item']),
      remove: keep('exercise.entries.remove', ['item']),
      item: keep('exercise.entries.item', ['item', 'number']),
      count: keep('exercise.entries.count', ['item', 'count']),
    },
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
