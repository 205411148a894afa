/**
 * What a block's projector screen shows, worked out from the block's participant-facing fields alone. The screen
 * components render this result and nothing else, so a facilitator-only field (script, notes, debrief, online,
 * materials, purpose) cannot reach a projector or a printed screen, whatever a component later adds.
 */

/** The fields a screen may read: the block's own screen, or its title and participant instructions. */
export interface ScreenSource<Figure extends string = string> {
  id: string;
  title: string;
  instructions: readonly string[];
  screen?: {
    heading: string;
    lines?: readonly string[];
    question?: string;
    figure?: Figure;
  };
}

export type ScreenBody =
  | { kind: 'lines'; lines: string[] }
  | { kind: 'question'; question: string }
  /** A block without a screen shows its participant instructions, step by step. */
  | { kind: 'steps'; steps: string[] }
  /** Every line went into the figure (a 2x2's two axes). */
  | { kind: 'none' };

/** Axis labels for the 2x2 template; each missing one falls back to the figure's neutral default. */
export interface AxisLabels {
  x?: string;
  y?: string;
}

export interface ScreenContent<Figure extends string = string> {
  blockId: string;
  heading: string;
  body: ScreenBody;
  figure?: { name: Figure; axes?: AxisLabels };
  /** True when the block has no screen of its own and shows its title and instructions instead. */
  fallback: boolean;
}

/**
 * The blank 2x2 takes its axes from the screen: the first line names the horizontal axis, the second the vertical
 * one, and only the lines after them are shown as text. A screen with a question keeps the neutral axes.
 */
export const TWO_BY_TWO = 'two-by-two';

/** Figures much wider than tall go under the text; the others sit beside it, where a 16:9 screen has room. */
const WIDE_FIGURES: readonly string[] = ['timeline'];

export function figurePlacement(figure: string): 'beside' | 'below' {
  return WIDE_FIGURES.includes(figure) ? 'below' : 'beside';
}

export function screenContent<Figure extends string>(block: ScreenSource<Figure>): ScreenContent<Figure> {
  const { screen } = block;
  if (!screen) {
    return { blockId: block.id, heading: block.title, body: { kind: 'steps', steps: [...block.instructions] }, fallback: true };
  }
  let lines = screen.lines ? [...screen.lines] : undefined;
  let axes: AxisLabels | undefined;
  if (screen.figure === TWO_BY_TWO && lines && lines.length > 0) {
    axes = { x: lines[0], y: lines[1] };
    lines = lines.slice(2);
  }
  const body: ScreenBody = screen.question
    ? { kind: 'question', question: screen.question }
    : lines && lines.length > 0
      ? { kind: 'lines', lines }
      : { kind: 'none' };
  return {
    blockId: block.id,
    heading: screen.heading,
    body,
    ...(screen.figure ? { figure: { name: screen.figure, ...(axes ? { axes } : {}) } } : {}),
    fallback: false,
  };
}
