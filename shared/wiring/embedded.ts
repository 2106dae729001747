import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createAlerterHandler } from '../../functions/alerter/alerter';
import { createProjectorHandler } from '../../functions/projector/projector';
import { DynamoViewStore } from '../adapters/dynamodb/dynamo-view-store';
import { ensureTable } from '../adapters/dynamodb/ensure-table';
import { viewsTableDefinition } from '../adapters/dynamodb/views-table';
import { CachingViewStore } from '../adapters/embedded/caching-view-store';
import { functionsLogger } from '../adapters/embedded/console-logger';
import type { DataFolder } from '../adapters/embedded/data-folder';
import { MemoryNotifier } from '../adapters/embedded/memory-notifier';
import { createEmbeddedNotifier } from '../adapters/outbox/embedded-notifier';
import { PositionStateCache } from '../application/position-state-cache';
import type { Clock } from '../ports/clock';
import type { Extractor } from '../ports/extractor';
import type { Notifier } from '../ports/notifier';
import type { ViewStore } from '../ports/views';
import { type EmbeddedRuntime, startEmbeddedRuntime } from './embedded-runtime';
import { extractorFromEnvironment } from './extractor-from-environment';

export interface OpenStancewatchOptions {
  /** On-disk data folder; omit for an in-memory installation (tests, benchmarks). */
  folder?: DataFolder;
  command?: string;
  extractor?: Extractor;
  /** Defaults to the outbox file (+ SMTP when configured), or a MemoryNotifier without a folder. */
  notifier?: Notifier;
  configureClient?: (client: DynamoDBDocumentClient) => void;
  clock?: Clock;
  /** Base URL for links in alerts. */
  apiUrl?: string;
  /** Where stream-handler logs go; quiet by default (the CLI prints its own summary). */
  verbose?: boolean;
}

export interface Stancewatch extends EmbeddedRuntime {
  views: ViewStore;
}

/**
 * Composition root of the embedded mode: the runtime plus the same projector and alerter handlers
 * that run on Lambda, attached as stream consumers (the alerter with the same filter as its event
 * source mapping on AWS: only commits holding a ContradictionDetected).
 */
export async function openStancewatch(options: OpenStancewatchOptions = {}): Promise<Stancewatch> {
  let views: ViewStore | undefined;
  const logger = functionsLogger(options.verbose ?? false);
  const runtime = await startEmbeddedRuntime({
    ...(options.folder ? { folder: options.folder } : {}),
    ...(options.command ? { command: options.command } : {}),
    ...(options.configureClient ? { configureClient: options.configureClient } : {}),
    ...(options.clock ? { clock: options.clock } : {}),
    extractor: options.extractor ?? extractorFromEnvironment(),
    tables: async (services) => {
      await ensureTable(services.client, viewsTableDefinition(services.tables.views));
    },
    consumers: (services) => {
      // Reads answer from memory until the next view write (every write goes through this process).
      const viewStore = new CachingViewStore(
        new DynamoViewStore({ client: services.client, tableName: services.tables.views }),
      );
      views = viewStore;
      const notifier =
        options.notifier ??
        (services.folder
          ? createEmbeddedNotifier({
              dataDir: services.folder.root,
              ids: services.ids,
              clock: services.clock,
              ...smtpSettings(),
            })
          : new MemoryNotifier(services.ids));
      return [
        {
          name: 'projector',
          handler: createProjectorHandler({
            eventStore: services.eventStore,
            views: viewStore,
            ids: services.ids,
            positionCache: new PositionStateCache(),
            logger,
          }),
        },
        {
          name: 'alerter',
          handler: createAlerterHandler({
            eventStore: services.eventStore,
            notifier,
            ids: services.ids,
            clock: services.clock,
            ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
            logger,
          }),
          filter: (item) => (item.eventTypes as Set<string> | undefined)?.has('ContradictionDetected') ?? false,
        },
      ];
    },
  });
  return Object.assign(runtime, { views: views as ViewStore });
}

function smtpSettings() {
  const env = process.env;
  return {
    ...(env.STANCEWATCH_SMTP_URL ? { smtpUrl: env.STANCEWATCH_SMTP_URL } : {}),
    ...(env.STANCEWATCH_ALERT_TO ? { alertTo: env.STANCEWATCH_ALERT_TO } : {}),
    ...(env.STANCEWATCH_ALERT_FROM ? { alertFrom: env.STANCEWATCH_ALERT_FROM } : {}),
  };
}
