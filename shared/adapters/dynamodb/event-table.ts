import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The events table: one item per commit (see docs/event-store.md).
 *   pk  (S) stream id             sk (N) commit number within the stream, from 1
 *   gpk (S) "all"                 gsk (S) commit id (ULID): the global replay order (GSI "byCommit")
 * Unique-key claims (content hashes) share the table with sk = 0 and no gpk, so they never
 * appear in the global log.
 */
export const EVENT_TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexName: 'byCommit',
  globalPartitionKey: 'gpk',
  globalSortKey: 'gsk',
  globalPartitionValue: 'all',
} as const;

/** Table definition used by the embedded runtime and tests; infra/ declares the same in CDK. */
export function eventTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: EVENT_TABLE_KEYS.partitionKey, AttributeType: 'S' },
      { AttributeName: EVENT_TABLE_KEYS.sortKey, AttributeType: 'N' },
      { AttributeName: EVENT_TABLE_KEYS.globalPartitionKey, AttributeType: 'S' },
      { AttributeName: EVENT_TABLE_KEYS.globalSortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: EVENT_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: EVENT_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: [
      {
        IndexName: EVENT_TABLE_KEYS.globalIndexName,
        KeySchema: [
          { AttributeName: EVENT_TABLE_KEYS.globalPartitionKey, KeyType: 'HASH' },
          { AttributeName: EVENT_TABLE_KEYS.globalSortKey, KeyType: 'RANGE' },
        ],
        // Keys only: the global log is read rarely (replay, audit), so the index copies ~100 bytes
        // per commit instead of the whole commit, and readAll fetches the items by key.
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ],
    StreamSpecification: { StreamEnabled: true, StreamViewType: 'NEW_IMAGE' },
  };
}
