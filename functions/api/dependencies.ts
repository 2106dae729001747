import type { OpenAPIHono } from '@hono/zod-openapi';
import type { RequestIdVariables } from 'hono/request-id';
import type { IngestDependencies, IngestOutcome } from '../../shared/application/ingest-document';
import type { Clock } from '../../shared/ports/clock';
import type { EventStore } from '../../shared/ports/event-store';
import type { IdGenerator } from '../../shared/ports/id-generator';
import type { ViewStore } from '../../shared/ports/views';
import type { Auth, AuthSettings, AuthVariables } from './auth';

export interface ApiDependencies {
  /** What POST /documents needs (the same use case the ingest Lambda runs). */
  ingest: IngestDependencies;
  eventStore: EventStore;
  views: ViewStore;
  auth: AuthSettings;
  /**
   * Key material for signing page cursors. Default: derived from the token, so every container
   * and every restart accepts the same cursors; with auth off, a random per-process key.
   */
  cursorSecret?: string;
  /** Where unexpected errors are reported (with the request id); console.error by default. */
  logError?: (message: string, context: Record<string, unknown>) => void;
}

/** POST /documents: store a document and extract its statements (the ingest use case). */
export type IngestDocument = (input: unknown, options: { correlationId?: string }) => Promise<IngestOutcome>;

/**
 * What the routes are given (build-app.ts). The ingest use case comes in as a function, so the
 * app's own modules import no extraction code; createApp (app.ts) builds these from
 * ApiDependencies, the read API function without any ingest at all (shared/wiring/aws/api.ts).
 */
export interface AppDependencies extends Omit<ApiDependencies, 'ingest'> {
  ingestDocument: IngestDocument;
  ids: IdGenerator;
  clock: Clock;
}

/** `principal`: the label of the token the request was let in with (auth.ts). */
export type ApiEnv = { Variables: RequestIdVariables & AuthVariables };
export type ApiApp = OpenAPIHono<ApiEnv>;

/** What each group of routes is given. */
export interface RouteContext {
  dependencies: AppDependencies;
  auth: Auth;
}
