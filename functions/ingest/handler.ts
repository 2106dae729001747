import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { readAwsConfig } from '../../shared/config';
import { withLambdaContext } from '../../shared/wiring/aws/common';
import { ingestDependencies, ingestObservability } from '../../shared/wiring/aws/ingest';
import { createIngestHandler, type IngestEvent, ingestCounts } from './ingest-handler';

// Built once per container: clients, the codebook and the extractor are reused across invocations.
const config = readAwsConfig('ingest');
const ingest = createIngestHandler(ingestDependencies(config));
const { logger, metrics } = ingestObservability(config);

/** One document or `{documents: [...]}`; each invocation logs and publishes what it counted. */
export const handler = withLambdaContext(logger, async (event: IngestEvent, context) => {
  const response = await ingest(event, context);
  const counts = ingestCounts(response);
  for (const [name, value] of Object.entries(counts)) metrics.addMetric(name, MetricUnit.Count, value);
  metrics.publishStoredMetrics();
  logger.info('ingest', { ...counts });
  return response;
});
