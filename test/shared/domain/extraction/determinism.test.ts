import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Statement } from '../../../../events/statement';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';
import { extractor } from './helpers';

/** The same document always gives the same statements, ids included, whatever the extractor instance. */

const article = [
  'Kremlin spokesman Dmitry Peskov said on Monday that Russia could agree to a ceasefire only after Ukraine withdraws from Donetsk.',
  'Zelensky rejected the demand. "We will never give away our land," he said, adding that talks could take place anywhere except in Russia or Belarus.',
  'Hungary blocked new EU sanctions against Moscow, while Poland called for more weapons deliveries to Kyiv.',
].join('\n\n');

const input = { documentId: 'doc-determinism', text: article, publishedAt: '2025-11-04' };

describe('determinism', () => {
  it('extracting twice, or with a second extractor, gives identical results', () => {
    const first = extractor().extractSync(input);
    const second = extractor().extractSync(input);
    const fresh = createRulesExtractor().extractSync(input);
    expect(first.statements.length).toBeGreaterThan(5);
    expect(second).toEqual(first);
    expect(fresh).toEqual(first);
  });

  it('statement ids depend on the document and what was said, not on the run', () => {
    const ids = extractor()
      .extractSync(input)
      .statements.map((s) => s.statementId);
    expect(new Set(ids).size).toBe(ids.length);
    const other = extractor()
      .extractSync({ ...input, documentId: 'doc-other' })
      .statements.map((s) => s.statementId);
    expect(other.filter((id) => ids.includes(id))).toEqual([]);
  });

  it('records the extractor and codebook versions', () => {
    const result = extractor().extractSync(input);
    expect(result.extractorVersion).toMatch(/^rules@\d+\.\d+\.\d+$/);
    expect(result.codebookVersion).toMatch(/^\d+\.\d+\.\d+/);
    expect(extractor().name).toBe('rules');
  });
});

const words = [
  'Zelensky',
  'Putin',
  'Russia',
  'Ukraine',
  'Kyiv',
  'Moscow',
  'said',
  'rejected',
  'wants',
  'will',
  'not',
  'never',
  'a',
  'ceasefire',
  'talks',
  'sanctions',
  'territory',
  'in',
  'Minsk',
  'anywhere',
  'except',
  'if',
  'only',
  'after',
  '"',
  ',',
  '.',
  'he',
  'we',
  'the',
  'demand',
  'that',
  'and',
  'or',
  'ready',
  'for',
  'on',
  'Monday',
];

describe('properties over arbitrary sentences', () => {
  it('never throws, and every statement is valid and quotes the text', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...words), { minLength: 1, maxLength: 60 }), (tokens) => {
        const text = tokens.join(' ');
        const result = extractor().extractSync({ documentId: 'doc-prop', text, publishedAt: '2025-11-04' });
        for (const statement of result.statements) {
          expect(Statement.safeParse(statement).success).toBe(true);
          expect(text.includes(statement.quote)).toBe(true);
          expect(statement.statedAt <= '2025-11-04').toBe(true);
        }
        expect(extractor().extractSync({ documentId: 'doc-prop', text, publishedAt: '2025-11-04' })).toEqual(result);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on arbitrary unicode', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 400 }), (text) => {
        const result = extractor().extractSync({ documentId: 'doc-unicode', text, publishedAt: '2025-11-04' });
        for (const statement of result.statements) expect(Statement.safeParse(statement).success).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
