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
 * Where the excerpt starts: the middle of the run of windows of `length` words that hold the most matches
 * (Pagefind's calculate_excerpt_region, each match weighing the same: the search gives locations, not weights).
 */
export function excerptRegion(locations: number[], length: number): number {
  if (locations.length === 0) return 0;
  const hits: number[] = [];
  for (const location of locations) hits[location] = (hits[location] ?? 0) + 1;
  if (hits.length <= length) return 0;
  let working = 0;
  for (let i = 0; i < length; i++) working += hits[i] ?? 0;
  let densest = working;
  let densestAt = [0];
  for (let i = 0; i < hits.length; i++) {
    working += (hits[i + length] ?? 0) - (hits[i] ?? 0);
    if (working > densest) {
      densest = working;
      densestAt = [i];
    } else if (working === densest && densestAt.at(-1) === i - 1) densestAt.push(i);
  }
  return densestAt[Math.floor(densestAt.length / 2)]!;
}

/** The window that holds the excerpt starting at `start`. */
export const passageIndex = (start: number) => Math.floor(start / PASSAGE_WORDS);

/**
 * The excerpt as Pagefind builds it: `length` words from `start` (pulled back so it ends at the page's end),
 * "<" and ">" escaped, matched words wrapped in <mark>.
 */
export function passageExcerpt(passage: Passage, start: number, length: number, locations: number[]): string {
  const size = Math.min(length, passage.total);
  const first = Math.max(0, Math.min(start, passage.total - size));
  const matched = new Set(locations);
  const words = [];
  for (let at = first; at < first + size; at++) {
    const word = (passage.words[at - passage.from] ?? '').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    words.push(matched.has(at) ? `<mark>${word}</mark>` : word);
  }
  return words.join(passage.joiner).trim();
}
