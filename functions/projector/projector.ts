import { storedEventsOf } from '../../shared/adapters/dynamodb/commit-item';
import {
  type ProjectCommitOutcome,
  type ProjectorDependencies,
  projectCommit,
} from '../../shared/application/project-commit';
import { positionStreamId } from '../../shared/domain/stream-ids';
import {
  type CommitHandler,
  createStreamHandler,
  type HandlerLogger,
  type StreamHandler,
  type StreamParking,
} from '../streams/stream-handler';

export interface ProjectorHandlerDependencies extends ProjectorDependencies {
  logger?: HandlerLogger;
  /** Where records the projector cannot handle are set aside (both runtimes wire one). */
  parking?: StreamParking;
  /** Told the types of the position events each commit appended (the AWS wiring counts them as metrics). */
  onEventsAppended?: (types: readonly string[]) => void;
  /** Told, per commit, how many delivered position events' timeline effects were skipped or written again. */
  onTimelineEffects?: (counts: ProjectCommitOutcome['timelineEffects']) => void;
}

/**
 * The projector's code for one commit: the views are updated and statements and retractions go
 * to their position streams. Redelivery is harmless (idempotent). The stream handler and
 * `redrive` both run it.
 */
export function projectorCommitHandler(dependencies: ProjectorHandlerDependencies): CommitHandler {
  return {
    name: 'projector',
    orderingKeys: projectorOrderingKeys,
    handleCommit: async (commit) => {
      const outcome = await projectCommit(dependencies, commit);
      const { skipped, writtenAgain } = outcome.timelineEffects;
      if (skipped + writtenAgain > 0) dependencies.onTimelineEffects?.(outcome.timelineEffects);
      if (outcome.appended.length > 0) {
        const types = outcome.appended.map((event) => event.type);
        dependencies.logger?.info('position events appended', {
          commitId: commit.commitId,
          streamId: commit.streamId,
          types,
        });
        dependencies.onEventsAppended?.(types);
      }
    },
  };
}

/**
 * The projector as a DynamoDB Streams handler on the events table, each record one commit.
 * Failures are retried, then parked (see createStreamHandler).
 */
export function createProjectorHandler(dependencies: ProjectorHandlerDependencies): StreamHandler {
  return createStreamHandler({
    ...projectorCommitHandler(dependencies),
    ...(dependencies.logger ? { logger: dependencies.logger } : {}),
    ...(dependencies.parking ? { parking: dependencies.parking } : {}),
  });
}

/** The document events the projector takes to a position stream (shared/application/project-commit.ts). */
const POSITION_INPUTS = new Set(['StatementExtracted', 'StatementRetracted', 'StatementRejected']);

/**
 * What a commit must stay in order with for the projector: its own stream (the views of a
 * stream's commits are applied in order), and a decision key per position that a statement,
 * retraction or rejection in it is taken to. A position classifies each statement against those
 * that arrived before it (docs/positions.md, "Ordering"), so a document parked by the projector
 * must hold back later documents deciding on the same actor and proposition, or a redrive would
 * classify them differently from a clean run. The position stream's own commits are not held by
 * it: they only follow each other. Read from the stored item rather than the decoded events, so
 * a commit this code cannot decode (a newer schema version) is placed too; hearsay and doubtful
 * statements, which never reach a position, are included all the same (one wait too many, never
 * one too few).
 */
export function projectorOrderingKeys(item: Record<string, unknown>): string[] {
  const keys = new Set([String(item.pk)]);
  const events = readableEventsOf(item);
  for (const event of events) {
    const { type, data } = (event ?? {}) as { type?: unknown; data?: Record<string, unknown> };
    if (typeof type !== 'string' || !POSITION_INPUTS.has(type) || !data) continue;
    const { actor, topic, proposition } = data;
    if (typeof actor === 'string' && typeof topic === 'string' && typeof proposition === 'string') {
      keys.add(decisionKey(positionStreamId(actor, topic, proposition)));
    }
  }
  return [...keys];
}

/** The ordering key of the decisions on one position (distinct from the position stream's own key). */
export const decisionKey = (positionStream: string) => `decide:${positionStream}`;

/** The raw events of a commit item, or none when it cannot be read (a poison record keeps its stream key). */
function readableEventsOf(item: Record<string, unknown>): unknown[] {
  try {
    return storedEventsOf(item);
  } catch {
    return [];
  }
}
