/**
 * A stream record a consumer set aside instead of skipping it: the whole commit it carried, so
 * `stancewatch redrive` can hand it to the same consumer code later, in order (docs/reliability.md,
 * "Parked records").
 */
export interface ParkedRecord {
  /** The stream consumer that could not handle it: `projector` or `alerter`. */
  consumer: string;
  /**
   * What must stay in order with it: its own stream and, for the projector, the position streams
   * its statements go to. A later record sharing any of these keys is parked behind it.
   */
  keys: string[];
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

export type ParkedRecordKey = Pick<ParkedRecord, 'consumer' | 'streamId' | 'commit' | 'keys'>;

/** How a parked record is named in the blocked keys' sets. */
export const parkedRecordId = (record: Pick<ParkedRecord, 'streamId' | 'commit'>) =>
  `${record.streamId}#${record.commit}`;

/**
 * Where parked records wait. Park and release are idempotent, so a retried call (a Lambda retry,
 * a redrive run twice) changes nothing.
 */
export interface ParkingStore {
  /** The ordering keys of this consumer's parked records: later records with any of them must wait too. */
  blockedKeys(consumer: string): Promise<ReadonlySet<string>>;
  /** Stores (or overwrites) the record, then marks its keys as blocked. */
  park(record: ParkedRecord): Promise<void>;
  /** Every parked record of one consumer, in no particular order. */
  list(consumer: string): Promise<ParkedRecord[]>;
  /** Deletes the record, then unblocks each of its keys that no other parked record holds. */
  release(key: ParkedRecordKey): Promise<void>;
}
