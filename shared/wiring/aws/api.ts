import { Logger } from '@aws-lambda-powertools/logger';
import { getSecret } from '@aws-lambda-powertools/parameters/secrets';
import type { ApiDependencies } from '../../../functions/api/dependencies';
import { labelledTokensFromSecret, tokenFromSecret } from '../../../functions/api/secret-token';
import { DynamoUniqueKeyRegistry } from '../../adapters/dynamodb/dynamo-unique-key-registry';
import { DynamoViewStore } from '../../adapters/dynamodb/dynamo-view-store';
import type { AwsConfig } from '../../config';
import type { Extractor } from '../../ports/extractor';
import { eventStoreParts } from './common';

/** How long a container reuses the API token before asking Secrets Manager again (rotation takes effect within it). */
const TOKEN_CACHE_SECONDS = 300;

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
      extractor: deferredExtractor(config.extractor.kind, async () => {
        const { createExtractor } = await import('../extractor');
        return createExtractor(config);
      }),
      ids,
      clock,
    },
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
