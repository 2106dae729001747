import { Logger } from '@aws-lambda-powertools/logger';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { AppDependencies, IngestDocument } from '../../../functions/api/dependencies';
import { labelledTokensFromSecret, tokenFromSecret } from '../../../functions/api/secret-token';
import { DynamoViewStore } from '../../adapters/dynamodb/dynamo-view-store';
import type { AwsConfig } from '../../config';
import { eventStoreParts } from './common';

/** How long a container reuses the API token before asking Secrets Manager again (rotation takes effect within it). */
const TOKEN_CACHE_SECONDS = 300;

/** What both API functions build the app from: the stores, the token from Secrets Manager, the logger. */
export function apiParts(config: AwsConfig<'api'> | AwsConfig<'apiWrite'>, serviceName: string) {
  const { client, ids, clock, eventStore } = eventStoreParts(config);
  const logger = new Logger({ serviceName });
  return {
    client,
    ids,
    clock,
    eventStore,
    views: new DynamoViewStore({ client, tableName: config.viewsTable }),
    auth: {
      // Powertools caches the secret per container; the app asks on each request and gets the cached value.
      token: async () => tokenFromSecret(await getSecret(config.apiTokenSecretArn, { maxAge: TOKEN_CACHE_SECONDS })),
      // The same secret may map analysts' labels to their own tokens (docs/review.md).
      labelledTokens: async () =>
        labelledTokensFromSecret(await getSecret(config.apiTokenSecretArn, { maxAge: TOKEN_CACHE_SECONDS })),
      publicRead: config.publicRead,
    },
    logError: (message: string, context: Record<string, unknown>) => logger.error(message, context),
  };
}

/**
 * The read API function: every route but POST /documents, which the HTTP API sends to the write
 * function (shared/wiring/aws/api-write.ts). It holds no ingest use case, so its bundle carries
 * neither the NLP model nor the HTML and date parsers (docs/deploy.md, the two API functions).
 */
export function readApiDependencies(config: AwsConfig<'api'>): AppDependencies {
  const { ids, clock, eventStore, views, auth, logError } = apiParts(config, 'stancewatch-api');
  return { ingestDocument: servedElsewhere, ids, clock, eventStore, views, auth, logError };
}

/** Reached only if POST /documents is routed to the read function by mistake: a 500, logged with this reason. */
const servedElsewhere: IngestDocument = async () => {
  throw new Error('POST /documents reached the read API function; the HTTP API must route it to the write function');
};
