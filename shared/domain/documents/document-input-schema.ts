import * as z from 'zod';
import { IsoDateOrTimestamp } from '../../../events/statement';

// Its own module, apart from document-input.ts (which normalises HTML with linkedom and
// Readability): the read API describes this schema in its OpenAPI document without shipping them.

/** A document as callers send it (HTTP body, JSONL line, CLI file plus flags). */
export const DocumentInput = z
  .object({
    id: z
      .string()
      .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'ids are 1-128 characters: letters, digits, . _ : -')
      .optional(),
    title: z.string().trim().min(1).max(500).optional(),
    source: z.string().trim().min(1).max(500).optional(),
    url: z.url().max(2000).optional(),
    publishedAt: IsoDateOrTimestamp.refine((value) => {
      const year = Number(value.slice(0, 4));
      return year >= 1900 && year <= 2200;
    }, 'publishedAt must be a real date (years 1900-2200)'),
    text: z.string(),
  })
  .strict();
export type DocumentInput = z.infer<typeof DocumentInput>;
