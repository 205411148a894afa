/**
 * The organisation layer (issue 17): an organisation keeps every change in its own folder and the kit's content/
 * stays as released. Built with a temporary layer that replaces a module and a UI string, adds an exercise, hides a
 * kit module, and replaces a guide whose kit original changed since it was copied (a warning that says what to
 * do); and with layers holding a wrong value, whose error names the file in the layer.
 */
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gitBlobId } from '../../src/lib/content/layers.ts';
import { buildSite } from '../support/build-sites.ts';
import { projectRoot, testOutput } from '../support/sites.ts';

const kit = `${projectRoot}content`;
const layers: string[] = [];

/** A temporary organisation layer holding these files (paths inside the layer → text). */
function layer(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'banso-organisation-'));
  layers.push(dir, `${dir}-cache`);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Builds the site with the layer; its own site.yaml is used when it has one, as in a real checkout. */
function build(layerDir: string, outDir: string): { ok: boolean; output: string } {
  const clean = (text: string) => text.replace(/\x1b\[[0-9;]*m/g, '');
  try {
    const output = buildSite(outDir, '', { BANSO_CONFIG: '', BANSO_ORGANISATION_DIR: layerDir, BANSO_CACHE_DIR: `${layerDir}-cache` });
    return { ok: true, output: clean(output) };
  } catch (error) {
    const failure = error as { stdout: string; stderr: string };
    return { ok: false, output: clean(`${failure.stdout}${failure.stderr}`) };
  }
}

const kitText = (path: string) => readFileSync(join(kit, path), 'utf8');
afterAll(() => {
  for (const dir of layers) rmSync(dir, { recursive: true, force: true });
});

describe('a site built with an organisation layer', () => {
  const outDir = `${testOutput}site-organisation`;
  const midCareer = kitText('modules/ja/mid-career.mdx').replace(/^title: .*$/m, 'title: 中堅社員のキャリア再設計ワークショップ（東和精機版）');
  const privacyGuide = `${kitText('guides/en/privacy.mdx')}\n\nAt Towa Seiki, ask the HR data office before exporting responses.\n`;
  const ownExercise = (locale: 'ja' | 'en') => kitText(`exercises/${locale}/work-map.yaml`).replace(/^title: .*$/m, locale === 'ja' ? 'title: 東和精機の仕事地図' : 'title: The Towa Seiki work map');
  let layerDir: string;
  let result: { ok: boolean; output: string };
  const page = (path: string) => readFileSync(`${outDir}/${path}index.html`, 'utf8');

  beforeAll(() => {
    layerDir = layer({
      'site.yaml': `${kitText('site.yaml')}\nhiddenModules: [veteran]\n`,
      'modules/ja/mid-career.mdx': midCareer,
      'guides/en/privacy.mdx': privacyGuide,
      'exercises/ja/towa-work-map.yaml': ownExercise('ja'),
      'exercises/en/towa-work-map.yaml': ownExercise('en'),
      'i18n/en.json': JSON.stringify({ 'search.open': 'Find' }),
      // The module was copied from the kit's current version; the guide from an older one, and the string's record
      // holds the kit's text of that time, so both of those are to review.
      'replaced.json': JSON.stringify({
        files: {
          'modules/ja/mid-career.mdx': gitBlobId(readFileSync(join(kit, 'modules/ja/mid-career.mdx'))),
          'site.yaml': gitBlobId(readFileSync(join(kit, 'site.yaml'))),
          'guides/en/privacy.mdx': gitBlobId(Buffer.from('an older version\n')),
        },
        strings: { en: { 'search.open': 'Look up' } },
      }),
    });
    result = build(layerDir, outDir);
  }, 600_000);

  it('builds', () => {
    expect(result.output).not.toMatch(/error/i);
    expect(result.ok).toBe(true);
  });

  it("publishes the organisation's version of a module the layer replaces, and leaves the other language the kit's", () => {
    expect(page('ja/modules/mid-career/')).toContain('中堅社員のキャリア再設計ワークショップ（東和精機版）');
    expect(page('en/modules/mid-career/')).toContain(/^title: (.*)$/m.exec(kitText('modules/en/mid-career.mdx'))![1]!.replace(/^["']|["']$/g, '').slice(0, 30));
    expect(page('en/guides/privacy/')).toContain('ask the HR data office before exporting responses');
  });

  it('adds an exercise of its own in both languages', () => {
    expect(page('ja/exercises/towa-work-map/')).toContain('東和精機の仕事地図');
    expect(page('en/exercises/towa-work-map/')).toContain('The Towa Seiki work map');
    expect(page('en/exercises/')).toContain('The Towa Seiki work map');
  });

  it('takes its UI strings key by key, the rest from the kit', () => {
    const home = page('en/');
    expect(home).toMatch(/>\s*Find\s*</);
    expect(home).toContain(JSON.parse(kitText('i18n/en.json'))['nav.facilitators']);
  });

  it('hides a kit module it lists in hiddenModules: no pages, not in the catalogue', () => {
    expect(existsSync(`${outDir}/ja/modules/veteran/index.html`)).toBe(false);
    expect(existsSync(`${outDir}/en/modules/veteran/facilitator/index.html`)).toBe(false);
    expect(page('ja/modules/')).not.toContain('/ja/modules/veteran/');
    expect(existsSync(`${outDir}/ja/modules/late-career/index.html`)).toBe(true);
  });

  it('says once which kit files the layer replaces and adds', () => {
    const summary = result.output.split('\n').filter((line) => line.includes('Organisation layer'));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain('replaces 3 kit file(s) (guides/en/privacy.mdx, modules/ja/mid-career.mdx, site.yaml) and 1 UI string(s); adds 2 file(s) (exercises/en/towa-work-map.yaml, exercises/ja/towa-work-map.yaml)');
  });

  it('warns about a replacement whose kit original changed since it was copied, naming both files and what to do', () => {
    const now = gitBlobId(readFileSync(join(kit, 'guides/en/privacy.mdx')));
    const warning = result.output.split('\n').filter((line) => line.includes('guides/en/privacy.mdx has changed in the kit'));
    expect(warning).toHaveLength(1);
    expect(warning[0]).toContain(`content/guides/en/privacy.mdx has changed in the kit since ${layerDir}/guides/en/privacy.mdx was copied from it`);
    expect(warning[0]).toContain(`git diff ${gitBlobId(Buffer.from('an older version\n'))} ${now}`);
    expect(warning[0]).toContain('npm run organisation -- reviewed guides/en/privacy.mdx');
    expect(result.output).toContain('The kit changed the UI string "search.open" (en) that');
    expect(result.output).toContain('it was "Look up" and is now "Search"');
    // The module was copied from the kit's current version: nothing to review.
    expect(result.output).not.toMatch(/(mid-career\.mdx|site\.yaml) has changed|replaces content\/(modules\/ja\/mid-career\.mdx|site\.yaml), but/);
  });

  it("leaves the kit's content folder as released", () => {
    expect(kitText('modules/ja/mid-career.mdx')).not.toContain('東和精機');
    expect(existsSync(join(kit, 'exercises/ja/towa-work-map.yaml'))).toBe(false);
  });
});

describe('a wrong value in the organisation layer', () => {
  it('stops the build with the message the kit gives, naming the file in the layer', () => {
    const source = kitText('modules/en/people-manager.mdx');
    expect(source).toMatch(/^ {4}kind: talk$/m);
    const layerDir = layer({ 'modules/en/people-manager.mdx': source.replace(/^ {4}kind: talk$/m, '    kind: lecture') });
    const result = build(layerDir, `${testOutput}site-organisation-broken`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain('one of talk, individual, pairs, small-groups, plenary, break');
    // Astro's own schema error locates the entry in the file it was read from: the layer's.
    expect(result.output).toMatch(new RegExp(`Location:\\s+${layerDir}/modules/en/people-manager\\.mdx`));
  }, 600_000);

  it('stops the build on a UI string the kit does not have or one that loses a placeholder, naming the layer file', () => {
    const layerDir = layer({ 'i18n/en.json': JSON.stringify({ 'serch.open': 'Find', 'dashboard.import.applied': 'Responses added.' }) });
    const result = build(layerDir, `${testOutput}site-organisation-broken`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`${layerDir}/i18n/en.json: "serch.open" is not a UI string of the kit (a typo?)`);
    expect(result.output).toContain(`${layerDir}/i18n/en.json: "dashboard.import.applied" must keep the kit text's placeholders ({{count}})`);
  }, 600_000);

  it('names the layer in a configuration mistake', () => {
    const layerDir = layer({ 'site.yaml': `${kitText('site.yaml')}\nhiddenModules: [veterans]\n` });
    const result = build(layerDir, `${testOutput}site-organisation-broken`);
    expect(result.ok).toBe(false);
    expect(result.output).toContain(`${layerDir}/site.yaml → hiddenModules[0]: no module has the id "veterans"`);
  }, 600_000);
});
