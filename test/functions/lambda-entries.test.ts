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

  it('stamp the invocation context on their log lines, and the ingest entry publishes what it counted', async () => {
    vi.stubEnv('AWS_REGION', 'eu-west-1');
    vi.stubEnv('EVENTS_TABLE', 'events');
    vi.stubEnv('POWERTOOLS_METRICS_NAMESPACE', 'stancewatch-test');
    const written: string[] = [];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    try {
      const { handler } = await import('../../functions/ingest/handler');
      // An empty document is rejected before any store call: no AWS needed.
      const response = await handler({ text: '' }, {
        awsRequestId: 'req-123',
        functionName: 'stancewatch-ingest',
        functionVersion: '$LATEST',
        invokedFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:stancewatch-ingest',
        memoryLimitInMB: '1024',
      } as never);
      expect(response.rejected).toHaveLength(1);
    } finally {
      write.mockRestore();
    }
    const lines = written
      .join('')
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line));
    const summary = lines.find((line) => line.message === 'ingest');
    expect(summary).toMatchObject({ function_request_id: 'req-123', DocumentsRejected: 1 });
    // Powertools tracks cold starts per process: earlier tests in this worker already invoked.
    expect(typeof summary.cold_start).toBe('boolean');
    const emf = lines.find((line) => line._aws?.CloudWatchMetrics);
    expect(emf).toMatchObject({
      DocumentsIngested: 0,
      DocumentsRejected: 1,
      StatementsExtracted: 0,
      service: 'stancewatch-ingest',
    });
  });
});
