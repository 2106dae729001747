import * as z from 'zod';
import { defineEvent, type EventOf } from './define-event';
import { ActorId, IsoDateOrTimestamp, PropositionId, Statement, TopicId } from './statement';

/** Stream `document/<documentId>`: one per ingested document. */

export const DocumentIngested = defineEvent(
  'DocumentIngested',
  1,
  z.object({
    documentId: z.string().min(1),
    /** The caller's own id for the document, when it gave one. */
    externalId: z.string().optional(),
    title: z.string().optional(),
    source: z.string().optional(),
    url: z.string().optional(),
    publishedAt: IsoDateOrTimestamp,
    /** Article text as extracted (plain text; for HTML input, the readable article body). */
    text: z.string(),
    /** sha256 of the normalised text, hex. */
    contentHash: z.string().regex(/^[0-9a-f]{64}$/),
    format: z.enum(['text', 'html']),
    extractorVersion: z.string().min(1),
    codebookVersion: z.string().min(1),
    statementCount: z.number().int().nonnegative(),
  }),
);
export type DocumentIngested = EventOf<typeof DocumentIngested>;

export const StatementExtracted = defineEvent(
  'StatementExtracted',
  1,
  Statement.extend({
    extractorVersion: z.string().min(1),
    codebookVersion: z.string().min(1),
    /** Copied from the document so position events can show the evidence's origin. */
    source: z.string().optional(),
    documentTitle: z.string().optional(),
  }),
);
export type StatementExtracted = EventOf<typeof StatementExtracted>;

/** A re-extraction no longer finds this statement (codebook or extractor improved). */
export const StatementRetracted = defineEvent(
  'StatementRetracted',
  1,
  z.object({
    statementId: z.string().min(1),
    documentId: z.string().min(1),
    actor: ActorId,
    topic: TopicId,
    proposition: PropositionId,
    reportedBy: ActorId.optional(),
    reason: z.string().min(1),
    extractorVersion: z.string().min(1),
    codebookVersion: z.string().min(1),
  }),
);
export type StatementRetracted = EventOf<typeof StatementRetracted>;
