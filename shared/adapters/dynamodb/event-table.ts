import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The events table: one item per commit (see docs/event-store.md).
 *   pk  (S) stream id             sk (N) commit number within the stream, from 1
 *   gpk (S) "all#<shard>"         gsk (S) commit id (ULID): the global replay order (GSI "byCommit")
 * Unique-key claims (content hashes) share the table with sk = 0 and no gpk, so they never
 * appear in the global log. Commits written before the index was sharded carry gpk "all".
 */
export const EVENT_TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  globalIndexName: 'byCommit',
  globalPartitionKey: 'gpk',
  globalSortKey: 'gsk',
  /** The one partition of the index before it was sharded: still read, never written. */
  legacyGlobalPartition: 'all',
} as const;

/**
 * Shards of the global index (gpk "all#0" … "all#<S-1>"). One partition of a DynamoDB index takes
 * about 1,000 writes a second, and every commit writes one index entry; S shards take S times
 * that. Writers and readers must use the same S or more: readers query shards 0..S-1 (and the
 * legacy partition), so raising S later is safe, lowering it hides the commits in the shards
 * dropped. See docs/event-store.md, "Global order".
 */
export const DEFAULT_GLOBAL_SHARDS = 16;
/**
 * The embedded runtime's count. Its stream tails the index after every append, one Query per
 * shard: an empty poll took ~1.7 ms with 1 shard, ~3.5 ms with 4, ~15 ms with 16 on dynalite, which
 * has no partition limit to spread; 4 keeps the merge path running in every embedded run and test
 * (docs/event-store.md, "Global order"). Never lower it: data folders are written with it.
 */
export const EMBEDDED_GLOBAL_SHARDS = 4;
/** More shards only cost readers (one Query per shard per page); this catches a typo. */
export const MAX_GLOBAL_SHARDS = 256;

export function assertGlobalShards(shards: number): number {
  if (!Number.isInteger(shards) || shards < 1 || shards > MAX_GLOBAL_SHARDS) {
    throw new RangeError(
      `the global index needs a whole number of shards from 1 to ${MAX_GLOBAL_SHARDS}, not ${shards}`,
    );
  }
  return shards;
}

/**
 * The index partition of a stream's commits: a stable hash (FNV-1a, 32 bits, over the id's UTF-16
 * code units) of the stream id modulo the shard count, so all commits of one stream share one
 * shard. Readers merge the shards by commit id, so the global order never depends on the hash:
 * it only spreads the writes.
 */
export function globalPartitionOf(streamId: string, shards: number): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < streamId.length; index++) {
    hash ^= streamId.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return `${EVENT_TABLE_KEYS.legacyGlobalPartition}#${(hash >>> 0) % shards}`;
}

/** Every partition a reader of the global order must query: the shards and the legacy one. */
export function globalPartitions(shards: number): string[] {
  return [
    EVENT_TABLE_KEYS.legacyGlobalPartition,
    ...Array.from({ length: shards }, (_, shard) => `${EVENT_TABLE_KEYS.legacyGlobalPartition}#${shard}`),
  ];
}

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
