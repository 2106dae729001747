import { describe, expect, it } from 'vitest';
import { decideOnPosition } from '../../../shared/application/decide-position';
import { projectCommit } from '../../../shared/application/project-commit';
import { positionStreamId } from '../../../shared/domain/stream-ids';
import { isConcurrencyError } from '../../../shared/errors';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { MemoryEventStore } from '../../support/memory-event-store';
import { MemoryViewStore } from '../../support/memory-view-store';
import { appendToDocument, ingestEvents } from '../../support/position-scenarios';
import { applyCommand, aStatement } from '../../support/statement-factory';

function setup() {
  const eventStore = new MemoryEventStore();
  const views = new MemoryViewStore();
  const deps = { eventStore, views, ids: createUlidGenerator(), sleep: async () => undefined };
  let delivered = 0;
  const drain = async () => {
    while (delivered < eventStore.log.length) {
      const commit = eventStore.log[delivered++];
      if (commit) await projectCommit(deps, commit);
    }
  };
  const contradictions = () =>
    eventStore.log.flatMap((commit) => commit.events).filter((event) => event.type === 'ContradictionDetected');
  return { eventStore, views, deps, drain, contradictions };
}

describe('projectCommit: statements go to their own actor × proposition stream', () => {
  it('never finds a contradiction between different actors', async () => {
    const { eventStore, drain, contradictions } = setup();
    const ukraine = aStatement({ documentId: 'd1', polarity: 'oppose' });
    const russia = aStatement({ documentId: 'd2', actor: 'russia', statedAt: '2025-11-20', polarity: 'support' });
    await appendToDocument(eventStore, 'd1', ingestEvents('d1', [ukraine]));
    await appendToDocument(eventStore, 'd2', ingestEvents('d2', [russia], '2025-11-20'));
    await drain();
    expect(contradictions()).toEqual([]);
    expect((await eventStore.readStream(positionStreamId('russia', 'territory', 'cede-territory'))).version).toBe(1);
  });

  it('never finds one between propositions: venue:any support next to venue:belarus oppose in the same breath', async () => {
    const { eventStore, views, drain, contradictions } = setup();
    const anywhere = aStatement({
      documentId: 'd1',
      topic: 'venue',
      proposition: 'venue:any',
      polarity: 'support',
      sentenceIndex: 2,
    });
    const notBelarus = aStatement({
      documentId: 'd1',
      topic: 'venue',
      proposition: 'venue:belarus',
      polarity: 'oppose',
      sentenceIndex: 2,
    });
    const minskLater = aStatement({
      documentId: 'd2',
      topic: 'venue',
      proposition: 'venue:belarus',
      polarity: 'support',
      statedAt: '2025-12-01',
    });
    await appendToDocument(eventStore, 'd1', ingestEvents('d1', [anywhere, notBelarus]));
    await drain();
    expect(contradictions()).toEqual([]);
    await appendToDocument(eventStore, 'd2', ingestEvents('d2', [minskLater], '2025-12-01'));
    await drain();
    expect(contradictions().map((event) => event.type === 'ContradictionDetected' && event.data.proposition)).toEqual([
      'venue:belarus',
    ]);
    expect(
      (await views.listPositions({ actor: 'ukraine', topic: 'venue' })).items.map((view) => [
        view.proposition,
        view.polarity,
      ]),
    ).toEqual([
      ['venue:any', 'support'],
      ['venue:belarus', 'support'],
    ]);
  });

  it('keeps hearsay in the timeline, marked, without touching the position stream', async () => {
    const { eventStore, views, drain } = setup();
    const hearsay = aStatement({
      documentId: 'd1',
      actor: 'russia',
      reportedBy: 'united-states',
      attribution: 'reported',
      topic: 'ceasefire',
      proposition: 'ceasefire',
    });
    await appendToDocument(eventStore, 'd1', ingestEvents('d1', [hearsay]));
    await drain();
    expect((await eventStore.readStream(positionStreamId('russia', 'ceasefire', 'ceasefire'))).version).toBe(0);
    expect((await views.getTimeline({ actor: 'russia', topic: 'ceasefire' })).items).toMatchObject([
      { hearsay: true, reportedBy: 'united-states', evidenceOnly: 'hearsay', withdrawn: false },
    ]);
    expect((await views.listPositions()).items).toEqual([]);
  });
});

describe('decideOnPosition: optimistic concurrency', () => {
  it('reloads and decides again when another writer moved the stream, then appends once', async () => {
    const eventStore = new MemoryEventStore();
    eventStore.conflictsToInject = 3;
    const outcome = await decideOnPosition(
      { eventStore, ids: createUlidGenerator(), sleep: async () => undefined },
      applyCommand(aStatement()),
    );
    expect(outcome.attempts).toBe(4);
    expect(outcome.events.map((event) => event.type)).toEqual(['PositionTaken']);
    expect(eventStore.log).toHaveLength(1);
  });

  it('gives up after its attempts and throws the ConcurrencyError, so the record is retried', async () => {
    const eventStore = new MemoryEventStore();
    eventStore.conflictsToInject = 10;
    const error = await decideOnPosition(
      { eventStore, ids: createUlidGenerator(), sleep: async () => undefined, maxAttempts: 3 },
      applyCommand(aStatement()),
    ).catch((caught) => caught);
    expect(isConcurrencyError(error)).toBe(true);
    expect(eventStore.log).toHaveLength(0);
  });

  it('keeps one position gapless and decided once per statement when projectors race', async () => {
    const eventStore = new MemoryEventStore();
    const deps = { eventStore, ids: createUlidGenerator(), sleep: async () => undefined, maxAttempts: 50 };
    const statements = Array.from({ length: 12 }, (_, index) =>
      aStatement({
        documentId: `doc-${index}`,
        statedAt: `2025-11-${String(10 + index)}`,
        polarity: index % 2 ? 'support' : 'oppose',
      }),
    );
    await Promise.all(statements.map((statement) => decideOnPosition(deps, applyCommand(statement))));
    const { events } = await eventStore.readStream(positionStreamId('ukraine', 'territory', 'cede-territory'));
    expect(events.map((event) => event.version)).toEqual(events.map((_, index) => index + 1));
    const moves = events.filter((event) => event.type !== 'ContradictionDetected');
    expect(new Set(moves.map((event) => 'statement' in event.data && event.data.statement.statementId)).size).toBe(12);
  });
});
