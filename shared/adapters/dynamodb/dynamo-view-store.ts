import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  type DynamoDBDocumentClient,
  GetCommand,
  QueryCommand,
  type QueryCommandInput,
  ScanCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { sinceKeyOf } from '../../domain/positions/ordering';
import type { ShiftRecord, ViewUpdate } from '../../domain/positions/view-updates';
import { mapConcurrently } from '../../map-concurrently';
import {
  type ActorView,
  type ContradictionQuery,
  type ContradictionView,
  type DeskStats,
  type Page,
  type PageRequest,
  type PositionQuery,
  type PositionView,
  pageSizeOf,
  type TimelineEntry,
  type TimelineQuery,
  type ViewStore,
} from '../../ports/views';
import { translateAwsError } from '../aws-error-translation';
import { decodeCursor, encodeCursor } from './page-cursor';
import {
  coalesceWrites,
  countsTowardPositionNow,
  currentPositionOf,
  deskPartitionsBetween,
  deskStatsOf,
  type ItemWrite,
  isCompleteOrderedItem,
  itemWritesOf,
  latestStatementRange,
  needsTimelineLookup,
  shiftPartitionsBetween,
  type TimelineLocator,
  toActorView,
  toContradictionView,
  toShiftView,
  toTimelineEntry,
} from './view-items';
import { VIEWS_TABLE_KEYS, viewKeys } from './views-table';

const {
  partitionKey: PK,
  sortKey: SK,
  orderIndexName,
  orderPartitionKey: OPK,
  orderSortKey: OSK,
  actorIndexName,
  actorPartitionKey: APK,
} = VIEWS_TABLE_KEYS;

/** One call reads at most this many query pages (filters topping a page up, partitions walked), then returns a cursor. */
const MAX_QUERIES_PER_PAGE = 25;

/** Positions of one page resolved at once (one timeline Query each). */
const READ_CONCURRENCY = 8;

/** Timeline entries the first Query reads when looking for a position's latest statement, and the most one reads. */
const LATEST_STATEMENT_FIRST_PAGE = 4;
const LATEST_STATEMENT_LAST_PAGE = 1024;

/** Items written at once by one apply() call. */
const WRITE_CONCURRENCY = 8;

/** Once-writes remembered as done (an actor's topics, the months with contradictions); forgotten past this many. */
const MAX_REMEMBERED_WRITES = 100_000;

type Item = Record<string, unknown>;

/** How a list reads one of its partitions. */
interface PartitionRead {
  /** A keys-only global index (the page's items are then fetched with BatchGetItem), or the table. */
  index?: { name: string; partitionKey: string };
  forward: boolean;
  keyCondition?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  /** A DynamoDB filter (table reads only: index entries carry keys only). */
  filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
  /** Index reads: which item an index entry stands for (itself by default). */
  itemOf?: (entry: Item) => { pk: string; sk: string };
  /** Index reads: which fetched items belong in the list (complete ones, and the list's filters). */
  keep?: (item: Item) => boolean;
}

/** A list: the partitions it walks, in order, and how each is read. */
interface ListSpec {
  /** The partition after `after` (the first when undefined); undefined when the walk is over. */
  nextPartition: (after: string | undefined) => Promise<string | undefined>;
  /** Whether a cursor's partition can belong to this list. */
  owns: (partition: string) => boolean;
  read: (partition: string) => PartitionRead;
}

export interface DynamoViewStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * The read models on DynamoDB (dynalite in embedded mode); table design in views-table.ts. Every
 * update is idempotent: SETs of values carried by the event, ADD/DELETE on string sets, and the
 * current position as a register that only moves to a later-said statement that took or changed it
 * (conditional write); reads add the latest reaffirmation from the timeline (currentPositionOf).
 */
export class DynamoViewStore implements ViewStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  /** Once-writes this store has made (see ItemWrite.once): repeating them would change nothing, so they are skipped. */
  readonly #written = new Set<string>();

  constructor(options: DynamoViewStoreOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  /**
   * Writes to one item go in order (consecutive ones merged into one request where that means
   * the same); different items are written in parallel (up to WRITE_CONCURRENCY), which is all
   * the ordering the views rely on (docs/positions.md). A once-write this store already made
   * (an actor's topic already listed) is not sent again: it would be charged and change nothing.
   */
  async apply(updates: readonly ViewUpdate[]): Promise<void> {
    const byItem = new Map<string, ItemWrite[]>();
    const onceWrites = new Set<string>();
    for (const write of await this.#writesOf(updates)) {
      if (write.op === 'update' && write.once) {
        const fingerprint = fingerprintOf(write);
        if (this.#written.has(fingerprint)) continue;
        onceWrites.add(fingerprint);
      }
      const key = `${write.key[PK]}\u0000${write.key[SK]}`;
      const queue = byItem.get(key);
      if (queue) queue.push(write);
      else byItem.set(key, [write]);
    }
    const queues = [...byItem.values()].map(coalesceWrites);
    await mapConcurrently(queues, WRITE_CONCURRENCY, async (queue) => {
      for (const write of queue) await this.#write(write);
    });
    if (this.#written.size + onceWrites.size > MAX_REMEMBERED_WRITES) this.#written.clear();
    for (const fingerprint of onceWrites) this.#written.add(fingerprint);
  }

  /**
   * The item writes of a batch of updates. An update naming a timeline entry by statement id only
   * (a retraction, a rejection, the far side of a voided contradiction) goes to the entries of
   * that statement: those in the table before this batch (one strongly consistent Query of the
   * partition, filtered on the id: these events are rare) and those earlier updates of the batch
   * write, which is what applying the updates one by one would find.
   */
  async #writesOf(updates: readonly ViewUpdate[]): Promise<ItemWrite[]> {
    const entryOf = (partition: string, statementId: string) => `${partition}\u0000${statementId}`;
    const stored = new Map<string, readonly string[]>();
    for (const update of updates) {
      if (!needsTimelineLookup(update)) continue;
      const partition = viewKeys.timelinePartition(update.actor, update.topic);
      const entry = entryOf(partition, update.statementId);
      if (!stored.has(entry)) stored.set(entry, await this.#timelineEntries(partition, update.statementId));
    }
    const written = new Map<string, Set<string>>();
    const locate: TimelineLocator = (actor, topic, statementId) => {
      const entry = entryOf(viewKeys.timelinePartition(actor, topic), statementId);
      return [...new Set([...(stored.get(entry) ?? []), ...(written.get(entry) ?? [])])].sort();
    };
    const writes: ItemWrite[] = [];
    for (const update of updates) {
      for (const write of itemWritesOf(update, locate)) {
        writes.push(write);
        const statementId = write.op === 'update' ? write.set?.statementId : undefined;
        if (typeof statementId !== 'string' || !write.key[PK].startsWith(viewKeys.timelinePrefix)) continue;
        const entry = entryOf(write.key[PK], statementId);
        written.set(entry, (written.get(entry) ?? new Set()).add(write.key[SK]));
      }
    }
    return writes;
  }

  /** The order keys of a statement's timeline entries in the table (strongly consistent). */
  async #timelineEntries(partition: string, statementId: string): Promise<string[]> {
    const found: string[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.#send('updateViews', () =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: '#pk = :pk',
            FilterExpression: '#statementId = :statementId',
            ProjectionExpression: '#sk',
            ExpressionAttributeNames: { '#pk': PK, '#sk': SK, '#statementId': 'statementId' },
            ExpressionAttributeValues: { ':pk': partition, ':statementId': statementId },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) found.push(String(item[SK]));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return found;
  }

  async clear(): Promise<void> {
    this.#written.clear();
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.#send('clearViews', () =>
        this.#client.send(
          new ScanCommand({
            TableName: this.#tableName,
            ProjectionExpression: '#pk, #sk',
            ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      const keys = (page.Items ?? []).map((item) => ({ [PK]: item[PK], [SK]: item[SK] }));
      for (let index = 0; index < keys.length; index += 25) await this.#deleteAll(keys.slice(index, index + 25));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
  }

  /**
   * One actor: its partition, by topic and proposition. Across actors: the actors in order (only
   * those with the topic, when one is asked for), each actor's partition in turn.
   */
  async listPositions(query: PositionQuery = {}): Promise<Page<PositionView>> {
    const read = (): PartitionRead => ({
      forward: true,
      ...(query.topic !== undefined
        ? {
            keyCondition: {
              expression: 'begins_with(#sk, :prefix)',
              names: { '#sk': SK },
              values: { ':prefix': `${query.topic}#` },
            },
          }
        : {}),
    });
    const prefix = viewKeys.positionPartition('');
    const actors = this.#actorsWalk(query.topic);
    const spec: ListSpec =
      query.actor !== undefined
        ? singlePartition(viewKeys.positionPartition(query.actor), read)
        : {
            nextPartition: async (after) => {
              const actor = await actors(after === undefined ? undefined : after.slice(prefix.length));
              return actor === undefined ? undefined : viewKeys.positionPartition(actor);
            },
            owns: (partition) => partition.startsWith(prefix),
            read,
          };
    const page = await this.#list(spec, query, (item) => item);
    const items = await mapConcurrently(page.items, READ_CONCURRENCY, async (item) =>
      currentPositionOf(item, await this.#latestStatementCandidates(item)),
    );
    return { ...page, items };
  }

  /**
   * The timeline entries that may be a position's latest statement (view-items.ts,
   * currentPositionOf): newest first, from the item's own statement on, filtered on the
   * proposition by DynamoDB, until one counts. The newest entries almost always hold it, so the
   * first Query reads 4 entries (half a read unit); when an actor has said much on other
   * propositions of the topic since, each next Query reads four times as many (up to 1,024), so
   * a distant statement costs a few Queries, not one per 4 entries. Read units still grow with
   * that distance (docs/positions.md).
   */
  async #latestStatementCandidates(position: Item): Promise<Item[]> {
    const { partition, fromOrderKey } = latestStatementRange(position);
    const proposition = String(position.proposition);
    const seen: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    let limit = LATEST_STATEMENT_FIRST_PAGE;
    do {
      const response = await this.#send('readViews', () =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: '#pk = :pk AND #sk >= :from',
            // Only a narrowing: countsTowardPositionNow decides on what comes back.
            FilterExpression: '#proposition = :proposition AND attribute_exists(#effect)',
            ExpressionAttributeNames: { '#pk': PK, '#sk': SK, '#proposition': 'proposition', '#effect': 'effect' },
            ExpressionAttributeValues: { ':pk': partition, ':from': fromOrderKey, ':proposition': proposition },
            ScanIndexForward: false,
            Limit: limit,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      const items = response.Items ?? [];
      seen.push(...items);
      if (items.some((item) => countsTowardPositionNow(item, proposition))) break;
      startKey = response.LastEvaluatedKey;
      limit = Math.min(limit * 4, LATEST_STATEMENT_LAST_PAGE);
    } while (startKey);
    return seen;
  }

  async getTimeline(query: TimelineQuery): Promise<Page<TimelineEntry>> {
    // The table's own order: entries are keyed by their statement's order key.
    const partition = viewKeys.timelinePartition(query.actor, query.topic);
    return this.#list(
      singlePartition(partition, () => ({
        forward: query.order !== 'desc',
        // An entry an effect reached before its statement (another shard) is not shown yet.
        filter: { expression: 'attribute_exists(#quote)', names: { '#quote': 'quote' }, values: {} },
      })),
      query,
      toTimelineEntry,
    );
  }

  /**
   * Newest first by when the later statement was said. One actor: its byActor partition. All:
   * the month partitions of byOrder, newest month first (the months are listed in their own
   * small partition), down to the month of `since`.
   */
  async listContradictions(query: ContradictionQuery = {}): Promise<Page<ContradictionView>> {
    const sinceKey = query.since === undefined ? undefined : sinceKeyOf(query.since);
    const keep = (item: Item) =>
      isCompleteOrderedItem(item) &&
      (query.topic === undefined || item.topic === query.topic) &&
      (query.includeWithdrawn === true || item.status === 'active');
    const read = (index: { name: string; partitionKey: string }) => (): PartitionRead => ({
      index,
      forward: false,
      keep,
      ...(sinceKey !== undefined
        ? { keyCondition: { expression: '#osk >= :since', names: { '#osk': OSK }, values: { ':since': sinceKey } } }
        : {}),
    });
    if (query.actor !== undefined) {
      return this.#list(
        singlePartition(
          viewKeys.contradictionActorPartition(query.actor),
          read({ name: actorIndexName, partitionKey: APK }),
        ),
        query,
        toContradictionView,
      );
    }
    const monthPrefix = viewKeys.contradictionMonthPartition('');
    const sinceMonth = sinceKey === undefined ? undefined : viewKeys.contradictionMonthOf(sinceKey);
    return this.#list(
      {
        nextPartition: async (after) => {
          const month = await this.#monthBefore(after === undefined ? undefined : after.slice(monthPrefix.length));
          return month === undefined || (sinceMonth !== undefined && month < sinceMonth)
            ? undefined
            : viewKeys.contradictionMonthPartition(month);
        },
        owns: (partition) => partition.startsWith(monthPrefix),
        read: read({ name: orderIndexName, partitionKey: OPK }),
      },
      query,
      toContradictionView,
    );
  }

  async getContradiction(contradictionId: string): Promise<ContradictionView | undefined> {
    const response = await this.#send('getContradiction', () =>
      this.#client.send(
        new GetCommand({
          TableName: this.#tableName,
          Key: viewKeys.contradiction(contradictionId),
          ConsistentRead: true,
        }),
      ),
    );
    const item = response.Item;
    return item && isCompleteOrderedItem(item) ? toContradictionView(item) : undefined;
  }

  /** Resolved entries leave the index, so it holds exactly the waiting ones; each stands for its contradiction item. */
  async listReviewQueue(query: PageRequest = {}): Promise<Page<ContradictionView>> {
    return this.#list(
      singlePartition(viewKeys.reviewPartition, () => ({
        index: { name: orderIndexName, partitionKey: OPK },
        forward: true,
        itemOf: (entry) => viewKeys.contradiction(String(entry[SK])),
        keep: isCompleteOrderedItem,
      })),
      query,
      toContradictionView,
    );
  }

  async listShifts(since: string): Promise<ShiftRecord[]> {
    const shifts: ShiftRecord[] = [];
    for (const partition of shiftPartitionsBetween(since, new Date().toISOString())) {
      for (const item of await this.#all(partition)) {
        const shift = toShiftView(item);
        if (shift.at >= since) shifts.push(shift);
      }
    }
    return shifts.sort((left, right) => left.at.localeCompare(right.at) || left.actor.localeCompare(right.actor));
  }

  async getDeskStats(since: string): Promise<DeskStats> {
    const items: Record<string, unknown>[] = [];
    for (const partition of deskPartitionsBetween(since, new Date().toISOString()))
      items.push(...(await this.#all(partition)));
    return deskStatsOf(items, since);
  }

  /** Every item of a small partition (a month of desk facts, a day of shifts). */
  async #all(partition: string): Promise<Record<string, unknown>[]> {
    const items: Record<string, unknown>[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.#send('readViews', () =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: '#pk = :pk',
            ExpressionAttributeNames: { '#pk': PK },
            ExpressionAttributeValues: { ':pk': partition },
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      items.push(...(page.Items ?? []));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return items;
  }

  async listActors(query: PageRequest = {}): Promise<Page<ActorView>> {
    return this.#list(
      singlePartition(viewKeys.actorsPartition, () => ({ forward: true })),
      query,
      toActorView,
    );
  }

  async getActor(actor: string): Promise<ActorView | undefined> {
    const response = await this.#send('getActor', () =>
      this.#client.send(new GetCommand({ TableName: this.#tableName, Key: viewKeys.actor(actor) })),
    );
    return response.Item ? toActorView(response.Item) : undefined;
  }

  // ----- writes -----

  async #write(write: ItemWrite): Promise<void> {
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    let counter = 0;
    const name = (attribute: string) => {
      const placeholder = `#a${counter++}`;
      names[placeholder] = attribute;
      return placeholder;
    };
    const value = (content: unknown) => {
      const placeholder = `:v${counter++}`;
      values[placeholder] = content;
      return placeholder;
    };
    let condition: string | undefined;
    if (write.condition?.kind === 'order-key-below') {
      const orderKey = name('orderKey');
      condition = `attribute_not_exists(${orderKey}) OR ${orderKey} < ${value(write.condition.orderKey)}`;
    } else if (write.condition?.kind === 'current-statement-is') {
      condition = `${name('statement')}.${name('statementId')} = ${value(write.condition.statementId)}`;
    } else if (write.condition?.kind === 'not-resolved') {
      condition = `attribute_not_exists(${name('resolved')})`;
    }
    const common = {
      TableName: this.#tableName,
      Key: write.key,
      ...(condition ? { ConditionExpression: condition } : {}),
    };
    if (write.op === 'delete') {
      await this.#conditionally(() =>
        this.#client.send(
          new DeleteCommand({
            ...common,
            ...(condition ? { ExpressionAttributeNames: names, ExpressionAttributeValues: values } : {}),
          }),
        ),
      );
      return;
    }
    const clauses: string[] = [];
    const set = Object.entries(write.set ?? {});
    if (set.length > 0)
      clauses.push(`SET ${set.map(([field, content]) => `${name(field)} = ${value(content)}`).join(', ')}`);
    if (write.remove?.length) clauses.push(`REMOVE ${write.remove.map(name).join(', ')}`);
    const add = Object.entries(write.add ?? {});
    if (add.length > 0)
      clauses.push(`ADD ${add.map(([field, content]) => `${name(field)} ${value(content)}`).join(', ')}`);
    const remove = Object.entries(write.delete ?? {});
    if (remove.length > 0) {
      clauses.push(`DELETE ${remove.map(([field, content]) => `${name(field)} ${value(content)}`).join(', ')}`);
    }
    await this.#conditionally(() =>
      this.#client.send(
        new UpdateCommand({
          ...common,
          UpdateExpression: clauses.join(' '),
          ExpressionAttributeNames: names,
          ...(Object.keys(values).length > 0 ? { ExpressionAttributeValues: values } : {}),
        }),
      ),
    );
  }

  /** A failed condition means the view already holds something at least as recent: not an error. */
  async #conditionally(call: () => Promise<unknown>): Promise<void> {
    try {
      await call();
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return;
      throw translateAwsError(error, 'updateViews');
    }
  }

  async #deleteAll(keys: Record<string, unknown>[]): Promise<void> {
    let pending = keys.map((Key) => ({ DeleteRequest: { Key } }));
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 8) throw translateAwsError(new Error('unprocessed deletes after retries'), 'clearViews');
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
      const response = await this.#send('clearViews', () =>
        this.#client.send(new BatchWriteCommand({ RequestItems: { [this.#tableName]: pending } })),
      );
      pending = (response.UnprocessedItems?.[this.#tableName] as typeof pending | undefined) ?? [];
    }
  }

  // ----- reads -----

  /**
   * One page of a list: its partitions in order, each read in sort-key or index order. Queries go
   * on until the page is full, the walk ends, or MAX_QUERIES_PER_PAGE is reached; the cursor is
   * the partition and last evaluated key where it stopped, so no item is skipped or repeated
   * across pages.
   */
  async #list<T>(spec: ListSpec, request: PageRequest, toItem: (item: Item) => T): Promise<Page<T>> {
    const limit = pageSizeOf(request.limit);
    const probe = spec.read('');
    const partitionKey = probe.index?.partitionKey ?? PK;
    const cursor = decodeCursor(request.cursor, {
      owns: spec.owns,
      partitionKey,
      keys: probe.index ? [PK, SK, partitionKey, OSK] : [PK, SK],
    });
    let partition = cursor ? cursor.p : await spec.nextPartition(undefined);
    let startKey: Record<string, unknown> | undefined = cursor?.k;
    if (cursor && !cursor.k) partition = await spec.nextPartition(cursor.p);
    const items: T[] = [];
    for (let queries = 0; partition !== undefined && queries < MAX_QUERIES_PER_PAGE; queries++) {
      const read = spec.read(partition);
      const condition = read.keyCondition;
      const input: QueryCommandInput = {
        TableName: this.#tableName,
        ...(read.index ? { IndexName: read.index.name } : {}),
        KeyConditionExpression: `#pk = :pk${condition ? ` AND ${condition.expression}` : ''}`,
        ExpressionAttributeNames: { '#pk': partitionKey, ...condition?.names, ...read.filter?.names },
        ExpressionAttributeValues: { ':pk': partition, ...condition?.values, ...read.filter?.values },
        ...(read.filter ? { FilterExpression: read.filter.expression } : {}),
        ScanIndexForward: read.forward,
        Limit: limit - items.length,
        ExclusiveStartKey: startKey,
      };
      const response = await this.#send('readViews', () => this.#client.send(new QueryCommand(input)));
      const found = read.index ? await this.#itemsOf(response.Items ?? [], read) : (response.Items ?? []);
      for (const item of found) items.push(toItem(item));
      startKey = response.LastEvaluatedKey;
      if (!startKey) partition = await spec.nextPartition(partition);
      if (items.length >= limit) break;
    }
    if (partition === undefined) return { items };
    return {
      items,
      next: encodeCursor(startKey ? { p: partition, k: startKey as Record<string, string> } : { p: partition }),
    };
  }

  /** The items a page of keys-only index entries stands for, in the index's order (one BatchGetItem per 100). */
  async #itemsOf(entries: Item[], read: PartitionRead): Promise<Item[]> {
    const keys = entries.map((entry) =>
      read.itemOf ? read.itemOf(entry) : { pk: String(entry[PK]), sk: String(entry[SK]) },
    );
    const found = new Map<string, Item>();
    for (let index = 0; index < keys.length; index += 100) {
      let pending: Record<string, unknown>[] = keys
        .slice(index, index + 100)
        .map((key) => ({ [PK]: key.pk, [SK]: key.sk }));
      for (let attempt = 0; pending.length > 0; attempt++) {
        if (attempt > 8) throw translateAwsError(new Error('unprocessed reads after retries'), 'readViews');
        if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 20 * 2 ** attempt));
        const response = await this.#send('readViews', () =>
          this.#client.send(new BatchGetCommand({ RequestItems: { [this.#tableName]: { Keys: pending } } })),
        );
        for (const item of response.Responses?.[this.#tableName] ?? []) found.set(`${item[PK]}\u0000${item[SK]}`, item);
        pending = (response.UnprocessedKeys?.[this.#tableName]?.Keys as typeof pending | undefined) ?? [];
      }
    }
    const keep = read.keep ?? (() => true);
    return keys.flatMap((key) => {
      const item = found.get(`${key.pk}\u0000${key.sk}`);
      return item && keep(item) ? [item] : [];
    });
  }

  /**
   * Walks the actors in order (those with `topic` when given): each call returns the actor after
   * `after`. Reads the actors partition 100 at a time and keeps what it read for the next calls.
   */
  #actorsWalk(topic: string | undefined): (after: string | undefined) => Promise<string | undefined> {
    let buffered: string[] = [];
    let exhausted = false;
    let handedOut: string | undefined | null = null;
    return async (after) => {
      if (handedOut !== null && after === handedOut && (buffered.length > 0 || exhausted)) {
        handedOut = buffered.shift();
        return handedOut;
      }
      let from = after;
      for (;;) {
        const page = await this.#send('readViews', () =>
          this.#client.send(
            new QueryCommand({
              TableName: this.#tableName,
              KeyConditionExpression: `#pk = :pk${from !== undefined ? ' AND #sk > :after' : ''}`,
              ExpressionAttributeNames: {
                '#pk': PK,
                '#sk': SK,
                ...(topic !== undefined ? { '#topics': 'topics' } : {}),
              },
              ExpressionAttributeValues: {
                ':pk': viewKeys.actorsPartition,
                ...(from !== undefined ? { ':after': from } : {}),
                ...(topic !== undefined ? { ':topic': topic } : {}),
              },
              ...(topic !== undefined ? { FilterExpression: 'contains(#topics, :topic)' } : {}),
              ProjectionExpression: '#sk',
              Limit: 100,
            }),
          ),
        );
        buffered = (page.Items ?? []).map((item) => String(item[SK]));
        exhausted = page.LastEvaluatedKey === undefined;
        if (buffered.length > 0 || exhausted) break;
        from = String(page.LastEvaluatedKey?.[SK]); // a whole page filtered out: go on after it
      }
      handedOut = buffered.shift();
      return handedOut;
    };
  }

  /** The newest month holding contradictions before `month` (the newest of all when undefined). */
  async #monthBefore(month: string | undefined): Promise<string | undefined> {
    const page = await this.#send('readViews', () =>
      this.#client.send(
        new QueryCommand({
          TableName: this.#tableName,
          KeyConditionExpression: `#pk = :pk${month !== undefined ? ' AND #sk < :month' : ''}`,
          ExpressionAttributeNames: { '#pk': PK, ...(month !== undefined ? { '#sk': SK } : {}) },
          ExpressionAttributeValues: {
            ':pk': viewKeys.contradictionMonthsPartition,
            ...(month !== undefined ? { ':month': month } : {}),
          },
          ScanIndexForward: false,
          Limit: 1,
        }),
      ),
    );
    const item = page.Items?.[0];
    return item ? String(item[SK]) : undefined;
  }

  async #send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translateAwsError(error, operation);
    }
  }
}

/** A list of one partition. */
const singlePartition = (partition: string, read: () => PartitionRead): ListSpec => ({
  nextPartition: async (after) => (after === undefined ? partition : undefined),
  owns: (candidate) => candidate === partition,
  read,
});

/** What a once-write does, as a string: two equal ones leave the item the same. */
const fingerprintOf = (write: Extract<ItemWrite, { op: 'update' }>): string =>
  JSON.stringify([
    write.key,
    write.set ?? {},
    Object.entries(write.add ?? {}).map(([field, values]) => [field, [...values].sort()]),
  ]);
