import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MASK, maskTokens } from '../../../../shared/domain/extraction/codebook/compile';
import { analyse } from '../../../../shared/domain/extraction/nlp';
import { LETTERS, LETTERS_THEN_MARK } from '../../../../shared/domain/extraction/prefilter';
import { defaultCompiledCodebook } from '../../../../shared/domain/extraction/rules-extractor';
import { computeSpellings, SPELLINGS_FILE } from '../../../../shared/domain/extraction/spellings';
import spellings from '../../../../shared/domain/extraction/spellings.json';
import { extract } from './helpers';

/**
 * The raw-text prefilter may only turn away an article in which no trigger or venue-topic
 * pattern can match once tokenised; it rests on how wink tokenises, which these tests pin.
 */

const compiled = defaultCompiledCodebook();

/** What the extractor asks after tokenising: does a trigger or venue-topic pattern match anywhere? */
function anyTopicWord(text: string): boolean {
  const analysed = analyse(text);
  analysed.mask = maskTokens(compiled, analysed.norm);
  const end = analysed.norm.length;
  for (let i = 0; i < end; i += 1) {
    if ((analysed.mask[i]! & MASK.candidate) === 0) continue;
    if (compiled.triggers.longestAt(analysed, i, end) || compiled.venueTopicWords.longestAt(analysed, i, end)) {
      return true;
    }
  }
  return false;
}

describe('the raw-text prefilter', () => {
  it('lets through an article whose only trigger word is spelt the British way', () => {
    // wink rewrites "recognising" to "recognizing" before the patterns see it: a filter on the raw
    // spelling would turn this article away, though the tokenised text matches.
    for (const spelling of ['recognising', 'recognizing']) {
      const statements = extract(`Warsaw: no ${spelling} annexation.`);
      expect(statements.map((statement) => [statement.actor, statement.proposition, statement.polarity])).toEqual([
        ['poland', 'recognise-annexation', 'oppose'],
      ]);
    }
  });

  it('turns away an article with no trigger or venue word, and lets the others through', () => {
    const football = 'The home side scored twice in the second half to win the derby in front of a sold-out stadium.';
    expect(compiled.prefilter.mayMatch(football)).toBe(false);
    expect(extract(football)).toEqual([]);
    expect(compiled.prefilter.mayMatch('Kyiv is ready for talks, Zelensky said.')).toBe(true);
    // "any country" needs both words: the country alone is not enough.
    expect(compiled.prefilter.mayMatch('It rained across the north of the country.')).toBe(false);
  });

  it('reads spellings as wink does: British forms, contractions, possessives', () => {
    // wink reads "dialogue" as "dialog" and "won't" as "will not": the test looks for what was written.
    expect(compiled.prefilter.mayMatch('Kyiv rejects any dialogue with Moscow.')).toBe(true);
    expect(anyTopicWord('Kyiv rejects any dialogue with Moscow.')).toBe(true);
    expect(compiled.prefilter.mayMatch("Moscow's ceasefire offer")).toBe(true);
  });

  it('never turns away a text in which a pattern matches once tokenised', () => {
    const forms = new Set<string>();
    for (const index of [compiled.triggers, compiled.venueTopicWords]) {
      for (const pattern of index.patterns()) {
        for (const element of pattern.elements)
          if (element.kind === 'forms') for (const form of element.forms) forms.add(form);
      }
    }
    const written = Object.entries(spellings as Record<string, string[]>)
      .filter(([normal]) => forms.has(normal))
      .flatMap(([, spelt]) => spelt);
    // Pieces that make wink split a chunk in unusual places, or that change case and width.
    const glue = ['1USD', ':P', '5pm', '4th', '1990s', '#', '@', '’s', "'s", '(', ')', '“', '”', '"', '—', '-', '.'];
    const odd = [',', '…', 'İ', 'ï', 'é', 'Ж', '\u00ad', '\u200b', '\u3000', '2025', '$', "'", '’', 'http://x.com/'];
    const piece = fc.oneof(
      fc.constantFrom(...forms),
      fc.constantFrom(...forms).map((form) => form.toUpperCase()),
      fc.constantFrom(...forms).map((form) => form.charAt(0).toUpperCase() + form.slice(1)),
      fc.constantFrom(...written),
      fc.constantFrom(...glue, ...odd, 'the', 'cannot', "won't", 'Kyiv', 'said'),
    );
    const chunk = fc.array(piece, { minLength: 1, maxLength: 3 }).map((pieces) => pieces.join(''));
    const separator = fc.constantFrom(' ', ' ', '\n', '\n\n', '\t', '\u00a0', '\u2003');
    const text = fc
      .array(fc.tuple(chunk, separator), { minLength: 1, maxLength: 12 })
      .map((parts) => parts.map(([c, s]) => c + s).join(''));
    fc.assert(
      fc.property(text, (raw) => {
        if (!compiled.prefilter.mayMatch(raw)) expect(anyTopicWord(raw), JSON.stringify(raw)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('assumes the token rules and separators of the installed wink model', () => {
    const require = createRequire(import.meta.url);
    const modelFile = require.resolve('wink-eng-lite-web-model/dist/languages/cur/models/eng-core-web-model.json');
    const trex = JSON.parse(readFileSync(modelFile, 'utf8')).trex as {
      ltc: Array<[string, string, number]>;
      helpers: { splitter: [string, string] };
    };
    expect([trex.ltc[0]![0], trex.ltc[0]![1]]).toEqual([LETTERS.source, LETTERS.flags]);
    expect([trex.ltc[1]![0], trex.ltc[1]![1]]).toEqual([LETTERS_THEN_MARK.source, LETTERS_THEN_MARK.flags]);
    expect(trex.helpers.splitter[0]).toBe('([ \\u00a0\\u2002-\\u2005\\u2009\\u200a\\u202f\\u205f]+|[\\n\\r\\t]+)');
  });

  it('the committed spellings are what spellings.ts computes from the installed wink model', () => {
    const committed = JSON.parse(readFileSync(SPELLINGS_FILE, 'utf8'));
    expect(committed, 'run: npx tsx shared/domain/extraction/spellings.ts').toEqual(computeSpellings());
  });
});
