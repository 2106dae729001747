import { describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app';
import type { IngestDependencies } from '../../../shared/application/ingest-document';
import { ConcurrencyError, InvalidEventError, StoreUnavailableError, ThrottledError } from '../../../shared/errors';
import type { EventStore } from '../../../shared/ports/event-store';
import type { ViewStore } from '../../../shared/ports/views';
import { bearer, TEST_TOKEN } from './api-fixture';

/** An AWS SDK error as it would look after the adapters' retries, with text that must not leak. */
const awsError = Object.assign(new Error('User: arn:aws:iam::123456789012:role/x is not authorized'), {
  name: 'AccessDeniedException',
});

/** An app whose every store call throws `error`: the error handler is all that is left to test. */
function failingApp(error: unknown) {
  const fail = async (): Promise<never> => {
    throw error;
  };
  const views = {
    listPositions: fail,
    getTimeline: fail,
    listContradictions: fail,
    getContradiction: fail,
    listReviewQueue: fail,
    getDeskStats: fail,
    listShifts: fail,
    listActors: fail,
    getActor: fail,
    apply: fail,
    clear: fail,
  } satisfies ViewStore;
  const eventStore = {
    appendToStream: fail,
    readStream: fail,
    readStreamPage: fail,
    readAll: fail,
  } satisfies EventStore;
  const logged: unknown[] = [];
  const app = createApp({
    ingest: {
      eventStore,
      uniqueKeys: { claim: fail },
      extractor: { name: 'never', extract: fail },
      ids: { next: () => '01J00000000000000000000000' },
      clock: { now: () => new Date('2025-01-01T00:00:00Z') },
    } as unknown as IngestDependencies,
    eventStore,
    views,
    auth: { token: TEST_TOKEN, publicRead: false },
    logError: (message, context) => logged.push({ message, context }),
  });
  return { app, logged };
}

const ROUTES = [
  { method: 'GET', path: '/positions' },
  { method: 'GET', path: '/positions?actor=ukraine' },
  { method: 'GET', path: '/positions/ukraine/territory/timeline' },
  { method: 'GET', path: '/contradictions' },
  { method: 'GET', path: '/events' },
  { method: 'GET', path: '/events?stream=document%2Fx' },
  { method: 'GET', path: '/documents/doc-1' },
  {
    method: 'POST',
    path: '/documents',
    body: JSON.stringify({ publishedAt: '2025-01-01', text: 'Ukraine will not cede territory.' }),
  },
] as const;

const CASES = [
  {
    name: 'a concurrency conflict',
    error: new ConcurrencyError('position/ukraine/territory/cede-territory', 3, 4),
    status: 409,
    code: 'CONCURRENCY_CONFLICT',
  },
  {
    name: 'throttling',
    error: new ThrottledError('readViews was throttled after retries', {
      details: { operation: 'readViews', awsError: 'ProvisionedThroughputExceededException' },
      cause: awsError,
    }),
    status: 429,
    code: 'THROTTLED',
  },
  {
    name: 'an unavailable store',
    error: new StoreUnavailableError('readViews failed (AccessDeniedException) after retries', {
      details: { operation: 'readViews', awsError: 'AccessDeniedException' },
      cause: awsError,
    }),
    status: 503,
    code: 'STORE_UNAVAILABLE',
  },
  {
    name: 'a corrupt stored event',
    error: new InvalidEventError('invalid event envelope: eventId'),
    status: 500,
    code: 'INTERNAL',
  },
  { name: 'an unexpected AWS error', error: awsError, status: 500, code: 'INTERNAL' },
  {
    name: 'a programming error',
    error: new TypeError("Cannot read properties of undefined (reading 'x')"),
    status: 500,
    code: 'INTERNAL',
  },
] as const;

describe('error handler', () => {
  for (const { name, error, status, code } of CASES) {
    it(`maps ${name} to ${status} ${code} on every route, leaking nothing`, async () => {
      const { app, logged } = failingApp(error);
      for (const route of ROUTES) {
        const response = await app.request(route.path, {
          method: route.method,
          headers: { ...bearer(), 'content-type': 'application/json', 'x-request-id': 'req-42' },
          ...('body' in route ? { body: route.body } : {}),
        });
        const text = await response.text();
        expect(response.status, `${route.method} ${route.path}`).toBe(status);
        const body = JSON.parse(text) as Record<string, unknown>;
        expect(body.error).toBe(code);
        expect(text).not.toMatch(/arn:aws|AccessDenied|Provisioned|Exception|readViews|\bat \/|node_modules/);
        if (status === 500) {
          expect(body).toEqual({ error: 'INTERNAL', message: 'internal error', requestId: 'req-42' });
        }
        if (status === 429 || status === 503) expect(response.headers.get('retry-after')).toBe('1');
        if (status === 409) expect(body.details).toMatchObject({ expectedVersion: 3, actualVersion: 4 });
      }
      // Only faults of the service are logged, each with the request id.
      expect(logged).toHaveLength(status === 500 ? ROUTES.length : 0);
      if (status === 500) expect(logged[0]).toMatchObject({ context: { requestId: 'req-42' } });
    });
  }

  it('renders a dashboard page failure as HTML, not JSON', async () => {
    const { app } = failingApp(new StoreUnavailableError('readViews failed (AccessDeniedException) after retries'));
    const response = await app.request('/', { headers: bearer() });
    expect(response.status).toBe(503);
    expect(response.headers.get('content-type')).toContain('text/html');
    const html = await response.text();
    expect(html).toContain('the store is unavailable');
    expect(html).not.toContain('AccessDenied');
  });
});
