/** The words of the storage notice (storage.*), resolved on the server in the page's language, placeholders kept. */
import type { Translate } from '../../lib/i18n/translations.ts';
import { stringsWithPrefix } from '../../utils/i18n.ts';

export const storageStrings = (t: Translate) => stringsWithPrefix(t, 'storage.');

export type StorageStrings = ReturnType<typeof storageStrings>;
