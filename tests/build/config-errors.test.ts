/** A wrong configuration stops the build with the friendly message alone: no stack trace, no output. */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-sites.ts';
import { testOutput } from '../support/sites.ts';

describe('build with a wrong configuration', () => {
  it('fails, naming the key and the fix, without a stack trace', () => {
    mkdirSync(testOutput, { recursive: true });
    const config = `${testOutput}broken-site.yaml`;
    writeFileSync(config, 'organisation:\n  name:\n    ja: テスト\naccentColor: "#fff000"\nlocales: [ja]\n');
    const outDir = `${testOutput}site-broken`;
    let failure: { status: number | null; stderr: string; stdout: string } | undefined;
    try {
      buildSite(outDir, config);
    } catch (error) {
      failure = error as typeof failure;
    }
    expect(failure?.status).toBe(1);
    const output = `${failure?.stdout}${failure?.stderr}`;
    expect(output).toContain('✖ accentColor (line 4)');
    expect(output).toContain('Choose a darker shade of it');
    expect(output).not.toMatch(/\n\s+at .+:\d+:\d+/); // no stack frames
    expect(existsSync(`${outDir}/index.html`)).toBe(false);
  });
});
