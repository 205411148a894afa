/**
 * The published modules as the session tools need them in the browser: each block's id, title, minutes, range
 * and kind, the order to shorten flexible blocks, and the participant page a block opens (an exercise or the
 * survey). Facilitator-only text (scripts, notes) is not in it: run mode renders that on the server.
 */
import type { SessionModule } from '../lib/session/plan.ts';
import type { Locale } from '../lib/i18n/locales.ts';
import { localePath } from '../lib/url/base.ts';
import { modulesIn } from './modules.ts';
import { url } from './url.ts';

export type { SessionModule };

export async function sessionCatalogue(locale: Locale): Promise<SessionModule[]> {
  return (await modulesIn(locale)).map(({ entry }) => {
    const data = entry.data;
    const joins: SessionModule['joins'] = {};
    for (const block of data.blocks) {
      if (block.survey) joins[block.id] = { path: url(localePath(locale, 'survey')), kind: 'survey', wave: block.survey };
      else if (block.exercise) joins[block.id] = { path: url(localePath(locale, 'exercises', block.exercise)), kind: 'exercise' };
    }
    return {
      id: data.id,
      title: data.title,
      absorbOverrunsIn: data.absorbOverrunsIn,
      blocks: data.blocks.map((block) => ({ id: block.id, title: block.title, minutes: block.minutes, range: block.range, kind: block.kind })),
      joins,
    };
  });
}
