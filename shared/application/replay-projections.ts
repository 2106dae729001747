import { projectEvent } from '../domain/positions/projection';
import type { EventStore } from '../ports/event-store';
import type { ViewWriter } from '../ports/views';

export interface ReplayDependencies {
  eventStore: EventStore;
  views: ViewWriter;
}

export interface ReplaySummary {
  commits: number;
  events: number;
  viewUpdates: number;
  /** Set when the replay stopped early (`shouldStop`): pass it back as `after` to go on. */
  next?: string;
}

export interface ReplayOptions {
  pageSize?: number;
  onProgress?: (summary: ReplaySummary) => void;
  /** Go on after this point of the log (a `next` of an earlier, stopped replay); nothing is cleared then. */
  after?: string;
  /** Leave the views as they are instead of clearing them first (a new, empty table). */
  keepViews?: boolean;
  /** Asked between pages: stop there and report `next`. */
  shouldStop?: () => boolean;
}

/**
 * Drops the read models and rebuilds them from the whole event log, in commit order, through the
 * same projection the projector uses: the result equals the incrementally built views. It only
 * writes views: no event is appended, so no decision is re-taken and no alert is re-sent. Run it
 * while the projector is stopped (embedded: the CLI does this on a store no server is using).
 */
export async function replayProjections(
  dependencies: ReplayDependencies,
  options: ReplayOptions = {},
): Promise<ReplaySummary> {
  if (options.after === undefined && !options.keepViews) await dependencies.views.clear();
  const summary: ReplaySummary = { commits: 0, events: 0, viewUpdates: 0 };
  let after: string | undefined = options.after;
  do {
    if (options.shouldStop?.() && after !== undefined) return { ...summary, next: after };
    const page = await dependencies.eventStore.readAll({ ...(after ? { after } : {}), limit: options.pageSize ?? 100 });
    // One apply per page: the store keeps the order of writes to each item, which is all that
    // matters (docs/positions.md), and may write different items in parallel.
    const events = page.commits.flatMap((commit) => commit.events);
    const updates = events.flatMap(projectEvent);
    await dependencies.views.apply(updates);
    summary.viewUpdates += updates.length;
    summary.events += events.length;
    summary.commits += page.commits.length;
    options.onProgress?.({ ...summary });
    after = page.next;
  } while (after);
  return summary;
}
