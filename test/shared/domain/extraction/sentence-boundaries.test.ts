import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { withMemoisedSentenceBoundaries } from '../../../../shared/domain/extraction/nlp';
import { loadCorpus } from '../../../corpus/evaluate';
import { exampleDocuments } from '../../../support/examples';

/**
 * The extractor's wink pipe memoises the model's sentence-boundary transformer
 * (`withMemoisedSentenceBoundaries` in nlp.ts). That is only sound while the transformer is a
 * function of the token's normal, the token and its preceding spaces: the first test pins its
 * source (a new model version fails it: re-read the transformer, then update the pin), the others
 * compare the sentences found with those of an unmodified wink.
 */

const PINNED_TRANSFORMER =
  'function(token,cache,rawTokens,i){var mapped=cache.property(token,"sbdHint")||cache.property(rawTokens[4*i],"sbdHint");return 4===mapped&&(mapped=65535&rawTokens[4*i+1]?6:4),mapped?mapped+108e4:cache.property(token,"isAbbrev")?108e4+(2===cache.value(token).length?8:7):token}';

// Two fresh instances fed the same texts in the same order: their caches, and so their tokens,
// stay the same, and only the memo can make their sentences differ.
const plain = winkNLP(model, ['sbd']);
const memoised = winkNLP(withMemoisedSentenceBoundaries(model), ['sbd']);

function sentencesOf(winkNlp: typeof plain, text: string): unknown {
  const doc = winkNlp.readDoc(text);
  return [doc.sentences().out(winkNlp.its.span), doc.tokens().out()];
}

describe('sentence boundaries with the memoised transformer', () => {
  it('rests on the installed model transformer', () => {
    const sbd = (model as unknown as { sbd: () => { transformers: Array<() => unknown> } }).sbd();
    expect(sbd.transformers).toHaveLength(1);
    expect(sbd.transformers[0]!.toString()).toBe(PINNED_TRANSFORMER);
  });

  it('finds the sentences wink finds, on the labelled corpus and the examples', () => {
    const texts = [
      ...loadCorpus().map((document) => document.text),
      ...exampleDocuments<{ text: string }>().map((document) => document.text),
    ];
    // Twice: the second time every token's hint comes from the memo.
    for (const round of [1, 2]) {
      for (const text of texts) expect(sentencesOf(memoised, text), `round ${round}`).toEqual(sentencesOf(plain, text));
    }
  });

  it('finds the sentences wink finds in texts of abbreviations, quotes, spaces and contractions', () => {
    const piece = fc.constantFrom(
      'Mr.',
      'Dr.',
      'U.S.',
      'e.g.',
      'St.',
      'Jan.',
      'No.',
      'a.m.',
      'Zelensky',
      'said',
      'talks',
      "won't",
      "can't",
      "Kyiv's",
      '"',
      '“',
      '”',
      "'",
      '’',
      '.',
      '!',
      '?',
      '...',
      '…',
      ',',
      ';',
      ':',
      '(',
      ')',
      '-',
      '—',
      '1.5',
      '2025',
      'A',
      'i',
      'ok',
    );
    const separator = fc.constantFrom(' ', '', '  ', '\n', '\n\n', '\t', '\u00a0');
    const text = fc
      .array(fc.tuple(piece, separator), { minLength: 1, maxLength: 30 })
      .map((parts) => parts.map(([word, space]) => word + space).join(''));
    fc.assert(
      fc.property(text, (raw) => {
        expect(sentencesOf(memoised, raw)).toEqual(sentencesOf(plain, raw));
      }),
      { numRuns: 3000 },
    );
  });
});
