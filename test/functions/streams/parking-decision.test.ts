import { describe, expect, it } from 'vitest';
import { afterFailure, beforeHandling, retryDelayMs } from '../../../functions/streams/parking-decision';

describe('the parking decision', () => {
  it.each([
    [{ failedInBatch: false, parked: false }, 'handle'],
    [{ failedInBatch: false, parked: true }, 'park-held'],
    [{ failedInBatch: true, parked: false }, 'hold'],
    // A failure the store could not park outranks parking: the stream must stall, not jump ahead.
    [{ failedInBatch: true, parked: true }, 'hold'],
  ] as const)('before handling %o: %s', (state, step) => {
    expect(beforeHandling(state)).toBe(step);
  });

  it.each([
    [{ attempt: 1, maxAttempts: 3, parking: true }, 'retry'],
    [{ attempt: 2, maxAttempts: 3, parking: true }, 'retry'],
    [{ attempt: 3, maxAttempts: 3, parking: true }, 'park'],
    [{ attempt: 1, maxAttempts: 1, parking: false }, 'fail'],
    [{ attempt: 4, maxAttempts: 3, parking: false }, 'fail'],
  ] as const)('after failed attempt %o: %s', (state, step) => {
    expect(afterFailure(state)).toBe(step);
  });

  it('doubles the retry delay', () => {
    expect([1, 2, 3].map((attempt) => retryDelayMs(attempt, 100))).toEqual([100, 200, 400]);
  });
});
