import type { StatementExtracted } from '../../events/document-events';
import { Statement } from '../../events/statement';
import { type PreparedDocument, prepareDocument } from '../domain/document-input';
import { documentStreamId } from '../domain/stream-ids';
import { toTimestamp } from '../domain/timestamps';
import { isConcurrencyError } from '../errors/concurrency-error';
import type { Clock } from '../ports/clock';
import type { EventStore, NewEvent } from '../ports/event-store';
import type { Extractor } from '../ports/extractor';
import type { IdGenerator } from '../ports/id-generator';
import type { UniqueKeyRegistry } from '../ports/unique-key-registry';

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

  const extraction = await dependencies.extractor.extract({
    documentId: document.documentId,
    text: document.text,
    publishedAt: document.publishedAt,
    ...(document.title ? { title: document.title } : {}),
    ...(document.source ? { source: document.source } : {}),
  });
  const { statements, dropped } = validStatements(extraction.statements, document);
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
    ...statements.map(
      (statement): NewEvent => ({
        eventId: dependencies.ids.next(),
        type: 'StatementExtracted',
        occurredAt: toTimestamp(statement.statedAt),
        correlationId,
        causationId: ingestedId,
        data: {
          ...statement,
          extractorVersion: extraction.extractorVersion,
          codebookVersion: extraction.codebookVersion,
          ...(document.source ? { source: document.source } : {}),
          ...(document.title ? { documentTitle: document.title } : {}),
        },
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

/**
 * Extractors are adapters and some are not deterministic (an LLM): every statement is checked
 * against the schema and against the document it claims to come from before it is stored.
 */
function validStatements(
  candidates: readonly unknown[],
  document: PreparedDocument,
): { statements: Statement[]; dropped: number } {
  const seen = new Set<string>();
  const statements: Statement[] = [];
  for (const candidate of candidates) {
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
  return { statements, dropped: candidates.length - statements.length };
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
  const retracted = new Set(
    events.flatMap((event) => (event.type === 'StatementRetracted' ? [event.data.statementId] : [])),
  );
  const statements = events.flatMap((event) =>
    event.type === 'StatementExtracted' && !retracted.has(event.data.statementId) ? [event.data] : [],
  );
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
