import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

beforeEach(() => {
  vi.resetModules();
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe('Lambda entry points', () => {
  it('stop at init with a message naming the missing variable', async () => {
    vi.stubEnv('EVENTS_TABLE', '');
    vi.stubEnv('VIEWS_TABLE', 'views');
    vi.stubEnv('PARKED_TABLE', 'parked');
    await expect(import('../../functions/projector/handler')).rejects.toThrow(
      /projector needs the environment variable EVENTS_TABLE/,
    );
    vi.resetModules();
    vi.stubEnv('EVENTS_TABLE', 'events');
    vi.stubEnv('ALERT_TOPIC_ARN', '');
    await expect(import('../../functions/alerter/handler')).rejects.toThrow(
      /alerter needs the environment variable ALERT_TOPIC_ARN/,
    );
  });

  it('build their dependencies once at module scope and export the handler', async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    vi.stubEnv('EVENTS_TABLE', 'events');
    vi.stubEnv('VIEWS_TABLE', 'views');
    vi.stubEnv('ALERT_TOPIC_ARN', 'arn:aws:sns:eu-west-1:123456789012:alerts');
    vi.stubEnv('PARKED_TABLE', 'parked');
    expect(typeof (await import('../../functions/projector/handler')).handler).toBe('function');
    expect(typeof (await import('../../functions/alerter/handler')).handler).toBe('function');
  });
});
