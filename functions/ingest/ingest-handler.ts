import type { IngestDependencies, IngestOutcome } from '../../shared/application/ingest-document';
import { ingestDocument } from '../../shared/application/ingest-document';
import { isStancewatchError } from '../../shared/errors';

/** What a direct invocation (`aws lambda invoke`, Step Functions, an S3 trigger's glue) sends. */
export type IngestEvent = unknown;

export interface IngestedDocument {
  documentId: string;
  duplicate: boolean;
  statements: number;
}

export interface RejectedDocument {
  index: number;
  error: string;
  message: string;
}

export interface IngestResponse {
  ingested: IngestedDocument[];
  rejected: RejectedDocument[];
}

const MAX_DOCUMENTS_PER_INVOCATION = 100;

/** What one invocation did, as the function's metrics and its summary log line count it. */
export interface IngestCounts {
  DocumentsIngested: number;
  DuplicateDocuments: number;
  DocumentsRejected: number;
  StatementsExtracted: number;
}

export function ingestCounts(response: IngestResponse): IngestCounts {
  const fresh = response.ingested.filter((document) => !document.duplicate);
  return {
    DocumentsIngested: fresh.length,
    DuplicateDocuments: response.ingested.length - fresh.length,
    DocumentsRejected: response.rejected.length,
    StatementsExtracted: fresh.reduce((sum, document) => sum + document.statements, 0),
  };
}

const summarise = (outcome: IngestOutcome): IngestedDocument => ({
  documentId: outcome.documentId,
  duplicate: outcome.duplicate,
  statements: outcome.statements.length,
});

/**
 * The ingest Lambda: one document, or `{documents: [...]}` (up to 100). Each document is stored
 * whole or not at all; a rejected one is reported with its reason and does not stop the others.
 * Failures of the store itself propagate, so the invocation fails and the caller retries (ingest
 * is idempotent).
 */
export function createIngestHandler(dependencies: IngestDependencies) {
  return async (event: IngestEvent, context?: { awsRequestId?: string }): Promise<IngestResponse> => {
    const documents =
      event !== null && typeof event === 'object' && Array.isArray((event as { documents?: unknown }).documents)
        ? ((event as { documents: unknown[] }).documents as unknown[])
        : [event];
    if (documents.length > MAX_DOCUMENTS_PER_INVOCATION) {
      return {
        ingested: [],
        rejected: [
          {
            index: -1,
            error: 'VALIDATION_FAILED',
            message: `at most ${MAX_DOCUMENTS_PER_INVOCATION} documents per invocation, got ${documents.length}`,
          },
        ],
      };
    }
    const response: IngestResponse = { ingested: [], rejected: [] };
    for (const [index, document] of documents.entries()) {
      try {
        const outcome = await ingestDocument(dependencies, document, {
          ...(context?.awsRequestId ? { correlationId: context.awsRequestId } : {}),
        });
        response.ingested.push(summarise(outcome));
      } catch (error) {
        if (!isStancewatchError(error) || !isInputError(error.code)) throw error;
        response.rejected.push({ index, error: error.code, message: error.message });
      }
    }
    return response;
  };
}

const isInputError = (code: string) =>
  code === 'VALIDATION_FAILED' || code === 'DOCUMENT_TOO_LARGE' || code === 'UNSUPPORTED_MEDIA_TYPE';
