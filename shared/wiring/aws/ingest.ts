import { DynamoUniqueKeyRegistry } from '../../adapters/dynamodb/dynamo-unique-key-registry';
import type { IngestDependencies } from '../../application/ingest-document';
import type { AwsConfig } from '../../config';
import { createExtractor } from '../extractor';
import { eventStoreParts, powertoolsLogger, powertoolsMetrics } from './common';

/** The ingest function: the extractor is built at init (a container exists to ingest). */
export function ingestDependencies(config: AwsConfig<'ingest'>): IngestDependencies {
  const { client, ids, clock, eventStore } = eventStoreParts(config);
  return {
    eventStore,
    uniqueKeys: new DynamoUniqueKeyRegistry(client, config.eventsTable),
    extractor: createExtractor(config),
    ids,
    clock,
  };
}

const SERVICE = 'stancewatch-ingest';

/** The ingest function's logger and metrics (documents, duplicates, rejections, statements). */
export const ingestObservability = (config: AwsConfig<'ingest'>) => ({
  logger: powertoolsLogger(SERVICE),
  metrics: powertoolsMetrics(config, SERVICE),
});
