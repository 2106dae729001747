import { describe, expect, it } from 'vitest';
import { EffectsWrittenInline } from '../../../shared/application/effects-written-inline';
import { projectCommit } from '../../../shared/application/project-commit';
import type { ViewUpdate } from '../../../shared/domain/positions/view-updates';
import type { StoredCommit } from '../../../shared/ports/event-store';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { MemoryEventStore } from '../../support/memory-event-store';
import { MemoryViewStore } from '../../support/memory-view-store';
import { appendToDocument, ingestEvents } from '../../support/position-scenarios';
import { aStatement } from '../../support/statement-factory';

/** A view store that records each apply() call's update kinds, and can fail the next call. */
class RecordingViews extends MemoryViewStore {
  readonly calls: ViewUpdate['kind'][][] = [];
  failNext = false;
  override async apply(updates: readonly ViewUpdate[]): Promise<void> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('views table unavailable');
    }
    this.calls.push(updates.map((update) => update.kind));
    await super.apply(updates);
  }
}

function setup(effectsWrittenInline?: EffectsWrittenInline) {
  const eventStore = new MemoryEventStore();
  const views = new RecordingViews();
  const deps = {
    eventStore,
    views,
    ids: createUlidGenerator(),
    sleep: async () => undefined,
    ...(effectsWrittenInline ? { effectsWrittenInline } : {}),
  };
  let delivered = 0;
  /** What the outcomes said about the delivered position events' effects, summed. */
  const effects = { skipped: 0, writtenAgain: 0 };
  /** Delivers every commit not yet delivered, as the stream would; a failed commit is delivered again. */
  const drain = async () => {
    while (delivered < eventStore.log.length) {
      const commit = eventStore.log[delivered] as StoredCommit;
      const { timelineEffects } = await projectCommit(deps, commit);
      effects.skipped += timelineEffects.skipped;
      effects.writtenAgain += timelineEffects.writtenAgain;
      delivered++;
    }
  };
  return { eventStore, views, deps, drain, effects };
}

const count = (calls: ViewUpdate['kind'][][], kind: ViewUpdate['kind']) =>
  calls.flat().filter((candidate) => candidate === kind).length;

describe('projectCommit with effectsWrittenInline: one timeline write per statement', () => {
  const first = aStatement({ documentId: 'd1', polarity: 'oppose', statedAt: '2025-11-10' });
  const second = aStatement({ documentId: 'd2', polarity: 'support', statedAt: '2025-11-20', sentenceIndex: 3 });

  it('given a remembering projector, when a document and its position commits are delivered, then each effect is written once, with its statement', async () => {
    const { eventStore, views, drain, effects } = setup(new EffectsWrittenInline());
    await appendToDocument(eventStore, 'd1', ingestEvents('d1', [first]));
    await appendToDocument(eventStore, 'd2', ingestEvents('d2', [second], '2025-11-20'));
    await drain();
    // Delivered: PositionTaken, then PositionChanged with ContradictionDetected; all three already written.
    expect(effects).toEqual({ skipped: 3, writtenAgain: 0 });

    // The document commit's apply carries the statement and its effect together.
    expect(views.calls[0]).toEqual(expect.arrayContaining(['timeline-statement', 'timeline-effect']));
    expect(count(views.calls, 'timeline-effect')).toBe(2);
    // Each side's contradiction link once too: the later one in the same call as its statement.
    expect(count(views.calls, 'timeline-contradiction')).toBe(2);
    expect(views.calls[1]).toEqual(
      expect.arrayContaining(['timeline-statement', 'timeline-effect', 'timeline-contradiction']),
    );
    // The position commits still write what only they write.
    expect(count(views.calls, 'position-offer')).toBe(2);
    expect(count(views.calls, 'contradiction')).toBe(1);
    const timeline = await views.getTimeline({ actor: 'ukraine', topic: 'territory' });
    expect(timeline.items.map((entry) => [entry.statementId, entry.effect, entry.contradictionIds.length])).toEqual([
      [first.statementId, 'taken', 1],
      [second.statementId, 'changed', 1],
    ]);
  });

  it('given another container delivers the position commits, it writes the effects again, and the views are the same', async () => {
    const remembering = setup(new EffectsWrittenInline());
    // Two containers: one decides the documents, another (with its own, empty memory) gets the position commits.
    const forgetting = setup(new EffectsWrittenInline());
    const otherContainer = { ...forgetting.deps, effectsWrittenInline: new EffectsWrittenInline() };
    for (const run of [remembering, forgetting]) {
      await appendToDocument(run.eventStore, 'd1', ingestEvents('d1', [first]));
      await appendToDocument(run.eventStore, 'd2', ingestEvents('d2', [second], '2025-11-20'));
    }
    await remembering.drain();
    const writtenAgain: number[] = [];
    for (let index = 0; index < forgetting.eventStore.log.length; index++) {
      const commit = forgetting.eventStore.log[index] as StoredCommit;
      const outcome = await projectCommit(
        commit.streamId.startsWith('document/') ? forgetting.deps : otherContainer,
        commit,
      );
      expect(outcome.timelineEffects.skipped).toBe(0);
      writtenAgain.push(outcome.timelineEffects.writtenAgain);
    }
    expect(writtenAgain.reduce((sum, value) => sum + value, 0)).toBe(3);
    expect(count(forgetting.views.calls, 'timeline-effect')).toBe(4);
    expect(count(remembering.views.calls, 'timeline-effect')).toBe(2);
    const timelineOf = async (views: MemoryViewStore) =>
      (await views.getTimeline({ actor: 'ukraine', topic: 'territory' })).items;
    expect(await timelineOf(remembering.views)).toEqual(await timelineOf(forgetting.views));
    expect((await remembering.views.listPositions()).items).toEqual((await forgetting.views.listPositions()).items);
    expect((await remembering.views.listContradictions()).items).toEqual(
      (await forgetting.views.listContradictions()).items,
    );
  });

  it('given the view write fails after the decision, when the commit is retried, then the position commit still writes the effect', async () => {
    const { eventStore, views, drain, effects } = setup(new EffectsWrittenInline());
    await appendToDocument(eventStore, 'd1', ingestEvents('d1', [first]));
    views.failNext = true;
    await expect(drain()).rejects.toThrow('views table unavailable');
    await drain();

    // The retry found the statement decided: only the statement; the effect came with the position commit.
    expect(views.calls[0]).not.toContain('timeline-effect');
    expect(count(views.calls, 'timeline-effect')).toBe(1);
    expect(effects).toEqual({ skipped: 0, writtenAgain: 1 });
    const timeline = await views.getTimeline({ actor: 'ukraine', topic: 'territory' });
    expect(timeline.items.map((entry) => entry.effect)).toEqual(['taken']);
  });
});
