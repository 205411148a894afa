import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseSiteConfig, SiteConfigError } from '../../src/lib/config/load.ts';
import { contrastWithWhite } from '../../src/lib/config/schema.ts';
import { closestKey } from '../../src/lib/config/format-errors.ts';

const shipped = readFileSync(new URL('../../content/site.yaml', import.meta.url), 'utf8');

/** The message a person sees for a configuration text. */
function messageFor(text: string): string {
  try {
    parseSiteConfig(text, 'content/site.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(SiteConfigError);
    return (error as Error).message;
  }
  throw new Error('expected the configuration to be rejected');
}

const minimal = 'organisation:\n  name:\n    ja: 株式会社サンプル\n';

describe('site configuration', () => {
  it('accepts the shipped content/site.yaml', () => {
    const config = parseSiteConfig(shipped, 'content/site.yaml');
    expect(config.locales).toEqual(['ja', 'en']);
    expect(config.privacy).toEqual({ minGroupSize: 5, minCommentGroupSize: 10, responsesCsv: true });
    expect(config.basePath).toBe('/');
  });

  it('fills in documented defaults when only the organisation name is given', () => {
    expect(parseSiteConfig(minimal, 'site.yaml')).toEqual({
      organisation: { name: { ja: '株式会社サンプル' } },
      accentColor: '#1d5c87',
      locales: ['ja', 'en'],
      modules: 'all',
      hiddenModules: [],
      privacy: { minGroupSize: 5, minCommentGroupSize: 10, responsesCsv: true },
      basePath: '/',
    });
  });

  it('names the key, the line, what was received and what is expected for a wrong type', () => {
    expect(messageFor(`${minimal}privacy:\n  minGroupSize: five\n`)).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml has one problem:

      ✖ privacy.minGroupSize (line 5)
        Received: "five" (text)
        Expected: a whole number from 2 to 100 (default 5).
        Fix: change privacy.minGroupSize in content/site.yaml at line 5 to what is expected.

      The configuration guide (/ja/guides/configuration/) documents every key."
    `);
  });

  it('suggests the key a typo meant', () => {
    expect(messageFor(`${minimal}acentColor: "#123456"\n`)).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml has one problem:

      ✖ acentColor (line 4)
        Unknown key "acentColor" at the top level.
        Fix: did you mean "accentColor"? Correct the spelling, or remove the key.

      The configuration guide (/ja/guides/configuration/) documents every key."
    `);
  });

  it('rejects an accent colour too light for white text, giving the measured contrast', () => {
    expect(messageFor(`${minimal}accentColor: "#7fc8f8"\n`)).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml has one problem:

      ✖ accentColor (line 4)
        Received: "#7fc8f8" (text)
        Expected: a colour dark enough for white text (contrast at least 4.5:1, WCAG 2.2 AA); #7fc8f8 gives only 1.82:1. Choose a darker shade of it.
        Fix: change accentColor in content/site.yaml at line 4 to what is expected.

      The configuration guide (/ja/guides/configuration/) documents every key."
    `);
  });

  it('rejects a base path without its slashes', () => {
    expect(messageFor(`${minimal}basePath: career-kit\n`)).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml has one problem:

      ✖ basePath (line 4)
        Received: "career-kit" (text)
        Expected: a path that starts and ends with "/" and contains only letters, digits, ".", "_", "~" and "-", for example "/" or "/career-kit/".
        Fix: change basePath in content/site.yaml at line 4 to what is expected.

      The configuration guide (/ja/guides/configuration/) documents every key."
    `);
  });

  it('accepts a public address that ends in the base path, adding its trailing slash', () => {
    expect(parseSiteConfig(`${minimal}basePath: /career-kit/\npublicUrl: https://careers.example.co.jp/career-kit\n`, 'site.yaml').publicUrl).toBe(
      'https://careers.example.co.jp/career-kit/',
    );
    expect(parseSiteConfig(`${minimal}publicUrl: http://intranet.example.co.jp/\n`, 'site.yaml').publicUrl).toBe('http://intranet.example.co.jp/');
    expect(parseSiteConfig(minimal, 'site.yaml').publicUrl).toBeUndefined();
  });

  it('rejects a public address that is not a full http(s) address', () => {
    expect(messageFor(`${minimal}publicUrl: careers.example.co.jp\n`)).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml has one problem:

      ✖ publicUrl (line 4)
        Received: "careers.example.co.jp" (text)
        Expected: a full web address starting with https:// or http://, without "?" or "#", for example "https://careers.example.co.jp/career-kit/".
        Fix: change publicUrl in content/site.yaml at line 4 to what is expected.

      The configuration guide (/ja/guides/configuration/) documents every key."
    `);
    expect(messageFor(`${minimal}publicUrl: ftp://files.example.co.jp/\n`)).toContain('Expected: a full web address starting with https:// or http://');
    expect(messageFor(`${minimal}publicUrl: https://careers.example.co.jp/?site=kit\n`)).toContain('without "?" or "#"');
    expect(messageFor(`${minimal}publicUrl: "https://careers.example.co.jp:99999/"\n`)).toContain('Expected: a web address whose host name is valid');
  });

  it('rejects a public address served from another folder than the base path, naming both ways to fix it', () => {
    expect(messageFor(`${minimal}basePath: /kit/\npublicUrl: https://careers.example.co.jp/career-kit/\n`)).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml has one problem:

      ✖ publicUrl (line 5)
        Received: "https://careers.example.co.jp/career-kit/" (text)
        Expected: an address that ends in the base path /kit/: https://careers.example.co.jp/career-kit/ is served from /career-kit/. Make the two agree (basePath: /career-kit/, or publicUrl: https://careers.example.co.jp/kit/).
        Fix: change publicUrl in content/site.yaml at line 5 to what is expected.

      The configuration guide (/ja/guides/configuration/) documents every key."
    `);
    // The default base path "/" counts too.
    expect(messageFor(`${minimal}publicUrl: https://careers.example.co.jp/kit/\n`)).toContain('ends in the base path /: ');
  });

  it('requires the comment threshold to be at least the score threshold', () => {
    expect(messageFor(`${minimal}privacy:\n  minGroupSize: 8\n  minCommentGroupSize: 6\n`)).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml has one problem:

      ✖ privacy.minCommentGroupSize (line 6)
        Received: 6 (a number)
        Expected: minCommentGroupSize at least as large as minGroupSize: comments identify people more easily than scores.
        Fix: change privacy.minCommentGroupSize in content/site.yaml at line 6 to what is expected.

      The configuration guide (/ja/guides/configuration/) documents every key."
    `);
  });

  it('accepts privacy.responsesCsv: false and rejects anything but true or false', () => {
    expect(parseSiteConfig(`${minimal}privacy:\n  responsesCsv: false\n`, 'site.yaml').privacy).toEqual({ minGroupSize: 5, minCommentGroupSize: 10, responsesCsv: false });
    expect(messageFor(`${minimal}privacy:\n  responsesCsv: no\n`)).toContain('Expected: true or false (default true).');
  });

  it('rejects an unknown language and a missing organisation together', () => {
    expect(messageFor('locales: [ja, fr]\n')).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml has 2 problems:

      ✖ organisation
        Missing: this key is required.
        Expected: a section with name (ja/en), and optionally logo and contact.
        Fix: add organisation to content/site.yaml.

      ✖ locales[1] (line 1)
        Received: "fr" (text)
        Expected: one of "ja", "en".
        Fix: change locales[1] in content/site.yaml at line 1 to what is expected.

      The configuration guide (/ja/guides/configuration/) documents every key."
    `);
  });

  it('explains YAML syntax errors with the line and column', () => {
    expect(messageFor(`${minimal}locales: [ja, en\nbasePath: /\n`)).toMatchInlineSnapshot(`
      "The site configuration content/site.yaml is not valid YAML (line 5, column 1): Flow sequence in block collection must be sufficiently indented and end with a ]
        Fix: check the indentation (spaces, not tabs) and that every "key: value" pair has a space after the colon. Text containing ":" or "#" must be put in quotes."
    `);
  });

  it('computes WCAG contrast ratios', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    // #767676 is the well-known lightest grey that passes AA on white (4.54:1).
    expect(contrastWithWhite('#767676')).toBeCloseTo(4.54, 2);
  });

  it('suggests only keys that are close to the typo', () => {
    expect(closestKey('acentColor', ['accentColor', 'locales'])).toBe('accentColor');
    expect(closestKey('colour', ['accentColor', 'locales', 'basePath'])).toBeUndefined();
  });
});
