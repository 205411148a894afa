/**
 * Stored responses for the dashboard's unit tests: ids in sequence, varied answers (so standard deviations and
 * correlations exist), and any field overridden. Each test file makes its own maker, so ids start at zero there.
 */
import type { StoredResponse } from '../../src/lib/dashboard/dataset.ts';

type Changes = Partial<StoredResponse>;

export function responseMaker(itemIds: readonly string[]) {
  let nextId = 0;
  /** A response of the next id; `seed` varies the answers (the id by default), `changes` override any field. */
  function stored(changes: Changes = {}, seed = nextId): StoredResponse {
    const id = nextId++;
    return {
      instrumentVersion: 1,
      wave: 'before',
      role: 0,
      stage: 0,
      responseId: id.toString(16).padStart(12, '0'),
      day: '2026-11-23',
      cohort: 'A',
      anonymousCode: null,
      answers: itemIds.map((_, j) => 1 + ((seed * 7 + j * 3 + ((seed * j) % 4)) % 5)),
      evaluation: null,
      comment: null,
      source: 'code',
      importedAt: '2026-11-25T10:00:00.000Z',
      sessionId: null,
      ...changes,
    };
  }
  /** `count` responses, the changes the same for each or made from its index. */
  const many = (count: number, changes: Changes | ((index: number) => Changes)) => Array.from({ length: count }, (_, i) => stored(typeof changes === 'function' ? changes(i) : changes));
  return { stored, many };
}
