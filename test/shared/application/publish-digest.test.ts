import { describe, expect, it } from 'vitest';
import { MemoryNotifier } from '../../../shared/adapters/embedded/memory-notifier';
import { publishDigest } from '../../../shared/application/publish-digest';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import { memoryPipeline, type StubRule, stubExtractor } from '../../support/memory-pipeline';

const RULES: StubRule[] = [
  { phrase: 'never in Minsk', actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' },
  {
    phrase: 'talks in Minsk',
    actor: 'ukraine',
    topic: 'venue',
    proposition: 'venue:belarus',
    polarity: 'support',
    confidence: 0.66,
  },
  { phrase: 'a truce only if', actor: 'russia', topic: 'ceasefire', proposition: 'ceasefire', polarity: 'conditional' },
  { phrase: 'a truce now', actor: 'russia', topic: 'ceasefire', proposition: 'ceasefire', polarity: 'support' },
];

async function given(texts: Array<[string, string, string]>) {
  const pipeline = memoryPipeline(stubExtractor('1', RULES));
  for (const [id, publishedAt, text] of texts) await pipeline.ingest({ id, publishedAt, text });
  await pipeline.drain();
  const notifier = new MemoryNotifier(createUlidGenerator());
  // The fixed clock of the pipeline recorded everything "now": the digest looks back a day from then.
  return { pipeline, notifier, deps: { views: pipeline.views, notifier, clock: pipeline.clock } };
}

describe('the daily digest', () => {
  it('given a possible contradiction and a shift, then one message lists both (shifts only when opted in)', async () => {
    const { notifier, deps } = await given([
      ['june', '2026-06-01', 'The minister said never in Minsk. Moscow offered a truce only if Kyiv withdrew.'],
      ['october', '2026-10-01', 'Aides floated talks in Minsk. The Kremlin called for a truce now.'],
    ]);
    const withShifts = await publishDigest(deps, { includeShifts: true });
    expect(withShifts).toMatchObject({ status: 'published', possible: 1, shifts: 1 });
    const [message] = notifier.sent;
    expect(message?.subject).toMatch(/^stancewatch digest \d{4}-\d{2}-\d{2}: 1 to review, 1 shift$/);
    expect(message?.body).toContain('POSSIBLE CONTRADICTIONS WAITING FOR REVIEW (1)');
    expect(message?.body).toContain('Russia on ceasefire: conditional -> support');
    expect(message?.attributes.severity).toBe('low');

    const without = await publishDigest(deps, { includeShifts: false });
    expect(without).toMatchObject({ status: 'published', possible: 1, shifts: 0 });
    expect(notifier.sent[1]?.body).not.toContain('SHIFTS');
  });

  it('given a quiet day, then nothing is sent', async () => {
    const { notifier, deps } = await given([['june', '2026-06-01', 'The minister said never in Minsk.']]);
    expect(await publishDigest(deps, { includeShifts: true })).toEqual({ status: 'nothing-new' });
    expect(notifier.sent).toEqual([]);
  });

  it('given only contradictions older than the window, then nothing is sent', async () => {
    const { deps, notifier } = await given([
      ['june', '2026-06-01', 'The minister said never in Minsk.'],
      ['october', '2026-10-01', 'Aides floated talks in Minsk.'],
    ]);
    const tomorrow = { now: () => new Date(deps.clock.now().getTime() + 2 * 86_400_000) };
    expect(await publishDigest({ ...deps, clock: tomorrow }, { includeShifts: true })).toEqual({
      status: 'nothing-new',
    });
    expect(notifier.sent).toEqual([]);
  });
});
