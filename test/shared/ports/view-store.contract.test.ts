import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderKeyOf } from '../../../shared/domain/positions/ordering';
import { projectEvent } from '../../../shared/domain/positions/projection';
import type { ViewUpdate } from '../../../shared/domain/positions/view-updates';
import { InvalidCursorError } from '../../../shared/errors';
import type { Page, ViewStore } from '../../../shared/ports/views';
import { type DynamoTestStore, startDynamoTestStore } from '../../support/dynamo-test-store';
import { MemoryViewStore } from '../../support/memory-view-store';
import { aStatement, type ExtractedData } from '../../support/statement-factory';
import { contradictionUpdate, positionOffer } from '../../support/view-update-factory';
import { newViewStore } from '../../support/views-table';

/**
 * The ViewStore port's contract, run against both adapters: the in-memory model the property
 * tests use and the DynamoDB store (over dynalite) both runtimes use.
 */
let dynamo: DynamoTestStore;
beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});

const adapters: Array<[string, () => Promise<ViewStore>]> = [
  ['MemoryViewStore', async () => new MemoryViewStore()],
  ['DynamoViewStore (dynalite)', async () => (await newViewStore(dynamo)).views],
];

const timeline = (statement: ExtractedData): ViewUpdate[] =>
  projectEvent({
    type: 'StatementExtracted',
    data: { ...statement, extractorVersion: 'x', codebookVersion: 'y' },
  } as Parameters<typeof projectEvent>[0]);

const contradiction = (actor: string, topic: string, laterDate: string, id: string): ViewUpdate =>
  contradictionUpdate(id, { actor, topic, laterDate, earlierDate: '2024-06-01' });

async function all<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}

describe.each(adapters)('ViewStore contract: %s', (_name, open) => {
  it('keeps the latest-said position per proposition, filters by actor and topic, and pages', async () => {
    const views = await open();
    const statements = [
      aStatement({ documentId: 'a', statedAt: '2025-10-28', polarity: 'oppose' }),
      aStatement({ documentId: 'b', statedAt: '2025-12-04', polarity: 'support' }),
      aStatement({ documentId: 'c', statedAt: '2025-11-01', actor: 'russia', polarity: 'support' }),
      aStatement({ documentId: 'd', statedAt: '2025-11-02', topic: 'venue', proposition: 'venue:belarus' }),
    ];
    await views.apply([statements[1]!, statements[0]!, statements[2]!, statements[3]!].flatMap(positionOffer));
    const positions = await all((cursor) => views.listPositions({ limit: 1, ...(cursor ? { cursor } : {}) }));
    expect(positions.map((p) => `${p.actor} ${p.proposition} ${p.polarity}`).sort()).toEqual([
      'russia cede-territory support',
      'ukraine cede-territory support',
      'ukraine venue:belarus oppose',
    ]);
    expect((await views.listPositions({ actor: 'ukraine', topic: 'territory' })).items).toHaveLength(1);
    expect((await views.listPositions({ topic: 'territory' })).items.map((p) => p.actor).sort()).toEqual([
      'russia',
      'ukraine',
    ]);
  });

  it('gives an actor’s timeline on a topic in the order things were said, either way, and its actors', async () => {
    const views = await open();
    const said = ['2025-12-04', '2025-10-28', '2025-11-15'].map((statedAt, index) =>
      aStatement({ documentId: `doc-${index}`, statedAt }),
    );
    await views.apply(said.flatMap(timeline));
    const ascending = await all((cursor) =>
      views.getTimeline({ actor: 'ukraine', topic: 'territory', limit: 2, ...(cursor ? { cursor } : {}) }),
    );
    expect(ascending.map((entry) => entry.statedAt)).toEqual(['2025-10-28', '2025-11-15', '2025-12-04']);
    const descending = await views.getTimeline({ actor: 'ukraine', topic: 'territory', order: 'desc' });
    expect(descending.items.map((entry) => entry.statedAt)).toEqual(['2025-12-04', '2025-11-15', '2025-10-28']);
    expect(await views.getActor('ukraine')).toEqual({ actor: 'ukraine', topics: ['territory'] });
    expect(await views.getActor('nobody')).toBeUndefined();
  });

  it('refuses a cursor from another list or a tampered one', async () => {
    const views = await open();
    await views.apply(
      ['a', 'b', 'c'].flatMap((documentId) =>
        positionOffer(aStatement({ documentId, actor: documentId === 'a' ? 'ukraine' : `x-${documentId}` })),
      ),
    );
    const first = await views.listPositions({ limit: 1 });
    expect(first.next).toBeDefined();
    await expect(views.listActors({ cursor: first.next! })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(views.listPositions({ cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('pages positions of several actors listed by topic, in actor order, each once', async () => {
    const views = await open();
    const actors = ['belarus', 'china', 'hungary', 'russia', 'ukraine'];
    await views.apply(
      actors.flatMap((actor, index) => [
        ...positionOffer(
          aStatement({ actor, documentId: `t-${actor}`, topic: 'territory', proposition: 'cede-territory' }),
        ),
        ...(index % 2 === 0
          ? positionOffer(aStatement({ actor, documentId: `v-${actor}`, topic: 'venue', proposition: 'venue:minsk' }))
          : []),
        ...positionOffer(aStatement({ actor, documentId: `w-${actor}`, topic: 'venue', proposition: 'venue:geneva' })),
      ]),
    );
    for (const limit of [1, 2, 3, 100]) {
      const venues = await all((cursor) =>
        views.listPositions({ topic: 'venue', limit, ...(cursor ? { cursor } : {}) }),
      );
      expect(venues.map((view) => `${view.actor} ${view.proposition}`)).toEqual(
        actors.flatMap((actor, index) => [
          `${actor} venue:geneva`,
          ...(index % 2 === 0 ? [`${actor} venue:minsk`] : []),
        ]),
      );
      const everything = await all((cursor) => views.listPositions({ limit, ...(cursor ? { cursor } : {}) }));
      expect(everything).toHaveLength(13);
      expect(everything.map((view) => view.actor)).toEqual([...everything.map((view) => view.actor)].sort());
    }
  });

  it('pages contradictions across months newest first, with since, topic and actor', async () => {
    const views = await open();
    const laterDates = ['2024-12-30', '2025-01-02', '2025-03-15', '2025-03-02', '2025-07-01', '2025-07-31'];
    await views.apply(
      laterDates.map((laterDate, index) =>
        contradiction(
          index % 2 === 0 ? 'ukraine' : 'russia',
          index < 4 ? 'territory' : 'venue',
          laterDate,
          `c${index}`,
        ),
      ),
    );
    const newestFirst = [...laterDates].sort().reverse();
    for (const limit of [1, 2, 5, 100]) {
      const paged = await all((cursor) => views.listContradictions({ limit, ...(cursor ? { cursor } : {}) }));
      expect(paged.map((view) => view.later.statedAt)).toEqual(newestFirst);
      const since = await all((cursor) =>
        views.listContradictions({ limit, since: '2025-03-02', ...(cursor ? { cursor } : {}) }),
      );
      expect(since.map((view) => view.later.statedAt)).toEqual([
        '2025-07-31',
        '2025-07-01',
        '2025-03-15',
        '2025-03-02',
      ]);
      const territory = await all((cursor) =>
        views.listContradictions({ limit, topic: 'territory', ...(cursor ? { cursor } : {}) }),
      );
      expect(territory.map((view) => view.id)).toEqual(['c2', 'c3', 'c1', 'c0']);
      const ukraine = await all((cursor) =>
        views.listContradictions({ limit, actor: 'ukraine', ...(cursor ? { cursor } : {}) }),
      );
      expect(ukraine.map((view) => view.id)).toEqual(['c4', 'c2', 'c0']);
    }
    const first = await views.listContradictions({ limit: 2 });
    await expect(views.listContradictions({ actor: 'ukraine', cursor: first.next! })).rejects.toBeInstanceOf(
      InvalidCursorError,
    );
    expect((await views.getContradiction('c3'))?.later.statedAt).toBe('2025-03-02');
  });

  it('finds a timeline entry named by statement id only (retraction, rejection, far side of a voided contradiction)', async () => {
    const views = await open();
    const october = aStatement({ documentId: 'oct', statedAt: '2025-10-28', polarity: 'oppose' });
    const december = aStatement({ documentId: 'dec', statedAt: '2025-12-10', polarity: 'support' });
    const entry = { actor: 'ukraine', topic: 'territory' } as const;
    await views.apply([
      ...timeline(december),
      ...timeline(october),
      ...[october, december].map(
        (statement): ViewUpdate => ({
          kind: 'timeline-contradiction',
          ...entry,
          statementId: statement.statementId,
          orderKey: orderKeyOf(statement),
          contradictionId: 'c1',
          linked: true,
        }),
      ),
    ]);
    await views.apply([
      // A withdrawal of October knows its place; December's side of the void is named by id only.
      {
        kind: 'timeline-contradiction',
        ...entry,
        statementId: october.statementId,
        orderKey: orderKeyOf(october),
        contradictionId: 'c1',
        linked: false,
      },
      {
        kind: 'timeline-contradiction',
        ...entry,
        statementId: december.statementId,
        contradictionId: 'c1',
        linked: false,
      },
      { kind: 'timeline-retraction', ...entry, statementId: october.statementId, reason: 'not found again' },
      {
        kind: 'timeline-rejection',
        ...entry,
        statementId: december.statementId,
        by: 'alice',
        at: '2026-01-01T00:00:00.000Z',
      },
      // Nothing to find: no entry is made up.
      { kind: 'timeline-retraction', ...entry, statementId: 'st-unknown', reason: 'x' },
    ]);
    const { items } = await views.getTimeline({ ...entry });
    expect(items.map((item) => [item.statedAt, item.retracted, item.rejected?.by, item.contradictionIds])).toEqual([
      ['2025-10-28', true, undefined, []],
      ['2025-12-10', false, 'alice', []],
    ]);
  });

  it('clears every view', async () => {
    const views = await open();
    await views.apply([...positionOffer(aStatement()), ...timeline(aStatement())]);
    await views.clear();
    expect((await views.listPositions()).items).toEqual([]);
    expect(await views.getActor('ukraine')).toBeUndefined();
  });
});
