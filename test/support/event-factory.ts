import type { NewEvent } from '../../shared/ports/event-store';
import { createUlidGenerator } from '../../shared/ports/id-generator';

const ids = createUlidGenerator();

/** A valid AlertPublished event: the smallest event type, handy for exercising the store. */
export function anAlertPublished(
  overrides: { contradictionId?: string; eventId?: string } = {},
): NewEvent<'AlertPublished'> {
  return {
    eventId: overrides.eventId ?? ids.next(),
    type: 'AlertPublished',
    occurredAt: '2026-11-01T10:00:00.000Z',
    correlationId: 'test-correlation',
    causationId: null,
    data: {
      contradictionId: overrides.contradictionId ?? 'ctr-test',
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      channel: 'outbox',
      messageId: 'message-1',
    },
  };
}

export const fixedClock = (iso = '2026-11-26T12:00:00.000Z') => ({ now: () => new Date(iso) });
