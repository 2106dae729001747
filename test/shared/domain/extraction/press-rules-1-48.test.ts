import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.48.0 round (who holds the stance in a meeting report, across twenty-five
 * writers), each pinned here on sentences written for this test, not taken from the corpus. The
 * shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe("a delegation sent to a place is the guest's support of the venue", () => {
  it('given a delegation sent to a named city, when read, then the sender supports that venue (fails under rules@1.47.0)', () => {
    expectStatement(extract('Sybiha said Ukraine would send a delegation to Vienna for the talks.'), {
      actor: 'ukraine',
      topic: 'venue',
      proposition: 'venue:austria',
      polarity: 'support',
    });
  });

  it('given negotiators sent to a named country, when read, then the sender supports that venue (fails under rules@1.47.0)', () => {
    expectStatement(extract('Lavrov said Moscow was ready to send negotiators to Norway for talks next week.'), {
      actor: 'russia',
      topic: 'venue',
      proposition: 'venue:norway',
      polarity: 'support',
    });
  });

  it('given a delegation sent to a named city, when read, then the support of the talks still comes out', () => {
    expectStatement(extract('Sybiha said Ukraine would send a delegation to Vienna for the talks.'), {
      actor: 'ukraine',
      topic: 'talks',
      polarity: 'support',
    });
  });
});

describe('a meeting said not to happen is a cancellation, not a stance on its place', () => {
  it('given "there will be no meeting in" a named city, when read, then no opposition to that venue (fails under rules@1.47.0)', () => {
    expectNoStatement(extract('"There will be no meeting in Vienna," Peskov said.'), {
      actor: 'russia',
      topic: 'venue',
      polarity: 'oppose',
    });
  });

  it('given a plain refusal of a place, when read, then the opposition to the venue still comes out (guard)', () => {
    expectStatement(extract('Peskov said talks could not take place in Vienna.'), {
      actor: 'russia',
      topic: 'venue',
      proposition: 'venue:austria',
      polarity: 'oppose',
    });
  });

  it('given a delegation not sent to a named city, when read, then the refusal opposes that venue and not the talks (fails under rules@1.47.0)', () => {
    const statements = extract('Peskov said Russia would not send a delegation to Vienna for talks.');
    expectStatement(statements, { actor: 'russia', topic: 'venue', proposition: 'venue:austria', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'oppose' });
  });

  it('given a delegation to be sent, said on a named day, when read, then the venue support carries that date (fails under rules@1.47.0)', () => {
    const found = expectStatement(
      extract('Sybiha said on Tuesday that Ukraine would send a delegation to Vienna for talks.', '2025-11-06'),
      { actor: 'ukraine', topic: 'venue', proposition: 'venue:austria', polarity: 'support' },
    );
    expect(found.statedAt).toBe('2025-11-04');
  });
});
