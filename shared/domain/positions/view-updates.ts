import type { Severity, Strength } from '../../../events/position-events';
import type { DismissalReason } from '../../../events/review-events';
import type { Attribution, Polarity } from '../../../events/statement';
import type { StatementRef } from '../../../events/statement-ref';
import type { EvidenceOnlyReason } from './rules';

/** A statement as the timeline shows it: everything extracted, plus why it may not count. */
export interface TimelineStatement {
  statementId: string;
  documentId: string;
  sentenceIndex: number;
  quote: string;
  speaker?: string;
  actor: string;
  topic: string;
  proposition: string;
  polarity: Polarity;
  attribution: Attribution;
  reportedBy?: string;
  confidence: number;
  statedAt: string;
  source?: string;
  documentTitle?: string;
  extractorVersion: string;
  codebookVersion: string;
  /** Set when the statement is evidence only: shown, but it never moves the position. */
  evidenceOnly?: EvidenceOnlyReason;
}

export interface ContradictionRecord {
  contradictionId: string;
  actor: string;
  topic: string;
  proposition: string;
  severity: Severity;
  strength: Strength;
  earlier: StatementRef;
  later: StatementRef;
  /** When stancewatch recorded it (the event's recordedAt), so a replay gives the same value. */
  detectedAt: string;
  /** Newest-first lists sort on this: the later statement's order key, then the id. */
  sortKey: string;
}

export type PositionEffect = 'taken' | 'changed' | 'reaffirmed';

/** A position that moved to or from `conditional`: no contradiction, but a desk may want to know. */
export interface ShiftRecord {
  actor: string;
  topic: string;
  proposition: string;
  from: Polarity;
  to: Polarity;
  statement: StatementRef;
  previous: StatementRef;
  /** When stancewatch recorded the change (the event's recordedAt): the digest's day. */
  at: string;
}

/** An analyst's latest verdict on a contradiction, as the views show it. */
export type VerdictRecord =
  | { kind: 'confirmed'; by: string; note?: string; at: string }
  | { kind: 'dismissed'; reason: DismissalReason; by: string; note?: string; at: string };

/**
 * What one stored event implies for the read models. Each kind is written by events of one kind
 * of stream only (document, position or alert streams), and every write is idempotent, so the
 * views end up the same whatever the interleaving of streams, however often a suffix of a stream
 * is redelivered, and when rebuilt from scratch. See docs/positions.md.
 */
export type ViewUpdate =
  /** Document stream: the statement's timeline entry (sets `retracted` false). */
  | { kind: 'timeline-statement'; orderKey: string; statement: TimelineStatement }
  /**
   * Document stream: re-extraction no longer finds the statement. Timeline entries are kept in
   * order-key order and the event names the statement by id only: the store finds its entry.
   */
  | { kind: 'timeline-retraction'; actor: string; topic: string; statementId: string; reason: string }
  /** Position stream: how the statement moved the position (sets `withdrawn` false). */
  | {
      kind: 'timeline-effect';
      actor: string;
      topic: string;
      statementId: string;
      orderKey: string;
      effect: PositionEffect;
      from?: Polarity;
      previousStatementId?: string;
    }
  /** Position stream: the statement no longer counts toward the position. */
  | { kind: 'timeline-withdrawal'; actor: string; topic: string; statementId: string; orderKey: string }
  /**
   * Position stream: link (or unlink, when voided) a contradiction to a statement's entry. No
   * order key when the event names the statement by id only (the other side of a voided
   * contradiction): the store finds its entry.
   */
  | {
      kind: 'timeline-contradiction';
      actor: string;
      topic: string;
      statementId: string;
      orderKey?: string;
      contradictionId: string;
      linked: boolean;
    }
  /**
   * Position stream: becomes the current position if said later than the current one. `effect`
   * says whether the statement took, changed or only reaffirmed the position: a store may keep the
   * statement that set the position and find the latest reaffirmation in the timeline instead.
   */
  | {
      kind: 'position-offer';
      actor: string;
      topic: string;
      proposition: string;
      orderKey: string;
      statement: StatementRef;
      effect: PositionEffect;
    }
  /** Position stream: if the withdrawn statement is the current one, `next` replaces it (null: no position left). */
  | {
      kind: 'position-withdrawal';
      actor: string;
      topic: string;
      proposition: string;
      statementId: string;
      next: { orderKey: string; statement: StatementRef } | null;
    }
  /** Position stream: the contradiction, listed overall and under its actor (status active). */
  | { kind: 'contradiction'; contradiction: ContradictionRecord }
  /** Position stream: a statement it rests on was withdrawn. */
  | { kind: 'contradiction-void'; actor: string; contradictionId: string }
  /** Alert stream: the alert went out. */
  | {
      kind: 'contradiction-alert';
      actor: string;
      contradictionId: string;
      channel: string;
      messageId: string;
      alertedAt: string;
    }
  /** Alert stream: an analyst confirmed or dismissed the contradiction; it leaves the review queue. */
  | { kind: 'contradiction-verdict'; actor: string; contradictionId: string; verdict: VerdictRecord }
  /** Document stream: an analyst rejected the statement as a misreading (by id only, as a retraction). */
  | { kind: 'timeline-rejection'; actor: string; topic: string; statementId: string; by: string; at: string }
  /** Position stream: a move between conditional and support/oppose (for the daily digest, when opted in). */
  | { kind: 'shift'; shift: ShiftRecord }
  /** Document stream: the actor appears, with this topic. */
  | { kind: 'actor-topic'; actor: string; topic: string };
