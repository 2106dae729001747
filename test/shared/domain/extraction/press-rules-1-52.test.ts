import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.52.0 round (precision: the false tuples just under 0.6 that a refit pushes
 * over, across twenty-five writers), each pinned here on sentences written for this test, not taken
 * from the corpus. The shared guards (a plain stance, a dated statement) are in
 * plain-stance-guards.test.ts.
 */

describe('a weapon used against a target is the narrator\u2019s account of its use, not a stance on sending it', () => {
  it('given missiles a country has used against depots, when read, then no opposition to arms deliveries (fails under rules@1.50.0)', () => {
    const statements = extract('Ukraine has used the missiles against command posts and ammunition depots.');
    expect(about(statements, 'ukraine', 'military-aid')).toEqual([]);
  });

  it('given talks a holder is said to be using against another, when read, then no stance on a venue (fails under rules@1.50.0)', () => {
    const statements = extract('Kallas said Russia was using the talks against Ukraine.');
    expect(about(statements, 'russia', 'venue')).toEqual([]);
  });
});

describe('a stance on sending weapons, or a warning against it, still comes out (guards)', () => {
  it('given a promise of missiles to use against airfields, when read, then the support of arms deliveries comes out', () => {
    expectStatement(extract('Britain said it would send more missiles to Ukraine to use against Russian airfields.'), {
      actor: 'united-kingdom',
      topic: 'military-aid',
      proposition: 'arms-deliveries',
      polarity: 'support',
    });
  });

  it('given a warning against sending missiles, when read, then the opposition comes out', () => {
    expectStatement(extract('Russia warned against sending missiles to Ukraine.'), {
      actor: 'russia',
      topic: 'military-aid',
      proposition: 'arms-deliveries',
      polarity: 'oppose',
    });
  });

  it('given a dated promise of weapons, when read, then the support of arms deliveries comes out', () => {
    expectStatement(extract('On Monday, Merz said Germany would send more weapons to Ukraine.'), {
      actor: 'germany',
      topic: 'military-aid',
      proposition: 'arms-deliveries',
      polarity: 'support',
    });
  });
});
