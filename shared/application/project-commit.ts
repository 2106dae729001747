import type { DomainEvent } from '../../events/registry';
import type { PositionCommand } from '../domain/positions/decide';
import { projectEvent } from '../domain/positions/projection';
import { countsTowardPosition } from '../domain/positions/rules';
import type { StoredCommit } from '../ports/event-store';
import type { ViewWriter } from '../ports/views';
import { decideOnPosition, type PositionDecisionDependencies, positionStreamOf } from './decide-position';

export interface ProjectorDependencies extends PositionDecisionDependencies {
  views: ViewWriter;
  /** Position streams decided in parallel for one commit (default 8). */
  concurrency?: number;
}

export interface ProjectCommitOutcome {
  viewUpdates: number;
  /** Position events appended by this call. */
  appended: DomainEvent[];
}

/** The commands a document event implies for positions; hearsay and doubtful statements imply none. */
export function positionCommandOf(event: DomainEvent): PositionCommand | undefined {
  const source = { eventId: event.eventId, correlationId: event.correlationId, occurredAt: event.occurredAt };
  if (event.type === 'StatementExtracted') {
    return countsTowardPosition(event.data) ? { type: 'ApplyStatement', source, statement: event.data } : undefined;
  }
  if (event.type === 'StatementRetracted') {
    return event.data.reportedBy === undefined
      ? { type: 'WithdrawStatement', source, retraction: event.data }
      : undefined;
  }
  if (event.type === 'StatementRejected') {
    // Hearsay never entered a position: nothing to take out.
    if (event.data.reportedBy !== undefined) return undefined;
    const { statementId, actor, topic, proposition, by } = event.data;
    return {
      type: 'WithdrawStatement',
      source,
      retraction: { statementId, actor, topic, proposition, reason: `rejected by ${by} as a misreading` },
    };
  }
  return undefined;
}

/**
 * What the projector does with one commit: update the views for each of its events, then take
 * every statement (or retraction) to its position stream. Position streams are independent, so
 * they are decided in parallel; commands for the same stream go in order. Idempotent: a
 * redelivered commit rewrites the same views and finds its statements already decided.
 */
export async function projectCommit(
  dependencies: ProjectorDependencies,
  commit: StoredCommit,
): Promise<ProjectCommitOutcome> {
  const updates = commit.events.flatMap(projectEvent);
  await dependencies.views.apply(updates);
  const viewUpdates = updates.length;

  const byStream = new Map<string, PositionCommand[]>();
  for (const event of commit.events) {
    const command = positionCommandOf(event);
    if (!command) continue;
    const streamId = positionStreamOf(command);
    byStream.set(streamId, [...(byStream.get(streamId) ?? []), command]);
  }
  const queues = [...byStream.values()];
  const appended: DomainEvent[] = [];
  const worker = async () => {
    for (let queue = queues.shift(); queue; queue = queues.shift()) {
      for (const command of queue) appended.push(...(await decideOnPosition(dependencies, command)).events);
    }
  };
  const workers = Math.max(1, Math.min(dependencies.concurrency ?? 8, queues.length));
  await Promise.all(Array.from({ length: workers }, worker));
  return { viewUpdates, appended };
}
