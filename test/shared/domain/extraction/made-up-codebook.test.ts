import { describe, expect, it } from 'vitest';
import { loadCodebook } from '../../../../shared/domain/extraction/codebook/load-codebook';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';

/**
 * The engine knows no topic or actor of the bundled codebook: everything domain-specific comes
 * from the codebook. Here it runs, end to end, on an invented dispute (two fictional republics
 * quarrelling over fishing grounds and tariffs) that shares only the English stance language
 * (the lexicon) with the bundled codebook.
 */
const english = loadCodebook().lexicon;

const madeUpCodebook = {
  version: '0.9.0',
  description: 'An invented fisheries dispute between two fictional republics, for tests.',
  actors: [
    {
      id: 'arvandia',
      names: ['Arvandia'],
      demonyms: ['Arvandian'],
      capitals: ['Port Silva'],
      institutions: [],
      people: [{ name: 'Ilse Marrow', aliases: ['Marrow'], title: 'Prime Minister' }],
    },
    {
      id: 'kestoria',
      names: ['Kestoria'],
      demonyms: ['Kestorian'],
      capitals: ['Ondrel'],
      institutions: [],
      people: [{ name: 'Tomas Veld', aliases: ['Veld'], title: 'Trade Minister' }],
    },
    {
      id: 'lumeria',
      names: ['Lumeria'],
      demonyms: ['Lumerian'],
      capitals: ['Halvik'],
      institutions: [],
      people: [],
    },
  ],
  classes: { grounds: ['Grey Banks', 'Saltmere Shelf'] },
  topics: [
    {
      id: 'fishing-rights',
      propositions: [
        {
          id: 'shared-quota',
          triggers: ['shared quota', 'joint quota', 'share … {grounds}'],
        },
      ],
    },
    {
      id: 'tariffs',
      propositions: [{ id: 'fish-tariff', triggers: ['tariff on fish', 'tariffs on fish', 'fish tariff'] }],
    },
    {
      id: 'mediation-talks',
      roles: ['meetings'],
      propositions: [{ id: 'fisheries-talks', triggers: ['talks', 'negotiations'] }],
    },
  ],
  venues: {
    topic: 'meeting-place',
    contexts: ['talks', 'negotiations', 'meet', 'meeting', 'host', 'be held'],
    host: ['host'],
    any: ['anywhere'],
    except: ['except', 'other than'],
    including: ['including', 'such as'],
    locatives: ['in', 'at'],
    places: [{ name: 'Halvik', country: 'lumeria' }],
  },
  lexicon: english,
};

describe('the rules engine on a made-up codebook of another domain', () => {
  const extractor = createRulesExtractor({ codebook: loadCodebook(madeUpCodebook) });
  const statementsOf = (text: string) =>
    extractor
      .extractSync({ documentId: 'made-up', text, publishedAt: '2031-03-02' })
      .statements.map((s) => `${s.actor} ${s.polarity} ${s.topic}/${s.proposition} ${s.evidence}`)
      .sort();

  it('records the codebook version it ran with', () => {
    expect(extractor.extractSync({ documentId: 'v', text: 'Nothing here.', publishedAt: '2031-03-02' })).toMatchObject({
      codebookVersion: '0.9.0',
    });
  });

  it('finds its actors, people and propositions, with polarity and evidence', () => {
    expect(
      statementsOf(
        'Arvandian Prime Minister Ilse Marrow said on Monday that Arvandia rejected any shared quota on the Grey Banks. ' +
          '"We will impose a tariff on fish if their boats keep coming," Trade Minister Tomas Veld said.',
      ),
    ).toEqual(['arvandia oppose fishing-rights/shared-quota speech', 'kestoria conditional tariffs/fish-tariff quote']);
  });

  it('reads a place as the venue of a meetings topic, and an opposition there as one to the venue', () => {
    expect(statementsOf('Kestoria said it was ready to hold talks with Arvandia in Halvik.')).toEqual([
      'kestoria support mediation-talks/fisheries-talks speech',
      'kestoria support meeting-place/meeting-place:lumeria speech',
    ]);
    expect(statementsOf('Marrow said talks could never be held in Halvik.')).toEqual([
      'arvandia oppose meeting-place/meeting-place:lumeria speech',
    ]);
  });

  it('finds nothing of the bundled domain in text about it', () => {
    expect(statementsOf('Ukraine will never give up Donbas, Zelensky said, and Russia rejected a ceasefire.')).toEqual(
      [],
    );
  });
});
