import type { EventOfType } from '../../events/registry';
import { renderContradictionAlert } from '../domain/alerts/render-alert';
import { alertStreamId } from '../domain/stream-ids';
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
  /** Sent, but another delivery recorded AlertPublished first: the rare duplicate. */
  | { status: 'published-concurrently'; channel: string; messageId: string };

/**
 * At most one alert per contradiction id, as far as the store can promise: look for AlertPublished
 * in `alert/<contradictionId>`, publish, then record AlertPublished at expected version 0. Between
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
  if (existing.events.some((stored) => stored.type === 'AlertPublished')) return { status: 'already-published' };

  const message = renderContradictionAlert(event.data, {
    detectedAt: event.recordedAt,
    ...(dependencies.apiUrl ? { apiUrl: dependencies.apiUrl } : {}),
    ...(dependencies.displayName ? { displayName: dependencies.displayName } : {}),
  });
  const receipt = await dependencies.notifier.publish(message);
  try {
    await dependencies.eventStore.appendToStream(streamId, 0, [
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
