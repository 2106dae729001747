import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSmoke } from '../../cli/smoke';
import { createApp } from '../../functions/api/app';
import { MemoryNotifier } from '../../shared/adapters/embedded/memory-notifier';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { openStancewatch, type Stancewatch } from '../../shared/wiring/embedded';
import { serveApp, TEST_TOKEN } from '../functions/api/api-fixture';

let store: Stancewatch;
let server: Awaited<ReturnType<typeof serveApp>>;
let notifier: MemoryNotifier;

beforeAll(async () => {
  // The real rules extractor, projector and alerter: the smoke documents must work on the real thing.
  notifier = new MemoryNotifier(createUlidGenerator());
  store = await openStancewatch({ notifier });
  server = await serveApp(
    createApp({
      ingest: store,
      eventStore: store.eventStore,
      views: store.views,
      auth: { token: TEST_TOKEN, publicRead: false },
      logError: () => {},
    }),
  );
}, 60_000);
afterAll(async () => {
  await server?.close();
  await store?.close();
});

describe('stancewatch smoke', { timeout: 60_000 }, () => {
  it('posts its two documents, finds their contradiction and its alert, and passes', async () => {
    const seen: string[] = [];
    const outcome = await runSmoke({
      apiUrl: server.url,
      token: TEST_TOKEN,
      timeoutMs: 30_000,
      pollMs: 100,
      runId: 'run1',
      onStep: (step) => seen.push(step.step),
    });
    expect(outcome.ok).toBe(true);
    expect(seen).toEqual([
      'health',
      'POST /documents smoke-run1-a',
      'POST /documents smoke-run1-b',
      'contradiction detected',
      'alert published',
    ]);
    expect(notifier.sent.map((message) => message.subject)).toContain('Ukraine contradicts itself on venue');

    // A second run makes new documents (not duplicates) and a new contradiction.
    const second = await runSmoke({
      apiUrl: server.url,
      token: TEST_TOKEN,
      timeoutMs: 30_000,
      pollMs: 100,
      runId: 'run2',
    });
    expect(second.ok).toBe(true);
  });

  it('fails, saying where, with a wrong token or an unreachable API', async () => {
    const refused = await runSmoke({ apiUrl: server.url, token: 'wrong-token', timeoutMs: 2_000, pollMs: 100 });
    expect(refused.ok).toBe(false);
    expect(refused.steps.at(-1)).toMatchObject({ step: expect.stringContaining('POST /documents'), ok: false });
    expect(refused.steps.at(-1)?.detail).toContain('401');

    const nowhere = await runSmoke({ apiUrl: 'http://127.0.0.1:9', token: TEST_TOKEN, timeoutMs: 2_000 });
    expect(nowhere.ok).toBe(false);
    expect(nowhere.steps).toEqual([expect.objectContaining({ step: 'health', ok: false })]);
  });
});
