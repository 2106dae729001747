import { describe, expect, it } from 'vitest';
import { reextractDocuments } from '../../../shared/application/reextract-documents';
import { replayProjections } from '../../../shared/application/replay-projections';
import { documentStreamId } from '../../../shared/domain/stream-ids';
import { NotFoundError } from '../../../shared/errors';
import { memoryPipeline, type StubRule, stubExtractor } from '../../support/memory-pipeline';
import { MemoryViewStore } from '../../support/memory-view-store';

const REFUSES: StubRule = {
  phrase: 'will not withdraw from any more territory',
  actor: 'ukraine',
  topic: 'territory',
  proposition: 'cede-territory',
  polarity: 'oppose',
};
const CEDES: StubRule = {
  phrase: 'could give up part of Donetsk',
  actor: 'ukraine',
  topic: 'territory',
  proposition: 'cede-territory',
  polarity: 'support',
};
/** A misreading the first codebook makes and the second corrects. */
const MISREAD_CEASEFIRE: StubRule = {
  phrase: 'ceasefire',
  actor: 'ukraine',
  topic: 'ceasefire',
  proposition: 'ceasefire',
  polarity: 'oppose',
};
const NOT_BELARUS: StubRule = {
  phrase: 'not in Minsk',
  actor: 'ukraine',
  topic: 'venue',
  proposition: 'venue:belarus',
  polarity: 'oppose',
};
const MINSK: StubRule = {
  phrase: 'talks in Minsk',
  actor: 'ukraine',
  topic: 'venue',
  proposition: 'venue:belarus',
  polarity: 'support',
};

const october = {
  id: 'kyiv-2025-10-28',
  title: 'Kyiv holds the line',
  source: 'Example Wire',
  publishedAt: '2025-10-28',
  text: 'Zelensky said Ukraine will not withdraw from any more territory. Talks could happen anywhere, but not in Minsk.',
};
const february = {
  id: 'fictional-2026-02-03',
  title: 'FICTIONAL SCENARIO: Kyiv softens',
  source: 'Example Wire',
  publishedAt: '2026-02-03',
  text: 'Zelensky said Ukraine could give up part of Donetsk. He would accept talks in Minsk. A ceasefire was discussed.',
};

describe('reextractDocuments', () => {
  it('appends corrections, heals positions, alerts a newly found contradiction once and never re-sends the old one', async () => {
    const pipeline = memoryPipeline(stubExtractor('1', [REFUSES, CEDES, MISREAD_CEASEFIRE]));
    await pipeline.ingest(october);
    await pipeline.ingest(february);
    await pipeline.drain();
    expect(pipeline.sent.map((message) => message.subject)).toEqual(['Ukraine contradicts itself on territory']);
    expect((await pipeline.views.listPositions({ actor: 'ukraine', topic: 'ceasefire' })).items).toHaveLength(1);

    // The codebook learns venues and stops misreading "ceasefire" as a stance.
    pipeline.extractor = stubExtractor('2', [REFUSES, CEDES, NOT_BELARUS, MINSK]);
    const summary = await reextractDocuments(pipeline);
    expect(summary).toMatchObject({
      documents: 2,
      corrected: [
        { documentId: 'kyiv-2025-10-28', retracted: 0, extracted: 1 },
        { documentId: 'fictional-2026-02-03', retracted: 1, extracted: 1 },
      ],
      failed: [],
      extractorVersion: 'stub@2',
    });
    const stream = await pipeline.eventStore.readStream(documentStreamId('fictional-2026-02-03'));
    expect(stream.events.slice(-2).map((event) => event.type)).toEqual(['StatementRetracted', 'StatementExtracted']);

    await pipeline.drain();
    expect(pipeline.sent.map((message) => message.subject)).toEqual([
      'Ukraine contradicts itself on territory',
      'Ukraine contradicts itself on venue',
    ]);
    expect((await pipeline.views.listPositions({ actor: 'ukraine', topic: 'ceasefire' })).items).toEqual([]);
    const timeline = await pipeline.views.getTimeline({ actor: 'ukraine', topic: 'ceasefire' });
    expect(timeline.items).toMatchObject([
      { retracted: true, withdrawn: true, retractionReason: expect.stringContaining('stub@2') },
    ]);

    // Running it again finds nothing to correct and sends nothing.
    expect((await reextractDocuments(pipeline)).corrected).toEqual([]);
    await pipeline.drain();
    expect(pipeline.sent).toHaveLength(2);

    // And replay rebuilds exactly these views, sending nothing.
    const rebuilt = new MemoryViewStore();
    await replayProjections({ eventStore: pipeline.eventStore, views: rebuilt });
    expect(rebuilt.snapshot()).toEqual(pipeline.views.snapshot());
    expect(pipeline.sent).toHaveLength(2);
  });

  it('does not re-alert when a retracted statement comes back and re-forms the same contradiction', async () => {
    const pipeline = memoryPipeline(stubExtractor('1', [REFUSES, CEDES]));
    await pipeline.ingest(october);
    await pipeline.ingest(february);
    await pipeline.drain();
    pipeline.extractor = stubExtractor('2', [REFUSES]);
    await reextractDocuments(pipeline);
    await pipeline.drain();
    expect((await pipeline.views.listContradictions()).items).toEqual([]);
    expect((await pipeline.views.listContradictions({ includeWithdrawn: true })).items).toMatchObject([
      { status: 'withdrawn' },
    ]);

    pipeline.extractor = stubExtractor('3', [REFUSES, CEDES]);
    await reextractDocuments(pipeline);
    await pipeline.drain();
    expect((await pipeline.views.listContradictions()).items).toMatchObject([{ status: 'active' }]);
    expect(pipeline.sent).toHaveLength(1);
  });

  it('only touches the documents asked for, and reports a failing extractor without stopping', async () => {
    const pipeline = memoryPipeline(stubExtractor('1', [REFUSES]));
    await pipeline.ingest(october);
    await pipeline.ingest(february);
    pipeline.extractor = stubExtractor('2', [REFUSES, CEDES]);
    const some = await reextractDocuments(pipeline, { documentIds: ['fictional-2026-02-03'] });
    expect(some.corrected).toEqual([{ documentId: 'fictional-2026-02-03', retracted: 0, extracted: 1 }]);

    pipeline.extractor = {
      name: 'broken',
      extract: async () => {
        throw new Error('model unavailable');
      },
    };
    const broken = await reextractDocuments(pipeline);
    expect(broken.failed).toEqual([
      { documentId: 'kyiv-2025-10-28', error: 'model unavailable' },
      { documentId: 'fictional-2026-02-03', error: 'model unavailable' },
    ]);
  });

  it('refuses unknown document ids, naming each, before extracting or writing anything', async () => {
    const pipeline = memoryPipeline(stubExtractor('1', [REFUSES]));
    await pipeline.ingest(october);
    const before = await pipeline.eventStore.readAll({ limit: 100 });
    let extracted = 0;
    pipeline.extractor = {
      name: 'counting',
      extract: async (input) => {
        extracted++;
        return stubExtractor('2', [REFUSES, CEDES]).extract(input);
      },
    };

    const refused = reextractDocuments(pipeline, { documentIds: ['kyiv-2025-10-28', 'nope', 'nor-this'] });
    await expect(refused).rejects.toThrow(NotFoundError);
    await expect(refused).rejects.toThrow('unknown documents nope, nor-this: nothing was re-extracted');
    expect(extracted).toBe(0);
    expect(await pipeline.eventStore.readAll({ limit: 100 })).toEqual(before);

    const known = await reextractDocuments(pipeline, { documentIds: ['kyiv-2025-10-28', 'kyiv-2025-10-28'] });
    expect(known.documents).toBe(1);
    expect(extracted).toBe(1);
  });
});
