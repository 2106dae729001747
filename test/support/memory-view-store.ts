import { decodeCursor, encodeCursor } from '../../shared/adapters/dynamodb/page-cursor';
import {
  deskPartitionsBetween,
  deskStatsOf,
  type ItemWrite,
  isCompleteOrderedItem,
  itemWritesOf,
  shiftPartitionsBetween,
  toActorView,
  toContradictionView,
  toPositionView,
  toShiftView,
  toTimelineEntry,
  type WriteCondition,
} from '../../shared/adapters/dynamodb/view-items';
import { viewKeys } from '../../shared/adapters/dynamodb/views-table';
import { sinceKeyOf } from '../../shared/domain/positions/ordering';
import type { ViewUpdate } from '../../shared/domain/positions/view-updates';
import {
  type ContradictionQuery,
  type Page,
  type PageRequest,
  type PositionQuery,
  pageSizeOf,
  type TimelineQuery,
  type ViewStore,
} from '../../shared/ports/views';

type Item = Record<string, unknown>;

/**
 * The views table as a map, running the same item writes (view-items.ts) as the DynamoDB store:
 * fast enough for property tests with hundreds of runs. The DynamoDB store is checked against the
 * same properties on dynalite with fewer runs.
 */
export class MemoryViewStore implements ViewStore {
  readonly items = new Map<string, Item>();

  async apply(updates: readonly ViewUpdate[]): Promise<void> {
    for (const update of updates) for (const write of itemWritesOf(update)) this.#write(write);
  }

  async clear(): Promise<void> {
    this.items.clear();
  }

  /** Every item, keys sorted, sets as sorted arrays: compare two stores with toEqual. */
  snapshot(): [string, Item][] {
    return [...this.items.entries()]
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([key, item]) => [key, normalise(item) as Item]);
  }

  async listPositions(query: PositionQuery = {}): Promise<Page<ReturnType<typeof toPositionView>>> {
    const prefix = query.actor ? `${query.actor}#${query.topic ? `${query.topic}#` : ''}` : '';
    return this.#page(
      'positions',
      'sk',
      true,
      (item) => String(item.sk).startsWith(prefix) && (query.topic === undefined || item.topic === query.topic),
      query,
      toPositionView,
    );
  }

  async getTimeline(query: TimelineQuery) {
    return this.#page(
      viewKeys.timelinePartition(query.actor, query.topic),
      'lsk',
      query.order !== 'desc',
      () => true,
      query,
      toTimelineEntry,
    );
  }

  async listContradictions(query: ContradictionQuery = {}) {
    const since = query.since === undefined ? undefined : sinceKeyOf(query.since);
    return this.#page(
      query.actor === undefined ? 'contradictions' : `contradictions#${query.actor}`,
      'lsk',
      false,
      (item) =>
        (since === undefined || String(item.lsk) >= since) &&
        (query.topic === undefined || item.topic === query.topic) &&
        (query.includeWithdrawn === true || item.status === 'active'),
      query,
      toContradictionView,
    );
  }

  async getContradiction(contradictionId: string) {
    const item = this.items.get(keyOf({ pk: 'contradictions', sk: contradictionId }));
    return item && isCompleteOrderedItem(item) ? toContradictionView(item) : undefined;
  }

  async listReviewQueue(query: PageRequest = {}) {
    const entries = this.#page(
      viewKeys.reviewPartition,
      'lsk',
      true,
      () => true,
      query,
      (item) => String(item.sk),
    );
    const items = entries.items.flatMap((id) => {
      const item = this.items.get(keyOf({ pk: 'contradictions', sk: id }));
      return item && isCompleteOrderedItem(item) ? [toContradictionView(item)] : [];
    });
    return entries.next ? { items, next: entries.next } : { items };
  }

  async listShifts(since: string) {
    const days = new Set(shiftPartitionsBetween(since, new Date().toISOString()));
    return [...this.items.values()]
      .filter((item) => days.has(String(item.pk)))
      .map(toShiftView)
      .filter((shift) => shift.at >= since)
      .sort((left, right) => left.at.localeCompare(right.at) || left.actor.localeCompare(right.actor));
  }

  async getDeskStats(since: string) {
    const months = new Set(deskPartitionsBetween(since, new Date().toISOString()));
    return deskStatsOf(
      [...this.items.values()].filter((item) => months.has(String(item.pk))),
      since,
    );
  }

  async listActors(query: PageRequest = {}) {
    return this.#page('actors', 'sk', true, () => true, query, toActorView);
  }

  async getActor(actor: string) {
    const item = this.items.get(keyOf(viewKeys.actor(actor)));
    return item ? toActorView(item) : undefined;
  }

  #page<T>(
    partition: string,
    sortBy: 'sk' | 'lsk',
    forward: boolean,
    keep: (item: Item) => boolean,
    request: PageRequest,
    toView: (item: Item) => T,
  ): Page<T> {
    const keys = sortBy === 'lsk' ? ['pk', 'sk', 'lsk'] : ['pk', 'sk'];
    const start = decodeCursor(request.cursor, { partitionKey: 'pk', partitionValue: partition, keys });
    const sorted = [...this.items.values()]
      .filter((item) => item.pk === partition && item[sortBy] !== undefined)
      .sort((left, right) => (String(left[sortBy]) < String(right[sortBy]) ? -1 : 1));
    if (!forward) sorted.reverse();
    const from = start ? sorted.findIndex((item) => item.sk === start.sk) + 1 : 0;
    const limit = pageSizeOf(request.limit);
    const items: T[] = [];
    let index = from;
    for (; index < sorted.length && items.length < limit; index++) {
      const item = sorted[index] as Item;
      if (keep(item)) items.push(toView(item));
    }
    const last = sorted[index - 1];
    return index < sorted.length && last
      ? { items, next: encodeCursor(Object.fromEntries(keys.map((key) => [key, last[key]]))) }
      : { items };
  }

  #write(write: ItemWrite): void {
    const key = keyOf(write.key);
    const current = this.items.get(key);
    if (write.condition && !holds(write.condition, current)) return;
    if (write.op === 'delete') {
      this.items.delete(key);
      return;
    }
    const item: Item = structuredClone(current ?? { ...write.key });
    for (const [field, value] of Object.entries(write.set ?? {})) item[field] = structuredClone(value);
    for (const field of write.remove ?? []) delete item[field];
    for (const [field, values] of Object.entries(write.add ?? {})) {
      item[field] = new Set([...((item[field] as Set<string> | undefined) ?? []), ...values]);
    }
    for (const [field, values] of Object.entries(write.delete ?? {})) {
      const remaining = new Set((item[field] as Set<string> | undefined) ?? []);
      for (const value of values) remaining.delete(value);
      if (remaining.size === 0) delete item[field];
      else item[field] = remaining;
    }
    this.items.set(key, item);
  }
}

const keyOf = (key: { pk: string; sk: string }) => `${key.pk}\u0000${key.sk}`;

function holds(condition: WriteCondition, item: Item | undefined): boolean {
  switch (condition.kind) {
    case 'order-key-below':
      return item?.orderKey === undefined || String(item.orderKey) < condition.orderKey;
    case 'current-statement-is':
      return (item?.statement as { statementId?: string } | undefined)?.statementId === condition.statementId;
    case 'not-resolved':
      return item?.resolved === undefined;
  }
}

/** Sets become sorted arrays and keys are sorted, so equal views compare equal. */
export function normalise(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(normalise).sort();
  if (Array.isArray(value)) return value.map(normalise);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, inner]) => inner !== undefined)
        .sort(([left], [right]) => (left < right ? -1 : 1))
        .map(([key, inner]) => [key, normalise(inner)]),
    );
  }
  return value;
}
