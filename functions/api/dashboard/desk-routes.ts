import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { getCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import * as z from 'zod';
import type { EventOfType } from '../../../events/registry';
import { DismissalReason } from '../../../events/review-events';
import { rejectStatement } from '../../../shared/application/reject-statement';
import { reviewContradiction } from '../../../shared/application/review-contradiction';
import { sentenceInContext } from '../../../shared/domain/documents/sentence-context';
import { documentStreamId } from '../../../shared/domain/stream-ids';
import { ValidationError } from '../../../shared/errors';
import type { EventStore } from '../../../shared/ports/event-store';
import { SESSION_COOKIE } from '../auth';
import type { ApiApp, RouteContext } from '../dependencies';
import { type DeskItem, deskPage } from './desk-page';
import { dashboardHeaders, renderPage } from './routes';

/** The oldest waiting contradictions the page shows; the API pages through the rest. */
const DESK_PAGE_SIZE = 20;
const DAY_MS = 86_400_000;

const VerdictForm = z.discriminatedUnion('verdict', [
  z.object({ verdict: z.literal('confirm'), note: z.string().max(2000).optional() }),
  z.object({ verdict: z.literal('dismiss'), reason: DismissalReason, note: z.string().max(2000).optional() }),
]);
const RejectForm = z.object({ documentId: z.string().min(1).max(160), note: z.string().max(2000).optional() });
const ContradictionId = z.string().regex(/^ctr-[0-9a-f]{24}$/);
const StatementId = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9._:-]+$/);

const NOTICES: Record<string, string> = {
  confirmed: 'Confirmed: its alert goes out now.',
  dismissed: 'Dismissed: it will not alert.',
  rejected: 'Statement rejected: it leaves the position, and contradictions resting on it are void.',
  unchanged: 'That verdict was already recorded: nothing changed.',
};

function parseForm<T>(schema: z.ZodType<T>, form: Record<string, unknown>): T {
  const cleaned = Object.fromEntries(
    Object.entries(form).filter(([, value]) => typeof value === 'string' && value.trim() !== ''),
  );
  const parsed = schema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ValidationError(
      `invalid form: ${parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ')}`,
    );
  }
  return parsed.data;
}

function parseId(schema: z.ZodType<string>, value: string, what: string): string {
  if (!schema.safeParse(value).success) throw new ValidationError(`"${value}" is not a ${what} id`);
  return value;
}

/** Each document's text once per page, for the sentences around the quotes. */
async function documentTexts(eventStore: EventStore, documentIds: readonly string[]): Promise<Map<string, string>> {
  const texts = new Map<string, string>();
  await Promise.all(
    [...new Set(documentIds)].map(async (documentId) => {
      const stream = await eventStore.readStream(documentStreamId(documentId));
      const ingested = stream.events.find(
        (event): event is EventOfType<'DocumentIngested'> => event.type === 'DocumentIngested',
      );
      if (ingested) texts.set(documentId, ingested.data.text);
    }),
  );
  return texts;
}

/**
 * The review desk in the dashboard: the queue with both quotes in their documents' context, and
 * plain HTML forms (no script) for the verdicts. Forms are guarded three ways: the login cookie is
 * SameSite=Strict, Hono's csrf() refuses a cross-origin Origin, and verdicts are idempotent.
 */
export function registerDeskRoutes(app: ApiApp, { dependencies, auth }: RouteContext): void {
  const { views, eventStore, ids, clock } = dependencies;
  const canLogOut = (context: Context) => auth.enabled && getCookie(context, SESSION_COOKIE) !== undefined;
  const who = (context: Context) => (context.get('principal') as string | undefined) ?? 'unknown';

  app.use('/desk', dashboardHeaders);
  app.use('/desk/*', dashboardHeaders, bodyLimit({ maxSize: 16 * 1024 }), csrf());

  app.get('/desk', async (context) => {
    const [queue, stats] = await Promise.all([
      views.listReviewQueue({ limit: DESK_PAGE_SIZE }),
      views.getDeskStats(new Date(clock.now().getTime() - 30 * DAY_MS).toISOString()),
    ]);
    const texts = await documentTexts(
      eventStore,
      queue.items.flatMap((pair) => [pair.earlier.documentId, pair.later.documentId]),
    );
    const inContext = (documentId: string, quote: string) => {
      const text = texts.get(documentId);
      return text === undefined ? undefined : sentenceInContext(text, quote);
    };
    const items: DeskItem[] = queue.items.map((contradiction) => ({
      contradiction,
      earlier: inContext(contradiction.earlier.documentId, contradiction.earlier.quote),
      later: inContext(contradiction.later.documentId, contradiction.later.quote),
    }));
    const notice = NOTICES[context.req.query('done') ?? ''];
    // The views take in a verdict a moment after it is appended: the item just decided is hidden
    // meanwhile, so the page the form redirects to does not offer it again.
    const decided = context.req.query('decided');
    return renderPage(context, {
      title: 'Review queue',
      canLogOut: canLogOut(context),
      body: deskPage({
        items: items.filter((entry) => entry.contradiction.id !== decided),
        more: queue.next !== undefined,
        stats,
        ...(notice ? { notice } : {}),
      }),
    });
  });

  app.post('/desk/contradictions/:id/verdict', async (context) => {
    const id = parseId(ContradictionId, context.req.param('id'), 'contradiction');
    const form = parseForm(VerdictForm, await context.req.parseBody());
    const by = who(context);
    const outcome = await reviewContradiction(
      { eventStore, views, ids, clock },
      form.verdict === 'confirm'
        ? { contradictionId: id, verdict: 'confirm', by, note: form.note }
        : { contradictionId: id, verdict: 'dismiss', reason: form.reason, by, note: form.note },
    );
    const done = !outcome.recorded ? 'unchanged' : form.verdict === 'confirm' ? 'confirmed' : 'dismissed';
    return context.redirect(`/desk?done=${done}&decided=${encodeURIComponent(id)}`, 303);
  });

  app.post('/desk/statements/:id/reject', async (context) => {
    const statementId = parseId(StatementId, context.req.param('id'), 'statement');
    const form = parseForm(RejectForm, await context.req.parseBody());
    const outcome = await rejectStatement(
      { eventStore, ids, clock },
      { documentId: form.documentId, statementId, by: who(context), note: form.note },
    );
    return context.redirect(`/desk?done=${outcome.recorded ? 'rejected' : 'unchanged'}`, 303);
  });
}
