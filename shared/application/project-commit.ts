import type { DomainEvent } from '../../events/registry';
import type { PositionCommand } from '../domain/positions/decide';
import { projectEvent } from '../domain/positions/projection';
import { countsTowardPosition } from '../domain/positions/rules';
import type { ViewUpdate } from '../domain/positions/view-updates';
import { mapConcurrently } from '../map-concurrently';
import type { StoredCommit } from '../ports/event-store';
import type { ViewWriter } from '../ports/views';
import { decideOnPosition, type PositionDecisionDependencies, positionStreamOf } from './decide-position';
import type { EffectsWrittenInline } from './effects-written-inline';

export interface ProjectorDependencies extends PositionDecisionDependencies {
  views: ViewWriter;
  /** Position streams decided in parallel for one commit (default 8). */
  concurrency?: number;
  /**
   * When given, a statement's timeline entry is written once, with the effect its decision had,
   * and the position commit's later delivery skips that effect (see EffectsWrittenInline).
   */
  effectsWrittenInline?: EffectsWrittenInline;
}

export interface ProjectCommitOutcome {
  viewUpdates: number;
  /** Position events appended by this call. */
  appended: DomainEvent[];
  /**
   * With `effectsWrittenInline`, for the position events this commit delivered: how many had their
   * timeline effects written already by the deciding call (skipped now), and how many had to be
   * written again (decided by another process, or forgotten). The ratio is what the inline write
   * saves on a deployment (docs/performance.md).
   */
  timelineEffects: { skipped: number; writtenAgain: number };
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
 * The position events whose timeline updates the deciding projector writes itself: how each
 * statement moved the position, and the contradiction links (the later statement's link lands on
 * the entry written in the same call, so it merges into that write).
 */
const WRITTEN_INLINE = new Set<DomainEvent['type']>([
  'PositionTaken',
  'PositionChanged',
  'PositionReaffirmed',
  'ContradictionDetected',
]);

const isTimelineEffect = (update: ViewUpdate) =>
  update.kind === 'timeline-effect' || update.kind === 'timeline-contradiction';

/**
 * What the projector does with one commit: take every statement (or retraction) to its position
 * stream, then update the views for each of its events. Position streams are independent, so they
 * are decided in parallel; commands for the same stream go in order. Idempotent: a redelivered
 * commit finds its statements already decided and rewrites the same views.
 *
 * With `effectsWrittenInline`, the timeline effects of what was just decided go into the same view
 * writes as the statements (one timeline write per statement, not two), and are remembered only
 * once those writes succeeded. Deciding first is what makes that possible; if the view writes then
 * fail, the commit is retried, its statements are found decided, and the position commits, which
 * nobody remembered, write their effects when the stream delivers them, as they always did.
 */
export async function projectCommit(
  dependencies: ProjectorDependencies,
  commit: StoredCommit,
): Promise<ProjectCommitOutcome> {
  const appended = await decidePositions(dependencies, commit);
  const inline = dependencies.effectsWrittenInline;
  const alreadyWritten = (event: DomainEvent) => inline?.has(event.eventId) === true;
  const updates = commit.events.flatMap((event) =>
    alreadyWritten(event) ? projectEvent(event).filter((update) => !isTimelineEffect(update)) : projectEvent(event),
  );
  const writtenInline = inline ? appended.filter((event) => WRITTEN_INLINE.has(event.type)) : [];
  const effects = writtenInline.flatMap((event) => projectEvent(event).filter(isTimelineEffect));
  await dependencies.views.apply([...updates, ...effects]);
  inline?.remember(writtenInline.map((event) => event.eventId));
  const delivered = inline ? commit.events.filter((event) => WRITTEN_INLINE.has(event.type)) : [];
  const skipped = delivered.filter(alreadyWritten).length;
  return {
    viewUpdates: updates.length + effects.length,
    appended,
    timelineEffects: { skipped, writtenAgain: delivered.length - skipped },
  };
}

/** Takes each statement, retraction or rejection of the commit to its position stream; returns what was appended. */
async function decidePositions(dependencies: ProjectorDependencies, commit: StoredCommit): Promise<DomainEvent[]> {
  const byStream = new Map<string, PositionCommand[]>();
  for (const event of commit.events) {
    const command = positionCommandOf(event);
    if (!command) continue;
    const streamId = positionStreamOf(command);
    byStream.set(streamId, [...(byStream.get(streamId) ?? []), command]);
  }
  const appended: DomainEvent[] = [];
  await mapConcurrently([...byStream.values()], dependencies.concurrency ?? 8, async (queue) => {
    for (const command of queue) appended.push(...(await decideOnPosition(dependencies, command)).events);
  });
  return appended;
}
