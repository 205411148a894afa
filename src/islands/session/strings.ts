/** The session tools' interface text, resolved on the server in the page's language, placeholders kept. */
import type { Translate } from '../../lib/i18n/translations.ts';
import { stringsWithPrefix } from '../../utils/i18n.ts';

export const planStrings = (t: Translate) => stringsWithPrefix(t, 'plan.');
export type PlanText = ReturnType<typeof planStrings>;
