import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { alerterCommitHandler, createAlerterHandler } from '../../functions/alerter/alerter';
import { createProjectorHandler, projectorCommitHandler } from '../../functions/projector/projector';
import { replayingConsumer } from '../../functions/streams/redrive-entry';
import type { StreamParking } from '../../functions/streams/stream-handler';
import { createDynamoDocumentClient } from '../adapters/dynamodb/document-client';
import { DynamoEventStore } from '../adapters/dynamodb/dynamo-event-store';
import { DynamoParkingStore } from '../adapters/dynamodb/dynamo-parking-store';
import { DynamoSnapshotStore } from '../adapters/dynamodb/dynamo-snapshot-store';
import { DynamoUniqueKeyRegistry } from '../adapters/dynamodb/dynamo-unique-key-registry';
import { DynamoViewStore } from '../adapters/dynamodb/dynamo-view-store';
import { ensureCurrentTable, ensureTable } from '../adapters/dynamodb/ensure-table';
import { EMBEDDED_GLOBAL_SHARDS, eventTableDefinition } from '../adapters/dynamodb/event-table';
import { parkedRecordsTableDefinition } from '../adapters/dynamodb/parked-records-table';
import { viewsTableDefinition } from '../adapters/dynamodb/views-table';
import { CachingViewStore } from '../adapters/embedded/caching-view-store';
import { acquireLock, type DataFolder } from '../adapters/embedded/data-folder';
import { DispatchingEventStore } from '../adapters/embedded/dispatching-event-store';
import { type EmbeddedDynamo, startEmbeddedDynamo } from '../adapters/embedded/embedded-dynamo';
import { FileCheckpointStore, MemoryCheckpointStore } from '../adapters/embedded/file-checkpoint-store';
import { FileFailureSink, type ListableFailureSink, MemoryFailureSink } from '../adapters/embedded/file-failure-sink';
import { MemoryNotifier } from '../adapters/embedded/memory-notifier';
import { StreamDispatcher } from '../adapters/embedded/stream-dispatcher';
import { createEmbeddedNotifier } from '../adapters/outbox/embedded-notifier';
import { EffectsWrittenInline } from '../application/effects-written-inline';
import { type IngestOutcome, ingestDocument } from '../application/ingest-document';
import { PositionStateCache } from '../application/position-state-cache';
import { type RedriveOptions, type RedriveReport, redriveParkedRecords } from '../application/redrive-parked-records';
import { replayProjections } from '../application/replay-projections';
import { type Config, readConfig } from '../config';
import { ALERTING_EVENT_TYPES } from '../domain/alerts/alert-stream';
import { type Clock, systemClock } from '../ports/clock';
import type { Extractor } from '../ports/extractor';
import { createUlidGenerator, type IdGenerator } from '../ports/id-generator';
import type { Notifier } from '../ports/notifier';
import type { ParkingStore } from '../ports/parked-records';
import type { ViewStore } from '../ports/views';
import { functionsLogger } from './console-logger';
import { createExtractor } from './extractor';
import { reportSnapshotError } from './snapshot-errors';

export const EMBEDDED_TABLES = {
  events: 'stancewatch-events',
  views: 'stancewatch-views',
  parked: 'stancewatch-parked',
} as const;

const EMBEDDED_CREDENTIALS = { accessKeyId: 'embedded', secretAccessKey: 'embedded' };

export interface OpenStancewatchOptions {
  /** On-disk data folder; omit for an in-memory installation (tests, benchmarks). */
  folder?: DataFolder;
  /** Written into the folder's lock so a second process can say who holds it. */
  command?: string;
  /** The configuration (extractor, SMTP); read from the environment when left out. */
  config?: Readonly<Config>;
  /** Default: the configured extractor. */
  extractor?: Extractor;
  /** Defaults to the outbox file (+ SMTP when configured), or a MemoryNotifier without a folder. */
  notifier?: Notifier;
  /** Lets tests add SDK middleware (fault injection) to the one DynamoDB client. */
  configureClient?: (client: DynamoDBDocumentClient) => void;
  clock?: Clock;
  /** Base URL for links in alerts. */
  apiUrl?: string;
  /** Where stream-handler logs go; quiet by default (the CLI prints its own summary). */
  verbose?: boolean;
  /** A position snapshot every this many commits (default DEFAULT_SNAPSHOT_EVERY); tests use small ones. */
  snapshotEvery?: number;
  /**
   * Shards of the events table's global index (default EMBEDDED_GLOBAL_SHARDS). Benchmarks and tests
   * only: a data folder must be opened with the count it was written with, or a larger one.
   */
  globalShards?: number;
  /** Attempts at a stream record before it is parked, and the first retry delay (tests shorten it). */
  parking?: { maxAttempts?: number; retryDelayMs?: number };
}

/** The running single-machine stancewatch: its adapters, and what the CLI and the HTTP app need. */
export interface Stancewatch {
  client: DynamoDBDocumentClient;
  tables: typeof EMBEDDED_TABLES;
  /** Shards of the events table's global index: any other writer of the table must use this count. */
  globalShards: number;
  endpoint: string;
  eventStore: DispatchingEventStore;
  uniqueKeys: DynamoUniqueKeyRegistry;
  views: ViewStore;
  /** Where alerts (and the digest) go: the outbox file, SMTP when configured, or memory. */
  notifier: Notifier;
  extractor: Extractor;
  ids: IdGenerator;
  clock: Clock;
  /** The data folder, or undefined for an in-memory installation (tests). */
  folder: DataFolder | undefined;
  dispatcher: StreamDispatcher;
  failures: ListableFailureSink;
  /** Records the projector or alerter set aside (docs/deploy.md, "Parked records"). */
  parking: ParkingStore;
  /** `stancewatch redrive`: replays the parked records with the consumers' code, in order. */
  redrive(options?: RedriveOptions): Promise<RedriveReport>;
  ingest(input: unknown, options?: { correlationId?: string }): Promise<IngestOutcome>;
  /** Waits until every stream consumer has processed everything appended so far. */
  drain(): Promise<void>;
  /** Records the URL the HTTP server listens on in the folder's lock (for `ingest` to find it). */
  announce(url: string): void;
  close(): Promise<void>;
}

/**
 * The composition root of embedded mode, the only place that chooses its adapters: dynalite (on
 * disk or in memory), the same event store adapter as on AWS, an in-process stream dispatcher in
 * place of DynamoDB Streams + Lambda, and the same projector and alerter handlers that run on
 * Lambda attached to it (the alerter with the same filter as its event source mapping on AWS:
 * only commits holding a ContradictionDetected or a ContradictionConfirmed).
 */
export async function openStancewatch(options: OpenStancewatchOptions = {}): Promise<Stancewatch> {
  const config = options.config ?? readConfig();
  const extractor = options.extractor ?? createExtractor(config);
  const folder = options.folder;
  const lock = folder ? acquireLock(folder, options.command ?? 'stancewatch') : undefined;
  let dynamo: EmbeddedDynamo | undefined;
  try {
    dynamo = await startEmbeddedDynamo(folder ? { path: folder.dynamo } : {});
    const client = createDynamoDocumentClient({
      endpoint: dynamo.endpoint,
      region: 'local',
      credentials: EMBEDDED_CREDENTIALS,
      maxAttempts: 6,
    });
    options.configureClient?.(client);
    await ensureTable(client, eventTableDefinition(EMBEDDED_TABLES.events));
    // The views are derived: a table left by a version with other keys is replaced and rebuilt.
    const viewsTable = await ensureCurrentTable(client, viewsTableDefinition(EMBEDDED_TABLES.views));
    await ensureTable(client, parkedRecordsTableDefinition(EMBEDDED_TABLES.parked));

    const ids = createUlidGenerator();
    const clock = options.clock ?? systemClock;
    const globalShards = options.globalShards ?? EMBEDDED_GLOBAL_SHARDS;
    if (viewsTable === 'replaced') {
      const summary = await replayProjections(
        {
          eventStore: new DynamoEventStore({ client, tableName: EMBEDDED_TABLES.events, clock, ids, globalShards }),
          views: new DynamoViewStore({ client, tableName: EMBEDDED_TABLES.views }),
        },
        { keepViews: true },
      );
      console.error(
        `stancewatch: the views table had an older key layout: rebuilt from ${summary.commits} commits of events`,
      );
    }
    const failures = folder ? new FileFailureSink(folder.failures) : new MemoryFailureSink();
    const dispatcher = new StreamDispatcher({
      client,
      tableName: EMBEDDED_TABLES.events,
      globalShards,
      checkpoints: folder ? new FileCheckpointStore(folder.checkpoints) : new MemoryCheckpointStore(),
      failures,
      ids,
      onError: (error, consumer) =>
        console.error(`stancewatch: stream delivery to ${consumer} paused: ${(error as Error).message}`),
    });
    const eventStore = new DispatchingEventStore(
      new DynamoEventStore({ client, tableName: EMBEDDED_TABLES.events, clock, ids, globalShards }),
      dispatcher,
    );
    const uniqueKeys = new DynamoUniqueKeyRegistry(client, EMBEDDED_TABLES.events);
    // Reads answer from memory until the next view write (every write goes through this process).
    const views = new CachingViewStore(new DynamoViewStore({ client, tableName: EMBEDDED_TABLES.views }));
    const notifier =
      options.notifier ??
      (folder
        ? createEmbeddedNotifier({ dataDir: folder.root, ids, clock, ...config.embedded.smtp })
        : new MemoryNotifier(ids));

    const logger = functionsLogger(options.verbose ?? false);
    const parkingStore = new DynamoParkingStore({ client, tableName: EMBEDDED_TABLES.parked });
    const parking: StreamParking = {
      store: parkingStore,
      clock,
      maxAttempts: options.parking?.maxAttempts ?? 3,
      retryDelayMs: options.parking?.retryDelayMs ?? 100,
    };
    const snapshotEvery = options.snapshotEvery ?? config.snapshotEvery;
    const projectorDependencies = () => ({
      eventStore,
      views,
      ids,
      positionCache: new PositionStateCache(),
      effectsWrittenInline: new EffectsWrittenInline(),
      // A projector started cold begins each position from its snapshot (docs/event-store.md).
      snapshots: new DynamoSnapshotStore(client, EMBEDDED_TABLES.events),
      ...(snapshotEvery !== undefined ? { snapshotEvery } : {}),
      strengthPolicy: config.strengthPolicy,
      onSnapshotError: reportSnapshotError(logger),
      logger,
    });
    const alerterDependencies = {
      eventStore,
      notifier,
      ids,
      clock,
      ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
      logger,
    };
    dispatcher.register({
      name: 'projector',
      handler: createProjectorHandler({ ...projectorDependencies(), parking }),
    });
    dispatcher.register({
      name: 'alerter',
      handler: createAlerterHandler({ ...alerterDependencies, parking }),
      filter: (item) =>
        ALERTING_EVENT_TYPES.some((type) => (item.eventTypes as Set<string> | undefined)?.has(type) ?? false),
    });

    const ingestDependencies = { eventStore, uniqueKeys, extractor, ids, clock };
    const openDynamo = dynamo;
    return {
      client,
      tables: EMBEDDED_TABLES,
      globalShards,
      endpoint: openDynamo.endpoint,
      eventStore,
      uniqueKeys,
      views,
      notifier,
      extractor,
      ids,
      clock,
      folder,
      dispatcher,
      failures,
      parking: parkingStore,
      // Like a redrive invocation on AWS: the consumers' code with its own position cache (its
      // own "container"), while the stream keeps delivering what the redrive appends.
      // Like a redrive invocation on AWS: the consumers' code with its own position cache (its
      // own "container"), while the stream keeps delivering what the redrive appends. The
      // projector goes first and the stream is drained before the alerter's turn, so alerts held
      // behind a parked one are parked before the alerter's records are read.
      async redrive(redriveOptions = {}) {
        const consumers = [
          replayingConsumer(projectorCommitHandler(projectorDependencies())),
          replayingConsumer(alerterCommitHandler(alerterDependencies)),
        ];
        const reports: RedriveReport[] = [];
        for (const consumer of consumers) {
          await dispatcher.drain();
          reports.push(
            await redriveParkedRecords({ parking: parkingStore, clock, consumers: [consumer] }, redriveOptions),
          );
        }
        await dispatcher.drain();
        let remaining = 0;
        for (const consumer of consumers) remaining += (await parkingStore.list(consumer.name)).length;
        return {
          dryRun: redriveOptions.dryRun ?? false,
          redriven: reports.reduce((sum, report) => sum + report.redriven, 0),
          stillFailing: reports.flatMap((report) => report.stillFailing),
          remaining,
          stopped: reports.some((report) => report.stopped),
          ...(redriveOptions.dryRun ? { records: reports.flatMap((report) => report.records ?? []) } : {}),
        };
      },
      ingest: (input, ingestOptions) => ingestDocument(ingestDependencies, input, ingestOptions),
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
