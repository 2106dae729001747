import { currentSchemaVersion, type DomainEvent, parseEvent, validateEventData } from '../../events/registry';
import { ConcurrencyError } from '../../shared/errors';
import type { Clock } from '../../shared/ports/clock';
import type {
  AppendResult,
  CommitPage,
  EventStore,
  NewEvent,
  StoredCommit,
  StreamPage,
  StreamPageRequest,
  StreamPosition,
  StreamRead,
} from '../../shared/ports/event-store';
import { createUlidGenerator, type IdGenerator } from '../../shared/ports/id-generator';
import { fixedClock } from './event-factory';

/**
 * The EventStore contract in memory, for fast domain and property tests: optimistic concurrency,
 * `alreadyStored` for re-appended eventIds, readAll in commit order. `onCommit` lets a test play
 * the stream (deliver commits to a handler) the way DynamoDB Streams would.
 */
export class MemoryEventStore implements EventStore {
  readonly log: StoredCommit[] = [];
  readonly #streams = new Map<string, StoredCommit[]>();
  readonly #clock: Clock;
  readonly #ids: IdGenerator;
  /** Appends to fail with a ConcurrencyError before they are tried (simulated racing writers). */
  conflictsToInject = 0;

  constructor(options: { clock?: Clock; ids?: IdGenerator } = {}) {
    this.#clock = options.clock ?? fixedClock();
    this.#ids = options.ids ?? createUlidGenerator();
  }

  async appendToStream(streamId: string, expectedVersion: number, events: readonly NewEvent[]): Promise<AppendResult> {
    for (const event of events) validateEventData(event.type, event.data);
    const commits = this.#streams.get(streamId) ?? [];
    const stored = commits.flatMap((commit) => commit.events);
    if (this.conflictsToInject > 0) {
      this.conflictsToInject--;
      throw new ConcurrencyError(streamId, expectedVersion, stored.length + 1);
    }
    if (stored.length !== expectedVersion) {
      const same = stored.slice(expectedVersion, expectedVersion + events.length);
      if (same.length === events.length && same.every((event, index) => event.eventId === events[index]?.eventId)) {
        const lastEventId = same.at(-1)?.eventId;
        const holding = commits.find((commit) => commit.events.some((event) => event.eventId === lastEventId));
        return {
          streamId,
          nextExpectedVersion: expectedVersion + events.length,
          commitId: holding?.commitId ?? '',
          commit: holding?.commit ?? 0,
          alreadyStored: true,
          events: same,
        };
      }
      throw new ConcurrencyError(streamId, expectedVersion, stored.length);
    }
    const commitId = this.#ids.next();
    const recordedAt = this.#clock.now().toISOString();
    const commit: StoredCommit = {
      commitId,
      streamId,
      commit: commits.length + 1,
      events: events.map((event, index) =>
        parseEvent({
          ...event,
          schemaVersion: currentSchemaVersion(event.type),
          streamId,
          version: expectedVersion + index + 1,
          recordedAt,
        }),
      ),
    };
    this.#streams.set(streamId, [...commits, commit]);
    this.log.push(commit);
    return {
      streamId,
      nextExpectedVersion: expectedVersion + events.length,
      commitId,
      commit: commit.commit,
      alreadyStored: false,
      events: commit.events,
    };
  }

  async readStream(streamId: string, options: { after?: StreamPosition } = {}): Promise<StreamRead> {
    const after = options.after ?? { commit: 0, version: 0 };
    const commits = (this.#streams.get(streamId) ?? []).filter((commit) => commit.commit > after.commit);
    const events: DomainEvent[] = commits.flatMap((commit) => commit.events);
    return {
      streamId,
      version: events.at(-1)?.version ?? after.version,
      commit: commits.at(-1)?.commit ?? after.commit,
      events,
    };
  }

  async readStreamPage(streamId: string, request: StreamPageRequest): Promise<StreamPage> {
    const commits = (this.#streams.get(streamId) ?? []).filter((commit) => commit.commit >= (request.fromCommit ?? 1));
    const after = commits.flatMap((commit) => commit.events.filter((event) => event.version > request.afterVersion));
    const events = after.slice(0, request.limit);
    const last = events.at(-1);
    const lastCommit = last
      ? (commits.find((commit) => commit.events.includes(last))?.commit ?? 0)
      : (request.fromCommit ?? 0);
    return { events, lastCommit, more: after.length > events.length };
  }

  async readAll(options: { after?: string; limit?: number } = {}): Promise<CommitPage> {
    const limit = Math.min(Math.max(options.limit ?? 100, 1), 100);
    const after = options.after;
    const rest = after === undefined ? this.log : this.log.filter((commit) => commit.commitId > after);
    const commits = rest.slice(0, limit);
    const last = commits.at(-1);
    return rest.length > limit && last ? { commits, next: last.commitId } : { commits };
  }
}
