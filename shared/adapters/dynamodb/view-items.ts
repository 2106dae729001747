import type { StatementExtracted } from '../../../events/document-events';
import type { Polarity } from '../../../events/statement';
import type { StatementRef } from '../../../events/statement-ref';
import { evidenceOnlyShown, toStatementRef } from '../../domain/positions/rules';
import type {
  ContradictionRecord,
  ShiftRecord,
  TimelineStatement,
  ViewUpdate,
} from '../../domain/positions/view-updates';
import type { ActorView, ContradictionView, DeskStats, PositionView, TimelineEntry } from '../../ports/views';
import { encodeSides, sidesOf } from './contradiction-sides';
import { deskPartition, shiftPartition, VIEWS_TABLE_KEYS, viewKeys } from './views-table';

const {
  partitionKey: PK,
  sortKey: SK,
  orderPartitionKey: OPK,
  orderSortKey: OSK,
  actorPartitionKey: APK,
} = VIEWS_TABLE_KEYS;

export type ItemKey = { [PK]: string; [SK]: string };

/** Conditions the views need; anything else is unconditional. */
export type WriteCondition =
  /** Only if the item holds no position yet or one said earlier (the current-position register). */
  | { kind: 'order-key-below'; orderKey: string }
  /** Only if the item's current statement is this one (a withdrawal). */
  | { kind: 'current-statement-is'; statementId: string }
  /** Only if no verdict, alert or withdrawal has resolved the review entry yet (a redelivery must not revive it). */
  | { kind: 'not-resolved' };

/** One write to one views item, storage-neutral: the DynamoDB store and the test model run these. */
export type ItemWrite =
  | {
      op: 'update';
      key: ItemKey;
      set?: Record<string, unknown>;
      remove?: readonly string[];
      add?: Record<string, Set<string>>;
      delete?: Record<string, Set<string>>;
      condition?: WriteCondition;
      /**
       * Repeating this write can only leave the item as it is (it adds a member already added, or
       * sets a value that never changes): a store may skip it once it has succeeded, e.g. an
       * actor's topic already listed.
       */
      once?: true;
    }
  | { op: 'delete'; key: ItemKey; condition?: WriteCondition };

/** Optional statement fields: absent ones are removed, so a rewrite leaves no stale value behind. */
const OPTIONAL_TIMELINE_FIELDS = ['speaker', 'reportedBy', 'source', 'documentTitle', 'evidenceOnly'] as const;

const timelineKey = (actor: string, topic: string, orderKey: string): ItemKey => ({
  [PK]: viewKeys.timelinePartition(actor, topic),
  [SK]: orderKey,
});

/**
 * The order keys of the timeline entries of one statement (in its actor and topic's partition):
 * what a store looks up for an update that names the statement by id only. Usually one; none when
 * no write has reached the statement's entry; two when a re-extraction found a retracted statement
 * again with another date (the id does not depend on the date).
 */
export type TimelineLocator = (actor: string, topic: string, statementId: string) => readonly string[];

type TimelineUpdate = Extract<
  ViewUpdate,
  {
    kind:
      | 'timeline-retraction'
      | 'timeline-effect'
      | 'timeline-withdrawal'
      | 'timeline-contradiction'
      | 'timeline-rejection';
  }
>;

/** Updates of a statement's timeline entry that carry no order key: the store must find the entry. */
export const needsTimelineLookup = (update: ViewUpdate): update is TimelineUpdate =>
  (update.kind === 'timeline-retraction' ||
    update.kind === 'timeline-rejection' ||
    update.kind === 'timeline-contradiction') &&
  !('orderKey' in update && update.orderKey !== undefined);

/** One write per entry of the statement: its own order key, or the entries the locator finds. */
function timelineWrites(
  update: TimelineUpdate,
  locate: TimelineLocator,
  write: Omit<Extract<ItemWrite, { op: 'update' }>, 'op' | 'key'>,
): ItemWrite[] {
  const orderKeys =
    'orderKey' in update && update.orderKey !== undefined
      ? [update.orderKey]
      : locate(update.actor, update.topic, update.statementId);
  // Every write names the statement, so an entry a later event reaches first can be found by id too.
  return orderKeys.map((orderKey) => ({
    op: 'update',
    key: timelineKey(update.actor, update.topic, orderKey),
    ...write,
    set: { statementId: update.statementId, ...write.set },
  }));
}

const noEntries: TimelineLocator = () => [];

/** A current position (its actor's partition, sorted by topic and proposition). */
const positionAttributes = (
  actor: string,
  topic: string,
  proposition: string,
  orderKey: string,
  statement: StatementRef,
) => ({
  actor,
  topic,
  proposition,
  orderKey,
  polarity: statement.polarity,
  statement,
});

const contradictionAttributes = (contradiction: ContradictionRecord) => ({
  [OPK]: viewKeys.contradictionMonthPartition(viewKeys.contradictionMonthOf(contradiction.sortKey)),
  [OSK]: contradiction.sortKey,
  [APK]: viewKeys.contradictionActorPartition(contradiction.actor),
  contradictionId: contradiction.contradictionId,
  actor: contradiction.actor,
  topic: contradiction.topic,
  proposition: contradiction.proposition,
  severity: contradiction.severity,
  strength: contradiction.strength,
  sidesZ1: encodeSides(contradiction),
  detectedAt: contradiction.detectedAt,
  status: 'active',
});

/**
 * The item writes one view update stands for (table design in views-table.ts). Pure: an update
 * that names a timeline entry by statement id only is written to the entries `locate` gives.
 */
export function itemWritesOf(update: ViewUpdate, locate: TimelineLocator = noEntries): ItemWrite[] {
  switch (update.kind) {
    case 'timeline-statement': {
      const { statement } = update;
      const present = Object.fromEntries(Object.entries(statement).filter(([, value]) => value !== undefined));
      return [
        {
          op: 'update',
          key: timelineKey(statement.actor, statement.topic, update.orderKey),
          set: { ...present, retracted: false },
          remove: [...OPTIONAL_TIMELINE_FIELDS.filter((field) => statement[field] === undefined), 'retractionReason'],
        },
      ];
    }
    case 'timeline-retraction':
      return timelineWrites(update, locate, { set: { retracted: true, retractionReason: update.reason } });
    case 'timeline-effect':
      return timelineWrites(update, locate, {
        set: {
          effect: update.effect,
          withdrawn: false,
          ...(update.from !== undefined ? { changedFrom: update.from } : {}),
          ...(update.previousStatementId !== undefined ? { previousStatementId: update.previousStatementId } : {}),
        },
        remove: [
          ...(update.from === undefined ? ['changedFrom'] : []),
          ...(update.previousStatementId === undefined ? ['previousStatementId'] : []),
        ],
      });
    case 'timeline-withdrawal':
      return timelineWrites(update, locate, { set: { withdrawn: true } });
    case 'timeline-contradiction': {
      const ids = new Set([update.contradictionId]);
      return timelineWrites(
        update,
        locate,
        update.linked ? { add: { contradictionIds: ids } } : { delete: { contradictionIds: ids } },
      );
    }
    case 'position-offer':
      // A reaffirmation leaves the position as it was: the item keeps the statement that took or
      // changed it, and reads find the latest reaffirming one in the timeline (currentPositionOf).
      // One write fewer per statement that only repeats a stance, the common case.
      if (update.effect === 'reaffirmed') return [];
      return [
        {
          op: 'update',
          key: viewKeys.position(update.actor, update.topic, update.proposition),
          set: positionAttributes(update.actor, update.topic, update.proposition, update.orderKey, update.statement),
          condition: { kind: 'order-key-below', orderKey: update.orderKey },
        },
      ];
    case 'position-withdrawal': {
      const key = viewKeys.position(update.actor, update.topic, update.proposition);
      const condition: WriteCondition = { kind: 'current-statement-is', statementId: update.statementId };
      if (!update.next) return [{ op: 'delete', key, condition }];
      const { orderKey, statement } = update.next;
      return [
        {
          op: 'update',
          key,
          set: positionAttributes(update.actor, update.topic, update.proposition, orderKey, statement),
          condition,
        },
      ];
    }
    case 'contradiction': {
      const { contradiction } = update;
      const listed: ItemWrite[] = [
        {
          op: 'update',
          key: viewKeys.contradiction(contradiction.contradictionId),
          set: contradictionAttributes(contradiction),
        },
        {
          op: 'update',
          key: viewKeys.contradictionMonth(viewKeys.contradictionMonthOf(contradiction.sortKey)),
          set: { month: viewKeys.contradictionMonthOf(contradiction.sortKey) },
          once: true,
        },
      ];
      if (contradiction.strength !== 'possible') return listed;
      return [
        ...listed,
        {
          // Only the key and its place in the queue: the queue reads the contradiction item itself,
          // so the entry is the same whichever of contradiction and verdict is projected first.
          op: 'update',
          key: viewKeys.review(contradiction.contradictionId),
          set: {
            [OPK]: viewKeys.reviewPartition,
            [OSK]: `${contradiction.detectedAt}#${contradiction.contradictionId}`,
          },
          condition: { kind: 'not-resolved' },
        },
      ];
    }
    case 'contradiction-void':
      return [
        { op: 'update', key: viewKeys.contradiction(update.contradictionId), set: { status: 'withdrawn' } },
        resolveReview(update.contradictionId),
      ];
    case 'contradiction-alert':
      return [
        {
          op: 'update',
          key: viewKeys.contradiction(update.contradictionId),
          set: { alert: { channel: update.channel, messageId: update.messageId, alertedAt: update.alertedAt } },
        },
        resolveReview(update.contradictionId),
        {
          op: 'update',
          key: viewKeys.desk(update.alertedAt, update.contradictionId),
          set: { alertedAt: update.alertedAt },
        },
      ];
    case 'contradiction-verdict': {
      const { verdict } = update;
      return [
        { op: 'update', key: viewKeys.contradiction(update.contradictionId), set: { verdict } },
        resolveReview(update.contradictionId),
        {
          op: 'update',
          key: viewKeys.desk(verdict.at, update.contradictionId),
          set: {
            verdict: verdict.kind,
            reviewedAt: verdict.at,
            ...(verdict.kind === 'dismissed' ? { reason: verdict.reason } : {}),
          },
          remove: verdict.kind === 'dismissed' ? [] : ['reason'],
        },
      ];
    }
    case 'shift': {
      const { shift } = update;
      return [
        { op: 'update', key: { [PK]: shiftPartition(shift.at), [SK]: shift.statement.statementId }, set: { ...shift } },
      ];
    }
    case 'timeline-rejection':
      return timelineWrites(update, locate, { set: { rejected: { by: update.by, at: update.at } } });
    case 'actor-topic':
      return [
        {
          op: 'update',
          key: viewKeys.actor(update.actor),
          set: { actor: update.actor },
          add: { topics: new Set([update.topic]) },
          once: true,
        },
      ];
  }
}

/** A review entry leaves the queue for good: marked resolved and dropped from the order index. */
const resolveReview = (contradictionId: string): ItemWrite => ({
  op: 'update',
  key: viewKeys.review(contradictionId),
  set: { resolved: true },
  remove: [OPK, OSK],
});

// ----- items back to views -----

export function toPositionView(item: Record<string, unknown>): PositionView {
  return {
    actor: String(item.actor),
    topic: String(item.topic),
    proposition: String(item.proposition),
    polarity: item.polarity as Polarity,
    statement: item.statement as StatementRef,
  };
}

/**
 * Whether a timeline item counts toward its proposition's position now: a complete entry of that
 * proposition that its position stream took in (it has an effect) and has not withdrawn.
 */
export const countsTowardPositionNow = (item: Record<string, unknown>, proposition: string): boolean =>
  item.proposition === proposition &&
  item.effect !== undefined &&
  isCompleteTimelineItem(item) &&
  item.withdrawn !== true;

/** The position's timeline entries that can be its latest statement: from the item's own statement on. */
export const latestStatementRange = (positionItem: Record<string, unknown>) => ({
  partition: viewKeys.timelinePartition(String(positionItem.actor), String(positionItem.topic)),
  fromOrderKey: String(positionItem.orderKey),
});

/**
 * A position as the views show it. Its item holds the statement that took or changed it (or the one
 * a withdrawal fell back to): reaffirmations are not written there. The latest statement is the
 * newest timeline entry at or after that one that still counts toward the proposition; it is the
 * item's own statement until the timeline has one. `newestFirst`: the timeline items of the
 * position's actor and topic from the item's order key on, newest first (more may follow; only the
 * first match is read).
 */
export function currentPositionOf(
  positionItem: Record<string, unknown>,
  newestFirst: Iterable<Record<string, unknown>>,
): PositionView {
  const position = toPositionView(positionItem);
  for (const entry of newestFirst) {
    if (!countsTowardPositionNow(entry, position.proposition)) continue;
    // A timeline entry holds its statement's fields: position events keep the same subset of them.
    const statement = toStatementRef(entry as unknown as StatementExtracted['data']);
    return { ...position, polarity: statement.polarity, statement };
  }
  return position;
}

const TIMELINE_STATEMENT_FIELDS = [
  'statementId',
  'documentId',
  'sentenceIndex',
  'quote',
  'speaker',
  'actor',
  'topic',
  'proposition',
  'polarity',
  'attribution',
  'reportedBy',
  'confidence',
  'statedAt',
  'source',
  'documentTitle',
  'extractorVersion',
  'codebookVersion',
  'evidenceOnly',
] as const satisfies readonly (keyof TimelineStatement)[];

export function toTimelineEntry(item: Record<string, unknown>): TimelineEntry {
  const statement = Object.fromEntries(
    TIMELINE_STATEMENT_FIELDS.filter((field) => item[field] !== undefined).map((field) => [field, item[field]]),
  ) as unknown as TimelineStatement;
  const { evidenceOnly, ...shown } = statement;
  const mark = evidenceOnlyShown(evidenceOnly, item.effect !== undefined);
  return {
    ...shown,
    ...(mark ? { evidenceOnly: mark } : {}),
    hearsay: statement.reportedBy !== undefined,
    ...(item.effect !== undefined ? { effect: item.effect as TimelineEntry['effect'] } : {}),
    ...(item.changedFrom !== undefined ? { changedFrom: item.changedFrom as Polarity } : {}),
    ...(item.previousStatementId !== undefined ? { previousStatementId: String(item.previousStatementId) } : {}),
    retracted: item.retracted === true,
    ...(item.retractionReason !== undefined ? { retractionReason: String(item.retractionReason) } : {}),
    withdrawn: item.withdrawn === true,
    ...(item.rejected !== undefined ? { rejected: item.rejected as NonNullable<TimelineEntry['rejected']> } : {}),
    contradictionIds: [...((item.contradictionIds as Set<string> | undefined) ?? [])].sort(),
  };
}

export function toContradictionView(item: Record<string, unknown>): ContradictionView {
  return {
    id: String(item.contradictionId),
    actor: String(item.actor),
    topic: String(item.topic),
    proposition: String(item.proposition),
    severity: item.severity as ContradictionView['severity'],
    // Contradictions projected before strengths existed were all alerted at once: strong.
    strength: item.strength === 'possible' ? 'possible' : 'strong',
    ...sidesOf(item),
    detectedAt: String(item.detectedAt),
    status: item.status === 'withdrawn' ? 'withdrawn' : 'active',
    ...(item.alert !== undefined ? { alert: item.alert as NonNullable<ContradictionView['alert']> } : {}),
    ...(item.verdict !== undefined ? { verdict: item.verdict as NonNullable<ContradictionView['verdict']> } : {}),
  };
}

/** Counts the desk items (one per contradiction and month) whose alert or verdict falls at or after `since`. */
export function deskStatsOf(items: readonly Record<string, unknown>[], since: string): DeskStats {
  const stats: DeskStats = { since, alertsSent: 0, reviewed: 0, confirmed: 0, dismissed: 0, dismissedByReason: {} };
  for (const item of items) {
    if (typeof item.alertedAt === 'string' && item.alertedAt >= since) stats.alertsSent += 1;
    if (typeof item.reviewedAt !== 'string' || item.reviewedAt < since) continue;
    stats.reviewed += 1;
    if (item.verdict === 'confirmed') stats.confirmed += 1;
    else if (item.verdict === 'dismissed') {
      stats.dismissed += 1;
      const reason = String(item.reason);
      stats.dismissedByReason[reason] = (stats.dismissedByReason[reason] ?? 0) + 1;
    }
  }
  return stats;
}

/** The months (desk partitions) a window starting at `since` and ending at `until` touches. */
export function deskPartitionsBetween(since: string, until: string): string[] {
  const partitions: string[] = [];
  const month = new Date(`${since.slice(0, 7)}-01T00:00:00.000Z`);
  while (month.toISOString() <= until) {
    partitions.push(deskPartition(month.toISOString()));
    month.setUTCMonth(month.getUTCMonth() + 1);
  }
  return partitions;
}

export function toActorView(item: Record<string, unknown>): ActorView {
  return { actor: String(item.actor), topics: [...((item.topics as Set<string> | undefined) ?? [])].sort() };
}

/** A timeline entry whose statement has been projected (an effect can reach it first): the list shows only these. */
export const isCompleteTimelineItem = (item: Record<string, unknown>): boolean => item.quote !== undefined;

/** Items written only by a later event (e.g. an alert before its contradiction) lack `osk`: not shown. */
export const isCompleteOrderedItem = (item: Record<string, unknown>): boolean => item[OSK] !== undefined;

type UpdateWrite = Extract<ItemWrite, { op: 'update' }>;

/**
 * Merges consecutive unconditional updates of the same item into one, when that means the same
 * as applying them in order: a later SET or REMOVE of an attribute wins over an earlier SET, ADDs
 * (and DELETEs) of one set attribute accumulate; anything else (a condition, a delete, an
 * attribute touched in two different ways) keeps the writes apart. Fewer round trips for a
 * document commit whose statements all touch the same actor item.
 */
export function coalesceWrites(writes: readonly ItemWrite[]): ItemWrite[] {
  const merged: ItemWrite[] = [];
  for (const write of writes) {
    const previous = merged.at(-1);
    const combined =
      previous && sameKey(previous, write) && previous.op === 'update' && write.op === 'update'
        ? mergeUpdates(previous, write)
        : undefined;
    if (combined) merged[merged.length - 1] = combined;
    else merged.push(write);
  }
  return merged;
}

const sameKey = (left: ItemWrite, right: ItemWrite) => left.key[PK] === right.key[PK] && left.key[SK] === right.key[SK];

function mergeUpdates(earlier: UpdateWrite, later: UpdateWrite): UpdateWrite | undefined {
  if (earlier.condition || later.condition) return undefined;
  const set = { ...earlier.set };
  const remove = new Set(earlier.remove ?? []);
  const add: Record<string, Set<string>> = { ...earlier.add };
  const deleted = { ...earlier.delete };
  const touchedBy = (attribute: string) =>
    attribute in set
      ? 'set'
      : remove.has(attribute)
        ? 'remove'
        : attribute in add
          ? 'add'
          : attribute in deleted
            ? 'delete'
            : undefined;
  for (const [attribute, value] of Object.entries(later.set ?? {})) {
    const before = touchedBy(attribute);
    if (before !== undefined && before !== 'set') return undefined;
    set[attribute] = value;
  }
  for (const attribute of later.remove ?? []) {
    const before = touchedBy(attribute);
    if (before === 'add' || before === 'delete') return undefined;
    delete set[attribute];
    remove.add(attribute);
  }
  for (const [attribute, values] of Object.entries(later.add ?? {})) {
    const before = touchedBy(attribute);
    if (before !== undefined && before !== 'add') return undefined;
    add[attribute] = new Set([...(add[attribute] ?? []), ...values]);
  }
  for (const [attribute, values] of Object.entries(later.delete ?? {})) {
    const before = touchedBy(attribute);
    if (before !== undefined && before !== 'delete') return undefined;
    deleted[attribute] = new Set([...(deleted[attribute] ?? []), ...values]);
  }
  return {
    op: 'update',
    key: earlier.key,
    ...(Object.keys(set).length > 0 ? { set } : {}),
    ...(remove.size > 0 ? { remove: [...remove] } : {}),
    ...(Object.keys(add).length > 0 ? { add } : {}),
    ...(Object.keys(deleted).length > 0 ? { delete: deleted } : {}),
  };
}

/** The day partitions (shifts#YYYY-MM-DD) from `since` to `until`, both included. */
export function shiftPartitionsBetween(since: string, until: string): string[] {
  const partitions: string[] = [];
  const day = new Date(`${since.slice(0, 10)}T00:00:00.000Z`);
  while (day.toISOString().slice(0, 10) <= until.slice(0, 10)) {
    partitions.push(shiftPartition(day.toISOString()));
    day.setUTCDate(day.getUTCDate() + 1);
  }
  return partitions;
}

export const toShiftView = (item: Record<string, unknown>): ShiftRecord => ({
  actor: String(item.actor),
  topic: String(item.topic),
  proposition: String(item.proposition),
  from: item.from as ShiftRecord['from'],
  to: item.to as ShiftRecord['to'],
  statement: item.statement as StatementRef,
  previous: item.previous as StatementRef,
  at: String(item.at),
});
