import { createRoute } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import * as z from 'zod';
import type { StatementExtracted } from '../../../events/document-events';
import { MAX_RAW_DOCUMENT_BYTES } from '../../../shared/domain/documents/document-limits';
import { documentStreamId } from '../../../shared/domain/stream-ids';
import {
  DocumentTooLargeError,
  NotFoundError,
  UnsupportedMediaTypeError,
  ValidationError,
} from '../../../shared/errors';
import type { ApiApp, RouteContext } from '../dependencies';
import {
  DocumentInput,
  DocumentMetadataQuery,
  DocumentParams,
  errorResponses,
  IngestResult,
  StoredDocument,
} from '../schemas';

/**
 * Largest request body POST /documents reads: the raw document limit (2 MiB of text) plus room
 * for JSON escaping and metadata. Above it: 413 before the body is read. The text itself is then
 * held to MAX_RAW_DOCUMENT_BYTES (and the extracted article to MAX_TEXT_BYTES) by the use case.
 */
export const MAX_REQUEST_BODY_BYTES = MAX_RAW_DOCUMENT_BYTES + 1024 * 1024;

const TEXT_TYPES = ['text/plain', 'text/html'];
const TEXT_CHARSETS = new Set(['utf-8', 'utf8', 'us-ascii']);

const ingestRoute = createRoute({
  method: 'post',
  path: '/documents',
  tags: ['documents'],
  summary: 'Ingest a document',
  description:
    'Stores the document, extracts its statements and appends them as events; positions, timelines and contradictions follow within seconds. ' +
    'Send JSON (`DocumentInput`), or the text itself as `text/plain` / `text/html` (UTF-8) with the metadata in the query (`publishedAt` required). ' +
    `Bodies above ${MAX_REQUEST_BODY_BYTES} bytes are refused with 413; so is a text above ${MAX_RAW_DOCUMENT_BYTES} bytes. ` +
    'Idempotent: the same id, or the same text, answers 200 with `duplicate: true` and writes nothing.',
  middleware: [
    bodyLimit({
      maxSize: MAX_REQUEST_BODY_BYTES,
      onError: () => {
        throw new DocumentTooLargeError(`the request body is over the limit of ${MAX_REQUEST_BODY_BYTES} bytes`, {
          details: { limit: MAX_REQUEST_BODY_BYTES },
        });
      },
    }),
  ] as const,
  request: {
    query: DocumentMetadataQuery,
    body: {
      required: false,
      content: {
        'application/json': { schema: DocumentInput },
        'text/plain': { schema: z.string().openapi({ example: 'Zelensky said Ukraine would not cede territory.' }) },
        'text/html': { schema: z.string().openapi({ description: 'An HTML page: its article text is extracted.' }) },
      },
    },
  },
  responses: {
    201: {
      description: 'Stored: the document id and the statements extracted.',
      headers: z.object({ Location: z.string().openapi({ example: '/documents/doc-1f2e3d4c5b6a79880a1b2c3d' }) }),
      content: { 'application/json': { schema: IngestResult } },
    },
    200: {
      description: 'Already stored (same id or same text): `duplicate: true`, the stored outcome, nothing written.',
      content: { 'application/json': { schema: IngestResult } },
    },
    ...errorResponses(400, 409, 413, 415),
  },
});

const documentRoute = createRoute({
  method: 'get',
  path: '/documents/{id}',
  tags: ['documents'],
  summary: 'A stored document and its statements',
  request: { params: DocumentParams },
  responses: {
    200: { description: 'The document.', content: { 'application/json': { schema: StoredDocument } } },
    ...errorResponses(400, 404),
  },
});

function mediaTypeOf(header: string | undefined): { type: string; charset: string | undefined } {
  const [type = '', ...parameters] = (header ?? '').split(';');
  const charset = parameters
    .map((parameter) => parameter.trim().toLowerCase())
    .find((parameter) => parameter.startsWith('charset='))
    ?.slice('charset='.length)
    .replace(/"/g, '');
  return { type: type.trim().toLowerCase(), charset };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function registerDocumentRoutes(app: ApiApp, { dependencies }: RouteContext): void {
  app.openapi(ingestRoute, async (context) => {
    const media = mediaTypeOf(context.req.header('content-type'));
    const metadata = context.req.valid('query');
    let input: unknown;
    if (media.type === 'application/json' || media.type.endsWith('+json')) {
      if (Object.values(metadata).some((value) => value !== undefined)) {
        throw new ValidationError('with a JSON body, the metadata goes in the body, not the query', {
          details: {
            issues: [{ in: 'query', field: Object.keys(metadata).join(','), message: 'not allowed with JSON' }],
          },
        });
      }
      input = context.req.valid('json');
    } else if (TEXT_TYPES.includes(media.type)) {
      if (media.charset !== undefined && !TEXT_CHARSETS.has(media.charset)) {
        throw new UnsupportedMediaTypeError(`send the text as UTF-8 (charset=${media.charset} is not supported)`);
      }
      let text: string;
      try {
        text = utf8.decode(await context.req.arrayBuffer());
      } catch {
        throw new UnsupportedMediaTypeError('the body is not valid UTF-8 text');
      }
      if (metadata.publishedAt === undefined) {
        throw new ValidationError('a text body needs ?publishedAt=YYYY-MM-DD', {
          details: { issues: [{ in: 'query', field: 'publishedAt', message: 'required with a text body' }] },
        });
      }
      input = { ...Object.fromEntries(Object.entries(metadata).filter(([, value]) => value !== undefined)), text };
    } else {
      throw new UnsupportedMediaTypeError('send application/json, or text/plain or text/html with ?publishedAt=');
    }
    const outcome = await dependencies.ingestDocument(input, { correlationId: context.get('requestId') });
    if (outcome.duplicate) return context.json(outcome, 200);
    context.header('Location', `/documents/${encodeURIComponent(outcome.documentId)}`);
    return context.json(outcome, 201);
  });

  app.openapi(documentRoute, async (context) => {
    const { id } = context.req.valid('param');
    const stream = await dependencies.eventStore.readStream(documentStreamId(id));
    const ingested = stream.events.find((event) => event.type === 'DocumentIngested');
    if (ingested?.type !== 'DocumentIngested') {
      throw new NotFoundError(`no document "${id}"`, { details: { documentId: id } });
    }
    // Folded in stream order: a re-extraction may retract a statement and a later one find it again.
    const statements = new Map<
      string,
      StatementExtracted['data'] & { retracted: boolean; retractionReason?: string }
    >();
    for (const event of stream.events) {
      if (event.type === 'StatementExtracted') {
        statements.set(event.data.statementId, { ...event.data, retracted: false });
      } else if (event.type === 'StatementRetracted') {
        const statement = statements.get(event.data.statementId);
        if (statement) {
          statements.set(event.data.statementId, {
            ...statement,
            retracted: true,
            retractionReason: event.data.reason,
          });
        }
      }
    }
    const { data } = ingested;
    return context.json(
      {
        documentId: data.documentId,
        ...(data.externalId ? { externalId: data.externalId } : {}),
        ...(data.title ? { title: data.title } : {}),
        ...(data.source ? { source: data.source } : {}),
        ...(data.url ? { url: data.url } : {}),
        publishedAt: data.publishedAt,
        ingestedAt: ingested.recordedAt,
        format: data.format,
        contentHash: data.contentHash,
        extractorVersion: data.extractorVersion,
        codebookVersion: data.codebookVersion,
        text: data.text,
        statements: [...statements.values()],
      },
      200,
    );
  });
}
