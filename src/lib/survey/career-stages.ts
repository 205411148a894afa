/**
 * The survey's career-stage question takes its options from the one stage model (content/stages.yaml): an
 * instrument names stages by id, and this turns each into the { id, label } every page, code and file uses.
 */
import type { Instrument, InstrumentSource } from '../../schemas/survey.ts';
import { stageLabels, type StageNaming } from '../stages/label.ts';

export class UnknownStageError extends Error {
  override name = 'UnknownStageError';
}

/** Throws UnknownStageError, naming the file, the key and the ids that exist, when a stage is not in the model. */
export function resolveCareerStages(source: InstrumentSource, stages: readonly StageNaming[], file: string): Instrument {
  const careerStages = source.careerStages.map((option, index) => {
    if (!('stage' in option)) return option;
    const stage = stages.find((s) => s.id === option.stage);
    if (!stage) {
      throw new UnknownStageError(
        `${file} → careerStages[${index}].stage: "${option.stage}" is not a stage of content/stages.yaml.\n  Fix: use one of: ${stages.map((s) => s.id).join(', ')}.`,
      );
    }
    return { id: stage.id, label: stageLabels(stage) };
  });
  const ids = careerStages.map((option) => option.id);
  const repeated = ids.find((id, index) => ids.indexOf(id) !== index);
  if (repeated) throw new UnknownStageError(`${file} → careerStages: "${repeated}" is listed twice.\n  Fix: list each stage once.`);
  return { ...source, careerStages };
}
