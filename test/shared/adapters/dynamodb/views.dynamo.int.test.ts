import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DynamoEventStore } from '../../../../shared/adapters/dynamodb/dynamo-event-store';
import { replayProjections } from '../../../../shared/application/replay-projections';
import { createUlidGenerator } from '../../../../shared/ports/id-generator';
import type { PositionView, ViewReader } from '../../../../shared/ports/views';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';
import { fixedClock } from '../../../support/event-factory';
import { MemoryEventStore } from '../../../support/memory-event-store';
import { MemoryViewStore } from '../../../support/memory-view-store';
import { playScenario, scenarioArbitrary } from '../../../support/scenario-player';
import { newViewStore, scanSnapshot } from '../../../support/views-table';

let dynamo: DynamoTestStore;

async function allPositions(views: ViewReader): Promise<PositionView[]> {
  const positions: PositionView[] = [];
  let cursor: string | undefined;
  do {
    const page = await views.listPositions({ limit: 3, ...(cursor ? { cursor } : {}) });
    positions.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return positions;
}

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});

describe('DynamoViewStore on dynalite, for random histories', () => {
  it('builds the same views as the in-memory model, and replay (clear + rebuild) reproduces them', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ statements, steps }) => {
        const ids = createUlidGenerator();
        const eventStore = new DynamoEventStore({
          client: dynamo.client,
          tableName: await dynamo.newEventTable(),
          clock: fixedClock(),
          ids,
        });
        const { views, tableName } = await newViewStore(dynamo);
        await playScenario({ eventStore, views }, statements, steps, { redeliveries: true });
        const incremental = await scanSnapshot(dynamo, tableName);

        const model = new MemoryViewStore();
        await playScenario({ eventStore: new MemoryEventStore({ ids }), views: model }, statements, steps, {
          redeliveries: false,
        });
        expect(incremental).toEqual(model.snapshot());
        // Positions are items plus the timeline's latest statement (currentPositionOf): the
        // store's Queries must find what the model finds by scanning.
        expect(await allPositions(views)).toEqual(await allPositions(model));

        await replayProjections({ eventStore, views }, { pageSize: 5 });
        expect(await scanSnapshot(dynamo, tableName)).toEqual(incremental);
      }),
      { numRuns: 12 },
    );
  }, 180_000);
});
