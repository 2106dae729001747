import type { StatementExtracted } from '../../events/document-events';
import { prepareDocument } from '../domain/documents/document-input';
import { liveStatements } from '../domain/documents/document-statements';
import { documentStreamId } from '../domain/stream-ids';
import { toTimestamp } from '../domain/timestamps';
import { isConcurrencyError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventStore, NewEvent } from '../ports/event-store';
import type { Extractor } from '../ports/extractor';
import type { IdGenerator } from '../ports/id-generator';
import type { UniqueKeyRegistry } from '../ports/unique-key-registry';
import { extractCheckedStatements, statementExtractedEvent } from './extract-statements';

export interface IngestDependencies {
  eventStore: EventStore;
  uniqueKeys: UniqueKeyRegistry;
  extractor: Extractor;
  ids: IdGenerator;
  clock: Clock;
}

export type ExtractedStatement = StatementExtracted['data'];

export interface IngestOutcome {
  documentId: string;
  /** True when this document (same id, or same text under another id) was already stored. */
  duplicate: boolean;
  title?: string;
  publishedAt: string;
  extractorVersion: string;
  codebookVersion: string;
  statements: ExtractedStatement[];
  /** Statements the extractor returned that failed validation and were dropped. */
  droppedStatements: number;
}

/**
 * Ingests one document: validate and normalise it, recognise a duplicate, extract statements and
 * append DocumentIngested + StatementExtracted to the document's stream in one atomic commit.
 * Either the whole document is stored or nothing is.
 */
export async function ingestDocument(
  dependencies: IngestDependencies,
  input: unknown,
  options: { correlationId?: string } = {},
): Promise<IngestOutcome> {
  const document = prepareDocument(input);

  // The same text under another id is the same document: the first id to claim the text wins.
  const claim = await dependencies.uniqueKeys.claim(`content/${document.contentHash}`, document.documentId);
  if (claim.owner !== document.documentId) {
    const existing = await storedOutcome(dependencies, claim.owner);
    if (existing) return existing;
    // The claim's owner never got stored (an ingest that died in between): store this one.
  }
  // A fresh claim means this text is new: skip the read and go straight to extraction. Otherwise
  // look first, so a re-sent document costs a read, not an extraction.
  if (claim.claimedBefore) {
    const existing = await storedOutcome(dependencies, document.documentId);
    if (existing) return existing;
  }

  const { extraction, statements, dropped } = await extractCheckedStatements(dependencies.extractor, document);
  const correlationId = options.correlationId ?? dependencies.ids.next();
  const ingestedId = dependencies.ids.next();

  const events: NewEvent[] = [
    {
      eventId: ingestedId,
      type: 'DocumentIngested',
      occurredAt: toTimestamp(document.publishedAt),
      correlationId,
      causationId: null,
      data: {
        documentId: document.documentId,
        ...(document.externalId ? { externalId: document.externalId } : {}),
        ...(document.title ? { title: document.title } : {}),
        ...(document.source ? { source: document.source } : {}),
        ...(document.url ? { url: document.url } : {}),
        publishedAt: document.publishedAt,
        text: document.text,
        contentHash: document.contentHash,
        format: document.format,
        extractorVersion: extraction.extractorVersion,
        codebookVersion: extraction.codebookVersion,
        statementCount: statements.length,
      },
    },
    ...statements.map((statement) =>
      statementExtractedEvent(statement, {
        eventId: dependencies.ids.next(),
        correlationId,
        causationId: ingestedId,
        extraction,
        document,
      }),
    ),
  ];

  try {
    const appended = await dependencies.eventStore.appendToStream(documentStreamId(document.documentId), 0, events);
    return outcomeFrom(appended.events, false, dropped);
  } catch (error) {
    // Another request stored the same document id between our check and our append.
    if (isConcurrencyError(error)) {
      const stored = await storedOutcome(dependencies, document.documentId);
      if (stored) return stored;
    }
    throw error;
  }
}

async function storedOutcome(dependencies: IngestDependencies, documentId: string): Promise<IngestOutcome | undefined> {
  const stream = await dependencies.eventStore.readStream(documentStreamId(documentId));
  if (stream.version === 0) return undefined;
  return outcomeFrom(stream.events, true, 0);
}

function outcomeFrom(
  events: Awaited<ReturnType<EventStore['readStream']>>['events'],
  duplicate: boolean,
  droppedStatements: number,
): IngestOutcome {
  const ingested = events.find((event) => event.type === 'DocumentIngested');
  if (ingested?.type !== 'DocumentIngested') {
    throw new Error('a document stream without DocumentIngested');
  }
  // Later commits (re-extraction) may retract statements: the outcome lists the live ones.
  const statements = [...liveStatements(events).values()];
  return {
    documentId: ingested.data.documentId,
    duplicate,
    ...(ingested.data.title ? { title: ingested.data.title } : {}),
    publishedAt: ingested.data.publishedAt,
    extractorVersion: ingested.data.extractorVersion,
    codebookVersion: ingested.data.codebookVersion,
    statements,
    droppedStatements,
  };
}
