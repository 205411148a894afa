/**
 * Reads an instrument file outside the build (tests, benchmarks, the synthetic-cohort tool) as the build does:
 * validated by its schema, with its career stages resolved from content/stages.yaml beside it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { instrumentSchema, type Instrument } from '../../schemas/survey.ts';
import { stageSchema } from '../../schemas/stage.ts';
import { resolveCareerStages } from './career-stages.ts';

/** The content folder is the nearest folder above the file that holds stages.yaml (content/survey/versions/1.yaml → content/). */
function stagesFileFor(instrumentPath: string): string {
  let dir = dirname(instrumentPath);
  for (let depth = 0; depth < 4; depth++) {
    const candidate = join(dir, 'stages.yaml');
    if (existsSync(candidate)) return candidate;
    dir = dirname(dir);
  }
  throw new Error(`no stages.yaml found above ${instrumentPath}`);
}

export function readInstrumentFile(path: string | URL): Instrument {
  const file = path instanceof URL ? fileURLToPath(path) : path;
  const source = instrumentSchema.parse(parse(readFileSync(file, 'utf8')));
  const stages = stageSchema.array().parse(parse(readFileSync(stagesFileFor(file), 'utf8')));
  return resolveCareerStages(source, stages, file);
}
