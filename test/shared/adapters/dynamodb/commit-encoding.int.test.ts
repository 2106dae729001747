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

  it('still reads commits written as a list of maps, before the events were gzipped', async () => {
    const tableName = await dynamo.newEventTable();
    const events = [anAlertPublished(), anAlertPublished()];
    await dynamo.client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: 'alert/old',
          sk: 1,
          gpk: 'all',
          gsk: '01JOLDCOMMIT0000000000000A',
          commitId: '01JOLDCOMMIT0000000000000A',
          recordedAt: '2026-01-01T00:00:00.000Z',
          fromVersion: 1,
          toVersion: 2,
          eventTypes: new Set(['AlertPublished']),
          events: storedOf(events),
        },
      }),
    );
    const store = new DynamoEventStore({
      client: dynamo.client,
      tableName,
      clock: fixedClock(),
      ids: createUlidGenerator(),
    });
    const read = await store.readStream('alert/old');
    expect(read.events.map((event) => [event.eventId, event.version])).toEqual([
      [events[0]?.eventId, 1],
      [events[1]?.eventId, 2],
    ]);
    const log = await store.readAll();
    expect(log.commits.map((commit) => commit.commitId)).toEqual(['01JOLDCOMMIT0000000000000A']);
  });

  it('still reads commits written gzipped, before the preset dictionary', async () => {
    const tableName = await dynamo.newEventTable();
    const events = [anAlertPublished(), anAlertPublished()];
    await dynamo.client.send(
      new PutCommand({
        TableName: tableName,
        Item: {
          pk: 'alert/gzipped',
          sk: 1,
          gpk: 'all',
          gsk: '01JGZCOMMIT00000000000000A',
          commitId: '01JGZCOMMIT00000000000000A',
          recordedAt: '2026-01-01T00:00:00.000Z',
          fromVersion: 1,
          toVersion: 2,
          eventTypes: new Set(['AlertPublished']),
          eventsGz: gzipSync(JSON.stringify(storedOf(events))),
        },
      }),
    );
    const store = new DynamoEventStore({
      client: dynamo.client,
      tableName,
      clock: fixedClock(),
      ids: createUlidGenerator(),
    });
    const read = await store.readStream('alert/gzipped');
    expect(read.events.map((event) => [event.eventId, event.version])).toEqual([
      [events[0]?.eventId, 1],
      [events[1]?.eventId, 2],
    ]);
    const image = marshall({
      pk: 'alert/gzipped',
      sk: 1,
      commitId: '01JGZCOMMIT00000000000000A',
      recordedAt: '2026-01-01T00:00:00.000Z',
      eventTypes: new Set(['AlertPublished']),
    });
    const base64 = gzipSync(JSON.stringify(storedOf(events))).toString('base64');
    expect(decodeStreamImage({ ...image, eventsGz: { B: base64 as never } }).events).toHaveLength(2);
  });

  it('decodes a stream record whose binary events arrive base64-encoded, as Lambda delivers them', () => {
    const events = [anAlertPublished()];
    const image = marshall({
      pk: 'alert/lambda',
      sk: 1,
      commitId: '01JLAMBDA00000000000000000',
      recordedAt: '2026-01-01T00:00:00.000Z',
      eventTypes: new Set(['AlertPublished']),
    });
    const base64 = Buffer.from(encodeStoredEvents(storedOf(events))).toString('base64');
    const commit = decodeStreamImage({ ...image, eventsZ1: { B: base64 as never } });
    expect(commit.events.map((event) => event.eventId)).toEqual([events[0]?.eventId]);
  });
});
