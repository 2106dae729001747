import type { DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAlerterHandler } from '../../functions/alerter/alerter';
import { createApp } from '../../functions/api/app';
import { createProjectorHandler } from '../../functions/projector/projector';
import { CommitLogReader } from '../../shared/adapters/dynamodb/commit-log-reader';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { DynamoUniqueKeyRegistry } from '../../shared/adapters/dynamodb/dynamo-unique-key-registry';
import { DynamoViewStore } from '../../shared/adapters/dynamodb/dynamo-view-store';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table';
import { viewsTableDefinition } from '../../shared/adapters/dynamodb/views-table';
import { MemoryNotifier } from '../../shared/adapters/embedded/memory-notifier';
import { streamRecordOf } from '../../shared/adapters/embedded/stream-record';
import type { RulesExtractor } from '../../shared/domain/extraction/rules-extractor';
import { systemClock } from '../../shared/ports/clock';
import type { Extractor } from '../../shared/ports/extractor';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { openStancewatch } from '../../shared/wiring/embedded';
import { canonicalLog, scanAll } from '../support/canonical-state';
import { type DynamoTestStore, startDynamoTestStore } from '../support/dynamo-test-store';
import { fixedScoringExtractor } from '../support/fixed-scoring';

/**
 * Issue 7, item 4: 32 concurrent POST /documents of overlapping documents about one actor and
 * topic (Ukraine on a ceasefire: refusals in October, acceptances in December; some sent twice,
 * some texts sent again under another id). Each statement must be recorded once, the position
 * stream's versions must be gapless, and the one change of stance decided as one contradiction,
 * alerted once.
 *
 * Twice: through the embedded runtime (one in-process stream, as `stancewatch start` runs), and in
 * the AWS shape, where document commits land on different shards and several projector
 * invocations decide on the same position stream at once (optimistic concurrency on the position
 * stream is then what keeps it consistent), each commit also delivered twice.
 */
const TOKEN = 'sw_concurrency-test-token-0123456789abcdef';
const POSITION_STREAM = 'position/ukraine/ceasefire/ceasefire';
const CITIES = ['Lviv', 'Odesa', 'Kharkiv', 'Dnipro', 'Poltava', 'Sumy', 'Chernihiv', 'Vinnytsia', 'Rivne', 'Uzhhorod'];

function overlappingDocuments(): { requests: Record<string, unknown>[]; distinctTexts: number } {
  const refusals = CITIES.map((city, index) => ({
    id: `refusal-${index + 1}`,
    title: `Kyiv says no to a ceasefire (${city})`,
    source: 'Example Wire',
    publishedAt: `2025-10-${String(index + 1).padStart(2, '0')}`,
    text:
      `"Ukraine will not agree to a ceasefire," Ukrainian President Volodymyr Zelensky said.\n` +
      `He spoke after visiting ${city}, where repairs to the power lines were expected to take ${index + 3} days.`,
  }));
  const acceptances = CITIES.slice(0, 6).map((city, index) => ({
    id: `acceptance-${index + 1}`,
    title: `Kyiv ready for a ceasefire (${city})`,
    source: 'Morning Dispatch',
    publishedAt: `2025-12-${String(index + 1).padStart(2, '0')}`,
    text:
      `"Ukraine is ready for a ceasefire along the current front line," Ukrainian President Volodymyr Zelensky said.\n` +
      `The remarks came as reporters waited in ${city} until late in the evening.`,
  }));
  const distinct = [...refusals, ...acceptances];
  const resent = distinct.filter((_, index) => index % 2 === 0).map((document) => ({ ...document }));
  const syndicated = distinct
    .filter((_, index) => index % 2 === 1)
    .map((document) => ({ ...document, id: `${document.id}-syndicated`, source: 'Syndicated Wire' }));
  const requests = [...distinct, ...resent, ...syndicated];
  // A fixed shuffle, so refusals and acceptances race each other.
  const order = requests.map((_, index) => (index * 13 + 5) % requests.length);
  return { requests: order.map((index) => requests[index] as Record<string, unknown>), distinctTexts: distinct.length };
}

const countingNotifier = () => {
  const notifier = new MemoryNotifier(createUlidGenerator());
  return { sent: notifier.sent, notifier };
};

async function postAll(app: ReturnType<typeof createApp>, requests: readonly unknown[]) {
  return Promise.all(
    requests.map(async (body) => {
      const response = await app.request('/documents', {
        method: 'POST',
        headers: { authorization: `Bearer ${TOKEN}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as { documentId: string; duplicate: boolean } };
    }),
  );
}

/** The invariants both topologies must keep, checked on the raw event log. */
function checkLog(eventItems: readonly Record<string, unknown>[], distinctTexts: number) {
  const { log } = canonicalLog(eventItems);
  const events = log.flatMap((stream) => stream.commits.flatMap((commit) => commit.events));
  const documents = log.filter((stream) => stream.streamId.startsWith('document/'));
  expect(documents).toHaveLength(distinctTexts);
  const statementIds = events
    .filter((event) => event.type === 'StatementExtracted')
    .map((event) => (event.data as { statementId: string }).statementId);
  expect(statementIds).toHaveLength(distinctTexts);
  expect(new Set(statementIds).size).toBe(statementIds.length);

  const position = log.find((stream) => stream.streamId === POSITION_STREAM);
  const positionEvents = position?.commits.flatMap((commit) => commit.events) ?? [];
  expect(positionEvents.map((event) => event.version)).toEqual(positionEvents.map((_, index) => index + 1));
  const commits = position?.commits ?? [];
  expect(commits.map((commit) => commit.commit)).toEqual(commits.map((_, index) => index + 1));
  // Each statement decided once: one Taken/Changed/Reaffirmed per statement.
  const decided = positionEvents
    .filter((event) => ['PositionTaken', 'PositionChanged', 'PositionReaffirmed'].includes(String(event.type)))
    .map((event) => (event.data as { statement: { statementId: string } }).statement.statementId);
  expect(decided.sort()).toEqual([...statementIds].sort());
  const contradictions = positionEvents.filter((event) => event.type === 'ContradictionDetected');
  expect(contradictions).toHaveLength(1);
  const alerts = events.filter((event) => event.type === 'AlertPublished');
  expect(alerts).toHaveLength(1);
  const [contradiction] = contradictions as { data: { contradictionId: string } }[];
  return { contradictionId: contradiction?.data.contradictionId ?? '' };
}

let rules: RulesExtractor;
beforeAll(() => {
  rules = fixedScoringExtractor();
});

describe('32 concurrent POST /documents about one actor and topic', () => {
  it('through the embedded runtime: each statement once, gapless position versions, one contradiction alerted once', async () => {
    const { sent, notifier } = countingNotifier();
    const store = await openStancewatch({ extractor: rules, notifier });
    try {
      const app = createApp({
        ingest: store,
        eventStore: store.eventStore,
        views: store.views,
        auth: { token: TOKEN, publicRead: false },
        logError: () => {},
      });
      const { requests, distinctTexts } = overlappingDocuments();
      expect(requests).toHaveLength(32);
      const answers = await postAll(app, requests);
      expect(answers.map((answer) => answer.status).filter((status) => status !== 200 && status !== 201)).toEqual([]);
      expect(answers.filter((answer) => answer.status === 201)).toHaveLength(distinctTexts);
      await store.drain();

      const { contradictionId } = checkLog(await scanAll(store.client, store.tables.events), distinctTexts);
      expect(sent.map((message) => message.contradictionId)).toEqual([contradictionId]);
      const [position] = (await store.views.listPositions({ actor: 'ukraine', topic: 'ceasefire' })).items;
      expect(position?.polarity).toBe('support');
      // The latest acceptance, under whichever of its two ids claimed the text first.
      expect(position?.statement.documentId).toMatch(/^acceptance-6(-syndicated)?$/);
      expect(await store.failures.list()).toEqual([]);
    } finally {
      await store.close();
    }
  }, 120_000);

  describe('in the AWS shape: commits on different shards, concurrent projector invocations', () => {
    let dynamo: DynamoTestStore;
    beforeAll(async () => {
      dynamo = await startDynamoTestStore();
    });
    afterAll(async () => {
      await dynamo.close();
    });

    it('keeps the same guarantees when four projectors decide on one position stream at once, each commit delivered twice', async () => {
      const eventsTable = await dynamo.newEventTable();
      const viewsTable = `views-${eventsTable}`;
      await ensureTable(dynamo.client, viewsTableDefinition(viewsTable));
      const ids = createUlidGenerator();
      const eventStore = new DynamoEventStore({
        client: dynamo.client,
        tableName: eventsTable,
        clock: systemClock,
        ids,
      });
      const views = new DynamoViewStore({ client: dynamo.client, tableName: viewsTable });
      const extractor: Extractor = rules;
      const app = createApp({
        ingest: {
          eventStore,
          uniqueKeys: new DynamoUniqueKeyRegistry(dynamo.client, eventsTable),
          extractor,
          ids,
          clock: systemClock,
        },
        eventStore,
        views,
        auth: { token: TOKEN, publicRead: false },
        logError: () => {},
      });
      const { requests, distinctTexts } = overlappingDocuments();
      const answers = await postAll(app, requests);
      expect(answers.map((answer) => answer.status).filter((status) => status !== 200 && status !== 201)).toEqual([]);

      // Four projector "containers" take the document commits (each twice) as they come.
      const log = new CommitLogReader(dynamo.client, eventsTable);
      const documentCommits = (await log.read(undefined, undefined, 100)).filter((item) =>
        String(item.pk).startsWith('document/'),
      );
      const invocations: DynamoDBStreamEvent[] = [...documentCommits, ...documentCommits].map((item) => ({
        Records: [streamRecordOf(item, eventsTable)],
      }));
      // A record whose decision keeps losing the race (6 attempts) fails the invocation; Lambda
      // retries it (the stack allows the projector 10 retries), as the container does here.
      let retries = 0;
      const container = async () => {
        const projector = createProjectorHandler({ eventStore, views, ids });
        for (let next = invocations.shift(); next; next = invocations.shift()) {
          let response = await projector(next);
          for (let retry = 1; retry <= 10 && response.batchItemFailures.length > 0; retry++) {
            retries++;
            response = await projector(next);
          }
          expect(response.batchItemFailures).toEqual([]);
        }
      };
      await Promise.all([container(), container(), container(), container()]);

      // The commits the projectors appended come back through the stream: their shards deliver
      // them in order (one projector, commit order), then the alerter's shard (commits holding a
      // ContradictionDetected, once each), then the alert commits to the projector.
      const projector = createProjectorHandler({ eventStore, views, ids });
      const { sent, notifier } = countingNotifier();
      const alerter = createAlerterHandler({ eventStore, notifier, ids, clock: systemClock });
      const later = (await log.read(undefined, undefined, 100)).filter(
        (item) => !String(item.pk).startsWith('document/'),
      );
      for (const item of later) {
        expect((await projector({ Records: [streamRecordOf(item, eventsTable)] })).batchItemFailures).toEqual([]);
      }
      for (const item of later) {
        if (!(item.eventTypes as Set<string>).has('ContradictionDetected')) continue;
        expect((await alerter({ Records: [streamRecordOf(item, eventsTable)] })).batchItemFailures).toEqual([]);
      }
      const last = later.at(-1)?.commitId as string;
      for (const item of await log.read(last, undefined, 100)) {
        expect((await projector({ Records: [streamRecordOf(item, eventsTable)] })).batchItemFailures).toEqual([]);
      }

      const { contradictionId } = checkLog(await scanAll(dynamo.client, eventsTable), distinctTexts);
      expect(sent.map((message) => message.contradictionId)).toEqual([contradictionId]);
      const [position] = (await views.listPositions({ actor: 'ukraine', topic: 'ceasefire' })).items;
      expect(position?.statement.documentId).toMatch(/^acceptance-6(-syndicated)?$/);
      console.info(
        `AWS shape: ${retries} projector invocation(s) retried after a lost race (of ${2 * documentCommits.length})`,
      );
    }, 120_000);
  });
});
