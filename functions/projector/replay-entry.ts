import type { Context } from 'aws-lambda';
import { type ReplaySummary, replayProjections } from '../../shared/application/replay-projections';
import type { EventStore } from '../../shared/ports/event-store';
import type { ViewWriter } from '../../shared/ports/views';
import type { HandlerLogger } from '../streams/stream-handler';

/**
 * A direct invocation of the projector: rebuild the views from the event log (docs/deploy.md,
 * "Upgrading"). `after` goes on from where a stopped replay reported `next`.
 */
export interface ReplayRequest {
  replay: { after?: string };
}

/** Stop taking pages of the log when less than this is left of the invocation's time. */
const REPLAY_TIME_RESERVE_MS = 30_000;

export function isReplayRequest(event: unknown): event is ReplayRequest {
  if (!event || typeof event !== 'object' || !('replay' in event)) return false;
  const request = (event as { replay: unknown }).replay;
  if (!request || typeof request !== 'object') return false;
  const after = (request as { after?: unknown }).after;
  return after === undefined || typeof after === 'string';
}

/**
 * The projector's Lambda entry with `{"replay": {"after"?: "…"}}` added: the whole log, in commit
 * order, through the same projection, into the views table as it is (on AWS the function may not
 * scan or batch-delete views: replay into the new, empty table an upgrade creates). It appends
 * nothing and sends nothing. It stops 30 s before the invocation's time is up and returns `next`;
 * invoke it again with `{"replay": {"after": next}}` for the rest. Disable the projector's event
 * source mapping while it runs: replay must not race the projector.
 */
export function withReplay<E, R>(
  handler: (event: E, context?: Context) => Promise<R>,
  options: { eventStore: EventStore; views: ViewWriter; logger?: HandlerLogger; pageSize?: number },
): (event: E | ReplayRequest, context?: Context) => Promise<R | ReplaySummary> {
  return async (event, context) => {
    if (!isReplayRequest(event)) return handler(event as E, context);
    const summary = await replayProjections(
      { eventStore: options.eventStore, views: options.views },
      {
        keepViews: true,
        ...(options.pageSize !== undefined ? { pageSize: options.pageSize } : {}),
        ...(event.replay.after !== undefined ? { after: event.replay.after } : {}),
        shouldStop: () => (context ? context.getRemainingTimeInMillis() < REPLAY_TIME_RESERVE_MS : false),
      },
    );
    options.logger?.info('projector: replay', { ...summary });
    return summary;
  };
}
