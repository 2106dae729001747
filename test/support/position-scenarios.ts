import { createHash } from 'node:crypto';
import { projectEvent } from '../../shared/domain/positions/projection';
import { documentStreamId } from '../../shared/domain/stream-ids';
import { toTimestamp } from '../../shared/domain/timestamps';
import type { EventStore, NewEvent, StoredCommit } from '../../shared/ports/event-store';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import type { ViewWriter } from '../../shared/ports/views';
import { type ExtractedData, retractionOf } from './statement-factory';

const ids = createUlidGenerator();

/** The commit ingest writes for a document: DocumentIngested + its statements. */
export function ingestEvents(
  documentId: string,
  statements: readonly ExtractedData[],
  publishedAt = '2025-10-28',
): NewEvent[] {
  const ingestedId = ids.next();
  const text = statements.map((statement) => statement.quote).join(' ') || 'Nothing to see.';
  return [
    {
      eventId: ingestedId,
      type: 'DocumentIngested',
      occurredAt: toTimestamp(publishedAt),
      correlationId: `ingest-${documentId}`,
      causationId: null,
      data: {
        documentId,
        title: `Document ${documentId}`,
        source: 'Example Wire',
        publishedAt,
        text,
        contentHash: createHash('sha256').update(text).digest('hex'),
        format: 'text',
        extractorVersion: 'test@1',
        codebookVersion: 'test@1',
        statementCount: statements.length,
      },
    },
    ...statements.map(
      (statement): NewEvent => ({
        eventId: ids.next(),
        type: 'StatementExtracted',
        occurredAt: toTimestamp(statement.statedAt),
        correlationId: `ingest-${documentId}`,
        causationId: ingestedId,
        data: statement,
      }),
    ),
  ];
}

/** A re-extraction's correction commit: retract some, extract (again) others. */
export function correctionEvents(retract: readonly ExtractedData[], extract: readonly ExtractedData[]): NewEvent[] {
  return [
    ...retract.map(
      (statement): NewEvent => ({
        eventId: ids.next(),
        type: 'StatementRetracted',
        occurredAt: '2026-11-20T09:00:00.000Z',
        correlationId: 'reextract-test',
        causationId: null,
        data: retractionOf(statement),
      }),
    ),
    ...extract.map(
      (statement): NewEvent => ({
        eventId: ids.next(),
        type: 'StatementExtracted',
        occurredAt: toTimestamp(statement.statedAt),
        correlationId: 'reextract-test',
        causationId: null,
        data: statement,
      }),
    ),
  ];
}

export async function appendToDocument(store: EventStore, documentId: string, events: NewEvent[]): Promise<void> {
  if (events.length === 0) return;
  const streamId = documentStreamId(documentId);
  const { version } = await store.readStream(streamId);
  await store.appendToStream(streamId, version, events);
}

/** Every commit in the log, in commit order. */
export async function allCommits(store: EventStore): Promise<StoredCommit[]> {
  const commits: StoredCommit[] = [];
  let after: string | undefined;
  do {
    const page = await store.readAll({ ...(after ? { after } : {}), limit: 100 });
    commits.push(...page.commits);
    after = page.next;
  } while (after);
  return commits;
}

/** Feeds commits through the pure projection only (what replay does, without clearing). */
export async function projectCommits(views: ViewWriter, commits: readonly StoredCommit[]): Promise<void> {
  for (const commit of commits) for (const event of commit.events) await views.apply(projectEvent(event));
}

/** A stream's events as (type, data) pairs: two logs with different ids but the same content compare equal. */
export async function streamContents(store: EventStore, streamIds: Iterable<string>) {
  const contents: Record<string, { type: string; data: unknown }[]> = {};
  for (const streamId of [...streamIds].sort()) {
    contents[streamId] = (await store.readStream(streamId)).events.map(({ type, data }) => ({ type, data }));
  }
  return contents;
}
