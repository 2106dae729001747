import { join } from 'node:path';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import type { Notifier } from '../../shared/ports/notifier';
import { openStancewatch, type Stancewatch } from '../../shared/wiring/embedded';
import { alertOnNamedSpeech } from '../support/alert-on-named-speech';
import { type CanonicalState, canonicalState, readOutbox } from '../support/canonical-state';
import { fixedScoringExtractor } from '../support/fixed-scoring';
import { quietOutbox, reliabilityWorkload, runEmbeddedPipeline } from '../support/reliability-pipeline';
import { runCli, temporaryDirectory } from '../support/run-cli';

/**
 * Issue 16, item 2: nothing dropped silently. The embedded pipeline runs the reliability workload
 * with two bugs: the projector cannot write one actor's timeline (every commit with a statement of
 * that actor fails in the projector), and the alerter cannot send another actor's alerts. Those
 * records are parked, with everything after them in their streams, while every other actor's
 * positions and alerts go through. Then the fixed code (a new process without the bugs) runs
 * `stancewatch redrive`, and the installation ends with the same event log, views and alerts as a
 * clean run.
 *
 * The bug actors are not picked by hand: they are the first and the last (by id) of the actors a
 * clean run alerts (Germany and Ukraine today), and the statements are scored with the tests' fixed
 * confidence (test/support/fixed-scoring.ts), so neither a refit of the shipped weights nor a rule
 * that changes who is alerted leaves the test without an actor for each bug.
 */

/** A bug in the projector's code path for one actor: its timeline writes throw (not retried by the SDK). */
function projectorBugFor(actor: string) {
  return (client: DynamoDBDocumentClient) => {
    client.middlewareStack.add(
      (next) => async (args) => {
        const { body, headers } = args.request as { body?: unknown; headers?: Record<string, string> };
        const text = body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body ?? '');
        // UpdateItem or BatchWriteItem: any write of an item of the actor's timeline.
        const write = /\.(UpdateItem|BatchWriteItem)$/.test(headers?.['x-amz-target'] ?? '');
        if (write && text.includes(`"S":"timeline#${actor}#`)) {
          throw new TypeError(`injected bug: cannot project ${actor}'s timeline`);
        }
        return next(args);
      },
      { step: 'build', name: 'injectedProjectorBug' },
    );
  };
}

/** A bug in the alerter's path for one actor: publishing its alerts throws. */
const alerterBugFor = (actor: string, notifier: Notifier): Notifier => ({
  channel: notifier.channel,
  publish: async (message) => {
    if (message.attributes.actor === actor) throw new TypeError(`injected bug: cannot render ${actor}'s alert`);
    return notifier.publish(message);
  },
});

const stateOf = (stancewatch: Stancewatch, dataDir: string): Promise<CanonicalState> =>
  canonicalState({
    client: stancewatch.client,
    eventsTable: stancewatch.tables.events,
    viewsTable: stancewatch.tables.views,
    views: stancewatch.views,
    outbox: readOutbox(dataDir),
  });

describe('redrive', () => {
  alertOnNamedSpeech();

  const documents = reliabilityWorkload({ generated: 14, seed: 9 });

  it('after a poison record for one actor and the fix, ends with the views and alerts of a clean run', async () => {
    const reference = await runEmbeddedPipeline({
      directory: temporaryDirectory(),
      documents,
      extractor: fixedScoringExtractor(),
    });
    const actorsAlerted = [...new Set(reference.state.outbox.map((alert) => String(alert.attributes.actor)))].sort();
    // The workload exercises both bugs and leaves at least one other actor's alerts to go through.
    expect(actorsAlerted.length).toBeGreaterThanOrEqual(3);
    const PROJECTOR_BUG_ACTOR = actorsAlerted[0]!;
    const ALERTER_BUG_ACTOR = actorsAlerted.at(-1)!;

    const dataDir = join(temporaryDirectory(), 'data');
    const folder = new DataFolder(dataDir);
    const outbox = quietOutbox(dataDir);
    const buggy = await openStancewatch({
      folder,
      extractor: fixedScoringExtractor(),
      notifier: alerterBugFor(ALERTER_BUG_ACTOR, outbox),
      configureClient: projectorBugFor(PROJECTOR_BUG_ACTOR),
      parking: { retryDelayMs: 1 },
    });
    try {
      for (const document of documents) await buggy.ingest(document);
      await buggy.drain();

      // Nothing went to the dead-letter file: what failed is parked, with its whole commit.
      expect(await buggy.failures.list()).toEqual([]);
      const parkedByProjector = await buggy.parking.list('projector');
      const parkedByAlerter = await buggy.parking.list('alerter');
      expect(parkedByProjector.length).toBeGreaterThan(3);
      expect(parkedByProjector.filter((record) => !record.held)[0]).toMatchObject({
        // The view store names the failed write, not the bug (it never echoes what it caught).
        reason: 'StoreUnavailableError: updateViews failed (TypeError) after retries',
        attempts: 3,
        item: expect.objectContaining({ commitId: expect.any(String), eventsZ1: expect.any(Uint8Array) }),
      });
      expect(parkedByAlerter.length).toBeGreaterThan(1);
      for (const record of parkedByAlerter) {
        expect(record.reason).toMatch(
          record.held ? /held behind/ : `TypeError: injected bug: cannot render ${ALERTER_BUG_ACTOR}'s alert`,
        );
      }

      // The other actors went on: most of their positions are there. The projector bug's actor
      // has no timeline entry (its positions are decided before the views are written, so some
      // of its position items may be there; the redrive below brings the rest).
      const state = await stateOf(buggy, dataDir);
      const actorOf = (position: string) => position.split('/')[0];
      const others = reference.state.lists.positions.filter((p) => actorOf(p) !== PROJECTOR_BUG_ACTOR);
      expect(state.lists.positions.filter((p) => others.includes(p)).length).toBeGreaterThan(others.length / 2);
      const bugTimelines = Object.entries(reference.state.lists.timelines).filter(
        ([key]) => actorOf(key) === PROJECTOR_BUG_ACTOR,
      );
      expect(bugTimelines.length).toBeGreaterThan(0);
      for (const [key] of bugTimelines) expect(state.lists.timelines[key] ?? []).toEqual([]);
      // Neither bug's actor was alerted; an alert of another actor may wait behind a parked
      // document it shares a position with.
      for (const alert of state.outbox) {
        expect([PROJECTOR_BUG_ACTOR, ALERTER_BUG_ACTOR]).not.toContain(alert.attributes.actor);
      }
    } finally {
      await buggy.close();
    }

    // The fix: the same data folder, code without the bugs. A dry run lists, in order, and changes nothing.
    const dryRun = await runCli(['redrive', '--dry-run', '--data', dataDir, '--json']);
    expect(dryRun.code, dryRun.stderr).toBe(0);
    const listed = JSON.parse(dryRun.stdout) as { records: { consumer: string; streamId: string; commit: number }[] };
    expect(listed.records.length).toBe((await countParked(folder)).projector + (await countParked(folder)).alerter);
    const redriven = await runCli(['redrive', '--data', dataDir, '--json']);
    expect(redriven.code, redriven.stderr).toBe(0);
    expect(JSON.parse(redriven.stdout)).toMatchObject({ stillFailing: [], remaining: 0 });

    const fixed = await openStancewatch({ folder, extractor: fixedScoringExtractor() });
    try {
      const state = await stateOf(fixed, dataDir);
      expect(state.views).toEqual(reference.state.views);
      expect(state.lists).toEqual(reference.state.lists);
      expect(state.outbox).toEqual(reference.state.outbox);
      expect(Object.values(state.outboxCounts).every((count) => count === 1)).toBe(true);
      expect(state.log).toEqual(reference.state.log);
      expect(await fixed.parking.blockedKeys('projector')).toEqual(new Set());
      expect(await fixed.parking.blockedKeys('alerter')).toEqual(new Set());
    } finally {
      await fixed.close();
    }
  }, 240_000);
});

async function countParked(folder: DataFolder): Promise<{ projector: number; alerter: number }> {
  const store = await openStancewatch({ folder, extractor: fixedScoringExtractor() });
  try {
    return {
      projector: (await store.parking.list('projector')).length,
      alerter: (await store.parking.list('alerter')).length,
    };
  } finally {
    await store.close();
  }
}
