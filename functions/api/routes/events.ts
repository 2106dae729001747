import { createRoute } from '@hono/zod-openapi';
import * as z from 'zod';
import type { DomainEvent } from '../../../events/registry';
import { NotFoundError } from '../../../shared/errors';
import type { EventStore } from '../../../shared/ports/event-store';
import { DEFAULT_PAGE_SIZE } from '../../../shared/ports/views';
import { type CursorCodec, cursorScope } from '../cursor';
import type { ApiApp, RouteContext } from '../dependencies';
import { openPosition } from '../paging';
import { EventPage, EventQuery, errorResponses } from '../schemas';

const eventsRoute = createRoute({
  method: 'get',
  path: '/events',
  tags: ['events'],
  summary: 'The raw event log, for audit',
  description:
    'With `stream`: that stream’s events in version order (404 for a stream with no events). Without: every event of every stream in global commit order, each with its `commitId`.',
  request: { query: EventQuery },
  responses: {
    200: { description: 'A page of events.', content: { 'application/json': { schema: EventPage } } },
    ...errorResponses(400, 404),
  },
});

type ApiEvent = DomainEvent & { commitId?: string };

/**
 * Where a page of one stream ends: the last version delivered and the commit holding it (the next
 * page is read from that commit on; cursors issued before `c` existed still work, read slower).
 */
const StreamPosition = z.object({ v: z.number().int().positive(), c: z.number().int().positive().optional() });
/** Where a page of the global log ends: after commit `a` (absent: the start), skipping `s` events of the next. */
const LogPosition = z.object({ a: z.string().min(1).optional(), s: z.number().int().nonnegative() });

async function streamPage(
  eventStore: EventStore,
  codec: CursorCodec,
  streamId: string,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: ApiEvent[]; next?: string }> {
  const scope = cursorScope('events', { stream: streamId });
  const position = openPosition(codec, scope, cursor, StreamPosition);
  const after = position?.v ?? 0;
  const page = await eventStore.readStreamPage(streamId, {
    afterVersion: after,
    limit,
    ...(position?.c !== undefined ? { fromCommit: position.c } : after === 0 ? { fromCommit: 1 } : {}),
  });
  if (after === 0 && page.events.length === 0) {
    throw new NotFoundError(`no stream "${streamId}"`, { details: { stream: streamId } });
  }
  const items: ApiEvent[] = page.events;
  const last = items.at(-1);
  return last && page.more ? { items, next: codec.seal(scope, { v: last.version, c: page.lastCommit }) } : { items };
}

async function logPage(
  eventStore: EventStore,
  codec: CursorCodec,
  limit: number,
  cursor: string | undefined,
): Promise<{ items: ApiEvent[]; next?: string }> {
  const scope = cursorScope('events', {});
  const start = openPosition(codec, scope, cursor, LogPosition) ?? { s: 0 };
  const items: ApiEvent[] = [];
  let after = start.a;
  let skip = start.s;
  for (;;) {
    // Every commit holds at least one event, so limit + 1 commits fill the page unless the log ends.
    const page = await eventStore.readAll({ ...(after ? { after } : {}), limit: Math.min(limit + 1, 100) });
    for (const [index, commit] of page.commits.entries()) {
      const events = [...commit.events].sort((left, right) => left.version - right.version);
      const room = limit - items.length;
      const taken = events.slice(skip, skip + room);
      items.push(...taken.map((event) => ({ ...event, commitId: commit.commitId })));
      const consumed = skip + taken.length;
      skip = 0;
      if (items.length < limit) {
        after = commit.commitId;
        continue;
      }
      const moreInCommit = consumed < events.length;
      const moreAfter = index < page.commits.length - 1 || page.next !== undefined;
      if (moreInCommit) return { items, next: codec.seal(scope, { ...(after ? { a: after } : {}), s: consumed }) };
      return moreAfter ? { items, next: codec.seal(scope, { a: commit.commitId, s: 0 }) } : { items };
    }
    if (page.next === undefined || page.commits.length === 0) return { items };
  }
}

export function registerEventRoutes(app: ApiApp, { dependencies, auth }: RouteContext): void {
  app.openapi(eventsRoute, async (context) => {
    const { stream, limit, cursor } = context.req.valid('query');
    const codec = await auth.cursors();
    const size = limit ?? DEFAULT_PAGE_SIZE;
    const page = stream
      ? await streamPage(dependencies.eventStore, codec, stream, size, cursor)
      : await logPage(dependencies.eventStore, codec, size, cursor);
    return context.json(page as { items: (ApiEvent & { data: Record<string, unknown> })[]; next?: string }, 200);
  });
}
