/** The life-career rainbow: its geometry, its colours, and the checking of its answers. */
import { describe, expect, it } from 'vitest';
import { annularSector, contrastRatio, polar, rainbowLayout, RAINBOW_COLOURS, weightOf } from '../../src/lib/charts/rainbow.ts';
import { checkAnswers, checkRainbow, isBlank, type RainbowProblemWords } from '../../src/lib/workbook/answers.ts';
import type { ExerciseField } from '../../src/schemas/exercise.ts';

type Rainbow = Extract<ExerciseField, { type: 'rainbow' }>;
const field: Rainbow = {
  id: 'rainbow',
  type: 'rainbow',
  label: 'My rainbow',
  roles: [
    { id: 'child', label: 'Child' },
    { id: 'worker', label: 'Worker' },
  ],
  bands: [
    { id: 'young', label: 'Up to 29' },
    { id: 'middle', label: '30 to 59' },
    { id: 'older', label: '60 and over' },
  ],
  levels: ['None', 'Small', 'Medium', 'Large'],
};

describe('rainbow geometry', () => {
  it('places angles on a half circle above the centre: π is the left foot, π/2 the top', () => {
    expect(polar(100, Math.PI, 200, 176)).toEqual({ x: 100, y: 176 });
    expect(polar(100, Math.PI / 2, 200, 176)).toEqual({ x: 200, y: 76 });
    expect(polar(100, 0, 200, 176)).toEqual({ x: 300, y: 176 });
  });

  it('draws a ring segment along the outer edge clockwise and back along the inner edge', () => {
    // The left quarter of a ring from radius 50 to 100 around (200, 176): from the left foot up to the top.
    expect(annularSector(50, 100, Math.PI, Math.PI / 2, 200, 176)).toBe('M100 176A100 100 0 0 1 200 76L200 126A50 50 0 0 0 150 176Z');
  });

  it('gives each role a ring, the first outermost, and each age band a segment from left to right', () => {
    const layout = rainbowLayout(field.roles, field.bands, {});
    expect(layout.rings.map((ring) => ring.roleId)).toEqual(['child', 'worker']);
    expect(layout.rings[0]!.outer).toBeGreaterThan(layout.rings[1]!.outer);
    expect(layout.rings[0]!.inner).toBeGreaterThan(layout.rings[1]!.outer); // a gap between rings
    expect(layout.segments.map((s) => `${s.roleId}/${s.bandId}`)).toEqual(['child/young', 'child/middle', 'child/older', 'worker/young', 'worker/middle', 'worker/older']);
    const startX = (path: string) => Number(/^M([\d.]+)/.exec(path)![1]);
    const [young, middle, older] = layout.segments.slice(0, 3).map((s) => startX(s.track));
    expect(young).toBeLessThan(middle!);
    expect(middle).toBeLessThan(older!);
    expect(layout.bandLabels.map((label) => label.anchor)).toEqual(['end', 'middle', 'start']);
    expect(layout.segments.every((s) => s.fill === undefined)).toBe(true);
  });

  it('fills a third, two thirds or all of the ring width for weights 1, 2 and 3, and nothing for 0', () => {
    const layout = rainbowLayout(field.roles, field.bands, { worker: { young: 1, middle: 3, older: 0 }, child: { young: 2 } });
    const ring = layout.rings[1]!;
    const width = ring.outer - ring.inner;
    // The filled path's first arc has the radius of the filled part's outer edge.
    const filledRadius = (path: string | undefined) => Number(/A([\d.]+) /.exec(path!)![1]);
    const worker = layout.segments.filter((s) => s.roleId === 'worker');
    expect(filledRadius(worker[0]!.fill)).toBeCloseTo(ring.inner + width / 3, 1);
    expect(filledRadius(worker[1]!.fill)).toBeCloseTo(ring.outer, 1);
    expect(worker[2]!.weight).toBe(0);
    expect(worker[2]!.fill).toBeUndefined();
    const child = layout.rings[0]!;
    expect(filledRadius(layout.segments[0]!.fill)).toBeCloseTo(child.inner + ((child.outer - child.inner) * 2) / 3, 1);
  });

  it('reads only whole weights from 0 to 3', () => {
    expect(weightOf({ worker: { young: 2 } }, 'worker', 'young')).toBe(2);
    for (const bad of [4, -1, 1.5, '2', null]) expect(weightOf({ worker: { young: bad } }, 'worker', 'young')).toBeUndefined();
    expect(weightOf(undefined, 'worker', 'young')).toBeUndefined();
  });

  it('uses ring colours that reach 4.5:1 against white', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeLessThan(4.5); // the check can fail
    for (const colour of RAINBOW_COLOURS) expect(contrastRatio(colour, '#ffffff'), colour).toBeGreaterThanOrEqual(4.5);
  });
});

describe('rainbow answers', () => {
  it('accepts weights from 0 to 3 for known roles and age bands, and cells left out', () => {
    expect(checkRainbow(field, { child: { young: 3, older: 0 }, worker: {} })).toEqual([]);
    expect(checkAnswers([field], { rainbow: { worker: { middle: 2 } } })).toEqual([]);
  });

  it('names the question, the role and the age band by their labels when something does not fit', () => {
    expect(checkRainbow(field, [1, 2])).toEqual(['"My rainbow" should hold, for each role, a weight from 0 to 3 for each age band']);
    expect(checkRainbow(field, { pilot: { young: 1 } })).toEqual(['"My rainbow" has a role "pilot" that this exercise does not have (its roles: child, worker)']);
    expect(checkRainbow(field, { worker: { teens: 1 } })).toEqual(['"My rainbow", Worker: "teens" is not one of the exercise’s age bands (young, middle, older)']);
    expect(checkRainbow(field, { worker: { middle: 4, older: '2' } })).toEqual([
      '"My rainbow", Worker, 30 to 59: the weight should be a whole number from 0 to 3',
      '"My rainbow", Worker, 60 and over: the weight should be a whole number from 0 to 3',
    ]);
    expect(checkRainbow(field, { worker: 3 })).toHaveLength(1);
  });

  it('explains problems in the words it is given, such as the page’s Japanese', () => {
    const ja: RainbowProblemWords = {
      shape: '「{{question}}」の形が違います',
      role: '「{{question}}」に役割「{{role}}」はありません',
      band: '「{{question}}」の「{{role}}」に年代「{{band}}」はありません',
      weight: '「{{question}}」の「{{role}}」「{{band}}」は0〜3の整数にしてください',
    };
    const japanese = { ...field, label: 'わたしの虹', roles: [{ id: 'worker', label: '働く人' }], bands: [{ id: 'thirties', label: '30代' }, { id: 'forties', label: '40代' }] };
    expect(checkAnswers([japanese], { rainbow: { worker: { forties: 9 } } }, ja)).toEqual(['「わたしの虹」の「働く人」「40代」は0〜3の整数にしてください']);
  });

  it('counts a rainbow with no weight as blank, and one weight as started', () => {
    expect(isBlank({ rainbow: {}, note: '' })).toBe(true);
    expect(isBlank({ rainbow: { worker: {} } })).toBe(true);
    expect(isBlank({ rainbow: { worker: { young: 0 } } })).toBe(false);
  });
});
