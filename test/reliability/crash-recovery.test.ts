import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertOnNamedSpeech } from '../support/alert-on-named-speech';
import { summarise } from '../support/canonical-state';
import { folderState, ingestWithCrashes } from '../support/crash-loop';
import { reliabilityWorkload, runEmbeddedPipeline } from '../support/reliability-pipeline';
import { temporaryDirectory } from '../support/run-cli';

/**
 * Issue 7, item 2: `stancewatch ingest` of a batch, SIGKILLed at random points of its work and
 * started again on the same data folder, then run to completion, ends in the state of an
 * uninterrupted run: the same event log, claims and views, and every contradiction alerted. An
 * alert may go out twice when a kill lands between writing it to the outbox and recording
 * AlertPublished (the documented at-least-once window), never more often than there were kills.
 * The long version with many more kills is crash-recovery.slow.test.ts.
 */
describe('crash in the middle of an ingest', () => {
  alertOnNamedSpeech();

  it('ends, after SIGKILLs and a restart, in the state of an uninterrupted run', async () => {
    const documents = reliabilityWorkload({ generated: 10, seed: 31 });
    const directory = temporaryDirectory();
    const batchPath = join(directory, 'batch.jsonl');
    writeFileSync(batchPath, `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`);

    // The uninterrupted run: the same composition as the CLI (data folder, rules, outbox).
    const reference = await runEmbeddedPipeline({ directory: temporaryDirectory(), documents });

    const dataDir = join(directory, 'data');
    // Kill points: within the first half of the work an uninterrupted run does after opening the
    // store, so that each kill lands while documents are still being ingested or projected.
    const work = reference.milliseconds;
    const { attempts, final } = await ingestWithCrashes({
      batchPath,
      dataDir,
      kills: 2,
      seed: 4,
      fromMs: 0.1 * work,
      toMs: 0.5 * work,
    });
    expect(final.code, final.stderr).toBe(0);
    const recovered = await folderState(dataDir);

    expect(recovered.log).toEqual(reference.state.log);
    expect(recovered.claims).toEqual(reference.state.claims);
    expect(recovered.views).toEqual(reference.state.views);
    expect(recovered.lists).toEqual(reference.state.lists);
    expect(recovered.outbox).toEqual(reference.state.outbox);
    const kills = attempts.filter((attempt) => attempt.killed).length;
    expect(kills).toBeGreaterThanOrEqual(1);
    const duplicates = Object.values(recovered.outboxCounts).reduce((sum, count) => sum + count - 1, 0);
    expect(duplicates).toBeLessThanOrEqual(kills);
    expect(summarise(reference.state).contradictionsAlerted).toBeGreaterThanOrEqual(3);
    console.info(
      `crash recovery: ${kills} of ${attempts.length} runs killed at ` +
        `${attempts.map((attempt) => `${Math.round(attempt.startupMs)}+${attempt.killAfterMs} ms`).join(', ')}; ` +
        `${duplicates} duplicate alert(s)`,
    );
  }, 240_000);
});
