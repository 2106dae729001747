import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProjectorHandler } from '../../../functions/projector/projector';
import { CommitLogReader } from '../../../shared/adapters/dynamodb/commit-log-reader';
import { DynamoEventStore } from '../../../shared/adapters/dynamodb/dynamo-event-store';
import type { DynamoViewStore } from '../../../shared/adapters/dynamodb/dynamo-view-store';
import { positionStreamId } from '../../../shared/domain/stream-ids';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { type DynamoTestStore, startDynamoTestStore } from '../../support/dynamo-test-store';
import { fixedClock } from '../../support/event-factory';
import { appendToDocument, ingestEvents } from '../../support/position-scenarios';
import { aStatement } from '../../support/statement-factory';
import { streamRecordOfItem } from '../../support/stream-events';
import { newViewStore, scanSnapshot } from '../../support/views-table';

let dynamo: DynamoTestStore;
let eventsTable: string;
let viewsTable: string;
let eventStore: DynamoEventStore;
let views: DynamoViewStore;
let log: CommitLogReader;
let checkpoint: string | undefined;

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  eventsTable = await dynamo.newEventTable();
  ({ views, tableName: viewsTable } = await newViewStore(dynamo));
  eventStore = new DynamoEventStore({
    client: dynamo.client,
    tableName: eventsTable,
    clock: fixedClock(),
    ids: createUlidGenerator(),
  });
  log = new CommitLogReader(dynamo.client, eventsTable);
  checkpoint = undefined;
});

const handler = () => createProjectorHandler({ eventStore, views, ids: createUlidGenerator() });

/** The next commits of the log as DynamoDB Streams would deliver them: stored items as NewImage. */
async function nextBatch(): Promise<DynamoDBStreamEvent> {
  const items = await log.read(checkpoint, undefined, 100);
  checkpoint = items.length > 0 ? String(items.at(-1)?.commitId) : checkpoint;
  return { Records: items.map(streamRecordOfItem) };
}

/** Delivers until the projector appends nothing more (its own position commits included). */
async function drain(): Promise<void> {
  for (let batch = await nextBatch(); batch.Records.length > 0; batch = await nextBatch()) {
    expect(await handler()(batch)).toEqual({ batchItemFailures: [] });
  }
}

const refuses = aStatement({ documentId: 'doc-oct', statedAt: '2025-10-28', polarity: 'oppose' });
const cedes = aStatement({
  documentId: 'doc-dec',
  statedAt: '2025-12-02',
  polarity: 'support',
  quote: 'Ukraine could give up part of Donetsk.',
});
const territory = positionStreamId('ukraine', 'territory', 'cede-territory');

describe('projector handler on dynalite', () => {
  it('turns two disagreeing documents into a position change, a contradiction and the views', async () => {
    await appendToDocument(eventStore, 'doc-oct', ingestEvents('doc-oct', [refuses], '2025-10-28'));
    await appendToDocument(eventStore, 'doc-dec', ingestEvents('doc-dec', [cedes], '2025-12-02'));
    await drain();

    const position = await eventStore.readStream(territory);
    expect(position.events.map((event) => event.type)).toEqual([
      'PositionTaken',
      'PositionChanged',
      'ContradictionDetected',
    ]);
    expect((await views.listPositions()).items).toMatchObject([{ actor: 'ukraine', polarity: 'support' }]);
    const { items } = await views.listContradictions();
    expect(items).toMatchObject([
      {
        actor: 'ukraine',
        topic: 'territory',
        earlier: { statementId: refuses.statementId },
        later: { statementId: cedes.statementId },
      },
    ]);
    const timeline = await views.getTimeline({ actor: 'ukraine', topic: 'territory' });
    expect(timeline.items.map((entry) => [entry.effect, entry.contradictionIds.length])).toEqual([
      ['taken', 1],
      ['changed', 1],
    ]);
  });

  it('changes nothing when the same batch is delivered twice', async () => {
    await appendToDocument(eventStore, 'doc-oct', ingestEvents('doc-oct', [refuses], '2025-10-28'));
    await appendToDocument(eventStore, 'doc-dec', ingestEvents('doc-dec', [cedes], '2025-12-02'));
    const first = await nextBatch();
    await handler()(first);
    await drain();
    const before = await scanSnapshot(dynamo, viewsTable);
    const versionBefore = (await eventStore.readStream(territory)).version;

    expect(await handler()(first)).toEqual({ batchItemFailures: [] });
    await drain();
    expect((await eventStore.readStream(territory)).version).toBe(versionBefore);
    expect(await scanSnapshot(dynamo, viewsTable)).toEqual(before);
  });

  it('reports a poison record as failed, holds back its stream, and processes the rest of the batch', async () => {
    await appendToDocument(eventStore, 'doc-oct', ingestEvents('doc-oct', [refuses], '2025-10-28'));
    const good = (await nextBatch()).Records;
    const poisonItem = {
      pk: 'document/doc-future',
      sk: 1,
      commitId: '01KZZZZZZZZZZZZZZZZZZZZZZZ',
      recordedAt: '2026-11-26T12:00:00.000Z',
      fromVersion: 1,
      toVersion: 1,
      eventTypes: new Set(['DocumentIngested']),
      events: [
        {
          eventId: '01KZZZZZZZZZZZZZZZZZZZZZZZ',
          type: 'DocumentIngested',
          schemaVersion: 99,
          version: 1,
          occurredAt: '2026-11-26T12:00:00.000Z',
          correlationId: 'from-the-future',
          causationId: null,
          data: { written: 'by a newer stancewatch' },
        },
      ],
    };
    await dynamo.client.send(new PutCommand({ TableName: eventsTable, Item: poisonItem }));
    const poison = streamRecordOfItem(poisonItem);
    const sameStreamLater = streamRecordOfItem({ ...poisonItem, sk: 2 });
    const claim = streamRecordOfItem({ pk: 'claim/content/abc', sk: 0, owner: 'doc-oct' });

    const response = await handler()({ Records: [poison, ...good, sameStreamLater, claim] });

    expect(response.batchItemFailures).toEqual([
      { itemIdentifier: poison.dynamodb?.SequenceNumber },
      { itemIdentifier: sameStreamLater.dynamodb?.SequenceNumber },
    ]);
    expect((await eventStore.readStream(territory)).events.map((event) => event.type)).toEqual(['PositionTaken']);
  });
});
