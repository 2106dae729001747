import { Duration, RemovalPolicy, Validations } from 'aws-cdk-lib';
import type { Alarm, IAlarmAction } from 'aws-cdk-lib/aws-cloudwatch';
import { Role, ServicePrincipal } from 'aws-cdk-lib/aws-iam';
import { Architecture, type Code, Function as LambdaFunction, Runtime, Tracing } from 'aws-cdk-lib/aws-lambda';
import { NodejsFunction } from 'aws-cdk-lib/aws-lambda-nodejs';
import { LogGroup, RetentionDays } from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { ENV } from '../../shared/config';
import { entryOf, type FunctionName, nodejsBundling, PROJECT_ROOT } from '../bundling';
import { alarmWhen } from './alarm-when';

export interface StancewatchFunctionProps {
  /** Which handler (infra/bundling.ts, entryOf). */
  name: FunctionName;
  description: string;
  memorySize: number;
  timeout: Duration;
  environment: Record<string, string>;
  /** Only where a runaway costs money (see the stack); undefined leaves the account pool shared. */
  reservedConcurrency?: number;
  /** Deleted with the stack (`-c throwaway=true`); otherwise log groups are kept until they expire. */
  throwaway: boolean;
  /**
   * Tests pass ready-made code (Code.fromInline) so `npm test` never runs esbuild; the app always
   * bundles the handler with the settings in infra/bundling.ts.
   */
  code?: Code;
}

export const POWERTOOLS_METRICS_NAMESPACE = 'stancewatch';
export const LOG_RETENTION = RetentionDays.ONE_MONTH;

/**
 * A stancewatch Lambda function with the project's defaults: Node.js 22 on arm64, the handler
 * bundled locally by esbuild (minified, source maps, SDK v3 tree-shaken in), its own log group with
 * a retention, Powertools logger/metrics settings, and an execution role that starts empty: no
 * AWS managed policy, only the log-group write below and what the stack grants by intent.
 */
export class StancewatchFunction extends Construct {
  readonly function: LambdaFunction;
  readonly role: Role;
  readonly logGroup: LogGroup;
  readonly name: FunctionName;

  constructor(scope: Construct, id: string, props: StancewatchFunctionProps) {
    super(scope, id);
    this.name = props.name;
    this.logGroup = new LogGroup(this, 'Logs', {
      retention: LOG_RETENTION,
      removalPolicy: props.throwaway ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
    });
    this.role = new Role(this, 'Role', {
      assumedBy: new ServicePrincipal('lambda.amazonaws.com'),
      description: `stancewatch ${props.name}: execution role, least privilege`,
    });
    // Instead of AWSLambdaBasicExecutionRole (logs on every log group): this function's group only.
    this.logGroup.grantWrite(this.role);

    const common = {
      description: props.description,
      runtime: Runtime.NODEJS_22_X,
      architecture: Architecture.ARM_64,
      // X-Ray: one trace per invocation, across the DynamoDB, SNS and Bedrock calls it makes.
      tracing: Tracing.ACTIVE,
      memorySize: props.memorySize,
      timeout: props.timeout,
      role: this.role,
      logGroup: this.logGroup,
      environment: {
        POWERTOOLS_SERVICE_NAME: `stancewatch-${props.name}`,
        [ENV.metricsNamespace]: POWERTOOLS_METRICS_NAMESPACE,
        [ENV.powertoolsLogLevel]: 'INFO',
        // Stack traces through the bundles' source maps (NodejsFunction does not set this itself);
        // costs some init time, measured in bench/bundle-size.bench.ts.
        NODE_OPTIONS: '--enable-source-maps',
        ...props.environment,
      },
      ...(props.reservedConcurrency !== undefined ? { reservedConcurrentExecutions: props.reservedConcurrency } : {}),
    };
    this.function = props.code
      ? new LambdaFunction(this, 'Function', {
          ...common,
          code: props.code,
          handler: 'index.handler',
        })
      : new NodejsFunction(this, 'Function', {
          ...common,
          entry: entryOf(props.name),
          handler: 'handler',
          projectRoot: PROJECT_ROOT,
          depsLockFilePath: `${PROJECT_ROOT}package-lock.json`,
          bundling: nodejsBundling(),
        });
    // The role's policy must exist before the function is created (as NodejsFunction's own role would).
    this.function.node.addDependency(this.role);
    Validations.of(this.role).acknowledge({
      id: 'AwsSolutions-IAM5[Resource::*]',
      reason:
        'Active tracing adds xray:PutTraceSegments and xray:PutTelemetryRecords, which support no resource-level permissions (X-Ray documents "*" as their only resource). For the stream consumers the same finding also covers dynamodb:ListStreams, likewise without resource-level permissions.',
    });
  }

  /** Any invocation error (an exception out of the handler, a timeout, an init failure). */
  alarmOnErrors(action: IAlarmAction): Alarm {
    return alarmWhen(this, 'ErrorsAlarm', action, {
      description: `stancewatch ${this.name}: the function failed (errors > 0 in 5 minutes). Logs: ${this.logGroup.logGroupName}`,
      metric: this.function.metricErrors({ period: Duration.minutes(5), statistic: 'Sum' }),
    });
  }

  /** Invocations refused for lack of concurrency (the reserved limit, or the account's). */
  alarmOnThrottles(action: IAlarmAction): Alarm {
    return alarmWhen(this, 'ThrottlesAlarm', action, {
      description: `stancewatch ${this.name}: invocations were throttled (throttles > 0 in 5 minutes)`,
      metric: this.function.metricThrottles({ period: Duration.minutes(5), statistic: 'Sum' }),
    });
  }
}
