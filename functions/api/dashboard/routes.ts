import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { csrf } from 'hono/csrf';
import { secureHeaders } from 'hono/secure-headers';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { ActorId } from '../../../events/statement';
import { readAllPages } from '../../../shared/application/read-all-pages';
import type { PositionView, ViewReader } from '../../../shared/ports/views';
import { SESSION_COOKIE } from '../auth';
import { cursorScope } from '../cursor';
import type { ApiApp, RouteContext } from '../dependencies';
import { signedPage } from '../paging';
import type { Html } from './html';
import { actorPage, errorPage, homePage, layout, loginPage, type TopicSection } from './pages';
import { DASHBOARD_CSS } from './styles';

/**
 * Caps per page view: the dashboard is a summary; the API pages through everything. The home page
 * shows actors a page at a time, each with its first positions (one key range per actor), so a
 * view costs the same however many actors and positions the store holds.
 */
const ACTORS_PER_PAGE = 24;
const POSITIONS_PER_ACTOR = 30;
const MAX_POSITIONS = 2_000;
const MAX_TIMELINE_ENTRIES = 500;
const MAX_ACTOR_CONTRADICTIONS = 200;
const RECENT_CONTRADICTIONS = 10;
const SESSION_SECONDS = 7 * 24 * 3600;

/** The pages run no script and load only their own stylesheet. */
export const dashboardHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    imgSrc: ["'self'", 'data:'],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'same-origin',
});

/** Only a path on this site: no scheme, no host, no `//host`, no backslash tricks. */
export function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])[^\s\\]*$/.test(next) && next.length <= 500 ? next : '/';
}

const isHttps = (context: Context) =>
  new URL(context.req.url).protocol === 'https:' || context.req.header('x-forwarded-proto') === 'https';

export function renderPage(
  context: Context,
  options: { title: string; body: Html; status?: ContentfulStatusCode; canLogOut: boolean },
) {
  return context.html(layout(options), options.status ?? 200);
}

async function actorSections(views: ViewReader, actor: string, topics: readonly string[]) {
  const [positions, contradictions, timelines] = await Promise.all([
    readAllPages((page) => views.listPositions({ actor, ...page }), MAX_POSITIONS),
    readAllPages((page) => views.listContradictions({ actor, ...page }), MAX_ACTOR_CONTRADICTIONS),
    Promise.all(
      topics.map((topic) => readAllPages((page) => views.getTimeline({ actor, topic, ...page }), MAX_TIMELINE_ENTRIES)),
    ),
  ]);
  const sections: TopicSection[] = topics.map(
    (topic, index): TopicSection => ({
      topic,
      positions: positions.items.filter((position) => position.topic === topic),
      entries: timelines[index]?.items ?? [],
      // Oldest first under each chart: the reading order of the timeline.
      contradictions: contradictions.items.filter((pair) => pair.topic === topic).reverse(),
    }),
  );
  // Topics with contradictions first, then the most talked-about.
  sections.sort(
    (left, right) =>
      right.contradictions.length - left.contradictions.length ||
      right.entries.length - left.entries.length ||
      (left.topic < right.topic ? -1 : 1),
  );
  const truncated = positions.truncated || contradictions.truncated || timelines.some((timeline) => timeline.truncated);
  return { sections, truncated };
}

/**
 * The dashboard: server-rendered pages over the same views as the API, a login form that keeps
 * the token in an HttpOnly, SameSite=Strict cookie (Secure over https), and logout.
 */
export function registerDashboardRoutes(app: ApiApp, { dependencies, auth }: RouteContext): void {
  const { views } = dependencies;
  const canLogOut = (context: Context) => auth.enabled && getCookie(context, SESSION_COOKIE) !== undefined;

  app.get('/assets/dashboard.css', (context) => {
    context.header('content-type', 'text/css; charset=utf-8');
    context.header('cache-control', 'public, max-age=3600');
    return context.body(DASHBOARD_CSS);
  });

  app.use('/', dashboardHeaders);
  app.use('/actors/*', dashboardHeaders);
  app.use('/login', dashboardHeaders, bodyLimit({ maxSize: 16 * 1024 }), csrf());
  app.use('/logout', csrf());

  app.get('/', async (context) => {
    const codec = await auth.cursors();
    const scope = cursorScope('dashboard-actors', {});
    const [actors, recent] = await Promise.all([
      signedPage(codec, scope, context.req.query('cursor'), (cursor) =>
        views.listActors({ limit: ACTORS_PER_PAGE, ...(cursor ? { cursor } : {}) }),
      ),
      views.listContradictions({ limit: RECENT_CONTRADICTIONS }),
    ]);
    const positions = await Promise.all(
      actors.items.map((actor) => views.listPositions({ actor: actor.actor, limit: POSITIONS_PER_ACTOR })),
    );
    const byActor = new Map<string, PositionView[]>(
      actors.items.map((actor, index) => [actor.actor, positions[index]?.items ?? []]),
    );
    return renderPage(context, {
      title: 'Actors',
      canLogOut: canLogOut(context),
      body: homePage({
        actors: actors.items,
        positions: byActor,
        contradictions: recent.items,
        truncated: positions.some((page) => page.next !== undefined),
        ...(actors.next ? { nextHref: `/?cursor=${encodeURIComponent(actors.next)}` } : {}),
      }),
    });
  });

  app.get('/actors/:id', async (context) => {
    const id = context.req.param('id');
    const actor = ActorId.safeParse(id).success ? await views.getActor(id) : undefined;
    if (!actor) {
      return renderPage(context, {
        title: 'Unknown actor',
        status: 404,
        canLogOut: canLogOut(context),
        body: errorPage({ title: 'Unknown actor', message: `stancewatch has no statements about “${id}”.` }),
      });
    }
    const { sections, truncated } = await actorSections(views, actor.actor, actor.topics);
    return renderPage(context, {
      title: actor.actor,
      canLogOut: canLogOut(context),
      body: actorPage({ actor, topics: sections, truncated }),
    });
  });

  app.get('/login', async (context) => {
    const next = safeNext(context.req.query('next'));
    if (!auth.enabled || (await auth.signedIn(context))) return context.redirect(next, 303);
    return renderPage(context, { title: 'Log in', canLogOut: false, body: loginPage({ next, failed: false }) });
  });

  app.post('/login', async (context) => {
    const form = await context.req.parseBody();
    const next = safeNext(form.next);
    if (!auth.enabled) return context.redirect(next, 303);
    const token = typeof form.token === 'string' ? form.token.trim() : '';
    if (!(await auth.verify(token))) {
      return renderPage(context, {
        title: 'Log in',
        status: 401,
        canLogOut: false,
        body: loginPage({ next, failed: true }),
      });
    }
    setCookie(context, SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'Strict',
      secure: isHttps(context),
      path: '/',
      maxAge: SESSION_SECONDS,
    });
    return context.redirect(next, 303);
  });

  app.post('/logout', (context) => {
    deleteCookie(context, SESSION_COOKIE, { path: '/', secure: isHttps(context) });
    return context.redirect('/login', 303);
  });
}
