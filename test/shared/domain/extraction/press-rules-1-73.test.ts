import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.73.0 round (precision: framed sentences read for the wrong actor or topic),
 * each pinned here on sentences written for this test, not taken from the corpus. The shared guards
 * (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe("a body's own meeting, named by a year, a name or a possessive after 'at', is an occasion", () => {
  it("given a decision taken at the leaders' March summit, when the summit is named by its month, then it is no stance on talks (fails under rules@1.72.0)", () => {
    const statements = extract(
      'EU leaders agreed at their March summit that the sanctions on Russia would be extended.',
    );
    expectNoStatement(statements, { actor: 'european-union', topic: 'talks' });
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
  });

  it("given a package to be adopted at the EU's June summit, when a leader says so, then he takes no stance on talks (fails under rules@1.72.0)", () => {
    const statements = extract("Merz said the package should be adopted at the EU's June summit.");
    expectNoStatement(statements, { actor: 'germany', topic: 'talks' });
  });

  it("given a loan to be approved at the finance ministers' meeting, when the Commission expects it, then the meeting is no talks (fails under rules@1.72.0)", () => {
    const statements = extract(
      "Von der Leyen said she expected the loan to be approved at the finance ministers' meeting next week.",
    );
    expectNoStatement(statements, { actor: 'european-union', topic: 'talks' });
  });

  it('given an offer to host a summit between the two presidents, when no occasion word stands before it, then it is still support for talks and the venue', () => {
    const statements = extract(
      'Erdogan said Turkey was ready to host a summit between Putin and Zelensky in Istanbul.',
    );
    expectStatement(statements, { actor: 'turkey', topic: 'talks', polarity: 'support' });
    expectStatement(statements, { actor: 'turkey', topic: 'venue', proposition: 'venue:turkey', polarity: 'support' });
  });
});

describe('a generic noun after an indefinite determiner, with a relative clause, describes no one in particular', () => {
  it("given 'a country that has joined the sanctions' in a spokesman's words, when he says it cannot be neutral, then he takes no stance on sanctions (fails under rules@1.72.0)", () => {
    const statements = extract('"Any state that has joined the sanctions has given up its neutrality," Lavrov said.');
    expectNoStatement(statements, { actor: 'russia', topic: 'sanctions' });
  });

  it("given 'a country that has sent weapons', when the speaker says it cannot be a broker, then she takes no stance on arms (fails under rules@1.72.0)", () => {
    const statements = extract('"A country that has sent weapons to Kyiv cannot be an honest broker," Zakharova said.');
    expectNoStatement(statements, { actor: 'russia', topic: 'military-aid' });
  });

  it("given a named country that joined the sanctions, when the speaker says so, then that country's act is still read", () => {
    const statements = extract('"Switzerland has joined the sanctions," Lavrov said.');
    expectStatement(statements, { actor: 'switzerland', topic: 'sanctions', polarity: 'support' });
  });
});

describe('talks named again after accession talks are the accession talks', () => {
  it("given accession negotiations blocked, when 'the talks' follow in the same sentence, then they are no peace talks (fails under rules@1.72.0)", () => {
    const statements = extract(
      "Poland's prime minister said Warsaw would block the opening of accession negotiations with Kyiv, rejecting Brussels' demand that the talks begin this year.",
    );
    expectNoStatement(statements, { actor: 'poland', topic: 'talks' });
    expectStatement(statements, { actor: 'poland', topic: 'eu-membership', polarity: 'oppose' });
  });

  it("given a document whose first talks are accession talks, when a later sentence says 'the talks', then they are no peace talks (fails under rules@1.72.0)", () => {
    const statements = extract(
      "Kallas said the first chapters of Ukraine's accession talks should open in June. Poland said it would lift its veto on opening the talks once a farm deal is signed.",
    );
    expectNoStatement(statements, { actor: 'poland', topic: 'talks' });
  });

  it('given talks with Russia in Geneva, when no accession talks were named, then they are still peace talks and a venue', () => {
    const statements = extract('Sybiha said Ukraine was ready for talks with Russia in Geneva.');
    expectStatement(statements, { actor: 'ukraine', topic: 'talks', polarity: 'support' });
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'venue',
      proposition: 'venue:switzerland',
      polarity: 'support',
    });
  });
});

describe("'held in' after a thing's noun says where it is kept, not where to meet", () => {
  it('given property held in Russia, when the minister says Moscow would confiscate it, then there is no venue and no talks (fails under rules@1.72.0)', () => {
    const statements = extract(
      "Lavrov said Moscow would confiscate European companies' property held in Russia in response.",
    );
    expectNoStatement(statements, { actor: 'russia', topic: 'venue' });
    expectNoStatement(statements, { actor: 'russia', topic: 'talks' });
  });

  it('given talks to be held in Istanbul, when the minister says so, then the venue and the talks are still read', () => {
    const statements = extract('Lavrov said the next round of talks would be held in Istanbul.');
    expectStatement(statements, { actor: 'russia', topic: 'venue', proposition: 'venue:turkey', polarity: 'support' });
    expectStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'support' });
  });
});

describe("a third-person pronoun in a speaker's quotation is someone else, told by the speaker", () => {
  it("given a quotation about another leader, when its second sentence says 'he wants a ceasefire', then it is that leader's stance as the speaker tells it (fails under rules@1.72.0)", () => {
    const statements = extract('"Zelensky has been brave. He wants a ceasefire now," Orban said.');
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'support', reportedBy: 'hungary' });
    expect(statements.filter((s) => s.actor === 'ukraine' && s.reportedBy === undefined)).toEqual([]);
  });

  it("given the speaker's own 'we' in a quotation, then it is still the speaker's stance", () => {
    const statements = extract('"We want a ceasefire now," Orban said.');
    expectStatement(statements, { actor: 'hungary', topic: 'ceasefire', polarity: 'support', reportedBy: null });
  });

  it("given 'he' for the speaker in reported speech, then it is still the speaker's stance", () => {
    const statements = extract('Tusk said he wanted talks with Moscow in Geneva.');
    expectStatement(statements, { actor: 'poland', topic: 'talks', polarity: 'support', reportedBy: null });
  });
});
