import {
  AccessDeniedException,
  type ContentBlock,
  type ConverseCommandOutput,
  ServiceUnavailableException,
  ThrottlingException,
  ValidationException,
} from '@aws-sdk/client-bedrock-runtime';
import type { ExtractionLogger } from '../../../../shared/domain/extraction/llm/report';

/**
 * Converse responses and errors in the shape Bedrock returns them (as the SDK deserialises them),
 * written by hand for the tests: a tool-use answer, a text answer, a cut-off answer, and the
 * exceptions with their HTTP status.
 */

export const MODEL_ID = 'anthropic.claude-3-haiku-20240307-v1:0';
export const TOOL_NAME = 'record_statements';

/** A document written for these tests; sentence numbers as the rules extractor counts them. */
export const ARTICLE = [
  "Ukraine's foreign minister Andrii Sybiha said on Monday that Kyiv would never cede occupied land to Russia.",
  'The minister spoke after a night of heavy drone attacks on the capital.',
  'Sybiha brushed off the idea of a truce as a trap.',
  'The weather in Kyiv turned cold, and talks about heating dominated the day.',
  'Beijing has so far kept its distance from the peace talks.',
  "Hungary's prime minister Viktor Orban called for an immediate truce.",
  'Officials in Warsaw met to discuss the budget.',
].join('\n');
export const SENTENCES = ARTICLE.split('\n');
export const PUBLISHED_AT = '2025-11-04';

export const articleInput = (documentId = 'doc-bedrock-1', text = ARTICLE) => ({
  documentId,
  text,
  publishedAt: PUBLISHED_AT,
  title: 'Kyiv rules out ceding land',
  source: 'test wire',
});

export interface ModelStatementFixture {
  sentence: number;
  quote: string;
  actor: string;
  speaker?: string;
  topic: string;
  proposition: string;
  polarity: 'support' | 'oppose' | 'conditional';
  attribution: 'direct' | 'reported';
  /** Asked for in the tool schema; fixtures leave it out unless the test is about it. */
  evidence?: 'quote' | 'speech' | 'action';
  reportedBy?: string;
  confidence: number;
  statedAt?: string;
}

/** A statement as the model would write it about sentence `index` of `sentences`. */
export const aModelStatement = (
  index: number,
  overrides: Partial<ModelStatementFixture> = {},
  sentences: readonly string[] = SENTENCES,
): ModelStatementFixture => ({
  sentence: index,
  quote: sentences[index] ?? '',
  actor: 'ukraine',
  speaker: 'Andrii Sybiha',
  topic: 'territory',
  proposition: 'cede-territory',
  polarity: 'oppose',
  attribution: 'direct',
  confidence: 0.85,
  ...overrides,
});

export interface AnswerOptions {
  inputTokens?: number;
  outputTokens?: number;
  stopReason?: ConverseCommandOutput['stopReason'];
  /** Text the model writes before calling the tool (Claude often does). */
  preamble?: string;
}

const metadata = (attempts = 1) => ({
  httpStatusCode: 200,
  requestId: '5d1e6a0c-0f5b-4c1e-9d55-3b0f7f2f9a10',
  attempts,
  totalRetryDelay: 0,
});

/** The model called the tool with `input` (normally `{statements: [...]}`). */
export function toolUseAnswer(input: unknown, options: AnswerOptions = {}): ConverseCommandOutput {
  const content: ContentBlock[] = [];
  if (options.preamble) content.push({ text: options.preamble });
  content.push({ toolUse: { toolUseId: 'tooluse_kq3Jw0xvT9mP2bWc8sY1Ng', name: TOOL_NAME, input: input as never } });
  const inputTokens = options.inputTokens ?? 2400;
  const outputTokens = options.outputTokens ?? 180;
  return {
    $metadata: metadata(),
    output: { message: { role: 'assistant', content } },
    stopReason: options.stopReason ?? 'tool_use',
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    metrics: { latencyMs: 2150 },
  };
}

export const statementsAnswer = (statements: unknown[], options: AnswerOptions = {}) =>
  toolUseAnswer({ statements }, options);

/** The model answered in prose and never called the tool. */
export function textOnlyAnswer(text: string, options: AnswerOptions = {}): ConverseCommandOutput {
  const inputTokens = options.inputTokens ?? 2400;
  const outputTokens = options.outputTokens ?? 60;
  return {
    $metadata: metadata(),
    output: { message: { role: 'assistant', content: [{ text }] } },
    stopReason: options.stopReason ?? 'end_turn',
    usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
    metrics: { latencyMs: 900 },
  };
}

export const throttling = () =>
  new ThrottlingException({
    message: 'Too many requests, please wait before trying again.',
    $metadata: { httpStatusCode: 429, requestId: 'a1', attempts: 3, totalRetryDelay: 1900 },
  });

export const serviceUnavailable = () =>
  new ServiceUnavailableException({
    message: 'Bedrock is unable to process your request.',
    $metadata: { httpStatusCode: 503, requestId: 'a2', attempts: 3, totalRetryDelay: 2400 },
  });

export const accessDenied = () =>
  new AccessDeniedException({
    message: "You don't have access to the model with the specified model ID.",
    $metadata: { httpStatusCode: 403, requestId: 'a3', attempts: 1, totalRetryDelay: 0 },
  });

export const validationFailed = () =>
  new ValidationException({
    message: 'This model does not support tool use with toolChoice.',
    $metadata: { httpStatusCode: 400, requestId: 'a4', attempts: 1, totalRetryDelay: 0 },
  });

export interface RecordedLine {
  level: 'info' | 'warn';
  message: string;
  extra?: Record<string, unknown>;
}

/** A logger that keeps what it was told. */
export function recordingLogger(): ExtractionLogger & { lines: RecordedLine[] } {
  const lines: RecordedLine[] = [];
  return {
    lines,
    info: (message, extra) => lines.push({ level: 'info', message, ...(extra ? { extra } : {}) }),
    warn: (message, extra) => lines.push({ level: 'warn', message, ...(extra ? { extra } : {}) }),
  };
}

/** Sleeps that return at once and remember how long they were asked to wait. */
export function instantSleep(): ((ms: number) => Promise<void>) & { waits: number[] } {
  const waits: number[] = [];
  const sleep = async (ms: number) => {
    waits.push(ms);
  };
  return Object.assign(sleep, { waits });
}
