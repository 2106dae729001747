import type { Statement } from '../../events/statement';

/** What an extractor is given: the article text (already plain text) and its metadata. */
export interface ExtractionInput {
  documentId: string;
  text: string;
  /** ISO date or timestamp of publication: the default `statedAt` of every statement. */
  publishedAt: string;
  title?: string;
  source?: string;
}

export interface ExtractionResult {
  /** e.g. "rules@1.0.0"; recorded on every StatementExtracted event. */
  extractorVersion: string;
  /** The codebook's own version string, recorded likewise. */
  codebookVersion: string;
  statements: Statement[];
}

/**
 * Turns a document into statements. Adapters: the built-in rules extractor (default, offline,
 * deterministic) and the Bedrock extractor. Implementations never throw for a document that merely
 * yields nothing: they return an empty list.
 */
export interface Extractor {
  readonly name: string;
  extract(input: ExtractionInput): Promise<ExtractionResult>;
}
