import { createRoute } from '@hono/zod-openapi';
import { NotFoundError } from '../../../shared/errors';
import type { ActorView, ViewReader } from '../../../shared/ports/views';
import { cursorScope } from '../cursor';
import type { ApiApp, RouteContext } from '../dependencies';
import { signedPage } from '../paging';
import {
  ContradictionPage,
  ContradictionQuery,
  errorResponses,
  PositionPage,
  PositionQuery,
  TimelinePage,
  TimelineParams,
  TimelineQuery,
} from '../schemas';

const positionsRoute = createRoute({
  method: 'get',
  path: '/positions',
  tags: ['positions'],
  summary: 'Current positions',
  description:
    "Each actor's current position per proposition, ordered by actor, topic, proposition. Filter by `actor` and/or `topic`.",
  request: { query: PositionQuery },
  responses: {
    200: { description: 'A page of positions.', content: { 'application/json': { schema: PositionPage } } },
    ...errorResponses(400, 404),
  },
});

const timelineRoute = createRoute({
  method: 'get',
  path: '/positions/{actor}/{topic}/timeline',
  tags: ['positions'],
  summary: "An actor's statements on a topic over time",
  description:
    'Every statement of the actor on the topic, by when it was said (late arrivals in their place), with how each moved the position and the contradictions it is part of. Hearsay and low-confidence statements are listed as evidence.',
  request: { params: TimelineParams, query: TimelineQuery },
  responses: {
    200: { description: 'A page of timeline entries.', content: { 'application/json': { schema: TimelinePage } } },
    ...errorResponses(400, 404),
  },
});

const contradictionsRoute = createRoute({
  method: 'get',
  path: '/contradictions',
  tags: ['contradictions'],
  summary: 'Contradictions, newest first',
  description:
    'Pairs of statements in which the same actor supports and opposes the same proposition, newest (by when the later statement was said) first.',
  request: { query: ContradictionQuery },
  responses: {
    200: { description: 'A page of contradictions.', content: { 'application/json': { schema: ContradictionPage } } },
    ...errorResponses(400, 404),
  },
});

/** An actor is known once a statement about it has been projected; the views' actor list decides. */
export async function requireActor(views: ViewReader, actor: string): Promise<ActorView> {
  const known = await views.getActor(actor);
  if (!known) {
    throw new NotFoundError(`stancewatch has no statements about actor "${actor}"`, { details: { actor } });
  }
  return known;
}

export function registerViewRoutes(app: ApiApp, { dependencies, auth }: RouteContext): void {
  const { views } = dependencies;

  app.openapi(positionsRoute, async (context) => {
    const { actor, topic, limit, cursor } = context.req.valid('query');
    if (actor !== undefined) await requireActor(views, actor);
    const page = await signedPage(
      await auth.cursors(),
      cursorScope('positions', { actor, topic }),
      cursor,
      (storeCursor) =>
        views.listPositions({
          ...(actor ? { actor } : {}),
          ...(topic ? { topic } : {}),
          ...(limit ? { limit } : {}),
          ...(storeCursor ? { cursor: storeCursor } : {}),
        }),
    );
    return context.json(page, 200);
  });

  app.openapi(timelineRoute, async (context) => {
    const { actor, topic } = context.req.valid('param');
    const { order, limit, cursor } = context.req.valid('query');
    const known = await requireActor(views, actor);
    if (!known.topics.includes(topic)) {
      throw new NotFoundError(`stancewatch has no statements by "${actor}" on topic "${topic}"`, {
        details: { actor, topic, topics: known.topics },
      });
    }
    const page = await signedPage(
      await auth.cursors(),
      cursorScope('timeline', { actor, topic, order: order ?? 'asc' }),
      cursor,
      (storeCursor) =>
        views.getTimeline({
          actor,
          topic,
          ...(order ? { order } : {}),
          ...(limit ? { limit } : {}),
          ...(storeCursor ? { cursor: storeCursor } : {}),
        }),
    );
    return context.json(page, 200);
  });

  app.openapi(contradictionsRoute, async (context) => {
    const { actor, topic, since, includeWithdrawn, limit, cursor } = context.req.valid('query');
    if (actor !== undefined) await requireActor(views, actor);
    const withdrawn = includeWithdrawn === 'true';
    const page = await signedPage(
      await auth.cursors(),
      cursorScope('contradictions', { actor, topic, since, withdrawn }),
      cursor,
      (storeCursor) =>
        views.listContradictions({
          ...(actor ? { actor } : {}),
          ...(topic ? { topic } : {}),
          ...(since ? { since } : {}),
          ...(withdrawn ? { includeWithdrawn: true } : {}),
          ...(limit ? { limit } : {}),
          ...(storeCursor ? { cursor: storeCursor } : {}),
        }),
    );
    return context.json(page, 200);
  });
}
