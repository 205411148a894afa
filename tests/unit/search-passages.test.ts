import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXCERPT_WORDS, PASSAGE_WORDS, excerptRegion, pageWords, passageExcerpt, passageIndex, passageWindows, type Passage } from '../../src/lib/search/passages.ts';

const numbered = (count: number) => Array.from({ length: count }, (_, i) => `w${i}`);
const passageOf = (words: string[], window: { from: number; words: string[] }, joiner: '' | ' ' = ' '): Passage => ({
  url: '/en/x/',
  meta: { title: 'X' },
  filters: {},
  total: words.length,
  from: window.from,
  words: window.words,
  joiner,
});

describe('search passages', () => {
  it('counts words as Pagefind does: segments between zero-width spaces in Japanese, whitespace runs otherwise', () => {
    expect(pageWords('キャリア\u200Bの\u200B自律')).toEqual({ words: ['キャリア', 'の', '自律'], joiner: '' });
    expect(pageWords('Career  autonomy\nworkshop')).toEqual({ words: ['Career', 'autonomy', 'workshop'], joiner: ' ' });
  });

  it('cuts a page into windows that overlap by an excerpt on each side', () => {
    const windows = passageWindows(numbered(1000));
    expect(windows.map((w) => [w.from, w.from + w.words.length])).toEqual([
      [0, PASSAGE_WORDS + EXCERPT_WORDS],
      [PASSAGE_WORDS - EXCERPT_WORDS, 2 * PASSAGE_WORDS + EXCERPT_WORDS],
      [2 * PASSAGE_WORDS - EXCERPT_WORDS, 1000],
    ]);
    expect(passageWindows([''])).toHaveLength(1); // an empty page still has its title and link
  });

  it('starts the excerpt where the matches are densest, as Pagefind does', () => {
    expect(excerptRegion([], 10)).toBe(0);
    expect(excerptRegion([5], 10)).toBe(0); // the page is no longer than an excerpt
    // Every window from 91 to 100 holds the one match; Pagefind takes the middle of that run (it counts from 90).
    expect(excerptRegion([100], 10)).toBe(95);
    // Two matches close together outweigh one far away.
    const start = excerptRegion([20, 300, 305], 10);
    expect(start).toBeGreaterThan(295);
    expect(start).toBeLessThanOrEqual(300);
  });

  it('builds the excerpt with the matches marked, text escaped and the end of the page respected', () => {
    const words = numbered(50);
    words[12] = '<b>';
    const [window] = passageWindows(words);
    expect(passageExcerpt(passageOf(words, window!), 10, 4, [11, 12])).toBe('w10 <mark>w11</mark> <mark>&lt;b&gt;</mark> w13');
    // An excerpt that would run past the last word ends there instead.
    expect(passageExcerpt(passageOf(words, window!), 48, 4, [49])).toBe('w46 w47 w48 <mark>w49</mark>');
    expect(passageExcerpt({ ...passageOf(['自律', 'の', '時代'], { from: 0, words: ['自律', 'の', '時代'] }, '') }, 0, 28, [0])).toBe('<mark>自律</mark>の時代');
  });

  it('finds every excerpt of a long page whole in the one window the search asks for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (total, picks) => {
        const words = numbered(total);
        const locations = picks.map((pick) => pick % total);
        const start = excerptRegion(locations, EXCERPT_WORDS);
        const whole = passageOf(words, { from: 0, words });
        const window = passageWindows(words)[passageIndex(start)]!;
        expect(passageExcerpt(passageOf(words, window), start, EXCERPT_WORDS, locations)).toBe(passageExcerpt(whole, start, EXCERPT_WORDS, locations));
      }),
      // A match in the last words of a page just past a window's start: the excerpt is pulled back into the window before.
      { examples: [[PASSAGE_WORDS + 20, [PASSAGE_WORDS + 19]]] },
    );
  });
});
