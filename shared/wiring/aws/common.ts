import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { HandlerLogger, StreamParking } from '../../../functions/streams/stream-handler';
import { createDynamoDocumentClient } from '../../adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../adapters/dynamodb/dynamo-event-store';
import { DynamoParkingStore } from '../../adapters/dynamodb/dynamo-parking-store';
import { PARKED_RECORDS_METRIC } from '../../adapters/dynamodb/parked-records-table';
import type { Config } from '../../config';
import { systemClock } from '../../ports/clock';
import { createUlidGenerator } from '../../ports/id-generator';

/**
 * The composition root on AWS is this folder: the only place that chooses adapters for the Lambda
 * functions. Each `functions/<name>/handler.ts` reads its configuration (shared/config.ts) and
 * calls its module here at module scope, so everything is built once per container and reused.
 *
 * One module per function (and this common part) rather than one file: esbuild keeps a module's
 * imports in a bundle even when the function using them is unused, and each function must ship
 * only its own packages (bench/bundle-size.bench.ts fails otherwise).
 */

/** The DynamoDB client (once per container), the ids, the clock and the event store every function uses. */
export function eventStoreParts(config: Pick<Config, 'awsRegion'> & { eventsTable: string }) {
  const client = createDynamoDocumentClient({ region: config.awsRegion });
  const ids = createUlidGenerator();
  const clock = systemClock;
  const eventStore = new DynamoEventStore({ client, tableName: config.eventsTable, clock, ids });
  return { client, ids, clock, eventStore };
}

/** Powertools' JSON logger in the shape the stream handlers take. */
export function powertoolsLogger(serviceName: string): HandlerLogger {
  const logger = new Logger({ serviceName });
  return {
    info: (message, extra) => logger.info(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  };
}

/**
 * A stream consumer's parking: the parked-records table, and one ParkedRecords metric per record
 * parked, published at once (EMF, a single-metric line) so that no record goes uncounted when the
 * invocation ends.
 */
export function streamParking(
  client: DynamoDBDocumentClient,
  config: Pick<Config, 'observability'> & { parkedTable: string },
  serviceName: string,
): StreamParking {
  const metrics = new Metrics({ namespace: config.observability.metricsNamespace, serviceName });
  return {
    store: new DynamoParkingStore({ client, tableName: config.parkedTable }),
    clock: systemClock,
    onParked: () => metrics.singleMetric().addMetric(PARKED_RECORDS_METRIC, MetricUnit.Count, 1),
  };
}
