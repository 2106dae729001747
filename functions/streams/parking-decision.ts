/**
 * What a stream handler does with one record, decided from what it knows: whether an earlier
 * record of the same stream failed in this batch without being parked (parking itself failed),
 * and whether the stream has a parked record (from this batch or an earlier one). Pure, so the
 * rules are tested on their own (test/functions/streams/parking-decision.test.ts).
 *
 * - `hold`: report the record failed without running it. The event source mapping retries from
 *   the earliest failed record, so the stream stays in order (the shard stalls and alarms).
 * - `park-held`: park it untried. Running it would apply it ahead of the parked one.
 * - `handle`: run the consumer's code.
 */
export type BeforeHandling = 'hold' | 'park-held' | 'handle';

export function beforeHandling(state: { failedInBatch: boolean; parked: boolean }): BeforeHandling {
  if (state.failedInBatch) return 'hold';
  if (state.parked) return 'park-held';
  return 'handle';
}

/**
 * After a failed attempt: try again while attempts remain, then park the record (with parking
 * configured) or report it failed (without: the event source mapping retries it).
 */
export type AfterFailure = 'retry' | 'park' | 'fail';

export function afterFailure(state: { attempt: number; maxAttempts: number; parking: boolean }): AfterFailure {
  if (state.attempt < state.maxAttempts) return 'retry';
  return state.parking ? 'park' : 'fail';
}

/** Delay before attempt `attempt + 1`: doubling from `baseMs`. */
export const retryDelayMs = (attempt: number, baseMs: number): number => baseMs * 2 ** (attempt - 1);
