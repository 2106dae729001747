import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IAlarmAction, Metric, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import { PARKED_RECORDS_METRIC } from '../../shared/adapters/dynamodb/parked-records-table';
import { alarmWhen } from './alarm-when';
import { POWERTOOLS_METRICS_NAMESPACE, type StancewatchFunction } from './stancewatch-function';

export interface StreamConsumerProps {
  table: ITable;
  consumer: StancewatchFunction;
  /** Records per invocation. */
  batchSize: number;
  /**
   * Attempts after the first before a record's batch goes to the failure queue; -1 (the default):
   * retry until the record leaves the stream (24 h), i.e. stall rather than skip.
   */
  retryAttempts?: number;
  /** Records older than this are sent to the failure queue instead of being retried; default: none. */
  maxRecordAge?: Duration;
  /** Lambda event filter patterns (FilterCriteria.filter(...)); records matching none never invoke. */
  filters?: Array<Record<string, unknown>>;
  /** Where the alarms go (the ops topic). */
  alarmAction: IAlarmAction;
  /** Alarm when the oldest record waits longer than this. */
  iteratorAgeAlarm: Duration;
  throwaway: boolean;
}

/**
 * A DynamoDB Streams consumer wired the way the handlers expect (functions/streams): partial
 * batch failures reported per record, a failing batch bisected to isolate the record, and by
 * default no give-up: a record the consumer's code cannot handle is parked by the handler itself
 * (the whole commit, in the parked-records table, one ParkedRecords metric each, alarmed here)
 * and the shard moves on; a batch fails only when even parking failed, and is then retried until
 * it succeeds, stalling the shard (the iterator-age alarm). The encrypted SQS on-failure
 * destination is kept for what can still escape: records that leave the stream (24 h) while the
 * shard is stalled; it holds their shard/sequence range, not their content. One batch per shard at
 * a time (parallelization factor 1), so each stream's commits are handled in order.
 */
export class StreamConsumer extends Construct {
  readonly failures: Queue;
  readonly source: DynamoEventSource;
  readonly failuresAlarm: Alarm;
  readonly iteratorAgeAlarm: Alarm;
  readonly parkedRecordsAlarm: Alarm;
  /** One data point per record the consumer parked (Powertools EMF, shared/wiring/aws/common.ts). */
  readonly parkedRecords: Metric;

  constructor(scope: Construct, id: string, props: StreamConsumerProps) {
    super(scope, id);
    this.failures = new Queue(this, 'Failures', {
      // SQS-managed SSE: encrypted at rest with no KMS key policy or kms:* grants to maintain; the
      // messages are stream metadata (shard, sequence numbers), not document text.
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: props.throwaway ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    Validations.of(this.failures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason:
        'This queue is itself the failure destination of a stream event source mapping: the end of the line, read by a person after its alarm fires; a queue behind it would only move the same messages.',
    });
    this.source = new DynamoEventSource(props.table, {
      startingPosition: StartingPosition.TRIM_HORIZON,
      batchSize: props.batchSize,
      maxBatchingWindow: Duration.seconds(0),
      parallelizationFactor: 1,
      reportBatchItemFailures: true,
      bisectBatchOnError: true,
      retryAttempts: props.retryAttempts ?? -1,
      ...(props.maxRecordAge ? { maxRecordAge: props.maxRecordAge } : {}),
      onFailure: new SqsDlq(this.failures),
      ...(props.filters ? { filters: props.filters } : {}),
    });
    props.consumer.function.addEventSource(this.source);
    this.failuresAlarm = this.#alarmOnFailures(props.alarmAction, props.consumer);
    this.iteratorAgeAlarm = this.#alarmOnIteratorAge(props.alarmAction, props.consumer, props.iteratorAgeAlarm);
    this.parkedRecords = new Metric({
      namespace: POWERTOOLS_METRICS_NAMESPACE,
      metricName: PARKED_RECORDS_METRIC,
      dimensionsMap: { service: `stancewatch-${props.consumer.name}` },
      period: Duration.minutes(5),
      statistic: 'Sum',
    });
    this.parkedRecordsAlarm = this.#alarmOnParkedRecords(props.alarmAction, props.consumer);
  }

  /** The consumer parked records: fix the cause, then redrive them (docs/deploy.md, "Parked records"). */
  #alarmOnParkedRecords(action: IAlarmAction, consumer: StancewatchFunction): Alarm {
    return alarmWhen(this, 'ParkedRecordsAlarm', action, {
      description:
        `stancewatch ${consumer.name}: stream records were parked (> 0 in 5 minutes); their effect waits for a redrive. ` +
        `Cause in ${consumer.logGroup.logGroupName} ("stream record parked"); after the fix invoke the function with {"redrive":{}}`,
      metric: this.parkedRecords,
    });
  }

  /** A record expired from the stream during a stall: something must look at the failure queue. */
  #alarmOnFailures(action: IAlarmAction, consumer: StancewatchFunction): Alarm {
    return alarmWhen(this, 'FailuresAlarm', action, {
      description: `stancewatch ${consumer.name}: stream records left the stream before they could be handled or parked, and were sent to ${this.failures.queueName} (queue not empty)`,
      metric: this.failures.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
    });
  }

  /** The consumer falls behind (retries of a failing record, or too slow for the write rate). */
  #alarmOnIteratorAge(action: IAlarmAction, consumer: StancewatchFunction, threshold: Duration): Alarm {
    const alarm = new Alarm(this, 'IteratorAgeAlarm', {
      alarmDescription: `stancewatch ${consumer.name}: the oldest stream record waited more than ${threshold.toHumanString()}`,
      metric: consumer.function.metric('IteratorAge', { period: Duration.minutes(5), statistic: 'Maximum' }),
      threshold: threshold.toMilliseconds(),
      comparisonOperator: ComparisonOperator.GREATER_THAN_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
  }
}
