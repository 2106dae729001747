import { describe, expect, it } from 'vitest';
import { reextractDocuments } from '../../../shared/application/reextract-documents';
import { rejectStatement } from '../../../shared/application/reject-statement';
import { reviewContradiction } from '../../../shared/application/review-contradiction';
import { NotFoundError } from '../../../shared/errors';
import { memoryPipeline, type StubRule, stubExtractor } from '../../support/memory-pipeline';

/** Said plainly by Kyiv: a confident reading. */
const NOT_MINSK: StubRule = {
  phrase: 'not in Minsk',
  actor: 'ukraine',
  topic: 'venue',
  proposition: 'venue:belarus',
  polarity: 'oppose',
};
/** A doubtful reading (confidence below the strength policy's 0.7): any contradiction on it is only possible. */
const MINSK_DOUBTFUL: StubRule = {
  phrase: 'talks in Minsk',
  actor: 'ukraine',
  topic: 'venue',
  proposition: 'venue:belarus',
  polarity: 'support',
  confidence: 0.66,
};
const MINSK_CONFIDENT: StubRule = { ...MINSK_DOUBTFUL, confidence: 0.9 };

const june = {
  id: 'june',
  publishedAt: '2026-06-01',
  text: 'The minister said talks could happen anywhere, but not in Minsk.',
};
const october = {
  id: 'october',
  publishedAt: '2026-10-01',
  text: 'The minister said Kyiv was open to talks in Minsk.',
};

async function givenAPossibleContradiction() {
  const pipeline = memoryPipeline(stubExtractor('1', [NOT_MINSK, MINSK_DOUBTFUL]));
  await pipeline.ingest(june);
  await pipeline.ingest(october);
  await pipeline.drain();
  const review = { eventStore: pipeline.eventStore, views: pipeline.views, ids: pipeline.ids, clock: pipeline.clock };
  return { pipeline, review };
}

describe('the review flow', () => {
  it('given a possible contradiction, then nothing is sent and it waits in the review queue', async () => {
    const { pipeline } = await givenAPossibleContradiction();
    const queue = await pipeline.views.listReviewQueue();
    expect(queue.items).toHaveLength(1);
    expect(queue.items[0]).toMatchObject({ actor: 'ukraine', proposition: 'venue:belarus', strength: 'possible' });
    expect(pipeline.sent).toHaveLength(0);
  });

  it('when an analyst confirms it, then its alert goes out exactly once and it leaves the queue', async () => {
    const { pipeline, review } = await givenAPossibleContradiction();
    const [waiting] = (await pipeline.views.listReviewQueue()).items;
    const first = await reviewContradiction(review, { contradictionId: waiting!.id, verdict: 'confirm', by: 'alice' });
    expect(first.recorded).toBe(true);
    await pipeline.drain();
    const again = await reviewContradiction(review, { contradictionId: waiting!.id, verdict: 'confirm', by: 'alice' });
    expect(again.recorded).toBe(false);
    await pipeline.drain();
    expect(pipeline.sent.map((message) => message.contradictionId)).toEqual([waiting!.id]);
    expect((await pipeline.views.listReviewQueue()).items).toEqual([]);
    expect(await pipeline.views.getContradiction(waiting!.id)).toMatchObject({
      verdict: { kind: 'confirmed', by: 'alice' },
    });
  });

  it('when it is dismissed, then it never alerts: not on re-ingest, not after a re-extraction that finds it again', async () => {
    const { pipeline, review } = await givenAPossibleContradiction();
    const [waiting] = (await pipeline.views.listReviewQueue()).items;
    await reviewContradiction(review, {
      contradictionId: waiting!.id,
      verdict: 'dismiss',
      reason: 'misread-statement',
      by: 'bob',
    });
    await pipeline.drain();
    await pipeline.ingest(october);
    // One codebook loses the October reading (the contradiction is voided), the next reads it again,
    // confidently: the same statement and contradiction ids, now a strong contradiction.
    await reextractDocuments({ ...review, extractor: stubExtractor('2', [NOT_MINSK]) });
    await pipeline.drain();
    expect(await pipeline.views.getContradiction(waiting!.id)).toMatchObject({ status: 'withdrawn' });
    await reextractDocuments({ ...review, extractor: stubExtractor('3', [NOT_MINSK, MINSK_CONFIDENT]) });
    await pipeline.drain();
    expect(await pipeline.views.getContradiction(waiting!.id)).toMatchObject({ status: 'active', strength: 'strong' });
    expect(pipeline.sent).toHaveLength(0);
    expect((await pipeline.views.listReviewQueue()).items).toEqual([]);
  });

  it('when a statement is rejected, then it leaves the position, its contradiction is void, and re-extraction does not bring it back', async () => {
    const { pipeline, review } = await givenAPossibleContradiction();
    const [waiting] = (await pipeline.views.listReviewQueue()).items;
    const later = waiting!.later;
    expect(
      await rejectStatement(review, { documentId: later.documentId, statementId: later.statementId, by: 'bob' }),
    ).toEqual({ recorded: true });
    await pipeline.drain();
    const positions = await pipeline.views.listPositions({ actor: 'ukraine' });
    expect(positions.items.map((position) => position.polarity)).toEqual(['oppose']);
    expect(await pipeline.views.getContradiction(waiting!.id)).toMatchObject({ status: 'withdrawn' });
    expect((await pipeline.views.listReviewQueue()).items).toEqual([]);

    const summary = await reextractDocuments({ ...review, extractor: stubExtractor('2', [NOT_MINSK, MINSK_DOUBTFUL]) });
    await pipeline.drain();
    expect(summary.corrected).toEqual([]);
    expect((await pipeline.views.listPositions({ actor: 'ukraine' })).items.map((p) => p.polarity)).toEqual(['oppose']);
    const timeline = await pipeline.views.getTimeline({ actor: 'ukraine', topic: 'venue' });
    expect(timeline.items.find((entry) => entry.statementId === later.statementId)).toMatchObject({
      rejected: { by: 'bob' },
      withdrawn: true,
    });
    expect(
      await rejectStatement(review, { documentId: later.documentId, statementId: later.statementId, by: 'bob' }),
    ).toEqual({ recorded: false });
  });

  it('answers an unknown contradiction or statement with NotFoundError and writes nothing', async () => {
    const { pipeline, review } = await givenAPossibleContradiction();
    const before = pipeline.eventStore.log.length;
    await expect(
      reviewContradiction(review, { contradictionId: 'ctr-nope', verdict: 'confirm', by: 'a' }),
    ).rejects.toThrow(NotFoundError);
    await expect(rejectStatement(review, { documentId: 'june', statementId: 'st-nope', by: 'a' })).rejects.toThrow(
      NotFoundError,
    );
    expect(pipeline.eventStore.log.length).toBe(before);
  });
});
