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

/**
 * v2 added `evidence` (quote | speech | action). A v1 statement did not record how the text carried
 * the stance, so it reads as `speech`, the kind that claims least: the actor's stance as the text
 * reports it. That keeps a v1 statement's alert strength where it was (a named speaker still counts
 * as named speech), and never turns an old statement into a quote or an act it may not have been.
 */
export function evidenceOfV1Statement(data: unknown): unknown {
  if (typeof data !== 'object' || data === null || 'evidence' in data) return data;
  return { ...data, evidence: 'speech' };
}

export const StatementExtracted = defineEvent(
  'StatementExtracted',
  2,
  Statement.extend({
    extractorVersion: z.string().min(1),
    codebookVersion: z.string().min(1),
    /** Copied from the document so position events can show the evidence's origin. */
    source: z.string().optional(),
    documentTitle: z.string().optional(),
  }),
  { 1: evidenceOfV1Statement },
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
