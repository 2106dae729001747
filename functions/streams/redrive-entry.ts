import type { Context, DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';
import { commitOfItem } from '../../shared/adapters/dynamodb/stream-commit';
import {
  type RedriveConsumer,
  type RedriveReport,
  redriveParkedRecords,
} from '../../shared/application/redrive-parked-records';
import type { CommitHandler, HandlerLogger, StreamHandler, StreamParking } from './stream-handler';

/** A direct invocation of a stream consumer's function: replay its parked records. */
export interface RedriveRequest {
  redrive: { dryRun?: boolean };
}

/** Stop taking parked records when less than this is left of the invocation's time. */
const REDRIVE_TIME_RESERVE_MS = 10_000;

export function isRedriveRequest(event: unknown): event is RedriveRequest {
  if (!event || typeof event !== 'object' || !('redrive' in event)) return false;
  const request = (event as { redrive: unknown }).redrive;
  return !!request && typeof request === 'object';
}

/** Redrive's view of a consumer: decode the parked commit item again and run the consumer's code. */
export const replayingConsumer = (handler: CommitHandler): RedriveConsumer => ({
  name: handler.name,
  replay: (record) => handler.handleCommit(commitOfItem(record.item)),
});

/**
 * The Lambda entry of a stream consumer: stream batches go to the stream handler, and a direct
 * invocation with `{"redrive": {"dryRun"?: true}}` replays this consumer's parked records with the
 * same code and the same grants (docs/deploy.md, "Parked records"). A redrive stops 10 s before
 * the invocation's time is up and reports `stopped: true`; invoke it again for the rest.
 */
export function withRedrive(
  streamHandler: StreamHandler,
  options: { consumer: CommitHandler; parking: StreamParking; logger?: HandlerLogger },
): (event: DynamoDBStreamEvent | RedriveRequest, context?: Context) => Promise<DynamoDBBatchResponse | RedriveReport> {
  return async (event, context) => {
    if (!isRedriveRequest(event)) return streamHandler(event, context);
    const report = await redriveParkedRecords(
      {
        parking: options.parking.store,
        clock: options.parking.clock,
        consumers: [replayingConsumer(options.consumer)],
      },
      {
        dryRun: event.redrive.dryRun === true,
        shouldStop: () => (context ? context.getRemainingTimeInMillis() < REDRIVE_TIME_RESERVE_MS : false),
      },
    );
    options.logger?.info(`${options.consumer.name}: redrive`, { ...report });
    return report;
  };
}
