import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EXCERPT_WORDS, PASSAGE_WORDS, excerptRegion, fragmentPassage, pageWords, passageExcerpt, passageIndex, passageWindows, type Passage } from '../../src/lib/search/passages.ts';

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

  it('starts the excerpt a few words before the densest run of matches', () => {
    expect(excerptRegion([], 28)).toBe(0);
    expect(excerptRegion([3], 28)).toBe(0); // near the top of the page, from the top
    expect(excerptRegion([100], 28)).toBe(93);
    // Two matches close together outweigh one earlier on their own.
    expect(excerptRegion([20, 300, 305], 28)).toBe(293);
    expect(excerptRegion([20, 300, 400], 28)).toBe(13);
  });

  it('gives the excerpt’s words with the matches flagged, ending at the end of the page', () => {
    const words = numbered(50);
    const [window] = passageWindows(words);
    expect(passageExcerpt(passageOf(words, window!), 10, 4, [11, 12])).toEqual([['w10', false], ['w11', true], ['w12', true], ['w13', false]]);
    // An excerpt that would run past the last word ends there instead.
    expect(passageExcerpt(passageOf(words, window!), 48, 4, [49])).toEqual([['w46', false], ['w47', false], ['w48', false], ['w49', true]]);
    // The words of a later window are found by their number in the page.
    const later = passageWindows(numbered(1000))[2]!;
    expect(passageExcerpt(passageOf(numbered(1000), later), 900, 2, [901])).toEqual([['w900', false], ['w901', true]]);
  });

  it('reads a whole page from its Pagefind fragment, unescaping what Pagefind escaped', () => {
    const passage = fragmentPassage({ raw_url: '/ja/x/', raw_content: '&lt;b&gt;\u200Bキャリア\u200Bの\u200B自律', meta: { title: 'X' }, filters: { kind: ['guide'] } });
    expect(passage).toEqual({ url: '/ja/x/', meta: { title: 'X' }, filters: { kind: ['guide'] }, total: 4, from: 0, words: ['<b>', 'キャリア', 'の', '自律'], joiner: '' });
    expect(passageExcerpt(passage, 0, 28, [1])).toEqual([['<b>', false], ['キャリア', true], ['の', false], ['自律', false]]);
  });

  it('finds every excerpt of a long page whole in the one window the search asks for', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 3000 }), fc.array(fc.nat(), { minLength: 1, maxLength: 5 }), (total, picks) => {
        const words = numbered(total);
        const locations = picks.map((pick) => pick % total);
        const start = excerptRegion(locations, EXCERPT_WORDS);
        const whole = passageOf(words, { from: 0, words });
        const window = passageWindows(words)[passageIndex(start)]!;
        expect(passageExcerpt(passageOf(words, window), start, EXCERPT_WORDS, locations)).toEqual(passageExcerpt(whole, start, EXCERPT_WORDS, locations));
      }),
      // A match in the last words of a page just past a window's start: the excerpt is pulled back into the window before.
      { examples: [[PASSAGE_WORDS + 20, [PASSAGE_WORDS + 19]]] },
    );
  });
});
