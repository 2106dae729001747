import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventStore } from '../../../shared/adapters/dynamodb/dynamo-event-store';
import { ConcurrencyError, InvalidEventError } from '../../../shared/errors';
import type { EventStore } from '../../../shared/ports/event-store';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { type DynamoTestStore, startDynamoTestStore } from '../../support/dynamo-test-store';
import { anAlertPublished, fixedClock } from '../../support/event-factory';
import { MemoryEventStore } from '../../support/memory-event-store';

/**
 * The EventStore port's contract, run against every adapter: the in-memory one the unit tests use
 * and the DynamoDB one (over dynalite's real API) that both runtimes use. Whatever one promises,
 * the other must too, or a test on the fast one proves nothing about the real one.
 */
let dynamo: DynamoTestStore;
beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});

const adapters: Array<[string, () => Promise<EventStore>]> = [
  ['MemoryEventStore', async () => new MemoryEventStore({ clock: fixedClock(), ids: createUlidGenerator() })],
  [
    'DynamoEventStore (dynalite)',
    async () =>
      new DynamoEventStore({
        client: dynamo.client,
        tableName: await dynamo.newEventTable(),
        clock: fixedClock(),
        ids: createUlidGenerator(),
      }),
  ],
];

describe.each(adapters)('EventStore contract: %s', (_name, open) => {
  it('appends a commit atomically and reads it back in order with gapless versions', async () => {
    const store = await open();
    const events = [anAlertPublished(), anAlertPublished(), anAlertPublished()];
    expect(await store.appendToStream('alert/a', 0, events)).toMatchObject({
      nextExpectedVersion: 3,
      alreadyStored: false,
    });
    await store.appendToStream('alert/a', 3, [anAlertPublished()]);
    const read = await store.readStream('alert/a');
    expect(read.version).toBe(4);
    expect(read.commit).toBe(2);
    expect(read.events.map((event) => event.version)).toEqual([1, 2, 3, 4]);
    expect(read.events.slice(0, 3).map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
  });

  it('reads only the commits after a position it is given', async () => {
    const store = await open();
    await store.appendToStream('alert/b', 0, [anAlertPublished(), anAlertPublished()]);
    const head = await store.readStream('alert/b');
    const later = anAlertPublished();
    await store.appendToStream('alert/b', 2, [later]);
    const tail = await store.readStream('alert/b', { after: { commit: head.commit, version: head.version } });
    expect(tail.events.map((event) => event.eventId)).toEqual([later.eventId]);
    expect(tail.version).toBe(3);
    const nothingNew = await store.readStream('alert/b', { after: { commit: 2, version: 3 } });
    expect(nothingNew.events).toEqual([]);
    expect(nothingNew.version).toBe(3);
  });

  it('refuses a stale expected version with a ConcurrencyError naming both versions, writing nothing', async () => {
    const store = await open();
    await store.appendToStream('alert/c', 0, [anAlertPublished()]);
    const stale = store.appendToStream('alert/c', 0, [anAlertPublished()]);
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(store.appendToStream('alert/c', 0, [anAlertPublished()])).rejects.toMatchObject({
      streamId: 'alert/c',
      expectedVersion: 0,
    });
    expect((await store.readStream('alert/c')).version).toBe(1);
  });

  it('takes a retried append of the same events as already stored, not as a conflict', async () => {
    const store = await open();
    const events = [anAlertPublished(), anAlertPublished()];
    await store.appendToStream('alert/d', 0, events);
    expect(await store.appendToStream('alert/d', 0, events)).toMatchObject({ alreadyStored: true });
    expect((await store.readStream('alert/d')).version).toBe(2);
  });

  it('answers the commit number it wrote, and the one holding events already stored', async () => {
    const store = await open();
    expect(await store.appendToStream('alert/f', 0, [anAlertPublished()])).toMatchObject({ commit: 1 });
    const second = [anAlertPublished(), anAlertPublished()];
    expect(await store.appendToStream('alert/f', 1, second, { readHead: { commit: 1, version: 1 } })).toMatchObject({
      commit: 2,
      nextExpectedVersion: 3,
    });
    await store.appendToStream('alert/f', 3, [anAlertPublished()]);
    // A retry of the second append, with the head its caller had read then.
    expect(await store.appendToStream('alert/f', 1, second, { readHead: { commit: 1, version: 1 } })).toMatchObject({
      alreadyStored: true,
      commit: 2,
      nextExpectedVersion: 3,
    });
  });

  it('refuses an append on a stale read head as a conflict naming the version the stream is at', async () => {
    const store = await open();
    await store.appendToStream('alert/g', 0, [anAlertPublished()]);
    await store.appendToStream('alert/g', 1, [anAlertPublished(), anAlertPublished()]);
    await store.appendToStream('alert/g', 3, [anAlertPublished()]);
    const stale = store.appendToStream('alert/g', 1, [anAlertPublished()], { readHead: { commit: 1, version: 1 } });
    await expect(stale).rejects.toBeInstanceOf(ConcurrencyError);
    await expect(stale).rejects.toMatchObject({ expectedVersion: 1, actualVersion: 4 });
    expect((await store.readStream('alert/g')).version).toBe(4);
  });

  it('refuses an invalid event whole: nothing of the commit is written', async () => {
    const store = await open();
    const bad = { ...anAlertPublished(), data: { contradictionId: '' } } as unknown as ReturnType<
      typeof anAlertPublished
    >;
    await expect(store.appendToStream('alert/e', 0, [anAlertPublished(), bad])).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    expect((await store.readStream('alert/e')).version).toBe(0);
  });

  it('an unknown stream reads as empty at version 0', async () => {
    const store = await open();
    expect(await store.readStream('alert/none')).toMatchObject({ version: 0, commit: 0, events: [] });
  });

  it('lists every commit of every stream once, in pages, oldest first', async () => {
    const store = await open();
    for (const stream of ['alert/x', 'alert/y', 'alert/z']) await store.appendToStream(stream, 0, [anAlertPublished()]);
    await store.appendToStream('alert/x', 1, [anAlertPublished()]);
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await store.readAll({ ...(after ? { after } : {}), limit: 2 });
      seen.push(...page.commits.map((commit) => `${commit.streamId}#${commit.commit}`));
      after = page.next;
    } while (after);
    expect(seen).toEqual(['alert/x#1', 'alert/y#1', 'alert/z#1', 'alert/x#2']);
  });
});
