/** The survey instrument (content/survey/instrument.yaml) for the pages that need it, or a build error saying how to restore it. */
import { getEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import type { Instrument } from '../schemas/survey.ts';

export async function surveyInstrument(): Promise<Instrument> {
  const entry = await getEntry('survey', 'instrument');
  if (!entry) throw new AstroError('content/survey/instrument.yaml is missing.', 'Restore it from the repository; the survey, its scoring page, survey sessions and the dashboard need it.');
  return entry.data;
}
