import {
  type AlertDependencies,
  publishConfirmedAlert,
  publishContradictionAlert,
} from '../../shared/application/publish-contradiction-alert';
import {
  type CommitHandler,
  createStreamHandler,
  type HandlerLogger,
  type StreamHandler,
  type StreamParking,
} from '../streams/stream-handler';

export interface AlerterHandlerDependencies extends AlertDependencies {
  logger?: HandlerLogger;
  /** Where alerts that could not be published are set aside (both runtimes wire one). */
  parking?: StreamParking;
}

/**
 * The alerter's code for one commit: one alert per strong ContradictionDetected, and one per
 * ContradictionConfirmed of a possible one (on AWS the event source mapping's filter only sends
 * commits holding either; anything else is skipped here too). A publish that fails throws; it is
 * never swallowed. The stream handler and `redrive` both run it.
 */
export function alerterCommitHandler(dependencies: AlerterHandlerDependencies): CommitHandler {
  return {
    name: 'alerter',
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
  };
}

/**
 * The alerter as a DynamoDB Streams handler. A record whose alert keeps failing is retried, then
 * parked with its whole commit, and sent by `redrive` once the cause is fixed.
 */
export function createAlerterHandler(dependencies: AlerterHandlerDependencies): StreamHandler {
  return createStreamHandler({
    ...alerterCommitHandler(dependencies),
    ...(dependencies.logger ? { logger: dependencies.logger } : {}),
    ...(dependencies.parking ? { parking: dependencies.parking } : {}),
  });
}
