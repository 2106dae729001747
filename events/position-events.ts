import * as z from 'zod';
import { defineEvent, type EventOf } from './define-event';
import { ActorId, Polarity, PropositionId, TopicId } from './statement';
import { StatementRef } from './statement-ref';

/**
 * Stream `position/<actor>/<topic>/<proposition>`: every statement applied to one actor's
 * position on one proposition yields exactly one of PositionTaken / PositionChanged /
 * PositionReaffirmed, plus ContradictionDetected when it contradicts an earlier-said statement.
 */

const PositionKey = z.object({ actor: ActorId, topic: TopicId, proposition: PropositionId });

export const PositionTaken = defineEvent(
  'PositionTaken',
  1,
  PositionKey.extend({ polarity: Polarity, statement: StatementRef }),
);
export type PositionTaken = EventOf<typeof PositionTaken>;

export const PositionChanged = defineEvent(
  'PositionChanged',
  1,
  PositionKey.extend({
    from: Polarity,
    to: Polarity,
    statement: StatementRef,
    /** The statement said just before this one (by statedAt) that held the `from` polarity. */
    previous: StatementRef,
  }),
);
export type PositionChanged = EventOf<typeof PositionChanged>;

/** The same polarity said again: evidence accumulates, the position does not move. */
export const PositionReaffirmed = defineEvent(
  'PositionReaffirmed',
  1,
  PositionKey.extend({ polarity: Polarity, statement: StatementRef }),
);
export type PositionReaffirmed = EventOf<typeof PositionReaffirmed>;

export const Severity = z.enum(['high', 'medium', 'low']);
export type Severity = z.infer<typeof Severity>;

/**
 * `strong`: alerted at once; `possible`: waits in the review queue until an analyst confirms it
 * (the rule: shared/domain/alerts/alert-strength.ts, docs/positions.md).
 */
export const Strength = z.enum(['strong', 'possible']);
export type Strength = z.infer<typeof Strength>;

export const ContradictionDetected = defineEvent(
  'ContradictionDetected',
  2,
  PositionKey.extend({
    /** Deterministic from (actor, proposition, earlier, later), so replays find the same id. */
    contradictionId: z.string().min(1),
    /** The earlier-said statement (by statedAt), whatever the order of arrival. */
    earlier: StatementRef,
    later: StatementRef,
    severity: Severity,
    strength: Strength,
  }),
  {
    // Version 1 contradictions were all alerted at once when they were raised: they were strong.
    1: (data: unknown) => ({ ...(data as object), strength: 'strong' }),
  },
);
export type ContradictionDetected = EventOf<typeof ContradictionDetected>;

/**
 * A statement that re-extraction no longer finds (StatementRetracted in its document stream) is
 * withdrawn from the position: it stops counting, contradictions resting on it are void, and
 * `current` names the position's latest remaining statement (null when none is left).
 */
export const StatementWithdrawn = defineEvent(
  'StatementWithdrawn',
  1,
  PositionKey.extend({
    statement: StatementRef,
    reason: z.string().min(1),
    current: StatementRef.nullable(),
    voidedContradictions: z.array(
      z.object({
        contradictionId: z.string().min(1),
        earlierStatementId: z.string().min(1),
        laterStatementId: z.string().min(1),
      }),
    ),
  }),
);
export type StatementWithdrawn = EventOf<typeof StatementWithdrawn>;
