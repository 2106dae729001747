import type { ExtractionResult } from '../../../ports/extractor';
import type { DropCounts, MalformedAnswer } from './answer';
import type { TokenUsage } from './usage';

/**
 * What one LLM-assisted extraction did and cost, returned with the statements (ingest ignores the
 * extra field; the bench and the CLI read it) and written to the log.
 */
export interface LlmExtractionReport {
  documentId: string;
  /** The configured mode. */
  mode: 'bedrock' | 'rules+bedrock';
  modelId: string;
  /** Who produced the statements returned: the model, the rules (a fallback), or both (hybrid). */
  producedBy: 'bedrock' | 'rules' | 'rules+bedrock';
  /** Set when the model failed hard and the rules extractor's result was returned instead. */
  fallback?: { reason: string; errorName: string };
  /** Sentences sent as targets, and the model calls made for them (retries included). */
  sentencesAsked: number;
  chunks: number;
  calls: number;
  retries: number;
  usage: TokenUsage;
  /** Statements the model returned that were dropped, by reason. */
  drops: DropCounts;
  droppedStatements: number;
  /** Answers that could not be read at all (their chunk yielded nothing), by kind. */
  malformedAnswers: Partial<Record<MalformedAnswer, number>>;
  /** Statements returned, and how many of them came from the model. */
  statements: number;
  modelStatements: number;
  durationMs: number;
}

export interface LlmExtractionResult extends ExtractionResult {
  report: LlmExtractionReport;
}

/** The slice of a structured logger the extractor uses (Powertools' Logger fits; so does a JSON line writer). */
export interface ExtractionLogger {
  info(message: string, extra?: Record<string, unknown>): void;
  warn(message: string, extra?: Record<string, unknown>): void;
}

export const silentExtractionLogger: ExtractionLogger = { info: () => undefined, warn: () => undefined };
