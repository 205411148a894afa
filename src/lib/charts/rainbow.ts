/**
 * The geometry of a life-career rainbow (Super, 1980, "A life-span, life-space approach to career development",
 * Journal of Vocational Behavior 16): concentric half rings, one per life role with the first role outermost,
 * each cut into age bands from the left foot (youngest) over the top to the right foot (oldest). How large a role
 * is in an age band shows as how much of the ring's width the segment fills, so it reads without colour.
 * Pure arithmetic: the SVG is drawn by src/islands/exercises/RainbowChart.svelte, on the server or in the island.
 */

export interface RainbowSegment {
  roleId: string;
  bandId: string;
  /** 0 to 3, or undefined when the person has not chosen one. */
  weight: number | undefined;
  /** The whole cell, drawn as a faint track so an empty cell is still visible. */
  track: string;
  /** The filled part, or undefined for weight 0 or no weight. */
  fill: string | undefined;
}

export interface RainbowRing {
  roleId: string;
  /** 1 for the outermost ring; printed at both feet of the ring to tie it to the legend without colour. */
  number: number;
  inner: number;
  outer: number;
  /** Where the ring's number sits, below each foot. */
  marks: { x: number; y: number }[];
}

export interface RainbowLayout {
  width: number;
  height: number;
  rings: RainbowRing[];
  segments: RainbowSegment[];
  bandLabels: { bandId: string; x: number; y: number; anchor: 'start' | 'middle' | 'end' }[];
}

export type RainbowAnswer = Record<string, Record<string, number>>;

const WIDTH = 400;
const CENTRE_X = WIDTH / 2;
const CENTRE_Y = 176;
const OUTER_RADIUS = 146;
const INNER_RADIUS = 44;
/** Space between rings and between segments, so each cell reads on its own. */
const RING_GAP = 3;
const SEGMENT_GAP = 0.012; // radians
const LABEL_RADIUS = OUTER_RADIUS + 10;
const MAX_WEIGHT = 3;

const round = (n: number) => Math.round(n * 100) / 100;

/** The point at `angle` (radians, 0 = right, π = left, counter-clockwise) and `radius` from the centre. */
export function polar(radius: number, angle: number, cx = CENTRE_X, cy = CENTRE_Y): { x: number; y: number } {
  return { x: round(cx + radius * Math.cos(angle)), y: round(cy - radius * Math.sin(angle)) };
}

/**
 * An SVG path for the part of a ring between radii `inner` and `outer`, from angle `from` clockwise to angle `to`
 * (from > to, both within 0..π). Arcs under a half turn, so the large-arc flag is always 0.
 */
export function annularSector(inner: number, outer: number, from: number, to: number, cx = CENTRE_X, cy = CENTRE_Y): string {
  const a = polar(outer, from, cx, cy);
  const b = polar(outer, to, cx, cy);
  const c = polar(inner, to, cx, cy);
  const d = polar(inner, from, cx, cy);
  // Sweep 1 goes clockwise on screen (y down): along the outer edge from left to right, back along the inner edge.
  return `M${a.x} ${a.y}A${outer} ${outer} 0 0 1 ${b.x} ${b.y}L${c.x} ${c.y}A${inner} ${inner} 0 0 0 ${d.x} ${d.y}Z`;
}

/** A weight as stored, or undefined when it is missing or not a whole number from 0 to 3. */
export function weightOf(answer: unknown, roleId: string, bandId: string): number | undefined {
  if (!answer || typeof answer !== 'object') return undefined;
  const cells = (answer as Record<string, unknown>)[roleId];
  const weight = cells && typeof cells === 'object' ? (cells as Record<string, unknown>)[bandId] : undefined;
  return Number.isInteger(weight) && (weight as number) >= 0 && (weight as number) <= MAX_WEIGHT ? (weight as number) : undefined;
}

export function rainbowLayout(roles: readonly { id: string }[], bands: readonly { id: string }[], answer: unknown): RainbowLayout {
  const ringWidth = (OUTER_RADIUS - INNER_RADIUS) / roles.length;
  const bandAngle = Math.PI / bands.length;
  const rings: RainbowRing[] = roles.map((role, index) => {
    const outer = OUTER_RADIUS - index * ringWidth;
    const inner = outer - ringWidth + RING_GAP;
    const middle = (inner + outer) / 2;
    return { roleId: role.id, number: index + 1, inner: round(inner), outer: round(outer), marks: [-1, 1].map((side) => ({ x: round(CENTRE_X + side * middle), y: CENTRE_Y + 14 })) };
  });
  const segments: RainbowSegment[] = [];
  for (const ring of rings) {
    bands.forEach((band, index) => {
      const from = Math.PI - index * bandAngle - SEGMENT_GAP / 2;
      const to = Math.PI - (index + 1) * bandAngle + SEGMENT_GAP / 2;
      const weight = weightOf(answer, ring.roleId, band.id);
      const filledTo = ring.inner + ((ring.outer - ring.inner) * (weight ?? 0)) / MAX_WEIGHT;
      segments.push({
        roleId: ring.roleId,
        bandId: band.id,
        weight,
        track: annularSector(ring.inner, ring.outer, from, to),
        fill: weight ? annularSector(ring.inner, round(filledTo), from, to) : undefined,
      });
    });
  }
  const bandLabels = bands.map((band, index) => {
    const angle = Math.PI - (index + 0.5) * bandAngle;
    const { x, y } = polar(LABEL_RADIUS, angle);
    const cos = Math.cos(angle);
    return { bandId: band.id, x, y: round(y + (Math.sin(angle) < 0.35 ? 4 : 0)), anchor: cos < -0.3 ? 'end' : cos > 0.3 ? 'start' : 'middle' } as const;
  });
  return { width: WIDTH, height: CENTRE_Y + 22, rings, segments, bandLabels };
}

/**
 * Ring colours, outermost first, each at least 4.5:1 against white (WCAG 2.2 1.4.11 asks 3:1 of graphics; text
 * in the same colour in the legend needs 4.5:1). Colour only helps: the numbers and positions carry the role.
 */
export const RAINBOW_COLOURS = ['#1d5c87', '#a1341b', '#2d6a2e', '#6a3d9a', '#7f5600', '#9c1c5b', '#3b5566', '#5a5a5a'] as const;

/** WCAG relative luminance contrast of two #rrggbb colours. */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((at) => {
      const c = Number.parseInt(hex.slice(at, at + 2), 16) / 255;
      return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [high, low] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (high! + 0.05) / (low! + 0.05);
}
