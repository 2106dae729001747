/**
 * A stream record a consumer set aside instead of skipping it: the whole commit it carried, so
 * `stancewatch redrive` can hand it to the same consumer code later, in order (docs/reliability.md,
 * "Parked records").
 */
export interface ParkedRecord {
  /** The stream consumer that could not handle it: `projector` or `alerter`. */
  consumer: string;
  /** The event stream the commit belongs to (the events table's partition key). */
  streamId: string;
  /** The commit's number in that stream: redrive replays a stream's parked records in this order. */
  commit: number;
  /** The commit's global id (a ULID). */
  commitId: string;
  /** The commit item as stored in the events table (the stream record's new image), untouched. */
  item: Record<string, unknown>;
  /** Why it was parked: the error of the last attempt, or the earlier record it waits behind. */
  reason: string;
  /** True when the record itself did not fail: it was parked to stay behind an earlier parked record of its stream. */
  held: boolean;
  /** Attempts made (by the stream handler, then by each redrive that failed again). */
  attempts: number;
  /** ISO time of the first failed attempt (or of parking, for a held record). */
  firstFailedAt: string;
  /** ISO time it was last parked (or failed again in a redrive). */
  parkedAt: string;
}

export type ParkedRecordKey = Pick<ParkedRecord, 'consumer' | 'streamId' | 'commit'>;

/**
 * Where parked records wait. Park and release are idempotent, so a retried call (a Lambda retry,
 * a redrive run twice) changes nothing.
 */
export interface ParkingStore {
  /** The streams of this consumer that have at least one parked record: their later records must wait too. */
  blockedStreams(consumer: string): Promise<ReadonlySet<string>>;
  /** Stores (or overwrites) the record, then marks its stream as blocked. */
  park(record: ParkedRecord): Promise<void>;
  /** Every parked record of one consumer, in no particular order. */
  list(consumer: string): Promise<ParkedRecord[]>;
  /** Deletes the record, then unblocks its stream when nothing else of it is parked. */
  release(key: ParkedRecordKey): Promise<void>;
}
