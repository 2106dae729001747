import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws-error-translation';
import { assertGlobalShards, DEFAULT_GLOBAL_SHARDS, EVENT_TABLE_KEYS, globalPartitions } from './event-table';

const { partitionKey: PK, sortKey: SK } = EVENT_TABLE_KEYS;

const keyOf = (item: Record<string, unknown>) => `${item[PK]}\u0000${item[SK]}`;
const commitIdOf = (key: Record<string, unknown>) => String(key[EVENT_TABLE_KEYS.globalSortKey]);

/** DynamoDB's limit on the keys of one BatchGetItem. */
const MAX_BATCH_GET_KEYS = 100;

/**
 * Reads raw commit items in commit-id order: keys from the keys-only global index, then the items
 * by BatchGet. Serves `readAll` (replay, audit) and the embedded stream, which tails the table
 * this way because dynalite has no Streams.
 *
 * The index is sharded (`globalPartitionOf`): a page is the first `limit` entries of every shard
 * after the cursor (the legacy unsharded partition counting as one more shard), merged by commit
 * id, of which the first `limit` are kept. Every entry of the global page is among the first
 * `limit` of its own shard, so the merge is exact and the cursor stays a single commit id.
 */
export class CommitLogReader {
  readonly #partitions: readonly string[];

  /** `globalShards` must be at least the writers' count (see DEFAULT_GLOBAL_SHARDS). */
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    globalShards: number = DEFAULT_GLOBAL_SHARDS,
  ) {
    this.#partitions = globalPartitions(assertGlobalShards(globalShards));
  }

  /**
   * Up to `limit` commit items with `after < commitId < before`, oldest first, each once.
   *
   * An index entry counts only if its item exists and carries that entry's commit id. Real
   * DynamoDB never shows anything else, but dynalite writes a PutItem's index entries before the
   * item: a process killed in between (embedded mode) leaves an entry for an item that was never
   * written, and when the same commit is written again (a retried ingest or decision, with a new
   * commit id) the index lists one item under two ids. Such leftovers are skipped, and reading
   * goes on past them, so a page is only short at the end of the log.
   */
  async read(after: string | undefined, before: string | undefined, limit: number): Promise<Record<string, unknown>[]> {
    const found: Record<string, unknown>[] = [];
    let from = after;
    for (;;) {
      const { keys, more } = await this.#indexEntries(from, before, limit - found.length);
      if (keys.length === 0) return found;
      const items = await this.#fetch(keys.map((key) => ({ [PK]: key[PK], [SK]: key[SK] })));
      for (const key of keys) {
        const item = items.get(keyOf(key));
        if (item && item[EVENT_TABLE_KEYS.globalSortKey] === key[EVENT_TABLE_KEYS.globalSortKey]) found.push(item);
      }
      if (found.length >= limit || !more) return found;
      from = String(keys.at(-1)?.[EVENT_TABLE_KEYS.globalSortKey]);
    }
  }

  /**
   * Up to `limit` entries of the global index strictly between the bounds, in commit-id order, and
   * whether more may follow: the first `limit` of each shard (queried in parallel), merged.
   */
  async #indexEntries(
    after: string | undefined,
    before: string | undefined,
    limit: number,
  ): Promise<{ keys: Record<string, unknown>[]; more: boolean }> {
    const shards = await Promise.all(
      this.#partitions.map((partition) => this.#shardEntries(partition, after, before, limit)),
    );
    const merged = shards
      .flatMap((shard) => shard.keys)
      .sort((left, right) => (commitIdOf(left) < commitIdOf(right) ? -1 : 1));
    return { keys: merged.slice(0, limit), more: merged.length > limit || shards.some((shard) => shard.more) };
  }

  /** Up to `limit` entries of one index partition strictly between the bounds, and whether more may follow. */
  async #shardEntries(
    partition: string,
    after: string | undefined,
    before: string | undefined,
    limit: number,
  ): Promise<{ keys: Record<string, unknown>[]; more: boolean }> {
    const names: Record<string, string> = { '#gpk': EVENT_TABLE_KEYS.globalPartitionKey };
    const values: Record<string, unknown> = { ':gpk': partition };
    let condition = '#gpk = :gpk';
    if (after !== undefined && before !== undefined) {
      condition += ' AND #gsk BETWEEN :after AND :before';
      Object.assign(values, { ':after': after, ':before': before });
    } else if (after !== undefined) {
      condition += ' AND #gsk > :after';
      values[':after'] = after;
    } else if (before !== undefined) {
      condition += ' AND #gsk < :before';
      values[':before'] = before;
    }
    if (after !== undefined || before !== undefined) names['#gsk'] = EVENT_TABLE_KEYS.globalSortKey;
    const { Items = [], LastEvaluatedKey } = await this.#send(() =>
      this.client.send(
        new QueryCommand({
          TableName: this.tableName,
          IndexName: EVENT_TABLE_KEYS.globalIndexName,
          KeyConditionExpression: condition,
          ExpressionAttributeNames: names,
          ExpressionAttributeValues: values,
          Limit: limit + 2,
        }),
      ),
    );
    // BETWEEN is inclusive; the bounds themselves are excluded here.
    const inside = Items.filter((key) => {
      const commitId = commitIdOf(key);
      return (after === undefined || commitId > after) && (before === undefined || commitId < before);
    });
    return { keys: inside.slice(0, limit), more: LastEvaluatedKey !== undefined || inside.length > limit };
  }

  /** The items of these keys (each key asked for once), by key, in BatchGetItem's chunks of at most 100 keys. */
  async #fetch(keys: Record<string, unknown>[]): Promise<Map<string, Record<string, unknown>>> {
    const byKey = new Map<string, Record<string, unknown>>();
    const unique = [...new Map(keys.map((key) => [keyOf(key), key])).values()];
    for (let start = 0; start < unique.length; start += MAX_BATCH_GET_KEYS) {
      await this.#fetchChunk(unique.slice(start, start + MAX_BATCH_GET_KEYS), byKey);
    }
    return byKey;
  }

  /** One BatchGetItem of at most 100 keys, retrying what DynamoDB leaves unprocessed. */
  async #fetchChunk(keys: Record<string, unknown>[], byKey: Map<string, Record<string, unknown>>): Promise<void> {
    let pending = keys;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, Math.min(1_000, 20 * 2 ** attempt)));
      if (attempt > 8) throw translateAwsError(new Error('keys left unprocessed after retries'), 'readAll');
      const batch = pending;
      const response = await this.#send(() =>
        this.client.send(
          new BatchGetCommand({ RequestItems: { [this.tableName]: { Keys: batch, ConsistentRead: true } } }),
        ),
      );
      for (const item of response.Responses?.[this.tableName] ?? []) byKey.set(keyOf(item), item);
      pending = (response.UnprocessedKeys?.[this.tableName]?.Keys as Record<string, unknown>[] | undefined) ?? [];
    }
  }

  async #send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translateAwsError(error, 'readAll');
    }
  }
}
