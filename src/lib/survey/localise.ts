/**
 * The instrument in one language, as the survey island receives it: the same ids and structure, with each
 * bilingual text reduced to the page's language, so a page carries only the words it shows.
 */
import type { Instrument } from '../../schemas/survey.ts';
import type { Locale } from '../i18n/locales.ts';

export interface LocalisedInstrument {
  id: string;
  version: number;
  title: string;
  response: { min: number; max: number; labels: string[] };
  scales: {
    id: string;
    name: string;
    meaning: string;
    part: Instrument['scales'][number]['part'];
    construct?: string;
    /** Role ids the scale is asked of; absent when everyone answers it. */
    roles?: string[];
    items: { id: string; text: string; reverse: boolean }[];
    exercises: string[];
  }[];
  careerStages: { id: string; label: string }[];
  roles: { id: string; label: string }[];
  evaluation: { satisfaction: string; applicability: string; recommend: string; comments: string };
}

export function localiseInstrument(instrument: Instrument, locale: Locale): LocalisedInstrument {
  const choices = (list: Instrument['roles']) => list.map((choice) => ({ id: choice.id, label: choice.label[locale] }));
  return {
    id: instrument.id,
    version: instrument.version,
    title: instrument.title[locale],
    response: { min: instrument.response.min, max: instrument.response.max, labels: instrument.response.labels[locale] },
    scales: instrument.scales.map((scale) => ({
      id: scale.id,
      name: scale.name[locale],
      meaning: scale.meaning[locale],
      part: scale.part,
      ...(scale.construct ? { construct: scale.construct } : {}),
      ...(scale.roles ? { roles: scale.roles } : {}),
      items: scale.items.map((item) => ({ id: item.id, text: item.text[locale], reverse: item.reverse })),
      exercises: scale.exercises,
    })),
    careerStages: choices(instrument.careerStages),
    roles: choices(instrument.roles),
    evaluation: {
      satisfaction: instrument.evaluation.satisfaction[locale],
      applicability: instrument.evaluation.applicability[locale],
      recommend: instrument.evaluation.recommend[locale],
      comments: instrument.evaluation.comments[locale],
    },
  };
}

/** Every item id in instrument order: the order answers take in a response code. */
export function itemOrder(instrument: { scales: readonly { items: readonly { id: string }[] }[] }): string[] {
  return instrument.scales.flatMap((scale) => scale.items.map((item) => item.id));
}
