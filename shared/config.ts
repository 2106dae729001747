import * as z from 'zod';
import { DEFAULT_STRENGTH_POLICY, type StrengthPolicy } from './domain/alerts/alert-strength';
import type { ToolChoiceMode } from './domain/extraction/llm/tool-choice';
import { ConfigurationError } from './errors';

/**
 * The one configuration of stancewatch, read once from the environment at start-up (a Lambda
 * container's init, a CLI command) and handed to the wiring; nothing else reads process.env for
 * settings. A missing or invalid value stops start-up with a message naming the variable.
 *
 * Kept light (zod, a constant list and the error classes only): the CDK stack imports the names below.
 */

/** Every variable stancewatch reads, by what it means. The CDK stack sets them by these names. */
export const ENV = {
  // set by the CDK stack on Lambda
  eventsTable: 'EVENTS_TABLE',
  eventsGlobalShards: 'EVENTS_GLOBAL_SHARDS',
  viewsTable: 'VIEWS_TABLE',
  parkedTable: 'PARKED_TABLE',
  alertTopicArn: 'ALERT_TOPIC_ARN',
  apiTokenSecretArn: 'API_TOKEN_SECRET_ARN',
  apiUrl: 'API_URL',
  // both runtimes
  publicRead: 'STANCEWATCH_PUBLIC_READ',
  alertShifts: 'STANCEWATCH_ALERT_SHIFTS',
  snapshotEvery: 'STANCEWATCH_SNAPSHOT_EVERY',
  strongEvidence: 'STANCEWATCH_STRONG_EVIDENCE',
  strongMinConfidence: 'STANCEWATCH_STRONG_MIN_CONFIDENCE',
  strongMaxDaysApart: 'STANCEWATCH_STRONG_MAX_DAYS_APART',
  extractor: 'STANCEWATCH_EXTRACTOR',
  bedrockModel: 'STANCEWATCH_BEDROCK_MODEL',
  bedrockRegion: 'STANCEWATCH_BEDROCK_REGION',
  bedrockToolChoice: 'STANCEWATCH_BEDROCK_TOOL_CHOICE',
  bedrockDeadlineSeconds: 'STANCEWATCH_BEDROCK_DEADLINE_SECONDS',
  codebook: 'STANCEWATCH_CODEBOOK',
  // embedded mode and the CLI
  dataDir: 'STANCEWATCH_DATA',
  port: 'STANCEWATCH_PORT',
  smtpUrl: 'STANCEWATCH_SMTP_URL',
  alertTo: 'STANCEWATCH_ALERT_TO',
  alertFrom: 'STANCEWATCH_ALERT_FROM',
  token: 'STANCEWATCH_TOKEN',
  debug: 'STANCEWATCH_DEBUG',
  // set by Lambda itself, or the Powertools conventions
  awsRegion: 'AWS_REGION',
  lambdaFunctionName: 'AWS_LAMBDA_FUNCTION_NAME',
  powertoolsLogLevel: 'POWERTOOLS_LOG_LEVEL',
  logLevel: 'LOG_LEVEL',
  metricsNamespace: 'POWERTOOLS_METRICS_NAMESPACE',
} as const;

export type EnvName = (typeof ENV)[keyof typeof ENV];
type Environment = Readonly<Record<string, string | undefined>>;

export const EXTRACTOR_KINDS = ['rules', 'bedrock', 'rules+bedrock'] as const;
export type ExtractorKind = (typeof EXTRACTOR_KINDS)[number];

export type ExtractorSettings =
  | { kind: 'rules' }
  | {
      kind: 'bedrock' | 'rules+bedrock';
      modelId: string;
      toolChoice?: ToolChoiceMode;
      deadlineSeconds?: number;
      region?: string;
    };

export interface SmtpSettings {
  smtpUrl?: string;
  alertTo?: string;
  alertFrom?: string;
}

export interface Config {
  /** STANCEWATCH_PUBLIC_READ: GET routes without a token. */
  publicRead: boolean;
  /**
   * STANCEWATCH_ALERT_SHIFTS: the daily digest also lists moves to or from conditional
   * (`-c alertShifts=true` on AWS; embedded, `digest --[no-]alert-shifts` wins).
   */
  alertShifts: boolean;
  /** STANCEWATCH_EXTRACTOR and the STANCEWATCH_BEDROCK_* settings (docs/bedrock.md). */
  extractor: ExtractorSettings;
  /** STANCEWATCH_CODEBOOK: an edited codebook's path; undefined for the bundled one. */
  codebookPath?: string;
  /**
   * EVENTS_GLOBAL_SHARDS: shards of the events table's global index, set by the CDK stack beside
   * EVENTS_TABLE (docs/event-store.md, "Global order"); undefined means the stack's default.
   */
  eventsGlobalShards?: number;
  /**
   * STANCEWATCH_SNAPSHOT_EVERY: a position stream's fold is stored as a snapshot every this many
   * commits (docs/event-store.md, "Snapshots"); undefined means the default, 500.
   */
  snapshotEvery?: number;
  /**
   * Which contradictions are strong (alerted at once) and which wait for review:
   * STANCEWATCH_STRONG_EVIDENCE, STANCEWATCH_STRONG_MIN_CONFIDENCE and
   * STANCEWATCH_STRONG_MAX_DAYS_APART over DEFAULT_STRENGTH_POLICY (docs/positions.md).
   */
  strengthPolicy: StrengthPolicy;
  /** API_URL: base of the links in alerts. */
  apiUrl?: string;
  /** AWS_REGION, or us-east-1: where the DynamoDB and SNS clients call. */
  awsRegion: string;
  /** Where logs and metrics of the extractor go: Powertools on Lambda, stderr elsewhere. */
  observability: { onLambda: boolean; logLevel: string; metricsNamespace: string };
  embedded: {
    /** STANCEWATCH_DATA, or ./.stancewatch (a `--data` flag wins). */
    dataDir: string;
    /** STANCEWATCH_PORT, or 3000, checked by `start` (a `--port` flag wins). */
    port: string;
    /** Email each alert too, when STANCEWATCH_SMTP_URL is set. */
    smtp: SmtpSettings;
  };
  /** STANCEWATCH_TOKEN: the token for `ingest --api` and `smoke`. */
  cliToken?: string;
}

/**
 * The spellings a yes/no variable accepts, in any case and with surrounding blanks: "true" or
 * "false"; unset or empty means the default. Anything else is refused, so a typo never silently
 * means "no" (or "yes").
 */
export function parseBoolean(name: string, value: string | undefined, fallback: boolean): boolean {
  const text = value?.trim().toLowerCase();
  if (!text) return fallback;
  if (text === 'true') return true;
  if (text === 'false') return false;
  throw new Error(`${name} must be "true" or "false", not "${value}"`);
}

/**
 * The Bedrock tool-choice modes, listed here rather than imported so the config stays out of the
 * extraction code (the projector and alerter bundles import this file); the type check below
 * fails if the two lists ever differ.
 */
const TOOL_CHOICE_MODES = ['tool', 'any', 'auto'] as const satisfies readonly ToolChoiceMode[];
type Missing = Exclude<ToolChoiceMode, (typeof TOOL_CHOICE_MODES)[number]>;
const _everyToolChoiceListed: [Missing] extends [never] ? true : never = true;

/** A model id, an inference profile id ("us.anthropic…") or an ARN: no spaces, nothing exotic. */
const BEDROCK_MODEL_ID = /^[A-Za-z0-9][A-Za-z0-9._:/-]{2,255}$/;

/** Blank counts as unset: the stack and shells leave empty variables behind. */
const text = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

const fail = (ctx: z.RefinementCtx, message: string) => {
  ctx.addIssue({ code: 'custom', message });
  return z.NEVER;
};

const booleanVariable = (name: EnvName, fallback: boolean) =>
  text.transform((value, ctx) => {
    try {
      return parseBoolean(name, value, fallback);
    } catch (error) {
      return fail(ctx, (error as Error).message);
    }
  });

const extractorKind = text.transform((value, ctx): ExtractorKind => {
  const kind = value ?? 'rules';
  if ((EXTRACTOR_KINDS as readonly string[]).includes(kind)) return kind as ExtractorKind;
  return fail(ctx, `${ENV.extractor}=${kind} is not an extractor; choose one of: ${EXTRACTOR_KINDS.join(', ')}`);
});

const toolChoice = text.transform((value, ctx): ToolChoiceMode | undefined => {
  if (value === undefined || (TOOL_CHOICE_MODES as readonly string[]).includes(value)) return value as ToolChoiceMode;
  return fail(
    ctx,
    `${ENV.bedrockToolChoice}=${value} is not one of: ${TOOL_CHOICE_MODES.join(', ')} (default: by model)`,
  );
});

/**
 * An optional numeric variable: unset gives undefined; a value `accepts` refuses stops start-up
 * with "NAME=value <what it must be>".
 */
const numberVariable = (name: EnvName, accepts: (value: number) => boolean, mustBe: string) =>
  text.transform((value, ctx): number | undefined => {
    if (value === undefined) return undefined;
    const number = Number(value);
    if (accepts(number)) return number;
    return fail(ctx, `${name}=${value} ${mustBe}`);
  });

const deadlineSeconds = numberVariable(
  ENV.bedrockDeadlineSeconds,
  (seconds) => Number.isFinite(seconds) && seconds > 0,
  'must be a positive number of seconds',
);

/** Kept in step with MAX_GLOBAL_SHARDS in shared/adapters/dynamodb/event-table.ts (the event store checks it too). */
const globalShards = numberVariable(
  ENV.eventsGlobalShards,
  (shards) => Number.isInteger(shards) && shards >= 1 && shards <= 256,
  'must be a whole number of shards from 1 to 256',
);

const snapshotEvery = numberVariable(
  ENV.snapshotEvery,
  (commits) => Number.isInteger(commits) && commits >= 1 && commits <= 100_000,
  'must be a whole number of commits from 1 to 100000',
);

const STRONG_EVIDENCE_KINDS = ['quote', 'action', 'named-speech'] as const;

/** A comma list of evidence kinds; `none` makes every contradiction wait for review. */
const strongEvidence = text.transform((value, ctx): StrengthPolicy['strongEvidence'] | undefined => {
  if (value === undefined) return undefined;
  if (value.toLowerCase() === 'none') return [];
  const kinds = value.split(',').map((kind) => kind.trim().toLowerCase());
  const unknown = kinds.filter((kind) => !(STRONG_EVIDENCE_KINDS as readonly string[]).includes(kind));
  if (unknown.length === 0) return [...new Set(kinds)] as StrengthPolicy['strongEvidence'];
  return fail(
    ctx,
    `${ENV.strongEvidence}=${value}: ${unknown.join(', ')} is not one of ${STRONG_EVIDENCE_KINDS.join(', ')} (or none)`,
  );
});

const strongMinConfidence = numberVariable(
  ENV.strongMinConfidence,
  (confidence) => Number.isFinite(confidence) && confidence >= 0 && confidence <= 1,
  'must be a number from 0 to 1',
);

const strongMaxDaysApart = numberVariable(
  ENV.strongMaxDaysApart,
  (days) => Number.isInteger(days) && days >= 0,
  'must be a whole number of days, 0 or more',
);

const variables = z.object({
  [ENV.eventsGlobalShards]: globalShards,
  [ENV.snapshotEvery]: snapshotEvery,
  [ENV.strongEvidence]: strongEvidence,
  [ENV.strongMinConfidence]: strongMinConfidence,
  [ENV.strongMaxDaysApart]: strongMaxDaysApart,
  [ENV.publicRead]: booleanVariable(ENV.publicRead, false),
  [ENV.alertShifts]: booleanVariable(ENV.alertShifts, false),
  [ENV.extractor]: extractorKind,
  [ENV.bedrockModel]: text,
  [ENV.bedrockRegion]: text,
  [ENV.bedrockToolChoice]: toolChoice,
  [ENV.bedrockDeadlineSeconds]: deadlineSeconds,
  [ENV.codebook]: text,
  [ENV.apiUrl]: text,
  [ENV.awsRegion]: text,
  [ENV.lambdaFunctionName]: text,
  [ENV.powertoolsLogLevel]: text,
  [ENV.logLevel]: text,
  [ENV.metricsNamespace]: text,
  [ENV.dataDir]: text,
  [ENV.port]: text,
  [ENV.smtpUrl]: text,
  [ENV.alertTo]: text,
  [ENV.alertFrom]: text,
  [ENV.token]: text,
});
type Variables = z.output<typeof variables>;

const environmentSchema = variables.transform((env, ctx): Config => {
  const optional = <K extends string, V>(key: K, value: V | undefined) =>
    (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
  return {
    publicRead: env[ENV.publicRead],
    alertShifts: env[ENV.alertShifts],
    extractor: extractorSettings(env, ctx),
    ...optional('codebookPath', env[ENV.codebook]),
    ...optional('eventsGlobalShards', env[ENV.eventsGlobalShards]),
    ...optional('snapshotEvery', env[ENV.snapshotEvery]),
    strengthPolicy: {
      strongEvidence: env[ENV.strongEvidence] ?? DEFAULT_STRENGTH_POLICY.strongEvidence,
      minConfidence: env[ENV.strongMinConfidence] ?? DEFAULT_STRENGTH_POLICY.minConfidence,
      maxDaysApart: env[ENV.strongMaxDaysApart] ?? DEFAULT_STRENGTH_POLICY.maxDaysApart,
    },
    ...optional('apiUrl', env[ENV.apiUrl]),
    awsRegion: env[ENV.awsRegion] ?? 'us-east-1',
    observability: {
      onLambda: env[ENV.lambdaFunctionName] !== undefined,
      logLevel: (env[ENV.powertoolsLogLevel] ?? env[ENV.logLevel] ?? 'WARN').toUpperCase(),
      metricsNamespace: env[ENV.metricsNamespace] ?? 'stancewatch',
    },
    embedded: {
      dataDir: env[ENV.dataDir] ?? '.stancewatch',
      port: env[ENV.port] ?? '3000',
      smtp: {
        ...optional('smtpUrl', env[ENV.smtpUrl]),
        ...optional('alertTo', env[ENV.alertTo]),
        ...optional('alertFrom', env[ENV.alertFrom]),
      },
    },
    ...optional('cliToken', env[ENV.token]),
  };
});

function extractorSettings(env: Variables, ctx: z.RefinementCtx): ExtractorSettings {
  const kind = env[ENV.extractor];
  if (kind === 'rules') return { kind };
  const modelId = env[ENV.bedrockModel];
  if (!modelId) {
    return fail(
      ctx,
      `${ENV.extractor}=${kind} needs ${ENV.bedrockModel}, the Bedrock model or inference profile to call ` +
        '(e.g. anthropic.claude-3-haiku-20240307-v1:0); see docs/bedrock.md',
    );
  }
  if (!BEDROCK_MODEL_ID.test(modelId)) {
    return fail(ctx, `${ENV.bedrockModel}="${modelId}" does not look like a Bedrock model id or ARN`);
  }
  const toolChoiceMode = env[ENV.bedrockToolChoice];
  const deadline = env[ENV.bedrockDeadlineSeconds];
  const region = env[ENV.bedrockRegion];
  return {
    kind,
    modelId,
    ...(toolChoiceMode ? { toolChoice: toolChoiceMode } : {}),
    ...(deadline !== undefined ? { deadlineSeconds: deadline } : {}),
    ...(region ? { region } : {}),
  };
}

/** Every problem found, one sentence each, so one failed start shows all there is to fix. */
function problemsOf(...issueLists: (readonly z.core.$ZodIssue[] | undefined)[]): ConfigurationError {
  return new ConfigurationError(
    issueLists
      .flatMap((issues) => issues ?? [])
      .map((issue) => issue.message)
      .join('; '),
  );
}

const deepFreeze = <T>(value: T): T => {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
};

/** The configuration both runtimes share; fails fast, naming each missing or invalid variable. */
export function readConfig(env: Environment = process.env): Readonly<Config> {
  const result = environmentSchema.safeParse(env);
  if (!result.success) throw problemsOf(result.error.issues);
  return deepFreeze(result.data);
}

/** What each Lambda function needs on top of the shared configuration, all set by the CDK stack. */
const LAMBDA_REQUIREMENTS = {
  ingest: { purpose: 'the ingest function', needs: ['eventsTable'] },
  projector: { purpose: 'The projector', needs: ['eventsTable', 'viewsTable', 'parkedTable'] },
  alerter: { purpose: 'The alerter', needs: ['eventsTable', 'alertTopicArn', 'parkedTable'] },
  api: { purpose: 'The API function', needs: ['eventsTable', 'viewsTable', 'apiTokenSecretArn'] },
  apiWrite: { purpose: 'The API write function', needs: ['eventsTable', 'viewsTable', 'apiTokenSecretArn'] },
  digest: { purpose: 'The digest', needs: ['viewsTable', 'alertTopicArn'] },
} as const satisfies Record<string, { purpose: string; needs: readonly (keyof typeof ENV)[] }>;

export type LambdaFunction = keyof typeof LAMBDA_REQUIREMENTS;
type Needs<F extends LambdaFunction> = (typeof LAMBDA_REQUIREMENTS)[F]['needs'][number];
export type AwsConfig<F extends LambdaFunction> = Readonly<Config & { [K in Needs<F>]: string }>;

/**
 * The configuration of one Lambda function: the shared part plus the variables that function
 * needs (tables, topic, secret). A missing one stops the container at init with a message that
 * says which, instead of failing later on the first request.
 */
export function readAwsConfig<F extends LambdaFunction>(fn: F, env: Environment = process.env): AwsConfig<F> {
  const { purpose, needs } = LAMBDA_REQUIREMENTS[fn];
  const required = z.object(
    Object.fromEntries(
      needs.map((key) => [
        key,
        text.pipe(z.string({ error: `${purpose} needs the environment variable ${ENV[key]} (set by the CDK stack)` })),
      ]),
    ),
  );
  const lambdaValues = required.safeParse(Object.fromEntries(needs.map((key) => [key, env[ENV[key]]])));
  const shared = environmentSchema.safeParse(env);
  if (!lambdaValues.success || !shared.success) {
    throw problemsOf(lambdaValues.error?.issues, shared.error?.issues);
  }
  return deepFreeze({ ...shared.data, ...lambdaValues.data }) as AwsConfig<F>;
}
