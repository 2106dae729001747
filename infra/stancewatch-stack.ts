import { type CfnElement, CfnOutput, Duration, RemovalPolicy, Stack, type StackProps, Validations } from 'aws-cdk-lib';
import { AccessLogFormat } from 'aws-cdk-lib/aws-apigateway';
import { HttpApi, HttpMethod, HttpRoute, HttpStage, LogGroupLogDestination } from 'aws-cdk-lib/aws-apigatewayv2';
import { HttpLambdaIntegration } from 'aws-cdk-lib/aws-apigatewayv2-integrations';
import { type Alarm, AlarmStatusWidget, Dashboard, GraphWidget, type IAlarm, Metric } from 'aws-cdk-lib/aws-cloudwatch';
import { SnsAction } from 'aws-cdk-lib/aws-cloudwatch-actions';
import type { ITable } from 'aws-cdk-lib/aws-dynamodb';
import { Effect, Grant, PolicyStatement, Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Key } from 'aws-cdk-lib/aws-kms';
import { type Code, FilterCriteria, FilterRule } from 'aws-cdk-lib/aws-lambda';
import { LogGroup } from 'aws-cdk-lib/aws-logs';
import { Schedule, ScheduleExpression } from 'aws-cdk-lib/aws-scheduler';
import { LambdaInvoke } from 'aws-cdk-lib/aws-scheduler-targets';
import { Secret } from 'aws-cdk-lib/aws-secretsmanager';
import { SubscriptionFilter, Topic } from 'aws-cdk-lib/aws-sns';
import { EmailSubscription } from 'aws-cdk-lib/aws-sns-subscriptions';
import { Queue, QueueEncryption } from 'aws-cdk-lib/aws-sqs';
import type { Construct } from 'constructs';
import { EVENT_TABLE_KEYS } from '../shared/adapters/dynamodb/event-table';
import { VIEWS_INDEXES } from '../shared/adapters/dynamodb/views-table';
import { ENV } from '../shared/config';
import { ALERTING_EVENT_TYPES } from '../shared/domain/alerts/alert-stream';
import type { FunctionName } from './bundling';
import { bedrockResourcesFor, type StancewatchConfig } from './config';
import { alarmWhen } from './constructs/alarm-when';
import { ParkedRecordsTable } from './constructs/parked-records-table';
import { LOG_RETENTION, StancewatchFunction } from './constructs/stancewatch-function';
import { StreamConsumer } from './constructs/stream-consumer';
import { EventStoreTable, ViewsTable } from './constructs/tables';

export interface StancewatchStackProps extends StackProps {
  config: StancewatchConfig;
  /** Tests only: ready-made code per function instead of esbuild bundles (keeps `npm test` fast). */
  codeFor?: (name: FunctionName) => Code;
}

/**
 * Only commits holding a ContradictionDetected or a ContradictionConfirmed reach the alerter. Lambda event filters match a
 * DynamoDB string set (`{"SS": [...]}`) like an array in an EventBridge pattern: the record matches
 * when the pattern's values and the set intersect, so a commit whose set is
 * {PositionChanged, ContradictionDetected} passes and {PositionTaken} does not.
 * test/infra/alerter-filter.test.ts checks this pattern against marshalled commits.
 */
export const ALERTER_FILTER = FilterCriteria.filter({
  eventName: FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { eventTypes: { SS: FilterRule.or(...ALERTING_EVENT_TYPES) } } },
});

/**
 * Only commit inserts reach the projector: the events table also holds unique-key claims and
 * position snapshots (parts of up to 350 KB, docs/event-store.md), which the projector would read
 * and ignore. Every commit item has a `commitId`; nothing else in the table does.
 */
export const PROJECTOR_FILTER = FilterCriteria.filter({
  eventName: FilterRule.isEqual('INSERT'),
  dynamodb: { NewImage: { commitId: { S: FilterRule.exists() } } },
});

/**
 * Reserved concurrency (with `-c reservedConcurrency=true`), only where a runaway costs money:
 * - api and apiWrite (each `apiConcurrency`): the public endpoint; a flood (or a client retry
 *   loop) can at most keep this many executions busy, so Lambda and DynamoDB spend stay bounded
 *   (the stage throttle rejects most of such a flood before Lambda is invoked at all), and with a
 *   Bedrock extractor every POST /documents spends model tokens.
 * - ingest: a looping caller (a script, a misconfigured trigger) could otherwise run up to the
 *   account limit in parallel, each invocation extracting up to 100 documents (Bedrock tokens).
 * The stream consumers get none: their concurrency is already bounded by the shard count times
 * the parallelization factor (1), and a reservation could only throttle them and age the stream.
 * Off by default: a new account's concurrency quota (10) refuses any reservation.
 */
export const reservedConcurrencyOf = (config: StancewatchConfig) =>
  config.reservedConcurrency
    ? { api: config.apiConcurrency, apiWrite: config.apiConcurrency, ingest: config.ingestConcurrency }
    : {};

/** The HTTP API routes that extract, served by the apiWrite function; every other request goes to api. */
export const WRITE_ROUTES = [{ method: HttpMethod.POST, path: '/documents' }] as const;

/** POST /documents' Bedrock time budget per document (the HTTP API gives up after 30 s). */
export const API_BEDROCK_DEADLINE_SECONDS = 20;

export class StancewatchStack extends Stack {
  readonly events: EventStoreTable;
  readonly views: ViewsTable;
  readonly parked: ParkedRecordsTable;
  readonly alertTopic: Topic;
  readonly opsTopic: Topic;
  readonly apiToken: Secret;
  readonly functions: Record<FunctionName, StancewatchFunction>;
  readonly projectorStream: StreamConsumer;
  readonly alerterStream: StreamConsumer;
  readonly api: HttpApi;
  readonly apiStage: HttpStage;
  readonly alarms: IAlarm[] = [];
  readonly alertDeliveryFailures: Queue;
  readonly digestSchedule: Schedule;

  constructor(scope: Construct, id: string, props: StancewatchStackProps) {
    super(scope, id, props);
    const { config } = props;
    const throwaway = config.throwaway;
    const removal = throwaway ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN;

    // ----- storage -----
    this.events = new EventStoreTable(this, 'Events', { throwaway, globalShards: config.eventShards });
    this.views = new ViewsTable(this, 'Views', { throwaway });
    this.parked = new ParkedRecordsTable(this, 'Parked', { throwaway });

    // ----- messaging -----
    // One customer managed key for both topics: CloudWatch alarms can only publish to an encrypted
    // topic whose key policy lets cloudwatch.amazonaws.com use the key, which an AWS managed key
    // (aws/sns) cannot grant.
    const topicKey = new Key(this, 'TopicKey', {
      description: 'stancewatch: encrypts the alert and operations SNS topics',
      enableKeyRotation: true,
      // Only in-flight messages are encrypted with it: nothing to decrypt once the topics are gone,
      // so it is scheduled for deletion with the stack instead of costing $1 a month forever.
      removalPolicy: RemovalPolicy.DESTROY,
      pendingWindow: Duration.days(7),
    });
    topicKey.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsPublishToEncryptedTopics',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        // As AWS documents it for alarms on encrypted topics (a key policy's "*" is this key).
        actions: ['kms:Decrypt', 'kms:GenerateDataKey*'],
        resources: ['*'],
      }),
    );
    this.alertTopic = new Topic(this, 'AlertTopic', {
      displayName: 'stancewatch alerts',
      masterKey: topicKey,
      enforceSSL: true,
    });
    // Email deliveries SNS gives up on (a full mailbox, a bounce storm) land here instead of vanishing.
    this.alertDeliveryFailures = new Queue(this, 'AlertDeliveryFailures', {
      encryption: QueueEncryption.SQS_MANAGED,
      enforceSSL: true,
      retentionPeriod: Duration.days(14),
      removalPolicy: removal,
    });
    Validations.of(this.alertDeliveryFailures).acknowledge({
      id: 'AwsSolutions-SQS3',
      reason: 'This queue is itself the dead-letter queue of the alert email subscription.',
    });
    if (config.alertEmail) {
      this.alertTopic.addSubscription(
        new EmailSubscription(config.alertEmail, {
          filterPolicy: alertFilterPolicy(config),
          deadLetterQueue: this.alertDeliveryFailures,
        }),
      );
    }
    this.opsTopic = new Topic(this, 'OpsTopic', {
      displayName: 'stancewatch operations',
      masterKey: topicKey,
      enforceSSL: true,
    });
    // enforceSSL gives the topic a policy, which replaces SNS's default one: the alarms of this
    // account must be allowed to publish explicitly.
    this.opsTopic.addToResourcePolicy(
      new PolicyStatement({
        sid: 'CloudWatchAlarmsOfThisAccountPublish',
        effect: Effect.ALLOW,
        principals: [new ServicePrincipal('cloudwatch.amazonaws.com')],
        actions: ['sns:Publish'],
        resources: [this.opsTopic.topicArn],
        conditions: {
          ArnLike: { 'aws:SourceArn': `arn:${this.partition}:cloudwatch:${this.region}:${this.account}:alarm:*` },
          StringEquals: { 'aws:SourceAccount': this.account },
        },
      }),
    );
    if (config.opsEmail) this.opsTopic.addSubscription(new EmailSubscription(config.opsEmail));
    const alarmAction = new SnsAction(this.opsTopic);

    // ----- the API token -----
    this.apiToken = new Secret(this, 'ApiToken', {
      description: 'stancewatch: the bearer token of the HTTP API (a plain string)',
      generateSecretString: { passwordLength: 48, excludePunctuation: true, includeSpace: false },
      // Without an API the token protects nothing; a redeploy generates a new one.
      removalPolicy: RemovalPolicy.DESTROY,
    });
    Validations.of(this.apiToken).acknowledge({
      id: 'AwsSolutions-SMG4',
      reason:
        'The token is a static bearer credential handed to people, not a database password a rotation Lambda could change on both ends; rotating it is a manual `aws secretsmanager put-secret-value` (docs/deploy.md), picked up by the API within its cache time.',
    });

    // ----- functions -----
    const extractorEnvironment: Record<string, string> = {
      [ENV.extractor]: config.extractor,
      ...(config.bedrockModel ? { [ENV.bedrockModel]: config.bedrockModel } : {}),
    };
    const make = (
      name: FunctionName,
      settings: {
        description: string;
        memorySize: number;
        timeout: Duration;
        environment: Record<string, string>;
        reservedConcurrency?: number;
      },
    ) =>
      new StancewatchFunction(this, `${name[0]?.toUpperCase()}${name.slice(1)}`, {
        name,
        ...settings,
        reservedConcurrency: settings.reservedConcurrency,
        throwaway,
        ...(props.codeFor ? { code: props.codeFor(name) } : {}),
      });

    const usesBedrock = config.extractor !== 'rules';
    const ingest = make('ingest', {
      description: 'stancewatch: ingest documents (direct invoke: a document or {documents: [...]})',
      // Extraction is CPU-bound: memory buys CPU. Up to 100 documents per invocation; with a model
      // each document may take up to the Bedrock deadline (90 s by default), hence Lambda's maximum.
      memorySize: 1024,
      timeout: usesBedrock ? Duration.minutes(15) : Duration.minutes(2),
      environment: { ...this.events.environment, ...extractorEnvironment },
      reservedConcurrency: reservedConcurrencyOf(config).ingest,
    });
    const projector = make('projector', {
      description: 'stancewatch: projects commits into positions, contradictions and the views table',
      memorySize: 512,
      timeout: Duration.minutes(1),
      environment: {
        ...this.events.environment,
        [ENV.viewsTable]: this.views.tableName,
        [ENV.parkedTable]: this.parked.tableName,
        [ENV.snapshotEvery]: String(config.snapshotEvery),
        ...config.strengthPolicyEnvironment,
      },
    });
    const alerter = make('alerter', {
      description: 'stancewatch: publishes one SNS alert per detected contradiction',
      memorySize: 256,
      timeout: Duration.seconds(30),
      environment: {
        ...this.events.environment,
        [ENV.alertTopicArn]: this.alertTopic.topicArn,
        [ENV.parkedTable]: this.parked.tableName,
      },
    });
    // The HTTP API is two functions over the same Hono app: `api` answers every read (and the
    // review verdicts) and never loads the NLP model, so its bundle is small and its cold start
    // short; `apiWrite` gets only the routes that extract (WRITE_ROUTES) and builds the extractor
    // at init (docs/deploy.md, "Functions"; docs/performance.md, "Bundles and cold starts").
    const apiEnvironment = {
      ...this.events.environment,
      [ENV.viewsTable]: this.views.tableName,
      [ENV.apiTokenSecretArn]: this.apiToken.secretArn,
      ...(config.publicRead ? { [ENV.publicRead]: 'true' } : {}),
    };
    const api = make('api', {
      description: 'stancewatch: the HTTP API and dashboard (Hono): every route but POST /documents',
      memorySize: 1024,
      // API Gateway HTTP APIs wait 30 s at most for the integration.
      timeout: Duration.seconds(29),
      environment: apiEnvironment,
      reservedConcurrency: reservedConcurrencyOf(config).api,
    });
    const apiWrite = make('apiWrite', {
      description: 'stancewatch: the HTTP API route that extracts (POST /documents); the same app as api',
      // Extraction is CPU-bound: memory buys CPU.
      memorySize: 1024,
      timeout: Duration.seconds(29),
      environment: {
        ...apiEnvironment,
        ...extractorEnvironment,
        // POST /documents must answer within API Gateway's 30 s: past 20 s of model time the
        // document is read by the rules instead (docs/bedrock.md, deadline and fallback).
        ...(usesBedrock ? { [ENV.bedrockDeadlineSeconds]: String(API_BEDROCK_DEADLINE_SECONDS) } : {}),
      },
      reservedConcurrency: reservedConcurrencyOf(config).apiWrite,
    });
    const digest = make('digest', {
      description: 'stancewatch: the daily digest of possible contradictions (and shifts, opted in)',
      memorySize: 256,
      timeout: Duration.minutes(1),
      environment: {
        [ENV.viewsTable]: this.views.tableName,
        [ENV.alertTopicArn]: this.alertTopic.topicArn,
        ...(config.alertShifts ? { [ENV.alertShifts]: 'true' } : {}),
      },
    });
    this.functions = { ingest, projector, alerter, api, apiWrite, digest };
    for (const fn of Object.values(this.functions)) {
      Validations.of(fn.function).acknowledge({
        id: 'AwsSolutions-L1',
        reason:
          'Pinned to nodejs22.x on purpose: the runtime the handlers, bundles (target node22) and cold starts are tested and measured for; moving to a newer runtime is a deliberate change with its own test run, not a side effect of a CDK upgrade.',
      });
    }

    // ----- least privilege, by intent -----
    // ingest: append the document's events; the duplicate check claims the content hash and
    // reads an existing document's stream.
    this.events.grantAppend(ingest.role);
    this.events.grantReadStreams(ingest.role);
    this.events.grantClaimUniqueKeys(ingest.role);
    // projector: reads position streams and appends decisions; writes the views.
    this.events.grantReadStreams(projector.role);
    this.events.grantAppend(projector.role);
    this.views.grantProject(projector.role);
    // ... and rebuilds them from the whole log when invoked with {"replay": {}} (after an upgrade).
    this.events.grantReadLog(projector.role);
    // Both stream consumers park what they cannot handle, and replay it when invoked to redrive.
    this.parked.grantParkAndRedrive(projector.role);
    // alerter: AlertPublished is appended to the contradiction's alert stream (read first), then
    // the alert is published.
    this.events.grantReadStreams(alerter.role);
    this.events.grantAppend(alerter.role);
    grantPublishAlerts(alerter, this.alertTopic, topicKey);
    this.parked.grantParkAndRedrive(alerter.role);
    // digest: reads the review queue and the shifts, publishes one message a day.
    this.views.grantRead(digest.role);
    grantPublishAlerts(digest, this.alertTopic, topicKey);
    // api: the read routes (views, a document's stream, the global log for GET /events), the
    // review verdicts (appended to the review streams) and the token.
    this.views.grantRead(api.role);
    this.events.grantReadStreams(api.role);
    this.events.grantReadLog(api.role);
    this.events.grantAppend(api.role);
    // apiWrite: POST /documents, the same use case as ingest, and the token. No views: the
    // HTTP API sends it nothing that reads them.
    this.events.grantAppend(apiWrite.role);
    this.events.grantReadStreams(apiWrite.role);
    this.events.grantClaimUniqueKeys(apiWrite.role);
    for (const fn of [api, apiWrite]) {
      Grant.addToPrincipal({
        grantee: fn.role,
        actions: ['secretsmanager:GetSecretValue'],
        resourceArns: [this.apiToken.secretArn],
      });
    }
    if (config.bedrockModel) {
      for (const fn of [ingest, apiWrite]) grantInvokeModel(this, fn, config.bedrockModel);
    }

    // ----- stream wiring -----
    this.projectorStream = new StreamConsumer(this, 'ProjectorStream', {
      table: this.events.table,
      consumer: projector,
      batchSize: config.projectorBatchSize,
      // No retry limit and no age limit: the handler parks what it cannot project, so a batch
      // fails only when parking failed too, and then the shard waits rather than skip a record.
      filters: [PROJECTOR_FILTER],
      alarmAction,
      iteratorAgeAlarm: Duration.minutes(5),
      throwaway,
    });
    this.alerterStream = new StreamConsumer(this, 'AlerterStream', {
      table: this.events.table,
      consumer: alerter,
      batchSize: config.alerterBatchSize,
      // As the projector: alerts that cannot be published are parked, never given up.
      filters: [ALERTER_FILTER],
      alarmAction,
      iteratorAgeAlarm: Duration.minutes(5),
      throwaway,
    });
    // dynamodb:ListStreams (added by the event source) has no resource-level permissions: its "*"
    // is acknowledged with X-Ray's in StancewatchFunction.

    // ----- HTTP API -----
    // API Gateway HTTP API rather than a Function URL: a stage throttle that refuses a flood
    // before Lambda runs, access logs, and a custom domain later; $1 per million requests.
    this.api = new HttpApi(this, 'HttpApi', {
      description: 'stancewatch HTTP API and dashboard',
      defaultIntegration: new HttpLambdaIntegration('Api', api.function),
      createDefaultStage: false,
    });
    const writeIntegration = new HttpLambdaIntegration('ApiWrite', apiWrite.function);
    for (const { method, path } of WRITE_ROUTES) {
      this.api.addRoutes({ path, methods: [method], integration: writeIntegration });
    }
    // Under /aws/vendedlogs/ so API Gateway's log delivery does not grow the account's resource
    // policy for CloudWatch Logs with one statement per log group (a 5,120-character limit).
    const accessLogs = new LogGroup(this, 'ApiAccessLogs', {
      logGroupName: `/aws/vendedlogs/apigateway/${this.stackName}-access`,
      retention: LOG_RETENTION,
      removalPolicy: removal,
    });
    this.apiStage = new HttpStage(this, 'ApiStage', {
      httpApi: this.api,
      stageName: '$default',
      autoDeploy: true,
      throttle: { rateLimit: config.apiRateLimit, burstLimit: config.apiBurstLimit },
      accessLogSettings: {
        destination: new LogGroupLogDestination(accessLogs),
        format: AccessLogFormat.custom(
          JSON.stringify({
            requestId: '$context.requestId',
            requestTime: '$context.requestTime',
            ip: '$context.identity.sourceIp',
            method: '$context.httpMethod',
            route: '$context.routeKey',
            path: '$context.path',
            status: '$context.status',
            error: '$context.error.message',
            protocol: '$context.protocol',
            responseLength: '$context.responseLength',
            latency: '$context.responseLatency',
            integrationError: '$context.integrationErrorMessage',
          }),
        ),
      },
    });
    for (const route of this.api.node.findAll().filter((node) => node instanceof HttpRoute)) {
      Validations.of(route).acknowledge({
        id: 'AwsSolutions-APIG4',
        reason:
          'Every route but /health requires the bearer token, checked by the Hono app itself (the same app and check as in embedded mode); an API Gateway authorizer would add a second invocation per request for the same check.',
      });
    }
    const apiUrl = this.apiStage.url;
    // Links in the alert emails (render-alert trims the trailing slash).
    alerter.function.addEnvironment(ENV.apiUrl, apiUrl);
    digest.function.addEnvironment(ENV.apiUrl, apiUrl);

    // ----- the daily digest -----
    const schedulerRole = new Role(this, 'DigestSchedulerRole', {
      assumedBy: new ServicePrincipal('scheduler.amazonaws.com'),
      description: 'stancewatch: lets EventBridge Scheduler invoke the digest function, nothing else',
    });
    this.digestSchedule = new Schedule(this, 'DailyDigest', {
      description: 'stancewatch: the daily digest (possible contradictions waiting for review)',
      schedule: ScheduleExpression.cron({ minute: '0', hour: String(config.digestHour) }),
      target: new LambdaInvoke(digest.function, { retryAttempts: 2, role: schedulerRole }),
    });
    const digestId = this.getLogicalId(digest.function.node.defaultChild as CfnElement);
    Validations.of(schedulerRole).acknowledge({
      id: `AwsSolutions-IAM5[Resource::<${digestId}.Arn>:*]`,
      reason:
        'CDK grants lambda:InvokeFunction on the digest function and on "<its ARN>:*" (its versions and aliases); the wildcard is the qualifier of this one function, nothing else.',
    });

    // ----- alarms -----
    for (const fn of Object.values(this.functions)) {
      this.alarms.push(fn.alarmOnErrors(alarmAction), fn.alarmOnThrottles(alarmAction));
    }
    this.alarms.push(
      this.projectorStream.failuresAlarm,
      this.projectorStream.iteratorAgeAlarm,
      this.alerterStream.failuresAlarm,
      this.alerterStream.iteratorAgeAlarm,
      this.projectorStream.parkedRecordsAlarm,
      this.alerterStream.parkedRecordsAlarm,
    );
    this.alarms.push(
      alarmWhen(this, 'ApiServerErrorsAlarm', alarmAction, {
        description: 'stancewatch api: the HTTP API answered 5xx (> 0 in 5 minutes)',
        metric: this.apiStage.metricServerError({ period: Duration.minutes(5), statistic: 'Sum' }),
      }),
      ...throttleAlarms(this, this.events.table, [EVENT_TABLE_KEYS.globalIndexName], alarmAction),
      ...throttleAlarms(
        this,
        this.views.table,
        VIEWS_INDEXES.map((index) => index.name),
        alarmAction,
      ),
      alarmWhen(this, 'AlertDeliveryFailedAlarm', alarmAction, {
        description: 'stancewatch alerts: SNS failed to deliver an alert notification (> 0 in 5 minutes)',
        metric: this.alertTopic.metricNumberOfNotificationsFailed({ period: Duration.minutes(5), statistic: 'Sum' }),
      }),
      alarmWhen(this, 'AlertDeadLettersAlarm', alarmAction, {
        description: 'stancewatch alerts: an email alert was given up and parked in the delivery-failure queue',
        metric: this.alertDeliveryFailures.metricApproximateNumberOfMessagesVisible({
          period: Duration.minutes(5),
          statistic: 'Maximum',
        }),
      }),
    );

    // ----- operations dashboard -----
    const dashboard = new Dashboard(this, 'OpsDashboard', {
      defaultInterval: Duration.hours(6),
    });
    dashboard.addWidgets(new AlarmStatusWidget({ title: 'alarms', alarms: this.alarms, width: 24 }));
    dashboard.addWidgets(
      new GraphWidget({
        title: 'invocations',
        left: Object.values(this.functions).map((fn) =>
          fn.function.metricInvocations({ label: fn.name, period: Duration.minutes(5) }),
        ),
        width: 8,
      }),
      new GraphWidget({
        title: 'errors and throttles',
        left: Object.values(this.functions).flatMap((fn) => [
          fn.function.metricErrors({ label: `${fn.name} errors`, period: Duration.minutes(5) }),
          fn.function.metricThrottles({ label: `${fn.name} throttles`, period: Duration.minutes(5) }),
        ]),
        width: 8,
      }),
      new GraphWidget({
        title: 'stream: iterator age (ms), parked and expired records',
        left: [projector, alerter].map((fn) =>
          fn.function.metric('IteratorAge', { label: `${fn.name} iterator age`, statistic: 'Maximum' }),
        ),
        right: [this.projectorStream, this.alerterStream].flatMap((stream, index) => {
          const name = index === 0 ? 'projector' : 'alerter';
          return [
            stream.parkedRecords.with({ label: `${name} parked records` }),
            stream.failures.metricApproximateNumberOfMessagesVisible({ label: `${name} failure queue` }),
          ];
        }),
        width: 8,
      }),
    );
    dashboard.addWidgets(
      new GraphWidget({
        title: 'HTTP API',
        left: [
          this.apiStage.metricCount({ label: 'requests', period: Duration.minutes(5) }),
          this.apiStage.metricClientError({ label: '4xx', period: Duration.minutes(5) }),
          this.apiStage.metricServerError({ label: '5xx', period: Duration.minutes(5) }),
        ],
        right: [this.apiStage.metricLatency({ label: 'latency p95', statistic: 'p95', period: Duration.minutes(5) })],
        width: 12,
      }),
      new GraphWidget({
        title: 'function duration p95 (ms)',
        left: Object.values(this.functions).map((fn) =>
          fn.function.metricDuration({ label: fn.name, statistic: 'p95', period: Duration.minutes(5) }),
        ),
        width: 12,
      }),
    );

    // ----- outputs -----
    new CfnOutput(this, 'ApiUrl', { description: 'The HTTP API (bearer token required)', value: apiUrl });
    new CfnOutput(this, 'DashboardUrl', {
      description: 'The stancewatch dashboard (served by the API)',
      value: apiUrl,
    });
    new CfnOutput(this, 'OpsDashboardUrl', {
      description: 'The CloudWatch operations dashboard',
      value: `https://${this.region}.console.aws.amazon.com/cloudwatch/home?region=${this.region}#dashboards/dashboard/${dashboard.dashboardName}`,
    });
    new CfnOutput(this, 'ApiTokenCommand', {
      description: 'Prints the API bearer token',
      value: `aws secretsmanager get-secret-value --region ${this.region} --secret-id ${this.apiToken.secretArn} --query SecretString --output text`,
    });
    new CfnOutput(this, 'IngestFunctionName', {
      description: 'Direct ingestion: aws lambda invoke --function-name <this> --payload file://doc.json out.json',
      value: ingest.function.functionName,
    });
    new CfnOutput(this, 'EventsTableName', { value: this.events.tableName });
    new CfnOutput(this, 'ParkedRecordsTableName', { value: this.parked.tableName });
    for (const [name, fn] of [
      ['Projector', projector],
      ['Alerter', alerter],
    ] as const) {
      new CfnOutput(this, `${name}RedriveCommand`, {
        description: `Replays the ${fn.name}'s parked stream records after a fix (add "dryRun":true to list them); run again while the answer says "stopped":true`,
        value: `aws lambda invoke --region ${this.region} --function-name ${fn.function.functionName} --cli-binary-format raw-in-base64-out --payload '{"redrive":{}}' /dev/stdout`,
      });
    }
    new CfnOutput(this, 'AlertTopicArn', { value: this.alertTopic.topicArn });
    new CfnOutput(this, 'OpsTopicArn', { value: this.opsTopic.topicArn });
  }
}

/**
 * Write throttles on a table and on each of its global indexes. On-demand tables throttle when one
 * partition key is written past ~1,000 units a second; a throttled index write also rejects the
 * base table write, so the index gets its own alarm (docs/deploy.md, "Capacity").
 */
function throttleAlarms(scope: Construct, table: ITable, globalIndexes: readonly string[], action: SnsAction): Alarm[] {
  const metric = (dimensions: Record<string, string>) =>
    new Metric({
      namespace: 'AWS/DynamoDB',
      metricName: 'WriteThrottleEvents',
      dimensionsMap: dimensions,
      period: Duration.minutes(5),
      statistic: 'Sum',
    });
  const name = table.node.scope?.node.id ?? table.node.id;
  return [
    alarmWhen(scope, `${name}WriteThrottlesAlarm`, action, {
      description: `stancewatch ${name} table: writes were throttled (> 0 in 5 minutes)`,
      metric: metric({ TableName: table.tableName }),
    }),
    ...globalIndexes.map((indexName) =>
      alarmWhen(scope, `${name}${indexName}WriteThrottlesAlarm`, action, {
        description: `stancewatch ${name} table, index ${indexName}: index writes were throttled, which rejects the base writes too`,
        metric: metric({ TableName: table.tableName, GlobalSecondaryIndexName: indexName }),
      }),
    ),
  ];
}

/**
 * The email subscription's filter policy on the alerter's message attributes (String attributes
 * actor, topic, proposition, severity). Several attributes are ANDed, the values of one ORed.
 */
export function alertFilterPolicy(config: StancewatchConfig): Record<string, SubscriptionFilter> | undefined {
  const policy: Record<string, SubscriptionFilter> = {};
  if (config.alertActors.length > 0) {
    policy.actor = SubscriptionFilter.stringFilter({ allowlist: config.alertActors });
  }
  if (config.alertTopics.length > 0) {
    policy.topic = SubscriptionFilter.stringFilter({ allowlist: config.alertTopics });
  }
  return Object.keys(policy).length > 0 ? policy : undefined;
}

/**
 * bedrock:InvokeModel (which also covers Converse) on the configured model only (see
 * bedrockResourcesFor). The one wildcard, the region of an inference profile's foundation model,
 * is acknowledged for cdk-nag with its reason.
 */
function grantInvokeModel(stack: Stack, fn: StancewatchFunction, model: string): void {
  const { resources, anyRegionModel } = bedrockResourcesFor(model, {
    partition: stack.partition,
    region: stack.region,
    account: stack.account,
  });
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({ sid: 'InvokeTheConfiguredModel', actions: ['bedrock:InvokeModel'], resources }),
  );
  if (anyRegionModel) {
    Validations.of(fn.role).acknowledge({
      id: `AwsSolutions-IAM5[Resource::arn:<AWS::Partition>:bedrock:*::foundation-model/${anyRegionModel}]`,
      reason:
        'A cross-region inference profile routes each request to a region of its geography chosen by Bedrock; the grant names the one model, only the region is open.',
    });
  }
}

/**
 * sns:Publish on the alert topic, and the two KMS calls SNS makes with the publisher's rights on
 * the topic's key (CDK's grantPublish would allow kms:GenerateDataKey*, a wildcard action).
 */
function grantPublishAlerts(fn: StancewatchFunction, topic: Topic, key: Key): void {
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({ sid: 'PublishAlerts', actions: ['sns:Publish'], resources: [topic.topicArn] }),
  );
  fn.role.addToPrincipalPolicy(
    new PolicyStatement({
      sid: 'EncryptAlertsForTheTopic',
      actions: ['kms:GenerateDataKey', 'kms:Decrypt'],
      resources: [key.keyArn],
    }),
  );
}
