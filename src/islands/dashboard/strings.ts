/** The dashboard's interface text, resolved on the server in the page's language, placeholders kept. */
import type { Translate } from '../../lib/i18n/translations.ts';
import { stringsWithPrefix } from '../../utils/i18n.ts';
import { WAVES } from '../../lib/survey/response-code.ts';
import { SCALE_PARTS } from '../../lib/survey/model.ts';

export function dashboardStrings(t: Translate) {
  return {
    text: stringsWithPrefix(t, 'dashboard.'),
    storage: stringsWithPrefix(t, 'storage.'),
    waves: Object.fromEntries(WAVES.map((wave) => [wave, t(`survey.wave.${wave}`)])) as Record<(typeof WAVES)[number], string>,
    parts: Object.fromEntries(SCALE_PARTS.map((part) => [part, t(`survey.part.${part}`)])) as Record<(typeof SCALE_PARTS)[number], string>,
  };
}

export type DashboardStrings = ReturnType<typeof dashboardStrings>;
export type DashboardText = DashboardStrings['text'];
