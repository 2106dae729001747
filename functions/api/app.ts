import { Hono } from 'hono';
import type { IngestDependencies } from '../../shared/application/ingest-document';
import type { EventStore } from '../../shared/ports/event-store';
import type { ViewStore } from '../../shared/ports/views';

export interface ApiDependencies {
  /** What POST /documents needs (the same use case the ingest Lambda runs). */
  ingest: IngestDependencies;
  eventStore: EventStore;
  views: ViewStore;
  auth: {
    /** The bearer token, or a function that fetches it (Secrets Manager); undefined disables auth. */
    token: string | (() => Promise<string>) | undefined;
    /** STANCEWATCH_PUBLIC_READ=true: GET routes without a token, writes still protected. */
    publicRead: boolean;
  };
}

/** The one Hono app: served by @hono/node-server in embedded mode and by hono/aws-lambda on AWS. */
export function createApp(_dependencies: ApiDependencies) {
  const app = new Hono();
  app.get('/health', (context) => context.json({ status: 'ok' }));
  return app;
}
