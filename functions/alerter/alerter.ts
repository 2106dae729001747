import {
  type AlertDependencies,
  publishConfirmedAlert,
  publishContradictionAlert,
} from '../../shared/application/publish-contradiction-alert';
import { createStreamHandler, type HandlerLogger, type StreamHandler } from '../streams/stream-handler';

export interface AlerterHandlerDependencies extends AlertDependencies {
  logger?: HandlerLogger;
}

/**
 * The alerter as a DynamoDB Streams handler: one alert per strong ContradictionDetected, and one
 * per ContradictionConfirmed of a possible one (on AWS the event source mapping's filter only
 * sends commits holding either; anything else is skipped here too). A
 * publish that fails makes the record fail: the stream retries it, then sends it to the failure
 * destination. Never swallowed.
 */
export function createAlerterHandler(dependencies: AlerterHandlerDependencies): StreamHandler {
  return createStreamHandler({
    name: 'alerter',
    ...(dependencies.logger ? { logger: dependencies.logger } : {}),
    handleCommit: async (commit) => {
      for (const event of commit.events) {
        const outcome =
          event.type === 'ContradictionDetected'
            ? await publishContradictionAlert(dependencies, event)
            : event.type === 'ContradictionConfirmed'
              ? await publishConfirmedAlert(dependencies, event)
              : undefined;
        if (!outcome || !('contradictionId' in event.data)) continue;
        dependencies.logger?.info(`alert ${outcome.status}`, {
          contradictionId: event.data.contradictionId,
          ...outcome,
        });
      }
    },
  });
}
