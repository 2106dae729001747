import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import type { HandlerLogger, StreamParking } from '../../../functions/streams/stream-handler';
import { createDynamoDocumentClient } from '../../adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../adapters/dynamodb/dynamo-event-store';
import { DynamoParkingStore } from '../../adapters/dynamodb/dynamo-parking-store';
import { DEFAULT_GLOBAL_SHARDS } from '../../adapters/dynamodb/event-table';
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
export function eventStoreParts(config: Pick<Config, 'awsRegion' | 'eventsGlobalShards'> & { eventsTable: string }) {
  const client = createDynamoDocumentClient({ region: config.awsRegion });
  const ids = createUlidGenerator();
  const clock = systemClock;
  // The stack sets the table's shard count beside its name; the default is the stack's default.
  const globalShards = config.eventsGlobalShards ?? DEFAULT_GLOBAL_SHARDS;
  const eventStore = new DynamoEventStore({ client, tableName: config.eventsTable, clock, ids, globalShards });
  return { client, ids, clock, eventStore };
}

/** A handler logger that can stamp each invocation's Lambda context on its lines. */
export interface LambdaLogger extends HandlerLogger {
  /** Adds the invocation's request id, function name and version, and whether it is a cold start. */
  addLambdaContext(context: Context): void;
}

/** Powertools' JSON logger in the shape the handlers take. */
export function powertoolsLogger(serviceName: string): LambdaLogger {
  const logger = new Logger({ serviceName });
  return {
    info: (message, extra) => logger.info(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
    addLambdaContext: (context) => logger.addContext(context),
  };
}

/**
 * Wraps a Lambda entry so every line its logger writes during an invocation carries that
 * invocation's context (Powertools' `addContext`: request id, cold start, function name).
 */
export function withLambdaContext<TEvent, TResult>(
  logger: LambdaLogger,
  handler: (event: TEvent, context: Context) => Promise<TResult>,
): (event: TEvent, context: Context) => Promise<TResult> {
  return (event, context) => {
    logger.addLambdaContext(context);
    return handler(event, context);
  };
}

/** Powertools Metrics for one function: EMF lines under the stack's namespace, by service. */
export const powertoolsMetrics = (config: Pick<Config, 'observability'>, serviceName: string) =>
  new Metrics({ namespace: config.observability.metricsNamespace, serviceName });

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
  const metrics = powertoolsMetrics(config, serviceName);
  return {
    store: new DynamoParkingStore({ client, tableName: config.parkedTable }),
    clock: systemClock,
    onParked: () => metrics.singleMetric().addMetric(PARKED_RECORDS_METRIC, MetricUnit.Count, 1),
  };
}

/**
 * The projector's counts: contradictions detected and positions changed, one EMF line per commit
 * that has any (both are rare next to the statements), so none is lost when an invocation ends.
 */
export function countPositionEvents(metrics: Metrics): (types: readonly string[]) => void {
  return (types) => {
    const contradictions = types.filter((type) => type === 'ContradictionDetected').length;
    const changes = types.filter((type) => type === 'PositionChanged').length;
    if (contradictions === 0 && changes === 0) return;
    const line = metrics.singleMetric();
    line.addMetric('ContradictionsDetected', MetricUnit.Count, contradictions);
    line.addMetric('PositionsChanged', MetricUnit.Count, changes);
  };
}

/** Delivered position events counted before one metric line is written (see countTimelineEffects). */
const TIMELINE_EFFECTS_PER_LINE = 100;

/**
 * How often a position commit's timeline effects were already written by the call that decided it
 * (`TimelineEffectsSkipped`) against written again because another container decided it or it was
 * forgotten (`TimelineEffectsWrittenAgain`): the share of the one-write-per-statement saving a
 * deployment gets (docs/performance.md). Two position commits per document would make a line each
 * cost more in logs than the metric is worth, so the counts are summed and written every 100
 * events; a container that ends drops at most 99, which a ratio can spare.
 */
export function countTimelineEffects(
  metrics: Metrics,
  perLine = TIMELINE_EFFECTS_PER_LINE,
): (counts: { skipped: number; writtenAgain: number }) => void {
  let skipped = 0;
  let writtenAgain = 0;
  return (counts) => {
    skipped += counts.skipped;
    writtenAgain += counts.writtenAgain;
    if (skipped + writtenAgain < perLine) return;
    const line = metrics.singleMetric();
    line.addMetric('TimelineEffectsSkipped', MetricUnit.Count, skipped);
    line.addMetric('TimelineEffectsWrittenAgain', MetricUnit.Count, writtenAgain);
    skipped = 0;
    writtenAgain = 0;
  };
}

/** The alerter's count: alerts it published (not those already sent, queued or dismissed). */
export function countPublishedAlerts(metrics: Metrics): (status: string) => void {
  return (status) => {
    if (status === 'published') metrics.singleMetric().addMetric('AlertsPublished', MetricUnit.Count, 1);
  };
}
