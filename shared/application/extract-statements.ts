import { Statement } from '../../events/statement';
import { toTimestamp } from '../domain/timestamps';
import type { NewEvent } from '../ports/event-store';
import type { ExtractionResult, Extractor } from '../ports/extractor';

/** The stored document fields extraction reads (from a PreparedDocument or a DocumentIngested). */
export interface ExtractableDocument {
  documentId: string;
  text: string;
  publishedAt: string;
  title?: string | undefined;
  source?: string | undefined;
}

export interface CheckedExtraction {
  extraction: ExtractionResult;
  /** The statements that passed every check, in the extractor's order, without repeats. */
  statements: Statement[];
  /** How many the extractor returned that failed a check. */
  dropped: number;
}

/**
 * Runs an extractor and keeps only what it can prove. Extractors are adapters and some are not
 * deterministic (an LLM): every statement is checked against the schema and against the document
 * it claims to come from (its id and its quote) before anything is stored. Ingest and re-extraction
 * both go through here, so they apply the same checks.
 */
export async function extractCheckedStatements(
  extractor: Extractor,
  document: ExtractableDocument,
): Promise<CheckedExtraction> {
  const extraction = await extractor.extract({
    documentId: document.documentId,
    text: document.text,
    publishedAt: document.publishedAt,
    ...(document.title ? { title: document.title } : {}),
    ...(document.source ? { source: document.source } : {}),
  });
  const seen = new Set<string>();
  const statements: Statement[] = [];
  for (const candidate of extraction.statements as readonly unknown[]) {
    const parsed = Statement.safeParse(candidate);
    if (
      !parsed.success ||
      parsed.data.documentId !== document.documentId ||
      !document.text.includes(parsed.data.quote) ||
      seen.has(parsed.data.statementId)
    ) {
      continue;
    }
    seen.add(parsed.data.statementId);
    statements.push(parsed.data);
  }
  return { extraction, statements, dropped: extraction.statements.length - statements.length };
}

/** The StatementExtracted event for one checked statement of a document. */
export function statementExtractedEvent(
  statement: Statement,
  context: {
    eventId: string;
    correlationId: string;
    causationId: string;
    extraction: Pick<ExtractionResult, 'extractorVersion' | 'codebookVersion'>;
    document: Pick<ExtractableDocument, 'title' | 'source'>;
  },
): NewEvent<'StatementExtracted'> {
  return {
    eventId: context.eventId,
    type: 'StatementExtracted',
    occurredAt: toTimestamp(statement.statedAt),
    correlationId: context.correlationId,
    causationId: context.causationId,
    data: {
      ...statement,
      extractorVersion: context.extraction.extractorVersion,
      codebookVersion: context.extraction.codebookVersion,
      ...(context.document.source ? { source: context.document.source } : {}),
      ...(context.document.title ? { documentTitle: context.document.title } : {}),
    },
  };
}
