/**
 * A workshop module's own front-matter, read from content/modules/, so tests check pages against the source
 * rather than against copied strings. Typed as the schema's input: the fields as the file writes them.
 */
import { readFileSync } from 'node:fs';
import type { z } from 'astro/zod';
import { parse as parseYaml } from 'yaml';
import type { moduleSchema } from '../../src/schemas/module.ts';

export type ModuleSource = z.input<typeof moduleSchema>;

export function moduleSource(locale: string, id: string): ModuleSource {
  const source = readFileSync(new URL(`../../content/modules/${locale}/${id}.mdx`, import.meta.url), 'utf8');
  return parseYaml(source.split(/^---$/m)[1]!) as ModuleSource;
}
