import { decodeCursor, encodeCursor } from '../../shared/adapters/dynamodb/page-cursor';
import {
  currentPositionOf,
  deskPartitionsBetween,
  deskStatsOf,
  type ItemWrite,
  isCompleteOrderedItem,
  isCompleteTimelineItem,
  itemWritesOf,
  latestStatementRange,
  shiftPartitionsBetween,
  type TimelineLocator,
  toActorView,
  toContradictionView,
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
  type PositionView,
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
    for (const update of updates) for (const write of itemWritesOf(update, this.#locate)) this.#write(write);
  }

  /** The timeline entries of a statement as they are now (the DynamoDB store looks them up the same way). */
  readonly #locate: TimelineLocator = (actor, topic, statementId) =>
    [...this.items.values()]
      .filter((item) => item.pk === viewKeys.timelinePartition(actor, topic) && item.statementId === statementId)
      .map((item) => String(item.sk))
      .sort();

  async clear(): Promise<void> {
    this.items.clear();
  }

  /** A position's timeline items from its own statement on, newest first (what the DynamoDB store queries). */
  #newestFirst(position: Item): Item[] {
    const { partition, fromOrderKey } = latestStatementRange(position);
    return [...this.items.values()]
      .filter((item) => item.pk === partition && String(item.sk) >= fromOrderKey)
      .sort((left, right) => (String(left.sk) < String(right.sk) ? 1 : -1));
  }

  /** Every item, keys sorted, sets as sorted arrays: compare two stores with toEqual. */
  snapshot(): [string, Item][] {
    return [...this.items.entries()]
      .sort(([left], [right]) => (left < right ? -1 : 1))
      .map(([key, item]) => [key, normalise(item) as Item]);
  }

  async listPositions(query: PositionQuery = {}): Promise<Page<PositionView>> {
    const actors =
      query.actor !== undefined
        ? [query.actor]
        : [...this.items.values()]
            .filter(
              (item) =>
                item.pk === viewKeys.actorsPartition &&
                (query.topic === undefined || (item.topics as Set<string>).has(query.topic)),
            )
            .map((item) => String(item.sk))
            .sort();
    const partitions = actors.map(viewKeys.positionPartition);
    return this.#list(
      {
        partitions,
        owns: (partition) =>
          query.actor === undefined
            ? partition.startsWith(viewKeys.positionPartition(''))
            : partition === viewKeys.positionPartition(query.actor),
        partitionOf: (item) => String(item.pk),
        sortOf: (item) => String(item.sk),
        forward: true,
        keep: (item) => query.topic === undefined || item.topic === query.topic,
      },
      query,
      (item) => currentPositionOf(item, this.#newestFirst(item)),
    );
  }

  async getTimeline(query: TimelineQuery) {
    const partition = viewKeys.timelinePartition(query.actor, query.topic);
    return this.#list(
      {
        partitions: [partition],
        owns: (candidate) => candidate === partition,
        partitionOf: (item) => String(item.pk),
        sortOf: (item) => String(item.sk),
        forward: query.order !== 'desc',
        keep: isCompleteTimelineItem,
      },
      query,
      toTimelineEntry,
    );
  }

  async listContradictions(query: ContradictionQuery = {}) {
    const since = query.since === undefined ? undefined : sinceKeyOf(query.since);
    const byActor = query.actor !== undefined;
    const partitionOf = (item: Item) =>
      (byActor ? item.apk : isCompleteOrderedItem(item) ? item.opk : undefined) as string | undefined;
    const months = [
      ...new Set(
        [...this.items.values()]
          .map(partitionOf)
          .filter((partition): partition is string => partition?.startsWith(MONTH_PREFIX) === true),
      ),
    ].sort((left, right) => (left < right ? 1 : -1));
    const actorPartition = viewKeys.contradictionActorPartition(query.actor ?? '');
    return this.#list(
      {
        partitions: byActor ? [actorPartition] : months,
        owns: (partition) => (byActor ? partition === actorPartition : partition.startsWith(MONTH_PREFIX)),
        partitionOf,
        sortOf: (item) => String(item.osk),
        forward: false,
        keep: (item) =>
          (since === undefined || String(item.osk) >= since) &&
          (query.topic === undefined || item.topic === query.topic) &&
          (query.includeWithdrawn === true || item.status === 'active'),
      },
      query,
      toContradictionView,
    );
  }

  async getContradiction(contradictionId: string) {
    const item = this.items.get(keyOf(viewKeys.contradiction(contradictionId)));
    return item && isCompleteOrderedItem(item) ? toContradictionView(item) : undefined;
  }

  async listReviewQueue(query: PageRequest = {}) {
    const entries = this.#list(
      {
        partitions: [viewKeys.reviewPartition],
        owns: (partition) => partition === viewKeys.reviewPartition,
        partitionOf: (item) => item.opk as string | undefined,
        sortOf: (item) => String(item.osk),
        forward: true,
        keep: () => true,
      },
      query,
      (item) => String(item.sk),
    );
    const items = entries.items.flatMap((id) => {
      const item = this.items.get(keyOf(viewKeys.contradiction(id)));
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
    return this.#list(
      {
        partitions: [viewKeys.actorsPartition],
        owns: (partition) => partition === viewKeys.actorsPartition,
        partitionOf: (item) => String(item.pk),
        sortOf: (item) => String(item.sk),
        forward: true,
        keep: () => true,
      },
      query,
      toActorView,
    );
  }

  async getActor(actor: string) {
    const item = this.items.get(keyOf(viewKeys.actor(actor)));
    return item ? toActorView(item) : undefined;
  }

  /**
   * The same walk as the DynamoDB store: the list's partitions in order, each sorted; the cursor
   * is the partition and sort value of the last item looked at.
   */
  #list<T>(
    spec: {
      partitions: readonly string[];
      owns: (partition: string) => boolean;
      partitionOf: (item: Item) => string | undefined;
      sortOf: (item: Item) => string;
      forward: boolean;
      keep: (item: Item) => boolean;
    },
    request: PageRequest,
    toView: (item: Item) => T,
  ): Page<T> {
    const start = decodeCursor(request.cursor, { owns: spec.owns, partitionKey: 'pk', keys: ['pk', 'sk'] });
    const direction = spec.forward ? 1 : -1;
    const entries = spec.partitions.flatMap((partition) =>
      [...this.items.values()]
        .filter((item) => spec.partitionOf(item) === partition)
        .map((item) => ({ partition, sort: spec.sortOf(item), item }))
        .sort((left, right) => (left.sort < right.sort ? -direction : direction)),
    );
    const partitionIndex = (partition: string) => spec.partitions.indexOf(partition);
    const from = start
      ? entries.findIndex((entry) => {
          const order = partitionIndex(entry.partition) - partitionIndex(start.p);
          if (order !== 0) return order > 0;
          if (!start.k) return false;
          return spec.forward ? entry.sort > String(start.k.sk) : entry.sort < String(start.k.sk);
        })
      : 0;
    const limit = pageSizeOf(request.limit);
    const items: T[] = [];
    let index = from < 0 ? entries.length : from;
    for (; index < entries.length && items.length < limit; index++) {
      const entry = entries[index]!;
      if (spec.keep(entry.item)) items.push(toView(entry.item));
    }
    const last = entries[index - 1];
    return index < entries.length && last
      ? { items, next: encodeCursor({ p: last.partition, k: { pk: last.partition, sk: last.sort } }) }
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

const MONTH_PREFIX = viewKeys.contradictionMonthPartition('');

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
