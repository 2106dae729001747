import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';
import { memoryPipeline } from '../../../support/memory-pipeline';

const examples = readFileSync(new URL('../../../../examples/documents.jsonl', import.meta.url), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as { id: string; title: string; publishedAt: string; text: string });

describe('examples/documents.jsonl through the rules extractor', () => {
  it('marks every document after the reference date as fictional', () => {
    for (const document of examples.filter((example) => example.publishedAt > '2025-10-28')) {
      expect(document.title).toMatch(/^FICTIONAL SCENARIO/);
      expect(document.text).toMatch(/^FICTIONAL SCENARIO/);
    }
  });

  it('shows Ukraine contradicting itself on territory and on venues, one alert each, none again on re-ingest', async () => {
    const pipeline = memoryPipeline(createRulesExtractor());
    for (const document of examples) await pipeline.ingest(document);
    await pipeline.drain();

    const { items } = await pipeline.views.listContradictions();
    expect(items.map((view) => [view.actor, view.proposition, view.earlier.statedAt, view.later.statedAt])).toEqual([
      ['ukraine', 'venue:hungary', '2025-10-28', '2026-01-15'],
      ['ukraine', 'venue:belarus', '2025-10-28', '2026-01-15'],
      ['ukraine', 'cede-territory', '2025-10-28', '2025-12-04'],
    ]);
    expect(pipeline.sent.map((message) => message.subject).sort()).toEqual([
      'Ukraine contradicts itself on territory',
      'Ukraine contradicts itself on venue',
      'Ukraine contradicts itself on venue',
    ]);

    // The late report (dated 2025-11-20, ingested last) lands inside the territory flip: no new alert.
    const timeline = await pipeline.views.getTimeline({ actor: 'ukraine', topic: 'territory' });
    expect(timeline.items.find((entry) => entry.statedAt === '2025-11-20')).toMatchObject({
      polarity: 'oppose',
      effect: 'reaffirmed',
      contradictionIds: [],
    });
    // Hearsay is in Russia's timeline, marked, and moves nothing.
    expect((await pipeline.views.getTimeline({ actor: 'russia', topic: 'ceasefire' })).items).toMatchObject([
      { hearsay: true, reportedBy: 'united-states' },
    ]);
    expect((await pipeline.views.listPositions({ actor: 'russia', topic: 'ceasefire' })).items).toEqual([]);

    for (const document of examples) expect((await pipeline.ingest(document)).duplicate).toBe(true);
    await pipeline.drain();
    expect(pipeline.sent).toHaveLength(3);
  });
});
