import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import { engineLiterals } from './engine-literals';

/**
 * The engine's English is the codebook's lexicon (issue 14): a word compared with a token in code
 * ("=== 'the'", a set of determiners) would be a rule no codebook can change. This looks for the
 * lexicon's closed-class words written as string literals in the engine's code.
 */
/**
 * Literals that are names, not English the engine reads: a venue finding's place "any", the venue
 * word kinds "except" and "including", the mention kind "source", chrono's date component "month".
 */
const INTERNAL_NAMES = new Set(['any', 'except', 'including', 'source', 'month']);

describe('the extraction engine', () => {
  it("compares tokens with no English word of the lexicon's lists in its code", () => {
    const { lexicon } = loadCodebook();
    const lists: readonly string[][] = [
      lexicon.verbGroupAdverbs,
      lexicon.irregularParticiples,
      lexicon.agentMarkers,
      lexicon.definiteArticles,
      lexicon.articles,
      lexicon.objectDeterminers,
      lexicon.slotDeterminers,
      lexicon.collectiveRoles,
      lexicon.firstPersonPronouns,
      lexicon.sourceWords,
      lexicon.conjunctions,
      lexicon.speakerListWords,
      lexicon.placeListWords,
      lexicon.relatives,
      lexicon.anaphorRelatives,
      lexicon.freeChoiceDeterminers,
      lexicon.tellingVerbs,
      lexicon.trailingAttributionWords,
      lexicon.gapStops,
      lexicon.questions,
      lexicon.subordinators,
      lexicon.complementizers,
      lexicon.prepositions,
      lexicon.beForms,
      lexicon.determiners,
      lexicon.negators,
      lexicon.modals,
      lexicon.coordinators,
      lexicon.boundaries,
      lexicon.personPronouns,
      lexicon.groupPronouns,
    ];
    // Words of two letters or more: one-letter literals in code are letters ("a" as a vowel in inflect.ts).
    const words = new Set(lists.flat().filter((word) => /^[a-z][a-z'-]+$/.test(word)));
    expect(words.size).toBeGreaterThan(100);
    const found = engineLiterals(/(['"`])([a-z][a-z'-]*)\1/g, false)
      .filter(({ value }) => words.has(value) && !INTERNAL_NAMES.has(value))
      .map(({ file, literal }) => `${file}: ${literal}`);
    expect(found).toEqual([]);
  });
});
