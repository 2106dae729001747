import type { Metrics } from '@aws-lambda-powertools/metrics';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { metricsReporter, stderrExtractionLogger } from '../../../../shared/adapters/bedrock/extraction-logging';
import { noDrops } from '../../../../shared/domain/extraction/llm/answer';
import type { LlmExtractionReport } from '../../../../shared/domain/extraction/llm/report';

const report = (overrides: Partial<LlmExtractionReport> = {}): LlmExtractionReport => ({
  documentId: 'doc-1',
  mode: 'bedrock',
  modelId: 'amazon.nova-lite-v1:0',
  producedBy: 'rules',
  fallback: { reason: 'Bedrock refused the request (AccessDeniedException)', errorName: 'AccessDeniedException' },
  sentencesAsked: 17,
  chunks: 1,
  calls: 1,
  retries: 0,
  usage: { inputTokens: 3100, outputTokens: 0, cacheReadInputTokens: 0, cacheWriteInputTokens: 0 },
  drops: noDrops(),
  droppedStatements: 2,
  malformedAnswers: {},
  statements: 19,
  modelStatements: 0,
  durationMs: 1200,
  ...overrides,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('extraction metrics and logs', () => {
  it('publishes one set of metrics per document, with the model as dimension', () => {
    const calls: unknown[][] = [];
    const metrics = {
      addDimension: (...args: unknown[]) => calls.push(['dimension', ...args]),
      addMetric: (...args: unknown[]) => calls.push(['metric', ...args]),
      publishStoredMetrics: () => calls.push(['publish']),
    } as unknown as Metrics;

    metricsReporter(metrics)(report());

    expect(calls).toEqual([
      ['dimension', 'model', 'amazon.nova-lite-v1:0'],
      ['metric', 'BedrockInputTokens', 'Count', 3100],
      ['metric', 'BedrockOutputTokens', 'Count', 0],
      ['metric', 'BedrockCalls', 'Count', 1],
      ['metric', 'BedrockFallbacks', 'Count', 1],
      ['metric', 'BedrockDroppedStatements', 'Count', 2],
      ['metric', 'BedrockModelStatements', 'Count', 0],
      ['publish'],
    ]);
  });

  it('writes JSON lines to stderr: warnings always, the usage line only at INFO', () => {
    const written: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    });
    const quiet = stderrExtractionLogger();
    quiet.info('bedrock extraction', { inputTokens: 1 });
    quiet.warn('bedrock statements dropped', { dropped: 1 });
    stderrExtractionLogger('info').info('bedrock extraction', { inputTokens: 2 });

    expect(written.map((line) => JSON.parse(line))).toEqual([
      expect.objectContaining({ level: 'WARN', message: 'bedrock statements dropped', dropped: 1 }),
      expect.objectContaining({ level: 'INFO', message: 'bedrock extraction', inputTokens: 2 }),
    ]);
  });
});
