/** The organisation report's own interface text (`report.` keys), resolved on the server in the page's language. */
import type { Translate } from '../../../lib/i18n/translations.ts';
import { stringsWithPrefix } from '../../../utils/i18n.ts';

export const reportStrings = (t: Translate) => stringsWithPrefix(t, 'report.');

export type ReportText = ReturnType<typeof reportStrings>;
