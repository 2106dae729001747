import { type ProjectorDependencies, projectCommit } from '../../shared/application/project-commit';
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
}

/**
 * The projector's code for one commit: the views are updated and statements and retractions go
 * to their position streams. Redelivery is harmless (idempotent). The stream handler and
 * `redrive` both run it.
 */
export function projectorCommitHandler(dependencies: ProjectorHandlerDependencies): CommitHandler {
  return {
    name: 'projector',
    handleCommit: async (commit) => {
      const outcome = await projectCommit(dependencies, commit);
      if (outcome.appended.length > 0) {
        dependencies.logger?.info('position events appended', {
          commitId: commit.commitId,
          streamId: commit.streamId,
          types: outcome.appended.map((event) => event.type),
        });
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
