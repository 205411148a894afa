/**
 * Breaks a chart label into lines no wider than a given width, so labels around a radar chart fit a phone
 * instead of being cut off at the canvas edge (Chart.js draws an array of strings as lines).
 * English breaks between words; Japanese, which has no spaces, between the words that Intl.Segmenter finds,
 * keeping a short particle (の, への, から…) with the word before it so no line starts with one.
 */

/** Width of a piece of text in pixels, e.g. from CanvasRenderingContext2D.measureText. */
export type MeasureText = (text: string) => number;

const PARTICLE = /^[\u3041-\u309f]{1,2}$/u;
const SPACED = /\s/u;

function segmentsOf(text: string, locale: string): string[] {
  if (SPACED.test(text.trim())) return text.trim().split(/\s+/u).map((word, index) => (index === 0 ? word : ` ${word}`));
  const words = [...new Intl.Segmenter(locale, { granularity: 'word' }).segment(text)].map((part) => part.segment);
  const merged: string[] = [];
  for (const word of words) {
    if (merged.length > 0 && PARTICLE.test(word)) merged[merged.length - 1] += word;
    else merged.push(word);
  }
  return merged;
}

/** Splits one segment of unspaced text that is wider than the line by characters. */
function splitWide(segment: string, maxWidth: number, measure: MeasureText): string[] {
  if (measure(segment) <= maxWidth) return [segment];
  const pieces: string[] = [];
  let piece = '';
  for (const character of segment) {
    if (piece && measure(piece + character) > maxWidth) {
      pieces.push(piece);
      piece = character;
    } else piece += character;
  }
  return piece ? [...pieces, piece] : pieces;
}

/**
 * The label as lines, each at most `maxWidth` wide where the words allow (an English word longer than the
 * line stays whole). A label that fits is returned as one line.
 */
export function wrapLabel(text: string, maxWidth: number, measure: MeasureText, locale = 'ja'): string[] {
  if (measure(text) <= maxWidth) return [text];
  const lines: string[] = [];
  let line = '';
  const segments = segmentsOf(text, locale);
  const spaced = SPACED.test(text.trim());
  for (const segment of spaced ? segments : segments.flatMap((part) => splitWide(part, maxWidth, measure))) {
    if (line && measure(line + segment) > maxWidth) {
      lines.push(line);
      line = segment.trimStart();
    } else line += segment;
  }
  if (line) lines.push(line);
  return lines;
}
