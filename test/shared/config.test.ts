import { describe, expect, it } from 'vitest';
import { ENV, parseBoolean, readAwsConfig, readConfig } from '../../shared/config';
import { DEFAULT_STRENGTH_POLICY } from '../../shared/domain/alerts/alert-strength';
import { ConfigurationError } from '../../shared/errors';

const API = { EVENTS_TABLE: 'events', VIEWS_TABLE: 'views', API_TOKEN_SECRET_ARN: 'arn:secret' };

describe('readConfig', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(readConfig({})).toEqual({
      publicRead: false,
      alertShifts: false,
      extractor: { kind: 'rules' },
      awsRegion: 'us-east-1',
      observability: { onLambda: false, logLevel: 'WARN', metricsNamespace: 'stancewatch' },
      embedded: { dataDir: '.stancewatch', port: '3000', smtp: {} },
      strengthPolicy: DEFAULT_STRENGTH_POLICY,
    });
  });

  it('reads every setting by its ENV name, blanks counting as unset', () => {
    const config = readConfig({
      [ENV.publicRead]: 'true',
      [ENV.alertShifts]: 'TRUE',
      [ENV.extractor]: 'rules+bedrock',
      [ENV.bedrockModel]: ' us.amazon.nova-lite-v1:0 ',
      [ENV.bedrockRegion]: 'us-west-2',
      [ENV.bedrockToolChoice]: 'any',
      [ENV.bedrockDeadlineSeconds]: '20',
      [ENV.codebook]: '/etc/codebook.json',
      [ENV.apiUrl]: 'https://api.example.org/',
      [ENV.awsRegion]: 'eu-west-1',
      [ENV.lambdaFunctionName]: 'stancewatch-api',
      [ENV.logLevel]: 'info',
      [ENV.dataDir]: '/var/stancewatch',
      [ENV.port]: '8080',
      [ENV.smtpUrl]: 'smtp://mail.example.org:587',
      [ENV.alertTo]: 'desk@example.org',
      [ENV.alertFrom]: '',
      [ENV.token]: 'a-token',
      [ENV.strongEvidence]: 'Quote, action',
      [ENV.strongMinConfidence]: '0.8',
      [ENV.strongMaxDaysApart]: '180',
    });
    expect(config).toEqual({
      publicRead: true,
      alertShifts: true,
      extractor: {
        kind: 'rules+bedrock',
        modelId: 'us.amazon.nova-lite-v1:0',
        region: 'us-west-2',
        toolChoice: 'any',
        deadlineSeconds: 20,
      },
      codebookPath: '/etc/codebook.json',
      apiUrl: 'https://api.example.org/',
      awsRegion: 'eu-west-1',
      observability: { onLambda: true, logLevel: 'INFO', metricsNamespace: 'stancewatch' },
      embedded: {
        dataDir: '/var/stancewatch',
        port: '8080',
        smtp: { smtpUrl: 'smtp://mail.example.org:587', alertTo: 'desk@example.org' },
      },
      cliToken: 'a-token',
      strengthPolicy: { strongEvidence: ['quote', 'action'], minConfidence: 0.8, maxDaysApart: 180 },
    });
  });

  it('reads "none" as a desk that reviews every contradiction, and refuses an unknown evidence kind or a bad number', () => {
    expect(readConfig({ [ENV.strongEvidence]: 'none' }).strengthPolicy.strongEvidence).toEqual([]);
    expect(() => readConfig({ [ENV.strongEvidence]: 'quote,hearsay' })).toThrow(
      'STANCEWATCH_STRONG_EVIDENCE=quote,hearsay: hearsay is not one of quote, action, named-speech (or none)',
    );
    expect(() => readConfig({ [ENV.strongMinConfidence]: '1.5' })).toThrow(
      'STANCEWATCH_STRONG_MIN_CONFIDENCE=1.5 must be a number from 0 to 1',
    );
    expect(() => readConfig({ [ENV.strongMaxDaysApart]: '-3' })).toThrow(
      'STANCEWATCH_STRONG_MAX_DAYS_APART=-3 must be a whole number of days, 0 or more',
    );
  });

  it('is frozen all the way down', () => {
    const config = readConfig({});
    expect(Object.isFrozen(config)).toBe(true);
    expect(Object.isFrozen(config.embedded.smtp)).toBe(true);
    expect(() => {
      (config as { publicRead: boolean }).publicRead = true;
    }).toThrow(TypeError);
  });

  it('names every invalid variable in one message', () => {
    expect(() =>
      readConfig({ [ENV.publicRead]: 'yes', [ENV.extractor]: 'bedrock', [ENV.bedrockToolChoice]: 'force' }),
    ).toThrow(
      'STANCEWATCH_PUBLIC_READ must be "true" or "false", not "yes"; ' +
        'STANCEWATCH_BEDROCK_TOOL_CHOICE=force is not one of: tool, any, auto (default: by model)',
    );
  });

  it('fails with a ConfigurationError, so the edges can tell bad settings from faults', () => {
    expect(() => readConfig({ [ENV.publicRead]: 'yes' })).toThrow(ConfigurationError);
    expect(() => readConfig({ [ENV.extractor]: 'bedrock' })).toThrow(ConfigurationError);
    expect(() => readAwsConfig('api', {})).toThrow(ConfigurationError);
  });
});

describe('STANCEWATCH_PUBLIC_READ: one parser for both runtimes', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['  ', false],
    ['true', true],
    ['TRUE', true],
    [' True ', true],
    ['false', false],
    ['FALSE', false],
  ])('%j means %s, embedded and on Lambda alike', (value, expected) => {
    const env = value === undefined ? {} : { [ENV.publicRead]: value };
    expect(parseBoolean(ENV.publicRead, value, false)).toBe(expected);
    expect(readConfig(env).publicRead).toBe(expected);
    expect(readAwsConfig('api', { ...API, ...env }).publicRead).toBe(expected);
  });

  it.each(['yes', '1', '0', 'on', 'tru'])('refuses %j in both runtimes, naming the variable', (value) => {
    const message = `STANCEWATCH_PUBLIC_READ must be "true" or "false", not "${value}"`;
    expect(() => readConfig({ [ENV.publicRead]: value })).toThrow(message);
    expect(() => readAwsConfig('api', { ...API, [ENV.publicRead]: value })).toThrow(message);
  });
});

describe('readAwsConfig', () => {
  it.each([
    ['ingest', 'the ingest function', ['EVENTS_TABLE']],
    ['projector', 'The projector', ['EVENTS_TABLE', 'VIEWS_TABLE', 'PARKED_TABLE']],
    ['alerter', 'The alerter', ['EVENTS_TABLE', 'ALERT_TOPIC_ARN', 'PARKED_TABLE']],
    ['api', 'The API function', ['EVENTS_TABLE', 'VIEWS_TABLE', 'API_TOKEN_SECRET_ARN']],
  ] as const)('%s needs %s’s variables and names each missing one', (fn, purpose, needs) => {
    const message = needs
      .map((name) => `${purpose} needs the environment variable ${name} (set by the CDK stack)`)
      .join('; ');
    expect(() => readAwsConfig(fn, {})).toThrow(message);
    expect(() => readAwsConfig(fn, Object.fromEntries(needs.map((name) => [name, ' '])))).toThrow(message);
  });

  it('adds the function’s values to the shared configuration', () => {
    const config = readAwsConfig('alerter', {
      EVENTS_TABLE: 'events',
      ALERT_TOPIC_ARN: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      PARKED_TABLE: 'parked',
      API_URL: 'https://api.example.org/',
    });
    expect(config).toMatchObject({
      eventsTable: 'events',
      alertTopicArn: 'arn:aws:sns:eu-west-1:123456789012:alerts',
      parkedTable: 'parked',
      apiUrl: 'https://api.example.org/',
      extractor: { kind: 'rules' },
    });
    expect(config).not.toHaveProperty('viewsTable');
    expect(config).not.toHaveProperty('eventsGlobalShards');
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads the global index’s shard count the stack sets beside the events table, and refuses a bad one', () => {
    const ingest = { EVENTS_TABLE: 'events' };
    expect(readAwsConfig('ingest', { ...ingest, EVENTS_GLOBAL_SHARDS: '32' }).eventsGlobalShards).toBe(32);
    for (const bad of ['0', '2.5', '257', 'many']) {
      expect(() => readAwsConfig('ingest', { ...ingest, EVENTS_GLOBAL_SHARDS: bad })).toThrow(
        `EVENTS_GLOBAL_SHARDS=${bad} must be a whole number of shards from 1 to 256`,
      );
    }
  });

  it('reads the snapshot interval the stack sets on the projector, and refuses a bad one', () => {
    const projector = { EVENTS_TABLE: 'events', VIEWS_TABLE: 'views', PARKED_TABLE: 'parked' };
    expect(readAwsConfig('projector', projector)).not.toHaveProperty('snapshotEvery');
    expect(readAwsConfig('projector', { ...projector, STANCEWATCH_SNAPSHOT_EVERY: '50' }).snapshotEvery).toBe(50);
    for (const bad of ['0', '2.5', '100001', 'often']) {
      expect(() => readAwsConfig('projector', { ...projector, STANCEWATCH_SNAPSHOT_EVERY: bad })).toThrow(
        `STANCEWATCH_SNAPSHOT_EVERY=${bad} must be a whole number of commits from 1 to 100000`,
      );
    }
  });

  it('reports a missing table and a bad shared setting together', () => {
    expect(() => readAwsConfig('ingest', { [ENV.extractor]: 'crystal-ball' })).toThrow(
      'the ingest function needs the environment variable EVENTS_TABLE (set by the CDK stack); ' +
        'STANCEWATCH_EXTRACTOR=crystal-ball is not an extractor; choose one of: rules, bedrock, rules+bedrock',
    );
  });
});
