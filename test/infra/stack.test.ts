import { existsSync } from 'node:fs';
import { Match } from 'aws-cdk-lib/assertions';
import { describe, expect, it } from 'vitest';
import { entryOf, FUNCTION_NAMES, nodejsBundling, PROJECT_ROOT } from '../../infra/bundling';
import { API_BEDROCK_DEADLINE_SECONDS } from '../../infra/stancewatch-stack';
import { readAwsConfig } from '../../shared/config';
import { logicalIdOf, permissionsOf, renderer, resourcesOfType, synth } from './synth';

const deployed = synth();
const { stack, template, json } = deployed;
const idOf = (construct: object) => logicalIdOf(stack, construct);
const functionId = (name: (typeof FUNCTION_NAMES)[number]) => idOf(stack.functions[name].function);

describe('functions', () => {
  it.each(FUNCTION_NAMES)('%s: Node.js 22 on arm64, own log group with retention, Powertools settings', (name) => {
    const fn = json.Resources[functionId(name)]!;
    expect(fn.Properties).toMatchObject({
      Runtime: 'nodejs22.x',
      Architectures: ['arm64'],
      LoggingConfig: { LogGroup: { Ref: idOf(stack.functions[name].logGroup) } },
      Role: { 'Fn::GetAtt': [idOf(stack.functions[name].role), 'Arn'] },
    });
    expect(fn.Properties.Environment.Variables).toMatchObject({
      POWERTOOLS_SERVICE_NAME: `stancewatch-${name}`,
      POWERTOOLS_METRICS_NAMESPACE: 'stancewatch',
      POWERTOOLS_LOG_LEVEL: 'INFO',
      NODE_OPTIONS: '--enable-source-maps',
    });
    expect(json.Resources[idOf(stack.functions[name].logGroup)]!.Properties.RetentionInDays).toBe(30);
  });

  it('gives each function the environment its handler reads at start-up', () => {
    const env = (name: (typeof FUNCTION_NAMES)[number]) =>
      json.Resources[functionId(name)]!.Properties.Environment.Variables as Record<string, unknown>;
    // The global index's shard count always travels with the table's name (docs/event-store.md).
    const events = { Ref: idOf(stack.events.table) };
    const shards = '16';
    const views = { Ref: idOf(stack.views.table) };
    expect(env('ingest')).toMatchObject({
      EVENTS_TABLE: events,
      EVENTS_GLOBAL_SHARDS: shards,
      STANCEWATCH_EXTRACTOR: 'rules',
    });
    const parked = { Ref: idOf(stack.parked.table) };
    expect(env('projector')).toMatchObject({
      EVENTS_TABLE: events,
      EVENTS_GLOBAL_SHARDS: shards,
      VIEWS_TABLE: views,
      PARKED_TABLE: parked,
      STANCEWATCH_SNAPSHOT_EVERY: '500',
    });
    const tuned = synth({ snapshotEvery: '50', strongEvidence: 'none' }).json.Resources[functionId('projector')]!
      .Properties.Environment.Variables;
    expect(tuned).toMatchObject({ STANCEWATCH_SNAPSHOT_EVERY: '50', STANCEWATCH_STRONG_EVIDENCE: 'none' });
    expect(env('projector')).not.toHaveProperty('STANCEWATCH_STRONG_EVIDENCE');
    expect(env('alerter')).toMatchObject({
      EVENTS_TABLE: events,
      EVENTS_GLOBAL_SHARDS: shards,
      ALERT_TOPIC_ARN: { Ref: idOf(stack.alertTopic) },
      PARKED_TABLE: parked,
    });
    expect(renderer(stack)(env('alerter').API_URL)).toMatch(/^https:\/\/.+\.execute-api\.<Region>\.<URLSuffix>\/$/);
    const apiEnvironment = {
      EVENTS_TABLE: events,
      EVENTS_GLOBAL_SHARDS: shards,
      VIEWS_TABLE: views,
      API_TOKEN_SECRET_ARN: { Ref: idOf(stack.apiToken) },
    };
    expect(env('api')).toMatchObject(apiEnvironment);
    // The read function never extracts: no extractor settings to read.
    expect(env('api')).not.toHaveProperty('STANCEWATCH_EXTRACTOR');
    expect(env('apiWrite')).toMatchObject({ ...apiEnvironment, STANCEWATCH_EXTRACTOR: 'rules' });
    expect(env('api')).not.toHaveProperty('STANCEWATCH_PUBLIC_READ');
    expect(env('ingest')).not.toHaveProperty('STANCEWATCH_BEDROCK_MODEL');
    expect(env('digest')).not.toHaveProperty('EVENTS_GLOBAL_SHARDS');
    const resharded = synth({ eventShards: '32' });
    for (const name of ['ingest', 'projector', 'alerter', 'api', 'apiWrite'] as const) {
      expect(
        resharded.json.Resources[logicalIdOf(resharded.stack, resharded.stack.functions[name].function)]!.Properties
          .Environment.Variables.EVENTS_GLOBAL_SHARDS,
      ).toBe('32');
    }
    const publicRead = synth({ publicRead: 'true' });
    for (const name of ['api', 'apiWrite'] as const) {
      expect(
        publicRead.json.Resources[logicalIdOf(publicRead.stack, publicRead.stack.functions[name].function)]!.Properties
          .Environment.Variables.STANCEWATCH_PUBLIC_READ,
      ).toBe('true');
    }
  });

  it.each([
    ['the default stack', deployed],
    ['a Bedrock stack', synth({ extractor: 'rules+bedrock', bedrockModel: 'anthropic.claude-3-haiku-20240307-v1:0' })],
  ])('%s: every function gets a configuration its handler accepts (shared/config.ts)', (_, synthesized) => {
    for (const name of FUNCTION_NAMES) {
      const variables = synthesized.json.Resources[
        logicalIdOf(synthesized.stack, synthesized.stack.functions[name].function)
      ]!.Properties.Environment.Variables as Record<string, unknown>;
      // References to tables, topics and secrets are resolved at deploy time: any text stands in.
      const env = Object.fromEntries(
        Object.entries(variables).map(([key, value]) => [key, typeof value === 'string' ? value : `deployed-${key}`]),
      );
      expect(() => readAwsConfig(name, env)).not.toThrow();
    }
  });

  it('reserves no concurrency by default (a new account has a quota of 10); -c reservedConcurrency=true reserves for both API functions and ingest', () => {
    const reserved = (s: typeof deployed, name: (typeof FUNCTION_NAMES)[number]) =>
      s.json.Resources[logicalIdOf(s.stack, s.stack.functions[name].function)]!.Properties.ReservedConcurrentExecutions;
    for (const name of FUNCTION_NAMES) expect(reserved(deployed, name)).toBeUndefined();
    const guarded = synth({ reservedConcurrency: 'true' });
    expect(reserved(guarded, 'api')).toBe(10);
    expect(reserved(guarded, 'apiWrite')).toBe(10);
    expect(reserved(guarded, 'ingest')).toBe(5);
    expect(reserved(guarded, 'projector')).toBeUndefined();
    expect(reserved(guarded, 'alerter')).toBeUndefined();
    const tuned = synth({ reservedConcurrency: 'true', apiConcurrency: '40', ingestConcurrency: '3' });
    expect(reserved(tuned, 'api')).toBe(40);
    expect(reserved(tuned, 'apiWrite')).toBe(40);
    expect(reserved(tuned, 'ingest')).toBe(3);
  });

  it.each(FUNCTION_NAMES)('%s: X-Ray tracing is active', (name) => {
    expect(json.Resources[functionId(name)]!.Properties.TracingConfig).toEqual({ Mode: 'Active' });
  });

  it('stream batch sizes come from context', () => {
    const sizes = (s: typeof deployed) =>
      resourcesOfType(s.json, 'AWS::Lambda::EventSourceMapping')
        .map(([, mapping]) => mapping.Properties.BatchSize as number)
        .sort((a, b) => a - b);
    expect(sizes(deployed)).toEqual([10, 100]);
    expect(sizes(synth({ projectorBatchSize: '500', alerterBatchSize: '20' }))).toEqual([20, 500]);
  });

  it('execution roles carry no AWS managed policy (logs are granted on the function’s own group)', () => {
    for (const [, role] of resourcesOfType(json, 'AWS::IAM::Role')) {
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
    }
  });
});

describe('bundling (the real app; the tests above use inline code)', () => {
  it('bundles every handler locally with esbuild: ESM for node22, minified, source maps, nothing external, the Lambda credential chain', () => {
    expect(nodejsBundling()).toEqual({
      target: 'node22',
      format: 'esm',
      mainFields: ['module', 'main'],
      minify: true,
      sourceMap: true,
      sourceMapMode: 'default',
      sourcesContent: false,
      banner: expect.stringContaining('createRequire'),
      externalModules: [],
      // The Lambda credential chain in place of the SDK's (shared/wiring/aws/lambda-credentials.ts).
      esbuildArgs: { '--alias': ['@aws-sdk/credential-provider-node=./shared/wiring/aws/lambda-credentials.ts'] },
      forceDockerBundling: false,
      logLevel: 'warning',
    });
    for (const name of FUNCTION_NAMES) expect(existsSync(entryOf(name)), entryOf(name)).toBe(true);
    expect(existsSync(`${PROJECT_ROOT}shared/wiring/aws/lambda-credentials.ts`)).toBe(true);
  });
});

describe('stream wiring', () => {
  const mappings = resourcesOfType(json, 'AWS::Lambda::EventSourceMapping');
  const mappingOf = (name: 'projector' | 'alerter') =>
    mappings.find(([, mapping]) => mapping.Properties.FunctionName.Ref === functionId(name))![1].Properties;

  it('has exactly the projector and the alerter on the events table stream', () => {
    expect(mappings).toHaveLength(2);
    for (const [, mapping] of mappings) {
      expect(mapping.Properties.EventSourceArn).toEqual({ 'Fn::GetAtt': [idOf(stack.events.table), 'StreamArn'] });
    }
  });

  it.each([
    ['projector', 'projectorStream', 100],
    ['alerter', 'alerterStream', 10],
  ] as const)(
    '%s: partial batch failures, bisect, in-order, never gives a record up (the handler parks), expiries to its queue',
    (name, stream, batchSize) => {
      const mapping = mappingOf(name);
      expect(mapping).toMatchObject({
        StartingPosition: 'TRIM_HORIZON',
        BatchSize: batchSize,
        MaximumBatchingWindowInSeconds: 0,
        ParallelizationFactor: 1,
        FunctionResponseTypes: ['ReportBatchItemFailures'],
        BisectBatchOnFunctionError: true,
        // -1: retried until it succeeds or leaves the stream; no age limit either.
        MaximumRetryAttempts: -1,
        DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': [idOf(stack[stream].failures), 'Arn'] } } },
      });
      expect(mapping).not.toHaveProperty('MaximumRecordAgeInSeconds');
    },
  );

  it('filters the alerter to inserts whose eventTypes set holds ContradictionDetected or ContradictionConfirmed; the projector to commit inserts', () => {
    expect(mappingOf('alerter').FilterCriteria).toEqual({
      Filters: [
        {
          Pattern: JSON.stringify({
            eventName: ['INSERT'],
            dynamodb: { NewImage: { eventTypes: { SS: ['ContradictionDetected', 'ContradictionConfirmed'] } } },
          }),
        },
      ],
    });
    expect(mappingOf('projector').FilterCriteria).toEqual({
      Filters: [
        {
          Pattern: JSON.stringify({
            eventName: ['INSERT'],
            dynamodb: { NewImage: { commitId: { S: [{ exists: true }] } } },
          }),
        },
      ],
    });
  });

  it('failure queues are encrypted, TLS-only and keep messages 14 days', () => {
    for (const queue of [stack.projectorStream.failures, stack.alerterStream.failures, stack.alertDeliveryFailures]) {
      expect(json.Resources[idOf(queue)]!.Properties).toMatchObject({
        SqsManagedSseEnabled: true,
        MessageRetentionPeriod: 14 * 24 * 3600,
      });
    }
    template.resourcePropertiesCountIs(
      'AWS::SQS::QueuePolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
          ]),
        },
      },
      3,
    );
  });
});

describe('least privilege (every action and resource each role may use)', () => {
  it('ingest: appends events and claims document keys; nothing else', () => {
    expect(permissionsOf(deployed, 'ingest')).toEqual(
      [
        'dynamodb:GetItem events',
        'dynamodb:PutItem events',
        'dynamodb:Query events',
        'logs:CreateLogStream ingestLogs',
        'logs:PutLogEvents ingestLogs',
        'xray:PutTelemetryRecords *',
        'xray:PutTraceSegments *',
      ].sort(),
    );
  });

  it('projector: reads and appends position streams, writes views, reads its stream and the global log (replay), parks and redrives, reports expiries', () => {
    expect(permissionsOf(deployed, 'projector')).toEqual(
      [
        'dynamodb:BatchGetItem events',
        'dynamodb:Query events/index/byCommit',
        'dynamodb:DeleteItem views',
        'dynamodb:DescribeStream events.StreamArn',
        'dynamodb:GetRecords events.StreamArn',
        'dynamodb:GetShardIterator events.StreamArn',
        'dynamodb:ListStreams *',
        'dynamodb:PutItem events',
        'dynamodb:Query events',
        'dynamodb:UpdateItem views',
        'dynamodb:PutItem parked',
        'dynamodb:UpdateItem parked',
        'dynamodb:Query parked',
        'dynamodb:DeleteItem parked',
        'logs:CreateLogStream projectorLogs',
        'logs:PutLogEvents projectorLogs',
        'xray:PutTelemetryRecords *',
        'xray:PutTraceSegments *',
        'sqs:GetQueueAttributes projectorFailures',
        'sqs:GetQueueUrl projectorFailures',
        'sqs:SendMessage projectorFailures',
      ].sort(),
    );
  });

  it('alerter: appends AlertPublished, publishes to its topic (and its key), reads its stream, parks and redrives', () => {
    expect(permissionsOf(deployed, 'alerter')).toEqual(
      [
        'dynamodb:DescribeStream events.StreamArn',
        'dynamodb:GetRecords events.StreamArn',
        'dynamodb:GetShardIterator events.StreamArn',
        'dynamodb:ListStreams *',
        'dynamodb:PutItem events',
        'dynamodb:Query events',
        'dynamodb:PutItem parked',
        'dynamodb:UpdateItem parked',
        'dynamodb:Query parked',
        'dynamodb:DeleteItem parked',
        'kms:Decrypt topicKey',
        'kms:GenerateDataKey topicKey',
        'logs:CreateLogStream alerterLogs',
        'logs:PutLogEvents alerterLogs',
        'xray:PutTelemetryRecords *',
        'xray:PutTraceSegments *',
        'sns:Publish alertTopic',
        'sqs:GetQueueAttributes alerterFailures',
        'sqs:GetQueueUrl alerterFailures',
        'sqs:SendMessage alerterFailures',
      ].sort(),
    );
  });

  it('api: reads views and events (incl. the global log), appends review verdicts, reads its token; claims no document keys', () => {
    expect(permissionsOf(deployed, 'api')).toEqual(
      [
        'dynamodb:BatchGetItem events',
        'dynamodb:BatchGetItem views',
        'dynamodb:GetItem views',
        'dynamodb:PutItem events',
        'dynamodb:Query events',
        'dynamodb:Query events/index/byCommit',
        'dynamodb:Query views',
        'dynamodb:Query views/index/byActor',
        'dynamodb:Query views/index/byOrder',
        'logs:CreateLogStream apiLogs',
        'logs:PutLogEvents apiLogs',
        'xray:PutTelemetryRecords *',
        'xray:PutTraceSegments *',
        'secretsmanager:GetSecretValue apiToken',
      ].sort(),
    );
  });

  it('apiWrite: what POST /documents needs (append, claim document keys) and its token; no views', () => {
    expect(permissionsOf(deployed, 'apiWrite')).toEqual(
      [
        'dynamodb:GetItem events',
        'dynamodb:PutItem events',
        'dynamodb:Query events',
        'logs:CreateLogStream apiWriteLogs',
        'logs:PutLogEvents apiWriteLogs',
        'xray:PutTelemetryRecords *',
        'xray:PutTraceSegments *',
        'secretsmanager:GetSecretValue apiToken',
      ].sort(),
    );
  });

  it('no statement anywhere allows a wildcard action', () => {
    for (const [, policy] of resourcesOfType(json, 'AWS::IAM::Policy')) {
      for (const statement of policy.Properties.PolicyDocument.Statement) {
        for (const action of [statement.Action].flat()) expect(action).not.toMatch(/\*/);
      }
    }
  });

  it('-c extractor=bedrock: ingest and apiWrite may invoke that one foundation model, nothing else changes', () => {
    const bedrock = synth({ extractor: 'bedrock', bedrockModel: 'anthropic.claude-3-haiku-20240307-v1:0' });
    const model = 'arn:<Partition>:bedrock:<Region>::foundation-model/anthropic.claude-3-haiku-20240307-v1:0';
    for (const name of ['ingest', 'apiWrite'] as const) {
      const permissions = permissionsOf(bedrock, name);
      expect(permissions.filter((permission) => permission.startsWith('bedrock:'))).toEqual([
        `bedrock:InvokeModel ${model}`,
      ]);
      expect(permissions.filter((permission) => !permission.startsWith('bedrock:'))).toEqual(
        permissionsOf(deployed, name),
      );
      expect(
        bedrock.json.Resources[logicalIdOf(bedrock.stack, bedrock.stack.functions[name].function)]!.Properties
          .Environment.Variables,
      ).toMatchObject({
        STANCEWATCH_EXTRACTOR: 'bedrock',
        STANCEWATCH_BEDROCK_MODEL: 'anthropic.claude-3-haiku-20240307-v1:0',
      });
    }
    for (const name of ['projector', 'alerter', 'api'] as const) {
      expect(permissionsOf(bedrock, name)).toEqual(permissionsOf(deployed, name));
    }
    expect(
      bedrock.json.Resources[logicalIdOf(bedrock.stack, bedrock.stack.functions.api.function)]!.Properties.Environment
        .Variables,
    ).not.toHaveProperty('STANCEWATCH_BEDROCK_MODEL');
  });

  it('-c extractor=bedrock: ingest may run 15 minutes; apiWrite gives the model 20 s so POST answers within 30 s', () => {
    const bedrock = synth({ extractor: 'bedrock', bedrockModel: 'anthropic.claude-3-haiku-20240307-v1:0' });
    const props = (name: 'ingest' | 'apiWrite') =>
      bedrock.json.Resources[logicalIdOf(bedrock.stack, bedrock.stack.functions[name].function)]!.Properties;
    expect(props('ingest').Timeout).toBe(900);
    expect(props('ingest').Environment.Variables).not.toHaveProperty('STANCEWATCH_BEDROCK_DEADLINE_SECONDS');
    expect(props('apiWrite').Timeout).toBe(29);
    expect(props('apiWrite').Environment.Variables.STANCEWATCH_BEDROCK_DEADLINE_SECONDS).toBe(
      String(API_BEDROCK_DEADLINE_SECONDS),
    );
    expect(json.Resources[functionId('ingest')]!.Properties.Timeout).toBe(120);
  });

  it('-c bedrockModel=<inference profile>: the profile in this account and region, the one model in any region', () => {
    const profile = synth({ extractor: 'rules+bedrock', bedrockModel: 'eu.amazon.nova-lite-v1:0' });
    expect(permissionsOf(profile, 'ingest').filter((permission) => permission.startsWith('bedrock:'))).toEqual([
      'bedrock:InvokeModel arn:<Partition>:bedrock:*::foundation-model/amazon.nova-lite-v1:0',
      'bedrock:InvokeModel arn:<Partition>:bedrock:<Region>:<AccountId>:inference-profile/eu.amazon.nova-lite-v1:0',
    ]);
  });
});

describe('alerts and operations topics', () => {
  const key = stack.node.findChild('TopicKey');

  it('both topics are encrypted with one rotating customer managed key and refuse non-TLS publishing', () => {
    for (const topic of [stack.alertTopic, stack.opsTopic]) {
      expect(json.Resources[idOf(topic)]!.Properties.KmsMasterKeyId).toEqual({ 'Fn::GetAtt': [idOf(key), 'Arn'] });
    }
    expect(json.Resources[idOf(key)]!.Properties.EnableKeyRotation).toBe(true);
    template.resourcePropertiesCountIs(
      'AWS::SNS::TopicPolicy',
      {
        PolicyDocument: {
          Statement: Match.arrayWith([
            Match.objectLike({
              Effect: 'Deny',
              Action: 'sns:Publish',
              Condition: { Bool: { 'aws:SecureTransport': 'false' } },
            }),
          ]),
        },
      },
      2,
    );
  });

  it('CloudWatch alarms of this account may publish to the ops topic and use its key', () => {
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [{ Ref: idOf(stack.opsTopic) }],
      PolicyDocument: {
        Statement: Match.arrayWith([
          Match.objectLike({
            Effect: 'Allow',
            Principal: { Service: 'cloudwatch.amazonaws.com' },
            Action: 'sns:Publish',
            Condition: Match.objectLike({ StringEquals: { 'aws:SourceAccount': { Ref: 'AWS::AccountId' } } }),
          }),
        ]),
      },
    });
    expect(json.Resources[idOf(key)]!.Properties.KeyPolicy.Statement).toContainEqual(
      expect.objectContaining({
        Principal: { Service: 'cloudwatch.amazonaws.com' },
        Action: ['kms:Decrypt', 'kms:GenerateDataKey*'],
      }),
    );
  });

  it('without -c alertEmail there is no subscription', () => {
    template.resourceCountIs('AWS::SNS::Subscription', 0);
  });

  it('-c alertEmail subscribes the address with no filter: every alert', () => {
    const subscribed = synth({ alertEmail: 'analyst@example.org' });
    // The alert subscription, and the ops topic's (alarms go to the alert email by default).
    subscribed.template.resourceCountIs('AWS::SNS::Subscription', 2);
    const alertTopic = { Ref: logicalIdOf(subscribed.stack, subscribed.stack.alertTopic) };
    const [, subscription] = resourcesOfType(subscribed.json, 'AWS::SNS::Subscription').find(
      ([, candidate]) => JSON.stringify(candidate.Properties.TopicArn) === JSON.stringify(alertTopic),
    )!;
    expect(subscription.Properties).toEqual({
      Protocol: 'email',
      Endpoint: 'analyst@example.org',
      TopicArn: { Ref: logicalIdOf(subscribed.stack, subscribed.stack.alertTopic) },
      RedrivePolicy: {
        deadLetterTargetArn: {
          'Fn::GetAtt': [logicalIdOf(subscribed.stack, subscribed.stack.alertDeliveryFailures), 'Arn'],
        },
      },
    });
  });

  it('-c alertActors / alertTopics become a filter policy on the actor and topic message attributes', () => {
    const filtered = synth({
      alertEmail: 'analyst@example.org',
      alertActors: 'ukraine,russia',
      alertTopics: 'territory',
    });
    filtered.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'analyst@example.org',
      FilterPolicy: { actor: ['ukraine', 'russia'], topic: ['territory'] },
    });
    const [, subscription] = resourcesOfType(filtered.json, 'AWS::SNS::Subscription')[0]!;
    // Message attributes, not the body: the alerter sets String attributes actor/topic/proposition/severity.
    expect(subscription.Properties.FilterPolicyScope ?? 'MessageAttributes').toBe('MessageAttributes');
  });

  it('gives the alert email subscription a dead-letter queue, so a failed delivery is parked, not lost', () => {
    const subscribed = synth({ alertEmail: 'analyst@example.org' });
    subscribed.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'analyst@example.org',
      RedrivePolicy: {
        deadLetterTargetArn: {
          'Fn::GetAtt': [logicalIdOf(subscribed.stack, subscribed.stack.alertDeliveryFailures), 'Arn'],
        },
      },
    });
  });

  it('sends alarms to the alert email when no -c opsEmail is given', () => {
    const subscribed = synth({ alertEmail: 'analyst@example.org' });
    subscribed.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'analyst@example.org',
      TopicArn: { Ref: logicalIdOf(subscribed.stack, subscribed.stack.opsTopic) },
    });
  });

  it('-c opsEmail subscribes the address to the operations topic', () => {
    const ops = synth({ opsEmail: 'ops@example.org' });
    ops.template.hasResourceProperties('AWS::SNS::Subscription', {
      Protocol: 'email',
      Endpoint: 'ops@example.org',
      TopicArn: { Ref: logicalIdOf(ops.stack, ops.stack.opsTopic) },
    });
  });
});

describe('alarms', () => {
  const alarms = resourcesOfType(json, 'AWS::CloudWatch::Alarm').map(([, alarm]) => alarm.Properties);
  const opsTopic = { Ref: idOf(stack.opsTopic) };
  const find = (metricName: string, dimension: unknown) =>
    alarms.filter(
      (alarm) =>
        alarm.MetricName === metricName && JSON.stringify(alarm.Dimensions ?? []).includes(JSON.stringify(dimension)),
    );

  it('every alarm notifies the ops topic on ALARM and OK, and treats missing data as fine', () => {
    expect(alarms.length).toBeGreaterThanOrEqual(13);
    for (const alarm of alarms) {
      expect(alarm.AlarmActions).toEqual([opsTopic]);
      expect(alarm.OKActions).toEqual([opsTopic]);
      expect(alarm.TreatMissingData).toBe('notBreaching');
    }
  });

  it.each(FUNCTION_NAMES)('%s: errors and throttles alarms', (name) => {
    for (const metric of ['Errors', 'Throttles']) {
      const [alarm, ...others] = find(metric, { Name: 'FunctionName', Value: { Ref: functionId(name) } });
      expect(others).toHaveLength(0);
      expect(alarm).toMatchObject({
        Namespace: 'AWS/Lambda',
        Statistic: 'Sum',
        Period: 300,
        Threshold: 1,
        ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      });
    }
  });

  it.each(['projector', 'alerter'] as const)('%s: iterator age over 5 minutes and failure queue not empty', (name) => {
    const [age] = find('IteratorAge', { Name: 'FunctionName', Value: { Ref: functionId(name) } });
    expect(age).toMatchObject({
      Statistic: 'Maximum',
      Threshold: 5 * 60 * 1000,
      ComparisonOperator: 'GreaterThanThreshold',
    });
    const queue = name === 'projector' ? stack.projectorStream.failures : stack.alerterStream.failures;
    const [dlq] = find('ApproximateNumberOfMessagesVisible', {
      Name: 'QueueName',
      Value: { 'Fn::GetAtt': [idOf(queue), 'QueueName'] },
    });
    expect(dlq).toMatchObject({
      Namespace: 'AWS/SQS',
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
  });

  it.each(['projector', 'alerter'] as const)('%s: any parked record alarms (its ParkedRecords metric)', (name) => {
    const [parked, ...others] = find('ParkedRecords', { Name: 'service', Value: `stancewatch-${name}` });
    expect(others).toHaveLength(0);
    expect(parked).toMatchObject({
      Namespace: 'stancewatch',
      Statistic: 'Sum',
      Period: 300,
      Threshold: 1,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
    });
    expect(renderer(stack)(parked?.AlarmDescription)).toMatch(/projectorLogs|alerterLogs/);
    expect(renderer(stack)(parked?.AlarmDescription)).toMatch(/\{"redrive":\{\}\}/);
  });

  it('prints a redrive command per stream consumer', () => {
    for (const [output, name] of [
      ['ProjectorRedriveCommand', 'projector'],
      ['AlerterRedriveCommand', 'alerter'],
    ] as const) {
      const command = renderer(stack)(json.Outputs?.[output]?.Value);
      expect(command).toContain(`--function-name ${functionId(name)}`);
      expect(command).toContain(`--payload '{"redrive":{}}'`);
    }
  });

  it('write throttles on both tables and on their indexes alarm', () => {
    const throttles = alarms.filter((alarm) => alarm.MetricName === 'WriteThrottleEvents');
    const dimensionsOf = (alarm: (typeof alarms)[number]) => JSON.stringify(alarm.Dimensions);
    // The views table and its two keys-only global indexes (byOrder, byActor).
    expect(
      throttles
        .filter((alarm) => dimensionsOf(alarm).includes(idOf(stack.views.table)))
        .map((alarm) => alarm.Dimensions.length)
        .sort(),
    ).toEqual([1, 2, 2]);
    expect(
      throttles
        .filter((alarm) => dimensionsOf(alarm).includes(idOf(stack.events.table)))
        .map((alarm) => alarm.Dimensions.length)
        .sort(),
    ).toEqual([1, 2]);
  });

  it('an alert SNS could not deliver, or one parked in the delivery-failure queue, alarms', () => {
    expect(
      alarms.some((alarm) => alarm.Namespace === 'AWS/SNS' && alarm.MetricName === 'NumberOfNotificationsFailed'),
    ).toBe(true);
    const [parked] = find('ApproximateNumberOfMessagesVisible', {
      Name: 'QueueName',
      Value: { 'Fn::GetAtt': [idOf(stack.alertDeliveryFailures), 'QueueName'] },
    });
    expect(parked).toMatchObject({ Namespace: 'AWS/SQS', Threshold: 1 });
  });

  it('the HTTP API answering 5xx alarms too', () => {
    expect(alarms.some((alarm) => alarm.Namespace === 'AWS/ApiGateway' && alarm.MetricName === '5xx')).toBe(true);
  });
});

describe('the daily digest', () => {
  it('runs the digest function every day at the configured UTC hour through EventBridge Scheduler', () => {
    template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 7 * * ? *)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [functionId('digest'), 'Arn'] },
        RetryPolicy: Match.objectLike({ MaximumRetryAttempts: 2 }),
      }),
    });
    synth({ digestHour: '18' }).template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'cron(0 18 * * ? *)',
    });
  });

  it('reads the views, publishes to the alert topic, and lists shifts only with -c alertShifts=true', () => {
    const env = (s: typeof deployed) =>
      s.json.Resources[logicalIdOf(s.stack, s.stack.functions.digest.function)]!.Properties.Environment.Variables;
    expect(env(deployed)).toMatchObject({
      VIEWS_TABLE: { Ref: idOf(stack.views.table) },
      ALERT_TOPIC_ARN: { Ref: idOf(stack.alertTopic) },
    });
    expect(env(deployed)).not.toHaveProperty('STANCEWATCH_ALERT_SHIFTS');
    expect(env(synth({ alertShifts: 'true' }))).toMatchObject({ STANCEWATCH_ALERT_SHIFTS: 'true' });
    const permissions = permissionsOf(deployed, 'digest');
    expect(permissions).toContain('sns:Publish alertTopic');
    expect(
      permissions.some((pair) => pair.startsWith('dynamodb:PutItem') || pair.startsWith('dynamodb:UpdateItem')),
    ).toBe(false);
  });
});

describe('HTTP API', () => {
  it('sends POST /documents to apiWrite and every other request to api, both checked by the app’s token alone', () => {
    const integrations = new Map(
      resourcesOfType(json, 'AWS::ApiGatewayV2::Integration').map(([id, integration]) => [id, integration.Properties]),
    );
    const routes = resourcesOfType(json, 'AWS::ApiGatewayV2::Route').map(([, route]) => route.Properties);
    const targetOf = (routeKey: string) => {
      const route = routes.find((candidate) => candidate.RouteKey === routeKey)!;
      expect(route, routeKey).toBeDefined();
      // Neither route has an API Gateway authorizer: the Hono app checks the token (one check, both functions).
      expect(route.AuthorizationType ?? 'NONE').toBe('NONE');
      const integrationId = (route.Target['Fn::Join'][1] as unknown[]).find(
        (part): part is { Ref: string } => typeof part === 'object' && part !== null && 'Ref' in part,
      )?.Ref;
      const integration = integrations.get(integrationId ?? '');
      expect(integration).toMatchObject({ IntegrationType: 'AWS_PROXY', PayloadFormatVersion: '2.0' });
      return integration?.IntegrationUri;
    };
    expect(routes.map((route) => route.RouteKey).sort()).toEqual(['$default', 'POST /documents']);
    expect(targetOf('$default')).toEqual({ 'Fn::GetAtt': [functionId('api'), 'Arn'] });
    expect(targetOf('POST /documents')).toEqual({ 'Fn::GetAtt': [functionId('apiWrite'), 'Arn'] });
  });

  it('serves the routes through a throttled, access-logged $default stage', () => {
    template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      StageName: '$default',
      AutoDeploy: true,
      DefaultRouteSettings: { ThrottlingRateLimit: 100, ThrottlingBurstLimit: 200 },
      AccessLogSettings: { DestinationArn: Match.anyValue(), Format: Match.stringLikeRegexp('\\$context.requestId') },
    });
    const [, stage] = resourcesOfType(json, 'AWS::ApiGatewayV2::Stage')[0]!;
    const format = JSON.parse(stage.Properties.AccessLogSettings.Format);
    expect(format).toMatchObject({
      route: '$context.routeKey',
      status: '$context.status',
      error: '$context.error.message',
    });
    const [, logGroup] = resourcesOfType(json, 'AWS::Logs::LogGroup').find(([, group]) =>
      JSON.stringify(group.Properties.LogGroupName ?? '').includes('vendedlogs'),
    )!;
    expect(JSON.stringify(logGroup.Properties.LogGroupName)).toContain('/aws/vendedlogs/apigateway/');
  });

  it('takes the stage throttle from context', () => {
    synth({ apiRateLimit: '500', apiBurstLimit: '1000' }).template.hasResourceProperties('AWS::ApiGatewayV2::Stage', {
      DefaultRouteSettings: { ThrottlingRateLimit: 500, ThrottlingBurstLimit: 1000 },
    });
  });
});

describe('outputs and tags', () => {
  it('outputs the API URL, the dashboards and the command that prints the token', () => {
    const render = renderer(stack);
    const outputs = Object.fromEntries(
      Object.entries(json.Outputs ?? {}).map(([name, output]) => [name, render(output.Value)]),
    );
    expect(outputs.ApiUrl).toMatch(/^https:\/\/.+\.execute-api\.<Region>\.<URLSuffix>\/$/);
    expect(outputs.DashboardUrl).toBe(outputs.ApiUrl);
    expect(outputs.OpsDashboardUrl).toMatch(
      /^https:\/\/<Region>\.console\.aws\.amazon\.com\/cloudwatch\/.+#dashboards\/dashboard\//,
    );
    expect(outputs.ApiTokenCommand).toBe(
      'aws secretsmanager get-secret-value --region <Region> --secret-id apiToken --query SecretString --output text',
    );
  });

  it('the token is generated by Secrets Manager, never written in the template', () => {
    template.hasResourceProperties('AWS::SecretsManager::Secret', {
      GenerateSecretString: { PasswordLength: 48, ExcludePunctuation: true, IncludeSpace: false },
    });
    expect(JSON.stringify(json).includes('"SecretString":')).toBe(false);
  });

  it('tags every taggable resource with the project', () => {
    for (const type of [
      'AWS::DynamoDB::Table',
      'AWS::Lambda::Function',
      'AWS::SQS::Queue',
      'AWS::SNS::Topic',
      'AWS::KMS::Key',
    ]) {
      for (const [, resource] of resourcesOfType(json, type)) {
        expect(resource.Properties.Tags).toContainEqual({ Key: 'project', Value: 'stancewatch' });
      }
    }
  });
});
