import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, PutCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import { currentSchemaVersion, type DomainEvent, validateEventData } from '../../../events/registry';
import { ConcurrencyError, DocumentTooLargeError, ValidationError } from '../../errors';
import type { Clock } from '../../ports/clock';
import type {
  AppendOptions,
  AppendResult,
  CommitPage,
  EventStore,
  NewEvent,
  StoredCommit,
  StreamPage,
  StreamPageRequest,
  StreamPosition,
  StreamRead,
} from '../../ports/event-store';
import type { IdGenerator } from '../../ports/id-generator';
import { translateAwsError } from '../aws-error-translation';
import {
  type CommitItem,
  decodeCommitItem,
  encodeStoredEvents,
  eventsOfStored,
  type StoredEventAttributes,
} from './commit-item';
import { CommitLogReader } from './commit-log-reader';
import { assertGlobalShards, DEFAULT_GLOBAL_SHARDS, EVENT_TABLE_KEYS, globalPartitionOf } from './event-table';

const { partitionKey: PK, sortKey: SK } = EVENT_TABLE_KEYS;

/** DynamoDB refuses items over 400 KB; keep a margin for attribute names and overhead. */
const MAX_COMMIT_ITEM_BYTES = 390 * 1024;

export interface DynamoEventStoreOptions {
  client: DynamoDBDocumentClient;
  tableName: string;
  clock: Clock;
  ids: IdGenerator;
  /**
   * Shards of the global index (default DEFAULT_GLOBAL_SHARDS): every writer and reader of one
   * table must use the same count, or readers a larger one (docs/event-store.md, "Global order").
   */
  globalShards?: number;
}

interface StreamHead {
  commit: number;
  version: number;
}

/**
 * Event store on the DynamoDB API, one item per commit: an append of several events is a single
 * conditional PutItem (`attribute_not_exists(pk)` on the next commit number), so it is atomic on
 * DynamoDB and on dynalite alike without TransactWriteItems. See docs/event-store.md.
 */
export class DynamoEventStore implements EventStore {
  readonly #client: DynamoDBDocumentClient;
  readonly #tableName: string;
  readonly #clock: Clock;
  readonly #ids: IdGenerator;
  readonly #log: CommitLogReader;
  readonly #globalShards: number;

  constructor(options: DynamoEventStoreOptions) {
    this.#globalShards = assertGlobalShards(options.globalShards ?? DEFAULT_GLOBAL_SHARDS);
    this.#log = new CommitLogReader(options.client, options.tableName, this.#globalShards);
    this.#client = options.client;
    this.#tableName = options.tableName;
    this.#clock = options.clock;
    this.#ids = options.ids;
  }

  async appendToStream(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options: AppendOptions = {},
  ): Promise<AppendResult> {
    if (events.length === 0) throw new ValidationError('appendToStream needs at least one event');
    if (!Number.isInteger(expectedVersion) || expectedVersion < 0) {
      throw new ValidationError(`expectedVersion must be a whole number ≥ 0, got ${expectedVersion}`);
    }
    for (const event of events) validateEventData(event.type, event.data);

    // A new stream needs no read: commit 1 either does not exist yet or the stream is taken; nor
    // does a caller that just read the stream (the condition below catches a stale read).
    const head =
      expectedVersion === 0
        ? { commit: 0, version: 0 }
        : options.readHead?.version === expectedVersion
          ? options.readHead
          : await this.#readHead(streamId);
    if (head.version !== expectedVersion) {
      return this.#alreadyStoredOrConflict(streamId, expectedVersion, events, { commit: 0, version: 0 });
    }

    const { item, stored } = this.#commitItem(streamId, head, events);
    this.#assertFits(item);
    try {
      await this.#client.send(
        new PutCommand({
          TableName: this.#tableName,
          Item: item,
          ConditionExpression: 'attribute_not_exists(#pk)',
          ExpressionAttributeNames: { '#pk': PK },
        }),
      );
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) {
        // The stream did end at `head` (its commit holds expectedVersion): only what follows it matters.
        return this.#alreadyStoredOrConflict(streamId, expectedVersion, events, head);
      }
      throw translateAwsError(error, 'appendToStream');
    }
    return {
      streamId,
      nextExpectedVersion: item.toVersion,
      commitId: item.commitId,
      commit: item.sk,
      alreadyStored: false,
      // From the attributes just written: no need to unzip what was zipped a moment ago.
      events: eventsOfStored(stored, streamId, item.recordedAt),
    };
  }

  async readStream(streamId: string, options: { after?: StreamPosition } = {}): Promise<StreamRead> {
    const after = options.after ?? { commit: 0, version: 0 };
    const commits = await this.#queryCommits(streamId, after.commit);
    const events = commits.flatMap((commit) => commit.events);
    return {
      streamId,
      version: events.at(-1)?.version ?? after.version,
      commit: commits.at(-1)?.commit ?? after.commit,
      events,
    };
  }

  async readStreamPage(streamId: string, request: StreamPageRequest): Promise<StreamPage> {
    const limit = Math.max(1, Math.trunc(request.limit));
    const afterVersion = request.afterVersion;
    // Without the commit to start from (a cursor from before pages carried it), the store skips
    // the commits that end at or before afterVersion itself: read, but not sent back.
    const seeking = request.fromCommit === undefined && afterVersion > 0;
    const events: DomainEvent[] = [];
    let lastCommit = request.fromCommit ?? 0;
    let more = false;
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.#send('readStreamPage', () =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: '#pk = :pk AND #sk >= :from',
            ...(seeking ? { FilterExpression: '#to > :after' } : {}),
            ExpressionAttributeNames: { '#pk': PK, '#sk': SK, ...(seeking ? { '#to': 'toVersion' } : {}) },
            ExpressionAttributeValues: {
              ':pk': streamId,
              ':from': Math.max(request.fromCommit ?? 1, 1),
              ...(seeking ? { ':after': afterVersion } : {}),
            },
            ConsistentRead: true,
            // Every commit holds at least one event: the first may be partly read already, so
            // limit + 2 commits fill the page and tell whether more follow.
            Limit: limit + 2,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) {
        const commit = decodeCommitItem(item);
        for (const event of commit.events) {
          if (event.version <= afterVersion) continue;
          if (events.length === limit) {
            more = true;
            break;
          }
          events.push(event);
          lastCommit = commit.commit;
        }
        if (more) break;
      }
      startKey = page.LastEvaluatedKey;
    } while (startKey && !more);
    return { events, lastCommit, more };
  }

  async readAll(options: { after?: string; limit?: number } = {}): Promise<CommitPage> {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 100);
    const items = await this.#log.read(options.after, undefined, limit);
    const commits = items.map(decodeCommitItem);
    const last = commits.at(-1);
    return commits.length === limit && last ? { commits, next: last.commitId } : { commits };
  }

  async #readHead(streamId: string): Promise<StreamHead> {
    const response = await this.#send('appendToStream', () =>
      this.#client.send(
        new QueryCommand({
          TableName: this.#tableName,
          KeyConditionExpression: '#pk = :pk AND #sk > :zero',
          ExpressionAttributeNames: { '#pk': PK, '#sk': SK, '#to': 'toVersion' },
          ExpressionAttributeValues: { ':pk': streamId, ':zero': 0 },
          ProjectionExpression: '#sk, #to',
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      ),
    );
    const item = response.Items?.[0];
    return item ? { commit: Number(item[SK]), version: Number(item.toVersion) } : { commit: 0, version: 0 };
  }

  async #queryCommits(streamId: string, afterCommit = 0): Promise<StoredCommit[]> {
    const commits: StoredCommit[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const page = await this.#send('readStream', () =>
        this.#client.send(
          new QueryCommand({
            TableName: this.#tableName,
            KeyConditionExpression: '#pk = :pk AND #sk > :after',
            ExpressionAttributeNames: { '#pk': PK, '#sk': SK },
            ExpressionAttributeValues: { ':pk': streamId, ':after': afterCommit },
            ConsistentRead: true,
            ExclusiveStartKey: startKey,
          }),
        ),
      );
      for (const item of page.Items ?? []) commits.push(decodeCommitItem(item));
      startKey = page.LastEvaluatedKey;
    } while (startKey);
    return commits;
  }

  /**
   * The condition failed or the head moved: if our eventIds sit right after expectedVersion, an
   * earlier attempt of this same append (a retry after a timeout) already stored them. `from` is a
   * point at or before expectedVersion: only the commits after it are read (a conflict on a long
   * stream costs its new commits, not the whole stream).
   */
  async #alreadyStoredOrConflict(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    from: StreamHead,
  ): Promise<AppendResult> {
    const commits = await this.#queryCommits(streamId, from.commit);
    const storedEvents = commits.flatMap((commit) => commit.events);
    const stored = storedEvents.filter((event) => event.version > expectedVersion).slice(0, events.length);
    const sameEvents =
      stored.length === events.length && stored.every((event, index) => event.eventId === events[index]?.eventId);
    if (sameEvents) {
      const lastEventId = stored.at(-1)?.eventId;
      const holding = commits.find((commit) => commit.events.some((event) => event.eventId === lastEventId));
      return {
        streamId,
        nextExpectedVersion: expectedVersion + events.length,
        commitId: holding?.commitId ?? '',
        commit: holding?.commit ?? 0,
        alreadyStored: true,
        events: stored,
      };
    }
    throw new ConcurrencyError(streamId, expectedVersion, storedEvents.at(-1)?.version ?? from.version);
  }

  #commitItem(
    streamId: string,
    head: StreamHead,
    events: readonly NewEvent[],
  ): { item: CommitItem; stored: StoredEventAttributes[] } {
    const commitId = this.#ids.next();
    const stored: StoredEventAttributes[] = events.map((event, index) => ({
      eventId: event.eventId,
      type: event.type,
      schemaVersion: currentSchemaVersion(event.type),
      version: head.version + index + 1,
      occurredAt: event.occurredAt,
      correlationId: event.correlationId,
      causationId: event.causationId,
      data: event.data,
    }));
    const item = {
      [PK]: streamId,
      [SK]: head.commit + 1,
      [EVENT_TABLE_KEYS.globalPartitionKey]: globalPartitionOf(streamId, this.#globalShards),
      [EVENT_TABLE_KEYS.globalSortKey]: commitId,
      commitId,
      recordedAt: this.#clock.now().toISOString(),
      fromVersion: head.version + 1,
      toVersion: head.version + events.length,
      eventTypes: new Set(events.map((event) => event.type)),
      eventsZ1: encodeStoredEvents(stored),
    } as CommitItem;
    return { item, stored };
  }

  #assertFits(item: CommitItem): void {
    const { eventsZ1, ...keys } = item;
    const bytes =
      Buffer.byteLength(JSON.stringify({ ...keys, eventTypes: [...item.eventTypes] }), 'utf8') +
      (eventsZ1?.byteLength ?? 0);
    if (bytes > MAX_COMMIT_ITEM_BYTES) {
      throw new DocumentTooLargeError(
        `the commit for ${item.pk} would be ${bytes} bytes; DynamoDB items are limited to 400 KB`,
        { details: { bytes, limit: MAX_COMMIT_ITEM_BYTES } },
      );
    }
  }

  async #send<T>(operation: string, call: () => Promise<T>): Promise<T> {
    try {
      return await call();
    } catch (error) {
      throw translateAwsError(error, operation);
    }
  }
}
