/**
 * The kit's CSS relies on one cascade-layer order (src/styles/layers.css): later layers win. The first @layer
 * statement a browser meets fixes that order, and page styles (exercises, survey, dashboard) load before the
 * layout's, so on every page the first stylesheet, linked or inlined, must open with the full order. A page whose
 * component rules met the browser first would see them lose to the base rules: this happened, and it is tested.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'node-html-parser';
import { rootSite } from '../support/sites.ts';
import { listPages, pagePathOf } from '../support/built-files.ts';

const ORDER = ['reset', 'tokens', 'base', 'layout', 'components', 'utilities', 'print'];

/** The layer order a browser ends up with: each name in the order it first appears, in a statement or a block. */
function layerOrder(stylesheets: readonly string[]): string[] {
  const order: string[] = [];
  for (const css of stylesheets) {
    for (const match of css.matchAll(/@layer\s+([\w\s,.-]+?)\s*[;{]/g)) {
      for (const name of match[1]!.split(',').map((n) => n.trim())) if (!order.includes(name)) order.push(name);
    }
  }
  return order;
}

/** The page's CSS in document order: each linked stylesheet's text or each inline style's text. */
function stylesheetsOf(file: string): string[] {
  const root = parse(readFileSync(file, 'utf8'));
  return root.querySelectorAll('link[rel="stylesheet"], style').map((element) => {
    if (element.tagName === 'STYLE') return element.textContent;
    const href = element.getAttribute('href')!.replace(rootSite.base, '');
    return readFileSync(join(rootSite.dir, href), 'utf8');
  });
}

describe('cascade layers', () => {
  const pages = listPages(rootSite.dir);

  it('checks every page, those with page styles included', () => {
    expect(pages.length).toBeGreaterThanOrEqual(16);
    // The build joins a page's head stylesheets into one file (src/lib/security/inline-content.ts), so page styles
    // and the layout's share a file: the order inside it is what counts.
    const survey = pages.find((file) => pagePathOf(rootSite.dir, file) === 'ja/survey/')!;
    expect(stylesheetsOf(survey).join('\n')).toMatch(/\.bn-survey-progress\s*\{/);
  });

  it("gives every page the kit's layer order, whichever stylesheet comes first", () => {
    const wrong = pages.map((file) => ({ page: pagePathOf(rootSite.dir, file), order: layerOrder(stylesheetsOf(file)).join(' < ') })).filter(({ order }) => order !== ORDER.join(' < '));
    expect(wrong).toEqual([]);
  });

  it('would notice page styles that come first without the order', () => {
    expect(layerOrder(['@layer components{.a{}}', '@layer reset,tokens,base,layout,components,utilities,print;'])).not.toEqual(ORDER);
  });
});
