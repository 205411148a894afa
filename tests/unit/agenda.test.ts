import { describe, expect, it } from 'vitest';
import { blockTimings, formatClock, formatOffset, parseClock, totalMinutes } from '../../src/lib/schedule/agenda.ts';
import { blockBreakdown, breakdownParts, checkStepTimes, formatSeconds, overrunAllowance, stepTimeFigures } from '../../src/lib/schedule/step-times.ts';

describe('agenda timing', () => {
  const blocks = [{ minutes: 10 }, { minutes: 15 }, { minutes: 20 }];

  it('gives each block its start and end offset', () => {
    expect(blockTimings(blocks)).toEqual([
      { startOffset: 0, endOffset: 10 },
      { startOffset: 10, endOffset: 25 },
      { startOffset: 25, endOffset: 45 },
    ]);
    expect(totalMinutes(blocks)).toBe(45);
  });

  it('reads and writes 24-hour clock times', () => {
    expect(parseClock('13:30')).toBe(810);
    expect(parseClock('9:05')).toBe(545);
    expect(parseClock('24:00')).toBeUndefined();
    expect(parseClock('1330')).toBeUndefined();
    expect(formatClock(810 + 45)).toBe('14:15');
    expect(formatClock(23 * 60 + 50 + 20)).toBe('0:10');
  });

  it('formats offsets as hours and minutes', () => {
    expect(formatOffset(0)).toBe('0:00');
    expect(formatOffset(125)).toBe('2:05');
  });
});

describe('step times', () => {
  it('reads time figures in English and Japanese, half- and full-width parentheses, with seconds', () => {
    expect(stepTimeFigures('Form pairs and decide who speaks first (1 min)')).toEqual([60]);
    expect(stepTimeFigures('Swap roles and repeat (3 min 30 s)')).toEqual([210]);
    expect(stepTimeFigures('Read the card (45 s)')).toEqual([45]);
    expect(stepTimeFigures('ペアをつくります（1分）')).toEqual([60]);
    expect(stepTimeFigures('役割を交代します（3分30秒）')).toEqual([210]);
    expect(stepTimeFigures('ラウンド1(9分)：役を決めます')).toEqual([540]);
    expect(stepTimeFigures('カードを読みます（４５秒）')).toEqual([45]);
    // A duration that is not in parentheses describes the step; it is not the step's time.
    expect(stepTimeFigures('Introduce yourself, 30 seconds each')).toEqual([]);
    expect(stepTimeFigures('1人30秒ずつ伝え合います')).toEqual([]);
    expect(stepTimeFigures('Talk (about 4 min)')).toEqual([]);
    expect(stepTimeFigures('Write (2 min), then read (1 min)')).toEqual([120, 60]);
  });

  it('formats seconds the way instructions write them', () => {
    expect(formatSeconds(180)).toBe('3 min');
    expect(formatSeconds(210)).toBe('3 min 30 s');
    expect(formatSeconds(30)).toBe('30 s');
  });

  // 1 + 3:30 + 3:30 = 8 min of steps; 2 min of talk and 1 of moving make the block's 11.
  const pairs = {
    id: 'own-meaning-pairs',
    kind: 'pairs',
    minutes: 11,
    talkMinutes: 2,
    transitionMinutes: 1,
    instructions: ['Form pairs (1 min)', 'First speaker talks (3 min 30 s)', 'Swap roles and repeat (3 min 30 s)'],
  };

  it('accepts a block whose steps, talk and moving add up to its minutes', () => {
    expect(checkStepTimes(pairs)).toEqual([]);
    expect(blockBreakdown(pairs)).toEqual({ stepSeconds: 480, talkMinutes: 2, transitionMinutes: 1, stepsTimed: true });
    expect(checkStepTimes({ ...pairs, instructions: ['ペアをつくります（1分）', '話します（3分30秒）', '交代します(3分30秒)'] })).toEqual([]);
  });

  it('names the block, the figures and the fix when the parts do not add up', () => {
    const [problem, ...rest] = checkStepTimes({ ...pairs, talkMinutes: 0 });
    expect(rest).toEqual([]);
    expect(problem!.key).toBe('minutes');
    expect(problem!.message).toBe(
      'block "own-meaning-pairs": the steps (1 min + 3 min 30 s + 3 min 30 s = 8 min) plus talkMinutes (0) plus transitionMinutes (1) come to 9 min, ' +
        "but minutes is 11. Fix: count the missing 2 min as talkMinutes (the facilitator's set-up and wrap-up) or transitionMinutes (moving into groups, swapping roles), or lengthen the steps, or set minutes to 9",
    );
    expect(checkStepTimes({ ...pairs, minutes: 10 })[0]!.message).toContain('come to 11 min, but minutes is 10. Fix: shorten the steps, talkMinutes or transitionMinutes by 1 min');
    const halfMinute = checkStepTimes({ ...pairs, instructions: ['Form pairs (1 min)', 'Talk (3 min 30 s)'] })[0]!.message;
    expect(halfMinute).toContain('come to 7 min 30 s, but minutes is 11. Fix: count the missing 3 min 30 s as talkMinutes');
    expect(halfMinute).toMatch(/the parts must come to a whole number of minutes\)$/);
  });

  it('names the untimed step when only some steps are timed', () => {
    const problems = checkStepTimes({ ...pairs, instructions: ['Form pairs (1 min)', 'First speaker talks', 'Swap roles and repeat (3 min 30 s)'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ key: 'instructions', step: 1 });
    expect(problems[0]!.message).toContain('block "own-meaning-pairs": instruction 2 "First speaker talks" states no time while the others do');
  });

  it('refuses a step that states two times', () => {
    const problems = checkStepTimes({ ...pairs, instructions: ['Write (2 min), then read (1 min)'] });
    expect(problems[0]).toMatchObject({ key: 'instructions', step: 0 });
    expect(problems[0]!.message).toContain('states 2 times (2 min, 1 min)');
  });

  it('lets only a break leave every step untimed', () => {
    expect(checkStepTimes({ id: 'break-1', kind: 'break', minutes: 10, instructions: ['Break. The restart time is on screen'] })).toEqual([]);
    expect(checkStepTimes({ id: 'break-1', kind: 'break', minutes: 10, instructions: ['Break (10 min)'] })).toEqual([]);
    expect(checkStepTimes({ id: 'break-1', kind: 'break', minutes: 10, instructions: ['Break (15 min)'] })[0]!.key).toBe('minutes');
    const [problem] = checkStepTimes({ id: 'model-talk', kind: 'talk', minutes: 20, instructions: ['Listen'] });
    expect(problem!.message).toContain('block "model-talk": no instruction states its time');
  });

  it('adds up what the flexible blocks can give back, in the order given', () => {
    const blocks = [
      { id: 'opening', title: 'Opening', minutes: 10 },
      { id: 'dilemmas', title: 'Dilemmas', minutes: 15, range: { min: 10, max: 20 } },
      { id: 'model', title: 'Model', minutes: 20, range: { min: 15, max: 25 } },
      { id: 'fixed-range', title: 'Fixed', minutes: 12, range: { min: 12, max: 15 } },
    ];
    expect(overrunAllowance(blocks, ['model', 'dilemmas', 'fixed-range'])).toEqual({
      blocks: [
        { id: 'model', title: 'Model', minutes: 20, shortest: 15, canGive: 5 },
        { id: 'dilemmas', title: 'Dilemmas', minutes: 15, shortest: 10, canGive: 5 },
        { id: 'fixed-range', title: 'Fixed', minutes: 12, shortest: 12, canGive: 0 },
      ],
      total: 10,
    });
    expect(overrunAllowance(blocks, [])).toEqual({ blocks: [], total: 0 });
  });
});

describe('step times that are almost right', () => {
  it('says when a parenthesised time is not one figure the build can read', () => {
    const block = { id: 'practice', kind: 'pairs', minutes: 22, instructions: ['Round one (11 min)', 'Swap roles and run round two (9 min + 2 min)'] };
    expect(checkStepTimes(block)[0]!.message).toContain('Fix: "(9 min + 2 min)" is not a time the build can read: state the step\'s whole time once');
    const ja = { ...block, instructions: ['ラウンド1（11分）', '役割を交代します（各9分）'] };
    expect(checkStepTimes(ja)[0]!.message).toContain('Fix: "（各9分）" is not a time the build can read');
  });
});

describe('block breakdown', () => {
  it('lists only the parts that take time, talk first', () => {
    const block = { id: 'b', kind: 'pairs', minutes: 11, talkMinutes: 2, transitionMinutes: 1, instructions: ['Pairs (1 min)', 'Talk (3 min 30 s)', 'Swap (3 min 30 s)'] };
    expect(breakdownParts(block)).toEqual([
      { part: 'talk', minutes: 2 },
      { part: 'steps', minutes: 8 },
      { part: 'transition', minutes: 1 },
    ]);
    expect(breakdownParts({ ...block, talkMinutes: 0 })).toEqual([
      { part: 'steps', minutes: 8 },
      { part: 'transition', minutes: 1 },
    ]);
    expect(breakdownParts({ id: 'break', kind: 'break', minutes: 10, instructions: ['Break'] })).toEqual([]);
  });
});
