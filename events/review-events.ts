import * as z from 'zod';
import { defineEvent, type EventOf } from './define-event';
import { ActorId, PropositionId, TopicId } from './statement';

/**
 * An analyst's verdicts. A contradiction's verdicts live in its stream `alert/<contradictionId>`
 * beside AlertPublished, so deciding whether to alert and recording a verdict are serialised by the
 * same optimistic concurrency. A rejected statement is recorded in its document's stream.
 */

const ContradictionKey = z.object({
  contradictionId: z.string().min(1),
  actor: ActorId,
  topic: TopicId,
  proposition: PropositionId,
});

/** Who gave the verdict: the label of the API token used (`stancewatch token --label alice`). */
const Reviewer = z.string().min(1).max(100);
const Note = z.string().max(2000);

export const ContradictionConfirmed = defineEvent(
  'ContradictionConfirmed',
  1,
  ContradictionKey.extend({ by: Reviewer, note: Note.optional() }),
);
export type ContradictionConfirmed = EventOf<typeof ContradictionConfirmed>;

export const DismissalReason = z.enum([
  'misread-statement',
  'not-same-proposition',
  'not-a-contradiction',
  'duplicate',
]);
export type DismissalReason = z.infer<typeof DismissalReason>;

/** A dismissed contradiction never alerts, also not after replay or re-extraction. */
export const ContradictionDismissed = defineEvent(
  'ContradictionDismissed',
  1,
  ContradictionKey.extend({ reason: DismissalReason, by: Reviewer, note: Note.optional() }),
);
export type ContradictionDismissed = EventOf<typeof ContradictionDismissed>;

/**
 * The extractor misread this sentence: the statement leaves the positions (the projector withdraws
 * it as it does a retraction) and re-extraction never brings it back.
 */
export const StatementRejected = defineEvent(
  'StatementRejected',
  1,
  z.object({
    statementId: z.string().min(1),
    documentId: z.string().min(1),
    actor: ActorId,
    topic: TopicId,
    proposition: PropositionId,
    reportedBy: ActorId.optional(),
    by: Reviewer,
    note: Note.optional(),
  }),
);
export type StatementRejected = EventOf<typeof StatementRejected>;
