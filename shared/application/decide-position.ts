import type { DomainEvent } from '../../events/registry';
import type { StrengthPolicy } from '../domain/alerts/alert-strength';
import { type CommandSource, decide, type PositionCommand, type PositionDecision } from '../domain/positions/decide';
import { fromSnapshotState, POSITION_SNAPSHOT_SCHEMA, toSnapshotState } from '../domain/positions/position-snapshot';
import { foldOnto, type PositionState, rehydrate } from '../domain/positions/position-state';
import { positionStreamId } from '../domain/stream-ids';
import { toTimestamp } from '../domain/timestamps';
import type { EventStore, NewEvent, StreamPosition } from '../ports/event-store';
import type { IdGenerator } from '../ports/id-generator';
import type { SnapshotStore } from '../ports/snapshot-store';
import { handleCommand } from './handle-command';
import type { FoldedPosition, PositionStateCache } from './position-state-cache';

/** A snapshot with every commit of a position stream whose number is a multiple of this, by default. */
export const DEFAULT_SNAPSHOT_EVERY = 500;

export interface PositionDecisionDependencies {
  eventStore: EventStore;
  ids: IdGenerator;
  /** Attempts when other writers keep moving the stream (default 6). */
  maxAttempts?: number;
  /** Waits between attempts; tests pass a no-op. */
  sleep?: (milliseconds: number) => Promise<void>;
  /** Folded states kept between decisions, so a long stream is not read whole every time. */
  positionCache?: PositionStateCache;
  /**
   * Stored folds of position streams (docs/event-store.md, Snapshots): a decision with nothing
   * cached starts from the latest and reads only the commits after it.
   */
  snapshots?: SnapshotStore;
  /** The decision that writes commit k × snapshotEvery also stores a snapshot (default 500). */
  snapshotEvery?: number;
  /** Told when a snapshot could not be stored: the decision stands, the next snapshot is due later. */
  onSnapshotError?: (streamId: string, error: unknown) => void;
  /** Which contradictions are strong, i.e. alerted at once (default DEFAULT_STRENGTH_POLICY; docs/positions.md). */
  strengthPolicy?: StrengthPolicy;
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
 * Loads the position stream (from the cached fold, else from its snapshot, else from the start;
 * then only the commits after that point), decides, and appends with the version it read. Another
 * writer in between gives a ConcurrencyError: reload (the fold read so far stays true: stored
 * commits never change, so only the commits after it are read) and decide again, bounded; the last
 * error is thrown so the stream record is retried. A redelivered command finds its source already
 * handled and appends nothing. The decision that writes every `snapshotEvery`-th commit stores a
 * snapshot of the fold after it.
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
    decide: (state) =>
      toNewEvents(decide(state, command, dependencies.strengthPolicy), command.source, dependencies.ids),
    policy: {
      ...(dependencies.maxAttempts !== undefined ? { maxAttempts: dependencies.maxAttempts } : {}),
      ...(dependencies.sleep ? { sleep: dependencies.sleep } : {}),
    },
  });
  if (outcome.appendedAt) {
    await keepFold(dependencies, streamId, outcome.state, outcome.events, outcome.appendedAt);
  }
  return { streamId, events: outcome.events, attempts: outcome.attempts };
}

/** The position's state now: the cached fold or the snapshot carried on with the commits after it, or the whole stream. */
async function loadPosition(
  dependencies: PositionDecisionDependencies,
  streamId: string,
): Promise<{ state: PositionState; readTo: StreamPosition }> {
  const start = dependencies.positionCache?.get(streamId) ?? (await readSnapshot(dependencies, streamId));
  const read = await dependencies.eventStore.readStream(streamId, start ? { after: start.at } : {});
  const state = !start
    ? rehydrate(read.events)
    : read.events.length === 0
      ? start.state
      : foldOnto(start.state, read.events);
  const readTo = { commit: read.commit, version: read.version };
  dependencies.positionCache?.set(streamId, { state, at: readTo });
  return { state, readTo };
}

/** The stream's snapshot as a fold to start from, unless there is none this fold can use. */
async function readSnapshot(
  dependencies: PositionDecisionDependencies,
  streamId: string,
): Promise<FoldedPosition | undefined> {
  const snapshot = await dependencies.snapshots?.readSnapshot(streamId);
  const state = snapshot && fromSnapshotState(snapshot.schema, snapshot.state);
  return snapshot && state ? { state, at: snapshot.at } : undefined;
}

/**
 * After this decision wrote commit `at`: the fold now ends there (the decided-on state plus what
 * was appended). Cached, so the next decision reads nothing it wrote itself; stored as a snapshot
 * when `at` is a multiple of snapshotEvery. A snapshot that fails to store is reported, never
 * thrown: the events are stored, and a lost snapshot costs only reads.
 */
async function keepFold(
  dependencies: PositionDecisionDependencies,
  streamId: string,
  decidedOn: PositionState,
  appended: readonly DomainEvent[],
  at: StreamPosition,
): Promise<void> {
  const every = Math.max(1, Math.trunc(dependencies.snapshotEvery ?? DEFAULT_SNAPSHOT_EVERY));
  const snapshots = at.commit % every === 0 ? dependencies.snapshots : undefined;
  if (!dependencies.positionCache && !snapshots) return;
  const state = foldOnto(decidedOn, appended);
  // Every appended event is a position event, so the fold's version is the stream's: if not, keep nothing.
  if (state.version !== at.version) return;
  dependencies.positionCache?.set(streamId, { state, at });
  if (!snapshots) return;
  try {
    await snapshots.writeSnapshot({ streamId, schema: POSITION_SNAPSHOT_SCHEMA, at, state: toSnapshotState(state) });
  } catch (error) {
    dependencies.onSnapshotError?.(streamId, error);
  }
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
