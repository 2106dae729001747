import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient } from '../adapters/dynamodb/document-client';
import { DynamoEventStore } from '../adapters/dynamodb/dynamo-event-store';
import { DynamoUniqueKeyRegistry } from '../adapters/dynamodb/dynamo-unique-key-registry';
import { ensureTable } from '../adapters/dynamodb/ensure-table';
import { eventTableDefinition } from '../adapters/dynamodb/event-table';
import { acquireLock, type DataFolder } from '../adapters/embedded/data-folder';
import { DispatchingEventStore } from '../adapters/embedded/dispatching-event-store';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../adapters/embedded/embedded-dynamo';
import { FileCheckpointStore, MemoryCheckpointStore } from '../adapters/embedded/file-checkpoint-store';
import { FileFailureSink, type ListableFailureSink, MemoryFailureSink } from '../adapters/embedded/file-failure-sink';
import type { StreamConsumer } from '../adapters/embedded/stream-consumer';
import { StreamDispatcher } from '../adapters/embedded/stream-dispatcher';
import { type IngestOutcome, ingestDocument } from '../application/ingest-document';
import { type Clock, systemClock } from '../ports/clock';
import type { Extractor } from '../ports/extractor';
import { createUlidGenerator, type IdGenerator } from '../ports/id-generator';

export const EMBEDDED_TABLES = { events: 'stancewatch-events', views: 'stancewatch-views' } as const;

/** What the embedded runtime has built, handed to whatever composes consumers and the HTTP app. */
export interface EmbeddedServices {
  client: DynamoDBDocumentClient;
  tables: typeof EMBEDDED_TABLES;
  eventStore: DispatchingEventStore;
  uniqueKeys: DynamoUniqueKeyRegistry;
  extractor: Extractor;
  ids: IdGenerator;
  clock: Clock;
  /** The data folder, or undefined for an in-memory runtime (tests). */
  folder: DataFolder | undefined;
}

export interface EmbeddedRuntimeOptions {
  /** On-disk data; omit for an in-memory store (tests, benchmarks). */
  folder?: DataFolder;
  /** Written into the folder's lock so a second process can say who holds it. */
  command?: string;
  extractor: Extractor;
  /** Builds the stream consumers (projector, alerter) from the runtime's services. */
  consumers?: (services: EmbeddedServices) => Promise<StreamConsumer[]> | StreamConsumer[];
  /** Creates the other tables consumers need (views). */
  tables?: (services: EmbeddedServices) => Promise<void>;
  /** Lets tests add SDK middleware (fault injection) to the one DynamoDB client. */
  configureClient?: (client: DynamoDBDocumentClient) => void;
  clock?: Clock;
  maxAttempts?: number;
}

export interface EmbeddedRuntime extends EmbeddedServices {
  endpoint: string;
  dispatcher: StreamDispatcher;
  failures: ListableFailureSink;
  ingest(input: unknown, options?: { correlationId?: string }): Promise<IngestOutcome>;
  /** Waits until every stream consumer has processed everything appended so far. */
  drain(): Promise<void>;
  /** Records the URL the HTTP server listens on in the folder's lock (for `ingest` to find it). */
  announce(url: string): void;
  close(): Promise<void>;
}

const EMBEDDED_CREDENTIALS = { accessKeyId: 'embedded', secretAccessKey: 'embedded' };

/**
 * The single-machine stancewatch: dynalite (on disk or in memory), the same event store adapter as
 * on AWS, and an in-process stream dispatcher in place of DynamoDB Streams + Lambda.
 */
export async function startEmbeddedRuntime(options: EmbeddedRuntimeOptions): Promise<EmbeddedRuntime> {
  const lock = options.folder ? acquireLock(options.folder, options.command ?? 'stancewatch') : undefined;
  let dynamo: EmbeddedDynamo | undefined;
  try {
    dynamo = await startEmbeddedDynamo(options.folder ? { path: options.folder.dynamo } : {});
    const client = createDynamoDocumentClient({
      endpoint: dynamo.endpoint,
      region: 'local',
      credentials: EMBEDDED_CREDENTIALS,
      maxAttempts: options.maxAttempts ?? 6,
    });
    options.configureClient?.(client);
    await ensureTable(client, eventTableDefinition(EMBEDDED_TABLES.events));

    const ids = createUlidGenerator();
    const clock = options.clock ?? systemClock;
    const failures = options.folder ? new FileFailureSink(options.folder.failures) : new MemoryFailureSink();
    const dispatcher = new StreamDispatcher({
      client,
      tableName: EMBEDDED_TABLES.events,
      checkpoints: options.folder ? new FileCheckpointStore(options.folder.checkpoints) : new MemoryCheckpointStore(),
      failures,
      ids,
      onError: (error, consumer) =>
        console.error(`stancewatch: stream delivery to ${consumer} paused: ${(error as Error).message}`),
    });
    const inner = new DynamoEventStore({ client, tableName: EMBEDDED_TABLES.events, clock, ids });
    const services: EmbeddedServices = {
      client,
      tables: EMBEDDED_TABLES,
      eventStore: new DispatchingEventStore(inner, dispatcher),
      uniqueKeys: new DynamoUniqueKeyRegistry(client, EMBEDDED_TABLES.events),
      extractor: options.extractor,
      ids,
      clock,
      folder: options.folder,
    };
    await options.tables?.(services);
    for (const consumer of (await options.consumers?.(services)) ?? []) dispatcher.register(consumer);

    const openDynamo = dynamo;
    return {
      ...services,
      endpoint: openDynamo.endpoint,
      dispatcher,
      failures,
      ingest: (input, ingestOptions) => ingestDocument(services, input, ingestOptions),
      drain: () => dispatcher.drain(),
      announce: (url) => lock?.update({ url }),
      async close() {
        await dispatcher.close();
        client.destroy();
        await openDynamo.close();
        lock?.release();
      },
    };
  } catch (error) {
    await dynamo?.close();
    lock?.release();
    throw error;
  }
}
