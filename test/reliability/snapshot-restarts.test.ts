import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import { openStancewatch } from '../../shared/wiring/embedded';
import { alertOnNamedSpeech } from '../support/alert-on-named-speech';
import { scanAll } from '../support/canonical-state';
import { folderState } from '../support/crash-loop';
import { fixedScoringExtractor } from '../support/fixed-scoring';
import { quietOutbox, reliabilityWorkload, runEmbeddedPipeline } from '../support/reliability-pipeline';
import { temporaryDirectory } from '../support/run-cli';

/**
 * The embedded runtime with a position snapshot every 2 commits, stopped and started again on its
 * data folder every few documents (each start a cold projector that begins from the snapshots on
 * disk), ends in the state of one uninterrupted run without snapshots: the same log, views and
 * alerts.
 */
describe('embedded runtime with snapshots and restarts', () => {
  alertOnNamedSpeech();

  it('ends in the state of an uninterrupted run without snapshots', async () => {
    const documents = reliabilityWorkload({ generated: 12, seed: 7 });
    const reference = await runEmbeddedPipeline({
      directory: temporaryDirectory(),
      documents,
      extractor: fixedScoringExtractor(),
    });

    const dataDir = join(temporaryDirectory(), 'data');
    let snapshotItems = 0;
    for (let start = 0; start < documents.length; start += 4) {
      const folder = new DataFolder(dataDir);
      const stancewatch = await openStancewatch({
        folder,
        extractor: fixedScoringExtractor(),
        notifier: quietOutbox(folder.root),
        snapshotEvery: 2,
      });
      try {
        for (const document of documents.slice(start, start + 4)) await stancewatch.ingest(document);
        await stancewatch.drain();
        const items = await scanAll(stancewatch.client, stancewatch.tables.events);
        snapshotItems = items.filter((item) => String(item.pk).startsWith('snapshot/')).length;
      } finally {
        await stancewatch.close();
      }
    }
    expect(snapshotItems).toBeGreaterThan(0);
    expect(await folderState(dataDir)).toEqual(reference.state);
  }, 180_000);
});
