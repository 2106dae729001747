import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import { catalogueFrom } from '../../../../shared/domain/extraction/llm/catalogue';
import { chunkSentences } from '../../../../shared/domain/extraction/llm/chunking';
import {
  type DocumentSentence,
  normaliseForMatch,
  splitSentences,
} from '../../../../shared/domain/extraction/llm/sentences';
import { costOf, referencePriceOf } from '../../../../shared/domain/extraction/llm/usage';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';

const sentence = (index: number, length: number): DocumentSentence => ({
  index,
  text: 'x'.repeat(length),
  start: 0,
  end: length,
});

describe('chunking', () => {
  it('puts every target in exactly one chunk, in order, within the budget (a longer sentence alone)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 1, maxLength: 60 }),
        fc.integer({ min: 50, max: 1500 }),
        fc.integer({ min: 0, max: 3 }),
        fc.func(fc.boolean()),
        (lengths, maxChars, contextSentences, pick) => {
          const sentences = lengths.map((length, index) => sentence(index * 2, length));
          const targets = new Set(sentences.filter((s) => pick(s.index)).map((s) => s.index));
          const chunks = chunkSentences(sentences, { maxChars, contextSentences }, targets);
          const asked = chunks.flatMap((chunk) => chunk.sentences.filter((s) => s.target).map((s) => s.index));
          expect(asked).toEqual([...targets].sort((a, b) => a - b));
          for (const chunk of chunks) {
            const indexes = chunk.sentences.map((s) => s.index);
            expect(indexes).toEqual([...indexes].sort((a, b) => a - b));
            expect(new Set(indexes).size).toBe(indexes.length);
            const targetChars = chunk.sentences.filter((s) => s.target).reduce((sum, s) => sum + s.text.length, 0);
            if (chunk.sentences.filter((s) => s.target).length > 1) expect(targetChars).toBeLessThanOrEqual(maxChars);
            expect(chunk.sentences.filter((s) => !s.target).length).toBeLessThanOrEqual(
              contextSentences * chunk.sentences.filter((s) => s.target).length,
            );
          }
        },
      ),
    );
  });
});

describe('sentences', () => {
  it('numbers and quotes sentences exactly as the rules extractor does', () => {
    const text = [
      "Ukraine's foreign minister Andrii Sybiha said Kyiv would never cede occupied land to Russia.",
      '',
      'Mr Sybiha added: "We are ready for talks anywhere except in Minsk."',
      "Hungary's prime minister Viktor Orban called for an immediate truce.",
    ].join('\n');
    const split = splitSentences(text);
    const statements = createRulesExtractor().extractSync({
      documentId: 'd',
      text,
      publishedAt: '2025-11-04',
    }).statements;
    expect(new Set(statements.map((s) => s.sentenceIndex)).size).toBeGreaterThan(1);
    for (const statement of statements) {
      expect(split.sentences.find((s) => s.index === statement.sentenceIndex)?.text).toBe(statement.quote);
    }
  });

  it('quotes sentences verbatim, even next to a long run the tokenizer blanks', () => {
    const url = `https://example.org/${'a'.repeat(150)}`;
    const text = `First line about Kyiv.\n\nSee ${url} for the full text. Last one.`;
    const split = splitSentences(text);
    expect(split.sentences.map((s) => s.text)).toEqual([
      'First line about Kyiv.',
      `See ${url} for the full text.`,
      'Last one.',
    ]);
    for (const s of split.sentences) expect(text.slice(s.start, s.end)).toBe(s.text);
  });

  it('compares quotes modulo typography and white space only', () => {
    expect(normaliseForMatch('“We won’t  withdraw” — he said…')).toBe(`"We won't withdraw" - he said...`);
    expect(normaliseForMatch('We will not withdraw')).not.toBe(normaliseForMatch("We won't withdraw"));
  });
});

describe('catalogue', () => {
  const catalogue = catalogueFrom(loadCodebook());
  it.each([
    ['territory', 'cede-territory', true],
    ['sanctions', 'sanctions:russia', true],
    ['sanctions', 'sanctions:atlantis', false],
    ['funding', 'funding', true],
    ['nato-membership', 'membership', false],
    ['nato-membership', 'membership:ukraine', true],
    ['venue', 'venue:any', true],
    ['venue', 'venue:austria', true],
    ['venue', 'venue:mars', false],
    ['talks', 'venue:any', false],
    ['trade', 'tariffs', false],
  ])('%s / %s is %s', (topic, proposition, known) => {
    expect(catalogue.isTopic(topic) && catalogue.isProposition(topic, proposition)).toBe(known);
  });
});

describe('cost', () => {
  it('prices usage per 1,000 tokens, cache reads at their own price', () => {
    const cost = costOf(
      { inputTokens: 3000, outputTokens: 500, cacheReadInputTokens: 2000, cacheWriteInputTokens: 0 },
      { inputPer1k: 0.001, outputPer1k: 0.005, cacheReadPer1k: 0.0001 },
    );
    expect(cost.inputUsd).toBeCloseTo(0.003);
    expect(cost.outputUsd).toBeCloseTo(0.0025);
    expect(cost.cacheUsd).toBeCloseTo(0.0002);
    expect(cost.totalUsd).toBeCloseTo(0.0057);
  });

  it('finds reference prices for inference-profile ids too', () => {
    expect(referencePriceOf('us.amazon.nova-lite-v1:0')).toEqual(referencePriceOf('amazon.nova-lite-v1:0'));
    expect(referencePriceOf('cohere.command-r-v1:0')).toBeUndefined();
  });
});
