import { z } from 'astro/zod';

/** Audiences a page is written for; they decide which home page lists it. */
export const audienceSchema = z.enum(['facilitators', 'participants', 'organisations'], {
  error: 'one of facilitators, participants, organisations',
});

/** A guide: a page of documentation for one or more audiences (deployment, configuration, privacy…). */
export const guideSchema = z.strictObject({
  /** Page title, also used in search results. */
  title: z.string({ error: 'a title, as text' }).min(1),
  /** One or two sentences shown under the title and on home pages. */
  summary: z.string({ error: 'a summary of one or two sentences' }).min(1),
  /** Who the guide is for. */
  audience: z.array(audienceSchema, { error: 'a list such as [facilitators, organisations]' }).min(1),
  /** Position in lists; lower comes first. */
  order: z.number({ error: 'a number that orders guides in lists, for example 10' }).int().default(100),
});
