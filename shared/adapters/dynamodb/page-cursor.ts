import { InvalidCursorError } from '../../errors';

/**
 * Page cursors are the query's LastEvaluatedKey as base64url JSON: opaque to callers, not secret
 * (the HTTP layer signs them if it wants tamper-evidence). Decoding checks the shape and that the
 * cursor belongs to the list being read, so a cursor cannot be used to read another partition.
 */
export function encodeCursor(key: Record<string, unknown>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(
  cursor: string | undefined,
  expected: { partitionKey: string; partitionValue: string; keys: readonly string[] },
): Record<string, string> | undefined {
  if (cursor === undefined || cursor === '') return undefined;
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor) || cursor.length > 2048) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError('the cursor is not one this service issued');
  }
  const valid =
    parsed !== null &&
    typeof parsed === 'object' &&
    !Array.isArray(parsed) &&
    Object.keys(parsed).length === expected.keys.length &&
    expected.keys.every((key) => typeof (parsed as Record<string, unknown>)[key] === 'string') &&
    (parsed as Record<string, unknown>)[expected.partitionKey] === expected.partitionValue;
  if (!valid) throw new InvalidCursorError('the cursor does not belong to this list');
  return parsed as Record<string, string>;
}
