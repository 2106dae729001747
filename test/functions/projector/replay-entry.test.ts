import type { Context } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { withReplay } from '../../../functions/projector/replay-entry';
import type { ReplaySummary } from '../../../shared/application/replay-projections';
import {
  memoryPipeline,
  stubExtractor,
  UKRAINE_COULD_CEDE,
  UKRAINE_REFUSES_TO_CEDE,
} from '../../support/memory-pipeline';
import { MemoryViewStore } from '../../support/memory-view-store';

const documents = Array.from({ length: 6 }, (_, index) => ({
  id: `doc-${index}`,
  publishedAt: `2025-1${index % 3}-0${index + 1}`,
  text: `${index % 2 === 0 ? 'Zelensky said Ukraine will not withdraw.' : 'Zelensky said Ukraine could give up land.'} (${index})`,
}));

/** A Lambda context whose remaining time runs down by `step` ms each time it is asked. */
const contextRunningDown = (startMs: number, step: number): Context =>
  ({
    getRemainingTimeInMillis: (() => {
      let remaining = startMs + step;
      return () => (remaining -= step);
    })(),
  }) as unknown as Context;

describe('projector {"replay"} invocation', () => {
  it('rebuilds views equal to the incremental ones into an empty table, in as many invocations as time allows', async () => {
    const pipeline = memoryPipeline(stubExtractor('1', [UKRAINE_REFUSES_TO_CEDE, UKRAINE_COULD_CEDE]));
    for (const document of documents) await pipeline.ingest(document);
    await pipeline.drain();
    const rebuilt = new MemoryViewStore();
    const streamBatches: unknown[] = [];
    const handler = withReplay(
      async (event: unknown) => {
        streamBatches.push(event);
        return { batchItemFailures: [] };
      },
      { eventStore: pipeline.eventStore, views: rebuilt, pageSize: 3 },
    );

    // 35 s left: one page, then less than the 30 s reserve: stop and say where.
    const invocations: ReplaySummary[] = [];
    let after: string | undefined;
    do {
      const summary = (await handler(
        { replay: after === undefined ? {} : { after } },
        contextRunningDown(35_000, 10_000),
      )) as ReplaySummary;
      invocations.push(summary);
      after = summary.next;
    } while (after !== undefined && invocations.length < 100);

    expect(invocations.length).toBeGreaterThan(2);
    expect(rebuilt.snapshot()).toEqual(pipeline.views.snapshot());
    expect(invocations.reduce((sum, summary) => sum + summary.commits, 0)).toBe(pipeline.eventStore.log.length);
    expect(streamBatches).toEqual([]);
  });

  it('hands anything else to the stream handler', async () => {
    const pipeline = memoryPipeline(stubExtractor('1', [UKRAINE_REFUSES_TO_CEDE]));
    const handler = withReplay(async (event: { Records: unknown[] }) => ({ seen: event.Records.length }), {
      eventStore: pipeline.eventStore,
      views: new MemoryViewStore(),
    });
    expect(await handler({ Records: [1, 2] })).toEqual({ seen: 2 });
  });
});
