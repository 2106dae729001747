import { DEFAULT_GLOBAL_SHARDS, MAX_GLOBAL_SHARDS } from '../shared/adapters/dynamodb/event-table';
import { DEFAULT_SNAPSHOT_EVERY } from '../shared/application/decide-position';
import { ENV, EXTRACTOR_KINDS, type ExtractorKind, readConfig as readRuntimeConfig } from '../shared/config';

/**
 * Deployment settings, read once from CDK context (`-c key=value` on the command line, or the
 * `context` block of cdk.json). Every key is documented in docs/deploy.md; an invalid value stops
 * the synthesis with a message naming the key, never a half-configured stack.
 */

/** The extractors a function can be deployed with: the same list the functions accept (STANCEWATCH_EXTRACTOR). */
export const EXTRACTOR_CHOICES = EXTRACTOR_KINDS;
export type ExtractorChoice = ExtractorKind;

export interface StancewatchConfig {
  /** `-c alertEmail=you@example.org`: subscribes this address to the alert topic. */
  alertEmail?: string;
  /** `-c alertActors=ukraine,russia`: the email subscription only receives alerts about these actors. */
  alertActors: string[];
  /** `-c alertTopics=territory,venue`: the email subscription only receives alerts on these topics. */
  alertTopics: string[];
  /**
   * `-c opsEmail=ops@example.org`: subscribes this address to the operations (alarm) topic.
   * Defaults to alertEmail, so that alarms (a stalled stream, a failed delivery) reach somebody.
   */
  opsEmail?: string;
  /**
   * `-c throwaway=true`: a test stack. Tables lose deletion protection and are deleted with the
   * stack (RemovalPolicy.DESTROY), as are the KMS key and log groups. Default false: the event
   * store survives `cdk destroy`.
   */
  throwaway: boolean;
  /** `-c extractor=rules|bedrock|rules+bedrock` (default rules: offline, deterministic, no cost). */
  extractor: ExtractorChoice;
  /** `-c bedrockModel=<model id>`: required with a Bedrock extractor. */
  bedrockModel?: string;
  /**
   * `-c reservedConcurrency=true`: reserve concurrency for the two API functions and ingest (the
   * numbers: `apiConcurrency`, each, and `ingestConcurrency`). Off by default: on a new account the Lambda
   * concurrency quota is 10, and any reservation there fails the first deployment.
   */
  reservedConcurrency: boolean;
  /** `-c apiConcurrency=N` (default 10): the reservation of api and of apiWrite, each, when reservedConcurrency=true. */
  apiConcurrency: number;
  /** `-c ingestConcurrency=N` (default 5): the ingest function's reservation when reservedConcurrency=true. */
  ingestConcurrency: number;
  /** `-c apiRateLimit=N` (default 100): the HTTP API stage's steady requests per second. */
  apiRateLimit: number;
  /** `-c apiBurstLimit=N` (default 200): the HTTP API stage's burst. */
  apiBurstLimit: number;
  /** `-c projectorBatchSize=N` (default 100, 1–1000): stream records per projector invocation. */
  projectorBatchSize: number;
  /** `-c alerterBatchSize=N` (default 10, 1–1000): stream records per alerter invocation. */
  alerterBatchSize: number;
  /** `-c publicRead=true`: GET routes without a token (sets STANCEWATCH_PUBLIC_READ); writes stay protected. */
  publicRead: boolean;
  /** `-c alertShifts=true`: the daily digest also lists positions that moved to or from conditional. */
  alertShifts: boolean;
  /** `-c digestHour=N` (default 7, 0–23): the UTC hour the daily digest is sent. */
  digestHour: number;
  /**
   * `-c eventShards=N` (default 16, 1–256): shards of the events table's global index
   * (docs/event-store.md, "Global order"). Raising it later is safe; lowering it is not.
   */
  eventShards: number;
  /**
   * `-c snapshotEvery=N` (default 500, 1–100000): a position stream's fold is stored as a snapshot
   * every N commits (sets STANCEWATCH_SNAPSHOT_EVERY on the projector; docs/event-store.md).
   */
  snapshotEvery: number;
  /**
   * `-c strongEvidence=quote,action` (or `none`), `-c strongMinConfidence=0.8`,
   * `-c strongMaxDaysApart=180`: which contradictions are alerted at once and which wait for
   * review (docs/positions.md, "Alert strength"). Passed to the projector as the
   * STANCEWATCH_STRONG_* variables, checked here by the same parser; unset means the default.
   */
  strengthPolicyEnvironment: Record<string, string>;
}

export class ConfigError extends Error {
  constructor(key: string, message: string) {
    super(`-c ${key}: ${message} (see docs/deploy.md, "Configuration")`);
    this.name = 'ConfigError';
  }
}

type ContextReader = (key: string) => unknown;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const SLUG = /^[a-z0-9][a-z0-9:-]*$/;
/**
 * Bedrock model ids: `provider.model-name-v1:0`, optionally prefixed by a cross-region inference
 * profile's geography (`us.`, `eu.`, `apac.`, `global.` …).
 */
const BEDROCK_MODEL = /^[a-z0-9-]+\.[A-Za-z0-9._:-]+$/;
/** ARNs the extractor accepts as a model: a foundation model, or a system-defined inference profile. */
const BEDROCK_ARN =
  /^arn:[a-z-]+:bedrock:[a-z0-9-]+:(\d{12})?:(foundation-model|inference-profile)\/([A-Za-z0-9._:-]+)$/;
/** Geography prefixes of system-defined cross-region inference profiles. */
export const INFERENCE_PROFILE_PREFIXES = ['us', 'eu', 'apac', 'global', 'us-gov', 'jp', 'au', 'ca'] as const;

function text(read: ContextReader, key: string): string | undefined {
  const value = read(key);
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') {
    throw new ConfigError(key, `expected a string, got ${JSON.stringify(value)}`);
  }
  const trimmed = String(value).trim();
  return trimmed === '' ? undefined : trimmed;
}

function flag(read: ContextReader, key: string, fallback: boolean): boolean {
  const value = text(read, key);
  if (value === undefined) return fallback;
  if (value === 'true') return true;
  if (value === 'false') return false;
  throw new ConfigError(key, `expected true or false, got "${value}"`);
}

function whole(read: ContextReader, key: string, fallback: number, min: number, max: number): number {
  const value = text(read, key);
  if (value === undefined) return fallback;
  const parsed = Number(value);
  if (!Number.isInteger(parsed) || parsed < min || parsed > max) {
    throw new ConfigError(key, `expected a whole number from ${min} to ${max}, got "${value}"`);
  }
  return parsed;
}

function list(read: ContextReader, key: string): string[] {
  const value = read(key);
  const items = Array.isArray(value) ? value.map(String) : (text(read, key)?.split(',') ?? []);
  const cleaned = [...new Set(items.map((item) => item.trim()).filter((item) => item !== ''))];
  for (const item of cleaned) {
    if (!SLUG.test(item)) throw new ConfigError(key, `"${item}" is not a canonical id (lower-case, kebab-case)`);
  }
  return cleaned;
}

function email(read: ContextReader, key: string): string | undefined {
  const value = text(read, key);
  if (value !== undefined && !EMAIL.test(value)) throw new ConfigError(key, `"${value}" is not an email address`);
  return value;
}

const STRENGTH_KEYS = {
  strongEvidence: ENV.strongEvidence,
  strongMinConfidence: ENV.strongMinConfidence,
  strongMaxDaysApart: ENV.strongMaxDaysApart,
} as const;

/** The STANCEWATCH_STRONG_* variables the context sets, each refused at synth if the Lambda would refuse it. */
function strengthPolicyEnvironment(read: ContextReader): Record<string, string> {
  const environment: Record<string, string> = {};
  for (const [key, variable] of Object.entries(STRENGTH_KEYS)) {
    const value = text(read, key);
    if (value === undefined) continue;
    try {
      readRuntimeConfig({ [variable]: value });
    } catch (error) {
      throw new ConfigError(key, (error as Error).message);
    }
    environment[variable] = value;
  }
  return environment;
}

/** Reads and validates the context; `read` is `node.tryGetContext` (a plain function in tests). */
export function readConfig(read: ContextReader): StancewatchConfig {
  const extractor = (text(read, 'extractor') ?? 'rules') as ExtractorChoice;
  if (!EXTRACTOR_CHOICES.includes(extractor)) {
    throw new ConfigError('extractor', `"${extractor}" is not one of ${EXTRACTOR_CHOICES.join(', ')}`);
  }
  const bedrockModel = text(read, 'bedrockModel');
  if (extractor !== 'rules' && bedrockModel === undefined) {
    throw new ConfigError(
      'bedrockModel',
      `extractor=${extractor} needs a model id, e.g. -c bedrockModel=anthropic.claude-3-haiku-20240307-v1:0`,
    );
  }
  if (bedrockModel !== undefined && !BEDROCK_MODEL.test(bedrockModel) && !BEDROCK_ARN.test(bedrockModel)) {
    throw new ConfigError(
      'bedrockModel',
      `"${bedrockModel}" is not a Bedrock model id, a cross-region inference profile id, or the ARN of either`,
    );
  }
  const alertEmail = email(read, 'alertEmail');
  const opsEmail = email(read, 'opsEmail') ?? alertEmail;
  return {
    ...(alertEmail ? { alertEmail } : {}),
    alertActors: list(read, 'alertActors'),
    alertTopics: list(read, 'alertTopics'),
    ...(opsEmail ? { opsEmail } : {}),
    throwaway: flag(read, 'throwaway', false),
    extractor,
    ...(extractor !== 'rules' && bedrockModel ? { bedrockModel } : {}),
    reservedConcurrency: flag(read, 'reservedConcurrency', false),
    apiConcurrency: whole(read, 'apiConcurrency', 10, 1, 1000),
    ingestConcurrency: whole(read, 'ingestConcurrency', 5, 1, 1000),
    apiRateLimit: whole(read, 'apiRateLimit', 100, 1, 10_000),
    apiBurstLimit: whole(read, 'apiBurstLimit', 200, 1, 5_000),
    projectorBatchSize: whole(read, 'projectorBatchSize', 100, 1, 1000),
    alerterBatchSize: whole(read, 'alerterBatchSize', 10, 1, 1000),
    publicRead: flag(read, 'publicRead', false),
    alertShifts: flag(read, 'alertShifts', false),
    digestHour: whole(read, 'digestHour', 7, 0, 23),
    eventShards: whole(read, 'eventShards', DEFAULT_GLOBAL_SHARDS, 1, MAX_GLOBAL_SHARDS),
    snapshotEvery: whole(read, 'snapshotEvery', DEFAULT_SNAPSHOT_EVERY, 1, 100_000),
    strengthPolicyEnvironment: strengthPolicyEnvironment(read),
  };
}

/** Where the stack is deployed (CloudFormation pseudo parameters in the stack). */
export interface Place {
  partition: string;
  region: string;
  account: string;
}

/**
 * The resources `bedrock:InvokeModel` must be allowed on for the configured model, and nothing
 * more: a foundation model in this region is one ARN; a cross-region inference profile is the
 * profile plus its one foundation model in whichever region of the geography Bedrock routes to.
 */
export function bedrockResourcesFor(model: string, place: Place): { resources: string[]; anyRegionModel?: string } {
  const arn = BEDROCK_ARN.exec(model);
  if (arn) {
    const [, , kind, id = ''] = arn;
    if (kind === 'foundation-model') return { resources: [model] };
    const profile = inferenceProfileOf(id);
    if (!profile) throw new ConfigError('bedrockModel', `"${model}" is not a system-defined inference profile`);
    return {
      resources: [model, `arn:${place.partition}:bedrock:*::foundation-model/${profile.foundationModel}`],
      anyRegionModel: profile.foundationModel,
    };
  }
  const profile = inferenceProfileOf(model);
  if (!profile) return { resources: [`arn:${place.partition}:bedrock:${place.region}::foundation-model/${model}`] };
  return {
    resources: [
      `arn:${place.partition}:bedrock:${place.region}:${place.account}:inference-profile/${model}`,
      `arn:${place.partition}:bedrock:*::foundation-model/${profile.foundationModel}`,
    ],
    anyRegionModel: profile.foundationModel,
  };
}

/**
 * A model id invoked through a cross-region inference profile (`us.anthropic…`) rather than as a
 * foundation model in this region; the two need different IAM resources.
 */
export function inferenceProfileOf(modelId: string): { geography: string; foundationModel: string } | undefined {
  const [prefix, ...rest] = modelId.split('.');
  if (prefix === undefined || rest.length < 2) return undefined;
  return (INFERENCE_PROFILE_PREFIXES as readonly string[]).includes(prefix)
    ? { geography: prefix, foundationModel: rest.join('.') }
    : undefined;
}
