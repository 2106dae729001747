import type { DomainEvent } from '../../events/registry';
import { liveStatements, rejectedStatementIds, statementKeyOf } from '../domain/documents/document-statements';
import { documentStreamId } from '../domain/stream-ids';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventStore, NewEvent } from '../ports/event-store';
import type { IdGenerator } from '../ports/id-generator';
import { handleCommand, loadStream } from './handle-command';

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
  const outcome = await handleCommand<DomainEvent[]>({
    eventStore: dependencies.eventStore,
    streamId,
    load: loadStream(dependencies.eventStore, streamId, [] as DomainEvent[], (events, event) => [...events, event]),
    decide: (events): NewEvent[] => {
      if (rejectedStatementIds(events).has(request.statementId)) return [];
      const statement = liveStatements(events).get(request.statementId);
      if (!statement) {
        throw new NotFoundError(`document ${request.documentId} states no statement ${request.statementId}`, {
          details: { documentId: request.documentId, statementId: request.statementId },
        });
      }
      return [
        {
          eventId: dependencies.ids.next(),
          type: 'StatementRejected',
          occurredAt: dependencies.clock.now().toISOString(),
          correlationId: `review-${request.statementId}`,
          causationId: null,
          data: {
            ...statementKeyOf(statement),
            by: request.by,
            ...(request.note?.trim() ? { note: request.note.trim() } : {}),
          },
        },
      ];
    },
  });
  return { recorded: outcome.events.length > 0 };
}
