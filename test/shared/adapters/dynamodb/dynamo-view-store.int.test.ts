import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { DynamoViewStore } from '../../../../shared/adapters/dynamodb/dynamo-view-store';
import { encodeCursor } from '../../../../shared/adapters/dynamodb/page-cursor';
import { orderKeyOf } from '../../../../shared/domain/positions/ordering';
import { projectEvent } from '../../../../shared/domain/positions/projection';
import { toStatementRef } from '../../../../shared/domain/positions/rules';
import type { ViewUpdate } from '../../../../shared/domain/positions/view-updates';
import { InvalidCursorError } from '../../../../shared/errors';
import type { Page } from '../../../../shared/ports/views';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';
import { aStatement, type ExtractedData } from '../../../support/statement-factory';
import { contradictionUpdate, positionOffer, positionOfferWith } from '../../../support/view-update-factory';
import { newViewStore } from '../../../support/views-table';

let dynamo: DynamoTestStore;
let views: DynamoViewStore;
let tableName: string;

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  ({ views, tableName } = await newViewStore(dynamo));
});

const contradiction = (actor: string, topic: string, laterDate: string, id: string): ViewUpdate =>
  contradictionUpdate(id, { actor, topic, laterDate });

async function everything<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    pages.push(page.items);
    cursor = page.next;
  } while (cursor);
  return pages;
}

describe('DynamoViewStore: current positions', () => {
  it('keeps the latest-said statement, whatever order offers arrive in', async () => {
    const october = aStatement({ documentId: 'oct', statedAt: '2025-10-28', polarity: 'oppose' });
    const december = aStatement({ documentId: 'dec', statedAt: '2025-12-10', polarity: 'support' });
    await views.apply([december, october, december].flatMap(positionOffer));
    const { items } = await views.listPositions();
    expect(items).toEqual([
      {
        actor: 'ukraine',
        topic: 'territory',
        proposition: 'cede-territory',
        polarity: 'support',
        statement: toStatementRef(december),
      },
    ]);
  });

  it('falls back to the statement named on withdrawal, and drops the position when none is left', async () => {
    const october = aStatement({ documentId: 'oct', statedAt: '2025-10-28', polarity: 'oppose' });
    const december = aStatement({ documentId: 'dec', statedAt: '2025-12-10', polarity: 'support' });
    const withdraw = (statementId: string, next: ExtractedData | null): ViewUpdate => ({
      kind: 'position-withdrawal',
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      statementId,
      next: next ? { orderKey: orderKeyOf(next), statement: toStatementRef(next) } : null,
    });
    await views.apply([...positionOffer(october), ...positionOffer(december), withdraw(october.statementId, december)]);
    expect((await views.listPositions()).items[0]?.polarity).toBe('support');
    await views.apply([withdraw(december.statementId, october)]);
    expect((await views.listPositions()).items[0]?.polarity).toBe('oppose');
    await views.apply([withdraw(october.statementId, null)]);
    expect((await views.listPositions()).items).toEqual([]);
  });

  it('filters by actor, by actor and topic, and by topic alone, across pages', async () => {
    const updates = ['ukraine', 'russia', 'hungary'].flatMap((actor) =>
      ['cede-territory', 'venue:belarus'].flatMap((proposition) =>
        positionOffer(
          aStatement({ actor, proposition, topic: proposition.startsWith('venue') ? 'venue' : 'territory' }),
        ),
      ),
    );
    await views.apply(updates);
    const all = (await everything((cursor) => views.listPositions({ limit: 4, ...(cursor ? { cursor } : {}) }))).flat();
    expect(all).toHaveLength(6);
    expect((await views.listPositions({ actor: 'russia' })).items.map((view) => view.proposition)).toEqual([
      'cede-territory',
      'venue:belarus',
    ]);
    expect((await views.listPositions({ actor: 'russia', topic: 'venue' })).items).toHaveLength(1);
    const venues = (
      await everything((cursor) => views.listPositions({ topic: 'venue', limit: 2, ...(cursor ? { cursor } : {}) }))
    ).flat();
    expect(venues.map((view) => view.actor).sort()).toEqual(['hungary', 'russia', 'ukraine']);
  });

  it('reads one topic from a key range of each actor holding that topic, not by filtering every position', async () => {
    const actors = Array.from({ length: 12 }, (_, index) => `actor-${String(index).padStart(2, '0')}`);
    const topics = ['territory', 'venue', 'sanctions', 'ceasefire'];
    await views.apply(
      actors.flatMap((actor) =>
        topics.flatMap((topic) =>
          positionOffer(aStatement({ actor, topic, proposition: `${topic}-now`, documentId: `d-${actor}` })),
        ),
      ),
    );
    let scanned = 0;
    dynamo.client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const partition = (args.input as { ExpressionAttributeValues?: Record<string, unknown> })
          .ExpressionAttributeValues?.[':pk'];
        if (String(partition).startsWith('positions#'))
          scanned += Number((result.output as { ScannedCount?: number }).ScannedCount ?? 0);
        return result;
      },
      { step: 'initialize', name: 'countScannedPositions' },
    );
    try {
      const venues = (
        await everything((cursor) => views.listPositions({ topic: 'venue', limit: 5, ...(cursor ? { cursor } : {}) }))
      ).flat();
      // Ordered by actor within the topic, as the whole list is.
      expect(venues.map((view) => view.actor)).toEqual(actors);
      expect(venues.every((view) => view.topic === 'venue')).toBe(true);
      // 12 of the 48 positions, and nothing of the other topics read (a filter would read all 48);
      // the actors are found from their items, which list their topics.
      expect(scanned).toBeLessThanOrEqual(12);
    } finally {
      dynamo.client.middlewareStack.remove('countScannedPositions');
    }
  });
});

describe('DynamoViewStore: a position’s latest statement, read from the timeline', () => {
  /** What the projector writes for a statement its position stream took in with `effect`. */
  const decided = (statement: ExtractedData, effect: 'taken' | 'reaffirmed'): ViewUpdate[] => [
    ...projectEvent({
      type: 'StatementExtracted',
      data: { ...statement, extractorVersion: 'x', codebookVersion: 'y' },
    } as Parameters<typeof projectEvent>[0]),
    {
      kind: 'timeline-effect',
      actor: statement.actor,
      topic: statement.topic,
      statementId: statement.statementId,
      orderKey: orderKeyOf(statement),
      effect,
    },
    ...positionOfferWith(statement, effect),
  ];

  it('finds a reaffirmation said long before the topic’s newest entries in a few Queries, and writes none to the item', async () => {
    const venue = (proposition: string, day: number) =>
      aStatement({
        topic: 'venue',
        proposition,
        polarity: 'oppose',
        documentId: `${proposition}-${day}`,
        statedAt: new Date(Date.UTC(2025, 0, day)).toISOString().slice(0, 10),
      });
    const belarusTaken = venue('venue:belarus', 1);
    const belarusLatest = venue('venue:belarus', 3);
    // Then 300 statements on another venue: Belarus's latest lies 300 entries below the newest.
    const geneva = Array.from({ length: 300 }, (_, index) => venue('venue:geneva', 10 + index));
    await views.apply([
      ...decided(belarusTaken, 'taken'),
      ...decided(belarusLatest, 'reaffirmed'),
      ...geneva.flatMap((statement, index) => decided(statement, index === 0 ? 'taken' : 'reaffirmed')),
    ]);
    let queries = 0;
    dynamo.client.middlewareStack.add(
      (next) => async (args) => {
        if ((args.input as { KeyConditionExpression?: string }).KeyConditionExpression) queries++;
        return next(args);
      },
      { step: 'initialize', name: 'countQueries' },
    );
    try {
      const { items } = await views.listPositions({ actor: 'ukraine' });
      expect(items.map((position) => [position.proposition, position.statement.statementId])).toEqual([
        ['venue:belarus', belarusLatest.statementId],
        ['venue:geneva', geneva.at(-1)?.statementId],
      ]);
      // The positions partition, Geneva's newest entry, and Belarus in pages of 4, 16, 64, 256
      // entries: with pages of 4 throughout it would take 76 Queries.
      expect(queries).toBeLessThanOrEqual(7);
    } finally {
      dynamo.client.middlewareStack.remove('countQueries');
    }
    // The items still hold the statements that took the positions: reaffirmations were not written.
    const stored = await dynamo.client.send(
      new GetCommand({ TableName: tableName, Key: { pk: 'positions#ukraine', sk: 'venue#venue:belarus' } }),
    );
    expect((stored.Item?.statement as { statementId?: string } | undefined)?.statementId).toBe(
      belarusTaken.statementId,
    );
  });
});

describe('DynamoViewStore: timelines', () => {
  it('lists an actor and topic chronologically (or newest first), hearsay marked, page by page', async () => {
    const said = ['2025-12-10', '2025-10-28', '2026-01-05', '2025-11-20', '2025-10-01'].map((statedAt, index) =>
      aStatement({ documentId: `doc-${index}`, statedAt, ...(index === 3 ? { reportedBy: 'united-states' } : {}) }),
    );
    await views.apply(
      said.map((statement) => ({
        kind: 'timeline-statement',
        orderKey: orderKeyOf(statement),
        statement: { ...statement, ...(statement.reportedBy ? { evidenceOnly: 'hearsay' as const } : {}) },
      })),
    );
    const pages = await everything((cursor) =>
      views.getTimeline({ actor: 'ukraine', topic: 'territory', limit: 2, ...(cursor ? { cursor } : {}) }),
    );
    expect(pages.map((page) => page.length)).toEqual([2, 2, 1]);
    expect(pages.flat().map((entry) => entry.statedAt)).toEqual([
      '2025-10-01',
      '2025-10-28',
      '2025-11-20',
      '2025-12-10',
      '2026-01-05',
    ]);
    expect(pages.flat().find((entry) => entry.statedAt === '2025-11-20')).toMatchObject({
      hearsay: true,
      reportedBy: 'united-states',
      evidenceOnly: 'hearsay',
      retracted: false,
      withdrawn: false,
      contradictionIds: [],
    });
    const newest = await views.getTimeline({ actor: 'ukraine', topic: 'territory', order: 'desc', limit: 1 });
    expect(newest.items[0]?.statedAt).toBe('2026-01-05');
  });
});

describe('DynamoViewStore: contradictions', () => {
  beforeEach(async () => {
    await views.apply([
      contradiction('ukraine', 'territory', '2025-11-20', 'ctr-a'),
      contradiction('ukraine', 'venue', '2025-12-01', 'ctr-b'),
      contradiction('russia', 'territory', '2025-12-15', 'ctr-c'),
      contradiction('ukraine', 'territory', '2026-01-10', 'ctr-d'),
      { kind: 'contradiction-void', actor: 'ukraine', contradictionId: 'ctr-b' },
      {
        kind: 'contradiction-alert',
        actor: 'ukraine',
        contradictionId: 'ctr-a',
        channel: 'sns',
        messageId: 'm-1',
        alertedAt: '2026-11-26T12:00:01.000Z',
      },
    ]);
  });

  it('lists newest first (by when the later statement was said), without withdrawn ones by default', async () => {
    expect((await views.listContradictions()).items.map((view) => view.id)).toEqual(['ctr-d', 'ctr-c', 'ctr-a']);
    expect((await views.listContradictions({ includeWithdrawn: true })).items.map((view) => view.id)).toEqual([
      'ctr-d',
      'ctr-c',
      'ctr-b',
      'ctr-a',
    ]);
  });

  it('filters by actor, topic and since, and pages with cursors', async () => {
    expect((await views.listContradictions({ actor: 'ukraine' })).items.map((view) => view.id)).toEqual([
      'ctr-d',
      'ctr-a',
    ]);
    expect(
      (await views.listContradictions({ topic: 'territory', since: '2025-12-01' })).items.map((view) => view.id),
    ).toEqual(['ctr-d', 'ctr-c']);
    const pages = await everything((cursor) =>
      views.listContradictions({ includeWithdrawn: true, limit: 3, ...(cursor ? { cursor } : {}) }),
    );
    expect(pages.map((page) => page.map((view) => view.id))).toEqual([['ctr-d', 'ctr-c', 'ctr-b'], ['ctr-a']]);
  });

  it('gets one by id, with its alert and status', async () => {
    expect(await views.getContradiction('ctr-a')).toMatchObject({
      id: 'ctr-a',
      actor: 'ukraine',
      status: 'active',
      alert: { channel: 'sns', messageId: 'm-1' },
      earlier: { statedAt: '2025-10-28' },
      later: { statedAt: '2025-11-20' },
    });
    expect(await views.getContradiction('ctr-b')).toMatchObject({ status: 'withdrawn' });
    expect(await views.getContradiction('ctr-nothing')).toBeUndefined();
  });

  it('shows nothing for an alert that arrived before its contradiction', async () => {
    await views.apply([
      {
        kind: 'contradiction-alert',
        actor: 'ukraine',
        contradictionId: 'ctr-early',
        channel: 'sns',
        messageId: 'm',
        alertedAt: 'x',
      },
    ]);
    expect(await views.getContradiction('ctr-early')).toBeUndefined();
    expect((await views.listContradictions({ includeWithdrawn: true })).items).toHaveLength(4);
  });

  it('refuses a cursor it did not issue, or one from another list', async () => {
    await expect(views.listContradictions({ cursor: 'not a cursor!' })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(views.listContradictions({ cursor: encodeCursor({ nonsense: 1 }) })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    const page = await views.listContradictions({ limit: 1 });
    await expect(views.listContradictions({ actor: 'russia', cursor: page.next })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
  });
});

describe('DynamoViewStore: actors and clearing', () => {
  it('lists actors with their topics, and clear() empties everything', async () => {
    await views.apply([
      { kind: 'actor-topic', actor: 'ukraine', topic: 'territory' },
      { kind: 'actor-topic', actor: 'ukraine', topic: 'venue' },
      { kind: 'actor-topic', actor: 'ukraine', topic: 'venue' },
      { kind: 'actor-topic', actor: 'russia', topic: 'territory' },
    ]);
    expect((await views.listActors()).items).toEqual([
      { actor: 'russia', topics: ['territory'] },
      { actor: 'ukraine', topics: ['territory', 'venue'] },
    ]);
    expect(await views.getActor('ukraine')).toEqual({ actor: 'ukraine', topics: ['territory', 'venue'] });
    expect(await views.getActor('belarus')).toBeUndefined();
    await views.clear();
    expect((await views.listActors()).items).toEqual([]);
    expect(await views.getActor('ukraine')).toBeUndefined();
  });
});
