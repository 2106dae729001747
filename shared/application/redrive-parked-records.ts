import type { Clock } from '../ports/clock';
import type { ParkedRecord, ParkingStore } from '../ports/parked-records';

/** One stream consumer as redrive sees it: its name and how to run its code on a parked record. */
export interface RedriveConsumer {
  name: string;
  replay(record: ParkedRecord): Promise<void>;
}

export interface RedriveDependencies {
  parking: ParkingStore;
  clock: Clock;
  /** In the order to redrive them: the projector before the alerter (alerts follow decisions). */
  consumers: readonly RedriveConsumer[];
}

export interface RedriveOptions {
  /** List what would be replayed, in order, and change nothing. */
  dryRun?: boolean;
  /** Asked before each record: true stops the run (a Lambda running out of time); the rest stays parked. */
  shouldStop?: () => boolean;
}

export interface ParkedRecordSummary {
  consumer: string;
  streamId: string;
  commit: number;
  commitId: string;
  held: boolean;
  attempts: number;
  firstFailedAt: string;
  reason: string;
}

export interface RedriveReport {
  dryRun: boolean;
  /** Records replayed successfully and removed. */
  redriven: number;
  /** Per stream that failed again: its first record that still fails (the rest of the stream waits behind it). */
  stillFailing: ParkedRecordSummary[];
  /** Records still parked after the run. */
  remaining: number;
  /** True when shouldStop ended the run early. */
  stopped: boolean;
  /** With dryRun: every parked record, in the order a redrive would replay them. */
  records?: ParkedRecordSummary[];
}

const summaryOf = (record: ParkedRecord): ParkedRecordSummary => ({
  consumer: record.consumer,
  streamId: record.streamId,
  commit: record.commit,
  commitId: record.commitId,
  held: record.held,
  attempts: record.attempts,
  firstFailedAt: record.firstFailedAt,
  reason: record.reason,
});

/**
 * The order to replay a consumer's parked records in: the order they were committed (commit ids
 * are ULIDs, drawn when each commit was written), and within a stream by commit number.
 */
export function redriveOrder(records: readonly ParkedRecord[]): ParkedRecord[] {
  return [...records].sort((a, b) =>
    a.streamId === b.streamId ? a.commit - b.commit : a.commitId.localeCompare(b.commitId),
  );
}

/**
 * `stancewatch redrive`: hands every parked record back to the code of the consumer that parked
 * it, in the order they were committed, and removes each one that succeeds. A record that fails
 * again stays parked with the new reason, and so does every later record sharing one of its
 * ordering keys (its stream, or a position stream both feed), so nothing is applied out of order;
 * records with other keys go on. Records parked while the run goes on (a live consumer keeps
 * parking behind a blocked key) are picked up by listing again until a pass makes no progress.
 * The consumers are idempotent, so replaying a record that had in fact been applied changes
 * nothing.
 */
export async function redriveParkedRecords(
  dependencies: RedriveDependencies,
  options: RedriveOptions = {},
): Promise<RedriveReport> {
  const { parking, clock, consumers } = dependencies;
  if (options.dryRun) {
    const records: ParkedRecordSummary[] = [];
    for (const consumer of consumers) records.push(...redriveOrder(await parking.list(consumer.name)).map(summaryOf));
    return { dryRun: true, redriven: 0, stillFailing: [], remaining: records.length, stopped: false, records };
  }

  let redriven = 0;
  let stopped = false;
  const stillFailing: ParkedRecordSummary[] = [];
  for (const consumer of consumers) {
    // Keys of records that failed again, or wait behind one that did.
    const failedKeys = new Set<string>();
    for (let progress = true; progress && !stopped; ) {
      progress = false;
      for (const record of redriveOrder(await parking.list(consumer.name))) {
        if (options.shouldStop?.()) {
          stopped = true;
          break;
        }
        if (record.keys.some((key) => failedKeys.has(key))) {
          for (const key of record.keys) failedKeys.add(key);
          continue;
        }
        try {
          await consumer.replay(record);
        } catch (error) {
          const failedAgain: ParkedRecord = {
            ...record,
            reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error),
            held: false,
            attempts: record.attempts + 1,
            parkedAt: clock.now().toISOString(),
          };
          await parking.park(failedAgain);
          for (const key of record.keys) failedKeys.add(key);
          stillFailing.push(summaryOf(failedAgain));
          continue;
        }
        await parking.release(record);
        redriven++;
        progress = true;
      }
    }
  }
  let remaining = 0;
  for (const consumer of consumers) remaining += (await parking.list(consumer.name)).length;
  return { dryRun: false, redriven, stillFailing, remaining, stopped };
}
