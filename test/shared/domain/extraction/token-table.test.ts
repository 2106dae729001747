import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import model from 'wink-eng-lite-web-model';
import winkNLP from 'wink-nlp';
import { addTo, ListBuffer } from '../../../../shared/domain/extraction/list-buffer';
import {
  analyse,
  analyseWith,
  isCapitalised,
  tokenType,
  withMemoisedSentenceBoundaries,
} from '../../../../shared/domain/extraction/nlp';

/**
 * The token table keeps offsets and possessives; a token's type and case are read from its value
 * (they were arrays per token). These pin what the readers rely on, including past the ends.
 */
describe('token type and case, read from the token', () => {
  it('gives each token its wink type and case, and nothing past the ends', () => {
    // wink keeps line breaks as tokens (single spaces only as preceding space).
    const text = analyse('Kyiv said: 42 talks\n\nÉlysée agreed.');
    expect(text.value).toEqual(['Kyiv', 'said', ':', '42', 'talks', '\n\n', 'Élysée', 'agreed', '.']);
    const kinds = text.value.map((_, i) => tokenType(text, i));
    expect(kinds).toEqual(['word', 'word', 'punctuation', 'number', 'word', 'tabCRLF', 'word', 'word', 'punctuation']);
    // A capital first letter, ASCII or not.
    const capitalised = text.value.filter((_, i) => isCapitalised(text, i));
    expect(capitalised).toEqual(['Kyiv', 'Élysée']);
    expect(tokenType(text, -1)).toBeUndefined();
    expect(tokenType(text, text.value.length)).toBeUndefined();
    expect(isCapitalised(text, -1)).toBe(false);
    expect(isCapitalised(text, text.value.length)).toBe(false);
  });

  it('marks the word before a possessive token ("\'s", "’s", "\'") and only words', () => {
    const text = analyse("Putin's envoy met Kyiv’s team, the allies' envoys and 2024's plan.");
    const possessive = [...text.possessive].map((i) => text.value[i]);
    expect(possessive).toEqual(["Putin's", 'Kyiv’s', 'allies']);
    expect(text.norm.slice(0, 5)).toEqual(['putin', 'envoy', 'met', 'kyiv', 'team']);
    expect(analyse('No possessive here.').possessive.size).toBe(0);
  });
});

describe('work lists', () => {
  it('ListBuffer hands out exactly what was added since the last clear or take', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.integer(), { maxLength: 40 }), { maxLength: 20 }), (lists) => {
        const buffer = new ListBuffer<number>();
        buffer.add(-1); // left behind by an earlier call that threw
        buffer.clear();
        for (const list of lists) {
          for (const entry of list) buffer.add(entry);
          expect(buffer.length).toBe(list.length);
          expect(buffer.take()).toEqual(list);
          expect(buffer.length).toBe(0);
        }
        // Nothing stays referenced past the current entries.
        expect(buffer.entries.every((entry) => entry === undefined)).toBe(true);
      }),
    );
  });

  it('addTo never adds to the shared empty list', () => {
    const empty: number[] = [];
    let list = empty;
    list = addTo(list, empty, 1);
    list = addTo(list, empty, 2);
    expect(list).toEqual([1, 2]);
    expect(empty).toEqual([]);
    expect(list).not.toBe(empty);
  });
});

describe('a canonical token table', () => {
  const text = "Brussels said the EU's plan stands.\n\nKyiv's envoy agreed, and Russia's did not.";

  it("given a fresh wink instance and one whose cache holds the possessive forms, when both read the same text, then the tables are equal although wink's own tokens differ", () => {
    const fresh = winkNLP(withMemoisedSentenceBoundaries(model), ['sbd']);
    const warm = winkNLP(withMemoisedSentenceBoundaries(model), ['sbd']);
    // A form followed by a comma or a full stop leaves the whole "EU's" in wink's cache.
    warm.readDoc("The EU's, Kyiv's. Russia's.");
    const rawFresh = winkNLP(withMemoisedSentenceBoundaries(model), ['sbd']).readDoc(text).tokens().out();
    expect(warm.readDoc(text).tokens().out()).not.toEqual(rawFresh);
    const fromFresh = analyseWith(fresh, text);
    const fromWarm = analyseWith(warm, text);
    expect(fromWarm).toEqual(fromFresh);
    expect(fromFresh.value).toContain("EU's");
    expect(fromFresh.sentences).toHaveLength(2);
    const [, last] = fromFresh.sentences[1]!;
    expect(fromFresh.value[last]).toBe('.');
  });

  it('keeps "\'s" apart when a space separates it, and leaves contractions alone', () => {
    const text = analyse("The envoy 's reply came; it's late.");
    expect(text.value).toContain("'s");
    expect(text.possessive.size).toBe(1);
    expect(analyse("It's over.").possessive.size).toBe(0);
  });
});
