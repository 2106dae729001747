import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiFixture, startApi } from './api-fixture';

/** Routes that are not part of the JSON API: the dashboard, its login, and the documentation itself. */
const NOT_API = new Set([
  'GET /',
  'GET /actors/:id',
  'GET /assets/dashboard.css',
  'GET /login',
  'POST /login',
  'POST /logout',
  'GET /docs',
  'GET /docs/interactive',
  'GET /openapi.json',
  'GET /desk',
  'POST /desk/contradictions/:id/verdict',
  'POST /desk/statements/:id/reject',
]);

interface Operation {
  parameters?: { name: string; in: string }[];
  responses: Record<string, unknown>;
  security?: unknown[];
  requestBody?: { content: Record<string, unknown> };
}
interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
  security: unknown[];
}

let api: ApiFixture;
let document: OpenApiDocument;

beforeAll(async () => {
  api = await startApi();
  const response = await api.app.request('/openapi.json');
  expect(response.status).toBe(200);
  document = (await response.json()) as OpenApiDocument;
});
afterAll(async () => {
  await api.close();
});

describe('OpenAPI document', () => {
  it('documents every API route the app serves', () => {
    const apiRoutes = [
      ...new Set(api.app.routes.filter((route) => route.method !== 'ALL').map((r) => `${r.method} ${r.path}`)),
    ].filter((route) => !NOT_API.has(route));
    expect(apiRoutes.length).toBeGreaterThanOrEqual(7);
    for (const route of apiRoutes) {
      const [method = '', path = ''] = route.split(' ');
      const openApiPath = path.replace(/:([A-Za-z]+)/g, '{$1}');
      expect(document.paths[openApiPath]?.[method.toLowerCase()], route).toBeDefined();
    }
  });

  it('is OpenAPI 3.1 with bearer security on everything but /health', () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.components.securitySchemes.bearerToken).toMatchObject({ type: 'http', scheme: 'bearer' });
    expect(document.security).toEqual([{ bearerToken: [] }]);
    expect(document.paths['/health']?.get?.security).toEqual([]);
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        if (path === '/health') continue;
        expect(Object.keys(operation.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['401', '500']));
      }
    }
  });

  it('comes from the same zod schemas the validators use: parameters, bodies, named components', () => {
    const positions = document.paths['/positions']?.get;
    expect(positions?.parameters?.map((parameter) => parameter.name).sort()).toEqual([
      'actor',
      'cursor',
      'limit',
      'topic',
    ]);
    const timeline = document.paths['/positions/{actor}/{topic}/timeline']?.get;
    expect(
      timeline?.parameters?.filter((parameter) => parameter.in === 'path').map((parameter) => parameter.name),
    ).toEqual(['actor', 'topic']);
    const ingest = document.paths['/documents']?.post;
    expect(Object.keys(ingest?.requestBody?.content ?? {}).sort()).toEqual([
      'application/json',
      'text/html',
      'text/plain',
    ]);
    expect(Object.keys(ingest?.responses ?? {})).toEqual(expect.arrayContaining(['200', '201', '400', '413', '415']));
    expect(Object.keys(document.components.schemas)).toEqual(
      expect.arrayContaining([
        'Error',
        'DocumentInput',
        'Position',
        'TimelineEntry',
        'Contradiction',
        'StatementRef',
        'Event',
      ]),
    );
  });

  it('renders a reference page at /docs with every documented operation and no script, so it works offline', async () => {
    const response = await api.app.request('/docs');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    const page = await response.text();
    expect(page).not.toMatch(/<script/i);
    expect(page).toContain('href="/openapi.json"');
    expect(page).toContain('href="/docs/interactive"');
    let operations = 0;
    for (const [path, byMethod] of Object.entries(document.paths)) {
      for (const method of Object.keys(byMethod)) {
        operations += 1;
        expect(page, `${method} ${path}`).toContain(`<code>${method.toUpperCase()} ${path}</code>`);
      }
    }
    expect(operations).toBeGreaterThanOrEqual(7);
    for (const schema of ['Contradiction', 'DocumentInput']) expect(page).toContain(`<code>${schema}</code>`);
    // Parameters are listed with their place: the cursor of a paged list is a query parameter.
    expect(page).toMatch(/<code>cursor<\/code>[^<]*<\/td><td>query<\/td>/);
  });

  it('has an interactive reference page at /docs/interactive that loads the document', async () => {
    const response = await api.app.request('/docs/interactive');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/html');
    expect(await response.text()).toContain('/openapi.json');
  });
});
