import { describe, expect, it } from 'vitest';
import { bedrockResourcesFor, ConfigError, inferenceProfileOf, readConfig } from '../../infra/config';

const from = (context: Record<string, unknown>) => readConfig((key) => context[key]);

describe('deployment context (-c key=value)', () => {
  const tuning = {
    apiConcurrency: 10,
    ingestConcurrency: 5,
    apiRateLimit: 100,
    apiBurstLimit: 200,
    projectorBatchSize: 100,
    alerterBatchSize: 10,
    alertShifts: false,
    digestHour: 7,
    eventShards: 16,
    snapshotEvery: 500,
    strengthPolicyEnvironment: {},
  };

  it('defaults to a kept stack with the rules extractor, no reserved concurrency and no subscriptions', () => {
    expect(from({})).toEqual({
      alertActors: [],
      alertTopics: [],
      throwaway: false,
      extractor: 'rules',
      reservedConcurrency: false,
      publicRead: false,
      ...tuning,
    });
  });

  it('sends operations alarms to the alert email unless -c opsEmail names another', () => {
    expect(from({ alertEmail: 'desk@example.org' }).opsEmail).toBe('desk@example.org');
    expect(from({ alertEmail: 'desk@example.org', opsEmail: 'ops@example.org' }).opsEmail).toBe('ops@example.org');
  });

  it('reads throttles, reservations and batch sizes as whole numbers in range, and refuses anything else', () => {
    expect(from({ apiRateLimit: '250', projectorBatchSize: 1000 })).toMatchObject({
      apiRateLimit: 250,
      projectorBatchSize: 1000,
    });
    expect(() => from({ apiRateLimit: 'fast' })).toThrow(/-c apiRateLimit: expected a whole number from 1 to 10000/);
    expect(() => from({ projectorBatchSize: '0' })).toThrow(ConfigError);
    expect(() => from({ alerterBatchSize: '2.5' })).toThrow(ConfigError);
    expect(from({ eventShards: '64' }).eventShards).toBe(64);
    expect(() => from({ eventShards: '0' })).toThrow(/-c eventShards: expected a whole number from 1 to 256/);
    expect(from({ snapshotEvery: '50' }).snapshotEvery).toBe(50);
    expect(() => from({ snapshotEvery: '0' })).toThrow(/-c snapshotEvery: expected a whole number from 1 to 100000/);
  });

  it('passes the alert strength policy to the projector as its variables, refusing at synth what the Lambda would', () => {
    expect(from({ strongEvidence: 'quote,action', strongMaxDaysApart: '90' }).strengthPolicyEnvironment).toEqual({
      STANCEWATCH_STRONG_EVIDENCE: 'quote,action',
      STANCEWATCH_STRONG_MAX_DAYS_APART: '90',
    });
    expect(() => from({ strongEvidence: 'rumour' })).toThrow(/-c strongEvidence: .*rumour is not one of/);
    expect(() => from({ strongMinConfidence: 'high' })).toThrow(
      /-c strongMinConfidence: .*must be a number from 0 to 1/,
    );
  });

  it('reads comma lists, emails and flags as the CLI passes them (strings)', () => {
    expect(
      from({
        alertEmail: 'analyst@example.org',
        alertActors: ' ukraine, russia,,ukraine ',
        alertTopics: 'territory',
        opsEmail: 'ops@example.org',
        throwaway: 'true',
        reservedConcurrency: 'false',
        publicRead: 'true',
      }),
    ).toEqual({
      alertEmail: 'analyst@example.org',
      alertActors: ['ukraine', 'russia'],
      alertTopics: ['territory'],
      opsEmail: 'ops@example.org',
      throwaway: true,
      extractor: 'rules',
      reservedConcurrency: false,
      publicRead: true,
      ...tuning,
    });
  });

  it('accepts cdk.json values (booleans, arrays)', () => {
    expect(from({ throwaway: true, alertActors: ['china'] })).toMatchObject({
      throwaway: true,
      alertActors: ['china'],
    });
  });

  it('needs a model id with a Bedrock extractor and keeps it only then', () => {
    expect(() => from({ extractor: 'bedrock' })).toThrow(/-c bedrockModel: extractor=bedrock needs a model id/);
    expect(from({ extractor: 'rules+bedrock', bedrockModel: 'amazon.nova-lite-v1:0' })).toMatchObject({
      extractor: 'rules+bedrock',
      bedrockModel: 'amazon.nova-lite-v1:0',
    });
    expect(from({ bedrockModel: 'amazon.nova-lite-v1:0' })).not.toHaveProperty('bedrockModel');
  });

  it.each([
    [{ extractor: 'gpt' }, /-c extractor: "gpt" is not one of rules, bedrock, rules\+bedrock/],
    [{ alertEmail: 'not-an-address' }, /-c alertEmail/],
    [{ alertActors: 'Ukraine' }, /-c alertActors: "Ukraine" is not a canonical id/],
    [{ throwaway: 'yes' }, /-c throwaway: expected true or false/],
    [{ extractor: 'bedrock', bedrockModel: 'claude 3' }, /-c bedrockModel: "claude 3" is not a Bedrock model id/],
  ])('refuses %j with a message naming the key', (context, message) => {
    expect(() => from(context)).toThrow(ConfigError);
    expect(() => from(context)).toThrow(message);
  });

  it('tells a cross-region inference profile id from a foundation model id', () => {
    expect(inferenceProfileOf('anthropic.claude-3-haiku-20240307-v1:0')).toBeUndefined();
    expect(inferenceProfileOf('us.anthropic.claude-3-5-haiku-20241022-v1:0')).toEqual({
      geography: 'us',
      foundationModel: 'anthropic.claude-3-5-haiku-20241022-v1:0',
    });
  });

  it('accepts a model ARN, as the extractor does', () => {
    const arn = 'arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0';
    expect(from({ extractor: 'bedrock', bedrockModel: arn })).toMatchObject({ bedrockModel: arn });
  });

  describe('the resources bedrock:InvokeModel is granted on', () => {
    const place = { partition: 'aws', region: 'eu-west-1', account: '123456789012' };

    it('a foundation model id: that model in this region', () => {
      expect(bedrockResourcesFor('anthropic.claude-3-haiku-20240307-v1:0', place)).toEqual({
        resources: ['arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0'],
      });
    });

    it('an inference profile id: the profile here, its model in any region of the geography', () => {
      expect(bedrockResourcesFor('eu.amazon.nova-lite-v1:0', place)).toEqual({
        resources: [
          'arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0',
          'arn:aws:bedrock:*::foundation-model/amazon.nova-lite-v1:0',
        ],
        anyRegionModel: 'amazon.nova-lite-v1:0',
      });
    });

    it('ARNs: a foundation model exactly; a system inference profile plus its model', () => {
      const model = 'arn:aws:bedrock:eu-west-1::foundation-model/amazon.nova-lite-v1:0';
      expect(bedrockResourcesFor(model, place)).toEqual({ resources: [model] });
      const profile = 'arn:aws:bedrock:eu-west-1:123456789012:inference-profile/eu.amazon.nova-lite-v1:0';
      expect(bedrockResourcesFor(profile, place).resources).toEqual([
        profile,
        'arn:aws:bedrock:*::foundation-model/amazon.nova-lite-v1:0',
      ]);
      expect(() =>
        bedrockResourcesFor('arn:aws:bedrock:eu-west-1:123456789012:inference-profile/my-app-profile', place),
      ).toThrow(/not a system-defined inference profile/);
    });
  });
});
