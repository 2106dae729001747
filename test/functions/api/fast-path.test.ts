import { serve } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../../functions/api/app';
import type { IngestDependencies } from '../../../shared/application/ingest-document';
import type { EventStore } from '../../../shared/ports/event-store';
import { MemoryViewStore } from '../../support/memory-view-store';
import { bearer, TEST_TOKEN } from './api-fixture';

/**
 * @hono/node-server answers fast when a handler's Response is its own lightweight one, still
 * holding status, body and headers as given (a `cache` slot); anything that rebuilds the
 * Response after the handler (c.header() after next()) makes it a full one (+60 µs a request).
 * The app's header middleware must leave responses lightweight.
 */
let server: ReturnType<typeof serve>;

beforeAll(() => {
  // Serving installs node-server's Response as the global one, as `stancewatch start` does.
  server = serve({ fetch: () => new Response('unused'), port: 0, hostname: '127.0.0.1' });
});
afterAll(() => {
  server.close();
});

const isLightweight = (response: Response) =>
  Object.getOwnPropertySymbols(response).some((symbol) => symbol.description === 'cache');

function app() {
  const eventStore = {} as EventStore;
  return createApp({
    ingest: { eventStore } as unknown as IngestDependencies,
    eventStore,
    views: new MemoryViewStore(),
    auth: { token: TEST_TOKEN, publicRead: false },
  });
}

describe('node-server fast path', () => {
  it.each([
    ['/health', {}],
    ['/positions', bearer()],
  ])(
    'GET %s leaves as a lightweight response, with the default cache-control and security headers',
    async (path, headers) => {
      const response = await app().fetch(new Request(`http://127.0.0.1${path}`, { headers }));
      expect(response.status).toBe(200);
      expect(isLightweight(response)).toBe(true);
      expect(response.headers.get('cache-control')).toBe('no-store');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-request-id')).toBeTruthy();
    },
  );
});
