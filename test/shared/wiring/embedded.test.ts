import { describe, expect, it } from 'vitest';
import { ENV, readConfig } from '../../../shared/config';
import { openStancewatch } from '../../../shared/wiring/embedded';

describe('openStancewatch', () => {
  it('builds its extractor from the configuration it is given, and fails before starting on a bad one', async () => {
    await expect(
      openStancewatch({ config: readConfig({ [ENV.codebook]: '/nonexistent/codebook.json' }) }),
    ).rejects.toThrow(/cannot read codebook \/nonexistent\/codebook.json/);

    const store = await openStancewatch({ config: readConfig({}) });
    try {
      expect(store.extractor.name).toBe('rules');
      const outcome = await store.ingest({
        text: 'Ukraine supports the grain corridor.',
        publishedAt: '2026-01-02',
        source: 'test',
      });
      await store.drain();
      expect(outcome.duplicate).toBe(false);
      expect(Array.isArray((await store.views.listPositions({ limit: 5 })).items)).toBe(true);
    } finally {
      await store.close();
    }
  });
});
