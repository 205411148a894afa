/**
 * The organisation's configuration: `content/site.yaml`.
 *
 * Every field's `error` text states what is expected in words an HR administrator can act on;
 * `formatConfigIssues` adds the key path, the value received and the line in the file.
 */
import { z } from 'astro/zod';
import { LOCALES } from '../i18n/locales.ts';

const localisedText = (what: string) =>
  z
    .strictObject(
      {
        ja: z.string({ error: `${what} in Japanese, as text` }).trim().min(1, { error: `${what} in Japanese, not empty` }).optional(),
        en: z.string({ error: `${what} in English, as text` }).trim().min(1, { error: `${what} in English, not empty` }).optional(),
      },
      { error: `${what}, given per language: ja: … and en: …` },
    )
    .refine((text) => text.ja !== undefined || text.en !== undefined, {
      error: `${what} in at least one language (ja or en)`,
    });

/** WCAG 2.2 relative luminance, https://www.w3.org/TR/WCAG22/#dfn-relative-luminance */
function relativeLuminance(hex: string): number {
  const channels = [1, 3, 5].map((start) => parseInt(hex.slice(start, start + 2), 16) / 255);
  const [r, g, b] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

/** Contrast ratio of a colour against white, https://www.w3.org/TR/WCAG22/#dfn-contrast-ratio */
export function contrastWithWhite(hex: string): number {
  return 1.05 / (relativeLuminance(hex) + 0.05);
}

/** The accent colour fills buttons and links with white or page-coloured text, so it must keep AA contrast. */
const MIN_ACCENT_CONTRAST = 4.5;

const accentColor = z
  .string({ error: 'a colour written as #RRGGBB, for example "#1d5c87"' })
  .regex(/^#[0-9a-fA-F]{6}$/, { error: 'a colour written as #RRGGBB (six hexadecimal digits), for example "#1d5c87"' })
  .refine((hex) => contrastWithWhite(hex) >= MIN_ACCENT_CONTRAST, {
    error: (issue) =>
      `a colour dark enough for white text (contrast at least ${MIN_ACCENT_CONTRAST}:1, WCAG 2.2 AA); ` +
      `${String(issue.input)} gives only ${contrastWithWhite(String(issue.input)).toFixed(2)}:1. Choose a darker shade of it`,
  });

const basePath = z
  .string({ error: 'a path such as "/" or "/career-kit/"' })
  .regex(/^\/([A-Za-z0-9._~-]+\/)*$/, {
    error: 'a path that starts and ends with "/" and contains only letters, digits, ".", "_", "~" and "-", for example "/" or "/career-kit/"',
  });

/**
 * The address people open the site at, for search engines: absolute hreflang alternates, canonical links and the
 * sitemap need it (relative ones are invalid, https://developers.google.com/search/docs/specialty/international/localized-versions).
 * Stored with its trailing slash; its path must be the base path, or every generated link would point elsewhere.
 */
const publicUrl = z
  .string({ error: 'a web address such as "https://careers.example.co.jp/career-kit/"' })
  .regex(/^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/, {
    error: 'a full web address starting with https:// or http://, without "?" or "#", for example "https://careers.example.co.jp/career-kit/"',
    abort: true,
  })
  .refine((text) => URL.canParse(text), { error: 'a web address whose host name is valid, for example "https://careers.example.co.jp/"' })
  .transform((text) => (text.endsWith('/') ? text : `${text}/`));

const contactUrl = z
  .string({ error: 'a web address (https://…) or an e-mail link (mailto:…)' })
  .regex(/^(https?:\/\/\S+|mailto:\S+@\S+|\/\S*)$/, {
    error: 'a web address starting with https:// or http://, a site path starting with /, or an e-mail link such as mailto:career@example.co.jp',
  });

const privacy = z
  .strictObject(
    {
      minGroupSize: z
        .number({ error: 'a whole number from 2 to 100 (default 5)' })
        .int({ error: 'a whole number from 2 to 100 (default 5)' })
        .min(2, { error: 'at least 2: a "group" of one would show a person\'s own answers' })
        .max(100, { error: 'at most 100' })
        .default(5)
        .describe('No score is shown for a group with fewer responses than this.'),
      minCommentGroupSize: z
        .number({ error: 'a whole number from 2 to 500 (default 10)' })
        .int({ error: 'a whole number from 2 to 500 (default 10)' })
        .min(2, { error: 'at least 2' })
        .max(500, { error: 'at most 500' })
        .default(10)
        .describe('Free-text comments are shown only for groups at least this large.'),
      responsesCsv: z
        .boolean({ error: 'true or false (default true)' })
        .default(true)
        .describe('Offer the raw responses CSV (personal data) on the dashboard; false removes the button.'),
    },
    { error: 'a section with minGroupSize, minCommentGroupSize and responsesCsv' },
  )
  .refine((p) => p.minCommentGroupSize >= p.minGroupSize, {
    error: 'minCommentGroupSize at least as large as minGroupSize: comments identify people more easily than scores',
    path: ['minCommentGroupSize'],
  })
  .default({ minGroupSize: 5, minCommentGroupSize: 10, responsesCsv: true });

export const siteConfigSchema = z.strictObject(
  {
    organisation: z.strictObject(
      {
        name: localisedText('the organisation name').describe('Shown in the header and page titles.'),
        logo: z
          .string({ error: 'a file path under public/, starting with "/", for example "/brand/logo.svg"' })
          .regex(/^\/[^\s]+\.(svg|png|webp|jpe?g)$/i, {
            error: 'a file path under public/ starting with "/" and ending in .svg, .png, .webp or .jpg, for example "/brand/logo.svg"',
          })
          .optional()
          .describe('Path of the logo inside public/. Omit to show the name alone.'),
        contact: z
          .strictObject(
            {
              label: localisedText('the contact link text'),
              url: contactUrl,
            },
            { error: 'a section with label (ja/en) and url' },
          )
          .optional()
          .describe('Where participants and facilitators can ask questions.'),
      },
      { error: 'a section with name (ja/en), and optionally logo and contact' },
    ),
    accentColor: accentColor.default('#1d5c87').describe('Brand colour for links and buttons.'),
    locales: z
      .array(z.enum(LOCALES, { error: `one of ${LOCALES.map((l) => `"${l}"`).join(', ')}` }), {
        error: `a list of languages, for example [ja, en]`,
      })
      .min(1, { error: 'at least one language, for example [ja]' })
      .refine((list) => new Set(list).size === list.length, { error: 'each language only once' })
      .default([...LOCALES])
      .describe('Languages to publish; the first is the default.'),
    modules: z
      .union([z.literal('all'), z.array(z.string().regex(/^[a-z0-9-]+$/), { error: 'module ids in kebab-case' })], {
        error: 'either all or a list of module ids, for example [people-manager]',
      })
      .default('all')
      .describe('Which workshop modules are published.'),
    hiddenModules: z
      .array(z.string().regex(/^[a-z0-9-]+$/), { error: 'a list of module ids in kebab-case, for example [veteran]' })
      .default([])
      .describe("Kit modules not to publish, for example [veteran]; a new module of a kit release is published unless listed."),
    privacy,
    basePath: basePath.default('/').describe('The folder the site is served from, for example /career-kit/.'),
    publicUrl: publicUrl
      .optional()
      .describe('The address the site is published at, for example https://careers.example.co.jp/career-kit/; enables absolute language links and sitemap.xml.'),
  },
  { error: 'a configuration with an organisation section' },
).refine((config) => !config.publicUrl || !URL.canParse(config.publicUrl) || new URL(config.publicUrl).pathname === config.basePath, {
  // A wrong address is reported by the publicUrl field itself; this checks only that a valid one agrees with basePath.
  error: (issue) => {
    const { publicUrl: address, basePath: base } = issue.input as { publicUrl: string; basePath: string };
    const { origin, pathname } = new URL(address);
    return `an address that ends in the base path ${base}: ${address} is served from ${pathname}. Make the two agree (basePath: ${pathname}, or publicUrl: ${origin}${base})`;
  },
  path: ['publicUrl'],
});

export type SiteConfig = z.infer<typeof siteConfigSchema>;
export type SiteConfigInput = z.input<typeof siteConfigSchema>;
