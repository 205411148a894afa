/**
 * Search passages: each indexed page's text cut into short windows of words, so that a search result shows its
 * excerpt from one small file instead of the page's Pagefind fragment, which holds the whole page (a facilitator
 * guide's is 30-50 KB compressed). The words are numbered exactly as Pagefind numbers them, so the locations a
 * search returns point into the windows; the excerpt is chosen and marked as Pagefind chooses and marks it.
 * Pure: the build writes the windows with it and the search dialog reads them with it.
 */

/** Words in a result's excerpt (Pagefind's excerptLength). */
export const EXCERPT_WORDS = 28;

/** Words in a window. About 1 KB compressed; a window of a Japanese page (segments, not words) is a little larger. */
export const PASSAGE_WORDS = 400;

/** One window of a page, as written to `pagefind/passage/<fragment id>/<n>.passage` (gzip-compressed JSON). */
export interface Passage {
  /** The page's address as Pagefind recorded it (before the base path). */
  url: string;
  meta: { title?: string; view?: string };
  filters: Record<string, string[]>;
  /** Words in the whole page. */
  total: number;
  /** The number of this window's first word in the page. */
  from: number;
  words: string[];
  /** "" for text Pagefind segmented with zero-width spaces (Japanese), " " otherwise. */
  joiner: '' | ' ';
}

/** Pagefind's words of a fragment's text: segments between zero-width spaces when it has them, else whitespace runs. */
export function pageWords(content: string): { words: string[]; joiner: '' | ' ' } {
  return content.includes('\u200B') ? { words: content.split('\u200B'), joiner: '' } : { words: content.split(/[^\S\uFEFF]+/g), joiner: ' ' };
}

/**
 * Window n holds the words from n × PASSAGE_WORDS − excerptLength to (n + 1) × PASSAGE_WORDS + excerptLength, so an
 * excerpt that starts in its share of the page, or is pulled back from the page's end, lies wholly inside it.
 */
export function passageWindows(words: string[], excerptLength = EXCERPT_WORDS): { from: number; words: string[] }[] {
  const windows = [];
  for (let start = 0; start === 0 || start < words.length; start += PASSAGE_WORDS) {
    const from = Math.max(0, start - excerptLength);
    windows.push({ from, words: words.slice(from, start + PASSAGE_WORDS + excerptLength) });
  }
  return windows;
}

/**
 * Where the excerpt starts: a few words before the run of `length` words that holds the most matches, so a query
 * of several words shows where they come together (Pagefind picks its excerpts the same way).
 */
export function excerptRegion(locations: number[], length: number): number {
  let best = locations[0] ?? 0;
  let most = 0;
  for (const location of locations) {
    const inRun = locations.filter((other) => other >= location && other < location + length).length;
    if (inRun > most) [best, most] = [location, inRun];
  }
  return Math.max(0, best - (length >> 2));
}

/** The window that holds the excerpt starting at `start`. */
export const passageIndex = (start: number) => Math.floor(start / PASSAGE_WORDS);

/**
 * The excerpt's words as Pagefind chooses them, `length` from `start` (pulled back so it ends at the page's end),
 * each with whether the search matched it.
 */
export function passageExcerpt(passage: Passage, start: number, length: number, locations: number[]): [word: string, matched: boolean][] {
  const size = Math.min(length, passage.total);
  const first = Math.max(0, Math.min(start, passage.total - size));
  return passage.words.slice(first - passage.from, first - passage.from + size).map((word, i) => [word, locations.includes(first + i)]);
}

/** What Pagefind's result.data() gives, as far as a passage needs it. */
export interface FragmentData {
  raw_url: string;
  /** The page's text with "<" and ">" escaped, segmented with zero-width spaces where Pagefind segments. */
  raw_content: string;
  meta: Passage['meta'];
  filters: Passage['filters'];
}

/** The whole page as one passage, from its Pagefind fragment: for when the passage files cannot be fetched. */
export function fragmentPassage(fragment: FragmentData): Passage {
  const { words, joiner } = pageWords(fragment.raw_content.replace(/&lt;/g, '<').replace(/&gt;/g, '>'));
  return { url: fragment.raw_url, meta: fragment.meta, filters: fragment.filters, total: words.length, from: 0, words, joiner };
}
