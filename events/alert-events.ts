import * as z from 'zod';
import { defineEvent, type EventOf } from './define-event';
import { ActorId, PropositionId, TopicId } from './statement';

/** Stream `alert/<contradictionId>`: at most one AlertPublished per contradiction. */
export const AlertPublished = defineEvent(
  'AlertPublished',
  1,
  z.object({
    contradictionId: z.string().min(1),
    actor: ActorId,
    topic: TopicId,
    proposition: PropositionId,
    /** Which notifier delivered it: "sns", "outbox", "smtp"… */
    channel: z.string().min(1),
    /** The channel's own id for the message (SNS MessageId, outbox line id). */
    messageId: z.string().min(1),
  }),
);
export type AlertPublished = EventOf<typeof AlertPublished>;
