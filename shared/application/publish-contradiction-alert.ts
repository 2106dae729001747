import type { EventOfType } from '../../events/registry';
import { decideAlertDelivery, evolveAlertStream, initialAlertStreamState } from '../domain/alerts/alert-stream';
import { renderContradictionAlert } from '../domain/alerts/render-alert';
import { alertStreamId, positionStreamId } from '../domain/stream-ids';
import { isConcurrencyError } from '../errors';
import type { Clock } from '../ports/clock';
import type { EventStore } from '../ports/event-store';
import type { IdGenerator } from '../ports/id-generator';
import type { Notifier } from '../ports/notifier';

export interface AlertDependencies {
  eventStore: EventStore;
  notifier: Notifier;
  ids: IdGenerator;
  clock: Clock;
  /** Base URL of the HTTP API, for links in the message. */
  apiUrl?: string;
  displayName?: (actor: string) => string;
}

export type AlertOutcome =
  | { status: 'published'; channel: string; messageId: string }
  /** AlertPublished was already recorded: nothing sent. */
  | { status: 'already-published' }
  /** A possible contradiction with no verdict yet: it waits in the review queue. */
  | { status: 'queued-for-review' }
  /** An analyst dismissed it: never sent. */
  | { status: 'dismissed' }
  /** Sent, but another delivery recorded AlertPublished first: the rare duplicate. */
  | { status: 'published-concurrently'; channel: string; messageId: string };

/**
 * At most one alert per contradiction id, as far as the store can promise: fold `alert/<id>`
 * (AlertPublished and verdicts), let decideAlertDelivery say whether it goes out now (strong, or
 * confirmed), waits for review (possible) or never does (dismissed, already sent); publish, then
 * record AlertPublished at the version read. Between
 * the publish and the append there is a small window (a crash, a timeout, two concurrent
 * deliveries) in which the alert can go out twice; it is never lost, because a failed publish
 * throws and the stream record is retried. docs/positions.md, "Alert delivery".
 */
export async function publishContradictionAlert(
  dependencies: AlertDependencies,
  event: EventOfType<'ContradictionDetected'>,
): Promise<AlertOutcome> {
  const streamId = alertStreamId(event.data.contradictionId);
  const existing = await dependencies.eventStore.readStream(streamId);
  const state = existing.events.reduce(evolveAlertStream, initialAlertStreamState());
  switch (decideAlertDelivery(state, event.data.strength)) {
    case 'already-published':
      return { status: 'already-published' };
    case 'dismissed':
      return { status: 'dismissed' };
    case 'queue':
      return { status: 'queued-for-review' };
    case 'publish':
      break;
  }

  const message = renderContradictionAlert(event.data, {
    detectedAt: event.recordedAt,
    ...(dependencies.apiUrl ? { apiUrl: dependencies.apiUrl } : {}),
    ...(dependencies.displayName ? { displayName: dependencies.displayName } : {}),
  });
  const receipt = await dependencies.notifier.publish(message);
  try {
    await dependencies.eventStore.appendToStream(streamId, existing.version, [
      {
        eventId: dependencies.ids.next(),
        type: 'AlertPublished',
        occurredAt: dependencies.clock.now().toISOString(),
        correlationId: event.correlationId,
        causationId: event.eventId,
        data: {
          contradictionId: event.data.contradictionId,
          actor: event.data.actor,
          topic: event.data.topic,
          proposition: event.data.proposition,
          channel: receipt.channel,
          messageId: receipt.messageId,
        },
      },
    ]);
  } catch (error) {
    if (isConcurrencyError(error)) return { status: 'published-concurrently', ...receipt };
    throw error;
  }
  return { status: 'published', ...receipt };
}

/**
 * A confirmed contradiction's alert: the ContradictionDetected it confirms is read back from its
 * position stream, then delivered as any other (once: a strong one already sent is not re-sent).
 */
export async function publishConfirmedAlert(
  dependencies: AlertDependencies,
  confirmation: EventOfType<'ContradictionConfirmed'>,
): Promise<AlertOutcome | { status: 'contradiction-not-found' }> {
  const { actor, topic, proposition, contradictionId } = confirmation.data;
  const position = await dependencies.eventStore.readStream(positionStreamId(actor, topic, proposition));
  const detected = position.events.findLast(
    (stored): stored is EventOfType<'ContradictionDetected'> =>
      stored.type === 'ContradictionDetected' && stored.data.contradictionId === contradictionId,
  );
  if (!detected) return { status: 'contradiction-not-found' };
  return publishContradictionAlert(dependencies, detected);
}
