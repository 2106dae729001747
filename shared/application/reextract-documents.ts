import type { DomainEvent, EventOfType } from '../../events/registry';
import { decideCorrection, statementKeyOf } from '../domain/documents/document-statements';
import { documentStreamId, isDocumentStream } from '../domain/stream-ids';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventStore, NewEvent, StreamRead } from '../ports/event-store';
import type { Extractor } from '../ports/extractor';
import type { IdGenerator } from '../ports/id-generator';
import { extractCheckedStatements, statementExtractedEvent } from './extract-statements';
import { handleCommand } from './handle-command';

export interface ReextractDependencies {
  eventStore: EventStore;
  extractor: Extractor;
  ids: IdGenerator;
  clock: Clock;
}

export interface DocumentCorrection {
  documentId: string;
  retracted: number;
  extracted: number;
}

export interface ReextractSummary {
  documents: number;
  /** Documents whose statements changed (one correction commit each). */
  corrected: DocumentCorrection[];
  /** Documents the extractor or the store failed on; the rest went on. */
  failed: { documentId: string; error: string }[];
  extractorVersion?: string;
  codebookVersion?: string;
}

export interface ReextractOptions {
  /**
   * Only these documents (ids, not stream ids); all stored documents when absent. An id with no
   * stored document is a NotFoundError before anything is extracted or written.
   */
  documentIds?: readonly string[];
  correlationId?: string;
  onDocument?: (documentId: string, correction: DocumentCorrection | undefined) => void;
  maxAttempts?: number;
}

/**
 * Runs the current extractor over stored documents and appends corrections to each document's
 * stream in one commit: StatementRetracted for statements it no longer finds, StatementExtracted
 * for new ones. Statement ids are derived from what and where, so an unchanged statement keeps its
 * id and is left alone. The projector then heals positions (withdrawals, new decisions); alerts
 * already published are never re-sent, since contradiction ids are deterministic and the alerter
 * checks `alert/<id>`.
 */
export async function reextractDocuments(
  dependencies: ReextractDependencies,
  options: ReextractOptions = {},
): Promise<ReextractSummary> {
  const correlationId = options.correlationId ?? `reextract-${dependencies.ids.next()}`;
  const asked = options.documentIds
    ? await readAskedDocuments(dependencies.eventStore, options.documentIds)
    : undefined;
  const documentIds = asked ? [...asked.keys()] : await storedDocumentIds(dependencies.eventStore);
  const summary: ReextractSummary = { documents: 0, corrected: [], failed: [] };
  for (const documentId of documentIds) {
    summary.documents++;
    try {
      const correction = await reextractOne(
        dependencies,
        documentId,
        correlationId,
        options.maxAttempts ?? 5,
        summary,
        asked?.get(documentId),
      );
      if (correction) summary.corrected.push(correction);
      options.onDocument?.(documentId, correction);
    } catch (error) {
      summary.failed.push({ documentId, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return summary;
}

/**
 * The streams of the documents asked for by id, read up front: an unknown id is the caller's
 * mistake, refused whole (naming every unknown id) before any document is re-extracted.
 */
async function readAskedDocuments(eventStore: EventStore, documentIds: readonly string[]) {
  const streams = new Map<string, StreamRead>();
  const unknown: string[] = [];
  for (const documentId of new Set(documentIds)) {
    const stream = await eventStore.readStream(documentStreamId(documentId));
    if (stream.events.some((event) => event.type === 'DocumentIngested')) streams.set(documentId, stream);
    else unknown.push(documentId);
  }
  if (unknown.length > 0) {
    throw new NotFoundError(
      `unknown document${unknown.length === 1 ? '' : 's'} ${unknown.join(', ')}: nothing was re-extracted`,
      { details: { documentIds: unknown } },
    );
  }
  return streams;
}

/** Document ids in the order they were first stored. */
async function storedDocumentIds(eventStore: EventStore): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await eventStore.readAll({ ...(after ? { after } : {}), limit: 100 });
    for (const commit of page.commits) {
      if (!isDocumentStream(commit.streamId)) continue;
      for (const event of commit.events) if (event.type === 'DocumentIngested') ids.push(event.data.documentId);
    }
    after = page.next;
  } while (after);
  return ids;
}

async function reextractOne(
  dependencies: ReextractDependencies,
  documentId: string,
  correlationId: string,
  maxAttempts: number,
  summary: ReextractSummary,
  alreadyRead: StreamRead | undefined,
): Promise<DocumentCorrection | undefined> {
  const streamId = documentStreamId(documentId);
  let stream: StreamRead | undefined = alreadyRead ?? (await dependencies.eventStore.readStream(streamId));
  const ingested = stream.events.find(
    (event): event is EventOfType<'DocumentIngested'> => event.type === 'DocumentIngested',
  );
  if (!ingested) throw new Error(`no DocumentIngested in ${streamId}`);
  const document = ingested.data;
  const { extraction, statements: found } = await extractCheckedStatements(dependencies.extractor, document);
  summary.extractorVersion = extraction.extractorVersion;
  summary.codebookVersion = extraction.codebookVersion;

  const versions = { extractorVersion: extraction.extractorVersion, codebookVersion: extraction.codebookVersion };
  const outcome = await handleCommand<DomainEvent[]>({
    eventStore: dependencies.eventStore,
    streamId,
    // The first read above serves the first attempt; a conflict reads the stream again.
    load: async () => {
      const read = stream ?? (await dependencies.eventStore.readStream(streamId));
      stream = undefined;
      return { state: read.events, readTo: { commit: read.commit, version: read.version } };
    },
    decide: (events) => {
      const { retract: gone, extract: added } = decideCorrection(events, found);
      return [
        ...gone.map(
          (statement): NewEvent => ({
            eventId: dependencies.ids.next(),
            type: 'StatementRetracted',
            occurredAt: dependencies.clock.now().toISOString(),
            correlationId,
            causationId: ingested.eventId,
            data: {
              ...statementKeyOf(statement),
              reason: `not found by ${extraction.extractorVersion} with codebook ${extraction.codebookVersion}`,
              ...versions,
            },
          }),
        ),
        ...added.map((statement) =>
          statementExtractedEvent(statement, {
            eventId: dependencies.ids.next(),
            correlationId,
            causationId: ingested.eventId,
            extraction,
            document,
          }),
        ),
      ];
    },
    policy: { maxAttempts },
  });
  if (outcome.events.length === 0) return undefined;
  const count = (type: string) => outcome.events.filter((event) => event.type === type).length;
  return { documentId, retracted: count('StatementRetracted'), extracted: count('StatementExtracted') };
}
