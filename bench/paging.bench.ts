import { createApp } from '../functions/api/app';
import { createDynamoDocumentClient } from '../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../shared/adapters/dynamodb/dynamo-event-store';
import { ensureTable } from '../shared/adapters/dynamodb/ensure-table';
import { eventTableDefinition } from '../shared/adapters/dynamodb/event-table';
import { startEmbeddedDynamo } from '../shared/adapters/embedded/embedded-dynamo';
import { createUlidGenerator } from '../shared/ports/id-generator';
import { anAlertPublished, fixedClock } from '../test/support/event-factory';
import { MemoryViewStore } from '../test/support/memory-view-store';

/**
 * `npm run bench -- paging`: the time of one GET /events?stream= page (50 events) from streams of
 * 60, 600 and 6,000 events (commits of 3 events), at the first page and at the deepest one,
 * through the app (app.request, no socket) on an in-memory dynalite. Paged at the store, the
 * times stay flat as the stream grows.
 */
const TOKEN = 'sw_paging-bench-token-0123456789abcdefghij';
const SIZES = [60, 600, 6_000];
const EVENTS_PER_COMMIT = 3;
const REPEAT = 30;

const dynamo = await startEmbeddedDynamo();
const client = createDynamoDocumentClient({
  endpoint: dynamo.endpoint,
  region: 'local',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
});
await ensureTable(client, eventTableDefinition('paging-events'));
const eventStore = new DynamoEventStore({
  client,
  tableName: 'paging-events',
  clock: fixedClock(),
  ids: createUlidGenerator(),
});
const app = createApp({
  ingest: { eventStore } as never,
  eventStore,
  views: new MemoryViewStore(),
  auth: { token: TOKEN, publicRead: false },
});
const headers = { authorization: `Bearer ${TOKEN}` };

async function page(path: string): Promise<{ next?: string; items: unknown[] }> {
  const response = await app.request(path, { headers });
  if (response.status !== 200) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as { next?: string; items: unknown[] };
}

async function medianMs(path: string): Promise<number> {
  const times: number[] = [];
  for (let run = 0; run < REPEAT; run++) {
    const started = performance.now();
    await page(path);
    times.push(performance.now() - started);
  }
  times.sort((left, right) => left - right);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

console.log(`paging bench: GET /events?stream= (50 a page), median of ${REPEAT}, in-memory dynalite, app.request`);
console.log(`${'events'.padStart(7)} ${'first page ms'.padStart(14)} ${'last page ms'.padStart(13)}`);
try {
  for (const size of SIZES) {
    const stream = `alert/paging-${size}`;
    for (let version = 0; version < size; version += EVENTS_PER_COMMIT) {
      await eventStore.appendToStream(
        stream,
        version,
        Array.from({ length: EVENTS_PER_COMMIT }, () => anAlertPublished()),
      );
    }
    const first = `/events?stream=${encodeURIComponent(stream)}&limit=50`;
    // Walk to the deepest page once; its cursor is then read again and again.
    let last = first;
    for (let current = await page(first); current.next; ) {
      last = `${first}&cursor=${encodeURIComponent(current.next)}`;
      current = await page(last);
    }
    const firstMs = await medianMs(first);
    const lastMs = await medianMs(last);
    console.log(`${String(size).padStart(7)} ${firstMs.toFixed(2).padStart(14)} ${lastMs.toFixed(2).padStart(13)}`);
  }
} finally {
  client.destroy();
  await dynamo.close();
}
