import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.46.0 round (precision: the false statements the product acts on, across
 * twenty-five writers), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a refusal to send a delegation to a place is no opposition to talks', () => {
  it('given a delegation not sent to a named city, when read, then no opposition to talks is read (fails under rules@1.44.0)', () => {
    expectNoStatement(extract('Poland will not send a delegation to Minsk, Sikorski said.'), {
      actor: 'poland',
      topic: 'talks',
      polarity: 'oppose',
    });
  });

  it('given negotiators not sent to a named country, when read, then no opposition to talks is read (fails under rules@1.44.0)', () => {
    expectNoStatement(extract('Sybiha said Ukraine would not send negotiators to Moscow.'), {
      actor: 'ukraine',
      topic: 'talks',
      polarity: 'oppose',
    });
  });

  it('given a delegation not sent to a place described, when read, then no opposition to talks is read (fails under rules@1.44.0)', () => {
    expectNoStatement(
      extract(
        'Sikorski said Poland would not send a delegation to a country that lends its territory to the aggressor.',
      ),
      { actor: 'poland', topic: 'talks', polarity: 'oppose' },
    );
  });
});

describe('a refusal to send a delegation to the talks themselves still opposes them (guards)', () => {
  it('given a delegation not sent "to the talks", when read, then the opposition to talks comes out', () => {
    expectStatement(extract('Peskov said Russia would not send a delegation to the talks.'), {
      actor: 'russia',
      topic: 'talks',
      proposition: 'peace-talks',
      polarity: 'oppose',
    });
  });

  it('given a delegation sent to a named city, when read, then the support for talks comes out', () => {
    expectStatement(extract('Sybiha said Ukraine would send a delegation to Geneva.'), {
      actor: 'ukraine',
      topic: 'talks',
      proposition: 'peace-talks',
      polarity: 'support',
    });
  });
});

describe('the war wanted to end is a wish for a negotiated end, not a ceasefire stance', () => {
  it('given a holder who wants the war to end, when read, then no ceasefire stance and support for talks (fails under rules@1.44.0)', () => {
    const statements = extract('Macron said France wanted the war to end.');
    expect(about(statements, 'france', 'ceasefire')).toEqual([]);
    expectStatement(statements, { actor: 'france', topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
  });

  it('given a war wanted to be over, told as hearsay, when read, then no ceasefire stance (fails under rules@1.44.0)', () => {
    const statements = extract('Orban said Putin wanted the war to be over by summer.');
    expect(about(statements, 'russia', 'ceasefire')).toEqual([]);
    expectStatement(statements, {
      actor: 'russia',
      topic: 'talks',
      proposition: 'peace-talks',
      polarity: 'support',
      reportedBy: 'hungary',
    });
  });

  it('given the war in Ukraine wanted ended, when read, then no ceasefire stance (fails under rules@1.44.0)', () => {
    const statements = extract('Stubb said Finland wanted the war in Ukraine ended this year.');
    expect(about(statements, 'finland', 'ceasefire')).toEqual([]);
  });
});

describe('a ceasefire itself still comes out (guards)', () => {
  it('given a plain agreement to a ceasefire, when read, then the support comes out', () => {
    expectStatement(extract('Zelensky said Ukraine would agree to a ceasefire.'), {
      actor: 'ukraine',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'support',
    });
  });

  it('given a dated agreement to a ceasefire, when read, then the support comes out', () => {
    expectStatement(extract('Zelensky said on March 3 that Ukraine would agree to a ceasefire.'), {
      actor: 'ukraine',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'support',
    });
  });
});
