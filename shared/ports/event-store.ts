import type { DomainEvent, EventDataOf, EventType } from '../../events/registry';

/** An event about to be appended; the store assigns streamId, version and recordedAt. */
export type NewEvent<T extends EventType = EventType> = {
  [K in T]: {
    eventId: string;
    type: K;
    occurredAt: string;
    correlationId: string;
    causationId: string | null;
    data: EventDataOf<K>;
  };
}[T];

export interface AppendResult {
  streamId: string;
  /** The stream's version after the append: pass it as expectedVersion next time. */
  nextExpectedVersion: number;
  /** The commit's global id (a ULID): orders commits across streams for replay. */
  commitId: string;
  /** The commit's number within the stream (1-based): with nextExpectedVersion, where the stream now ends. */
  commit: number;
  /** True when these exact eventIds were already stored: nothing new was written. */
  alreadyStored: boolean;
  events: DomainEvent[];
}

export interface StreamRead {
  streamId: string;
  /** The stream's version at the end of the read; 0 when the stream does not exist. */
  version: number;
  /** The number of the last commit read (`after.commit` when nothing newer; 0: no stream). */
  commit: number;
  events: DomainEvent[];
}

/** A point already read in a stream: the last commit number and the version it ended at. */
export interface StreamPosition {
  commit: number;
  version: number;
}

/** One atomic append: the unit the store writes and the stream delivers. */
export interface StoredCommit {
  commitId: string;
  streamId: string;
  /** 1-based commit number within the stream. */
  commit: number;
  events: DomainEvent[];
}

export interface CommitPage {
  commits: StoredCommit[];
  /** Pass back as `after` to read on; absent at the end of the log. */
  next?: string;
}

/** Which events of a stream a page holds: those after `afterVersion`, at most `limit`. */
export interface StreamPageRequest {
  afterVersion: number;
  limit: number;
  /**
   * The commit that holds `afterVersion` (the previous page's `lastCommit`): the read starts
   * there. Without it the store finds the start itself (it may read the commits before it).
   */
  fromCommit?: number;
}

export interface StreamPage {
  /** Up to `limit` events, in version order, all after `afterVersion`. */
  events: DomainEvent[];
  /** The commit holding the last event returned (the request's `fromCommit` when none). */
  lastCommit: number;
  /** True when the stream holds events after the last one returned. */
  more: boolean;
}

export interface AppendOptions {
  /**
   * Where the caller's own read of the stream ended, when it just read it: the store may take it
   * as the head instead of reading the head again. A stale one is no risk: the conditional write
   * on the next commit fails and the append ends as a conflict (or as already stored).
   */
  readHead?: StreamPosition;
}

export interface EventStore {
  /**
   * Appends `events` to `streamId` atomically if the stream is at `expectedVersion` (0: the
   * stream must not exist yet). Throws ConcurrencyError otherwise, unless the same eventIds are
   * already stored at those versions: then it reports `alreadyStored` and writes nothing.
   */
  appendToStream(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult>;
  /**
   * The stream's events in version order; with `after`, only those of the commits after that
   * position (stored commits never change, so a reader that folded the stream up to a position
   * can carry on from there and read only the tail).
   */
  readStream(streamId: string, options?: { after?: StreamPosition }): Promise<StreamRead>;
  /**
   * One page of a stream's events, read from the store from `fromCommit` on and only as many
   * commits as the page needs (the API's pages cost the same at any depth of a long stream).
   */
  readStreamPage(streamId: string, request: StreamPageRequest): Promise<StreamPage>;
  /** All commits of all streams in commit-id order (see docs/event-store.md), for replay and audit. */
  readAll(options?: { after?: string; limit?: number }): Promise<CommitPage>;
}
