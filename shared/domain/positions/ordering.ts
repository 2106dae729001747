import type { StatementRef } from '../../../events/statement-ref';
import { toTimestamp } from '../timestamps';

/**
 * Statements are ordered by when they were said, never by when they arrived. The order key is
 * `<statedAt as UTC timestamp>#<documentId>#<sentenceIndex, 6 digits>#<statementId>`: a date-only
 * `statedAt` counts as midnight UTC, ties on the same instant fall back to the document id and the
 * sentence's place in it, so the order is total and the same wherever it is computed. Document ids
 * never contain `#` (it sorts below every character they may hold), so comparing the keys as
 * strings is comparing the tuples, in JavaScript and in DynamoDB alike.
 */
export function orderKeyOf(statement: Pick<StatementRef, 'statedAt' | 'documentId' | 'sentenceIndex' | 'statementId'>) {
  const sentence = String(statement.sentenceIndex).padStart(6, '0');
  return `${toTimestamp(statement.statedAt)}#${statement.documentId}#${sentence}#${statement.statementId}`;
}

/** The key a `since` filter compares order keys with: everything said at or after that instant. */
export const sinceKeyOf = (since: string): string => toTimestamp(since);
