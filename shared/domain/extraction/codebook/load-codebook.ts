import { readFileSync } from 'node:fs';
import type * as z from 'zod';
import { InvalidCodebookError } from '../../../errors';
import bundled from './codebook.json';
import { Codebook } from './schema';

const describe = (error: z.ZodError) =>
  error.issues.map((issue) => ({ field: issue.path.join('.') || '(root)', message: issue.message }));

/** Validates a parsed codebook object; `source` names it in error messages. */
export function parseCodebook(input: unknown, source = 'codebook'): Codebook {
  const parsed = Codebook.safeParse(input);
  if (parsed.success) return parsed.data;
  const issues = describe(parsed.error);
  const shown = issues
    .slice(0, 5)
    .map((issue) => `${issue.field}: ${issue.message}`)
    .join('; ');
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  throw new InvalidCodebookError(`invalid codebook ${source}: ${shown}${more}`, { details: { source, issues } });
}

let defaultCodebook: Codebook | undefined;

/**
 * Loads a codebook: the bundled default when called with nothing, a JSON file when given a path,
 * or an object (already parsed JSON). Always validated; a bad codebook throws an
 * InvalidCodebookError naming the file and the fields.
 */
export function loadCodebook(pathOrObject?: string | unknown): Codebook {
  if (pathOrObject === undefined) {
    defaultCodebook ??= parseCodebook(bundled, 'bundled codebook.json');
    return defaultCodebook;
  }
  if (typeof pathOrObject !== 'string') return parseCodebook(pathOrObject);
  let raw: string;
  try {
    raw = readFileSync(pathOrObject, 'utf8');
  } catch (error) {
    throw new InvalidCodebookError(`cannot read codebook ${pathOrObject}: ${(error as Error).message}`, {
      details: { source: pathOrObject },
      cause: error,
    });
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new InvalidCodebookError(`codebook ${pathOrObject} is not valid JSON: ${(error as Error).message}`, {
      details: { source: pathOrObject },
      cause: error,
    });
  }
  return parseCodebook(json, pathOrObject);
}
