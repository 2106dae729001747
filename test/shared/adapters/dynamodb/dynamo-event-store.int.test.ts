import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoEventStore } from '../../../../shared/adapters/dynamodb/dynamo-event-store';
import { InvalidEventError, isConcurrencyError } from '../../../../shared/errors';
import { createUlidGenerator } from '../../../../shared/ports/id-generator';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';
import { anAlertPublished, fixedClock } from '../../../support/event-factory';

let dynamo: DynamoTestStore;
let store: DynamoEventStore;

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  const tableName = await dynamo.newEventTable();
  store = new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids: createUlidGenerator() });
});

describe('DynamoEventStore on dynalite', () => {
  it('appends to a new stream and reads the events back with gapless versions and the envelope', async () => {
    const events = [anAlertPublished(), anAlertPublished(), anAlertPublished()];
    const result = await store.appendToStream('alert/a', 0, events);

    expect(result).toMatchObject({ streamId: 'alert/a', nextExpectedVersion: 3, alreadyStored: false });
    const read = await store.readStream('alert/a');
    expect(read.version).toBe(3);
    expect(read.events.map((event) => [event.eventId, event.version, event.streamId])).toEqual(
      events.map((event, index) => [event.eventId, index + 1, 'alert/a']),
    );
    expect(read.events[0]).toMatchObject({
      type: 'AlertPublished',
      schemaVersion: 1,
      recordedAt: '2026-11-26T12:00:00.000Z',
      correlationId: 'test-correlation',
      causationId: null,
    });
  });

  it('reads a stream that does not exist as version 0 with no events', async () => {
    expect(await store.readStream('nothing/here')).toEqual({
      streamId: 'nothing/here',
      version: 0,
      commit: 0,
      events: [],
    });
  });

  it('reads only the commits after a position already read, and says where the stream ends', async () => {
    await store.appendToStream('alert/tail', 0, [anAlertPublished(), anAlertPublished()]);
    const whole = await store.readStream('alert/tail');
    expect(whole).toMatchObject({ version: 2, commit: 1 });

    const nothingNew = await store.readStream('alert/tail', {
      after: { commit: whole.commit, version: whole.version },
    });
    expect(nothingNew).toEqual({ streamId: 'alert/tail', version: 2, commit: 1, events: [] });

    const third = anAlertPublished();
    const fourth = anAlertPublished();
    await store.appendToStream('alert/tail', 2, [third]);
    await store.appendToStream('alert/tail', 3, [fourth]);
    const tail = await store.readStream('alert/tail', { after: { commit: 1, version: 2 } });
    expect(tail).toMatchObject({ version: 4, commit: 3 });
    expect(tail.events.map((event) => [event.eventId, event.version])).toEqual([
      [third.eventId, 3],
      [fourth.eventId, 4],
    ]);
  });

  it('continues a stream from the version the writer expects', async () => {
    await store.appendToStream('alert/b', 0, [anAlertPublished()]);
    const second = await store.appendToStream('alert/b', 1, [anAlertPublished(), anAlertPublished()]);
    expect(second.nextExpectedVersion).toBe(3);
    expect((await store.readStream('alert/b')).events.map((event) => event.version)).toEqual([1, 2, 3]);
  });

  it('refuses a stale expected version with a ConcurrencyError naming the actual version', async () => {
    await store.appendToStream('alert/c', 0, [anAlertPublished()]);
    await store.appendToStream('alert/c', 1, [anAlertPublished()]);

    const error = await store.appendToStream('alert/c', 1, [anAlertPublished()]).catch((caught) => caught);
    expect(isConcurrencyError(error)).toBe(true);
    expect(error).toMatchObject({ streamId: 'alert/c', expectedVersion: 1, actualVersion: 2 });
    expect((await store.readStream('alert/c')).version).toBe(2);
  });

  it('refuses a writer stale by more than one commit, even when commits hold several events', async () => {
    await store.appendToStream('alert/d', 0, [anAlertPublished(), anAlertPublished()]);
    await store.appendToStream('alert/d', 2, [anAlertPublished(), anAlertPublished(), anAlertPublished()]);
    await store.appendToStream('alert/d', 5, [anAlertPublished()]);

    for (const stale of [0, 1, 2, 3, 4]) {
      const error = await store.appendToStream('alert/d', stale, [anAlertPublished()]).catch((caught) => caught);
      expect(isConcurrencyError(error), `expected version ${stale}`).toBe(true);
    }
    expect((await store.readStream('alert/d')).version).toBe(6);
  });

  it('takes the head from a read the caller just made, and refuses it once it is stale', async () => {
    await store.appendToStream('alert/head', 0, [anAlertPublished(), anAlertPublished()]);
    const read = await store.readStream('alert/head');
    const readHead = { commit: read.commit, version: read.version };

    const appended = await store.appendToStream('alert/head', 2, [anAlertPublished()], { readHead });
    expect(appended).toMatchObject({ nextExpectedVersion: 3, alreadyStored: false });

    // The same read is now one commit behind: the write on its next commit fails the condition.
    const stale = await store.appendToStream('alert/head', 2, [anAlertPublished()], { readHead }).catch((e) => e);
    expect(isConcurrencyError(stale)).toBe(true);
    expect(stale).toMatchObject({ expectedVersion: 2, actualVersion: 3 });
    expect((await store.readStream('alert/head')).events.map((event) => event.version)).toEqual([1, 2, 3]);
  });

  it('treats a re-append of the same eventIds as already stored and writes nothing new', async () => {
    const events = [anAlertPublished(), anAlertPublished()];
    const first = await store.appendToStream('alert/e', 0, events);
    const again = await store.appendToStream('alert/e', 0, events);

    expect(again).toMatchObject({ alreadyStored: true, nextExpectedVersion: 2, commitId: first.commitId });
    expect((await store.readStream('alert/e')).events).toHaveLength(2);
  });

  it('appends several events atomically: an invalid one means none is stored', async () => {
    const invalid = { ...anAlertPublished(), data: { contradictionId: '' } } as unknown as ReturnType<
      typeof anAlertPublished
    >;
    await expect(store.appendToStream('alert/f', 0, [anAlertPublished(), invalid])).rejects.toBeInstanceOf(
      InvalidEventError,
    );
    expect((await store.readStream('alert/f')).version).toBe(0);
  });

  it('reads all commits of all streams in commit order, page by page', async () => {
    const written: string[] = [];
    for (let index = 0; index < 7; index++) {
      const stream = `alert/all-${index % 3}`;
      const current = (await store.readStream(stream)).version;
      written.push((await store.appendToStream(stream, current, [anAlertPublished()])).commitId);
    }
    const seen: string[] = [];
    let after: string | undefined;
    do {
      const page = await store.readAll({ ...(after ? { after } : {}), limit: 3 });
      seen.push(...page.commits.map((commit) => commit.commitId));
      after = page.next;
    } while (after);
    expect(seen).toEqual(written);
    expect([...seen].sort()).toEqual(seen);
  });

  it('keeps 32 concurrent appenders to one stream gapless when each retries on conflict', async () => {
    const appendWithRetry = async (index: number) => {
      const event = anAlertPublished({ contradictionId: `writer-${index}` });
      for (let attempt = 0; ; attempt++) {
        const { version } = await store.readStream('alert/busy');
        try {
          return await store.appendToStream('alert/busy', version, [event]);
        } catch (error) {
          if (!isConcurrencyError(error) || attempt > 200) throw error;
        }
      }
    };
    await Promise.all(Array.from({ length: 32 }, (_, index) => appendWithRetry(index)));

    const { events } = await store.readStream('alert/busy');
    expect(events.map((event) => event.version)).toEqual(Array.from({ length: 32 }, (_, index) => index + 1));
    const writers = events.map((event) => (event.type === 'AlertPublished' ? event.data.contradictionId : ''));
    expect(new Set(writers).size).toBe(32);
  });
});
