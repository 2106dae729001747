import { BatchGetCommand, type DynamoDBDocumentClient, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { translateAwsError } from '../aws-error-translation';
import { EVENT_TABLE_KEYS } from './event-table';

const { partitionKey: PK, sortKey: SK } = EVENT_TABLE_KEYS;

/**
 * Reads raw commit items in commit-id order: keys from the keys-only global index, then the items
 * by BatchGet. Serves `readAll` (replay, audit) and the embedded stream, which tails the table
 * this way because dynalite has no Streams.
 */
export class CommitLogReader {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  /** Up to `limit` commit items with `after < commitId < before`, oldest first. */
  async read(after: string | undefined, before: string | undefined, limit: number): Promise<Record<string, unknown>[]> {
    const names: Record<string, string> = { '#gpk': EVENT_TABLE_KEYS.globalPartitionKey };
    const values: Record<string, unknown> = { ':all': EVENT_TABLE_KEYS.globalPartitionValue };
    let condition = '#gpk = :all';
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
    const { Items = [] } = await this.#send(() =>
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
    const keys = Items.filter((key) => {
      const commitId = String(key[EVENT_TABLE_KEYS.globalSortKey]);
      return (after === undefined || commitId > after) && (before === undefined || commitId < before);
    }).slice(0, limit);
    if (keys.length === 0) return [];
    return this.#fetch(keys.map((key) => ({ [PK]: key[PK], [SK]: key[SK] })));
  }

  async #fetch(keys: Record<string, unknown>[]): Promise<Record<string, unknown>[]> {
    const byKey = new Map<string, Record<string, unknown>>();
    const keyOf = (item: Record<string, unknown>) => `${item[PK]}\u0000${item[SK]}`;
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
    return keys.flatMap((key) => {
      const item = byKey.get(keyOf(key));
      return item ? [item] : [];
    });
  }

  async #send<T>(call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translateAwsError(error, 'readAll');
    }
  }
}
