import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  statementIdFor,
  statementIdIn,
  statementIdOfKey,
  statementKeyIn,
} from '../../../../shared/domain/extraction/statement-id';

/** The id as it was first defined: the identity's parts joined by U+001F, hashed, 24 hex digits. */
function reference(parts: Array<string | number | undefined>): string {
  return `st-${createHash('sha256').update(parts.join('\u001f')).digest('hex').slice(0, 24)}`;
}

describe('statement ids', () => {
  it('are the first 24 hex digits of the sha256 of the joined identity, with or without a reporter', () => {
    const identity = {
      documentId: 'doc-1',
      sentenceIndex: 3,
      actor: 'UA',
      topic: 'ceasefire',
      proposition: 'ceasefire-along-front',
      polarity: 'support',
    };
    const parts = ['doc-1', 3, 'UA', 'ceasefire', 'ceasefire-along-front', 'support'];
    expect(statementIdFor(identity)).toBe(reference([...parts, undefined]));
    expect(statementIdFor({ ...identity, reportedBy: 'RU' })).toBe(reference([...parts, 'RU']));
    expect(statementIdIn('doc-1', { ...identity, reportedBy: undefined })).toBe(reference([...parts, '']));
  });

  it('are the digest of their key: the extractor groups drafts by key and digests only those it keeps', () => {
    const identity = { sentenceIndex: 3, actor: 'UA', topic: 'ceasefire', proposition: 'p', polarity: 'support' };
    const key = statementKeyIn('doc-1', identity);
    expect(statementIdOfKey(key)).toBe(statementIdIn('doc-1', identity));
    expect(key).toBe(['doc-1', 3, 'UA', 'ceasefire', 'p', 'support', ''].join('\u001f'));
    // Another polarity, another key (and id).
    expect(statementKeyIn('doc-1', { ...identity, polarity: 'oppose' })).not.toBe(key);
  });
});
