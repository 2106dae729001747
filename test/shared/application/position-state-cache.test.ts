import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../events/registry';
import { decideOnPosition } from '../../../shared/application/decide-position';
import { PositionStateCache } from '../../../shared/application/position-state-cache';
import { positionStreamId } from '../../../shared/domain/stream-ids';
import type { EventStore, StreamPosition } from '../../../shared/ports/event-store';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { MemoryEventStore } from '../../support/memory-event-store';
import { recordingReads } from '../../support/recording-reads';
import { statementsArbitrary } from '../../support/statement-arbitraries';
import { applyCommand, aStatement, type ExtractedData, withdrawCommand } from '../../support/statement-factory';

const STREAM = positionStreamId('ukraine', 'territory', 'cede-territory');

const noSleep = async () => undefined;

/** What decideOnPosition needs; with a cache when one is given. */
const deciding = (eventStore: EventStore, positionCache?: PositionStateCache) => ({
  eventStore,
  ids: createUlidGenerator(),
  sleep: noSleep,
  ...(positionCache ? { positionCache } : {}),
});
const readFrom = (read: { after: StreamPosition | undefined }) => (read.after ? read.after.commit : 'whole');

/** What a stream holds, without the ids and times that differ between two runs. */
const meaning = (events: readonly DomainEvent[]) =>
  events.map((event) => ({ type: event.type, version: event.version, data: event.data }));

describe('PositionStateCache: decisions read only the commits after the cached fold', () => {
  it('reads the whole stream once, then only what others wrote after its own commits', async () => {
    const inner = new MemoryEventStore();
    const { store, reads } = recordingReads(inner);
    const deps = deciding(store, new PositionStateCache());
    const dates = ['2025-10-01', '2025-10-10', '2025-10-20', '2025-10-30'];
    for (const [index, statedAt] of dates.entries()) {
      await decideOnPosition(
        deps,
        applyCommand(aStatement({ documentId: `doc-${index}`, statedAt, polarity: index % 2 ? 'support' : 'oppose' })),
      );
    }
    // The cache holds the fold after each decision's own commit: the next read starts after it.
    expect(reads.map(readFrom)).toEqual(['whole', 1, 2, 3]);
    expect(reads.map((read) => read.events)).toEqual([0, 0, 0, 0]);
    expect((await inner.readStream(STREAM)).events.filter((e) => e.type === 'ContradictionDetected')).toHaveLength(3);
  });

  it("sees another writer's commits in the tail it reads", async () => {
    const inner = new MemoryEventStore();
    const cached = deciding(inner, new PositionStateCache());
    const other = deciding(inner);
    await decideOnPosition(
      cached,
      applyCommand(aStatement({ documentId: 'a', statedAt: '2025-10-01', polarity: 'oppose' })),
    );
    // Another projector (no shared cache) moves the position meanwhile.
    await decideOnPosition(
      other,
      applyCommand(aStatement({ documentId: 'b', statedAt: '2025-10-05', polarity: 'support' })),
    );
    const outcome = await decideOnPosition(
      cached,
      applyCommand(aStatement({ documentId: 'c', statedAt: '2025-10-09', polarity: 'support' })),
    );
    // Support after support: a reaffirmation, which only a state that saw document b can tell.
    expect(outcome.events.map((event) => event.type)).toEqual(['PositionReaffirmed']);
  });

  it('after a conflict, the retry reads only the commits after the cached fold (stored commits never change)', async () => {
    const inner = new MemoryEventStore();
    const { store, reads } = recordingReads(inner);
    const deps = deciding(store, new PositionStateCache());
    await decideOnPosition(deps, applyCommand(aStatement({ documentId: 'a', statedAt: '2025-10-01' })));
    inner.conflictsToInject = 1;
    const outcome = await decideOnPosition(
      deps,
      applyCommand(aStatement({ documentId: 'b', statedAt: '2025-10-02', polarity: 'support' })),
    );
    expect(outcome.attempts).toBe(2);
    expect(reads.map(readFrom)).toEqual(['whole', 1, 1]);
  });

  it('keeps at most the statements it was sized for, dropping the least recently used streams', async () => {
    const inner = new MemoryEventStore();
    const positionCache = new PositionStateCache({ maxStatements: 4 });
    const deps = deciding(inner, positionCache);
    for (const actor of ['ukraine', 'russia', 'hungary']) {
      await decideOnPosition(deps, applyCommand(aStatement({ actor, documentId: `doc-${actor}` })));
    }
    // Each entry is the fold after the stream's first commit (one statement, size 2): the last two fit.
    expect(positionCache.size).toBe(2);
    expect(positionCache.get(positionStreamId('ukraine', 'territory', 'cede-territory'))).toBeUndefined();
  });

  it('holds a fold larger than its whole budget apart, so a huge position is not read again', async () => {
    const inner = new MemoryEventStore();
    const { store, reads } = recordingReads(inner);
    const positionCache = new PositionStateCache({ maxStatements: 3, maxLargeFolds: 1 });
    const deps = deciding(store, positionCache);
    for (let day = 1; day <= 6; day++) {
      const statedAt = `2025-10-${String(day).padStart(2, '0')}`;
      await decideOnPosition(deps, applyCommand(aStatement({ documentId: `doc-${day}`, statedAt })));
    }
    // Six statements, twice the budget: still cached, so no decision read more than the first.
    expect(reads.map(readFrom)).toEqual(['whole', 1, 2, 3, 4, 5]);
    expect(positionCache.get(STREAM)?.state.statements.size).toBe(6);
    // Small streams still fit beside it; a second large fold takes the place of the first.
    await decideOnPosition(deps, applyCommand(aStatement({ actor: 'russia', documentId: 'doc-r' })));
    expect(positionCache.size).toBe(2);
    for (let day = 1; day <= 4; day++) {
      await decideOnPosition(
        deps,
        applyCommand(aStatement({ actor: 'hungary', documentId: `doc-h${day}`, statedAt: `2025-11-0${day}` })),
      );
    }
    expect(positionCache.get(STREAM)).toBeUndefined();
    expect(positionCache.get(positionStreamId('hungary', 'territory', 'cede-territory'))?.state.statements.size).toBe(
      4,
    );
  });

  it('decides exactly as a projector without the cache, whatever the history and the interleaving', async () => {
    await fc.assert(
      fc.asyncProperty(
        statementsArbitrary({
          maxLength: 12,
          actors: ['ukraine', 'russia'],
          propositions: ['cede-territory', 'venue:belarus'],
        }),
        fc.array(fc.record({ index: fc.nat(), byOther: fc.boolean() }), { minLength: 1, maxLength: 30 }),
        async (statements, steps) => {
          const withCache = new MemoryEventStore();
          const without = new MemoryEventStore();
          const positionCache = new PositionStateCache({ maxStatements: 6 });
          const ids = createUlidGenerator();
          const live = new Set<string>();
          for (const step of steps) {
            const statement = statements[step.index % statements.length] as ExtractedData;
            const command = live.has(statement.statementId) ? withdrawCommand(statement) : applyCommand(statement);
            if (!live.delete(statement.statementId)) live.add(statement.statementId);
            // byOther: a second projector with no cache writes this one to the cached store.
            await decideOnPosition(
              { eventStore: withCache, ids, sleep: noSleep, ...(step.byOther ? {} : { positionCache }) },
              command,
            );
            await decideOnPosition({ eventStore: without, ids, sleep: noSleep }, command);
          }
          const streams = new Set(without.log.map((commit) => commit.streamId));
          for (const streamId of streams) {
            expect(meaning((await withCache.readStream(streamId)).events)).toEqual(
              meaning((await without.readStream(streamId)).events),
            );
          }
          expect(withCache.log.length).toBe(without.log.length);
        },
      ),
      { numRuns: 150 },
    );
  });
});
