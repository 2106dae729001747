import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import type { Context, DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { commitOfRecord } from '../../shared/adapters/dynamodb/stream-commit';
import type { StoredCommit } from '../../shared/ports/event-store';

/** The slice of Powertools' Logger the handlers use (tests and the embedded runtime pass their own). */
export interface HandlerLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  error(message: string, extra?: Record<string, unknown>): void;
}

export type StreamHandler = (event: DynamoDBStreamEvent, context?: Context) => Promise<DynamoDBBatchResponse>;

export const silentLogger: HandlerLogger = { info: () => undefined, error: () => undefined };

/** A record held back because an earlier record of the same stream failed in this batch. */
export class HeldBackRecordError extends Error {
  constructor(streamId: string) {
    super(`held back: an earlier record of ${streamId} failed in this batch; it is retried after that one`);
    this.name = 'HeldBackRecordError';
  }
}

const streamIdOf = (record: DynamoDBRecord): string | undefined => record.dynamodb?.Keys?.pk?.S;

/**
 * A DynamoDB Streams handler in the Powertools shape: BatchProcessor + one record handler +
 * processPartialResponse with partial batch failures. Records go one at a time, in stream order.
 * A record that fails (a poison event, an outage) is reported in batchItemFailures and the batch
 * goes on with the other streams' records; later records of the *same* stream are held back
 * (reported failed too, not processed), so each stream is still handled strictly in order when
 * the event source mapping retries from the failed record. One invocation at a time per handler,
 * as on Lambda.
 */
export function createStreamHandler(options: {
  name: string;
  logger?: HandlerLogger;
  handleCommit: (commit: StoredCommit) => Promise<void>;
}): StreamHandler {
  const logger = options.logger ?? silentLogger;
  const processor = new BatchProcessor(EventType.DynamoDBStreams);
  return (event, context) => {
    const failedStreams = new Set<string>();
    const recordHandler = async (record: DynamoDBRecord): Promise<void> => {
      const streamId = streamIdOf(record);
      if (streamId !== undefined && failedStreams.has(streamId)) throw new HeldBackRecordError(streamId);
      try {
        const commit = commitOfRecord(record);
        if (commit) await options.handleCommit(commit);
      } catch (error) {
        if (streamId !== undefined) failedStreams.add(streamId);
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
