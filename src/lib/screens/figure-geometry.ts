/**
 * Small geometry for the projector figures' SVG. Arrowheads are drawn as paths at the line's end rather than as
 * <marker>s, because a marker needs a document-wide id and the printed deck shows the same figure more than once.
 */

export interface Point {
  x: number;
  y: number;
}

/** A filled triangle whose tip is at `tip`, pointing away from `from` (the line's previous point or control point). */
export function arrowHead(from: Point, tip: Point, size = 16): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const spread = Math.PI / 7;
  const left = { x: tip.x - size * Math.cos(angle - spread), y: tip.y - size * Math.sin(angle - spread) };
  const right = { x: tip.x - size * Math.cos(angle + spread), y: tip.y - size * Math.sin(angle + spread) };
  return `M${round(tip.x)},${round(tip.y)} L${round(left.x)},${round(left.y)} L${round(right.x)},${round(right.y)} Z`;
}

/** The point `distance` back from `to` along the straight line from `from`: where a line stops so its head fits. */
export function shortenTo(from: Point, to: Point, distance: number): Point {
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  if (length === 0) return to;
  const ratio = (length - distance) / length;
  return { x: from.x + (to.x - from.x) * ratio, y: from.y + (to.y - from.y) * ratio };
}

/** The point on a circle's edge on the way from its centre towards `towards`. */
export function circleEdge(centre: Point, radius: number, towards: Point): Point {
  const length = Math.hypot(towards.x - centre.x, towards.y - centre.y);
  return { x: centre.x + ((towards.x - centre.x) / length) * radius, y: centre.y + ((towards.y - centre.y) / length) * radius };
}

/**
 * The baseline of the first of `count` lines of text, so that the block of lines is centred on `middle`.
 * SVG places text by its baseline; 0.35 em below the middle of a line puts the glyphs' visual centre on it.
 */
export function firstBaseline(middle: number, count: number, size: number, lineHeight = 1.25): number {
  return middle - ((count - 1) * size * lineHeight) / 2 + size * 0.35;
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A rough width of a line of text in ems, for shrinking a label that would overflow its box. SVG cannot measure
 * text on the server, so this errs wide: CJK and full-width characters take a full em, Latin a generous 0.62 em
 * (bold system fonts such as DejaVu Sans run wider than Helvetica), spaces a third.
 */
export function estimatedEms(line: string): number {
  let ems = 0;
  for (const character of line) {
    if (/[\u1100-\u11ff\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(character)) ems += 1;
    else if (character === ' ') ems += 0.33;
    else ems += 0.62;
  }
  return ems;
}

/** The preferred font size, or a smaller one at which the longest line still fits in `width`. */
export function fittedSize(text: string, preferred: number, width: number): number {
  const longest = Math.max(...text.split('\n').map(estimatedEms));
  return longest === 0 ? preferred : Math.min(preferred, Math.floor(width / longest));
}
