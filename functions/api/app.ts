import { ingestDocument } from '../../shared/application/ingest-document';
import { buildApp } from './build-app';
import type { ApiDependencies } from './dependencies';

export type { ApiDependencies } from './dependencies';
export { MAX_REQUEST_BODY_BYTES } from './routes/documents';

/**
 * The whole app with POST /documents running the ingest use case (extraction included): what
 * `stancewatch start`, the API write function and the tests serve. The read API function builds
 * the same app with buildApp and no ingest use case (functions/api/handler.ts).
 */
export function createApp(dependencies: ApiDependencies) {
  const { ingest, ...rest } = dependencies;
  return buildApp({
    ...rest,
    ids: ingest.ids,
    clock: ingest.clock,
    ingestDocument: (input, options) => ingestDocument(ingest, input, options),
  });
}
