/**
 * Wrong workshop content stops the build with a message that names the file, the key and the fix;
 * a module written in one language only is published in the other with a visible notice.
 */
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildContentVariant, editFile } from '../support/content-variant.ts';

function failingBuild(change: (contentDir: string) => void): string {
  const build = buildContentVariant('broken-content', change);
  expect(build.ok).toBe(false);
  expect(existsSync(`${build.outDir}/index.html`)).toBe(false);
  return build.output;
}

describe('build with wrong workshop content', () => {
  it('names the module file, durationMinutes and the fix when minutes do not add up', () => {
    const output = failingBuild((dir) => editFile(`${dir}/modules/en/people-manager.mdx`, /^durationMinutes: 210$/m, 'durationMinutes: 200'));
    expect(output).toContain('modules/en/people-manager.mdx');
    expect(output).toContain('durationMinutes');
    expect(output).toContain('= 210) to equal durationMinutes (200). Fix: change durationMinutes to 210');
  });

  it('names the block key path for a wrong kind', () => {
    const output = failingBuild((dir) => editFile(`${dir}/modules/ja/people-manager.mdx`, /^    kind: talk$/m, '    kind: lecture'));
    expect(output).toContain('modules/ja/people-manager.mdx');
    expect(output).toMatch(/blocks\.0\.kind|blocks\[0\]\.kind/);
    expect(output).toContain('one of talk, individual, pairs, small-groups, plenary, break');
  });

  it('names an unknown exercise and lists the ones that exist', () => {
    // Renamed everywhere in the front-matter, so the per-file schema passes and the cross-file check speaks.
    const output = failingBuild((dir) => editFile(`${dir}/modules/en/people-manager.mdx`, /assignment-meaning(?=[,\s\]])/g, 'assignment-meanings'));
    expect(output).toContain('content/modules/en/people-manager.mdx → exercises[0]: no exercise "assignment-meanings" exists in content/exercises/en/');
    expect(output).toContain('Fix: use one of:');
  });

  it('names a module missing in one language and both fixes', () => {
    const output = failingBuild((dir) => rmSync(`${dir}/modules/en/people-manager.mdx`));
    expect(output).toContain('module "people-manager" has no en version');
    expect(output).toContain('set singleLanguage: true');
  });
});

describe('build with a single-language module', () => {
  it('publishes it in the other language with a visible notice and the content marked as Japanese', () => {
    const build = buildContentVariant('single-language', (dir) => {
      rmSync(`${dir}/modules/en/people-manager.mdx`);
      editFile(`${dir}/modules/ja/people-manager.mdx`, /^durationMinutes: 210$/m, 'durationMinutes: 210\nsingleLanguage: true');
    });
    expect(build.output).not.toContain('[ERROR]');
    expect(build.ok).toBe(true);
    const html = readFileSync(`${build.outDir}/en/modules/people-manager/index.html`, 'utf8');
    // The notice is English inside a Japanese article, so it carries its own language for screen readers.
    expect(html).toContain('<p class="bn-notice" role="note" lang="en">This workshop has not been translated into English yet, so it is shown in 日本語.</p>');
    expect(html).toMatch(/<html lang="en"/);
    expect(html).toMatch(/<article class="bn-prose bn-module"[^>]* lang="ja"/);
  });
});
