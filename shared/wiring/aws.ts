import { Logger } from '@aws-lambda-powertools/logger';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { AlerterHandlerDependencies } from '../../functions/alerter/alerter';
import type { ApiDependencies } from '../../functions/api/dependencies';
import { tokenFromSecret } from '../../functions/api/secret-token';
import type { ProjectorHandlerDependencies } from '../../functions/projector/projector';
import type { HandlerLogger } from '../../functions/streams/stream-handler';
import { createDynamoDocumentClient } from '../adapters/dynamodb/document-client';
import { DynamoEventStore } from '../adapters/dynamodb/dynamo-event-store';
import { DynamoUniqueKeyRegistry } from '../adapters/dynamodb/dynamo-unique-key-registry';
import { DynamoViewStore } from '../adapters/dynamodb/dynamo-view-store';
import { createSnsClient } from '../adapters/sns/sns-client';
import { SnsNotifier } from '../adapters/sns/sns-notifier';
import type { IngestDependencies } from '../application/ingest-document';
import { PositionStateCache } from '../application/position-state-cache';
import type { AwsConfig } from '../config';
import { systemClock } from '../ports/clock';
import type { Extractor } from '../ports/extractor';
import { createUlidGenerator } from '../ports/id-generator';
// Types only: the extractor module (the NLP model, the codebook) is loaded when it is built.
import type { ExtractorConfig } from './extractor';

/**
 * The composition root on AWS: the only place that chooses adapters for the Lambda functions.
 * Each `functions/<name>/handler.ts` reads its configuration (shared/config.ts) and calls one of
 * these at module scope, so everything here is built once per container and reused.
 *
 * One function per Lambda, so each bundle keeps only what its function uses (esbuild drops the
 * others; bench/bundle-size.bench.ts fails when a bundle carries another function's packages).
 */

/** How long a container reuses the API token before asking Secrets Manager again (rotation takes effect within it). */
const TOKEN_CACHE_SECONDS = 300;

/** The DynamoDB client (once), the ids, the clock and the event store every function shares. */
function eventStoreParts(config: Pick<AwsConfig<'ingest'>, 'eventsTable' | 'awsRegion'>) {
  const client = createDynamoDocumentClient({ region: config.awsRegion });
  const ids = createUlidGenerator();
  const clock = systemClock;
  const eventStore = new DynamoEventStore({ client, tableName: config.eventsTable, clock, ids });
  return { client, ids, clock, eventStore };
}

function powertoolsLogger(serviceName: string): HandlerLogger {
  const logger = new Logger({ serviceName });
  return {
    info: (message, extra) => logger.info(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  };
}

/** Loads the extractor module and builds the configured extractor (docs/bedrock.md). */
async function buildExtractor(config: ExtractorConfig): Promise<Extractor> {
  const { createExtractor } = await import('./extractor');
  return createExtractor(config);
}

/** The ingest function: the extractor is built at init (a container exists to ingest). */
export async function ingestDependencies(config: AwsConfig<'ingest'>): Promise<IngestDependencies> {
  const { client, ids, clock, eventStore } = eventStoreParts(config);
  return {
    eventStore,
    uniqueKeys: new DynamoUniqueKeyRegistry(client, config.eventsTable),
    extractor: await buildExtractor(config),
    ids,
    clock,
  };
}

export function projectorDependencies(config: AwsConfig<'projector'>): ProjectorHandlerDependencies {
  const { client, ids, eventStore } = eventStoreParts(config);
  return {
    eventStore,
    views: new DynamoViewStore({ client, tableName: config.viewsTable }),
    ids,
    // Lives as long as the container: a warm projector reads only the new commits of a position.
    positionCache: new PositionStateCache(),
    logger: powertoolsLogger('stancewatch-projector'),
  };
}

export function alerterDependencies(config: AwsConfig<'alerter'>): AlerterHandlerDependencies {
  const { ids, clock, eventStore } = eventStoreParts(config);
  return {
    eventStore,
    notifier: new SnsNotifier({
      client: createSnsClient({ region: config.awsRegion }),
      topicArn: config.alertTopicArn,
    }),
    ids,
    clock,
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    logger: powertoolsLogger('stancewatch-alerter'),
  };
}

/**
 * The API function. Its extractor is built on the first POST: a container that only answers reads
 * starts without the NLP model (the configuration, extractor settings included, is still checked
 * at init).
 */
export function apiDependencies(config: AwsConfig<'api'>): ApiDependencies {
  const { client, ids, clock, eventStore } = eventStoreParts(config);
  const logger = new Logger({ serviceName: 'stancewatch-api' });
  return {
    ingest: {
      eventStore,
      uniqueKeys: new DynamoUniqueKeyRegistry(client, config.eventsTable),
      extractor: deferredExtractor(config.extractor.kind, () => buildExtractor(config)),
      ids,
      clock,
    },
    eventStore,
    views: new DynamoViewStore({ client, tableName: config.viewsTable }),
    auth: {
      // Powertools caches the secret per container; the app asks on each request and gets the cached value.
      token: async () => tokenFromSecret(await getSecret(config.apiTokenSecretArn, { maxAge: TOKEN_CACHE_SECONDS })),
      publicRead: config.publicRead,
    },
    logError: (message, context) => logger.error(message, context),
  };
}

/**
 * An extractor built on its first use. The API function serves GETs far more often than it ingests,
 * and building the extractor (the NLP model, the codebook, the date parser) is most of its cold
 * start: a container that only answers reads never pays for it. A failed build is retried on the
 * next use rather than remembered.
 */
export function deferredExtractor(name: string, build: () => Promise<Extractor>): Extractor {
  let built: Promise<Extractor> | undefined;
  return {
    name,
    async extract(input) {
      built ??= build().catch((error: unknown) => {
        built = undefined;
        throw error;
      });
      return (await built).extract(input);
    },
  };
}
