import { ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamImage } from '../../../../shared/adapters/dynamodb/commit-item';
import { CommitLogReader } from '../../../../shared/adapters/dynamodb/commit-log-reader';
import { DynamoEventStore } from '../../../../shared/adapters/dynamodb/dynamo-event-store';
import {
  EVENT_TABLE_KEYS,
  globalPartitionOf,
  globalPartitions,
} from '../../../../shared/adapters/dynamodb/event-table';
import { DispatchingEventStore } from '../../../../shared/adapters/embedded/dispatching-event-store';
import { MemoryCheckpointStore } from '../../../../shared/adapters/embedded/file-checkpoint-store';
import { StreamDispatcher } from '../../../../shared/adapters/embedded/stream-dispatcher';
import { createUlidGenerator } from '../../../../shared/ports/id-generator';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';
import { anAlertPublished, fixedClock } from '../../../support/event-factory';

let dynamo: DynamoTestStore;

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});

const ids = createUlidGenerator();

async function storeWith(globalShards: number) {
  const tableName = await dynamo.newEventTable();
  return {
    tableName,
    store: new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids, globalShards }),
  };
}

/** Appends one event to each stream named in `streams`, in that order; answers the commit ids written. */
async function appendInOrder(store: DynamoEventStore, streams: readonly string[]): Promise<string[]> {
  const versions = new Map<string, number>();
  const written: string[] = [];
  for (const stream of streams) {
    const version = versions.get(stream) ?? 0;
    const result = await store.appendToStream(stream, version, [anAlertPublished()]);
    versions.set(stream, result.nextExpectedVersion);
    written.push(result.commitId);
  }
  return written;
}

async function readAllPaged(store: DynamoEventStore, limit: number) {
  const seen: { commitId: string; streamId: string; version: number }[] = [];
  let after: string | undefined;
  do {
    const page = await store.readAll({ ...(after ? { after } : {}), limit });
    expect(page.commits.length).toBeLessThanOrEqual(limit);
    for (const commit of page.commits) {
      seen.push({ commitId: commit.commitId, streamId: commit.streamId, version: commit.events[0]?.version ?? 0 });
    }
    after = page.next;
  } while (after);
  return seen;
}

async function gpkOfEveryCommit(tableName: string): Promise<Map<string, string>> {
  const { Items = [] } = await dynamo.client.send(new ScanCommand({ TableName: tableName }));
  return new Map(Items.map((item) => [String(item.commitId), String(item[EVENT_TABLE_KEYS.globalPartitionKey])]));
}

describe('the global index, sharded by stream', () => {
  it('puts a stream in one shard, always the same, from 0 to S-1', () => {
    // Pinned (FNV-1a, checked by hand): which shard a stream writes to must never change silently.
    expect(globalPartitionOf('document/doc-1', 16)).toBe(globalPartitionOf('document/doc-1', 16));
    expect(
      ['position/ukraine/ceasefire/x', 'document/doc-1', 'alert/ctr-1'].map((s) => globalPartitionOf(s, 16)),
    ).toEqual(['all#3', 'all#7', 'all#11']);
    expect(globalPartitionOf('anything', 1)).toBe('all#0');
    const used = new Set(Array.from({ length: 400 }, (_, index) => globalPartitionOf(`document/doc-${index}`, 16)));
    expect([...used].sort()).toEqual(globalPartitions(16).slice(1).sort());
    expect(globalPartitions(3)).toEqual(['all', 'all#0', 'all#1', 'all#2']);
  });

  it('spreads the commits of many streams over the shards, a stream’s commits in one', async () => {
    const { store, tableName } = await storeWith(4);
    const streams = Array.from({ length: 24 }, (_, index) => `alert/spread-${index % 12}`);
    await appendInOrder(store, streams);
    const { Items = [] } = await dynamo.client.send(new ScanCommand({ TableName: tableName }));
    const shardsOfStream = new Map<string, Set<string>>();
    for (const item of Items) {
      const shards = shardsOfStream.get(String(item.pk)) ?? new Set();
      shards.add(String(item.gpk));
      shardsOfStream.set(String(item.pk), shards);
    }
    expect([...shardsOfStream.values()].every((shards) => shards.size === 1)).toBe(true);
    expect(new Set(Items.map((item) => item.gpk)).size).toBeGreaterThan(1);
  });

  it('reads every commit once, in commit-id order, page by page, for any interleaving of streams and any shard count', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 8 }),
        fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 0, maxLength: 40 }),
        fc.integer({ min: 1, max: 7 }),
        async (shards, streamPicks, limit) => {
          const { store } = await storeWith(shards);
          const written = await appendInOrder(
            store,
            streamPicks.map((pick) => `alert/s${pick}`),
          );
          const seen = await readAllPaged(store, limit);
          expect(seen.map((commit) => commit.commitId)).toEqual(written);
          // Per stream, versions come in order 1, 2, 3…
          const last = new Map<string, number>();
          for (const commit of seen) {
            expect(commit.version).toBe((last.get(commit.streamId) ?? 0) + 1);
            last.set(commit.streamId, commit.version);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it('still reads commits written before the index was sharded (gpk "all"), merged into the same order', async () => {
    const { store, tableName } = await storeWith(4);
    const written = await appendInOrder(
      store,
      Array.from({ length: 15 }, (_, index) => `alert/legacy-${index % 5}`),
    );
    // Every other commit as an unsharded writer left it.
    const { Items = [] } = await dynamo.client.send(new ScanCommand({ TableName: tableName }));
    const legacy = new Set(written.filter((_, index) => index % 2 === 0));
    for (const item of Items) {
      if (!legacy.has(String(item.commitId))) continue;
      await dynamo.client.send(
        new UpdateCommand({
          TableName: tableName,
          Key: { pk: item.pk, sk: item.sk },
          UpdateExpression: 'SET gpk = :all',
          ExpressionAttributeValues: { ':all': 'all' },
        }),
      );
    }
    const gpks = await gpkOfEveryCommit(tableName);
    expect([...legacy].every((commitId) => gpks.get(commitId) === 'all')).toBe(true);

    for (const limit of [1, 4, 100]) {
      expect((await readAllPaged(store, limit)).map((commit) => commit.commitId)).toEqual(written);
    }
  });

  it('reads more than the 100 keys one BatchGetItem takes, in one call', async () => {
    const { store, tableName } = await storeWith(2);
    const written = await appendInOrder(
      store,
      Array.from({ length: 130 }, (_, index) => `alert/many-${index % 40}`),
    );
    const read = await new CommitLogReader(dynamo.client, tableName, 2).read(undefined, undefined, 130);
    expect(read.map((item) => item.commitId)).toEqual(written);
  });

  it('a reader that knows fewer shards than the writer misses commits (why the count may rise, never fall)', async () => {
    const { store, tableName } = await storeWith(8);
    const written = await appendInOrder(
      store,
      Array.from({ length: 16 }, (_, index) => `alert/fewer-${index}`),
    );
    const narrow = await new CommitLogReader(dynamo.client, tableName, 2).read(undefined, undefined, 100);
    const wide = await new CommitLogReader(dynamo.client, tableName, 12).read(undefined, undefined, 100);
    expect(narrow.length).toBeLessThan(written.length);
    expect(wide.map((item) => item.commitId)).toEqual(written);
  });

  it('the embedded stream delivers every commit of every shard once, in commit-id order', async () => {
    const { tableName } = await storeWith(4);
    const seen: string[] = [];
    const handler = async (event: DynamoDBStreamEvent) => {
      for (const record of event.Records) {
        seen.push(decodeStreamImage(record.dynamodb?.NewImage as never).commitId);
      }
      return { batchItemFailures: [] };
    };
    const dispatcher = new StreamDispatcher({
      client: dynamo.client,
      tableName,
      globalShards: 4,
      consumers: [{ name: 'recorder', handler, batchSize: 3 }],
      checkpoints: new MemoryCheckpointStore(),
      failures: { record: async () => {} },
      ids,
      retryDelayMs: 1,
    });
    const store = new DispatchingEventStore(
      new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids, globalShards: 4 }),
      dispatcher,
    );
    const streams = Array.from({ length: 30 }, (_, index) => `alert/tail-${(index * 7) % 11}`);
    const versions = new Map<string, number>();
    const written: string[] = [];
    // Several appenders at once: the tail must not pass one still writing in another shard.
    await Promise.all(
      [0, 1, 2].map(async (lane) => {
        for (const stream of streams.filter((_, index) => index % 3 === lane)) {
          const laneStream = `${stream}-${lane}`;
          const result = await store.appendToStream(laneStream, versions.get(laneStream) ?? 0, [anAlertPublished()]);
          versions.set(laneStream, result.nextExpectedVersion);
          written.push(result.commitId);
        }
      }),
    );
    await dispatcher.drain();
    await dispatcher.close();
    expect(seen).toEqual([...written].sort());
    expect(new Set((await gpkOfEveryCommit(tableName)).values()).size).toBeGreaterThan(1);
  });
});
