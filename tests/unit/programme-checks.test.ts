import { describe, expect, it } from 'vitest';
import { formatContentProblems } from '../../src/lib/content/checks.ts';
import { checkProgrammeDocuments, checkProgrammeViews, type ProgrammeDocumentFacts, type ProgrammeViewFacts } from '../../src/lib/content/programme-checks.ts';

const document = (entryId: string, overrides: Partial<ProgrammeDocumentFacts> = {}): ProgrammeDocumentFacts => ({ entryId, order: 90, readers: ['employees'], ...overrides });
const check = (documents: ProgrammeDocumentFacts[]) => checkProgrammeDocuments({ documents, locales: ['ja', 'en'] });

describe('programme document checks', () => {
  it('accepts no documents at all, and a document in both languages', () => {
    expect(check([])).toEqual([]);
    expect(check([document('ja/consent-form'), document('en/consent-form', { readers: ['employees'] })])).toEqual([]);
  });

  it('names a missing translation, the file to write and the other way out', () => {
    expect(formatContentProblems(check([document('ja/consent-form')]))).toMatchInlineSnapshot(`
      "✖ content/programme/ja/consent-form.mdx → (translation): the document "consent-form" has no en version (content/programme/en/consent-form.mdx).
        Fix: write that file, or remove en from locales in content/site.yaml."
    `);
  });

  it('asks nothing of a language the site does not publish', () => {
    expect(checkProgrammeDocuments({ documents: [document('ja/faq')], locales: ['ja'] })).toEqual([]);
    expect(checkProgrammeDocuments({ documents: [document('ja/faq'), document('en/faq', { order: 5 })], locales: ['ja'] })).toEqual([]);
  });

  it('rejects languages that list a document in different places or for different readers', () => {
    const problems = check([document('ja/faq', { readers: ['employees', 'managers'] }), document('en/faq', { order: 100, readers: ['managers'] })]);
    expect(problems.map((p) => `${p.file} ${p.key}`)).toEqual(['content/programme/en/faq.mdx order', 'content/programme/en/faq.mdx readers']);
    expect(problems[1]!.problem).toBe('[managers] here but [employees, managers] in content/programme/ja/faq.mdx');
  });

  it('accepts readers listed in another order', () => {
    expect(check([document('ja/rules', { readers: ['hr', 'managers'] }), document('en/rules', { readers: ['managers', 'hr'] })])).toEqual([]);
  });

  it('rejects a file name that cannot be a page address', () => {
    const problems = check([document('ja/Consent Form'), document('en/Consent Form')]);
    expect(problems.map((p) => p.key)).toEqual(['(file name)', '(file name)']);
  });
});

describe('programme view checks', () => {
  const view = (locale: string, overrides: Partial<ProgrammeViewFacts> = {}): ProgrammeViewFacts => ({
    locale,
    steps: [{ id: 'survey-before', from: -1 }, { id: 'interview', from: 1, to: 2 }],
    invitedStages: ['first-years'],
    ...overrides,
  });
  const check = (views: ProgrammeViewFacts[], locales = ['ja', 'en']) => checkProgrammeViews({ views, locales, stageIds: ['first-years', 'late-career'] });

  it('accepts both languages with the same steps', () => {
    expect(check([view('ja'), view('en')])).toEqual([]);
  });

  it('names a missing language', () => {
    expect(check([view('ja')]).map((p) => `${p.file} ${p.key}`)).toEqual(['content/programme-view/en/index.mdx (file)']);
    expect(check([view('ja')], ['ja'])).toEqual([]);
  });

  it('rejects steps moved in one language only', () => {
    const problems = check([view('ja'), view('en', { steps: [{ id: 'survey-before', from: -1 }, { id: 'interview', from: 1, to: 3 }] })]);
    expect(formatContentProblems(problems)).toMatchInlineSnapshot(`
      "✖ content/programme-view/en/index.mdx → steps: the steps differ from content/programme-view/ja/index.mdx (survey-before -1…-1, interview 1…3 against survey-before -1…-1, interview 1…2).
        Fix: give both languages the same step ids in the same order, with the same from and to months."
    `);
  });

  it('rejects a stage the stage model does not have', () => {
    expect(check([view('ja', { invitedStages: ['first-years', 'seniors'] }), view('en')]).map((p) => `${p.key}: ${p.problem}`)).toEqual(['invitations[1].stage: "seniors" is not a career stage of content/stages.yaml']);
  });
});
