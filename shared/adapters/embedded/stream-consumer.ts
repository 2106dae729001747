import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

/** A Lambda-shaped stream consumer: the same handler the event source mapping calls on AWS. */
export interface StreamConsumer {
  name: string;
  handler: (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse | undefined>;
  /** Mirrors the event source mapping's filter criteria: false skips the record (it is still checkpointed). */
  filter?: (item: Record<string, unknown>) => boolean;
  /** Records per invocation, as the mapping's BatchSize. */
  batchSize?: number;
}

/** Where each consumer's position in the commit log survives a restart. */
export interface CheckpointStore {
  load(consumer: string): Promise<string | undefined>;
  save(consumer: string, commitId: string): Promise<void>;
}

/** A record a consumer kept failing on: what AWS sends to the on-failure destination (the DLQ). */
export interface StreamFailure {
  consumer: string;
  commitId: string;
  streamId: string;
  eventTypes: string[];
  attempts: number;
  failedAt: string;
  reason: string;
  /** The raw commit item, so the record can be redelivered as it was. */
  item: Record<string, unknown>;
}

export interface FailureSink {
  record(failure: StreamFailure): Promise<void>;
}
