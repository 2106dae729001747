import { promisify } from 'node:util';
import { gunzip, gzip } from 'node:zlib';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { mapConcurrently } from '../../map-concurrently';
import type { SnapshotStore, StreamSnapshot } from '../../ports/snapshot-store';
import { translateAwsError } from '../aws-error-translation';
import { EVENT_TABLE_KEYS } from './event-table';

const { partitionKey: PK, sortKey: SK } = EVENT_TABLE_KEYS;
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

/** Bytes of compressed state per part item: under DynamoDB's 400 KB item limit with room for the keys. */
export const SNAPSHOT_PART_BYTES = 350 * 1024;
/** Part items of slot s have sort keys s × SLOT_SPAN + 1, + 2, … (the manifest is sort key 0). */
const SLOT_SPAN = 100_000;
/** Parts written at once. */
const PART_WRITE_CONCURRENCY = 4;

/** The partition holding a stream's snapshot: beside the stream, never inside it. */
export const snapshotPartitionOf = (streamId: string): string => `snapshot/${streamId}`;

interface Manifest {
  schema: string;
  atCommit: number;
  atVersion: number;
  slot: 1 | 2;
  parts: number;
}

/**
 * Snapshots in the events table (docs/event-store.md, Snapshots). Per stream, partition
 * `snapshot/<streamId>` holds a manifest (sort key 0) and the state as gzipped JSON cut into part
 * items, in one of two slots. A write fills the slot the manifest does not point to, then moves
 * the manifest with a condition that it only ever moves forward; a reader checks that every part
 * it reads belongs to the manifest's point, so a snapshot overwritten under it reads as none,
 * never as a mix. The items carry no commit id and no global-index keys: stream consumers and the
 * global log never see them as commits. Only PutItem and Query, as the projector's grant allows.
 */
export class DynamoSnapshotStore implements SnapshotStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async readSnapshot(streamId: string): Promise<StreamSnapshot | undefined> {
    const partition = snapshotPartitionOf(streamId);
    const manifest = await this.#readManifest(partition);
    if (!manifest) return undefined;
    const first = manifest.slot * SLOT_SPAN + 1;
    const items = await this.#query(partition, first, first + manifest.parts - 1);
    if (items.length !== manifest.parts || items.some((item) => Number(item.atCommit) !== manifest.atCommit)) {
      return undefined;
    }
    try {
      const bytes = Buffer.concat(items.map((item) => item.data as Uint8Array));
      const state: unknown = JSON.parse((await gunzipAsync(bytes)).toString('utf8'));
      return {
        streamId,
        schema: manifest.schema,
        at: { commit: manifest.atCommit, version: manifest.atVersion },
        state,
      };
    } catch {
      // A part that does not decompress or parse: as good as no snapshot; the stream is read whole.
      return undefined;
    }
  }

  async writeSnapshot(snapshot: StreamSnapshot): Promise<boolean> {
    const partition = snapshotPartitionOf(snapshot.streamId);
    const current = await this.#readManifest(partition);
    if (current && current.atCommit >= snapshot.at.commit) return false;
    const slot = current?.slot === 1 ? 2 : 1;
    const bytes = await gzipAsync(Buffer.from(JSON.stringify(snapshot.state), 'utf8'));
    const parts: Uint8Array[] = [];
    for (let offset = 0; offset < bytes.length; offset += SNAPSHOT_PART_BYTES) {
      parts.push(bytes.subarray(offset, offset + SNAPSHOT_PART_BYTES));
    }
    await mapConcurrently(
      parts.map((data, index) => ({ data, index })),
      PART_WRITE_CONCURRENCY,
      (part) =>
        this.#put({
          [PK]: partition,
          [SK]: slot * SLOT_SPAN + part.index + 1,
          atCommit: snapshot.at.commit,
          data: part.data,
        }),
    );
    try {
      await this.#put(
        {
          [PK]: partition,
          [SK]: 0,
          schema: snapshot.schema,
          atCommit: snapshot.at.commit,
          atVersion: snapshot.at.version,
          slot,
          parts: parts.length,
          bytes: bytes.length,
        },
        { condition: 'attribute_not_exists(#pk) OR #atCommit < :atCommit', atCommit: snapshot.at.commit },
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw translateAwsError(error, 'writeSnapshot');
    }
    return true;
  }

  async #readManifest(partition: string): Promise<Manifest | undefined> {
    const [item] = await this.#query(partition, 0, 0);
    if (!item) return undefined;
    return {
      schema: String(item.schema),
      atCommit: Number(item.atCommit),
      atVersion: Number(item.atVersion),
      slot: Number(item.slot) === 2 ? 2 : 1,
      parts: Number(item.parts),
    };
  }

  /** The partition's items with sort keys from..to, strongly consistent, all pages. */
  async #query(partition: string, from: number, to: number): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    try {
      do {
        const page = await this.client.send(
          new QueryCommand({
            TableName: this.tableName,
            KeyConditionExpression: '#pk = :pk AND #sk BETWEEN :from AND :to',
            ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
            ExpressionAttributeValues: { ':pk': partition, ':from': from, ':to': to },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        );
        items.push(...(page.Items ?? []));
        startKey = page.LastEvaluatedKey;
      } while (startKey);
    } catch (error) {
      throw translateAwsError(error, 'readSnapshot');
    }
    return items;
  }

  async #put(item: Record<string, unknown>, guard?: { condition: string; atCommit: number }): Promise<void> {
    const command = new PutCommand({
      TableName: this.tableName,
      Item: item,
      ...(guard
        ? {
            ConditionExpression: guard.condition,
            ExpressionAttributeNames: { '#pk': PK, '#atCommit': 'atCommit' },
            ExpressionAttributeValues: { ':atCommit': guard.atCommit },
          }
        : {}),
    });
    try {
      await this.client.send(command);
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) throw error;
      throw translateAwsError(error, 'writeSnapshot');
    }
  }
}
