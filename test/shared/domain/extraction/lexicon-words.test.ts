import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';

/**
 * The closed-class words the rules test tokens against come from the codebook's lexicon, not from
 * code: emptying one of those lists in a copy of the codebook changes what the same sentence gives.
 */
const bundled = loadCodebook();

const statementsOf = (text: string, lexicon: Record<string, unknown> = {}) => {
  const codebook = loadCodebook({
    ...structuredClone(bundled),
    lexicon: { ...structuredClone(bundled.lexicon), ...lexicon },
  });
  return createRulesExtractor({ codebook })
    .extractSync({ documentId: 'lexicon-words', text, publishedAt: '2025-06-01' })
    .statements.map((statement) => `${statement.actor} ${statement.polarity} ${statement.proposition}`);
};

describe('the lexicon word lists', () => {
  it.each([
    {
      list: 'agentMarkers',
      text: 'The ceasefire proposal was rejected by Kyiv.',
      bundled: ['ukraine oppose ceasefire'],
      emptied: [],
    },
    {
      list: 'trades',
      text: 'Zelensky said Ukraine would not give up Donbas in exchange for a ceasefire.',
      bundled: ['ukraine oppose cede-territory', 'ukraine support ceasefire'],
      emptied: ['ukraine conditional cede-territory', 'ukraine support ceasefire'],
    },
    {
      list: 'freeChoiceDeterminers',
      text: 'Any ceasefire must include security guarantees, Zelensky said.',
      bundled: ['ukraine conditional ceasefire', 'ukraine support security-guarantees'],
      emptied: ['ukraine support ceasefire', 'ukraine support security-guarantees'],
    },
    {
      list: 'speakerListWords',
      text: 'Macron and Starmer said their countries were prepared to send troops.',
      bundled: ['france support foreign-troops', 'united-kingdom support foreign-troops'],
      emptied: ['united-kingdom support foreign-troops'],
    },
    {
      list: 'questions',
      text: 'Asked whether Washington would step up weapons deliveries, the vice president said the options were open.',
      bundled: [],
      emptied: ['united-states support arms-deliveries'],
    },
    {
      list: 'prospectives',
      text: 'Zelensky rejected a Kremlin demand that Western sanctions be lifted before Russia agrees to a ceasefire.',
      bundled: ['ukraine support sanctions:russia'],
      emptied: ['ukraine support sanctions:russia', 'russia support ceasefire'],
    },
    {
      list: 'subordinators',
      text: 'Hungary kept its consulate open in Lviv because talks on a ceasefire were off the table.',
      bundled: [],
      emptied: ['hungary oppose peace-talks', 'hungary oppose ceasefire'],
    },
    {
      list: 'gerundObjectMarkers',
      text: 'Lavrov said any settlement must include the lifting of Western sanctions.',
      bundled: ['russia oppose sanctions:russia'],
      emptied: ['russia support sanctions:russia'],
    },
    {
      list: 'objectPronouns',
      text: 'Lavrov said Moscow rejected Western sanctions on Russia. Kaja Kallas said the EU would keep its sanctions on Russia in place and tighten them.',
      bundled: ['russia oppose sanctions:russia', 'european-union support sanctions:russia'],
      emptied: ['russia oppose sanctions:russia', 'european-union oppose sanctions:russia'],
    },
    {
      list: 'outcomes',
      text: 'The last round in Ankara produced a Chinese proposal for an energy truce that neither side took up.',
      bundled: [],
      emptied: ['china support energy-truce'],
    },
    {
      list: 'continuers',
      text: 'Qatar hosted two rounds of direct talks last year, which led to prisoner exchanges but no ceasefire.',
      bundled: ['qatar support peace-talks'],
      emptied: ['qatar support peace-talks', 'qatar oppose ceasefire'],
    },
    {
      list: 'genericSubjects',
      text: '"Whoever sends weapons to Ukraine shares the blame," Lavrov said.',
      bundled: [],
      emptied: ['russia support arms-deliveries'],
    },
    {
      list: 'nominalStarts',
      text: '"A truce is no capitulation," Zelensky said.',
      bundled: [],
      emptied: ['ukraine oppose ceasefire'],
    },
    {
      list: 'placeNouns',
      text: 'Sybiha said talks would never be held in a country that hosts Russian troops.',
      bundled: [],
      emptied: ['ukraine oppose peace-talks'],
    },
    {
      list: 'meetingGuests',
      text: 'Italy said it was ready to host the two presidents.',
      bundled: ['italy support peace-talks', 'italy support venue:italy'],
      emptied: [],
    },
    {
      list: 'retractions',
      text: 'Italy withdrew its offer to host the peace talks.',
      bundled: [],
      emptied: ['italy support peace-talks'],
    },
    {
      list: 'sinceWords',
      text: 'Turkey has hosted four rounds of direct talks since May 2023.',
      bundled: [],
      emptied: ['turkey support peace-talks'],
    },
    {
      list: 'idiomObjects',
      text: 'Modi said India was ready to meet the demands of both sides.',
      bundled: [],
      emptied: ['india support peace-talks'],
    },
    {
      list: 'possessiveDeterminers',
      text: 'Hungary will abandon its opposition to new sanctions on Russia, Orban said.',
      bundled: ['hungary support sanctions:russia'],
      emptied: ['hungary oppose sanctions:russia'],
    },
    {
      list: 'commaConditionals',
      text: "Ukraine's foreign minister said his country could agree to a truce along the current line, provided it gets firm security guarantees from Europe.",
      bundled: ['ukraine conditional ceasefire', 'ukraine support security-guarantees'],
      emptied: ['ukraine support ceasefire', 'ukraine support security-guarantees'],
    },
  ])('lexicon.$list drives the rule that reads it', ({ list, text, bundled: withBundled, emptied }) => {
    expect(statementsOf(text)).toEqual(withBundled);
    expect(statementsOf(text, { [list]: [] })).toEqual(emptied);
  });

  it('refuses a word with a space and a trade that is no conditional, naming the field', () => {
    const broken = {
      ...structuredClone(bundled),
      lexicon: { ...structuredClone(bundled.lexicon), agentMarkers: ['by the'], trades: ['in lieu of'] },
    };
    expect(() => loadCodebook(broken)).toThrow(/lexicon\.agentMarkers\.0: must be one word[\s\S]*lexicon\.trades\.0/);
  });
});
