/**
 * Page-weight budgets from the product requirements (issue 2): a content page ships at most 3 KB gzip
 * of JavaScript before search is opened, no framework runtime, and at most 10 KB gzip of CSS.
 */
import { describe, expect, it } from 'vitest';
import { measureSite } from '../../scripts/page-weight.ts';
import { rootSite } from '../support/sites.ts';

const JS_BUDGET = 3 * 1024;
const CSS_BUDGET = 10 * 1024;

describe('page weight', async () => {
  const weights = await measureSite(rootSite.dir, rootSite.base);
  /** Pages that carry an interactive island have their own budgets, checked with their features. */
  const contentPages = weights.filter((w) => !w.jsFiles.some((file) => /client|svelte/i.test(file)));

  it('measures every page', () => {
    expect(contentPages.length).toBeGreaterThanOrEqual(16);
  });

  it(`keeps eager JavaScript of content pages within ${JS_BUDGET} bytes gzip`, () => {
    const over = contentPages.filter((w) => w.jsGzip > JS_BUDGET).map((w) => `${w.page}: ${w.jsGzip} B`);
    expect(over).toEqual([]);
  });

  it('ships no framework runtime on content pages', () => {
    expect(contentPages.flatMap((w) => w.jsFiles.filter((file) => /svelte|client\./.test(file)))).toEqual([]);
  });

  it(`keeps CSS of every page within ${CSS_BUDGET} bytes gzip`, () => {
    const over = weights.filter((w) => w.cssGzip > CSS_BUDGET).map((w) => `${w.page}: ${w.cssGzip} B`);
    expect(over).toEqual([]);
  });
});
