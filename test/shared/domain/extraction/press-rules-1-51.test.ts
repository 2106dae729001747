import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.51.0 round (recall: the topic read for others only, across twenty-five
 * writers), each pinned here on sentences written for this test, not taken from the corpus. The
 * shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

const LEDE_ACT =
  'HELSINKI, May 4 (Test Wire) - Finland approved a new package of military aid for Ukraine on Monday, the defence ministry said.\n\n' +
  'The package includes air defence missiles and artillery shells.\n\n';

const LEDE_OFFER =
  'DOHA, May 4 (Test Wire) - Qatar offered on Monday to host talks between Russian and Ukrainian delegations in Doha, its foreign ministry said.\n\n' +
  'The city hosted several rounds of talks on other conflicts in past decades.\n\n';

describe('a stance noun after "the" in another paragraph names the lede’s stance', () => {
  it('given a lede act and, paragraphs later, "the Kremlin condemned the decision", when read, then Russia opposes the thing (fails under rules@1.50.0)', () => {
    const statements = extract(`${LEDE_ACT}The Kremlin condemned the decision.`);
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given a lede act and, later, "Kyiv welcomed the move", when read, then Ukraine supports the thing (fails under rules@1.50.0)', () => {
    const statements = extract(`${LEDE_ACT}Kyiv welcomed the move.`);
    expectStatement(statements, { actor: 'ukraine', topic: 'military-aid', polarity: 'support' });
  });

  it('given a lede venue offer and, later, "Kyiv welcomed the offer", when read, then Ukraine supports the venue (fails under rules@1.50.0)', () => {
    const statements = extract(`${LEDE_OFFER}Ukraine's foreign ministry welcomed the offer.`);
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', polarity: 'support' });
  });
});

describe('a lede noun names nothing where the lede is not one plain stance for the thing (guards)', () => {
  it('given "a decision" (no "the") after a lede act, when read, then no stance of the later speaker', () => {
    const statements = extract(`${LEDE_ACT}Zelensky thanked Finland for a decision he said would save lives.`);
    expect(about(statements, 'ukraine', 'military-aid').filter((s) => s.polarity === 'oppose')).toEqual([]);
  });

  it('given a lede that halts the thing and, later, "should reverse the decision", when read, then no opposition is read from the reversal', () => {
    const statements = extract(
      'HELSINKI, May 4 (Test Wire) - Finland halted its military aid to Ukraine on Monday, the defence ministry said.\n\n' +
        'The halt followed a row over grain imports.\n\nUkraine said Helsinki should reverse the decision.',
    );
    expect(about(statements, 'ukraine', 'military-aid').filter((s) => s.polarity === 'oppose')).toEqual([]);
  });

  it('given a conditional lede ("would end the day troops left"), when "the offer" is rejected later, then no ceasefire opposition', () => {
    const statements = extract(
      'MOSCOW, May 4 (Test Wire) - The fighting would end the day Ukrainian troops left Donetsk, Lavrov said on Monday.\n\n' +
        'He repeated the line at a news conference.\n\nUkraine rejected the offer.',
    );
    expect(about(statements, 'ukraine', 'ceasefire')).toEqual([]);
  });

  it('given a lede act, when the lede itself is read, then its plain stance still comes out', () => {
    expectStatement(extract(LEDE_ACT), { actor: 'finland', topic: 'military-aid', polarity: 'support' });
  });

  it('given a dated reaction in the same paragraph as the act, when read, then the reaction comes out as before', () => {
    const statements = extract(
      'Finland approved a new package of military aid for Ukraine on Monday. Russia condemned the package on May 5.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });
});
