import { createRequire } from 'node:module';
import { join } from 'node:path';
import { marshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { CommitLogReader } from '../../shared/adapters/dynamodb/commit-log-reader';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table';
import { eventTableDefinition } from '../../shared/adapters/dynamodb/event-table';
import { startEmbeddedDynamo } from '../../shared/adapters/embedded/embedded-dynamo';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { anAlertPublished, fixedClock } from '../support/event-factory';
import { temporaryDirectory } from '../support/run-cli';

/**
 * Found by the crash test (crash-recovery.slow.test.ts): dynalite writes a PutItem's index
 * entries first and the item second, in two LevelDB writes. A SIGKILL in between leaves an index
 * entry of the global log (`byCommit`, gsk = the commit id of that attempt) whose item was never
 * written. After the restart the same commit is written again under a new commit id, and the
 * index then lists that item twice: the commit-log reader asked BatchGetItem for the same key
 * twice (ValidationException, "Provided list of item keys contains duplicates"), and the embedded
 * stream stalled for good, the CLI spinning in drain(). The state such a kill leaves is built
 * here with dynalite's own index update, exactly as the interrupted PutItem ran it.
 */
const require = createRequire(import.meta.url);
const TABLE = 'stancewatch-events';
const credentials = { accessKeyId: 'test', secretAccessKey: 'test' };

interface DynaliteStore {
  getTable(name: string, checkStatus: boolean, callback: (error: Error | null, table: unknown) => void): void;
  db: { close(callback: (error?: Error) => void): void };
}

/** Runs what an interrupted PutItem had done: the index entries of `item`, but not the item. */
async function leaveIndexEntryOnly(path: string, item: Record<string, unknown>): Promise<void> {
  const dynaliteDb = require('dynalite/db') as {
    create(options: { path: string }): DynaliteStore;
    updateIndexes(store: DynaliteStore, table: unknown, old: null, item: unknown, callback: (e?: Error) => void): void;
  };
  const store = dynaliteDb.create({ path });
  const table = await new Promise<unknown>((resolve, reject) =>
    store.getTable(TABLE, false, (error, found) => (error ? reject(error) : resolve(found))),
  );
  await new Promise<void>((resolve, reject) =>
    dynaliteDb.updateIndexes(store, table, null, marshall(item), (error) => (error ? reject(error) : resolve())),
  );
  await new Promise<void>((resolve, reject) => store.db.close((error) => (error ? reject(error) : resolve())));
}

async function withStore<T>(path: string, work: (reader: CommitLogReader, store: DynamoEventStore) => Promise<T>) {
  const dynamo = await startEmbeddedDynamo({ path });
  const client = createDynamoDocumentClient({
    endpoint: dynamo.endpoint,
    region: 'local',
    credentials,
    maxAttempts: 1,
  });
  try {
    await ensureTable(client, eventTableDefinition(TABLE));
    const store = new DynamoEventStore({ client, tableName: TABLE, clock: fixedClock(), ids: createUlidGenerator() });
    return await work(new CommitLogReader(client, TABLE), store);
  } finally {
    client.destroy();
    await dynamo.close();
  }
}

describe('the commit log after a write interrupted between its index entry and its item', () => {
  it('lists every commit once, at its own commit id, and pages past the leftovers', async () => {
    const path = join(temporaryDirectory(), 'dynamo');
    const ids = createUlidGenerator();
    // The interrupted attempt drew its commit id first; the retried write got a later one.
    const interruptedId = ids.next();
    const neverWrittenId = ids.next();
    await withStore(path, async (_reader, store) => {
      await store.appendToStream('alert/first', 0, [anAlertPublished()]);
      await store.appendToStream('alert/retried', 0, [anAlertPublished()]);
      await store.appendToStream('alert/last', 0, [anAlertPublished()]);
    });
    await leaveIndexEntryOnly(path, { pk: 'alert/retried', sk: 1, gpk: 'all', gsk: interruptedId });
    await leaveIndexEntryOnly(path, { pk: 'alert/abandoned', sk: 1, gpk: 'all', gsk: neverWrittenId });

    await withStore(path, async (reader, store) => {
      const items = await reader.read(undefined, undefined, 100);
      expect(items.map((item) => item.pk)).toEqual(['alert/first', 'alert/retried', 'alert/last']);

      const paged: string[] = [];
      let after: string | undefined;
      do {
        const page = await store.readAll({ ...(after ? { after } : {}), limit: 1 });
        paged.push(...page.commits.map((commit) => commit.streamId));
        after = page.next;
      } while (after);
      expect(paged).toEqual(['alert/first', 'alert/retried', 'alert/last']);
    });
  });
});
