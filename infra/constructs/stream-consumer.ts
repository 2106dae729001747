import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import { Alarm, ComparisonOperator, type IAlarmAction, TreatMissingData } from 'aws-cdk-lib/aws-cloudwatch';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { StartingPosition } from 'aws-cdk-lib/aws-lambda';
import { DynamoEventSource, SqsDlq } from 'aws-cdk-lib/aws-lambda-event-sources';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import { Construct } from 'constructs';
import type { StancewatchFunction } from './stancewatch-function';

export interface StreamConsumerProps {
  table: ITable;
  consumer: StancewatchFunction;
  /** Records per invocation. */
  batchSize: number;
  /** Attempts after the first before a record's batch goes to the failure queue. */
  retryAttempts: number;
  /** Records older than this are sent to the failure queue instead of being retried. */
  maxRecordAge: Duration;
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
 * batch failures reported per record, a failing batch bisected to isolate the poison record,
 * bounded retries and record age, and an encrypted SQS on-failure destination holding the
 * shard/sequence range of what was given up (the records stay readable in the stream for 24 h).
 * One batch per shard at a time (parallelization factor 1), so each stream's commits are handled
 * in order.
 */
export class StreamConsumer extends Construct {
  readonly failures: Queue;
  readonly source: DynamoEventSource;
  readonly failuresAlarm: Alarm;
  readonly iteratorAgeAlarm: Alarm;

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
      retryAttempts: props.retryAttempts,
      maxRecordAge: props.maxRecordAge,
      onFailure: new SqsDlq(this.failures),
      ...(props.filters ? { filters: props.filters } : {}),
    });
    props.consumer.function.addEventSource(this.source);
    this.failuresAlarm = this.#alarmOnFailures(props.alarmAction, props.consumer);
    this.iteratorAgeAlarm = this.#alarmOnIteratorAge(props.alarmAction, props.consumer, props.iteratorAgeAlarm);
  }

  /** A record was given up: something must look at the failure queue (and replay if needed). */
  #alarmOnFailures(action: IAlarmAction, consumer: StancewatchFunction): Alarm {
    const alarm = new Alarm(this, 'FailuresAlarm', {
      alarmDescription: `stancewatch ${consumer.name}: stream records were given up and sent to ${this.failures.queueName} (queue not empty)`,
      metric: this.failures.metricApproximateNumberOfMessagesVisible({
        period: Duration.minutes(5),
        statistic: 'Maximum',
      }),
      threshold: 1,
      comparisonOperator: ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      evaluationPeriods: 1,
      treatMissingData: TreatMissingData.NOT_BREACHING,
    });
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    return alarm;
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
