import * as z from 'zod';
import { Attribution, Evidence, IsoDateOrTimestamp, Polarity } from './statement';

/**
 * What position events keep of a statement: enough to show the evidence (quote, date, speaker,
 * source) without loading the document.
 */
export const StatementRef = z.object({
  statementId: z.string().min(1),
  documentId: z.string().min(1),
  sentenceIndex: z.number().int().nonnegative(),
  quote: z.string().min(1),
  polarity: Polarity,
  attribution: Attribution,
  /** Absent on statements extracted before evidence kinds existed (alert strength then reads `attribution`). */
  evidence: Evidence.optional(),
  speaker: z.string().optional(),
  confidence: z.number().min(0).max(1),
  statedAt: IsoDateOrTimestamp,
  source: z.string().optional(),
  documentTitle: z.string().optional(),
});
export type StatementRef = z.infer<typeof StatementRef>;
