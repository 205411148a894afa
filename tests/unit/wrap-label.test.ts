import { describe, expect, it } from 'vitest';
import { wrapLabel } from '../../src/lib/charts/wrap-label.ts';

/** Every character is 10 px wide: easy to check by hand. */
const measure = (text: string) => [...text].length * 10;

describe('wrapLabel', () => {
  it('leaves a label that fits on one line', () => {
    expect(wrapLabel('Learning', 100, measure, 'en')).toEqual(['Learning']);
    expect(wrapLabel('自己効力感', 50, measure)).toEqual(['自己効力感']);
  });

  it('breaks English between words, never inside one', () => {
    expect(wrapLabel('Acting on the workplace', 100, measure, 'en')).toEqual(['Acting on', 'the', 'workplace']);
    expect(wrapLabel('Feedback from colleagues', 140, measure, 'en')).toEqual(['Feedback from', 'colleagues']);
    // A word longer than the line stays whole: the chart makes room rather than cutting the word.
    expect(wrapLabel('Self-efficacy scale', 60, measure, 'en')).toEqual(['Self-efficacy', 'scale']);
  });

  it('breaks Japanese between words, keeping particles with the word before them', () => {
    const lines = wrapLabel('同僚からのフィードバック', 70, measure);
    expect(lines.join('')).toBe('同僚からのフィードバック');
    expect(lines[0]).toBe('同僚からの');
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(70);
    for (const line of lines.slice(1)) expect(line).not.toMatch(/^[のへからを]/u);
    expect(wrapLabel('職場への働きかけ', 50, measure)).toEqual(['職場への', '働きかけ']);
  });

  it('keeps every Japanese line within the width even when a word is longer than it', () => {
    const lines = wrapLabel('キャリアオーナーシップ', 40, measure);
    expect(lines.join('')).toBe('キャリアオーナーシップ');
    for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(40);
  });
});
