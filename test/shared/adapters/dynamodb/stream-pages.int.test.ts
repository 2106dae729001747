import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventStore } from '../../../../shared/adapters/dynamodb/dynamo-event-store';
import type { StreamPage } from '../../../../shared/ports/event-store';
import { createUlidGenerator } from '../../../../shared/ports/id-generator';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';
import { anAlertPublished, fixedClock } from '../../../support/event-factory';

/**
 * GET /events?stream= pages are read at the store: from the commit the previous page ended in,
 * as many commits as the page needs. Counting the items dynalite reads (ScannedCount) shows a
 * page deep in a long stream costs what the first one does.
 */
let dynamo: DynamoTestStore;
let store: DynamoEventStore;
let scanned = 0;
const STREAM = 'alert/paged';
/** Commits of 1, 2 or 3 events: 40 commits, 79 events. */
const COMMIT_SIZES = Array.from({ length: 40 }, (_, index) => (index % 3) + 1);

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
  dynamo.client.middlewareStack.add(
    (next) => async (args) => {
      const result = await next(args);
      scanned += Number((result.output as { ScannedCount?: number }).ScannedCount ?? 0);
      return result;
    },
    { step: 'initialize', name: 'countScanned' },
  );
  const tableName = await dynamo.newEventTable();
  store = new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids: createUlidGenerator() });
  let version = 0;
  for (const size of COMMIT_SIZES) {
    await store.appendToStream(
      STREAM,
      version,
      Array.from({ length: size }, () => anAlertPublished()),
    );
    version += size;
  }
});
afterAll(async () => {
  await dynamo.close();
});

async function walk(limit: number): Promise<{ pages: StreamPage[]; scannedPerPage: number[] }> {
  const pages: StreamPage[] = [];
  const scannedPerPage: number[] = [];
  let position = { afterVersion: 0, fromCommit: 1 };
  for (;;) {
    scanned = 0;
    const page = await store.readStreamPage(STREAM, { ...position, limit });
    scannedPerPage.push(scanned);
    pages.push(page);
    const last = page.events.at(-1);
    if (!page.more || !last) return { pages, scannedPerPage };
    position = { afterVersion: last.version, fromCommit: page.lastCommit };
  }
}

describe('DynamoEventStore.readStreamPage', () => {
  it('pages through a stream in version order, each page at most `limit`, none lost or repeated', async () => {
    const whole = await store.readStream(STREAM);
    expect(whole.events).toHaveLength(79);
    for (const limit of [1, 2, 7, 50, 79, 100]) {
      const { pages } = await walk(limit);
      expect(pages.flatMap((page) => page.events)).toEqual(whole.events);
      expect(pages.every((page) => page.events.length <= limit && page.events.length > 0)).toBe(true);
      expect(pages.at(-1)?.more).toBe(false);
      expect(pages.slice(0, -1).every((page) => page.more && page.events.length === limit)).toBe(true);
    }
  });

  it('reads only the commits a page needs, however deep the page', async () => {
    const { scannedPerPage } = await walk(5);
    // 79 events in pages of 5: 16 pages, each reading at most limit + 2 commits.
    expect(scannedPerPage).toHaveLength(16);
    expect(Math.max(...scannedPerPage)).toBeLessThanOrEqual(7);
  });

  it('finds the start itself when only a version is known (cursors issued before pages carried the commit)', async () => {
    const whole = await store.readStream(STREAM);
    const page = await store.readStreamPage(STREAM, { afterVersion: 41, limit: 10 });
    expect(page.events).toEqual(whole.events.slice(41, 51));
    expect(page.more).toBe(true);
    const rest = await store.readStreamPage(STREAM, { afterVersion: 75, limit: 10 });
    expect(rest.events.map((event) => event.version)).toEqual([76, 77, 78, 79]);
    expect(rest.more).toBe(false);
  });

  it('gives an empty page for a stream with no events', async () => {
    expect(await store.readStreamPage('alert/none', { afterVersion: 0, fromCommit: 1, limit: 10 })).toEqual({
      events: [],
      lastCommit: 1,
      more: false,
    });
  });
});
