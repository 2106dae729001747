import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requestId } from 'hono/request-id';
import { secureHeaders } from 'hono/secure-headers';
import { accessOf, createAuth } from './auth';
import { registerDeskRoutes } from './dashboard/desk-routes';
import { errorPage } from './dashboard/pages';
import { registerDashboardRoutes, renderPage } from './dashboard/routes';
import type { ApiEnv, AppDependencies, RouteContext } from './dependencies';
import { errorResponseOf, sendError, validationErrorOf } from './errors';
import { registerServiceRoutes } from './openapi';
import { registerDocumentRoutes } from './routes/documents';
import { registerEventRoutes } from './routes/events';
import { registerReviewRoutes } from './routes/review';
import { registerViewRoutes } from './routes/views';

/** Request ids we accept from a caller (or a proxy): short and plain; anything else gets a fresh one. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

const ERROR_TITLES: Record<number, string> = {
  400: 'Bad request',
  404: 'Not found',
  429: 'Busy',
  503: 'Unavailable',
};

/**
 * The one Hono app: served by @hono/node-server in embedded mode and by hono/aws-lambda on AWS,
 * exercised by `app.request()` in tests. Every route but the public ones (see auth.ts) needs the
 * token; errors of any kind leave as `{error, message, details?}` with a mapped status.
 *
 * This module reaches POST /documents' use case only through `dependencies.ingestDocument`, so its
 * module graph holds no extraction code: the read API function builds the app from here and ships
 * without the NLP model (test/functions/api/read-bundle.test.ts). `createApp` (app.ts) attaches
 * the ingest use case for everything that serves POST /documents.
 */
export function buildApp(dependencies: AppDependencies) {
  const auth = createAuth(dependencies.auth, dependencies.cursorSecret);
  const logError = dependencies.logError ?? ((message, context) => console.error(message, context));
  const app = new OpenAPIHono<ApiEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationErrorOf(result.error, result.target);
    },
  });

  app.use(
    '*',
    requestId({
      generator: (context) => {
        const given = context.req.header('x-request-id');
        return given && REQUEST_ID.test(given) ? given : crypto.randomUUID();
      },
    }),
  );
  app.use('*', secureHeaders({ crossOriginResourcePolicy: 'same-origin', xFrameOptions: 'DENY' }));
  app.use('*', async (c, next) => {
    await next();
    // Answers hold private data (or errors about it): no shared cache keeps them, unless a route says otherwise.
    // Set on the response's own headers: c.header() after next() rebuilds the Response, which
    // loses @hono/node-server's fast path (+60 µs a request); the headers object keeps it.
    const headers = c.res.headers;
    if (!headers.has('cache-control')) headers.set('cache-control', 'no-store');
  });
  app.use('*', auth.middleware);

  const context: RouteContext = { dependencies, auth };
  registerServiceRoutes(app);
  registerDocumentRoutes(app, context);
  registerViewRoutes(app, context);
  registerEventRoutes(app, context);
  registerReviewRoutes(app, context);
  registerDashboardRoutes(app, context);
  registerDeskRoutes(app, context);

  app.notFound((c) =>
    sendError(c, {
      status: 404,
      body: { error: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` },
      headers: {},
    }),
  );

  app.onError((error, c) => {
    const id = c.get('requestId') ?? 'unknown';
    const response = errorResponseOf(error, id);
    if (response.status >= 500 && response.body.error === 'INTERNAL') {
      logError('stancewatch api: unexpected error', {
        requestId: id,
        method: c.req.method,
        path: c.req.path,
        error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : error,
      });
    }
    if (accessOf(c.req.path) === 'dashboard') return dashboardError(c, response);
    return sendError(c, response);
  });

  return app;
}

function dashboardError(c: Context, response: ReturnType<typeof errorResponseOf>) {
  for (const [name, value] of Object.entries(response.headers)) c.header(name, value);
  const title = ERROR_TITLES[response.status] ?? 'Something went wrong';
  return renderPage(c, {
    title,
    status: response.status,
    canLogOut: false,
    body: errorPage({
      title,
      message: response.body.message,
      ...(response.body.requestId ? { requestId: response.body.requestId } : {}),
    }),
  });
}
