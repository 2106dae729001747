import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { alertOnNamedSpeech } from '../support/alert-on-named-speech';
import { folderState, ingestWithCrashes } from '../support/crash-loop';
import { seededRandom } from '../support/fault-injection';
import { reliabilityWorkload, runEmbeddedPipeline } from '../support/reliability-pipeline';
import { runCli, temporaryDirectory } from '../support/run-cli';

/**
 * The long version of crash-recovery.test.ts (npm run test:slow): many batches, each ingested by
 * the CLI and SIGKILLed one to four times at random points of its work, then finished. Each must
 * end in the state of an uninterrupted run. The first round also checks that the in-process
 * reference is what the CLI itself produces without interruption.
 */
const ROUNDS = 12;

describe('crash in the middle of an ingest, many times', () => {
  alertOnNamedSpeech();

  it('the uninterrupted CLI run and the in-process reference agree', async () => {
    const documents = reliabilityWorkload({ generated: 16, seed: 100 });
    const directory = temporaryDirectory();
    const batchPath = join(directory, 'batch.jsonl');
    writeFileSync(batchPath, `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`);
    const reference = await runEmbeddedPipeline({ directory: temporaryDirectory(), documents });
    const cli = await runCli(['ingest', batchPath, '--data', join(directory, 'data'), '--json']);
    expect(cli.code, cli.stderr).toBe(0);
    const state = await folderState(join(directory, 'data'));
    expect(state.log).toEqual(reference.state.log);
    expect(state.views).toEqual(reference.state.views);
    expect(state.lists).toEqual(reference.state.lists);
    expect(state.outbox).toEqual(reference.state.outbox);
  }, 300_000);

  it(`recovers to the uninterrupted state after ${ROUNDS} batches with 1-4 SIGKILLs each`, async () => {
    const random = seededRandom(77);
    const report: string[] = [];
    let totalKills = 0;
    let totalDuplicates = 0;
    for (let round = 0; round < ROUNDS; round++) {
      const documents = reliabilityWorkload({ generated: 12 + Math.floor(random() * 12), seed: 200 + round });
      const directory = temporaryDirectory();
      const batchPath = join(directory, 'batch.jsonl');
      writeFileSync(batchPath, `${documents.map((document) => JSON.stringify(document)).join('\n')}\n`);
      const reference = await runEmbeddedPipeline({ directory: temporaryDirectory(), documents });
      const kills = 1 + Math.floor(random() * 4);
      const dataDir = join(directory, 'data');
      // Kill points spread over the whole run (its later kills often land in the catch-up).
      const { attempts, final } = await ingestWithCrashes({
        batchPath,
        dataDir,
        kills,
        seed: 300 + round,
        fromMs: 0,
        toMs: reference.milliseconds / kills + 200,
      });
      expect(final.code, final.stderr).toBe(0);
      const recovered = await folderState(dataDir);
      expect(recovered.log, `round ${round}`).toEqual(reference.state.log);
      expect(recovered.claims, `round ${round}`).toEqual(reference.state.claims);
      expect(recovered.views, `round ${round}`).toEqual(reference.state.views);
      expect(recovered.lists, `round ${round}`).toEqual(reference.state.lists);
      expect(recovered.outbox, `round ${round}`).toEqual(reference.state.outbox);
      const landed = attempts.filter((attempt) => attempt.killed).length;
      const duplicates = Object.values(recovered.outboxCounts).reduce((sum, count) => sum + count - 1, 0);
      expect(duplicates, `round ${round}`).toBeLessThanOrEqual(landed);
      rmSync(directory, { recursive: true, force: true });
      totalKills += landed;
      totalDuplicates += duplicates;
      report.push(
        `round ${round}: ${documents.length} docs, kills at ${attempts
          .map((attempt) => `${attempt.killAfterMs}${attempt.killed ? '' : '(finished first)'}`)
          .join('/')} ms, ${duplicates} duplicate alert(s)`,
      );
    }
    expect(totalKills).toBeGreaterThanOrEqual(ROUNDS);
    console.info(
      `crash recovery (slow): ${totalKills} SIGKILLs landed over ${ROUNDS} rounds, ${totalDuplicates} duplicate alert(s)\n${report.join('\n')}`,
    );
  }, 1_200_000);
});
