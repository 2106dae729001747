import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeStreamImage } from '../../shared/adapters/dynamodb/commit-item';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table';
import { eventTableDefinition } from '../../shared/adapters/dynamodb/event-table';
import { DispatchingEventStore } from '../../shared/adapters/embedded/dispatching-event-store';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../../shared/adapters/embedded/embedded-dynamo';
import { MemoryCheckpointStore } from '../../shared/adapters/embedded/file-checkpoint-store';
import type { StreamConsumer } from '../../shared/adapters/embedded/stream-consumer';
import { StreamDispatcher } from '../../shared/adapters/embedded/stream-dispatcher';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { anAlertPublished, fixedClock } from '../support/event-factory';

/**
 * Found by the fault-injection test: the dispatcher's tail read was bounded by the appends in
 * flight *when the read was issued*, so an append that started after that (and wrote its commit
 * before the read ran) could be delivered ahead of an older append still writing. The checkpoint
 * then jumped past the older commit, which was never delivered (or the next read asked
 * DynamoDB for `BETWEEN checkpoint AND older-marker` with the bounds reversed: a
 * ValidationException that paused delivery). The scenario is forced here with gates in the SDK
 * middleware stack.
 */
let dynamo: EmbeddedDynamo;

beforeAll(async () => {
  dynamo = await startEmbeddedDynamo();
});
afterAll(async () => {
  await dynamo.close();
});

interface Gate {
  wait: Promise<void>;
  open(): void;
  reached: Promise<void>;
  arrive(): void;
}

function gate(): Gate {
  let open = () => {};
  let arrive = () => {};
  const wait = new Promise<void>((resolve) => {
    open = resolve;
  });
  const reached = new Promise<void>((resolve) => {
    arrive = resolve;
  });
  return { wait, open, reached, arrive };
}

/** Holds the first tail query and the write of one stream's commit until the test lets them go. */
function addGates(client: DynamoDBDocumentClient, tailQuery: Gate, slowWrite: Gate, slowStream: string) {
  let tailHeld = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { IndexName?: string; Item?: { pk?: unknown } };
      if (context.commandName === 'QueryCommand' && input.IndexName === 'byCommit' && !tailHeld) {
        tailHeld = true;
        tailQuery.arrive();
        await tailQuery.wait;
      }
      if (
        context.commandName === 'PutItemCommand' &&
        input.Item?.pk &&
        JSON.stringify(input.Item.pk).includes(slowStream)
      ) {
        slowWrite.arrive();
        await slowWrite.wait;
      }
      return next(args);
    },
    { step: 'initialize', name: 'testGates' },
  );
}

describe('the embedded dispatcher tailing the commit log while appends overlap', () => {
  it('never moves its checkpoint past a commit still being written by an append that began earlier', async () => {
    const client = createDynamoDocumentClient({
      endpoint: dynamo.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
      maxAttempts: 1,
    });
    const tableName = `race-${Date.now()}`;
    await ensureTable(client, eventTableDefinition(tableName));
    const tailQuery = gate();
    const slowWrite = gate();
    addGates(client, tailQuery, slowWrite, 'alert/slow');

    const ids = createUlidGenerator();
    const seen: string[] = [];
    const errors: string[] = [];
    const consumer: StreamConsumer = {
      name: 'recorder',
      handler: async (event) => {
        for (const record of event.Records) seen.push(decodeStreamImage(record.dynamodb?.NewImage as never).streamId);
        return { batchItemFailures: [] };
      },
    };
    const dispatcher = new StreamDispatcher({
      client,
      tableName,
      consumers: [consumer],
      checkpoints: new MemoryCheckpointStore(),
      failures: { record: async () => undefined },
      ids,
      retryDelayMs: 1,
      onError: (error) => errors.push((error as Error).message),
    });
    const store = new DispatchingEventStore(
      new DynamoEventStore({ client, tableName, clock: fixedClock(), ids }),
      dispatcher,
    );

    // 1. The consumer starts a tail read while no append is in flight; the query is held.
    dispatcher.wake();
    await tailQuery.reached;
    // 2. An append begins and its write is held (a slow write, an SDK retry after a timeout).
    const slow = store.appendToStream('alert/slow', 0, [anAlertPublished()]);
    await slowWrite.reached;
    // 3. A later append completes.
    await store.appendToStream('alert/fast', 0, [anAlertPublished()]);
    // 4. The held tail read runs now, then the slow write lands.
    tailQuery.open();
    await new Promise((resolve) => setTimeout(resolve, 100));
    slowWrite.open();
    await slow;
    await dispatcher.drain();
    await dispatcher.close();
    client.destroy();

    expect(seen.sort()).toEqual(['alert/fast', 'alert/slow']);
    expect(errors).toEqual([]);
  });
});
