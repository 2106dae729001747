import type { ApiDependencies } from '../../../functions/api/dependencies';
import { DynamoUniqueKeyRegistry } from '../../adapters/dynamodb/dynamo-unique-key-registry';
import type { AwsConfig } from '../../config';
import { createExtractor } from '../extractor';
import { apiParts } from './api';

/**
 * The API write function: the HTTP API sends it POST /documents only. It exists to extract, so the
 * extractor (codebook, NLP model, date parser) is built at init, once per container, like the
 * ingest function's; its cost is in the init time (docs/performance.md).
 */
export function writeApiDependencies(config: AwsConfig<'apiWrite'>): ApiDependencies {
  const { client, ids, clock, eventStore, views, auth, logError } = apiParts(config, 'stancewatch-apiWrite');
  return {
    ingest: {
      eventStore,
      uniqueKeys: new DynamoUniqueKeyRegistry(client, config.eventsTable),
      extractor: createExtractor(config),
      ids,
      clock,
    },
    eventStore,
    views,
    auth,
    logError,
  };
}
