import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.59.0 round (precision: the sides of false contradictions, and speech read
 * for another holder), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a place line with no date (the outlet in brackets, or a dash) names where the story was filed, no holder', () => {
  it('given capitals joined by a slash before the outlet, when the lede reports no talks and no truce, then no one opposes them (fails under rules@1.58.0)', () => {
    const statements = extract(
      'LISBON/KYIV (The Harbour Gazette) - Three months of offers have left the war where it was: no talks under way and no truce.',
    );
    expect(about(statements, 'ukraine', 'talks')).toEqual([]);
    expect(about(statements, 'ukraine', 'ceasefire')).toEqual([]);
  });

  it('given a capital and a dash, when the lede asks a question over no talks, then the capital opposes nothing (fails under rules@1.58.0)', () => {
    const statements = extract(
      'MOSCOW - With no talks planned and the front barely moving, what does the Kremlin want?',
    );
    expect(about(statements, 'russia', 'talks')).toEqual([]);
  });
});

describe('a holder named after the place line still speaks (guards)', () => {
  it('given the Kremlin after a place line with the outlet, when it rejects a ceasefire, then the opposition comes out', () => {
    expectStatement(
      extract('MOSCOW (The Harbour Gazette) - The Kremlin said on Monday that it rejected a ceasefire.'),
      {
        actor: 'russia',
        topic: 'ceasefire',
        proposition: 'ceasefire',
        polarity: 'oppose',
      },
    );
  });

  it('given a president after two capitals and a long dash, when he refuses to give up land, then the opposition comes out', () => {
    expectStatement(
      extract('KYIV/WARSAW (The Harbour Gazette) \u2014 Zelensky said Ukraine would never give up Donbas.'),
      {
        actor: 'ukraine',
        topic: 'territory',
        proposition: 'cede-territory',
        polarity: 'oppose',
      },
    );
  });

  it('given a country named after a place line with a dash, when it promises air defence, then the support comes out', () => {
    expectStatement(extract('WARSAW \u2014 Poland said it would send more air defence systems to Ukraine.'), {
      actor: 'poland',
      topic: 'military-aid',
      proposition: 'arms-deliveries',
      polarity: 'support',
    });
  });
});
