import { describe, expect, it } from 'vitest';
import { compileCodebook, maskTokens } from '../../../../shared/domain/extraction/codebook/compile';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import type { PatternIndex, PatternMatch, TokenView } from '../../../../shared/domain/extraction/matcher';
import { analyse } from '../../../../shared/domain/extraction/nlp';
import { loadCorpus } from '../../../corpus/evaluate';

/**
 * The matcher's two shortcuts (perf3) must never change a match: `scan` skips a token whose mask
 * bit is clear without calling `findLongest`, and `findLongest` takes the first one-token pattern
 * when no longer pattern can go on past the first token. Both are checked against the plain
 * reading: `scan` without a mask (the first-form map decides), and the longest of `matchesAt`
 * (every pattern of the list walked, the first added winning a tie).
 */
const compiled = compileCodebook(loadCodebook());
const indexes: Array<[string, PatternIndex<unknown>]> = [
  ['names', compiled.names],
  ['structure', compiled.structure],
  ['roles', compiled.roles],
  ['markers', compiled.markers],
  ['triggers', compiled.triggers],
  ['objects', compiled.objects],
  ['venue', compiled.venue],
  ['places', compiled.places],
  ['partitives', compiled.partitives],
  ['occasions', compiled.occasions],
  ['anaphors', compiled.anaphors],
  ['venueTopicWords', compiled.venueTopicWords],
];

const texts = [
  'Ukrainian President Volodymyr Zelensky said on Monday that Kyiv was ready for a ceasefire along the current front line.',
  'Moscow would never cede territory in exchange for a truce, Peskov said late on Sunday.',
  '"We are willing to negotiate anywhere except in Belarus," Lavrov told reporters.',
  'According to Rubio, Washington backed firm security guarantees for Ukraine.',
  ...loadCorpus(['dev'])
    .slice(0, 60)
    .map((document) => document.text),
];

const plain = (match: PatternMatch<unknown>) => [match.start, match.end, match.source];

/** The longest match at `start` as the list walk finds it: the first of the longest. */
function longestByWalk(index: PatternIndex<unknown>, tokens: TokenView, start: number, limit: number) {
  let best: PatternMatch<unknown> | undefined;
  for (const match of index.matchesAt(tokens, start, limit)) if (!best || match.end > best.end) best = match;
  return best ? plain(best) : undefined;
}

describe('matcher shortcuts', () => {
  it('scan with the token mask finds what scan without it finds, for every index', () => {
    for (const raw of texts) {
      const text = analyse(raw);
      const masked: TokenView = { norm: text.norm, value: text.value, mask: maskTokens(compiled, text.norm) };
      const unmasked: TokenView = { norm: text.norm, value: text.value };
      const end = text.norm.length;
      for (const [name, index] of indexes) {
        const withMask = index.scan(masked, 0, end).map(plain);
        const withoutMask = index.scan(unmasked, 0, end).map(plain);
        expect(withMask, name).toEqual(withoutMask);
      }
    }
  });

  it('longestAt takes the same pattern as walking every candidate, at every token and limit', () => {
    for (const raw of texts) {
      const text = analyse(raw);
      const tokens: TokenView = { norm: text.norm, value: text.value, mask: maskTokens(compiled, text.norm) };
      const end = text.norm.length;
      for (const [name, index] of indexes) {
        for (let start = 0; start < end; start += 1) {
          // The limit right after the token too: there no longer pattern fits.
          for (const limit of [start + 1, Math.min(end, start + 6), end]) {
            const found = index.longestAt(tokens, start, limit);
            expect(found ? plain(found) : undefined, `${name} at ${start}`).toEqual(
              longestByWalk(index, tokens, start, limit),
            );
          }
        }
      }
    }
  });
});
