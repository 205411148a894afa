/** What a projector screen shows (src/lib/screens/screen-content.ts) and the figure geometry it relies on. */
import { describe, expect, it } from 'vitest';
import { figurePlacement, screenContent } from '../../src/lib/screens/screen-content.ts';
import { arrowHead, estimatedEms, firstBaseline, fittedSize, shortenTo } from '../../src/lib/screens/figure-geometry.ts';

const block = {
  id: 'team-learning',
  title: 'Building a team that acts, learns and connects',
  instructions: ['Go back to your own table and listen (6 min)', 'Mark the stage where your team gets stuck (2 min)'],
  // Facilitator-only fields a real block carries: a screen must never show them.
  purpose: 'PURPOSE-ONLY-FOR-FACILITATORS',
  script: 'SCRIPT-ONLY-FOR-FACILITATORS',
  notes: ['NOTE-ONLY-FOR-FACILITATORS'],
  debrief: ['DEBRIEF-ONLY-FOR-FACILITATORS'],
  online: 'ONLINE-ONLY-FOR-FACILITATORS',
  materials: ['MATERIAL-ONLY-FOR-FACILITATORS'],
};

describe('screen content', () => {
  it("falls back to the block's title and participant instructions", () => {
    expect(screenContent(block)).toEqual({ blockId: 'team-learning', heading: block.title, body: { kind: 'steps', steps: block.instructions }, fallback: true });
  });

  it("shows the screen's heading, lines and figure", () => {
    const content = screenContent({ ...block, screen: { heading: 'Learning from experience (Kolb)', lines: ['In most teams the cycle stops at "experience"'], figure: 'learning-cycle' } });
    expect(content).toEqual({
      blockId: 'team-learning',
      heading: 'Learning from experience (Kolb)',
      body: { kind: 'lines', lines: ['In most teams the cycle stops at "experience"'] },
      figure: { name: 'learning-cycle' },
      fallback: false,
    });
  });

  it('shows a question as a question, and a heading alone with nothing under it', () => {
    expect(screenContent({ ...block, screen: { heading: 'Dilemmas', question: 'What are you unsure of?' } }).body).toEqual({ kind: 'question', question: 'What are you unsure of?' });
    expect(screenContent({ ...block, screen: { heading: 'Break' } }).body).toEqual({ kind: 'none' });
  });

  it("takes a 2x2's axes from its first two lines and shows only the rest", () => {
    const content = screenContent({ ...block, screen: { heading: 'Sort your tasks', lines: ['Share of my time →', '↑ Energy it gives me', 'Start with the bottom right'], figure: 'two-by-two' } });
    expect(content.figure).toEqual({ name: 'two-by-two', axes: { x: 'Share of my time →', y: '↑ Energy it gives me' } });
    expect(content.body).toEqual({ kind: 'lines', lines: ['Start with the bottom right'] });
    const axesOnly = screenContent({ ...block, screen: { heading: 'Sort your tasks', lines: ['Time →', '↑ Energy'], figure: 'two-by-two' } });
    expect(axesOnly.body).toEqual({ kind: 'none' });
    // With a question there are no lines to take axes from: the figure keeps its neutral axes.
    expect(screenContent({ ...block, screen: { heading: 'Sort', question: 'Where does each task go?', figure: 'two-by-two' } }).figure).toEqual({ name: 'two-by-two' });
  });

  it('never carries a facilitator-only field, with or without a screen', () => {
    for (const content of [screenContent(block), screenContent({ ...block, screen: { heading: 'H', lines: ['L'], figure: 'timeline' } })]) {
      expect(JSON.stringify(content)).not.toMatch(/ONLY-FOR-FACILITATORS/);
    }
  });

  it('puts the wide timeline under the text and the other figures beside it', () => {
    expect(figurePlacement('timeline')).toBe('below');
    expect(figurePlacement('learning-cycle')).toBe('beside');
  });
});

describe('figure geometry', () => {
  it('draws an arrowhead whose tip is the end of the line', () => {
    expect(arrowHead({ x: 0, y: 0 }, { x: 100, y: 0 }, 10).startsWith('M100,0 ')).toBe(true);
    expect(shortenTo({ x: 0, y: 0 }, { x: 100, y: 0 }, 12)).toEqual({ x: 88, y: 0 });
  });

  it('centres a block of lines on its middle', () => {
    // One line of 20: the baseline sits 0.35 em below the middle. Three lines: the middle one is centred.
    expect(firstBaseline(100, 1, 20)).toBe(107);
    expect(firstBaseline(100, 3, 20, 1)).toBe(100 - 20 + 7);
  });

  it('counts Japanese as full-width and shrinks a label only when it would not fit', () => {
    expect(estimatedEms('環境づくり')).toBe(5);
    expect(estimatedEms('Environment-building')).toBeCloseTo(20 * 0.62);
    expect(fittedSize('環境づくり', 40, 360)).toBe(40);
    expect(fittedSize('Environment-building', 40, 357)).toBe(28);
    // The longest line decides: "Physiological and" is 16 letters and a space.
    expect(fittedSize('Physiological and\nemotional states', 34, 300)).toBe(Math.floor(300 / (16 * 0.62 + 0.33)));
  });
});
