import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * The rules@1.51.0 round (recall: the topic read for others only, across twenty-five writers) kept
 * no rule: its candidate, a stance noun after "the" in another paragraph naming the lede's stance
 * ("The Kremlin condemned the move"), was left out at the refit (docs/rounds/rules-1.51.0.md).
 * These guards, on sentences written for this test, pin what such a rule must not read, and hold
 * today. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

const LEDE_ACT =
  'HELSINKI, May 4 (Test Wire) - Finland approved a new package of military aid for Ukraine on Monday, the defence ministry said.\n\n' +
  'The package includes air defence missiles and artillery shells.\n\n';

describe('a stance noun after a lede names nothing where the lede is not one plain stance for the thing (guards)', () => {
  it('given "a move" (no "the") after a lede act, when read, then no stance of the later speaker', () => {
    const statements = extract(`${LEDE_ACT}Zelensky thanked Finland for a move he said would save lives.`);
    expect(about(statements, 'ukraine', 'military-aid').filter((s) => s.polarity === 'oppose')).toEqual([]);
  });

  it('given a lede that halts the thing and, later, "should reverse the move", when read, then no opposition is read from the reversal', () => {
    const statements = extract(
      'HELSINKI, May 4 (Test Wire) - Finland halted its military aid to Ukraine on Monday, the defence ministry said.\n\n' +
        'The halt followed a row over grain imports.\n\nUkraine said Helsinki should reverse the move.',
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
