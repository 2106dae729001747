import { gzipSync } from 'node:zlib';
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeStreamImage,
  encodeStoredEvents,
  type StoredEventAttributes,
} from '../../../../shared/adapters/dynamodb/commit-item';
import { DynamoEventStore } from '../../../../shared/adapters/dynamodb/dynamo-event-store';
import { createUlidGenerator } from '../../../../shared/ports/id-generator';
import { itemSizeOf } from '../../../support/capacity-meter';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';
import { anAlertPublished, fixedClock } from '../../../support/event-factory';

let dynamo: DynamoTestStore;

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});

const storedOf = (events: ReturnType<typeof anAlertPublished>[]): StoredEventAttributes[] =>
  events.map((event, index) => ({
    eventId: event.eventId,
    type: event.type,
    schemaVersion: 1,
    version: index + 1,
    occurredAt: event.occurredAt,
    correlationId: event.correlationId,
    causationId: event.causationId,
    data: event.data,
  }));

/** A commit as a Lambda stream record's NewImage carries it: binary attributes base64-encoded. */
function lambdaImage(pk: string, commitId: string, binary: Record<string, Uint8Array>) {
  const image = marshall({
    pk,
    sk: 1,
    commitId,
    recordedAt: '2026-01-01T00:00:00.000Z',
    eventTypes: new Set(['AlertPublished']),
  });
  for (const [name, bytes] of Object.entries(binary))
    image[name] = { B: Buffer.from(bytes).toString('base64') as never };
  return image;
}

describe('commit items: compressed events', () => {
  it('stores the events deflated with the preset dictionary, in fewer bytes than a list of maps, and reads them back', async () => {
    const tableName = await dynamo.newEventTable();
    const store = new DynamoEventStore({
      client: dynamo.client,
      tableName,
      clock: fixedClock(),
      ids: createUlidGenerator(),
    });
    const events = Array.from({ length: 12 }, () => anAlertPublished());
    await store.appendToStream('alert/z1', 0, events);

    const { Item } = await dynamo.client.send(new GetCommand({ TableName: tableName, Key: { pk: 'alert/z1', sk: 1 } }));
    expect(Item?.events).toBeUndefined();
    expect(Item?.eventsGz).toBeUndefined();
    expect(Item?.eventsZ1).toBeInstanceOf(Uint8Array);
    const asList = { ...Item, eventsZ1: undefined, events: storedOf(events) };
    const asGzip = { ...Item, eventsZ1: undefined, eventsGz: gzipSync(JSON.stringify(storedOf(events))) };
    expect(itemSizeOf(marshall(Item ?? {}))).toBeLessThan(
      itemSizeOf(marshall(asGzip, { removeUndefinedValues: true })),
    );
    expect(itemSizeOf(marshall(Item ?? {}))).toBeLessThan(
      itemSizeOf(marshall(asList, { removeUndefinedValues: true })) / 2,
    );

    const read = await store.readStream('alert/z1');
    expect(read.events.map((event) => event.eventId)).toEqual(events.map((event) => event.eventId));
  });

  /**
   * A commit of two alert events as an older writer stored it (`encoded`: the events attribute of
   * that encoding), then read back through the current store; answers the store and the events.
   */
  async function readLegacyCommit(
    streamId: string,
    commitId: string,
    encoded: (events: StoredEventAttributes[]) => object,
  ) {
    const tableName = await dynamo.newEventTable();
    const events = [anAlertPublished(), anAlertPublished()];
    await dynamo.client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: streamId,
          sk: 1,
          gpk: 'all',
          gsk: commitId,
          commitId,
          recordedAt: '2026-01-01T00:00:00.000Z',
          fromVersion: 1,
          toVersion: 2,
          eventTypes: new Set(['AlertPublished']),
          ...encoded(storedOf(events)),
        },
      }),
    );
    const store = new DynamoEventStore({
      client: dynamo.client,
      tableName,
      clock: fixedClock(),
      ids: createUlidGenerator(),
    });
    const read = await store.readStream(streamId);
    expect(read.events.map((event) => [event.eventId, event.version])).toEqual([
      [events[0]?.eventId, 1],
      [events[1]?.eventId, 2],
    ]);
    return { store, events };
  }

  it('still reads commits written as a list of maps, before the events were gzipped', async () => {
    const { store } = await readLegacyCommit('alert/old', '01JOLDCOMMIT0000000000000A', (events) => ({ events }));
    const log = await store.readAll();
    expect(log.commits.map((commit) => commit.commitId)).toEqual(['01JOLDCOMMIT0000000000000A']);
  });

  it('still reads commits written gzipped, before the preset dictionary, from the table and from a stream record', async () => {
    const gzipped = (events: StoredEventAttributes[]) => gzipSync(JSON.stringify(events));
    const { events } = await readLegacyCommit('alert/gzipped', '01JGZCOMMIT00000000000000A', (stored) => ({
      eventsGz: gzipped(stored),
    }));
    const image = lambdaImage('alert/gzipped', '01JGZCOMMIT00000000000000A', { eventsGz: gzipped(storedOf(events)) });
    expect(decodeStreamImage(image).events).toHaveLength(2);
  });

  it('decodes a stream record whose binary events arrive base64-encoded, as Lambda delivers them', () => {
    const events = [anAlertPublished()];
    const image = lambdaImage('alert/lambda', '01JLAMBDA00000000000000000', {
      eventsZ1: encodeStoredEvents(storedOf(events)),
    });
    const commit = decodeStreamImage(image);
    expect(commit.events.map((event) => event.eventId)).toEqual([events[0]?.eventId]);
  });
});
