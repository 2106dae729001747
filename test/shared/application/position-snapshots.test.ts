import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../events/registry';
import { DynamoEventStore } from '../../../shared/adapters/dynamodb/dynamo-event-store';
import { DynamoSnapshotStore } from '../../../shared/adapters/dynamodb/dynamo-snapshot-store';
import { decideOnPosition, type PositionDecisionDependencies } from '../../../shared/application/decide-position';
import { PositionStateCache } from '../../../shared/application/position-state-cache';
import type { PositionCommand } from '../../../shared/domain/positions/decide';
import { POSITION_SNAPSHOT_SCHEMA, toSnapshotState } from '../../../shared/domain/positions/position-snapshot';
import { rehydrate } from '../../../shared/domain/positions/position-state';
import { positionStreamId } from '../../../shared/domain/stream-ids';
import type { EventStore } from '../../../shared/ports/event-store';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import type { SnapshotStore } from '../../../shared/ports/snapshot-store';
import { type DynamoTestStore, startDynamoTestStore } from '../../support/dynamo-test-store';
import { fixedClock } from '../../support/event-factory';
import { MemoryEventStore } from '../../support/memory-event-store';
import { MemorySnapshotStore } from '../../support/memory-snapshot-store';
import { recordingReads } from '../../support/recording-reads';
import { statementsArbitrary } from '../../support/statement-arbitraries';
import { applyCommand, aStatement, type ExtractedData, withdrawCommand } from '../../support/statement-factory';

const STREAM = positionStreamId('ukraine', 'territory', 'cede-territory');
const noSleep = async () => undefined;
const ids = createUlidGenerator();

/** A projector: with a cache only when given one, with snapshots every `every` commits when given a store. */
const projector = (
  eventStore: EventStore,
  options: { snapshots?: SnapshotStore; every?: number; cache?: PositionStateCache } = {},
): PositionDecisionDependencies => ({
  eventStore,
  ids,
  sleep: noSleep,
  ...(options.snapshots ? { snapshots: options.snapshots } : {}),
  ...(options.every !== undefined ? { snapshotEvery: options.every } : {}),
  ...(options.cache ? { positionCache: options.cache } : {}),
});

/** The n-th statement of a long, alternating history (every one a new document, one day apart). */
const nthStatement = (n: number): ExtractedData =>
  aStatement({
    documentId: `doc-${n}`,
    statedAt: new Date(Date.UTC(2020, 0, 1) + n * 86_400_000).toISOString().slice(0, 10),
    polarity: n % 3 === 0 ? 'support' : 'oppose',
  });

/** Decides statements 0..count-1 in order with the given projector (one commit each). */
async function history(deps: PositionDecisionDependencies, count: number, from = 0): Promise<void> {
  for (let n = from; n < from + count; n++) await decideOnPosition(deps, applyCommand(nthStatement(n)));
}

/** What a stream holds, without the ids and times that differ between two runs. */
const meaning = (events: readonly DomainEvent[]) =>
  events.map((event) => ({
    type: event.type,
    version: event.version,
    causationId: event.causationId,
    data: event.data,
  }));

describe('position snapshots: the read path', () => {
  it('given a snapshot and commits after it, a cold decision reads the snapshot and only those commits', async () => {
    // Given: 23 commits, snapshots every 10 (the latest at commit 20).
    const inner = new MemoryEventStore();
    const snapshots = new MemorySnapshotStore();
    await history(projector(inner, { snapshots, every: 10, cache: new PositionStateCache() }), 23);
    expect((await snapshots.readSnapshot(STREAM))?.at.commit).toBe(20);
    const afterTwenty = inner.log.filter((commit) => commit.streamId === STREAM && commit.commit > 20);
    expect(afterTwenty).toHaveLength(3);
    // When: a projector with nothing in memory decides.
    const { store, reads } = recordingReads(inner);
    const next = applyCommand(nthStatement(23));
    const outcome = await decideOnPosition(projector(store, { snapshots, every: 10 }), next);
    // Then: it read commits 21..23 only, and decided what a projector reading everything decides.
    expect(reads).toEqual([
      {
        streamId: STREAM,
        after: { commit: 20, version: expect.any(Number) },
        events: afterTwenty.flatMap((commit) => commit.events).length,
      },
    ]);
    const without = new MemoryEventStore();
    await history(projector(without), 23);
    const reference = await decideOnPosition(projector(without), next);
    expect(meaning(outcome.events)).toEqual(meaning(reference.events));
  });

  it('given no snapshot, a cold decision reads the stream from the start', async () => {
    const inner = new MemoryEventStore();
    await history(projector(inner), 5);
    const { store, reads } = recordingReads(inner);
    await decideOnPosition(
      projector(store, { snapshots: new MemorySnapshotStore(), every: 10 }),
      applyCommand(nthStatement(5)),
    );
    expect(reads).toEqual([{ streamId: STREAM, after: undefined, events: expect.any(Number) }]);
  });

  it('given a snapshot of another schema (an older fold), the snapshot is ignored and the stream read from the start', async () => {
    const inner = new MemoryEventStore();
    const snapshots = new MemorySnapshotStore();
    await history(projector(inner, { snapshots, every: 4 }), 9);
    const stored = await snapshots.readSnapshot(STREAM);
    expect(stored?.at.commit).toBe(8);
    // A fold of another version wrote it; its state even looks usable, but it is not this fold's.
    snapshots.put({ ...(stored as NonNullable<typeof stored>), schema: 'position-state.v0;PositionTaken.v1' });
    const { store, reads } = recordingReads(inner);
    await decideOnPosition(projector(store, { snapshots, every: 4 }), applyCommand(nthStatement(9)));
    expect(reads.map((read) => read.after)).toEqual([undefined]);
  });

  it('given a snapshot whose state does not have the shape its schema claims, the stream is read from the start', async () => {
    const inner = new MemoryEventStore();
    const snapshots = new MemorySnapshotStore();
    await history(projector(inner), 3);
    snapshots.put({
      streamId: STREAM,
      schema: POSITION_SNAPSHOT_SCHEMA,
      at: { commit: 3, version: 3 },
      state: { key: 1 },
    });
    const { store, reads } = recordingReads(inner);
    const outcome = await decideOnPosition(projector(store, { snapshots }), applyCommand(nthStatement(3)));
    expect(reads.map((read) => read.after)).toEqual([undefined]);
    expect(outcome.events.length).toBeGreaterThan(0);
  });

  it('when a decision writes commit k × N, it stores the fold of the whole stream up to that commit', async () => {
    const inner = new MemoryEventStore();
    const snapshots = new MemorySnapshotStore();
    await history(projector(inner, { snapshots, every: 5 }), 14);
    expect(snapshots.writes).toBe(2);
    const snapshot = await snapshots.readSnapshot(STREAM);
    const commits = inner.log.filter((commit) => commit.streamId === STREAM);
    const upToTen = commits.slice(0, 10).flatMap((commit) => commit.events);
    expect(snapshot).toEqual({
      streamId: STREAM,
      schema: POSITION_SNAPSHOT_SCHEMA,
      at: { commit: 10, version: upToTen.at(-1)?.version },
      state: JSON.parse(JSON.stringify(toSnapshotState(rehydrate(upToTen)))),
    });
  });

  it('when a snapshot cannot be stored, the decision stands and the failure is reported', async () => {
    const inner = new MemoryEventStore();
    const failures: string[] = [];
    const failing: SnapshotStore = {
      readSnapshot: async () => undefined,
      writeSnapshot: async () => {
        throw new Error('store unavailable');
      },
    };
    const deps = {
      ...projector(inner, { snapshots: failing, every: 2 }),
      onSnapshotError: (streamId: string, error: unknown) => failures.push(`${streamId}: ${(error as Error).message}`),
    };
    await history(deps, 3);
    expect(failures).toEqual([`${STREAM}: store unavailable`]);
    expect(inner.log).toHaveLength(3);
  });
});

describe('position snapshots: what a cold read costs', () => {
  it.each([
    [10, 95],
    [25, 160],
    [50, 249],
  ])(
    'with a snapshot every %i commits, a cold decision after %i commits reads fewer than that many commits',
    async (every, commits) => {
      const inner = new MemoryEventStore();
      const snapshots = new MemorySnapshotStore();
      await history(projector(inner, { snapshots, every, cache: new PositionStateCache() }), commits);
      const { store, reads } = recordingReads(inner);
      await decideOnPosition(projector(store, { snapshots, every }), applyCommand(nthStatement(commits)));
      const eventsInStream = inner.log.filter((commit) => commit.streamId === STREAM).flatMap((c) => c.events).length;
      const readCommits = commits - (reads[0]?.after?.commit ?? 0);
      expect(readCommits).toBe(commits % every);
      expect(readCommits).toBeLessThan(every);
      // Events: at most a few per commit (a move and its contradictions), against the whole stream's.
      expect(reads[0]?.events).toBeLessThanOrEqual(3 * every);
      expect(eventsInStream).toBeGreaterThan(commits);
      // Without snapshots the same cold decision reads every event of the stream.
      const plain = recordingReads(inner);
      await decideOnPosition(projector(plain.store), applyCommand(nthStatement(commits + 1)));
      expect(plain.reads[0]?.events).toBeGreaterThanOrEqual(eventsInStream);
    },
  );
});

describe('position snapshots on dynalite: what a cold read costs, counted in items', () => {
  let dynamo: DynamoTestStore;
  beforeAll(async () => {
    dynamo = await startDynamoTestStore();
  });
  afterAll(async () => {
    await dynamo.close();
  });

  it('a cold decision after 70 commits, with a snapshot every 25, reads the snapshot and 20 commit items', async () => {
    const tableName = await dynamo.newEventTable();
    const eventStore = new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids });
    const snapshots = new DynamoSnapshotStore(dynamo.client, tableName);
    await history(projector(eventStore, { snapshots, every: 25, cache: new PositionStateCache() }), 70);
    // Items every Query returns, by partition, counted on the wire.
    const itemsRead = new Map<string, number>();
    dynamo.client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        const input = args.input as { ExpressionAttributeValues?: Record<string, unknown> };
        const pk = input.ExpressionAttributeValues?.[':pk'];
        const partition = typeof pk === 'string' ? pk : (pk as { S?: string } | undefined)?.S;
        const items = (result.output as { Items?: unknown[] }).Items;
        if (partition && items) itemsRead.set(partition, (itemsRead.get(partition) ?? 0) + items.length);
        return result;
      },
      { step: 'initialize', name: 'countItemsRead' },
    );
    try {
      await decideOnPosition(projector(eventStore, { snapshots, every: 25 }), applyCommand(nthStatement(70)));
    } finally {
      dynamo.client.middlewareStack.remove('countItemsRead');
    }
    // The stream: commits 51..70. The snapshot: its manifest and one part.
    expect(itemsRead.get(STREAM)).toBe(20);
    expect(itemsRead.get(`snapshot/${STREAM}`)).toBe(2);
  });
});

describe('position snapshots: decisions are the same with them as without', () => {
  it('for any N and any interleaving of cold starts, conflicts, lost snapshots and other writers', async () => {
    await fc.assert(
      fc.asyncProperty(
        statementsArbitrary({
          maxLength: 10,
          actors: ['ukraine'],
          propositions: ['cede-territory', 'venue:belarus'],
        }),
        fc.integer({ min: 1, max: 5 }),
        fc.array(
          fc.record({
            index: fc.nat(),
            // What happens before this decision on the projector with snapshots:
            before: fc.constantFrom(
              'nothing',
              'cold-start',
              'cold-start',
              'conflict',
              'snapshots-lost',
              'other-writer',
            ),
            // The stream delivers an earlier command again (it must decide nothing, both ways).
            redelivery: fc.integer({ min: 0, max: 4 }).map((roll) => roll === 0),
          }),
          { minLength: 1, maxLength: 40 },
        ),
        async (statements, every, steps) => {
          const withSnapshots = new MemoryEventStore();
          const without = new MemoryEventStore();
          const snapshots = new MemorySnapshotStore();
          let cache = new PositionStateCache({ maxStatements: 4, maxLargeFolds: 1 });
          const live = new Set<string>();
          const decided: PositionCommand[] = [];
          for (const step of steps) {
            const statement = statements[step.index % statements.length] as ExtractedData;
            const earlier = step.redelivery ? decided[step.index % Math.max(1, decided.length)] : undefined;
            const command =
              earlier ?? (live.has(statement.statementId) ? withdrawCommand(statement) : applyCommand(statement));
            if (!earlier && !live.delete(statement.statementId)) live.add(statement.statementId);
            decided.push(command);
            if (step.before === 'cold-start') cache = new PositionStateCache({ maxStatements: 4, maxLargeFolds: 1 });
            if (step.before === 'conflict') withSnapshots.conflictsToInject = 1;
            if (step.before === 'snapshots-lost') snapshots.clear();
            // other-writer: a second projector, snapshots but no cache, decides this one.
            const deps =
              step.before === 'other-writer'
                ? projector(withSnapshots, { snapshots, every })
                : projector(withSnapshots, { snapshots, every, cache });
            const outcome = await decideOnPosition(deps, command);
            const reference = await decideOnPosition(projector(without), command);
            expect(meaning(outcome.events)).toEqual(meaning(reference.events));
          }
          for (const streamId of new Set(without.log.map((commit) => commit.streamId))) {
            expect(meaning((await withSnapshots.readStream(streamId)).events)).toEqual(
              meaning((await without.readStream(streamId)).events),
            );
          }
        },
      ),
      { numRuns: 150 },
    );
  });
});
