/**
 * Wrong workshop content stops the build with a message that names the file, the key and the fix.
 * Each case copies content/ to a temporary folder, breaks one thing, and builds from there.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite } from '../support/build-sites.ts';
import { projectRoot, testOutput } from '../support/sites.ts';

function buildWithBrokenContent(breakIt: (contentDir: string) => void): string {
  const contentDir = mkdtempSync(join(tmpdir(), 'banso-content-'));
  cpSync(`${projectRoot}content`, contentDir, { recursive: true });
  breakIt(contentDir);
  try {
    buildSite(`${testOutput}site-broken-content`, `${projectRoot}content/site.yaml`, { BANSO_CONTENT_DIR: contentDir, BANSO_CACHE_DIR: `${contentDir}-cache` });
  } catch (error) {
    const failure = error as { status: number; stdout: string; stderr: string };
    expect(failure.status).not.toBe(0);
    return `${failure.stdout}${failure.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
  } finally {
    rmSync(contentDir, { recursive: true, force: true });
    rmSync(`${contentDir}-cache`, { recursive: true, force: true });
  }
  throw new Error('expected the build to fail');
}

function edit(file: string, from: RegExp, to: string) {
  const text = readFileSync(file, 'utf8');
  expect(text).toMatch(from);
  writeFileSync(file, text.replace(from, to));
}

describe('build with wrong workshop content', () => {
  it('names the module file, durationMinutes and the fix when minutes do not add up', () => {
    const output = buildWithBrokenContent((dir) => edit(`${dir}/modules/en/people-manager.mdx`, /^durationMinutes: 210$/m, 'durationMinutes: 200'));
    expect(output).toContain('modules/en/people-manager.mdx');
    expect(output).toContain('durationMinutes');
    expect(output).toContain('= 210) to equal durationMinutes (200). Fix: change durationMinutes to 210');
  });

  it('names the block key path for a wrong kind', () => {
    const output = buildWithBrokenContent((dir) => edit(`${dir}/modules/ja/people-manager.mdx`, /^    kind: talk$/m, '    kind: lecture'));
    expect(output).toContain('modules/ja/people-manager.mdx');
    expect(output).toMatch(/blocks\.0\.kind|blocks\[0\]\.kind/);
    expect(output).toContain('one of talk, individual, pairs, small-groups, plenary, break');
  });

  it('names an unknown exercise and lists the ones that exist', () => {
    // Renamed everywhere in the front-matter, so the per-file schema passes and the cross-file check speaks.
    const output = buildWithBrokenContent((dir) => edit(`${dir}/modules/en/people-manager.mdx`, /assignment-meaning(?=[,\s\]])/g, 'assignment-meanings'));
    expect(output).toContain('content/modules/en/people-manager.mdx → exercises[0]: no exercise "assignment-meanings" exists in content/exercises/en/');
    expect(output).toContain('Fix: use one of:');
  });

  it('names a module missing in one language and both fixes', () => {
    const output = buildWithBrokenContent((dir) => rmSync(`${dir}/modules/en/people-manager.mdx`));
    expect(output).toContain('module "people-manager" has no en version');
    expect(output).toContain('set singleLanguage: true');
  });
});
