import { randomBytes } from 'node:crypto';
import { PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventStore } from '../../../shared/adapters/dynamodb/dynamo-event-store';
import {
  DynamoSnapshotStore,
  SNAPSHOT_PART_BYTES,
  snapshotPartitionOf,
} from '../../../shared/adapters/dynamodb/dynamo-snapshot-store';
import { commitItemOfRecord } from '../../../shared/adapters/dynamodb/stream-commit';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import type { SnapshotStore, StreamSnapshot } from '../../../shared/ports/snapshot-store';
import { type DynamoTestStore, startDynamoTestStore } from '../../support/dynamo-test-store';
import { anAlertPublished, fixedClock } from '../../support/event-factory';
import { MemorySnapshotStore } from '../../support/memory-snapshot-store';

/**
 * The SnapshotStore port's contract, against the in-memory store the unit tests use and the
 * DynamoDB one (over dynalite's real API) that both runtimes use.
 */
let dynamo: DynamoTestStore;
beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});

const adapters: Array<[string, () => Promise<SnapshotStore>]> = [
  ['MemorySnapshotStore', async () => new MemorySnapshotStore()],
  ['DynamoSnapshotStore (dynalite)', async () => new DynamoSnapshotStore(dynamo.client, await dynamo.newEventTable())],
];

const aSnapshot = (commit: number, state: unknown = { folded: commit }): StreamSnapshot => ({
  streamId: 'position/ukraine/territory/cede-territory',
  schema: 'test-state.v1',
  at: { commit, version: commit * 2 },
  state,
});

/** Text that gzip cannot shrink much: random bytes as hex, so a state spans several part items. */
const incompressible = (bytes: number) => randomBytes(bytes).toString('base64');

describe.each(adapters)('SnapshotStore contract: %s', (_name, open) => {
  it('has no snapshot of a stream it was never given one for', async () => {
    const store = await open();
    expect(await store.readSnapshot('position/none')).toBeUndefined();
  });

  it('reads back the snapshot it stored: schema, point and state', async () => {
    const store = await open();
    const snapshot = aSnapshot(100, { key: { actor: 'ukraine' }, statements: [['st-1', { active: true }]], n: 0.5 });
    expect(await store.writeSnapshot(snapshot)).toBe(true);
    expect(await store.readSnapshot(snapshot.streamId)).toEqual(snapshot);
  });

  it('replaces a snapshot with a later one, and never with an earlier one or one at the same point', async () => {
    const store = await open();
    await store.writeSnapshot(aSnapshot(100));
    expect(await store.writeSnapshot(aSnapshot(200))).toBe(true);
    expect(await store.writeSnapshot(aSnapshot(100))).toBe(false);
    expect(await store.writeSnapshot(aSnapshot(200, { other: true }))).toBe(false);
    expect(await store.readSnapshot(aSnapshot(0).streamId)).toEqual(aSnapshot(200));
  });

  it('keeps each stream its own snapshot', async () => {
    const store = await open();
    await store.writeSnapshot(aSnapshot(100));
    const other = { ...aSnapshot(300), streamId: 'position/russia/talks/negotiate' };
    await store.writeSnapshot(other);
    expect((await store.readSnapshot(aSnapshot(0).streamId))?.at.commit).toBe(100);
    expect((await store.readSnapshot(other.streamId))?.at.commit).toBe(300);
  });

  it('stores a state far larger than one DynamoDB item, again and again', async () => {
    const store = await open();
    for (const commit of [100, 200, 300]) {
      const state = { quotes: [incompressible(SNAPSHOT_PART_BYTES), incompressible(SNAPSHOT_PART_BYTES)] };
      await store.writeSnapshot(aSnapshot(commit, state));
      expect(await store.readSnapshot(aSnapshot(0).streamId)).toEqual(aSnapshot(commit, state));
    }
  });
});

describe('DynamoSnapshotStore: what it leaves in the events table', () => {
  it('reads a snapshot whose parts were overwritten under it as none, never as a mix', async () => {
    const tableName = await dynamo.newEventTable();
    const store = new DynamoSnapshotStore(dynamo.client, tableName);
    const state = { quotes: [incompressible(SNAPSHOT_PART_BYTES), incompressible(SNAPSHOT_PART_BYTES)] };
    await store.writeSnapshot(aSnapshot(100, state));
    const partition = snapshotPartitionOf(aSnapshot(0).streamId);
    const { Items = [] } = await dynamo.client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk AND sk > :zero',
        ExpressionAttributeValues: { ':pk': partition, ':zero': 0 },
      }),
    );
    expect(Items.length).toBeGreaterThan(1);
    // A writer of a later snapshot got as far as one part of the same slot, and no further.
    await dynamo.client.send(new PutCommand({ TableName: tableName, Item: { ...Items[0], atCommit: 300 } }));
    expect(await store.readSnapshot(aSnapshot(0).streamId)).toBeUndefined();
  });

  it('keeps snapshots out of the stream, the global log and the stream consumers', async () => {
    const tableName = await dynamo.newEventTable();
    const events = new DynamoEventStore({
      client: dynamo.client,
      tableName,
      clock: fixedClock(),
      ids: createUlidGenerator(),
    });
    const streamId = aSnapshot(0).streamId;
    await events.appendToStream(streamId, 0, [anAlertPublished()]);
    await new DynamoSnapshotStore(dynamo.client, tableName).writeSnapshot({ ...aSnapshot(1), streamId });
    expect((await events.readStream(streamId)).events).toHaveLength(1);
    expect((await events.readAll()).commits.map((commit) => commit.streamId)).toEqual([streamId]);
    const { Items = [] } = await dynamo.client.send(
      new QueryCommand({
        TableName: tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': snapshotPartitionOf(streamId) },
      }),
    );
    expect(Items.length).toBe(2);
    for (const item of Items) {
      const record = { eventName: 'INSERT' as const, dynamodb: { NewImage: marshall(item) as never } };
      expect(commitItemOfRecord(record)).toBeUndefined();
    }
  });
});
