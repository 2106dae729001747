import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { commitItemOfRecord, commitOfItem } from '../../shared/adapters/dynamodb/stream-commit';
import { type Clock, systemClock } from '../../shared/ports/clock';
import type { StoredCommit } from '../../shared/ports/event-store';
import type { ParkedRecord, ParkingStore } from '../../shared/ports/parked-records';
import { afterFailure, beforeHandling, retryDelayMs } from './parking-decision';

/** The slice of Powertools' Logger the handlers use (tests and the embedded runtime pass their own). */
export interface HandlerLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export type StreamHandler = (event: DynamoDBStreamEvent, context?: Context) => Promise<DynamoDBBatchResponse>;

export const silentLogger: HandlerLogger = { info: () => undefined, error: () => undefined };

/** A stream consumer's own code: what it does with one commit. The stream handler and redrive both call it. */
export interface CommitHandler {
  name: string;
  handleCommit(commit: StoredCommit): Promise<void>;
  /**
   * What a commit must stay in order with, from the stored commit item (so it works for a commit
   * that cannot be decoded): its own stream, plus whatever else this consumer's result depends on
   * the order of. Default: the commit's stream.
   */
  orderingKeys?(item: Record<string, unknown>): string[];
}

const ownStream = (item: Record<string, unknown>): string[] => [String(item.pk)];

/** Setting records aside instead of stalling on them (docs/deploy.md, "Parked records"). */
export interface StreamParking {
  store: ParkingStore;
  clock: Clock;
  /** Attempts at one record, in this invocation, before it is parked (default 3). */
  maxAttempts?: number;
  /** Wait before the second attempt, doubled before each next one (default 200 ms). */
  retryDelayMs?: number;
  /** Called once per record parked (the ParkedRecords metric on AWS). */
  onParked?: (record: ParkedRecord) => void;
}

/** A record held back because an earlier record of the same stream (or ordering key) failed in this batch. */
export class HeldBackRecordError extends Error {
  constructor(streamId: string) {
    super(
      `held back: an earlier record of ${streamId} (or of one of its ordering keys) failed in this batch; it is retried after that one`,
    );
    this.name = 'HeldBackRecordError';
  }
}

const streamIdOf = (record: DynamoDBRecord): string | undefined => record.dynamodb?.Keys?.pk?.S;
const describe = (error: unknown): string =>
  error instanceof Error ? `${error.name}: ${error.message}` : String(error);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * A DynamoDB Streams handler in the Powertools shape: BatchProcessor + one record handler +
 * processPartialResponse with partial batch failures. Records go one at a time, in stream order.
 *
 * With `parking`, nothing stalls on a record the consumer cannot handle: after `maxAttempts` the
 * whole record is parked (ParkingStore) and reported done, so the shard moves on, and every later
 * record sharing one of its ordering keys (its stream; for the projector also the decisions on
 * the positions its statements go to) is parked behind it, untried, until `redrive` replays them
 * in order. Only when parking itself fails is the record reported in batchItemFailures (and later
 * records with its keys held back), so the event source mapping retries it: the shard stalls
 * rather than skip. Without `parking` (tests of the bare handlers), a failure is reported at once.
 *
 * One invocation at a time per handler, as on Lambda.
 */
export function createStreamHandler(
  options: CommitHandler & { logger?: HandlerLogger; parking?: StreamParking },
): StreamHandler {
  const logger = options.logger ?? silentLogger;
  const parking = options.parking;
  const maxAttempts = parking ? (parking.maxAttempts ?? 3) : 1;
  const now = () => (parking?.clock ?? systemClock).now().toISOString();
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  const orderingKeys = options.orderingKeys ?? ownStream;
  return async (event, context) => {
    // Keys of records that failed in this batch without being parked: the rest of them is held back.
    const failedKeys = new Set<string>();
    // One small read per batch, not per record: which keys already have a parked record.
    const parkedKeys = new Set(parking ? await parking.store.blockedKeys(options.name) : []);

    const park = async (record: ParkedRecord): Promise<void> => {
      if (!parking) return;
      await parking.store.park(record);
      for (const key of record.keys) parkedKeys.add(key);
      parking.onParked?.(record);
      logger.error(`${options.name}: stream record parked`, {
        streamId: record.streamId,
        commit: record.commit,
        commitId: record.commitId,
        keys: record.keys,
        held: record.held,
        attempts: record.attempts,
        reason: record.reason,
      });
    };

    const recordHandler = async (record: DynamoDBRecord): Promise<void> => {
      const streamId = streamIdOf(record) ?? '';
      let keys = [streamId];
      try {
        const item = commitItemOfRecord(record);
        if (!item) return;
        keys = orderingKeys(item);
        const step = beforeHandling({
          failedInBatch: keys.some((key) => failedKeys.has(key)),
          parked: keys.some((key) => parkedKeys.has(key)),
        });
        if (step === 'hold') throw new HeldBackRecordError(streamId);
        const parked = (reason: string, attempts: number, firstFailedAt: string, held: boolean): ParkedRecord => ({
          consumer: options.name,
          keys,
          streamId,
          commit: Number(item.sk),
          commitId: String(item.commitId),
          item,
          reason,
          held,
          attempts,
          firstFailedAt,
          parkedAt: now(),
        });
        if (step === 'park-held') {
          await park(parked('held behind an earlier parked record with the same ordering key', 0, now(), true));
          return;
        }
        let firstFailedAt: string | undefined;
        for (let attempt = 1; ; attempt++) {
          try {
            await options.handleCommit(commitOfItem(item));
            return;
          } catch (error) {
            firstFailedAt ??= now();
            const next = afterFailure({ attempt, maxAttempts, parking: parking !== undefined });
            if (next === 'fail') throw error;
            if (next === 'park') {
              await park(parked(describe(error), attempt, firstFailedAt, false));
              return;
            }
            await sleep(retryDelayMs(attempt, parking?.retryDelayMs ?? 200));
          }
        }
      } catch (error) {
        for (const key of keys) failedKeys.add(key);
        if (error instanceof HeldBackRecordError) throw error;
        logger.error(`${options.name}: a stream record failed`, {
          streamId,
          sequenceNumber: record.dynamodb?.SequenceNumber,
          error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
        });
        throw error;
      }
    };
    return processPartialResponse(event, recordHandler, processor, {
      ...(context ? { context } : {}),
      processInParallel: false,
      throwOnFullBatchFailure: false,
    });
  };
}
