/**
 * A programme document (`content/programme/{ja,en}/<slug>.mdx`): one of the papers an HR team adapts and prints
 * to run the programme (the development vision, internal rules, calendar, announcement, consent form…).
 */
import { z } from 'astro/zod';

/** Who a document is addressed to; the documents index shows it, so HR can see which papers go to whom. */
export const programmeReaderSchema = z.enum(['hr', 'executives', 'managers', 'employees', 'interviewers', 'facilitators'], {
  error: 'one of hr, executives, managers, employees, interviewers, facilitators',
});

export type ProgrammeReader = z.infer<typeof programmeReaderSchema>;

export const programmeDocumentSchema = z.strictObject({
  /** The document's title as printed. */
  title: z.string({ error: 'the title as printed, as text' }).trim().min(1, { error: 'the title as printed, not empty' }),
  /** One or two sentences: what the document is and how HR uses it. Shown in lists and above the document on screen, never printed. */
  summary: z.string({ error: 'one or two sentences on what the document is and how HR uses it' }).trim().min(1, { error: 'a summary, not empty' }),
  /** Position in the documents index; lower comes first. Both languages give a document the same order. */
  order: z.number({ error: 'a whole number that orders the documents, for example 10' }).int({ error: 'a whole number, for example 10' }),
  /** Who the document is addressed to. */
  readers: z.array(programmeReaderSchema, { error: 'a list such as [employees] or [hr, executives]' }).min(1, { error: 'at least one reader, such as [employees]' }),
});

export type ProgrammeDocumentData = z.infer<typeof programmeDocumentSchema>;
