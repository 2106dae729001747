import type { DismissalReason } from '../../events/review-events';
import { type AlertStreamState, evolveAlertStream, initialAlertStreamState } from '../domain/alerts/alert-stream';
import { decideVerdict, type VerdictCommand } from '../domain/alerts/decide-verdict';
import { alertStreamId } from '../domain/stream-ids';
import { NotFoundError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventStore, NewEvent } from '../ports/event-store';
import type { IdGenerator } from '../ports/id-generator';
import type { ContradictionView, ViewReader } from '../ports/views';
import { handleCommand, loadStream } from './handle-command';

export interface ReviewDependencies {
  eventStore: EventStore;
  views: Pick<ViewReader, 'getContradiction'>;
  ids: IdGenerator;
  clock: Clock;
}

export type ReviewRequest =
  | { contradictionId: string; verdict: 'confirm'; by: string; note?: string | undefined }
  | { contradictionId: string; verdict: 'dismiss'; reason: DismissalReason; by: string; note?: string | undefined };

export interface ReviewOutcome {
  contradiction: ContradictionView;
  /** False when the contradiction already had this verdict: nothing was appended. */
  recorded: boolean;
}

/**
 * An analyst's verdict, appended to the contradiction's alert stream. Confirming a possible
 * contradiction makes the alerter send it (once); dismissing one keeps it from ever alerting.
 */
export async function reviewContradiction(
  dependencies: ReviewDependencies,
  request: ReviewRequest,
): Promise<ReviewOutcome> {
  const contradiction = await dependencies.views.getContradiction(request.contradictionId);
  if (!contradiction) {
    throw new NotFoundError(`no contradiction ${request.contradictionId}`, {
      details: { contradictionId: request.contradictionId },
    });
  }
  const key = {
    contradictionId: contradiction.id,
    actor: contradiction.actor,
    topic: contradiction.topic,
    proposition: contradiction.proposition,
  };
  const command: VerdictCommand =
    request.verdict === 'confirm'
      ? { type: 'Confirm', contradiction: key, by: request.by, note: request.note }
      : { type: 'Dismiss', contradiction: key, reason: request.reason, by: request.by, note: request.note };
  const streamId = alertStreamId(contradiction.id);
  const now = dependencies.clock.now().toISOString();
  const outcome = await handleCommand<AlertStreamState>({
    eventStore: dependencies.eventStore,
    streamId,
    load: loadStream(dependencies.eventStore, streamId, initialAlertStreamState(), evolveAlertStream),
    decide: (state) =>
      decideVerdict(state, command).map(
        (decision) =>
          ({
            ...decision,
            eventId: dependencies.ids.next(),
            occurredAt: now,
            correlationId: `review-${contradiction.id}`,
            causationId: null,
          }) as NewEvent,
      ),
  });
  if (outcome.events.length === 0) return { contradiction, recorded: false };
  // The views catch up asynchronously; the caller sees the verdict it just gave at once.
  const verdict =
    command.type === 'Confirm'
      ? { kind: 'confirmed' as const, by: command.by, at: now }
      : { kind: 'dismissed' as const, reason: command.reason, by: command.by, at: now };
  const note = command.note?.trim();
  return { contradiction: { ...contradiction, verdict: note ? { ...verdict, note } : verdict }, recorded: true };
}
