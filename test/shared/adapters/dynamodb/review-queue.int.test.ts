import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { VerdictRecord, ViewUpdate } from '../../../../shared/domain/positions/view-updates';
import type { ViewStore } from '../../../../shared/ports/views';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';
import { MemoryViewStore } from '../../../support/memory-view-store';
import { contradictionUpdate } from '../../../support/view-update-factory';
import { newViewStore } from '../../../support/views-table';

let dynamo: DynamoTestStore;
beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});

const contradiction = (id: string, strength: 'strong' | 'possible', detectedAt: string): ViewUpdate =>
  contradictionUpdate(id, { strength, detectedAt, severity: 'medium' });
const verdict = (id: string, record: VerdictRecord): ViewUpdate => ({
  kind: 'contradiction-verdict',
  actor: 'ukraine',
  contradictionId: id,
  verdict: record,
});
const alert = (id: string, alertedAt: string): ViewUpdate => ({
  kind: 'contradiction-alert',
  actor: 'ukraine',
  contradictionId: id,
  channel: 'outbox',
  messageId: `m-${id}`,
  alertedAt,
});

const stores: Array<[string, () => Promise<ViewStore>]> = [
  ['memory', async () => new MemoryViewStore()],
  ['DynamoDB (dynalite)', async () => (await newViewStore(dynamo)).views],
];

describe.each(stores)('review queue and desk statistics: %s', (_name, open) => {
  it('lists possible contradictions oldest first, never strong ones, and pages', async () => {
    const views = await open();
    await views.apply([
      contradiction('ctr-b', 'possible', '2026-11-02T00:00:00.000Z'),
      contradiction('ctr-s', 'strong', '2026-11-01T00:00:00.000Z'),
      contradiction('ctr-a', 'possible', '2026-11-01T00:00:00.000Z'),
      contradiction('ctr-c', 'possible', '2026-11-03T00:00:00.000Z'),
    ]);
    const first = await views.listReviewQueue({ limit: 2 });
    expect(first.items.map((item) => item.id)).toEqual(['ctr-a', 'ctr-b']);
    expect(first.items[0]).toMatchObject({ strength: 'possible', status: 'active', actor: 'ukraine' });
    const second = await views.listReviewQueue({ limit: 2, ...(first.next ? { cursor: first.next } : {}) });
    expect(second.items.map((item) => item.id)).toEqual(['ctr-c']);
  });

  it('a verdict, an alert or a withdrawal takes an entry out, and a redelivered contradiction does not bring it back', async () => {
    const views = await open();
    const confirmed: VerdictRecord = { kind: 'confirmed', by: 'alice', at: '2026-11-05T10:00:00.000Z' };
    await views.apply([
      contradiction('ctr-1', 'possible', '2026-11-01T00:00:00.000Z'),
      contradiction('ctr-2', 'possible', '2026-11-01T00:00:01.000Z'),
      contradiction('ctr-3', 'possible', '2026-11-01T00:00:02.000Z'),
      contradiction('ctr-4', 'possible', '2026-11-01T00:00:03.000Z'),
      verdict('ctr-1', confirmed),
      alert('ctr-2', '2026-11-05T10:00:00.000Z'),
      { kind: 'contradiction-void', actor: 'ukraine', contradictionId: 'ctr-3' },
      contradiction('ctr-1', 'possible', '2026-11-01T00:00:00.000Z'),
    ]);
    expect((await views.listReviewQueue()).items.map((item) => item.id)).toEqual(['ctr-4']);
    expect(await views.getContradiction('ctr-1')).toMatchObject({ verdict: confirmed });
  });

  it('a verdict projected before its contradiction (another shard) still keeps it out of the queue', async () => {
    const views = await open();
    await views.apply([
      verdict('ctr-9', { kind: 'dismissed', reason: 'duplicate', by: 'bob', at: '2026-11-05T10:00:00.000Z' }),
      contradiction('ctr-9', 'possible', '2026-11-01T00:00:00.000Z'),
    ]);
    expect((await views.listReviewQueue()).items).toEqual([]);
    expect((await views.getContradiction('ctr-9'))?.verdict).toMatchObject({ kind: 'dismissed', reason: 'duplicate' });
  });

  it('counts alerts sent and verdicts by kind and reason since a date, the latest verdict per contradiction', async () => {
    const views = await open();
    const now = new Date();
    const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
    await views.apply([
      alert('ctr-1', daysAgo(2)),
      alert('ctr-2', daysAgo(3)),
      alert('ctr-old', daysAgo(45)),
      verdict('ctr-1', { kind: 'confirmed', by: 'alice', at: daysAgo(1) }),
      verdict('ctr-2', { kind: 'confirmed', by: 'alice', at: daysAgo(1) }),
      verdict('ctr-2', { kind: 'dismissed', reason: 'misread-statement', by: 'bob', at: daysAgo(1) }),
      verdict('ctr-3', { kind: 'dismissed', reason: 'duplicate', by: 'bob', at: daysAgo(1) }),
      verdict('ctr-old', { kind: 'dismissed', reason: 'duplicate', by: 'bob', at: daysAgo(44) }),
    ]);
    expect(await views.getDeskStats(daysAgo(30))).toEqual({
      since: daysAgo(30),
      alertsSent: 2,
      reviewed: 3,
      confirmed: 1,
      dismissed: 2,
      dismissedByReason: { 'misread-statement': 1, duplicate: 1 },
    });
  });
});
