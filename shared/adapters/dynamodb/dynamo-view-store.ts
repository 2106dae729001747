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
} from './view-items';
import { VIEWS_TABLE_KEYS, viewKeys } from './views-table';

const { partitionKey: PK, sortKey: SK, orderSortKey: LSK, orderIndexName } = VIEWS_TABLE_KEYS;

/** A filtered list reads at most this many pages per call, then returns what it has and a cursor. */
const MAX_QUERIES_PER_PAGE = 10;

/** Items written at once by one apply() call. */
const WRITE_CONCURRENCY = 8;

export interface DynamoViewStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
}

/**
 * The read models on DynamoDB (dynalite in embedded mode); table design in views-table.ts. Every
 * update is idempotent: SETs of values carried by the event, ADD/DELETE on string sets, and the
 * current position as a register that only moves to a later-said statement (conditional write).
 */
export class DynamoViewStore implements ViewStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;

  constructor(options: DynamoViewStoreOptions) {
    this.#client = options.client;
    this.#tableName = options.tableName;
  }

  /**
   * Writes to one item go in order (consecutive ones merged into one request where that means
   * the same); different items are written in parallel (up to WRITE_CONCURRENCY), which is all
   * the ordering the views rely on (docs/positions.md).
   */
  async apply(updates: readonly ViewUpdate[]): Promise<void> {
    const byItem = new Map<string, ItemWrite[]>();
    for (const write of updates.flatMap(itemWritesOf)) {
      const key = `${write.key[PK]}\u0000${write.key[SK]}`;
      const queue = byItem.get(key);
      if (queue) queue.push(write);
      else byItem.set(key, [write]);
    }
    const queues = [...byItem.values()].map(coalesceWrites);
    const worker = async () => {
      for (let queue = queues.shift(); queue; queue = queues.shift()) {
        for (const write of queue) await this.#write(write);
      }
    };
    await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, queues.length) }, worker));
  }

  async clear(): Promise<void> {
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

  async listPositions(query: PositionQuery = {}): Promise<Page<PositionView>> {
    // One topic across actors: the order index holds positions by topic first.
    if (query.topic !== undefined && query.actor === undefined) {
      return this.#page(
        {
          partition: 'positions',
          useOrderIndex: true,
          forward: true,
          keyCondition: 'begins_with(#lsk, :prefix)',
          names: { '#lsk': LSK },
          values: { ':prefix': `${query.topic}#` },
        },
        query,
        toPositionView,
      );
    }
    const prefix = query.actor ? `${query.actor}#${query.topic ? `${query.topic}#` : ''}` : undefined;
    return this.#page(
      {
        partition: 'positions',
        useOrderIndex: false,
        forward: true,
        ...(prefix
          ? { keyCondition: 'begins_with(#sk, :prefix)', names: { '#sk': SK }, values: { ':prefix': prefix } }
          : {}),
      },
      query,
      toPositionView,
    );
  }

  async getTimeline(query: TimelineQuery): Promise<Page<TimelineEntry>> {
    return this.#page(
      {
        partition: viewKeys.timelinePartition(query.actor, query.topic),
        useOrderIndex: true,
        forward: query.order !== 'desc',
      },
      query,
      toTimelineEntry,
    );
  }

  async listContradictions(query: ContradictionQuery = {}): Promise<Page<ContradictionView>> {
    const [overall, byActor] = viewKeys.contradictionPartitions(query.actor ?? '');
    const filters: string[] = [];
    const names: Record<string, string> = {};
    const values: Record<string, unknown> = {};
    if (query.topic !== undefined) {
      filters.push('#topic = :topic');
      names['#topic'] = 'topic';
      values[':topic'] = query.topic;
    }
    if (!query.includeWithdrawn) {
      filters.push('#status = :active');
      names['#status'] = 'status';
      values[':active'] = 'active';
    }
    return this.#page(
      {
        partition: query.actor === undefined ? overall : byActor,
        useOrderIndex: true,
        forward: false,
        ...(query.since !== undefined
          ? { keyCondition: '#lsk >= :since', names: { '#lsk': LSK }, values: { ':since': sinceKeyOf(query.since) } }
          : {}),
        ...(filters.length > 0 ? { filter: { expression: filters.join(' AND '), names, values } } : {}),
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
          Key: { [PK]: 'contradictions', [SK]: contradictionId },
          ConsistentRead: true,
        }),
      ),
    );
    const item = response.Item;
    return item && isCompleteOrderedItem(item) ? toContradictionView(item) : undefined;
  }

  async listReviewQueue(query: PageRequest = {}): Promise<Page<ContradictionView>> {
    // Resolved entries have no order key, so the order index holds exactly the waiting ones; each
    // entry is a key, and the page is filled from the contradiction items (one BatchGet).
    const entries = await this.#page(
      { partition: viewKeys.reviewPartition, useOrderIndex: true, forward: true },
      query,
      (item) => String(item[SK]),
    );
    const found = new Map<string, ContradictionView>();
    for (let pending = entries.items.map((id) => ({ [PK]: 'contradictions', [SK]: id })); pending.length > 0; ) {
      const response = await this.#send('readViews', () =>
        this.#client.send(new BatchGetCommand({ RequestItems: { [this.#tableName]: { Keys: pending } } })),
      );
      for (const item of response.Responses?.[this.#tableName] ?? []) {
        if (isCompleteOrderedItem(item)) found.set(String(item[SK]), toContradictionView(item));
      }
      pending = (response.UnprocessedKeys?.[this.#tableName]?.Keys as typeof pending | undefined) ?? [];
    }
    const items = entries.items.flatMap((id) => found.get(id) ?? []);
    return entries.next ? { items, next: entries.next } : { items };
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
    return this.#page({ partition: 'actors', useOrderIndex: false, forward: true }, query, toActorView);
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
   * One page of a partition, in sort-key or order-index order. With a filter, queries go on until
   * the page is full, the partition ends, or MAX_QUERIES_PER_PAGE is reached; the cursor is the
   * last evaluated key, so no item is skipped or repeated across pages.
   */
  async #page<T>(
    spec: {
      partition: string;
      useOrderIndex: boolean;
      forward: boolean;
      keyCondition?: string;
      names?: Record<string, string>;
      values?: Record<string, unknown>;
      filter?: { expression: string; names: Record<string, string>; values: Record<string, unknown> };
    },
    request: PageRequest,
    toItem: (item: Record<string, unknown>) => T,
  ): Promise<Page<T>> {
    const limit = pageSizeOf(request.limit);
    const cursorKeys = spec.useOrderIndex ? [PK, SK, LSK] : [PK, SK];
    let startKey: Record<string, unknown> | undefined = decodeCursor(request.cursor, {
      partitionKey: PK,
      partitionValue: spec.partition,
      keys: cursorKeys,
    });
    const items: T[] = [];
    for (let queries = 0; queries < MAX_QUERIES_PER_PAGE; queries++) {
      const input: QueryCommandInput = {
        TableName: this.#tableName,
        ...(spec.useOrderIndex ? { IndexName: orderIndexName } : {}),
        KeyConditionExpression: `#pk = :pk${spec.keyCondition ? ` AND ${spec.keyCondition}` : ''}`,
        ExpressionAttributeNames: { '#pk': PK, ...spec.names, ...spec.filter?.names },
        ExpressionAttributeValues: { ':pk': spec.partition, ...spec.values, ...spec.filter?.values },
        ...(spec.filter ? { FilterExpression: spec.filter.expression } : {}),
        ScanIndexForward: spec.forward,
        Limit: limit - items.length,
        ExclusiveStartKey: startKey,
      };
      const response = await this.#send('readViews', () => this.#client.send(new QueryCommand(input)));
      for (const item of response.Items ?? []) items.push(toItem(item));
      startKey = response.LastEvaluatedKey;
      if (!startKey || items.length >= limit) break;
    }
    return startKey ? { items, next: encodeCursor(startKey) } : { items };
  }

  async #send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translateAwsError(error, operation);
    }
  }
}
