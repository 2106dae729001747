import { InvalidCursorError } from '../../errors';

/**
 * Page cursors say where a list's walk stopped: the partition it was reading (`p`) and, unless
 * that partition was finished, the query's LastEvaluatedKey in it (`k`), as base64url JSON. A list
 * that walks several partitions (positions across actors, contradictions across months) goes on
 * from `p`. Opaque to callers, not secret (the HTTP layer signs them if it wants tamper-evidence).
 * Decoding checks the shape and that the cursor belongs to the list being read, so a cursor
 * cannot be used to read another partition.
 */
export interface WalkCursor {
  /** The partition the page stopped in. */
  p: string;
  /** Where in it; absent when that partition was read to its end. */
  k?: Record<string, string>;
}

export function encodeCursor(cursor: WalkCursor | Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export interface CursorExpectation {
  /** Whether the list may be reading this partition. */
  owns: (partition: string) => boolean;
  /** The attributes of a last evaluated key in that partition, and the one that holds the partition. */
  keys: readonly string[];
  partitionKey: string;
}

export function decodeCursor(cursor: string | undefined, expected: CursorExpectation): WalkCursor | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor) || cursor.length > 2048) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('the cursor is not one this service issued');
  }
  if (!isWalkCursor(parsed, expected)) throw new InvalidCursorError('the cursor does not belong to this list');
  return parsed;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

function isWalkCursor(parsed: unknown, expected: CursorExpectation): parsed is WalkCursor {
  if (!isRecord(parsed) || typeof parsed.p !== 'string' || !expected.owns(parsed.p)) return false;
  const fields = Object.keys(parsed);
  if (fields.some((field) => field !== 'p' && field !== 'k')) return false;
  if (parsed.k === undefined) return true;
  const key = parsed.k;
  return (
    isRecord(key) &&
    Object.keys(key).length === expected.keys.length &&
    expected.keys.every((name) => typeof key[name] === 'string') &&
    key[expected.partitionKey] === parsed.p
  );
}
