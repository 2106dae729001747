import type { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { IsoDateOrTimestamp, type Statement } from '../../../events/statement';
import { looksLikeHtml, toArticleText } from '../../domain/documents/article-text';
import { MAX_RAW_DOCUMENT_BYTES } from '../../domain/documents/document-limits';
import { loadCodebook } from '../../domain/extraction/codebook/load-codebook';
import type { Codebook } from '../../domain/extraction/codebook/schema';
import { addDrops, noDrops, readAnswer, totalDrops } from '../../domain/extraction/llm/answer';
import { catalogueFrom } from '../../domain/extraction/llm/catalogue';
import {
  type Chunk,
  type ChunkingOptions,
  chunkSentences,
  DEFAULT_CHUNKING,
  splitChunk,
} from '../../domain/extraction/llm/chunking';
import { sentencesWorthAsking } from '../../domain/extraction/llm/hybrid';
import { mergeStatements } from '../../domain/extraction/llm/merge';
import { chunkMessage, LLM_PROMPT_VERSION, statementsTool, systemPrompt } from '../../domain/extraction/llm/prompt';
import {
  type ExtractionLogger,
  type LlmExtractionReport,
  type LlmExtractionResult,
  silentExtractionLogger,
} from '../../domain/extraction/llm/report';
import { type SplitDocument, splitSentences } from '../../domain/extraction/llm/sentences';
import { addUsage, noUsage } from '../../domain/extraction/llm/usage';
import { createRulesExtractor } from '../../domain/extraction/rules-extractor';
import { BedrockExtractionError, DocumentTooLargeError, ValidationError } from '../../errors';
import type { ExtractionInput, ExtractionResult, Extractor } from '../../ports/extractor';
import { DEFAULT_RETRY_POLICY, errorNameOf, type RetryPolicy, withRetries } from './bedrock-retry';
import { converseStatements, defaultToolChoice, type ToolChoiceMode } from './converse-statements';

export type LlmExtractorMode = 'bedrock' | 'rules+bedrock';

/** The extractor version of statements the model produced: `bedrock:<model id>@<prompt version>`. */
export const bedrockExtractorVersion = (modelId: string): string => `bedrock:${modelId}@${LLM_PROMPT_VERSION}`;

/** The extractor version of a document the rules and the model answered together (rules+bedrock). */
export const hybridExtractorVersion = (rulesVersion: string, modelVersion: string): string =>
  `${rulesVersion}+${modelVersion}`;

export interface BedrockExtractorOptions {
  client: BedrockRuntimeClient;
  /** A Bedrock model id or inference profile id (e.g. "anthropic.claude-3-haiku-20240307-v1:0"). */
  modelId: string;
  /** `bedrock`: the model reads every sentence. `rules+bedrock`: rules first, the model only for their blind spots. */
  mode?: LlmExtractorMode;
  /** Default: the bundled codebook (the wiring passes the configured one). */
  codebook?: Codebook;
  /** The rules extractor (same codebook) unless given: the hybrid's first pass and every fallback. */
  rules?: Extractor;
  toolChoice?: ToolChoiceMode;
  /** Ask Bedrock to enforce the tool schema (structured outputs; only some models accept it). */
  strictToolUse?: boolean;
  /** Most output tokens per call (default 4096); an answer cut off there is re-asked in halves. */
  maxOutputTokens?: number;
  /** Default 0: the same document should give the same answer as far as the model allows. */
  temperature?: number;
  chunking?: Partial<ChunkingOptions>;
  /** Hybrid mode: most sentences sent to the model per document (default 60); the rest keep the rules' answer. */
  maxSentencesAsked?: number;
  /** Chunks of one document asked at the same time (default 3). */
  concurrency?: number;
  retry?: Partial<RetryPolicy>;
  /** Time budget per document (default 90 s): past it, the document falls back to the rules. */
  deadlineMs?: number;
  /** Cap on the model's self-reported confidence (default 0.9). */
  maxConfidence?: number;
  logger?: ExtractionLogger;
  /** Called with every document's report (metrics). */
  onReport?: (report: LlmExtractionReport) => void;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
  random?: () => number;
}

export interface BedrockExtractor extends Extractor {
  readonly name: LlmExtractorMode;
  readonly modelId: string;
  extract(input: ExtractionInput): Promise<LlmExtractionResult>;
}

const CUT_OFF = new Set(['max_tokens', 'model_context_window_exceeded']);
const MAX_SPLIT_DEPTH = 3;

/**
 * The LLM extractor: asks a Bedrock model (Converse, forced tool use) for the document's statements,
 * chunk by chunk, and keeps only what survives the checks in `llm-extraction/answer`. A hard failure
 * returns the rules' result for that document instead, with the rules' extractorVersion, so every
 * stored statement says which extractor produced it.
 */
export function createBedrockExtractor(options: BedrockExtractorOptions): BedrockExtractor {
  const mode = options.mode ?? 'bedrock';
  const modelId = options.modelId.trim();
  if (!modelId) throw new Error('the Bedrock extractor needs a model id');
  const codebook = options.codebook ?? loadCodebook();
  const rules = options.rules ?? createRulesExtractor({ codebook });
  const catalogue = catalogueFrom(codebook);
  const system = systemPrompt(catalogue);
  const tool = statementsTool(catalogue);
  const toolChoice = options.toolChoice ?? defaultToolChoice(modelId);
  const chunking: ChunkingOptions = { ...DEFAULT_CHUNKING, ...options.chunking };
  const retry: RetryPolicy = { ...DEFAULT_RETRY_POLICY, ...options.retry };
  const logger = options.logger ?? silentExtractionLogger;
  const now = options.now ?? Date.now;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const random = options.random ?? Math.random;
  const concurrency = Math.max(1, options.concurrency ?? 3);
  const deadlineMs = options.deadlineMs ?? 90_000;
  const maxSentencesAsked = options.maxSentencesAsked ?? 60;
  const modelVersion = bedrockExtractorVersion(modelId);

  const extract = async (input: ExtractionInput): Promise<LlmExtractionResult> => {
    checkInput(input);
    const started = now();
    const report: LlmExtractionReport = {
      documentId: input.documentId,
      mode,
      modelId,
      producedBy: mode === 'bedrock' ? 'bedrock' : 'rules+bedrock',
      sentencesAsked: 0,
      chunks: 0,
      calls: 0,
      retries: 0,
      usage: noUsage(),
      drops: noDrops(),
      droppedStatements: 0,
      malformedAnswers: {},
      statements: 0,
      modelStatements: 0,
      durationMs: 0,
    };
    const text = looksLikeHtml(input.text) ? toArticleText(input.text).text : input.text;
    const ask = (split: SplitDocument, targets?: ReadonlySet<number>) =>
      askModel({ split, targets, input, report, deadline: started + deadlineMs });

    let result: ExtractionResult;
    if (mode === 'rules+bedrock') {
      const rulesResult = await rules.extract(input);
      const split = splitSentences(text);
      let asked = sentencesWorthAsking(codebook, split, rulesResult.statements);
      if (asked.length > maxSentencesAsked) {
        logger.warn('bedrock extraction: too many sentences for the model; the rest keep the rules answer', {
          documentId: input.documentId,
          candidates: asked.length,
          asked: maxSentencesAsked,
        });
        asked = asked.slice(0, maxSentencesAsked);
      }
      if (asked.length === 0) {
        report.producedBy = 'rules';
        result = rulesResult;
      } else {
        try {
          const found = await ask(split, new Set(asked));
          report.modelStatements = found.length;
          result = {
            extractorVersion: hybridExtractorVersion(rulesResult.extractorVersion, modelVersion),
            codebookVersion: rulesResult.codebookVersion,
            statements: mergeStatements(rulesResult.statements, found),
          };
        } catch (error) {
          noteFallback(report, error);
          result = rulesResult;
        }
      }
    } else {
      const split = splitSentences(text);
      try {
        const found = split.sentences.length === 0 ? [] : await ask(split);
        report.modelStatements = found.length;
        result = { extractorVersion: modelVersion, codebookVersion: codebook.version, statements: found };
      } catch (error) {
        noteFallback(report, error);
        result = await rules.extract(input);
      }
    }

    report.statements = result.statements.length;
    report.droppedStatements = totalDrops(report.drops);
    report.durationMs = now() - started;
    logReport(report);
    options.onReport?.(report);
    return { ...result, report };
  };

  function noteFallback(report: LlmExtractionReport, error: unknown): void {
    const errorName =
      error instanceof BedrockExtractionError ? String(error.details?.errorName ?? error.name) : errorNameOf(error);
    report.producedBy = 'rules';
    report.modelStatements = 0;
    report.fallback = { reason: error instanceof Error ? error.message : String(error), errorName };
    logger.warn('bedrock extraction failed; the rules extractor answered for this document', {
      documentId: report.documentId,
      modelId,
      errorName,
      reason: report.fallback.reason,
    });
  }

  function logReport(report: LlmExtractionReport): void {
    logger.info('bedrock extraction', {
      documentId: report.documentId,
      mode: report.mode,
      modelId,
      producedBy: report.producedBy,
      sentencesAsked: report.sentencesAsked,
      chunks: report.chunks,
      calls: report.calls,
      retries: report.retries,
      inputTokens: report.usage.inputTokens,
      outputTokens: report.usage.outputTokens,
      cacheReadInputTokens: report.usage.cacheReadInputTokens,
      cacheWriteInputTokens: report.usage.cacheWriteInputTokens,
      statements: report.statements,
      modelStatements: report.modelStatements,
      droppedStatements: report.droppedStatements,
      malformedAnswers: report.malformedAnswers,
      durationMs: report.durationMs,
      ...(report.fallback ? { fallback: report.fallback.errorName } : {}),
    });
  }

  async function askModel(job: {
    split: SplitDocument;
    targets: ReadonlySet<number> | undefined;
    input: ExtractionInput;
    report: LlmExtractionReport;
    deadline: number;
  }): Promise<Statement[]> {
    const { split, targets, input, report, deadline } = job;
    const chunks = chunkSentences(split.sentences, chunking, targets);
    report.chunks = chunks.length;
    report.sentencesAsked = chunks.reduce((sum, chunk) => sum + chunk.sentences.filter((s) => s.target).length, 0);
    const controller = new AbortController();
    const timer = setTimeout(
      () =>
        controller.abort(
          new BedrockExtractionError('the time budget for this document ran out', {
            details: { errorName: 'DeadlineExceeded', transient: true },
          }),
        ),
      Math.max(0, deadline - now()),
    );
    const context = {
      catalogue,
      documentId: input.documentId,
      publishedAt: input.publishedAt,
      documentText: split.text,
      ...(options.maxConfidence !== undefined ? { maxConfidence: options.maxConfidence } : {}),
    };

    const askChunk = async (chunk: Chunk, depth: number): Promise<Statement[]> => {
      const answer = await withRetries(
        () => {
          report.calls += 1;
          return converseStatements(
            options.client,
            {
              modelId,
              system,
              message: chunkMessage(input, chunk),
              tool,
              toolChoice,
              maxTokens: options.maxOutputTokens ?? 4096,
              temperature: options.temperature ?? 0,
              ...(options.strictToolUse ? { strict: true } : {}),
            },
            controller.signal,
          );
        },
        {
          policy: retry,
          deadline,
          now,
          sleep,
          random,
          signal: controller.signal,
          onRetry: (attempt, error, delayMs) => {
            report.retries += 1;
            logger.info('bedrock call failed; retrying', {
              documentId: input.documentId,
              attempt,
              errorName: errorNameOf(error),
              delayMs,
            });
          },
        },
      );
      addUsage(report.usage, answer.usage);
      const cutOff = answer.stopReason !== undefined && CUT_OFF.has(answer.stopReason);
      if (cutOff && depth < MAX_SPLIT_DEPTH) {
        const halves = splitChunk(chunk, split.sentences, chunking.contextSentences);
        if (halves.length > 1) {
          logger.info('bedrock answer cut off; asking again in halves', {
            documentId: input.documentId,
            stopReason: answer.stopReason,
            sentences: chunk.sentences.length,
          });
          report.chunks += halves.length - 1;
          const parts: Statement[][] = [];
          for (const half of halves) parts.push(await askChunk(half, depth + 1));
          return parts.flat();
        }
      }
      const read = readAnswer(answer.toolInput, chunk, context);
      addDrops(report.drops, read.drops);
      if (read.malformed) {
        const kind = cutOff ? 'truncated' : read.malformed;
        report.malformedAnswers[kind] = (report.malformedAnswers[kind] ?? 0) + 1;
        logger.warn('bedrock answer unreadable; its sentences yield no statement', {
          documentId: input.documentId,
          malformed: kind,
          stopReason: answer.stopReason,
          sentences: chunk.sentences.filter((s) => s.target).map((s) => s.index),
        });
      }
      if (read.dropped.length > 0) {
        logger.warn('bedrock statements dropped', {
          documentId: input.documentId,
          dropped: read.dropped.length,
          byReason: Object.fromEntries(Object.entries(read.drops).filter(([, n]) => n > 0)),
          examples: read.dropped.slice(0, 10),
        });
      }
      return read.statements;
    };

    try {
      const results: Statement[][] = new Array(chunks.length);
      let next = 0;
      const worker = async () => {
        while (next < chunks.length && !controller.signal.aborted) {
          const index = next;
          next += 1;
          results[index] = await askChunk(chunks[index]!, 0);
        }
      };
      const workers = Array.from({ length: Math.min(concurrency, chunks.length) }, () =>
        worker().catch((error: unknown) => {
          // One chunk failing hard fails the document: stop the others' calls.
          if (!controller.signal.aborted) controller.abort(error);
          throw error;
        }),
      );
      const settled = await Promise.allSettled(workers);
      const failure = settled.find((outcome) => outcome.status === 'rejected');
      if (failure) throw controller.signal.reason ?? (failure as PromiseRejectedResult).reason;
      return mergeStatements(...results.filter(Boolean));
    } finally {
      clearTimeout(timer);
    }
  }

  return { name: mode, modelId, extract };
}

/** The same input checks as the rules extractor, so both refuse the same documents the same way. */
function checkInput(input: ExtractionInput): void {
  if (typeof input.text !== 'string') {
    throw new ValidationError('the document text must be a string', {
      details: { issues: [{ field: 'text', message: 'not a string' }] },
    });
  }
  if (!IsoDateOrTimestamp.safeParse(input.publishedAt).success) {
    throw new ValidationError(`publishedAt must be an ISO date or timestamp, got "${String(input.publishedAt)}"`, {
      details: { issues: [{ field: 'publishedAt', message: 'not an ISO date or timestamp' }] },
    });
  }
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (bytes > MAX_RAW_DOCUMENT_BYTES) {
    throw new DocumentTooLargeError(
      `the document is ${bytes} bytes; the extractor reads at most ${MAX_RAW_DOCUMENT_BYTES}`,
      {
        details: { bytes, limit: MAX_RAW_DOCUMENT_BYTES },
      },
    );
  }
}
