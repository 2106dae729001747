import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '../../../functions/api/auth';
import { type ApiFixture, bearer, CONTRADICTING_DOCUMENTS, ingestAll, startApi, TEST_TOKEN } from './api-fixture';

type Kind = 'api' | 'dashboard' | 'public';

interface RouteCase {
  /** As the app registers it (`app.routes`). */
  route: string;
  kind: Kind;
  /** A concrete request, and the status it gets with a valid token. */
  path: string;
  body?: { contentType: string; content: string };
  ok: number;
}

const newDocument = (id: string) => ({
  contentType: 'application/json',
  content: JSON.stringify({
    id,
    publishedAt: '2025-11-01',
    text: `Washington wants tougher sanctions, said ${id}.`,
  }),
});

/**
 * Every route the app serves, and who may call it. The first test checks that this table and the
 * app agree, so a route added without a line here fails, and the line decides what is checked.
 */
const ROUTES: RouteCase[] = [
  { route: 'GET /health', kind: 'public', path: '/health', ok: 200 },
  { route: 'GET /openapi.json', kind: 'public', path: '/openapi.json', ok: 200 },
  { route: 'GET /docs', kind: 'public', path: '/docs', ok: 200 },
  { route: 'GET /docs/interactive', kind: 'public', path: '/docs/interactive', ok: 200 },
  { route: 'GET /assets/dashboard.css', kind: 'public', path: '/assets/dashboard.css', ok: 200 },
  { route: 'GET /login', kind: 'public', path: '/login', ok: 200 },
  { route: 'POST /login', kind: 'public', path: '/login', ok: 401 },
  { route: 'POST /logout', kind: 'public', path: '/logout', ok: 303 },
  { route: 'POST /documents', kind: 'api', path: '/documents', body: newDocument('auth-doc'), ok: 201 },
  { route: 'GET /documents/:id', kind: 'api', path: '/documents/doc-oct', ok: 200 },
  { route: 'GET /positions', kind: 'api', path: '/positions', ok: 200 },
  {
    route: 'GET /positions/:actor/:topic/timeline',
    kind: 'api',
    path: '/positions/ukraine/territory/timeline',
    ok: 200,
  },
  { route: 'GET /contradictions', kind: 'api', path: '/contradictions', ok: 200 },
  { route: 'GET /events', kind: 'api', path: '/events', ok: 200 },
  { route: 'GET /review', kind: 'api', path: '/review', ok: 200 },
  { route: 'GET /stats', kind: 'api', path: '/stats', ok: 200 },
  {
    route: 'POST /contradictions/:id/verdict',
    kind: 'api',
    path: '/contradictions/ctr-000000000000000000000000/verdict',
    body: { contentType: 'application/json', content: '{"verdict":"confirm"}' },
    ok: 404,
  },
  {
    route: 'POST /statements/:id/reject',
    kind: 'api',
    path: '/statements/st-000000000000000000000000/reject',
    body: { contentType: 'application/json', content: '{"documentId":"doc-oct"}' },
    ok: 404,
  },
  { route: 'GET /', kind: 'dashboard', path: '/', ok: 200 },
  { route: 'GET /actors/:id', kind: 'dashboard', path: '/actors/ukraine', ok: 200 },
  { route: 'GET /desk', kind: 'dashboard', path: '/desk', ok: 200 },
  {
    route: 'POST /desk/contradictions/:id/verdict',
    kind: 'dashboard',
    path: '/desk/contradictions/ctr-000000000000000000000000/verdict',
    body: { contentType: 'application/x-www-form-urlencoded', content: 'verdict=confirm' },
    ok: 404,
  },
  {
    route: 'POST /desk/statements/:id/reject',
    kind: 'dashboard',
    path: '/desk/statements/st-000000000000000000000000/reject',
    body: { contentType: 'application/x-www-form-urlencoded', content: 'documentId=doc-oct' },
    ok: 404,
  },
];

const PROTECTED = ROUTES.filter((route) => route.kind !== 'public');
const methodOf = (route: RouteCase) => route.route.split(' ')[0] ?? 'GET';

let api: ApiFixture;
let documents = 0;

/** Sends the route's request; POST /documents gets a fresh document each time so 201 stays 201. */
function send(app: ApiFixture['app'], route: RouteCase, headers: Record<string, string> = {}) {
  const body = route.path === '/documents' ? newDocument(`auth-doc-${++documents}`) : route.body;
  return app.request(route.path, {
    method: methodOf(route),
    headers: { ...(body ? { 'content-type': body.contentType } : {}), origin: 'http://localhost', ...headers },
    ...(body ? { body: body.content } : {}),
  });
}

beforeAll(async () => {
  api = await startApi();
  await ingestAll(api, CONTRADICTING_DOCUMENTS);
});
afterAll(async () => {
  await api.close();
});

describe('the route table', () => {
  it('lists exactly the routes the app serves', () => {
    const served = new Set(
      api.app.routes.filter((route) => route.method !== 'ALL').map((r) => `${r.method} ${r.path}`),
    );
    expect([...served].sort()).toEqual(ROUTES.map((route) => route.route).sort());
  });
});

describe('bearer token on every protected route', () => {
  it.each(PROTECTED.filter((route) => route.kind === 'api'))('$route: 401 without a token', async (route) => {
    const response = await send(api.app, route);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({ error: 'UNAUTHORIZED', message: expect.stringContaining('bearer token') });
  });

  it.each(PROTECTED.filter((route) => route.kind === 'api'))('$route: 401 with a wrong token', async (route) => {
    const response = await send(api.app, route, bearer(`${TEST_TOKEN}x`));
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toContain('invalid_token');
    expect(await response.json()).toMatchObject({ error: 'UNAUTHORIZED' });
  });

  it.each(PROTECTED.filter((route) => route.kind === 'dashboard'))(
    '$route: redirects to the login form without a token, or with a wrong cookie',
    async (route) => {
      for (const headers of [{}, { cookie: `${SESSION_COOKIE}=wrong` }, bearer('wrong')] as Record<string, string>[]) {
        const response = await send(api.app, route, headers);
        expect(response.status).toBe(303);
        expect(response.headers.get('location')).toBe(`/login?next=${encodeURIComponent(route.path)}`);
      }
    },
  );

  it.each(PROTECTED)('$route: served with the right token', async (route) => {
    await api.store.drain();
    const response = await send(api.app, route, bearer());
    expect(response.status).toBe(route.ok);
  });

  it.each(PROTECTED.filter((route) => route.kind === 'dashboard'))(
    '$route: served with the login cookie',
    async (route) => {
      const response = await send(api.app, route, { cookie: `${SESSION_COOKIE}=${TEST_TOKEN}` });
      expect(response.status).toBe(route.ok);
    },
  );

  it.each(ROUTES.filter((route) => route.kind === 'public'))('$route: public, no token needed', async (route) => {
    const response = await send(api.app, route);
    expect(response.status).toBe(route.ok);
  });

  it('a login cookie does not open the JSON API (bearer only: no ambient authority for scripts)', async () => {
    const response = await api.app.request('/positions', { headers: { cookie: `${SESSION_COOKIE}=${TEST_TOKEN}` } });
    expect(response.status).toBe(401);
  });

  it('400 for an Authorization header that is not "Bearer <token>"', async () => {
    const response = await api.app.request('/positions', { headers: { authorization: 'Basic dXNlcjpwYXNz' } });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      error: 'VALIDATION_FAILED',
      message: expect.stringContaining('Bearer'),
    });
  });

  it('unknown paths need the token too (nothing is revealed without it)', async () => {
    expect((await api.app.request('/admin')).status).toBe(401);
  });
});

describe('STANCEWATCH_PUBLIC_READ', () => {
  let open: ApiFixture;
  beforeAll(async () => {
    open = await startApi({ publicRead: true });
    await ingestAll(open, CONTRADICTING_DOCUMENTS);
  });
  afterAll(async () => {
    await open.close();
  });

  it.each(PROTECTED.filter((route) => methodOf(route) === 'GET'))('$route: readable without a token', async (route) => {
    expect((await send(open.app, route)).status).toBe(route.ok);
  });

  it('writes stay protected', async () => {
    const route = ROUTES.find((entry) => entry.route === 'POST /documents') as RouteCase;
    expect((await send(open.app, route)).status).toBe(401);
    expect((await send(open.app, route, bearer())).status).toBe(201);
  });
});

describe('auth off (--no-auth)', () => {
  it('serves every route without a token', async () => {
    const off = await startApi({ token: null });
    try {
      await ingestAll(off, CONTRADICTING_DOCUMENTS);
      for (const route of PROTECTED) expect((await send(off.app, route)).status, route.route).toBe(route.ok);
      // The login form has nothing to do.
      expect((await off.app.request('/login')).status).toBe(303);
    } finally {
      await off.close();
    }
  });
});

describe('a token fetched from a secret store', () => {
  it('is fetched per request (the fetcher caches), and a fetch failure is a 503 that says nothing more', async () => {
    let fetches = 0;
    let failing = false;
    const lazy = await startApi({
      token: async () => {
        fetches++;
        if (failing)
          throw Object.assign(new Error('arn:aws:secretsmanager:eu-west-1:1:secret:x'), { name: 'AccessDenied' });
        return TEST_TOKEN;
      },
    });
    try {
      expect((await lazy.app.request('/positions', { headers: bearer() })).status).toBe(200);
      expect((await lazy.app.request('/positions', { headers: bearer('nope') })).status).toBe(401);
      expect(fetches).toBeGreaterThanOrEqual(2);
      failing = true;
      const response = await lazy.app.request('/positions', { headers: bearer() });
      expect(response.status).toBe(503);
      const text = await response.text();
      expect(JSON.parse(text)).toMatchObject({ error: 'STORE_UNAVAILABLE' });
      expect(text).not.toContain('arn:aws');
    } finally {
      await lazy.close();
    }
  });
});

describe('dashboard login and logout', () => {
  const login = (token: string, headers: Record<string, string> = {}, url = 'http://localhost/login') =>
    api.app.request(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', origin: new URL(url).origin, ...headers },
      body: new URLSearchParams({ token, next: '/actors/ukraine' }).toString(),
    });

  it('sets an HttpOnly, SameSite=Strict cookie and goes where it was asked', async () => {
    const response = await login(TEST_TOKEN);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/actors/ukraine');
    const cookie = response.headers.get('set-cookie') ?? '';
    expect(cookie).toContain(`${SESSION_COOKIE}=`);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/);
  });

  it('marks the cookie Secure over https', async () => {
    const response = await login(TEST_TOKEN, {}, 'https://stancewatch.example/login');
    expect(response.headers.get('set-cookie')).toMatch(/Secure/);
  });

  it('refuses a wrong token with the form again (401) and sets nothing', async () => {
    const response = await login('wrong');
    expect(response.status).toBe(401);
    expect(response.headers.get('set-cookie')).toBeNull();
    expect(await response.text()).toContain('not valid');
  });

  it('refuses a cross-site form post (CSRF)', async () => {
    const response = await login(TEST_TOKEN, { origin: 'https://evil.example' });
    expect(response.status).toBe(403);
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('never redirects off the site', async () => {
    for (const next of ['//evil.example/', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const response = await api.app.request(`/login?next=${encodeURIComponent(next)}`, {
        headers: { cookie: `${SESSION_COOKIE}=${TEST_TOKEN}` },
      });
      expect(response.status).toBe(303);
      expect(response.headers.get('location')).toBe('/');
    }
  });

  it('logout clears the cookie', async () => {
    const response = await api.app.request('/logout', {
      method: 'POST',
      headers: { origin: 'http://localhost', cookie: `${SESSION_COOKIE}=${TEST_TOKEN}` },
    });
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/login');
    expect(response.headers.get('set-cookie')).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`));
  });
});
