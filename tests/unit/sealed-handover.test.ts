import { describe, expect, it } from 'vitest';
import { findSealedHandOver, parseSealedHandOvers, withSealedHandOver, type SealedHandOver } from '../../src/lib/survey/sealed-handover.ts';

const entry = (plain: string, session = 'S1', code = `BNX1${plain}`): SealedHandOver => ({ plain, session, code, file: { sealed: plain } });

describe('stored sealed hand-overs', () => {
  it('finds the hand-over of the same response and session only', () => {
    const list = [entry('BN1A'), entry('BN1B', 'S2')];
    expect(findSealedHandOver(list, 'BN1A', 'S1')?.code).toBe('BNX1BN1A');
    expect(findSealedHandOver(list, 'BN1A', 'S2')).toBeUndefined();
    expect(findSealedHandOver(list, 'BN1C', 'S1')).toBeUndefined();
  });

  it('reads back what it wrote, and skips entries that are not hand-overs', () => {
    const raw = JSON.stringify([entry('BN1A'), { plain: 'BN1B', session: 'S1', code: 'BN1B', file: null }, { plain: 1 }, null]);
    expect(parseSealedHandOvers(raw)).toEqual([entry('BN1A')]);
    expect(parseSealedHandOvers('not json')).toEqual([]);
    expect(parseSealedHandOvers('{"a":1}')).toEqual([]);
    expect(parseSealedHandOvers(null)).toEqual([]);
  });

  it('keeps only hand-overs of responses still stored, and replaces one sealed again', () => {
    const list = [entry('BN1A'), entry('BN1B'), entry('BN1C')];
    const next = withSealedHandOver(list, entry('BN1C', 'S1', 'BNX1NEW'), new Set(['BN1A', 'BN1C']));
    expect(next).toEqual([entry('BN1A'), entry('BN1C', 'S1', 'BNX1NEW')]);
  });
});
