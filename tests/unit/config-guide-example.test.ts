import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig } from '../../src/lib/config/load.ts';

/** The guides quote a real error message; keep the quote true to what the build prints for the shipped file. */
describe('configuration guide example', () => {
  it('shows the message the shipped file gives when minGroupSize is "five"', () => {
    const shipped = readFileSync(new URL('../../content/site.yaml', import.meta.url), 'utf8');
    const broken = shipped.replace(/minGroupSize: 5/, 'minGroupSize: five');
    let message = '';
    try {
      parseSiteConfig(broken, 'content/site.yaml');
    } catch (error) {
      message = (error as Error).message;
    }
    const quoted = message.split('\n').slice(0, 7).join('\n');
    for (const locale of ['ja', 'en']) {
      const guide = readFileSync(new URL(`../../content/guides/${locale}/configuration.mdx`, import.meta.url), 'utf8');
      expect(guide).toContain(quoted);
    }
  });
});
