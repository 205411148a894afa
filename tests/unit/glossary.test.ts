/**
 * Holds every page to the kit's glossary (content/glossary.yaml): one word for each idea in content, interface
 * text and the survey, in both languages. A failure names the file, the line and the word to use instead.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../support/sites.ts';

interface Entry {
  use: string;
  avoid: string[];
}
type Locale = 'ja' | 'en';

const glossary = parse(readFileSync(`${projectRoot}content/glossary.yaml`, 'utf8')) as Record<Locale, Entry[]> & { titles: string[] };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

function escape(text: string) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Published titles are quoted as published (Bandura's "behavioral"), so they are not held to the glossary. */
const publishedTitles = new RegExp(glossary.titles.map(escape).join('|'), 'g');

/** Code samples and URLs are not prose: `color:` in a CSS sample or an id in a path is not a spelling. */
function prose(text: string): string {
  return text
    .replace(/```[\s\S]*?```/g, (block) => block.replace(/[^\n]/g, ' '))
    .replace(/`[^`\n]*`/g, (code) => ' '.repeat(code.length))
    .replace(/https?:\/\/\S+/g, (url) => ' '.repeat(url.length))
    .replace(/^import .*$/gm, (line) => ' '.repeat(line.length))
    .replace(publishedTitles, (title) => ' '.repeat(title.length))
    // A reference ("Author, A. (2001). Title. Journal…") quotes published titles as published, American spelling included.
    .replace(/^.*\(\d{4}[a-z]?\)\.\s.*$/gm, (line) => ' '.repeat(line.length));
}

/** The text of one language in a bilingual YAML file (the survey instrument): every value under that key. */
function valuesIn(node: unknown, locale: Locale, inside = false): string[] {
  if (typeof node === 'string') return inside ? [node] : [];
  if (Array.isArray(node)) return node.flatMap((child) => valuesIn(child, locale, inside));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([key, child]) => valuesIn(child, locale, inside || key === locale));
  return [];
}

interface Source {
  file: string;
  text: string;
}

function sourcesOf(locale: Locale): Source[] {
  const content = `${projectRoot}content`;
  const own = filesUnder(content).filter((file) => new RegExp(`/${locale}/`).test(file) && /\.(mdx|md|ya?ml)$/.test(file));
  const sources = [...own, `${content}/i18n/${locale}.json`].map((file) => ({ file, text: prose(readFileSync(file, 'utf8')) }));
  for (const file of filesUnder(`${content}/survey`).filter((f) => /\.ya?ml$/.test(f))) {
    sources.push({ file, text: valuesIn(parse(readFileSync(file, 'utf8')), locale).join('\n') });
  }
  // Japanese forms to avoid are never right anywhere, so the code (hard-coded labels, comments) is held too.
  if (locale === 'ja') {
    for (const file of filesUnder(`${projectRoot}src`).filter((f) => /\.(ts|svelte|astro)$/.test(f))) sources.push({ file, text: readFileSync(file, 'utf8') });
  }
  if (locale === 'en') sources.push({ file: `${projectRoot}README.md`, text: prose(readFileSync(`${projectRoot}README.md`, 'utf8')) });
  return sources;
}

/** English words match whole and in lower case (so `accentColor` or `Color` in an API name is not a hit). */
function patternFor(word: string, locale: Locale) {
  return locale === 'en' ? new RegExp(`(?<![\\w-])${escape(word)}(?![\\w-])`, 'g') : new RegExp(escape(word), 'g');
}

function findAvoided(locale: Locale): string[] {
  const hits: string[] = [];
  for (const { file, text } of sourcesOf(locale)) {
    const lines = text.split('\n');
    for (const entry of glossary[locale]) {
      for (const word of entry.avoid) {
        const pattern = patternFor(String(word), locale);
        lines.forEach((line, index) => {
          if (pattern.test(line)) hits.push(`${relative(projectRoot, file)}:${index + 1}: "${word}"; use ${entry.use}`);
          pattern.lastIndex = 0;
        });
      }
    }
  }
  return hits;
}

describe('the glossary', () => {
  it('is well formed: every entry names what to use and what to avoid', () => {
    for (const locale of ['ja', 'en'] as const) {
      expect(glossary[locale].length).toBeGreaterThan(0);
      for (const entry of glossary[locale]) {
        expect(entry.use).toBeTruthy();
        expect(entry.avoid.length).toBeGreaterThan(0);
      }
    }
  });

  it('finds an avoided word when one is there (the check can fail)', () => {
    expect('ワーク・エンゲイジメント').toMatch(patternFor('エンゲイジメント', 'ja'));
    expect('Plan your next 1on1.').toMatch(patternFor('1on1', 'en'));
    expect('the organization').toMatch(patternFor('organization', 'en'));
    expect('accentColor: blue').not.toMatch(patternFor('color', 'en'));
    expect(prose('- Wrzesniewski, A., & Dutton, J. E. (2001). Crafting a job. Academy of Management Review, Organizational Behavior.')).not.toMatch(patternFor('Organizational', 'en'));
    expect(prose('The organizational side of it (2001).')).toMatch(patternFor('organizational', 'en'));
    expect(prose('Bandura (1977). Self-efficacy: Toward a unifying theory of behavioral change.')).not.toMatch(patternFor('behavioral', 'en'));
    expect(prose('Set `color: red` in ```css\ncolor: red\n```')).not.toMatch(patternFor('color', 'en'));
  });

  it.each(['ja', 'en'] as const)('holds every %s page, interface string and survey item to it', (locale) => {
    expect(findAvoided(locale)).toEqual([]);
  });
});
