/**
 * The survey instrument (content/survey/instrument.yaml) for the pages that need it, or a build error saying how
 * to restore it; and the archived earlier versions (content/survey/versions/<version>.yaml), so codes, files and
 * datasets of an earlier version can still be read and analysed with the statements they answered.
 */
import { getCollection, getEntry } from 'astro:content';
import { AstroError } from 'astro/errors';
import type { Instrument, InstrumentSource } from '../schemas/survey.ts';
import { resolveCareerStages, UnknownStageError } from '../lib/survey/career-stages.ts';
import { careerStages } from './stages.ts';

/** The file as the build read it, with its career stages taken from content/stages.yaml. */
async function resolved(source: InstrumentSource, file: string): Promise<Instrument> {
  try {
    return resolveCareerStages(source, await careerStages(), file);
  } catch (error) {
    if (!(error instanceof UnknownStageError)) throw error;
    const [problem, fix] = error.message.split('\n  Fix: ');
    throw new AstroError(problem!, fix);
  }
}

export async function surveyInstrument(): Promise<Instrument> {
  const entry = await getEntry('survey', 'instrument');
  if (!entry) throw new AstroError('content/survey/instrument.yaml is missing.', 'Restore it from the repository; the survey, its scoring page, survey sessions and the dashboard need it.');
  return resolved(entry.data, 'content/survey/instrument.yaml');
}

/** Every version this site can read, newest (the current instrument) first. Checked at build: same survey id, one file per earlier version. */
export async function surveyInstrumentVersions(): Promise<Instrument[]> {
  const current = await surveyInstrument();
  const archived = (await getCollection('survey')).filter((entry) => entry.id !== 'instrument');
  for (const entry of archived) {
    const file = `content/survey/${entry.id}.yaml`;
    const named = /^versions\/(\d+)$/.exec(entry.id);
    if (!named || Number(named[1]) !== entry.data.version) {
      throw new AstroError(`${file} holds version ${entry.data.version} of the survey.`, `Name an archived version's file after its version: content/survey/versions/${entry.data.version}.yaml.`);
    }
    if (entry.data.id !== current.id) throw new AstroError(`${file} is survey "${entry.data.id}", but the current survey is "${current.id}".`, 'Keep only earlier versions of the current survey in content/survey/versions/.');
    if (entry.data.version >= current.version) {
      throw new AstroError(`${file} is version ${entry.data.version}, but the current survey (content/survey/instrument.yaml) is version ${current.version}.`, 'Archive only earlier versions; raise `version` in instrument.yaml when its items change.');
    }
  }
  const earlier = await Promise.all(archived.map((entry) => resolved(entry.data, `content/survey/${entry.id}.yaml`)));
  return [current, ...earlier.sort((a, b) => b.version - a.version)];
}
