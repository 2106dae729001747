import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.52.0 round (precision: the false tuples just under 0.6 that a refit pushes
 * over, across twenty-five writers), each pinned here on sentences written for this test, not taken
 * from the corpus. The shared guards (a plain stance, a dated statement) are in
 * plain-stance-guards.test.ts.
 */

describe('a trigger inside a phrase of another sense is no trigger', () => {
  it('given a demand called no negotiating position, when read, then no stance on the talks (fails under rules@1.50.0)', () => {
    const statements = extract('"That is not a negotiating position, it is blackmail," Sybiha said.');
    expect(about(statements, 'ukraine', 'talks')).toEqual([]);
  });

  it('given energy that should not be weapons, when read, then no stance on arms deliveries (fails under rules@1.50.0)', () => {
    const statements = extract('"Food and water should not be weapons," Sybiha said.');
    expect(about(statements, 'ukraine', 'military-aid')).toEqual([]);
  });

  it('given a leader who agreed to talk to us (the interviewers), when read, then no support of talks (fails under rules@1.50.0)', () => {
    const statements = extract('Merz gave an interview in his office and agreed to talk to us for an hour.');
    expect(about(statements, 'germany', 'talks')).toEqual([]);
  });
});

describe('the talks and the weapons in their own sense still come out (guards)', () => {
  it('given a holder ready to negotiate, when read, then the support of talks comes out', () => {
    expectStatement(extract('Sybiha said Ukraine was ready to negotiate.'), {
      actor: 'ukraine',
      topic: 'talks',
      proposition: 'peace-talks',
      polarity: 'support',
    });
  });

  it('given a leader ready to talk to the other leader, when read, then the support of talks comes out', () => {
    expectStatement(extract('Zelensky said he was ready to talk to Putin.'), {
      actor: 'ukraine',
      topic: 'talks',
      proposition: 'peace-talks',
      polarity: 'support',
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
