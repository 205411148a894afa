import { describe, expect, it } from 'vitest';
import { checkModules, formatContentProblems, type ModuleFacts } from '../../src/lib/content/checks.ts';

const module = (entryId: string, overrides: Partial<ModuleFacts> = {}): ModuleFacts => ({
  entryId,
  id: entryId.split('/')[1]!,
  audience: 'people-managers',
  durationMinutes: 60,
  blockIds: ['opening', 'practice', 'closing'],
  exercises: ['assignment-meaning'],
  singleLanguage: false,
  ...overrides,
});
const exerciseIds = ['ja/assignment-meaning', 'en/assignment-meaning', 'ja/learning-journal'];
const check = (modules: ModuleFacts[], published: 'all' | string[] = 'all') =>
  checkModules({ modules, exerciseIds, locales: ['ja', 'en'], published, stageIds: ['first-years', 'early-career'] });

describe('cross-entry content checks', () => {
  it('accepts a module present in both languages with existing exercises', () => {
    expect(check([module('ja/people-manager'), module('en/people-manager')])).toEqual([]);
  });

  it('accepts a career stage of the stage model as an audience, and names the known ones for an unknown stage', () => {
    expect(check([module('ja/people-manager', { audience: 'first-years' }), module('en/people-manager', { audience: 'first-years' })])).toEqual([]);
    expect(formatContentProblems(check([module('ja/people-manager', { audience: 'seniors' }), module('en/people-manager')]))).toBe(
      '✖ content/modules/ja/people-manager.mdx → audience: "seniors" is not a career stage of content/stages.yaml.\n  Fix: use one of: first-years, early-career, people-managers.',
    );
  });

  it('names a missing translation and both ways to fix it', () => {
    expect(formatContentProblems(check([module('ja/people-manager')]))).toMatchInlineSnapshot(`
      "✖ content/modules/ja/people-manager.mdx → singleLanguage: module "people-manager" has no en version (content/modules/en/people-manager.mdx).
        Fix: write that file, or set singleLanguage: true to publish this version in en with a notice that it is not translated."
    `);
  });

  it("names the organisation layer's files for a module of its own, and the kit's for the kit's", () => {
    const organisationOwns = new Set(['modules/ja/return-from-leave.mdx']);
    const sourceName = (path: string) => `${organisationOwns.has(path) ? 'organisation' : 'content'}/${path}`;
    const problems = checkModules({ modules: [module('ja/return-from-leave')], exerciseIds, locales: ['ja', 'en'], published: 'all', stageIds: [], sourceName, hidden: ['veteran'], configName: 'organisation/site.yaml' });
    expect(formatContentProblems(problems)).toBe(
      '✖ organisation/modules/ja/return-from-leave.mdx → singleLanguage: module "return-from-leave" has no en version (organisation/modules/en/return-from-leave.mdx).\n' +
        '  Fix: write that file, or set singleLanguage: true to publish this version in en with a notice that it is not translated.\n\n' +
        '✖ organisation/site.yaml → hiddenModules[0]: no module has the id "veteran".\n  Fix: use one of: return-from-leave.',
    );
  });

  it('accepts a single-language module', () => {
    expect(check([module('ja/people-manager', { singleLanguage: true })])).toEqual([]);
  });

  it('rejects an exercise that does not exist in that language', () => {
    const problems = check([module('ja/x', { exercises: ['learning-journal'] }), module('en/x', { exercises: ['learning-journal'] })]);
    expect(formatContentProblems(problems)).toMatchInlineSnapshot(`
      "✖ content/modules/en/x.mdx → exercises[0]: no exercise "learning-journal" exists in content/exercises/en/.
        Fix: use one of: assignment-meaning."
    `);
  });

  it('rejects an id that does not match the file name', () => {
    expect(check([module('ja/x', { id: 'y', singleLanguage: true })]).map((p) => p.key)).toEqual(['id']);
  });

  it('rejects languages whose agendas differ', () => {
    const problems = check([module('ja/x'), module('en/x', { blockIds: ['opening', 'closing'], durationMinutes: 50 })]);
    expect(problems.map((p) => `${p.file} ${p.key}`)).toEqual(['content/modules/en/x.mdx blocks']);
  });

  it('rejects a configuration that publishes a module that does not exist', () => {
    expect(formatContentProblems(check([module('ja/x'), module('en/x')], ['x', 'peple-manager']))).toMatchInlineSnapshot(`
      "✖ content/site.yaml → modules[1]: no module has the id "peple-manager".
        Fix: use one of: x."
    `);
  });
});
