// @hono/zod-openapi first: importing it adds `.openapi()` to zod's schemas, which the schemas below
// call. `z` is zod's namespace, not the `z` @hono/zod-openapi re-exports, so the bundle keeps only
// the zod it uses (docs/deploy.md, "Cold starts").
import '@hono/zod-openapi';
import * as z from 'zod';
import { Severity, Strength } from '../../events/position-events';
import { DismissalReason } from '../../events/review-events';
import {
  ActorId,
  Attribution,
  Evidence,
  IsoDateOrTimestamp,
  Polarity,
  PropositionId,
  TopicId,
} from '../../events/statement';
import { StatementRef as StatementRefSchema } from '../../events/statement-ref';
import { DocumentInput as DocumentInputSchema } from '../../shared/domain/documents/document-input-schema';
import { MAX_PAGE_SIZE } from '../../shared/ports/views';
import { MAX_CURSOR_LENGTH } from './cursor';

/**
 * Request and response schemas of the HTTP API: the validators check requests against them and
 * the OpenAPI document is generated from them (functions/api/openapi.ts). Domain schemas (the
 * document input, the statement reference) are reused as they are, so the API cannot drift from
 * what the use cases accept and the views hold.
 */

// ----- shared pieces -----

export const ErrorBody = z
  .object({
    error: z.string().openapi({ example: 'VALIDATION_FAILED', description: 'Stable machine-readable code.' }),
    message: z.string().openapi({ example: 'invalid query: limit: Too big: expected number to be <=100' }),
    details: z
      .record(z.string(), z.unknown())
      .optional()
      .openapi({ description: 'Safe context, e.g. `issues: [{in, field, message}]` for a validation failure.' }),
    requestId: z.string().optional().openapi({ description: 'Only on 500: quote it when reporting the problem.' }),
  })
  .openapi('Error');

const errorResponse = (description: string) => ({
  description,
  content: { 'application/json': { schema: ErrorBody } },
});

/** The error responses every route can give, plus those a route lists itself. */
export function errorResponses(...statuses: (400 | 404 | 409 | 413 | 415)[]) {
  const own: Record<number, ReturnType<typeof errorResponse>> = {
    400: errorResponse(
      'Invalid parameters or body (`VALIDATION_FAILED`, with the fields), or a bad cursor (`INVALID_CURSOR`).',
    ),
    404: errorResponse('Unknown actor, topic, document or stream (`NOT_FOUND`).'),
    409: errorResponse('A concurrent write to the same stream (`CONCURRENCY_CONFLICT`); retry.'),
    413: errorResponse('Body or document over the limit (`DOCUMENT_TOO_LARGE`).'),
    415: errorResponse(
      'Content type other than JSON, text/plain or text/html, or binary content (`UNSUPPORTED_MEDIA_TYPE`).',
    ),
  };
  return {
    ...Object.fromEntries(statuses.map((status) => [status, own[status]])),
    401: errorResponse('Missing or invalid bearer token (`UNAUTHORIZED`).'),
    429: errorResponse('The store is throttling (`THROTTLED`); retry after the Retry-After header.'),
    500: errorResponse('A fault of the service (`INTERNAL`): the body carries only a request id.'),
    503: errorResponse('The store is unavailable (`STORE_UNAVAILABLE`); retry.'),
  };
}

export const Limit = z.coerce
  .number()
  .int()
  .min(1)
  .max(MAX_PAGE_SIZE)
  .optional()
  .openapi({
    param: { name: 'limit', in: 'query' },
    description: `Page size, 1-${MAX_PAGE_SIZE}; 50 when absent.`,
    example: 20,
  });

export const Cursor = z
  .string()
  .max(MAX_CURSOR_LENGTH)
  .optional()
  .openapi({
    param: { name: 'cursor', in: 'query' },
    description: 'The `next` value of the previous page, as given: opaque and signed, bound to the same filters.',
  });

const next = z
  .string()
  .optional()
  .openapi({ description: 'Pass as `cursor` to read the next page; absent on the last page.' });

const pageOf = <T extends z.ZodType>(item: T, name: string) => z.object({ items: z.array(item), next }).openapi(name);

// Domain schemas were built before zod got its `.openapi()` method (module order), so they are
// annotated through zod's own `.meta()`, which the OpenAPI generator reads too.
const actorParam = (where: 'query' | 'path', description: string) =>
  ActorId.meta({ param: { name: 'actor', in: where }, description, example: 'ukraine' });
const topicParam = (where: 'query' | 'path', description: string) =>
  TopicId.meta({ param: { name: 'topic', in: where }, description, example: 'territory' });

// ----- views -----

export const StatementRef = z.object(StatementRefSchema.shape).openapi('StatementRef', {
  description: 'A statement as evidence: the exact sentence, who said it, when, and where it was published.',
});

export const Position = z
  .object({
    actor: ActorId,
    topic: TopicId,
    proposition: PropositionId,
    polarity: Polarity,
    statement: StatementRef,
  })
  .openapi('Position', {
    description: "An actor's current position on one proposition: its latest-said standing statement.",
  });

export const TimelineEntry = z
  .object({
    statementId: z.string(),
    documentId: z.string(),
    sentenceIndex: z.number().int(),
    quote: z.string(),
    speaker: z.string().optional(),
    actor: ActorId,
    topic: TopicId,
    proposition: PropositionId,
    polarity: Polarity,
    attribution: Attribution,
    reportedBy: ActorId.optional(),
    confidence: z.number(),
    statedAt: IsoDateOrTimestamp,
    source: z.string().optional(),
    documentTitle: z.string().optional(),
    extractorVersion: z.string(),
    codebookVersion: z.string(),
    evidenceOnly: z
      .enum(['hearsay', 'low-confidence'])
      .optional()
      .openapi({ description: 'Shown as evidence but never moves the position.' }),
    hearsay: z.boolean(),
    effect: z.enum(['taken', 'changed', 'reaffirmed']).optional(),
    changedFrom: Polarity.optional(),
    previousStatementId: z.string().optional(),
    retracted: z.boolean(),
    retractionReason: z.string().optional(),
    withdrawn: z.boolean(),
    rejected: z
      .object({ by: z.string(), at: z.string() })
      .optional()
      .openapi({ description: 'An analyst rejected this statement as a misreading of the sentence.' }),
    contradictionIds: z.array(z.string()),
  })
  .openapi('TimelineEntry');

export const Contradiction = z
  .object({
    id: z.string(),
    actor: ActorId,
    topic: TopicId,
    proposition: PropositionId,
    severity: Severity,
    strength: Strength.meta({
      description:
        '`strong`: alerted at once; `possible`: waits in the review queue for an analyst (docs/positions.md).',
    }),
    earlier: StatementRef,
    later: StatementRef,
    detectedAt: z.string(),
    status: z.enum(['active', 'withdrawn']),
    alert: z.object({ channel: z.string(), messageId: z.string(), alertedAt: z.string() }).optional(),
    verdict: z
      .object({
        kind: z.enum(['confirmed', 'dismissed']),
        reason: DismissalReason.optional(),
        by: z.string(),
        note: z.string().optional(),
        at: z.string(),
      })
      .optional()
      .openapi({ description: "The latest analyst's verdict, when there is one." }),
  })
  .openapi('Contradiction', {
    description: 'The same actor supporting and opposing the same proposition: both statements as evidence.',
  });

export const PositionPage = pageOf(Position, 'PositionPage');
export const TimelinePage = pageOf(TimelineEntry, 'TimelinePage');
export const ContradictionPage = pageOf(Contradiction, 'ContradictionPage');

export const PositionQuery = z.object({
  actor: actorParam('query', 'Only this actor (404 when stancewatch has no statement about it).').optional(),
  topic: topicParam('query', 'Only this topic.').optional(),
  limit: Limit,
  cursor: Cursor,
});

export const TimelineParams = z.object({
  actor: actorParam('path', 'The actor.'),
  topic: topicParam('path', 'One of the actor’s topics.'),
});

export const TimelineQuery = z.object({
  order: z
    .enum(['asc', 'desc'])
    .optional()
    .openapi({ param: { name: 'order', in: 'query' }, description: 'By when it was said: asc (default) or desc.' }),
  limit: Limit,
  cursor: Cursor,
});

export const ContradictionQuery = z.object({
  actor: actorParam('query', 'Only this actor (404 when unknown).').optional(),
  topic: topicParam('query', 'Only this topic.').optional(),
  since: IsoDateOrTimestamp.optional().meta({
    param: { name: 'since', in: 'query' },
    description: 'Only contradictions whose later statement was said at or after this date or timestamp.',
    example: '2025-11-01',
  }),
  includeWithdrawn: z
    .enum(['true', 'false'])
    .optional()
    .openapi({
      param: { name: 'includeWithdrawn', in: 'query' },
      description: 'Also list contradictions withdrawn after a re-extraction (default false).',
    }),
  limit: Limit,
  cursor: Cursor,
});

// ----- documents -----

export const DocumentInput = z.strictObject(DocumentInputSchema.shape).openapi('DocumentInput', {
  description:
    'A document: plain text or an HTML page (its article text is extracted). `id` is your own id; without it the id is derived from the text, so the same text is never stored twice.',
  example: {
    id: 'example-2025-10-28',
    title: 'Kyiv says talks yes, retreat no',
    source: 'Example Wire',
    publishedAt: '2025-10-28',
    text: 'Ukrainian President Volodymyr Zelensky said Ukraine would not withdraw from any more territory.',
  },
});

export const DocumentMetadataQuery = z.object({
  publishedAt: IsoDateOrTimestamp.optional().meta({
    param: { name: 'publishedAt', in: 'query' },
    description: 'Required with a text/plain or text/html body: the publication date.',
    example: '2025-10-28',
  }),
  title: z
    .string()
    .max(500)
    .optional()
    .openapi({ param: { name: 'title', in: 'query' } }),
  source: z
    .string()
    .max(500)
    .optional()
    .openapi({ param: { name: 'source', in: 'query' } }),
  url: z
    .string()
    .max(2000)
    .optional()
    .openapi({ param: { name: 'url', in: 'query' } }),
  id: z
    .string()
    .max(128)
    .optional()
    .openapi({ param: { name: 'id', in: 'query' }, description: 'Your own document id.' }),
});

const ExtractedStatement = z
  .object({
    statementId: z.string(),
    documentId: z.string(),
    sentenceIndex: z.number().int(),
    quote: z.string(),
    actor: ActorId,
    speaker: z.string().optional(),
    topic: TopicId,
    proposition: PropositionId,
    polarity: Polarity,
    attribution: Attribution,
    /** How the text carries the stance: the actor's quoted words, reported speech, or an act. */
    evidence: Evidence,
    reportedBy: ActorId.optional(),
    confidence: z.number(),
    statedAt: IsoDateOrTimestamp,
    extractorVersion: z.string(),
    codebookVersion: z.string(),
    source: z.string().optional(),
    documentTitle: z.string().optional(),
  })
  .openapi('Statement');

export const IngestResult = z
  .object({
    documentId: z.string(),
    duplicate: z
      .boolean()
      .openapi({ description: 'True when this document was already stored: nothing new was written.' }),
    title: z.string().optional(),
    publishedAt: IsoDateOrTimestamp,
    extractorVersion: z.string(),
    codebookVersion: z.string(),
    statements: z.array(ExtractedStatement),
    droppedStatements: z
      .number()
      .int()
      .openapi({ description: 'Statements the extractor proposed that failed validation.' }),
  })
  .openapi('IngestResult');

export const DocumentParams = z.object({
  id: z
    .string()
    .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,159}$/, 'document ids are letters, digits, . _ : -')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'example-2025-10-28-kyiv-terms' }),
});

export const StoredDocument = z
  .object({
    documentId: z.string(),
    externalId: z.string().optional(),
    title: z.string().optional(),
    source: z.string().optional(),
    url: z.string().optional(),
    publishedAt: IsoDateOrTimestamp,
    ingestedAt: z.string(),
    format: z.enum(['text', 'html']),
    contentHash: z.string(),
    extractorVersion: z.string(),
    codebookVersion: z.string(),
    text: z.string().openapi({ description: 'The stored article text (plain text, normalised).' }),
    statements: z.array(
      ExtractedStatement.extend({
        retracted: z.boolean(),
        retractionReason: z.string().optional(),
      }),
    ),
  })
  .openapi('Document', {
    description: 'A stored document, its text, and every statement extracted from it (retracted ones flagged).',
  });

// ----- events -----

export const StoredEvent = z
  .object({
    eventId: z.string(),
    type: z.string(),
    schemaVersion: z.number().int(),
    streamId: z.string(),
    version: z.number().int(),
    occurredAt: z.string(),
    recordedAt: z.string(),
    correlationId: z.string(),
    causationId: z.string().nullable(),
    data: z.record(z.string(), z.unknown()),
    commitId: z.string().optional().openapi({ description: 'The global commit (global log only).' }),
  })
  .openapi('Event');

export const EventPage = pageOf(StoredEvent, 'EventPage');

export const EventQuery = z.object({
  stream: z
    .string()
    .min(1)
    .max(512)
    .optional()
    .openapi({
      param: { name: 'stream', in: 'query' },
      description:
        'One stream, in version order (e.g. `document/<id>`, `position/<actor>/<topic>/<proposition>`); without it, the global log in commit order.',
      example: 'position/ukraine/territory/cede-territory',
    }),
  limit: Limit,
  cursor: Cursor,
});

export const Health = z.object({ status: z.literal('ok') }).openapi('Health');

// ----- review -----

export const ReviewQuery = z.object({ limit: Limit, cursor: Cursor });

export const ContradictionIdParam = z.object({
  id: z
    .string()
    .regex(/^ctr-[0-9a-f]{24}$/, 'contradiction ids look like ctr-<24 hex digits>')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'ctr-0dc62aba4a106d101933c8d7' }),
});

export const StatementIdParam = z.object({
  id: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[A-Za-z0-9._:-]+$/, 'statement ids are plain ASCII, e.g. st-<24 hex digits>')
    .openapi({ param: { name: 'id', in: 'path' }, example: 'st-3f2a9c1b7d4e5f60718293a4' }),
});

const Note = z.string().max(2000).optional().openapi({ description: 'Free text for the record.' });

export const VerdictBody = z
  .discriminatedUnion('verdict', [
    z.object({ verdict: z.literal('confirm'), note: Note }).strict(),
    z.object({ verdict: z.literal('dismiss'), reason: DismissalReason, note: Note }).strict(),
  ])
  .openapi('Verdict', {
    description:
      'Confirm (a possible contradiction is then alerted, once) or dismiss with a reason (it never alerts). Who gave it is the label of the token used.',
  });

export const VerdictResult = z
  .object({ contradiction: Contradiction, recorded: z.boolean() })
  .openapi('VerdictResult', { description: '`recorded` is false when the contradiction already had this verdict.' });

export const RejectBody = z
  .object({
    documentId: z.string().min(1).max(160).openapi({ description: 'The document the statement was read from.' }),
    note: Note,
  })
  .strict()
  .openapi('StatementRejection');

export const RejectResult = z
  .object({ statementId: z.string(), documentId: z.string(), recorded: z.boolean() })
  .openapi('StatementRejectionResult');

export const StatsQuery = z.object({
  days: z.coerce
    .number()
    .int()
    .min(1)
    .max(366)
    .optional()
    .openapi({ param: { name: 'days', in: 'query' }, description: 'The window, in days back from now (default 30).' }),
});

export const DeskStats = z
  .object({
    since: z.string(),
    alertsSent: z.number().int(),
    reviewed: z.number().int(),
    confirmed: z.number().int(),
    dismissed: z.number().int(),
    dismissedByReason: z.record(z.string(), z.number().int()),
  })
  .openapi('DeskStats', { description: "The desk's own precision: alerts sent and analysts' verdicts in the window." });
