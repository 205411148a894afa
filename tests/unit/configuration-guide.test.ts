import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { siteConfigSchema } from '../../src/lib/config/schema.ts';

/** Every key path of the configuration schema, such as "privacy.minGroupSize". */
function keyPaths(schema: unknown, prefix = ''): string[] {
  let current = schema as { _zod: { def: Record<string, unknown> }; shape?: Record<string, unknown> };
  while (!current.shape && (current._zod.def.innerType ?? current._zod.def.in)) {
    current = (current._zod.def.innerType ?? current._zod.def.in) as typeof current;
  }
  if (!current.shape) return [];
  return Object.entries(current.shape).flatMap(([key, child]) => {
    const path = prefix ? `${prefix}.${key}` : key;
    const nested = keyPaths(child, path).filter((p) => !/\.(ja|en)$/.test(p));
    return nested.length ? [path, ...nested] : [path];
  });
}

describe('configuration guide', () => {
  const keys = keyPaths(siteConfigSchema);

  it('finds the schema keys it must document', () => {
    expect(keys).toEqual(expect.arrayContaining(['organisation.name', 'organisation.contact.url', 'privacy.minCommentGroupSize', 'basePath']));
  });

  for (const locale of ['ja', 'en']) {
    it(`documents every key in ${locale}`, () => {
      const guide = readFileSync(new URL(`../../content/guides/${locale}/configuration.mdx`, import.meta.url), 'utf8');
      const undocumented = keys.filter((key) => !guide.includes(key.split('.').at(-1)!));
      expect(undocumented).toEqual([]);
    });
  }
});
