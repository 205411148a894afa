/**
 * The organisation layer's rules (src/lib/content/layers.ts) and `npm run organisation` (scripts/organisation.ts):
 * copying a kit file or one UI string into the layer records the version it came from; status says which
 * replacements' kit originals changed since; reviewed records the kit's current version.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compareLayers, gitBlobId, layerUiStrings, staleReplacements, staleStrings } from '../../src/lib/content/layers.ts';
import { projectRoot } from '../support/sites.ts';

describe('the layers compared', () => {
  it('tells replaced files from added ones, leaving out what is merged otherwise', () => {
    expect(compareLayers(['modules/ja/a.mdx', 'site.yaml', 'i18n/ja.json'], ['modules/ja/a.mdx', 'modules/ja/own.mdx', 'site.yaml', 'i18n/ja.json', 'replaced.json'])).toEqual({
      replaced: ['modules/ja/a.mdx', 'site.yaml'],
      added: ['modules/ja/own.mdx'],
    });
  });

  it("names a file's content the way git does, so git diff can show a kit change", () => {
    const file = join(projectRoot, 'content/stages.yaml');
    const git = spawnSync('git', ['hash-object', file], { encoding: 'utf8' });
    if (git.status === 0) expect(gitBlobId(readFileSync(file))).toBe(git.stdout.trim());
    expect(gitBlobId(Buffer.from('hello\n'))).toBe('ce013625030ba8dba906f756967f9e9ca394464a');
  });

  it('takes UI strings key by key, refusing unknown keys and lost placeholders', () => {
    const kit = { 'a.title': 'Title', 'a.count': 'Added {{count}} {{count|response|responses}}.' };
    expect(layerUiStrings(kit, { 'a.title': 'Heading' })).toEqual({ merged: { 'a.title': 'Heading', 'a.count': kit['a.count'] }, replaced: ['a.title'], problems: [] });
    const wrong = layerUiStrings(kit, { 'a.titel': 'x', 'a.count': 'Responses added.' });
    expect(wrong.problems).toEqual(['"a.titel" is not a UI string of the kit (a typo?), so it would never be shown', '"a.count" must keep the kit text\'s placeholders ({{count}}), or what they stand for goes missing']);
  });

  it('finds replacements whose kit original is not the recorded one', () => {
    const record = { files: { 'a.mdx': 'old', 'b.mdx': 'same' }, strings: { en: { 'x.y': 'Was' } } };
    expect(staleReplacements(['a.mdx', 'b.mdx', 'c.mdx'], new Map([['a.mdx', 'new'], ['b.mdx', 'same'], ['c.mdx', 'c1']]), record)).toEqual([
      { path: 'a.mdx', copiedFrom: 'old', now: 'new' },
      { path: 'c.mdx', copiedFrom: undefined, now: 'c1' },
    ]);
    expect(staleStrings('en', ['x.y'], { 'x.y': 'Now' }, record)).toEqual([{ locale: 'en', key: 'x.y', was: 'Was', now: 'Now' }]);
    expect(staleStrings('en', ['x.y'], { 'x.y': 'Was' }, record)).toEqual([]);
  });
});

describe('npm run organisation', () => {
  const work = mkdtempSync(join(tmpdir(), 'banso-organisation-cli-'));
  const kit = join(work, 'content');
  const layer = join(work, 'organisation');
  cpSync(join(projectRoot, 'content/i18n'), join(kit, 'i18n'), { recursive: true });
  cpSync(join(projectRoot, 'content/modules/ja/mid-career.mdx'), join(kit, 'modules/ja/mid-career.mdx'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  // Run from a checkout's top folder, with content/ and organisation/ where the kit has them.
  const run = (...args: string[]) => {
    const result = spawnSync(process.execPath, [join(projectRoot, 'scripts/organisation.ts'), ...args], { encoding: 'utf8', cwd: work, env: { ...process.env, BANSO_CONTENT_DIR: '', BANSO_ORGANISATION_DIR: '' } });
    return { ok: result.status === 0, out: `${result.stdout}${result.stderr}` };
  };
  const record = () => JSON.parse(readFileSync(join(layer, 'replaced.json'), 'utf8'));

  it('copies a kit file and a UI string into the layer and records where they came from', () => {
    expect(run('copy', 'modules/ja/mid-career.mdx').out).toContain('organisation/modules/ja/mid-career.mdx: edit it there');
    expect(readFileSync(join(layer, 'modules/ja/mid-career.mdx'), 'utf8')).toBe(readFileSync(join(kit, 'modules/ja/mid-career.mdx'), 'utf8'));
    expect(run('copy', 'i18n/en.json#search.open').ok).toBe(true);
    expect(JSON.parse(readFileSync(join(layer, 'i18n/en.json'), 'utf8'))).toEqual({ 'search.open': 'Search' });
    expect(record()).toEqual({ files: { 'modules/ja/mid-career.mdx': gitBlobId(readFileSync(join(kit, 'modules/ja/mid-career.mdx'))) }, strings: { en: { 'search.open': 'Search' } } });
    expect(run('status').out).toContain('Every replacement matches the kit version it was copied from.');
  });

  it('says which replacements to review after the kit changes them, until they are reviewed', () => {
    writeFileSync(join(kit, 'modules/ja/mid-career.mdx'), `${readFileSync(join(kit, 'modules/ja/mid-career.mdx'), 'utf8')}\n追記\n`);
    const strings = JSON.parse(readFileSync(join(kit, 'i18n/en.json'), 'utf8'));
    writeFileSync(join(kit, 'i18n/en.json'), JSON.stringify({ ...strings, 'search.open': 'Search the kit' }));
    const status = run('status').out;
    expect(status).toContain('REVIEW  modules/ja/mid-career.mdx');
    expect(status).toContain('REVIEW  i18n/en.json#search.open');
    expect(status).toContain('2 replacement(s) to review');
    expect(run('reviewed', 'modules/ja/mid-career.mdx').ok).toBe(true);
    expect(run('reviewed', 'i18n/en.json#search.open').ok).toBe(true);
    expect(run('status').out).toContain('Every replacement matches the kit version it was copied from.');
  });

  it('refuses what it cannot do, saying why', () => {
    expect(run('copy', 'modules/ja/no-such.mdx')).toEqual({ ok: false, out: expect.stringContaining('The kit has no file content/modules/ja/no-such.mdx') });
    expect(run('copy', 'modules/ja/mid-career.mdx')).toEqual({ ok: false, out: expect.stringContaining('exists already') });
    expect(run('copy', 'i18n/en.json#serch.open')).toEqual({ ok: false, out: expect.stringContaining('The kit has no UI string "serch.open"') });
    expect(run('launch').out).toContain('Usage: npm run organisation');
  });
});
