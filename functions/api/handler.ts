import { Logger } from '@aws-lambda-powertools/logger';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import { handle } from 'hono/aws-lambda';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { DynamoUniqueKeyRegistry } from '../../shared/adapters/dynamodb/dynamo-unique-key-registry';
import { DynamoViewStore } from '../../shared/adapters/dynamodb/dynamo-view-store';
import { optionalEnv, requiredEnv } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { deferredExtractor } from '../../shared/wiring/deferred-extractor';
import { extractorSettingsFromEnvironment } from '../../shared/wiring/extractor-settings';
import { createApp } from './app';
import { labelledTokensFromSecret, tokenFromSecret } from './secret-token';

/** How long a container reuses the token before asking Secrets Manager again (rotation takes effect within it). */
const TOKEN_CACHE_SECONDS = 300;

// Built once per container: configuration (failing fast), clients, extractor and the app.
const purpose = 'The API function';
const eventsTable = requiredEnv('EVENTS_TABLE', purpose);
const viewsTable = requiredEnv('VIEWS_TABLE', purpose);
const tokenSecretArn = requiredEnv('API_TOKEN_SECRET_ARN', purpose);
const publicReadSetting = optionalEnv('STANCEWATCH_PUBLIC_READ') ?? 'false';
if (publicReadSetting !== 'true' && publicReadSetting !== 'false') {
  throw new Error(`STANCEWATCH_PUBLIC_READ must be "true" or "false", not "${publicReadSetting}"`);
}

// Checked now (a bad STANCEWATCH_EXTRACTOR stops the container at init); built on the first POST.
const extractorSettings = extractorSettingsFromEnvironment();

const logger = new Logger({ serviceName: 'stancewatch-api' });
const client = createDynamoDocumentClient();
const ids = createUlidGenerator();
const eventStore = new DynamoEventStore({ client, tableName: eventsTable, clock: systemClock, ids });

export const app = createApp({
  ingest: {
    eventStore,
    uniqueKeys: new DynamoUniqueKeyRegistry(client, eventsTable),
    // Built on the first POST, so a container that only answers reads starts without the NLP model.
    extractor: deferredExtractor(extractorSettings.kind, async () => {
      const { extractorFromEnvironment } = await import('../../shared/wiring/extractor-from-environment');
      return extractorFromEnvironment();
    }),
    ids,
    clock: systemClock,
  },
  eventStore,
  views: new DynamoViewStore({ client, tableName: viewsTable }),
  auth: {
    // Powertools caches the secret per container; the app asks on each request and gets the cached value.
    token: async () => tokenFromSecret(await getSecret(tokenSecretArn, { maxAge: TOKEN_CACHE_SECONDS })),
    labelledTokens: async () =>
      labelledTokensFromSecret(await getSecret(tokenSecretArn, { maxAge: TOKEN_CACHE_SECONDS })),
    publicRead: publicReadSetting === 'true',
  },
  logError: (message, context) => logger.error(message, context),
});

export const handler = handle(app);
