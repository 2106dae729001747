import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  DeleteCommand,
  type DynamoDBDocumentClient,
  PutCommand,
  QueryCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import type { ParkedRecord, ParkedRecordKey, ParkingStore } from '../../ports/parked-records';
import { translateAwsError } from '../aws-error-translation';
import { parkedKeys } from './parked-records-table';

export interface DynamoParkingStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

const RECORD_FIELDS = [
  'consumer',
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
 * No transactions (dynalite has none): `park` writes the record before the marker and `release`
 * deletes the record before taking its commit out of the marker, so a crash in between leaves at
 * worst a stream blocked with nothing parked (the next redrive clears it) or a record parked
 * without a marker (redrive still finds it; handlers are idempotent). A marker is deleted only
 * once its set of parked commits is empty, so a record parked while a redrive runs keeps its
 * stream blocked.
 */
export class DynamoParkingStore implements ParkingStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: DynamoParkingStoreOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  async blockedStreams(consumer: string): Promise<ReadonlySet<string>> {
    const items = await this.#queryAll(parkedKeys.blockedStreams(consumer), 'blocked streams');
    const blocked = new Set<string>();
    for (const item of items) {
      const commits = item.commits as Set<number> | undefined;
      if (commits && commits.size > 0) blocked.add(String(item.sk));
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
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: parkedKeys.blocked(record.consumer, record.streamId),
          UpdateExpression: 'ADD commits :commit',
          ExpressionAttributeValues: { ':commit': new Set([record.commit]) },
        }),
      );
    } catch (error) {
      throw translateAwsError(error, 'parking a stream record');
    }
  }

  async list(consumer: string): Promise<ParkedRecord[]> {
    return (await this.#queryAll(parkedKeys.records(consumer), 'parked records')).map(toParkedRecord);
  }

  async release(key: ParkedRecordKey): Promise<void> {
    const marker = parkedKeys.blocked(key.consumer, key.streamId);
    try {
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: parkedKeys.record(key.consumer, key.streamId, key.commit),
        }),
      );
      await this.#client.send(
        new UpdateCommand({
          TableName: this.#tableName,
          Key: marker,
          UpdateExpression: 'DELETE commits :commit',
          ExpressionAttributeValues: { ':commit': new Set([key.commit]) },
        }),
      );
      // DynamoDB drops a set attribute whose last element is deleted: then the stream is free.
      await this.#client.send(
        new DeleteCommand({
          TableName: this.#tableName,
          Key: marker,
          ConditionExpression: 'attribute_not_exists(commits)',
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      throw translateAwsError(error, 'releasing a parked stream record');
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
