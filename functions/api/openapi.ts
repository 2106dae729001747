import { createRoute } from '@hono/zod-openapi';
import { Scalar } from '@scalar/hono-api-reference';
import { secureHeaders } from 'hono/secure-headers';
import type { ApiApp } from './dependencies';
import { type OpenApiDocumentLike, referencePage } from './reference-page';
import { Health } from './schemas';

export const OPENAPI_PATH = '/openapi.json';
export const REFERENCE_PATH = '/docs';
export const INTERACTIVE_REFERENCE_PATH = '/docs/interactive';

const OPENAPI_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'stancewatch API',
    version: '1',
    description:
      'What governments and leaders say: documents in, statements out, positions over time and contradictions between them. ' +
      'Every route but /health needs `Authorization: Bearer <token>` (GET routes are open when the server runs with STANCEWATCH_PUBLIC_READ=true). ' +
      'Lists are paged: pass `next` back as `cursor`. Errors are `{error, message, details?}`.',
  },
  security: [{ bearerToken: [] }],
};

/** The reference pages run no script of ours; the interactive one loads Scalar's from its CDN. */
const referenceHeaders = secureHeaders({
  contentSecurityPolicy: {
    defaultSrc: ["'none'"],
    styleSrc: ["'self'"],
    frameAncestors: ["'none'"],
    baseUri: ["'none'"],
  },
  referrerPolicy: 'same-origin',
});

const healthRoute = createRoute({
  method: 'get',
  path: '/health',
  tags: ['service'],
  summary: 'Liveness (no token needed)',
  security: [],
  responses: { 200: { description: 'The API is up.', content: { 'application/json': { schema: Health } } } },
});

/** /health, the OpenAPI document generated from the routes' zod schemas, and the reference pages (offline and Scalar). */
export function registerServiceRoutes(app: ApiApp): void {
  app.openapi(healthRoute, (context) => context.json({ status: 'ok' as const }, 200));

  app.openAPIRegistry.registerComponent('securitySchemes', 'bearerToken', {
    type: 'http',
    scheme: 'bearer',
    description:
      'The API token: `npx stancewatch token` in embedded mode; the Secrets Manager secret created by the stack on AWS.',
  });

  app.doc31(OPENAPI_PATH, OPENAPI_CONFIG);

  // Rendered on the server from the same generated document, so it works offline (embedded mode);
  // once, at the first request, when every route has been registered.
  let page: string | undefined;
  app.get(REFERENCE_PATH, referenceHeaders, (context) => {
    page ??= referencePage({
      document: app.getOpenAPI31Document(OPENAPI_CONFIG) as OpenApiDocumentLike,
      openApiPath: OPENAPI_PATH,
      interactivePath: INTERACTIVE_REFERENCE_PATH,
    }).toString();
    return context.html(page);
  });

  app.get(
    INTERACTIVE_REFERENCE_PATH,
    Scalar({
      url: OPENAPI_PATH,
      pageTitle: 'stancewatch API',
      authentication: { preferredSecurityScheme: 'bearerToken' },
    }),
  );
}
