import type { DomainEvent } from '../../events/registry';
import { isConcurrencyError } from '../errors';
import type { EventStore, NewEvent, StreamPosition } from '../ports/event-store';

/** How a command retries when another writer moved its stream between its read and its append. */
export interface RetryPolicy {
  /** Attempts in all (default 6). The last ConcurrencyError is thrown when they run out. */
  maxAttempts?: number;
  /** Waits between attempts (jittered, doubling); tests pass a no-op. */
  sleep?: (milliseconds: number) => Promise<void>;
}

/** A stream folded into the state a decision needs, and where the read ended. */
export interface LoadedStream<S> {
  state: S;
  readTo: StreamPosition;
}

export interface Command<S> {
  eventStore: EventStore;
  streamId: string;
  /** Reads and folds the stream (`loadStream` for the whole of it; a cache may read only its tail). */
  load: () => Promise<LoadedStream<S>>;
  /** Pure: what to append given the state (nothing: the command is already done, or has no effect). */
  decide: (state: S) => NewEvent[];
  /** After a conflict, before the next attempt: forget whatever was cached. */
  onConflict?: () => void;
  policy?: RetryPolicy;
}

export interface CommandOutcome<S> {
  /** What was appended (empty: nothing to decide). */
  events: DomainEvent[];
  /** The state the decision was taken on. */
  state: S;
  /** Where the stream ends after the commit this call wrote (absent: nothing written, or already stored). */
  appendedAt?: StreamPosition;
  attempts: number;
}

const defaultSleep = (milliseconds: number) => new Promise<void>((resolve) => setTimeout(resolve, milliseconds));

/**
 * The one way every command writes: read the stream and fold it, decide, append with the version
 * read; when another writer got there first (ConcurrencyError), reload and decide again, a bounded
 * number of times with a short jittered backoff. One policy for positions, documents and verdicts.
 */
export async function handleCommand<S>(command: Command<S>): Promise<CommandOutcome<S>> {
  const maxAttempts = command.policy?.maxAttempts ?? 6;
  const sleep = command.policy?.sleep ?? defaultSleep;
  for (let attempt = 1; ; attempt++) {
    const { state, readTo } = await command.load();
    const events = command.decide(state);
    if (events.length === 0) return { events: [], state, attempts: attempt };
    try {
      const appended = await command.eventStore.appendToStream(command.streamId, readTo.version, events, {
        readHead: readTo,
      });
      return {
        events: appended.events,
        state,
        ...(appended.alreadyStored
          ? {}
          : { appendedAt: { commit: appended.commit, version: appended.nextExpectedVersion } }),
        attempts: attempt,
      };
    } catch (error) {
      command.onConflict?.();
      if (!isConcurrencyError(error) || attempt >= maxAttempts) throw error;
      await sleep(Math.random() * 10 * 2 ** attempt);
    }
  }
}

/** Reads a whole stream and folds it with `evolve` from `initial`. */
export function loadStream<S>(
  eventStore: EventStore,
  streamId: string,
  initial: S,
  evolve: (state: S, event: DomainEvent) => S,
): () => Promise<LoadedStream<S>> {
  return async () => {
    const read = await eventStore.readStream(streamId);
    return { state: read.events.reduce(evolve, initial), readTo: { commit: read.commit, version: read.version } };
  };
}
