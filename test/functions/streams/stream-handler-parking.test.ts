import type { DynamoDBStreamEvent } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../events/registry';
import { projectorOrderingKeys } from '../../../functions/projector/projector';
import { withRedrive } from '../../../functions/streams/redrive-entry';
import { createStreamHandler, type StreamParking } from '../../../functions/streams/stream-handler';
import type { RedriveReport } from '../../../shared/application/redrive-parked-records';
import type { StoredCommit } from '../../../shared/ports/event-store';
import type { ParkedRecord } from '../../../shared/ports/parked-records';
import { anAlertPublished, fixedClock } from '../../support/event-factory';
import { MemoryParkingStore } from '../../support/memory-parking-store';
import { commitItemOf, streamRecordOfItem } from '../../support/stream-events';

let commitIds = 0;
const commitOf = (streamId: string, commit: number): StoredCommit => ({
  commitId: `01KTEST${String(++commitIds).padStart(19, '0')}`,
  streamId,
  commit,
  events: [
    {
      ...anAlertPublished({ contradictionId: `${streamId}#${commit}` }),
      streamId,
      version: commit,
      schemaVersion: 1,
      recordedAt: '2026-12-05T10:00:00.000Z',
    } as DomainEvent,
  ],
});
const eventOf = (commits: readonly StoredCommit[]): DynamoDBStreamEvent => ({
  Records: commits.map((commit) => streamRecordOfItem(commitItemOf(commit))),
});
const label = (commit: Pick<StoredCommit, 'streamId' | 'commit'>) => `${commit.streamId}#${commit.commit}`;

/** A consumer that fails on the commits named in `poison` (until they are removed) and records what it handled. */
function consumer(poison: Set<string>) {
  const handled: string[] = [];
  const attempts = new Map<string, number>();
  return {
    handled,
    attempts,
    name: 'projector',
    handleCommit: async (commit: StoredCommit) => {
      attempts.set(label(commit), (attempts.get(label(commit)) ?? 0) + 1);
      if (poison.has(label(commit))) throw new TypeError(`cannot project ${label(commit)}`);
      handled.push(label(commit));
    },
  };
}

function setUp(poison: Set<string>) {
  const store = new MemoryParkingStore();
  const parked: ParkedRecord[] = [];
  const parking: StreamParking = {
    store,
    clock: fixedClock('2026-12-05T10:00:00.000Z'),
    maxAttempts: 3,
    retryDelayMs: 1,
    onParked: (record) => parked.push(record),
  };
  const code = consumer(poison);
  const handler = createStreamHandler({ ...code, parking });
  return { store, parked, code, handler, parking };
}

describe('a stream handler with parking', () => {
  it('parks a record that keeps failing, with everything after it in its stream, and goes on with the others', async () => {
    const poison = new Set(['position/a#2']);
    const { store, parked, code, handler } = setUp(poison);
    const commits = [
      commitOf('position/a', 1),
      commitOf('position/a', 2),
      commitOf('position/b', 1),
      commitOf('position/a', 3),
      commitOf('position/b', 2),
    ];

    expect(await handler(eventOf(commits))).toEqual({ batchItemFailures: [] });

    expect(code.handled).toEqual(['position/a#1', 'position/b#1', 'position/b#2']);
    expect(code.attempts.get('position/a#2')).toBe(3);
    expect(code.attempts.has('position/a#3')).toBe(false);
    expect(parked.map((record) => [label(record), record.held, record.attempts])).toEqual([
      ['position/a#2', false, 3],
      ['position/a#3', true, 0],
    ]);
    const [first] = await store.list('projector');
    expect(first).toMatchObject({
      consumer: 'projector',
      streamId: 'position/a',
      commit: 2,
      commitId: commits[1]?.commitId,
      reason: 'TypeError: cannot project position/a#2',
      firstFailedAt: '2026-12-05T10:00:00.000Z',
    });
    // The whole commit item, as the stream carried it.
    expect(first?.item).toEqual(commitItemOf(commits[1] as StoredCommit));
    expect(await store.blockedKeys('projector')).toEqual(new Set(['position/a']));
  });

  it('retries a record that fails once and parks nothing', async () => {
    const { parked, parking } = setUp(new Set());
    const handled: string[] = [];
    let failures = 1;
    const handler = createStreamHandler({
      name: 'projector',
      parking,
      handleCommit: async (commit) => {
        if (failures-- > 0) throw new Error('throttled');
        handled.push(label(commit));
      },
    });
    expect(await handler(eventOf([commitOf('position/a', 1)]))).toEqual({ batchItemFailures: [] });
    expect(handled).toEqual(['position/a#1']);
    expect(parked).toEqual([]);
  });

  it('parks later records of a stream parked in an earlier batch without running them', async () => {
    const poison = new Set(['position/a#1']);
    const { store, code, handler } = setUp(poison);
    await handler(eventOf([commitOf('position/a', 1)]));
    poison.clear(); // even though the code would now succeed: order first
    await handler(eventOf([commitOf('position/a', 2), commitOf('position/c', 1)]));
    expect(code.handled).toEqual(['position/c#1']);
    expect((await store.list('projector')).map(label).sort()).toEqual(['position/a#1', 'position/a#2']);
  });

  it('stalls the stream (reports the failure, holds back the rest of it) when the record cannot even be parked', async () => {
    const poison = new Set(['position/a#1']);
    const { store, code, handler } = setUp(poison);
    store.failParking = true;
    const event = eventOf([commitOf('position/a', 1), commitOf('position/a', 2), commitOf('position/b', 1)]);
    const response = await handler(event);
    expect(response.batchItemFailures.map((failure) => failure.itemIdentifier)).toEqual([
      event.Records[0]?.dynamodb?.SequenceNumber,
      event.Records[1]?.dynamodb?.SequenceNumber,
    ]);
    expect(code.handled).toEqual(['position/b#1']);
  });
});

describe('ordering keys', () => {
  it('park a later record of another stream that shares a key with a parked one, in the batch and after', async () => {
    const poison = new Set(['document/d1#1']);
    const store = new MemoryParkingStore();
    const code = consumer(poison);
    // Both documents feed position/x (as two documents about one actor and proposition would).
    const feeds: Record<string, string[]> = {
      'document/d1': ['position/x'],
      'document/d2': ['position/x'],
      'document/d3': ['position/y'],
    };
    const handler = createStreamHandler({
      ...code,
      orderingKeys: (item) => [String(item.pk), ...(feeds[String(item.pk)] ?? [])],
      parking: { store, clock: fixedClock(), retryDelayMs: 1 },
    });
    await handler(eventOf([commitOf('document/d1', 1), commitOf('document/d3', 1)]));
    await handler(eventOf([commitOf('document/d2', 1), commitOf('position/x', 1)]));
    expect(code.handled).toEqual(['document/d3#1']);
    expect([...store.records.values()].map((record) => [label(record), record.held, record.keys])).toEqual([
      ['document/d1#1', false, ['document/d1', 'position/x']],
      ['document/d2#1', true, ['document/d2', 'position/x']],
      ['position/x#1', true, ['position/x']],
    ]);

    // A redrive that fails on d1 again keeps everything sharing position/x parked.
    const report = await withRedrive(handler, {
      consumer: code,
      parking: { store, clock: fixedClock() },
    })({ redrive: {} });
    expect(report).toMatchObject({ redriven: 0, remaining: 3, stillFailing: [{ streamId: 'document/d1' }] });
    poison.clear();
    expect(
      await withRedrive(handler, { consumer: code, parking: { store, clock: fixedClock() } })({ redrive: {} }),
    ).toMatchObject({ redriven: 3, remaining: 0, stillFailing: [] });
    expect(code.handled).toEqual(['document/d3#1', 'document/d1#1', 'document/d2#1', 'position/x#1']);
  });

  it('for the projector: the commit’s stream and a decision key per position a statement, retraction or rejection goes to', () => {
    const statement = (type: string, actor: string, proposition: string) => ({
      type,
      schemaVersion: 9,
      data: { actor, topic: 'territory', proposition, quote: '…' },
    });
    expect(
      projectorOrderingKeys({
        pk: 'document/d1',
        events: [
          { type: 'DocumentIngested', data: { documentId: 'd1' } },
          statement('StatementExtracted', 'ukraine', 'cede-territory'),
          statement('StatementExtracted', 'ukraine', 'cede-territory'),
          statement('StatementRetracted', 'russia', 'cede-territory'),
          statement('StatementRejected', 'poland', 'cede-territory'),
          { type: 'StatementExtracted', data: { actor: 'broken' } },
        ],
      }),
    ).toEqual([
      'document/d1',
      'decide:position/ukraine/territory/cede-territory',
      'decide:position/russia/territory/cede-territory',
      'decide:position/poland/territory/cede-territory',
    ]);
    expect(projectorOrderingKeys({ pk: 'position/ukraine/territory/cede-territory', events: [] })).toEqual([
      'position/ukraine/territory/cede-territory',
    ]);
  });
});

describe('redrive through the Lambda entry', () => {
  it('replays parked records in commit order, stops a stream that still fails, and lists them on a dry run', async () => {
    const poison = new Set(['position/a#1', 'position/b#1']);
    const { store, code, handler, parking } = setUp(poison);
    await handler(
      eventOf([
        commitOf('position/a', 1),
        commitOf('position/b', 1),
        commitOf('position/a', 2),
        commitOf('position/b', 2),
      ]),
    );
    const entry = withRedrive(handler, { consumer: code, parking });

    const dryRun = await entry({ redrive: { dryRun: true } });
    expect(dryRun).toMatchObject({ dryRun: true, remaining: 4 });
    // In commit order (commit ids are drawn a1, b1, a2, b2).
    expect((dryRun as RedriveReport).records?.map(label)).toEqual([
      'position/a#1',
      'position/b#1',
      'position/a#2',
      'position/b#2',
    ]);
    expect(code.handled).toEqual([]);

    poison.delete('position/a#1'); // the fix covers a, not b
    const report = await entry({ redrive: {} });
    expect(code.handled).toEqual(['position/a#1', 'position/a#2']);
    expect(report).toMatchObject({
      dryRun: false,
      redriven: 2,
      remaining: 2,
      stopped: false,
      stillFailing: [
        { streamId: 'position/b', commit: 1, attempts: 4, reason: 'TypeError: cannot project position/b#1' },
      ],
    });
    expect(code.attempts.has('position/b#2')).toBe(false);
    expect(await store.blockedKeys('projector')).toEqual(new Set(['position/b']));

    // Stream batches still go to the stream handler.
    expect(await entry(eventOf([commitOf('position/c', 1)]))).toEqual({ batchItemFailures: [] });
    expect(code.handled.at(-1)).toBe('position/c#1');
  });

  it('stops taking records when the invocation runs short of time', async () => {
    const { code, handler, parking } = setUp(new Set(['position/a#1']));
    await handler(eventOf([commitOf('position/a', 1)]));
    const entry = withRedrive(handler, { consumer: code, parking });
    const context = { getRemainingTimeInMillis: () => 5_000 } as never;
    expect(await entry({ redrive: {} }, context)).toMatchObject({ redriven: 0, remaining: 1, stopped: true });
  });
});
