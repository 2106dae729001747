import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { createApp } from '../../../functions/api/app';
import { MemoryNotifier } from '../../../shared/adapters/embedded/memory-notifier';
import type { Extractor } from '../../../shared/ports/extractor';
import { createUlidGenerator } from '../../../shared/ports/id-generator';
import type { AlertMessage } from '../../../shared/ports/notifier';
import { openStancewatch, type Stancewatch } from '../../../shared/wiring/embedded';
import { type StubRule, stubExtractor } from '../../support/memory-pipeline';

export const TEST_TOKEN = 'sw_test-token-for-the-api-0123456789abcdef';
export const bearer = (token = TEST_TOKEN) => ({ authorization: `Bearer ${token}` });

/** Phrase rules for the stub extractor: enough for positions, a change and a contradiction. */
export const RULES: StubRule[] = [
  {
    phrase: 'will not cede territory',
    actor: 'ukraine',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'oppose',
  },
  {
    phrase: 'could give up part of Donetsk',
    actor: 'ukraine',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'support',
  },
  {
    phrase: 'ready for a ceasefire',
    actor: 'ukraine',
    topic: 'ceasefire',
    proposition: 'ceasefire-now',
    polarity: 'support',
  },
  { phrase: 'talks in Minsk', actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'support' },
  { phrase: 'never in Minsk', actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' },
  {
    phrase: 'demands Donetsk',
    actor: 'russia',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'support',
  },
  {
    phrase: 'tougher sanctions',
    actor: 'united-states',
    topic: 'sanctions',
    proposition: 'more-sanctions',
    polarity: 'support',
  },
];

export const stub = (): Extractor => stubExtractor('1', RULES);

export const document = (id: string, publishedAt: string, text: string, extra: Record<string, string> = {}) => ({
  id,
  title: `Title of ${id}`,
  source: 'Test Wire',
  publishedAt,
  text,
  ...extra,
});

/** Three documents: Ukraine refuses, then accepts ceding territory (a contradiction); Russia demands. */
export const CONTRADICTING_DOCUMENTS = [
  document('doc-oct', '2025-10-28', 'Zelensky said Ukraine will not cede territory. He is ready for a ceasefire.'),
  document('doc-nov', '2025-11-10', 'The Kremlin demands Donetsk. Washington wants tougher sanctions.'),
  document(
    'doc-dec',
    '2025-12-04',
    'Zelensky said Ukraine could give up part of Donetsk. Talks in Minsk were floated.',
  ),
];

export interface ApiFixture {
  store: Stancewatch;
  app: ReturnType<typeof createApp>;
  alerts: AlertMessage[];
  close(): Promise<void>;
}

/** An in-memory embedded stancewatch (dynalite, the real projector and alerter) and the app on top. */
export async function startApi(
  options: { token?: string | (() => Promise<string>) | null; publicRead?: boolean; extractor?: Extractor } = {},
): Promise<ApiFixture> {
  const notifier = new MemoryNotifier(createUlidGenerator());
  const alerts = notifier.sent;
  const store = await openStancewatch({ extractor: options.extractor ?? stub(), notifier });
  const token = options.token === null ? undefined : (options.token ?? TEST_TOKEN);
  const app = createApp({
    ingest: store,
    eventStore: store.eventStore,
    views: store.views,
    auth: { token, publicRead: options.publicRead ?? false },
    logError: () => {},
  });
  return { store, app, alerts, close: () => store.close() };
}

export async function ingestAll(fixture: ApiFixture, documents: readonly unknown[]): Promise<void> {
  for (const input of documents) await fixture.store.ingest(input);
  await fixture.store.drain();
}

/** Serves the app on a free loopback port, as `stancewatch start` does. */
export async function serveApp(app: { fetch: (request: Request) => Response | Promise<Response> }) {
  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
    started.once('error', reject);
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        // Idle keep-alive connections (a browser's) would otherwise hold the close open for a minute.
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
