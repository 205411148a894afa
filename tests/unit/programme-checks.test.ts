import { describe, expect, it } from 'vitest';
import { formatContentProblems } from '../../src/lib/content/checks.ts';
import { checkProgrammeDocuments, type ProgrammeDocumentFacts } from '../../src/lib/content/programme-checks.ts';

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
