import { documentStreamId } from '../domain/stream-ids';
import { isConcurrencyError, NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventStore } from '../ports/event-store';
import type { IdGenerator } from '../ports/id-generator';
import { liveStatements, rejectedStatementIds } from './extract-statements';

export interface RejectDependencies {
  eventStore: EventStore;
  ids: IdGenerator;
  clock: Clock;
}

export interface RejectRequest {
  documentId: string;
  statementId: string;
  by: string;
  note?: string | undefined;
}

const MAX_ATTEMPTS = 5;

/**
 * An analyst says the extractor misread a sentence: StatementRejected in the document's stream.
 * The projector then takes the statement out of its position (voiding contradictions that rest on
 * it), and re-extraction never brings it back. Rejecting it again changes nothing.
 */
export async function rejectStatement(
  dependencies: RejectDependencies,
  request: RejectRequest,
): Promise<{ recorded: boolean }> {
  const streamId = documentStreamId(request.documentId);
  for (let attempt = 1; ; attempt++) {
    const stream = await dependencies.eventStore.readStream(streamId);
    if (rejectedStatementIds(stream.events).has(request.statementId)) return { recorded: false };
    const statement = liveStatements(stream.events).get(request.statementId);
    if (!statement) {
      throw new NotFoundError(`document ${request.documentId} states no statement ${request.statementId}`, {
        details: { documentId: request.documentId, statementId: request.statementId },
      });
    }
    try {
      await dependencies.eventStore.appendToStream(streamId, stream.version, [
        {
          eventId: dependencies.ids.next(),
          type: 'StatementRejected',
          occurredAt: dependencies.clock.now().toISOString(),
          correlationId: `review-${request.statementId}`,
          causationId: null,
          data: {
            statementId: statement.statementId,
            documentId: statement.documentId,
            actor: statement.actor,
            topic: statement.topic,
            proposition: statement.proposition,
            ...(statement.reportedBy !== undefined ? { reportedBy: statement.reportedBy } : {}),
            by: request.by,
            ...(request.note?.trim() ? { note: request.note.trim() } : {}),
          },
        },
      ]);
      return { recorded: true };
    } catch (error) {
      if (!isConcurrencyError(error) || attempt >= MAX_ATTEMPTS) throw error;
    }
  }
}
