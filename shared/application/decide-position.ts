import type { DomainEvent } from '../../events/registry';
import { type CommandSource, decide, type PositionCommand, type PositionDecision } from '../domain/positions/decide';
import { foldOnto, type PositionState, rehydrate } from '../domain/positions/position-state';
import { positionStreamId } from '../domain/stream-ids';
import { toTimestamp } from '../domain/timestamps';
import type { EventStore, NewEvent, StreamPosition } from '../ports/event-store';
import type { IdGenerator } from '../ports/id-generator';
import { handleCommand } from './handle-command';
import type { PositionStateCache } from './position-state-cache';

export interface PositionDecisionDependencies {
  eventStore: EventStore;
  ids: IdGenerator;
  /** Attempts when other writers keep moving the stream (default 6). */
  maxAttempts?: number;
  /** Waits between attempts; tests pass a no-op. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Folded states kept between decisions, so a long stream is not read whole every time. */
  positionCache?: PositionStateCache;
}

export interface PositionDecisionOutcome {
  streamId: string;
  /** What was appended (empty: nothing to decide, or already decided). */
  events: DomainEvent[];
  attempts: number;
}

export const positionStreamOf = (command: PositionCommand): string => {
  const subject = command.type === 'ApplyStatement' ? command.statement : command.retraction;
  return positionStreamId(subject.actor, subject.topic, subject.proposition);
};

/**
 * Loads the position stream (only the commits after the cached fold, when there is one), decides,
 * and appends with the version it read. Another writer in between gives a ConcurrencyError: forget
 * the cached fold, reload and decide again (bounded; the last error is thrown so the stream record
 * is retried). A redelivered command finds its source already handled and appends nothing.
 */
export async function decideOnPosition(
  dependencies: PositionDecisionDependencies,
  command: PositionCommand,
): Promise<PositionDecisionOutcome> {
  const streamId = positionStreamOf(command);
  const outcome = await handleCommand({
    eventStore: dependencies.eventStore,
    streamId,
    load: () => loadPosition(dependencies, streamId),
    decide: (state) => toNewEvents(decide(state, command), command.source, dependencies.ids),
    // Whatever was cached may be what disagrees with the store: the next attempt reads it all.
    onConflict: () => dependencies.positionCache?.delete(streamId),
    policy: {
      ...(dependencies.maxAttempts !== undefined ? { maxAttempts: dependencies.maxAttempts } : {}),
      ...(dependencies.sleep ? { sleep: dependencies.sleep } : {}),
    },
  });
  return { streamId, events: outcome.events, attempts: outcome.attempts };
}

/** The position's state now: the cached fold carried on with the commits after it, or the whole stream. */
async function loadPosition(
  dependencies: PositionDecisionDependencies,
  streamId: string,
): Promise<{ state: PositionState; readTo: StreamPosition }> {
  const cached = dependencies.positionCache?.get(streamId);
  const read = await dependencies.eventStore.readStream(streamId, cached ? { after: cached.at } : {});
  const state = cached ? foldOnto(cached.state, read.events) : rehydrate(read.events);
  const readTo = { commit: read.commit, version: read.version };
  dependencies.positionCache?.set(streamId, { state, at: readTo });
  return { state, readTo };
}

/**
 * Wraps decisions in the envelope. occurredAt is when it happened in the world: the statement's
 * date for a position move, the later statement's date for a contradiction, the retraction's time
 * for a withdrawal.
 */
export function toNewEvents(
  decisions: readonly PositionDecision[],
  source: CommandSource,
  ids: IdGenerator,
): NewEvent[] {
  return decisions.map((decision): NewEvent => {
    const occurredAt =
      decision.type === 'ContradictionDetected'
        ? toTimestamp(decision.data.later.statedAt)
        : decision.type === 'StatementWithdrawn'
          ? source.occurredAt
          : toTimestamp(decision.data.statement.statedAt);
    return {
      eventId: ids.next(),
      occurredAt,
      correlationId: source.correlationId,
      causationId: source.eventId,
      ...decision,
    } as NewEvent;
  });
}
