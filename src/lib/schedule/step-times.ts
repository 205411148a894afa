/**
 * What a block's minutes are made of: the participants' steps, each of which states its own time as
 * "(3 min)", "(3 min 30 s)", "（3分）" or "（3分30秒）", plus the facilitator's talk and the time spent moving
 * between groups. A plan that counts only the steps runs late in every real room, so the three must add up to
 * the block's minutes exactly.
 */

/** One time figure in parentheses, full- or half-width, in English or Japanese. Digits may be full-width. */
const TIME_FIGURE =
  /[(（]\s*(?:([0-9]+)\s*min(?:\s+([0-9]+)\s*s)?|([0-9]+)\s*s|([0-9]+)\s*分(?:\s*([0-9]+)\s*秒)?|([0-9]+)\s*秒)\s*[)）]/g;

/** Full-width digits ("１０分") read as the ASCII digits they stand for. */
function asciiDigits(text: string): string {
  return text.replace(/[０-９]/g, (digit) => String.fromCharCode(digit.charCodeAt(0) - 0xfee0));
}

/** Every time figure in one instruction, in seconds, in the order they appear. */
export function stepTimeFigures(step: string): number[] {
  const figures: number[] = [];
  for (const match of asciiDigits(step).matchAll(TIME_FIGURE)) {
    const [, enMinutes, enSeconds, enOnlySeconds, jaMinutes, jaSeconds, jaOnlySeconds] = match;
    const minutes = Number(enMinutes ?? jaMinutes ?? 0);
    const seconds = Number(enSeconds ?? jaSeconds ?? enOnlySeconds ?? jaOnlySeconds ?? 0);
    figures.push(minutes * 60 + seconds);
  }
  return figures;
}

/** 210 -> "3 min 30 s"; 180 -> "3 min": seconds written the way the instructions write them. */
export function formatSeconds(seconds: number): string {
  const minutes = Math.floor(seconds / 60);
  const rest = seconds % 60;
  if (rest === 0) return `${minutes} min`;
  return minutes === 0 ? `${rest} s` : `${minutes} min ${rest} s`;
}

export interface StepTimedBlock {
  id: string;
  kind: string;
  minutes: number;
  instructions: readonly string[];
  talkMinutes?: number;
  transitionMinutes?: number;
}

export interface StepTimingProblem {
  /** Which field the author fixes: one instruction, or the block's minutes. */
  key: 'instructions' | 'minutes';
  /** Index of the instruction at fault, when one is. */
  step?: number;
  /** What is wrong, with the figures, and the fix; in English, like every build message. */
  message: string;
}

/** The time inside a block, in seconds for the steps and minutes for the rest. */
export interface BlockBreakdown {
  stepSeconds: number;
  talkMinutes: number;
  transitionMinutes: number;
  /** False when no instruction states a time (allowed only for breaks). */
  stepsTimed: boolean;
}

export function blockBreakdown(block: StepTimedBlock): BlockBreakdown {
  const figures = block.instructions.map(stepTimeFigures);
  return {
    stepSeconds: figures.reduce((sum, found) => sum + (found.length === 1 ? found[0]! : 0), 0),
    talkMinutes: block.talkMinutes ?? 0,
    transitionMinutes: block.transitionMinutes ?? 0,
    stepsTimed: figures.some((found) => found.length > 0),
  };
}

/** Something in parentheses that speaks of minutes or seconds but is not one figure, such as "(9 min + 2 min)" or "（各9分）". */
const NEAR_MISS = /[(（][^()（）]*(?:min|分|秒|[0-9]\s*s\b)[^()（）]*[)）]/;

const quote = (step: string) => `"${step.length > 60 ? `${step.slice(0, 57)}…` : step}"`;

/**
 * Checks the rule: in every block but a break, each instruction states its time once, and the steps plus
 * talkMinutes plus transitionMinutes equal minutes. A break may leave its instructions untimed; if it times
 * them, the same rule holds. Returns the problems found, each naming the block, the figures and the fix.
 */
export function checkStepTimes(block: StepTimedBlock): StepTimingProblem[] {
  const figures = block.instructions.map(stepTimeFigures);
  const timed = figures.filter((found) => found.length > 0).length;
  const where = `block "${block.id}"`;
  const example = '"(3 min)" or "(2 min 30 s)", in Japanese "（3分）" or "（2分30秒）"';

  if (timed === 0) {
    if (block.kind === 'break') return [];
    return [
      {
        key: 'instructions',
        message:
          `${where}: no instruction states its time. Fix: end each instruction with its time, such as ${example}, ` +
          `so the steps plus talkMinutes and transitionMinutes add up to the block's ${block.minutes} minutes`,
      },
    ];
  }

  const problems: StepTimingProblem[] = [];
  figures.forEach((found, index) => {
    if (found.length === 0) {
      problems.push({
        key: 'instructions',
        step: index,
        message: untimedStepMessage(where, index, block.instructions[index]!, example),
      });
    } else if (found.length > 1) {
      problems.push({
        key: 'instructions',
        step: index,
        message:
          `${where}: instruction ${index + 1} ${quote(block.instructions[index]!)} states ${found.length} times (${found.map(formatSeconds).join(', ')}). ` +
          'Fix: give the step one time in parentheses, and write any other duration inside it without parentheses',
      });
    }
  });
  if (problems.length > 0) return problems;

  const { stepSeconds, talkMinutes, transitionMinutes } = blockBreakdown(block);
  const countedSeconds = stepSeconds + (talkMinutes + transitionMinutes) * 60;
  const blockSeconds = block.minutes * 60;
  if (countedSeconds !== blockSeconds) {
    const steps = figures.map((found) => formatSeconds(found[0]!)).join(' + ');
    const gap = blockSeconds - countedSeconds;
    const wholeMinutes = countedSeconds % 60 === 0;
    const orMinutes = wholeMinutes ? `, or set minutes to ${countedSeconds / 60}` : ' (the parts must come to a whole number of minutes)';
    const fix =
      gap > 0
        ? `count the missing ${formatSeconds(gap)} as talkMinutes (the facilitator's set-up and wrap-up) or transitionMinutes (moving into groups, swapping roles), or lengthen the steps${orMinutes}`
        : `shorten the steps, talkMinutes or transitionMinutes by ${formatSeconds(-gap)}${orMinutes}`;
    problems.push({
      key: 'minutes',
      message:
        `${where}: the steps (${steps} = ${formatSeconds(stepSeconds)}) plus talkMinutes (${talkMinutes}) plus transitionMinutes (${transitionMinutes}) ` +
        `come to ${formatSeconds(countedSeconds)}, but minutes is ${block.minutes}. Fix: ${fix}`,
    });
  }
  return problems;
}

function untimedStepMessage(where: string, index: number, step: string, example: string): string {
  const nearMiss = NEAR_MISS.exec(asciiDigits(step))?.[0];
  const fix = nearMiss
    ? `"${nearMiss}" is not a time the build can read: state the step's whole time once, such as ${example}`
    : `add its time, such as ${example}`;
  return `${where}: instruction ${index + 1} ${quote(step)} states no time while the others do. Fix: ${fix}`;
}

export interface FlexibleBlock {
  id: string;
  title: string;
  minutes: number;
  range?: { min: number; max: number };
}

export interface OverrunAllowance {
  blocks: { id: string; title: string; minutes: number; shortest: number; canGive: number }[];
  /** Minutes the listed blocks can give back between them. */
  total: number;
}

/**
 * How much a late session can recover by shortening its flexible blocks, in the order the module gives.
 * Ids that are unknown or have no range are skipped here; the schema reports them.
 */
export function overrunAllowance(blocks: readonly FlexibleBlock[], absorbOverrunsIn: readonly string[]): OverrunAllowance {
  const listed = absorbOverrunsIn.flatMap((id) => {
    const block = blocks.find((candidate) => candidate.id === id);
    if (!block?.range) return [];
    return [{ id, title: block.title, minutes: block.minutes, shortest: block.range.min, canGive: block.minutes - block.range.min }];
  });
  return { blocks: listed, total: listed.reduce((sum, block) => sum + block.canGive, 0) };
}

export type BreakdownPart = 'talk' | 'steps' | 'transition';

/**
 * The parts of a block's minutes that are not zero, in the order they happen to a facilitator: talk, the
 * participants' steps, moving between groups. Empty for a break whose steps carry no times.
 */
export function breakdownParts(block: StepTimedBlock): { part: BreakdownPart; minutes: number }[] {
  const { stepSeconds, talkMinutes, transitionMinutes } = blockBreakdown(block);
  const parts: { part: BreakdownPart; minutes: number }[] = [
    { part: 'talk', minutes: talkMinutes },
    { part: 'steps', minutes: stepSeconds / 60 },
    { part: 'transition', minutes: transitionMinutes },
  ];
  return parts.filter((part) => part.minutes > 0);
}
