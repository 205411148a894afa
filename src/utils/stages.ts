/**
 * The career-stage model (content/stages.yaml) for pages and components: the stages in file order, and a
 * build error that names the known ids when content refers to one that does not exist.
 */
import { readFileSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { AstroError } from 'astro/errors';
import { parse } from 'yaml';
import { layeredFile } from '../lib/content/organisation-layer.ts';
import type { CareerStage } from '../schemas/stage.ts';

export type { CareerStage };

let loaded: Promise<CareerStage[]> | undefined;

/** Every stage, in the order of content/stages.yaml. */
export function careerStages(): Promise<CareerStage[]> {
  return (loaded ??= getCollection('stages').then((entries) => {
    if (entries.length === 0) throw new AstroError('content/stages.yaml defines no career stages.', 'Restore it from the repository: modules, exercises, the survey and the interview guide refer to its stages.');
    // The collection hands entries back sorted by id; the model's order (first years to late career) is the file's.
    const order = (parse(readFileSync(layeredFile('stages.yaml'), 'utf8')) as { id: string }[]).map((stage) => stage.id);
    return entries.map((entry) => entry.data).sort((a, b) => order.indexOf(a.id) - order.indexOf(b.id));
  }));
}

/** One stage by id, or a build error that says where the id came from and which ids exist. */
export async function careerStage(id: string, usedIn: string): Promise<CareerStage> {
  const stages = await careerStages();
  const stage = stages.find((s) => s.id === id);
  if (!stage) {
    throw new AstroError(`${usedIn} names the career stage "${id}", which content/stages.yaml does not define.`, `Use one of: ${stages.map((s) => s.id).join(', ')}.`);
  }
  return stage;
}

export { stageLabel } from '../lib/stages/label.ts';
