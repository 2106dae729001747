import { PublishCommand, SNSClient } from '@aws-sdk/client-sns';
import type { DynamoDBStreamEvent } from 'aws-lambda';
import { mockClient } from 'aws-sdk-client-mock';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createAlerterHandler } from '../../../functions/alerter/alerter';
import { createProjectorHandler } from '../../../functions/projector/projector';
import { CommitLogReader } from '../../../shared/adapters/dynamodb/commit-log-reader';
import { DynamoEventStore } from '../../../shared/adapters/dynamodb/dynamo-event-store';
import { SnsNotifier } from '../../../shared/adapters/sns/sns-notifier';
import { publishContradictionAlert } from '../../../shared/application/publish-contradiction-alert';
import { alertStreamId } from '../../../shared/domain/stream-ids';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { type DynamoTestStore, startDynamoTestStore } from '../../support/dynamo-test-store';
import { fixedClock } from '../../support/event-factory';
import { appendToDocument, ingestEvents } from '../../support/position-scenarios';
import { aStatement } from '../../support/statement-factory';
import { streamRecordOfItem } from '../../support/stream-events';
import { newViewStore } from '../../support/views-table';

const sns = mockClient(SNSClient);
let dynamo: DynamoTestStore;
let eventStore: DynamoEventStore;
let tableName: string;

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  tableName = await dynamo.newEventTable();
  eventStore = new DynamoEventStore({
    client: dynamo.client,
    tableName,
    clock: fixedClock(),
    ids: createUlidGenerator(),
  });
});
afterEach(() => {
  sns.reset();
});

const notifier = () =>
  new SnsNotifier({ client: new SNSClient({ region: 'eu-west-1' }), topicArn: 'arn:aws:sns:eu-west-1:1:alerts' });

/** Runs the projector over everything, then returns the commits holding a contradiction, as the alerter's filter would. */
async function contradictionBatch(): Promise<DynamoDBStreamEvent> {
  const { views } = await newViewStore(dynamo);
  const projector = createProjectorHandler({ eventStore, views, ids: createUlidGenerator() });
  const log = new CommitLogReader(dynamo.client, tableName);
  let checkpoint: string | undefined;
  const seen: Record<string, unknown>[] = [];
  for (
    let items = await log.read(checkpoint, undefined, 100);
    items.length > 0;
    items = await log.read(checkpoint, undefined, 100)
  ) {
    await projector({ Records: items.map(streamRecordOfItem) });
    seen.push(...items);
    checkpoint = String(items.at(-1)?.commitId);
  }
  const withContradiction = seen.filter((item) => (item.eventTypes as Set<string>).has('ContradictionDetected'));
  return { Records: withContradiction.map(streamRecordOfItem) };
}

describe('alerter on dynalite, fed the projector’s real commits', () => {
  beforeEach(async () => {
    const refuses = aStatement({ documentId: 'doc-oct', statedAt: '2025-10-28', polarity: 'oppose' });
    const cedes = aStatement({
      documentId: 'doc-dec',
      statedAt: '2025-12-02',
      polarity: 'support',
      quote: 'Ukraine could give up part of Donetsk.',
    });
    await appendToDocument(eventStore, 'doc-oct', ingestEvents('doc-oct', [refuses], '2025-10-28'));
    await appendToDocument(eventStore, 'doc-dec', ingestEvents('doc-dec', [cedes], '2025-12-02'));
  });

  it('publishes once, records AlertPublished, and publishes nothing when the batch comes again', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'sns-1' });
    const batch = await contradictionBatch();
    expect(batch.Records).toHaveLength(1);
    const alerter = createAlerterHandler({
      eventStore,
      notifier: notifier(),
      ids: createUlidGenerator(),
      clock: fixedClock(),
    });

    expect(await alerter(batch)).toEqual({ batchItemFailures: [] });
    expect(await alerter(batch)).toEqual({ batchItemFailures: [] });
    expect(sns.commandCalls(PublishCommand)).toHaveLength(1);
    expect(sns.commandCalls(PublishCommand)[0]?.args[0].input.Subject).toBe('Ukraine contradicts itself on territory');
  });

  it('records one AlertPublished when two deliveries race; both may send (the documented window)', async () => {
    sns.on(PublishCommand).resolves({ MessageId: 'sns-race' });
    const batch = await contradictionBatch();
    const { events } = await eventStore.readStream(String(batch.Records[0]?.dynamodb?.Keys?.pk?.S));
    const contradiction = events.find((event) => event.type === 'ContradictionDetected');
    if (contradiction?.type !== 'ContradictionDetected') throw new Error('expected a contradiction');
    const deps = { eventStore, notifier: notifier(), ids: createUlidGenerator(), clock: fixedClock() };

    const outcomes = await Promise.all([
      publishContradictionAlert(deps, contradiction),
      publishContradictionAlert(deps, contradiction),
    ]);

    expect(outcomes.map((outcome) => outcome.status).sort()).toEqual(['published', 'published-concurrently']);
    expect((await eventStore.readStream(alertStreamId(contradiction.data.contradictionId))).events).toHaveLength(1);
  });
});
