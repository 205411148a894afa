/** What the analysis's ids are called on screen: measures, groups and the model's variables, in the page's language. */
import type { Dimension, MeasureRef } from '../../../lib/dashboard/analysis.ts';
import type { Instrument } from '../../../schemas/survey.ts';
import type { Locale } from '../../../lib/i18n/locales.ts';
import type { ModelPart } from '../../../lib/survey/model.ts';
import type { DashboardStrings } from '../strings.ts';

export type Names = ReturnType<typeof namesFor>;

export function namesFor(instrument: Instrument, locale: Locale, strings: DashboardStrings) {
  const text = strings.text;
  const scales = new Map(instrument.scales.map((scale) => [scale.id, scale.name[locale]]));
  const items = new Map(instrument.scales.flatMap((scale) => scale.items.map((item) => [item.id, item.text[locale]])));
  const stages = new Map(instrument.careerStages.map((stage) => [stage.id, stage.label[locale]]));
  const roles = new Map(instrument.roles.map((role) => [role.id, role.label[locale]]));
  const part = (id: string) => strings.parts[id as ModelPart] ?? id;
  return {
    part,
    item: (id: string) => items.get(id) ?? id,
    measure(ref: MeasureRef): string {
      if (ref.kind === 'part') return part(ref.id);
      if (ref.kind === 'scale') return scales.get(ref.id) ?? ref.id;
      return text[`analysis.construct.${ref.id}` as keyof typeof text] ?? ref.id;
    },
    group(dimension: Dimension, id: string | null): string {
      if (id === null || id === '') return text['analysis.notGiven'];
      if (dimension === 'stage') return stages.get(id) ?? id;
      if (dimension === 'role') return roles.get(id) ?? id;
      return id;
    },
    /** A regression or mediation variable: "(intercept)" or a model part. */
    variable: (name: string) => (name === '(intercept)' ? text['analysis.model.intercept'] : part(name)),
  };
}
