import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DynamoParkingStore } from '../../../../shared/adapters/dynamodb/dynamo-parking-store';
import { ensureTable } from '../../../../shared/adapters/dynamodb/ensure-table';
import { parkedRecordsTableDefinition } from '../../../../shared/adapters/dynamodb/parked-records-table';
import type { ParkedRecord } from '../../../../shared/ports/parked-records';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';

let dynamo: DynamoTestStore;
let store: DynamoParkingStore;

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  const tableName = `parked-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.client, parkedRecordsTableDefinition(tableName));
  store = new DynamoParkingStore({ client: dynamo.client, tableName });
});

const parked = (streamId: string, commit: number, overrides: Partial<ParkedRecord> = {}): ParkedRecord => ({
  consumer: 'projector',
  keys: [streamId],
  streamId,
  commit,
  commitId: `01KCOMMIT${String(commit).padStart(4, '0')}${streamId.length}`,
  item: {
    pk: streamId,
    sk: commit,
    commitId: `c${commit}`,
    eventTypes: new Set(['DocumentIngested', 'StatementExtracted']),
    events: [{ eventId: 'e1', causationId: null, data: { nested: { list: [1, 'two'] } } }],
  },
  reason: 'Error: boom',
  held: false,
  attempts: 3,
  firstFailedAt: '2026-12-05T10:00:00.000Z',
  parkedAt: '2026-12-05T10:00:01.000Z',
  ...overrides,
});

describe('DynamoParkingStore on dynalite', () => {
  it('keeps the whole record, sets and nulls included, per consumer', async () => {
    const record = parked('document/a', 1);
    await store.park(record);
    await store.park(parked('position/x', 2, { consumer: 'alerter' }));
    expect(await store.list('projector')).toEqual([record]);
    expect((await store.list('alerter')).map((r) => r.streamId)).toEqual(['position/x']);
    expect(await store.blockedKeys('projector')).toEqual(new Set(['document/a']));
    expect(await store.blockedKeys('alerter')).toEqual(new Set(['position/x']));
  });

  it('keeps a key blocked until the last parked record holding it is released', async () => {
    await store.park(parked('position/x', 3));
    await store.park(parked('position/x', 4, { held: true }));
    await store.park(parked('position/y', 1));
    await store.release(parked('position/x', 3));
    expect(await store.blockedKeys('projector')).toEqual(new Set(['position/x', 'position/y']));
    await store.release(parked('position/x', 4));
    expect(await store.blockedKeys('projector')).toEqual(new Set(['position/y']));
    expect((await store.list('projector')).map((r) => `${r.streamId}#${r.commit}`)).toEqual(['position/y#1']);
  });

  it('parks and releases idempotently', async () => {
    await store.park(parked('position/x', 3));
    await store.park(parked('position/x', 3, { reason: 'Error: again', attempts: 4 }));
    expect(await store.list('projector')).toEqual([parked('position/x', 3, { reason: 'Error: again', attempts: 4 })]);
    await store.release(parked('position/x', 3));
    await store.release(parked('position/x', 3));
    expect(await store.list('projector')).toEqual([]);
    expect(await store.blockedKeys('projector')).toEqual(new Set());
  });

  it('blocks every ordering key of a record, shared keys until both records are gone', async () => {
    const document = parked('document/d1', 1, { keys: ['document/d1', 'position/x', 'position/y'] });
    const other = parked('document/d2', 1, { keys: ['document/d2', 'position/y'], held: true });
    await store.park(document);
    await store.park(other);
    expect(await store.blockedKeys('projector')).toEqual(
      new Set(['document/d1', 'document/d2', 'position/x', 'position/y']),
    );
    await store.release(document);
    expect(await store.blockedKeys('projector')).toEqual(new Set(['document/d2', 'position/y']));
    await store.release(other);
    expect(await store.blockedKeys('projector')).toEqual(new Set());
  });

  it('pages through more records than one query returns', async () => {
    const big = 'x'.repeat(60_000);
    for (let commit = 1; commit <= 25; commit++) await store.park(parked('document/big', commit, { reason: big }));
    expect((await store.list('projector')).map((r) => r.commit)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });
});
