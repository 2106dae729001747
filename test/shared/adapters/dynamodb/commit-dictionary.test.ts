import { createHash } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { COMMIT_DICTIONARY_1 } from '../../../../shared/adapters/dynamodb/commit-dictionary';

describe('the commit items preset dictionary', () => {
  it('is frozen: every stored eventsZ1 item needs exactly these bytes to be read (add eventsZ2 to change it)', () => {
    expect(COMMIT_DICTIONARY_1.byteLength).toBe(4666);
    expect(createHash('sha256').update(COMMIT_DICTIONARY_1).digest('hex')).toBe(
      'cb2fac35d1c645b4ef3cdbb653e6ded0019b8d87471f50c7c9acf6126638e499',
    );
  });

  it('shortens a small commit that shares its field names, and cannot be read without it', () => {
    const json = JSON.stringify([
      {
        eventId: '01JEXAMPLE0000000000000001',
        type: 'StatementExtracted',
        schemaVersion: 2,
        version: 2,
        data: { statementId: 'st-1', quote: 'Officials said the talks would resume.', polarity: 'support' },
      },
    ]);
    const withDictionary = deflateRawSync(json, { level: 9, dictionary: COMMIT_DICTIONARY_1 });
    expect(withDictionary.byteLength).toBeLessThan(deflateRawSync(json, { level: 9 }).byteLength);
    expect(inflateRawSync(withDictionary, { dictionary: COMMIT_DICTIONARY_1 }).toString('utf8')).toBe(json);
    expect(() => inflateRawSync(withDictionary).toString('utf8')).toThrow();
  });
});
