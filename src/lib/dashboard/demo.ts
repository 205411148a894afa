/**
 * A demo dataset drawn from the synthetic cohort generator: made-up people whose answers follow a known model,
 * so a facilitator can try the dashboard, and see the analysis recover that model, without anyone's real answers.
 */
import { generateCohort, type SyntheticInstrument } from '../stats/synthetic.ts';
import { itemOrder } from '../survey/localise.ts';
import { createDataset, type Dataset, type DatasetInstrument, type StoredResponse } from './dataset.ts';

export function demoDataset(instrument: SyntheticInstrument & DatasetInstrument, name: string, options: { people?: number; seed?: number; now?: Date } = {}): Dataset {
  const now = options.now ?? new Date();
  const cohort = generateCohort(instrument, { people: options.people ?? 400, seed: options.seed ?? 2026 });
  const items = itemOrder(instrument);
  const day = (offsetDays: number) => new Date(now.getTime() - offsetDays * 86_400_000).toISOString().slice(0, 10);
  const responses: StoredResponse[] = cohort.responses.map((person, index) => ({
    instrumentVersion: instrument.version,
    wave: person.wave,
    role: Math.max(0, instrument.roles.findIndex((role) => role.id === person.role)),
    stage: Math.max(0, instrument.careerStages.findIndex((stage) => stage.id === person.stage)),
    // Sequential ids keep the demo reproducible; real responses carry random ones.
    responseId: index.toString(16).padStart(12, '0'),
    day: day(person.wave === 'before' ? 60 : 30),
    cohort: person.cohort,
    anonymousCode: person.anonymousCode,
    answers: items.map((id) => person.answers[id] ?? null),
    evaluation: person.evaluation,
    comment: null,
    source: 'file',
    importedAt: now.toISOString(),
    sessionId: null,
  }));
  return { ...createDataset(name, instrument, now), responses };
}
