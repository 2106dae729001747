import { createRoute } from '@hono/zod-openapi';
import { rejectStatement } from '../../../shared/application/reject-statement';
import { reviewContradiction } from '../../../shared/application/review-contradiction';
import { cursorScope } from '../cursor';
import type { ApiApp, RouteContext } from '../dependencies';
import { signedPage } from '../paging';
import {
  ContradictionIdParam,
  ContradictionPage,
  DeskStats,
  errorResponses,
  RejectBody,
  RejectResult,
  ReviewQuery,
  StatementIdParam,
  StatsQuery,
  VerdictBody,
  VerdictResult,
} from '../schemas';

const reviewRoute = createRoute({
  method: 'get',
  path: '/review',
  tags: ['review'],
  summary: 'The review queue: possible contradictions, oldest first',
  description:
    'Contradictions whose evidence is not strong enough to alert at once (docs/positions.md, "Alert strength"), with no verdict yet. Confirm or dismiss each with POST /contradictions/{id}/verdict.',
  request: { query: ReviewQuery },
  responses: {
    200: {
      description: 'A page of waiting contradictions.',
      content: { 'application/json': { schema: ContradictionPage } },
    },
    ...errorResponses(400),
  },
});

const verdictRoute = createRoute({
  method: 'post',
  path: '/contradictions/{id}/verdict',
  tags: ['review'],
  summary: "Record an analyst's verdict on a contradiction",
  description:
    'Confirm: a possible contradiction is alerted (once). Dismiss, with a reason: it never alerts, also not after a replay or a re-extraction. The same verdict twice records nothing new. Who gave it is the label of the token used.',
  request: {
    params: ContradictionIdParam,
    body: { content: { 'application/json': { schema: VerdictBody } }, required: true },
  },
  responses: {
    200: {
      description: 'The contradiction and whether the verdict was new.',
      content: { 'application/json': { schema: VerdictResult } },
    },
    ...errorResponses(400, 404, 409, 415),
  },
});

const rejectRoute = createRoute({
  method: 'post',
  path: '/statements/{id}/reject',
  tags: ['review'],
  summary: 'Reject a statement the extractor misread',
  description:
    'The statement leaves its position (contradictions resting on it are void) and re-extraction never brings it back. Rejecting it again records nothing new.',
  request: {
    params: StatementIdParam,
    body: { content: { 'application/json': { schema: RejectBody } }, required: true },
  },
  responses: {
    200: { description: 'Whether the rejection was new.', content: { 'application/json': { schema: RejectResult } } },
    ...errorResponses(400, 404, 409, 415),
  },
});

const statsRoute = createRoute({
  method: 'get',
  path: '/stats',
  tags: ['review'],
  summary: "The desk's own precision",
  description:
    'Alerts sent, contradictions reviewed, confirmed and dismissed (by reason) over the last `days` days (30 by default).',
  request: { query: StatsQuery },
  responses: {
    200: { description: 'Counts over the window.', content: { 'application/json': { schema: DeskStats } } },
    ...errorResponses(400),
  },
});

const DAY_MS = 86_400_000;

export function registerReviewRoutes(app: ApiApp, { dependencies, auth }: RouteContext): void {
  const { views, eventStore, ids, clock } = dependencies;

  app.openapi(reviewRoute, async (context) => {
    const { limit, cursor } = context.req.valid('query');
    const page = await signedPage(await auth.cursors(), cursorScope('review', {}), cursor, (storeCursor) =>
      views.listReviewQueue({ ...(limit ? { limit } : {}), ...(storeCursor ? { cursor: storeCursor } : {}) }),
    );
    return context.json(page, 200);
  });

  app.openapi(verdictRoute, async (context) => {
    const { id } = context.req.valid('param');
    const body = context.req.valid('json');
    const by = context.get('principal') ?? 'unknown';
    const outcome = await reviewContradiction(
      { eventStore, views, ids, clock },
      body.verdict === 'confirm'
        ? { contradictionId: id, verdict: 'confirm', by, note: body.note }
        : { contradictionId: id, verdict: 'dismiss', reason: body.reason, by, note: body.note },
    );
    return context.json(outcome, 200);
  });

  app.openapi(rejectRoute, async (context) => {
    const { id } = context.req.valid('param');
    const { documentId, note } = context.req.valid('json');
    const by = context.get('principal') ?? 'unknown';
    const { recorded } = await rejectStatement({ eventStore, ids, clock }, { documentId, statementId: id, by, note });
    return context.json({ statementId: id, documentId, recorded }, 200);
  });

  app.openapi(statsRoute, async (context) => {
    const { days } = context.req.valid('query');
    const since = new Date(clock.now().getTime() - (days ?? 30) * DAY_MS).toISOString();
    return context.json(await views.getDeskStats(since), 200);
  });
}
