import { type ProjectorDependencies, projectCommit } from '../../shared/application/project-commit';
import { createStreamHandler, type HandlerLogger, type StreamHandler } from '../streams/stream-handler';

export interface ProjectorHandlerDependencies extends ProjectorDependencies {
  logger?: HandlerLogger;
}

/**
 * The projector as a DynamoDB Streams handler on the events table: each record (one commit)
 * updates the views and takes statements and retractions to their position streams. Failures are
 * reported per record (see createStreamHandler); redelivery is harmless (idempotent).
 */
export function createProjectorHandler(dependencies: ProjectorHandlerDependencies): StreamHandler {
  return createStreamHandler({
    name: 'projector',
    ...(dependencies.logger ? { logger: dependencies.logger } : {}),
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
  });
}
