import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { replayProjections } from '../../../../shared/application/replay-projections';
import { orderKeyOf } from '../../../../shared/domain/positions/ordering';
import { rehydrate } from '../../../../shared/domain/positions/position-state';
import { countsTowardPosition } from '../../../../shared/domain/positions/rules';
import { positionStreamId } from '../../../../shared/domain/stream-ids';
import type { StoredCommit } from '../../../../shared/ports/event-store';
import { createUlidGenerator } from '../../../../shared/ports/id-generator';
import type { Page } from '../../../../shared/ports/views';
import { MemoryEventStore } from '../../../support/memory-event-store';
import { MemoryViewStore } from '../../../support/memory-view-store';
import { allCommits, projectCommits, streamContents } from '../../../support/position-scenarios';
import { playScenario, scenarioArbitrary } from '../../../support/scenario-player';

const totals = { commits: 0, contradictions: 0, withdrawals: 0 };

const play = async (
  statements: Parameters<typeof playScenario>[1],
  steps: Parameters<typeof playScenario>[2],
  options: { redeliveries: boolean },
) => {
  const events = new MemoryEventStore({ ids: createUlidGenerator() });
  const views = new MemoryViewStore();
  const stats = await playScenario({ eventStore: events, views }, statements, steps, options);
  totals.commits += stats.commits;
  totals.contradictions += stats.contradictions;
  totals.withdrawals += stats.withdrawals;
  return { events, views, stats };
};

const streamsOf = (store: MemoryEventStore) => new Set(store.log.map((commit) => commit.streamId));

describe('read models, for random histories of documents, corrections and deliveries', () => {
  it('replay from the events gives exactly the views built incrementally', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ statements, steps }) => {
        const { events, views } = await play(statements, steps, { redeliveries: true });
        const rebuilt = new MemoryViewStore();
        await rebuilt.apply([{ kind: 'actor-topic', actor: 'stale', topic: 'left-over' }]);
        await replayProjections({ eventStore: events, views: rebuilt }, { pageSize: 7 });
        expect(rebuilt.snapshot()).toEqual(views.snapshot());
      }),
      { numRuns: 200 },
    );
  });

  it('delivering records again (a retried batch) changes neither the events nor the views', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ statements, steps }) => {
        const once = await play(statements, steps, { redeliveries: false });
        const twice = await play(statements, steps, { redeliveries: true });
        expect(twice.views.snapshot()).toEqual(once.views.snapshot());
        expect(await streamContents(twice.events, streamsOf(twice.events))).toEqual(
          await streamContents(once.events, streamsOf(once.events)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it('views do not depend on how streams interleave (Lambda shards), only on each stream’s own order', async () => {
    await fc.assert(
      fc.asyncProperty(
        scenarioArbitrary,
        fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
        async (scenario, picks) => {
          const { events, views } = await play(scenario.statements, scenario.steps, { redeliveries: false });
          const queues = new Map<string, StoredCommit[]>();
          for (const commit of await allCommits(events)) {
            queues.set(commit.streamId, [...(queues.get(commit.streamId) ?? []), commit]);
          }
          const interleaved: StoredCommit[] = [];
          for (let pick = 0; queues.size > 0; pick++) {
            const streams = [...queues.keys()];
            const streamId = streams[(picks[pick % picks.length] ?? 0) % streams.length] as string;
            const queue = queues.get(streamId) as StoredCommit[];
            interleaved.push(queue.shift() as StoredCommit);
            if (queue.length === 0) queues.delete(streamId);
          }
          const shuffled = new MemoryViewStore();
          await projectCommits(shuffled, interleaved);
          expect(shuffled.snapshot()).toEqual(views.snapshot());
        },
      ),
      { numRuns: 150 },
    );
  });

  it('views say what the standing statements imply: latest-said position, retractions, live contradictions', async () => {
    await fc.assert(
      fc.asyncProperty(scenarioArbitrary, async ({ statements, steps }) => {
        const { events, views, stats } = await play(statements, steps, { redeliveries: true });
        const extracted = statements.filter((statement) => stats.extracted.has(statement.statementId));

        const expectedPositions = new Map<string, string>();
        for (const statement of extracted) {
          if (!stats.live.has(statement.statementId) || !countsTowardPosition(statement)) continue;
          const key = `${statement.actor}/${statement.topic}/${statement.proposition}`;
          const current = expectedPositions.get(key);
          const candidate = extracted.find((other) => other.statementId === current);
          if (!candidate || orderKeyOf(candidate) < orderKeyOf(statement))
            expectedPositions.set(key, statement.statementId);
        }
        const positions = await everything((cursor) =>
          views.listPositions({ limit: 3, ...(cursor ? { cursor } : {}) }),
        );
        expect(
          new Map(
            positions.map((view) => [`${view.actor}/${view.topic}/${view.proposition}`, view.statement.statementId]),
          ),
        ).toEqual(expectedPositions);

        const recorded = new Map<string, boolean>();
        for (const key of new Set(
          extracted.map((statement) => positionStreamId(statement.actor, statement.topic, statement.proposition)),
        )) {
          for (const contradiction of rehydrate((await events.readStream(key)).events).contradictions.values()) {
            recorded.set(contradiction.contradictionId, contradiction.active);
          }
        }
        const contradictions = await everything((cursor) =>
          views.listContradictions({ includeWithdrawn: true, limit: 4, ...(cursor ? { cursor } : {}) }),
        );
        expect(new Map(contradictions.map((view) => [view.id, view.status === 'active']))).toEqual(recorded);

        for (const statement of extracted) {
          const timeline = await everything((cursor) =>
            views.getTimeline({ actor: statement.actor, topic: statement.topic, ...(cursor ? { cursor } : {}) }),
          );
          const entry = timeline.find((candidate) => candidate.statementId === statement.statementId);
          const standing = stats.live.has(statement.statementId);
          const rejected = stats.rejected.has(statement.statementId);
          expect(entry?.rejected !== undefined).toBe(rejected);
          expect(entry?.retracted).toBe(!standing && !rejected);
          expect(entry?.withdrawn).toBe(countsTowardPosition(statement) && !standing);
          expect(entry?.effect !== undefined).toBe(countsTowardPosition(statement));
          const active = [...recorded.entries()].filter(([, isActive]) => isActive).map(([id]) => id);
          for (const id of entry?.contradictionIds ?? []) expect(active).toContain(id);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('exercised contradictions and withdrawals, not just quiet histories', () => {
    expect(totals.contradictions).toBeGreaterThan(100);
    expect(totals.withdrawals).toBeGreaterThan(20);
  });
});

/** Reads every page of a list, following the cursors. */
async function everything<T>(read: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await read(cursor);
    items.push(...page.items);
    cursor = page.next;
  } while (cursor);
  return items;
}
