import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { type ParkedRecord, type ParkedRecordKey, type ParkingStore, parkedRecordId } from '../../ports/parked-records';
import { translateAwsError } from '../aws-error-translation';
import { parkedKeys } from './parked-records-table';

export interface DynamoParkingStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

const RECORD_FIELDS = [
  'consumer',
  'keys',
  'streamId',
  'commit',
  'commitId',
  'item',
  'reason',
  'held',
  'attempts',
  'firstFailedAt',
  'parkedAt',
] as const;

/**
 * Parked records on DynamoDB (dynalite in embedded mode); table design in parked-records-table.ts.
 * No transactions (dynalite has none), so the writes are ordered to be safe when interrupted:
 * `park` writes the record before blocking its keys (a crash in between is retried by the stream,
 * which parks it again or, if it now succeeds, leaves a parked copy that redrive replays as a
 * no-op: the consumers are idempotent), and `release` (called once the record was replayed)
 * unblocks its keys before deleting it (a crash in between leaves an applied record that the next
 * redrive replays as a no-op). A key's marker is deleted only once its set of parked records is
 * empty, so a record parked while a redrive runs keeps its keys blocked.
 */
export class DynamoParkingStore implements ParkingStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: DynamoParkingStoreOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  async blockedKeys(consumer: string): Promise<ReadonlySet<string>> {
    const items = await this.#queryAll(parkedKeys.blockedKeys(consumer), 'blocked keys');
    const blocked = new Set<string>();
    for (const item of items) {
      const records = item.records as Set<string> | undefined;
      if (records && records.size > 0) blocked.add(String(item.sk));
    }
    return blocked;
  }

  async park(record: ParkedRecord): Promise<void> {
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: { ...parkedKeys.record(record.consumer, record.streamId, record.commit), ...record },
        }),
      );
      for (const key of record.keys) {
        await this.#client.send(
          new UpdateCommand({
            TableName: this.#tableName,
            Key: parkedKeys.blocked(record.consumer, key),
            UpdateExpression: 'ADD #records :record',
            ExpressionAttributeNames: { '#records': 'records' },
            ExpressionAttributeValues: { ':record': new Set([parkedRecordId(record)]) },
          }),
        );
      }
    } catch (error) {
      throw translateAwsError(error, 'parking a stream record');
    }
  }

  async list(consumer: string): Promise<ParkedRecord[]> {
    return (await this.#queryAll(parkedKeys.records(consumer), 'parked records')).map(toParkedRecord);
  }

  async release(record: ParkedRecordKey): Promise<void> {
    try {
      for (const key of record.keys) {
        const marker = parkedKeys.blocked(record.consumer, key);
        await this.#client.send(
          new UpdateCommand({
            TableName: this.#tableName,
            Key: marker,
            UpdateExpression: 'DELETE #records :record',
            ExpressionAttributeNames: { '#records': 'records' },
            ExpressionAttributeValues: { ':record': new Set([parkedRecordId(record)]) },
          }),
        );
        // DynamoDB drops a set attribute whose last element is deleted: then the key is free.
        await this.#deleteIfEmpty(marker);
      }
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: parkedKeys.record(record.consumer, record.streamId, record.commit),
        }),
      );
    } catch (error) {
      throw translateAwsError(error, 'releasing a parked stream record');
    }
  }

  async #deleteIfEmpty(marker: Record<string, string>): Promise<void> {
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: marker,
          ConditionExpression: 'attribute_not_exists(#records)',
          ExpressionAttributeNames: { '#records': 'records' },
        }),
      );
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw error;
    }
  }

  async #queryAll(partition: string, what: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    try {
      do {
        const page = await this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: 'pk = :pk',
            ExpressionAttributeValues: { ':pk': partition },
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...((page.Items ?? []) as Record<string, unknown>[]));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    } catch (error) {
      throw translateAwsError(error, `reading ${what}`);
    }
    return items;
  }
}

function toParkedRecord(item: Record<string, unknown>): ParkedRecord {
  const record: Record<string, unknown> = {};
  for (const field of RECORD_FIELDS) if (item[field] !== undefined) record[field] = item[field];
  return record as unknown as ParkedRecord;
}
