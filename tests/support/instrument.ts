/** The site's survey instrument, read and validated as the build does, for tests that need its items. */
import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { instrumentSchema } from '../../src/schemas/survey.ts';

export const siteInstrument = instrumentSchema.parse(parseYaml(readFileSync(new URL('../../content/survey/instrument.yaml', import.meta.url), 'utf8')));
