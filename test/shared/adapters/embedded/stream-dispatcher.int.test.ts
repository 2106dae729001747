import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { decodeStreamImage } from '../../../../shared/adapters/dynamodb/commit-item';
import { DynamoEventStore } from '../../../../shared/adapters/dynamodb/dynamo-event-store';
import { DispatchingEventStore } from '../../../../shared/adapters/embedded/dispatching-event-store';
import { MemoryCheckpointStore } from '../../../../shared/adapters/embedded/file-checkpoint-store';
import type { StreamConsumer, StreamFailure } from '../../../../shared/adapters/embedded/stream-consumer';
import { StreamDispatcher } from '../../../../shared/adapters/embedded/stream-dispatcher';
import { createUlidGenerator } from '../../../../shared/ports/id-generator';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';
import { anAlertPublished, fixedClock } from '../../../support/event-factory';

let dynamo: DynamoTestStore;
let tableName: string;

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
});
afterAll(async () => {
  await dynamo.close();
});
beforeEach(async () => {
  tableName = await dynamo.newEventTable();
});

const ids = createUlidGenerator();

function runtimeWith(consumers: StreamConsumer[], checkpoints = new MemoryCheckpointStore()) {
  const failures: StreamFailure[] = [];
  const dispatcher = new StreamDispatcher({
    client: dynamo.client,
    tableName,
    consumers,
    checkpoints,
    failures: { record: async (failure) => void failures.push(failure) },
    ids,
    retryDelayMs: 1,
  });
  const inner = new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids });
  return { store: new DispatchingEventStore(inner, dispatcher), dispatcher, failures, checkpoints };
}

/** A consumer that records every event it is handed, as (streamId, version) pairs. */
function recordingConsumer(name = 'recorder') {
  const batches: DynamoDBStreamEvent[] = [];
  const seen: string[] = [];
  const consumer: StreamConsumer = {
    name,
    handler: async (event) => {
      batches.push(event);
      for (const record of event.Records) {
        const commit = decodeStreamImage(record.dynamodb?.NewImage as never);
        for (const stored of commit.events) seen.push(`${stored.streamId}@${stored.version}`);
      }
      return { batchItemFailures: [] };
    },
  };
  return { consumer, batches, seen };
}

const sequenceOf = (record: DynamoDBRecord) => record.dynamodb?.SequenceNumber ?? '';

describe('embedded stream dispatcher', () => {
  it('hands every appended commit to a consumer once, in per-stream order, shaped as a DynamoDB Streams event', async () => {
    const recorder = recordingConsumer();
    const { store, dispatcher } = runtimeWith([recorder.consumer]);

    await store.appendToStream('alert/one', 0, [anAlertPublished(), anAlertPublished()]);
    await store.appendToStream('alert/two', 0, [anAlertPublished()]);
    await store.appendToStream('alert/one', 2, [anAlertPublished()]);
    await dispatcher.drain();

    expect(recorder.seen).toEqual(['alert/one@1', 'alert/one@2', 'alert/two@1', 'alert/one@3']);
    const records = recorder.batches.flatMap((batch) => batch.Records);
    expect(records).toHaveLength(3);
    expect(records[0]).toMatchObject({
      eventName: 'INSERT',
      eventSource: 'aws:dynamodb',
      dynamodb: { StreamViewType: 'NEW_IMAGE', Keys: { pk: { S: 'alert/one' }, sk: { N: '1' } } },
    });
    expect(records[0]?.dynamodb?.NewImage?.eventTypes).toEqual({ SS: ['AlertPublished'] });
    const sequences = records.map(sequenceOf);
    expect(sequences.map(BigInt)).toEqual([...sequences.map(BigInt)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('applies a consumer filter like a Lambda filter criterion and still moves past filtered records', async () => {
    const recorder = recordingConsumer();
    const onlyAlertTwo: StreamConsumer = { ...recorder.consumer, filter: (item) => item.pk === 'alert/two' };
    const { store, dispatcher, checkpoints } = runtimeWith([onlyAlertTwo]);

    await store.appendToStream('alert/one', 0, [anAlertPublished()]);
    const last = await store.appendToStream('alert/two', 0, [anAlertPublished()]);
    await dispatcher.drain();

    expect(recorder.seen).toEqual(['alert/two@1']);
    expect(checkpoints.saved.get('recorder')).toBe(last.commitId);
  });

  it('retries from the first record a consumer reports failed, then sends a record that keeps failing to the failure sink', async () => {
    const delivered: string[] = [];
    const flaky: StreamConsumer = {
      name: 'flaky',
      handler: async (event) => {
        const failures = [];
        for (const record of event.Records) {
          const streamId = record.dynamodb?.Keys?.pk?.S ?? '';
          if (streamId === 'alert/poison') failures.push({ itemIdentifier: sequenceOf(record) });
          else delivered.push(streamId);
        }
        return { batchItemFailures: failures };
      },
    };
    const { store, dispatcher, failures } = runtimeWith([flaky]);

    await store.appendToStream('alert/before', 0, [anAlertPublished()]);
    await store.appendToStream('alert/poison', 0, [anAlertPublished()]);
    await store.appendToStream('alert/after', 0, [anAlertPublished()]);
    await dispatcher.drain();

    expect(failures.map((failure) => [failure.consumer, failure.streamId, failure.attempts])).toEqual([
      ['flaky', 'alert/poison', 3],
    ]);
    // "before" once; "after" was redelivered with each retry of the batch from the poison record.
    expect(delivered.filter((streamId) => streamId === 'alert/before')).toHaveLength(1);
    expect(delivered.at(-1)).toBe('alert/after');
  });

  it('catches up after a restart from the durable checkpoint: nothing appended while down is lost', async () => {
    const checkpoints = new MemoryCheckpointStore();
    const first = recordingConsumer();
    const before = runtimeWith([first.consumer], checkpoints);
    await before.store.appendToStream('alert/x', 0, [anAlertPublished()]);
    await before.dispatcher.drain();
    await before.dispatcher.close();

    // Written while no dispatcher was watching (a crash between append and delivery).
    const bare = new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids });
    await bare.appendToStream('alert/x', 1, [anAlertPublished()]);
    await bare.appendToStream('alert/y', 0, [anAlertPublished()]);

    const second = recordingConsumer();
    const after = runtimeWith([second.consumer], checkpoints);
    await after.dispatcher.drain();

    expect(first.seen).toEqual(['alert/x@1']);
    expect(second.seen).toEqual(['alert/x@2', 'alert/y@1']);
  });

  it('delivers commits made by a consumer itself (as projector appends come back through the stream)', async () => {
    const seen: string[] = [];
    let runtime: ReturnType<typeof runtimeWith> | undefined;
    const chaining: StreamConsumer = {
      name: 'chaining',
      handler: async (event) => {
        for (const record of event.Records) {
          const streamId = record.dynamodb?.Keys?.pk?.S ?? '';
          seen.push(streamId);
          if (streamId === 'alert/start') {
            await runtime?.store.appendToStream('alert/follow-up', 0, [anAlertPublished()]);
          }
        }
        return { batchItemFailures: [] };
      },
    };
    runtime = runtimeWith([chaining]);
    await runtime.store.appendToStream('alert/start', 0, [anAlertPublished()]);
    await runtime.dispatcher.drain();

    expect(seen).toEqual(['alert/start', 'alert/follow-up']);
  });
});
