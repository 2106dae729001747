import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orderKeyOf } from '../../../shared/domain/positions/ordering';
import { projectEvent } from '../../../shared/domain/positions/projection';
import { toStatementRef } from '../../../shared/domain/positions/rules';
import type { ViewUpdate } from '../../../shared/domain/positions/view-updates';
import { InvalidCursorError } from '../../../shared/errors';
import type { Page, ViewStore } from '../../../shared/ports/views';
import { type DynamoTestStore, startDynamoTestStore } from '../../support/dynamo-test-store';
import { MemoryViewStore } from '../../support/memory-view-store';
import { aStatement, type ExtractedData } from '../../support/statement-factory';
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

const offer = (statement: ExtractedData): ViewUpdate => ({
  kind: 'position-offer',
  actor: statement.actor,
  topic: statement.topic,
  proposition: statement.proposition,
  orderKey: orderKeyOf(statement),
  statement: toStatementRef(statement),
});
const timeline = (statement: ExtractedData): ViewUpdate[] =>
  projectEvent({
    type: 'StatementExtracted',
    data: { ...statement, extractorVersion: 'x', codebookVersion: 'y' },
  } as Parameters<typeof projectEvent>[0]);

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
    await views.apply([offer(statements[1]!), offer(statements[0]!), offer(statements[2]!), offer(statements[3]!)]);
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
      ['a', 'b', 'c'].map((documentId) =>
        offer(aStatement({ documentId, actor: documentId === 'a' ? 'ukraine' : `x-${documentId}` })),
      ),
    );
    const first = await views.listPositions({ limit: 1 });
    expect(first.next).toBeDefined();
    await expect(views.listActors({ cursor: first.next! })).rejects.toBeInstanceOf(InvalidCursorError);
    await expect(views.listPositions({ cursor: 'not-a-cursor' })).rejects.toBeInstanceOf(InvalidCursorError);
  });

  it('clears every view', async () => {
    const views = await open();
    await views.apply([offer(aStatement()), ...timeline(aStatement())]);
    await views.clear();
    expect((await views.listPositions()).items).toEqual([]);
    expect(await views.getActor('ukraine')).toBeUndefined();
  });
});
