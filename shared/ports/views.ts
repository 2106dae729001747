import type { Severity, Strength } from '../../events/position-events';
import type { Polarity } from '../../events/statement';
import type { StatementRef } from '../../events/statement-ref';
import type {
  PositionEffect,
  ShiftRecord,
  TimelineStatement,
  VerdictRecord,
  ViewUpdate,
} from '../domain/positions/view-updates';

/**
 * One page of a list. `next` is an opaque cursor (base64url of the store's last evaluated key;
 * the HTTP layer may sign it): pass it back as `cursor` to read the following page. Absent at
 * the end. A cursor from another list, or a tampered one, gives an InvalidCursorError.
 */
export interface Page<T> {
  items: T[];
  next?: string;
}

export interface PageRequest {
  /** 1..100; 50 when absent. */
  limit?: number;
  cursor?: string;
}

/** An actor's current position on one proposition: its latest-said statement still standing. */
export interface PositionView {
  actor: string;
  topic: string;
  proposition: string;
  polarity: Polarity;
  statement: StatementRef;
}

export interface TimelineEntry extends TimelineStatement {
  /** Hearsay: another party's characterisation (`reportedBy`), shown but never counted. */
  hearsay: boolean;
  /** How the statement moved the position, once the position stream has taken it in. */
  effect?: PositionEffect;
  /** For a change: the polarity before, and the statement said just before that held it. */
  changedFrom?: Polarity;
  previousStatementId?: string;
  /** Re-extraction no longer finds it in its document. */
  retracted: boolean;
  retractionReason?: string;
  /** It was taken out of the position (after a retraction or a rejection). */
  withdrawn: boolean;
  /** An analyst rejected it as a misreading of the sentence. */
  rejected?: { by: string; at: string };
  /** Active contradictions this statement is one side of. */
  contradictionIds: string[];
}

export interface ContradictionView {
  id: string;
  actor: string;
  topic: string;
  proposition: string;
  severity: Severity;
  /** strong: alerted at once; possible: waits for an analyst's verdict (the review queue). */
  strength: Strength;
  earlier: StatementRef;
  later: StatementRef;
  detectedAt: string;
  /** withdrawn: a statement it rests on was retracted by a re-extraction. */
  status: 'active' | 'withdrawn';
  alert?: { channel: string; messageId: string; alertedAt: string };
  /** The latest verdict, when an analyst gave one. */
  verdict?: VerdictRecord;
}

/** The desk's own precision over a window (GET /stats): what went out and what analysts said of it. */
export interface DeskStats {
  since: string;
  alertsSent: number;
  reviewed: number;
  confirmed: number;
  dismissed: number;
  dismissedByReason: Record<string, number>;
}

export interface ActorView {
  actor: string;
  topics: string[];
}

export interface PositionQuery extends PageRequest {
  actor?: string;
  topic?: string;
}

export interface TimelineQuery extends PageRequest {
  actor: string;
  topic: string;
  /** Chronological (asc, the default) or newest first. */
  order?: 'asc' | 'desc';
}

export interface ContradictionQuery extends PageRequest {
  actor?: string;
  topic?: string;
  /** ISO date or timestamp: only contradictions whose later statement was said at or after it. */
  since?: string;
  /** Withdrawn contradictions are left out unless asked for. */
  includeWithdrawn?: boolean;
}

/** Write side: the projector and replay feed it the projection's updates. */
export interface ViewWriter {
  /** Applies the updates in order; each is idempotent. */
  apply(updates: readonly ViewUpdate[]): Promise<void>;
  /** Empties every view (replay rebuilds them). */
  clear(): Promise<void>;
}

/** Read side: the API, the CLI and the dashboard. */
export interface ViewReader {
  listPositions(query?: PositionQuery): Promise<Page<PositionView>>;
  getTimeline(query: TimelineQuery): Promise<Page<TimelineEntry>>;
  /** Newest first, by when the later statement was said. */
  listContradictions(query?: ContradictionQuery): Promise<Page<ContradictionView>>;
  getContradiction(contradictionId: string): Promise<ContradictionView | undefined>;
  /** Possible contradictions with no verdict, not alerted and not withdrawn: oldest first. */
  listReviewQueue(query?: PageRequest): Promise<Page<ContradictionView>>;
  /** Moves to or from `conditional` recorded at or after `since` (an ISO timestamp), oldest first. */
  listShifts(since: string): Promise<ShiftRecord[]>;
  /** Alerts and verdicts recorded at or after `since` (an ISO timestamp). */
  getDeskStats(since: string): Promise<DeskStats>;
  listActors(query?: PageRequest): Promise<Page<ActorView>>;
  /** One actor and its topics, or undefined when no statement about it has been projected. */
  getActor(actor: string): Promise<ActorView | undefined>;
}

export type ViewStore = ViewWriter & ViewReader;

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 100;

/** Clamps a requested page size into 1..100. */
export const pageSizeOf = (limit: number | undefined): number =>
  limit === undefined || !Number.isFinite(limit)
    ? DEFAULT_PAGE_SIZE
    : Math.min(Math.max(Math.trunc(limit), 1), MAX_PAGE_SIZE);
