import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.28.0 round (stances given to the wrong holder across nineteen writers: a
 * subject put before an attribution set off by commas, a condition opened by "the same day" or
 * "the same week"), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a subject put before an attribution set off by commas holds the clause after it', () => {
  it('given "<actor>, he said, did not want <proposition>", when read, then it is that actor’s stance, told by the speaker (fails under rules@1.27.0)', () => {
    const statements = extract(
      'Finnish President Alexander Stubb spoke to reporters in Turku on Monday. Russia, he said, did not want a ceasefire at all.',
    );
    expectStatement(statements, {
      actor: 'russia',
      topic: 'ceasefire',
      polarity: 'oppose',
      attribution: 'reported',
      reportedBy: 'finland',
    });
    expect(about(statements, 'finland', 'ceasefire')).toEqual([]);
  });

  it('given "<capital>, he told reporters, \\"<quotation>\\"", when read, then the quotation’s stance is the capital’s, told by the speaker (fails under rules@1.27.0)', () => {
    const statements = extract(
      'Polish Foreign Minister Radoslaw Sikorski spoke after the meeting in Warsaw. Moscow, he told reporters, "does not want talks; it wants the whole of Ukraine".',
    );
    expectStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'oppose', reportedBy: 'poland' });
    expect(about(statements, 'poland', 'talks')).toEqual([]);
  });

  it('given "The <role>, she said, rejects <proposition>", when read, then the role’s actor holds it (fails under rules@1.27.0)', () => {
    const statements = extract(
      'Finnish Foreign Minister Elina Valtonen spoke in Helsinki on Friday. The Kremlin, she said, rejects any truce this winter.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose', reportedBy: 'finland' });
    expect(about(statements, 'finland', 'ceasefire')).toEqual([]);
  });

  it('given the speaker’s own country put before the attribution, when read, then the stance stays the speaker’s own, not hearsay', () => {
    const statements = extract(
      'Finnish Foreign Minister Elina Valtonen spoke in Helsinki on Friday. Finland, she said, would support a ceasefire along the front line.',
    );
    expectStatement(statements, { actor: 'finland', topic: 'ceasefire', polarity: 'support', reportedBy: null });
  });

  it('given a clause between the subject and the attribution, when read, then the speaker keeps the stance as before', () => {
    const statements = extract(
      'Russia attacked again overnight, Valtonen said, and Finland would support new sanctions.',
    );
    expectStatement(statements, { actor: 'finland', topic: 'sanctions', polarity: 'support' });
    expectNoStatement(statements, { actor: 'russia', topic: 'sanctions' });
  });
});

describe('"the same day" and "the same week" open a condition, and a marker with nothing after it opens none', () => {
  it('given "would end \\"the same day\\" <country> drops its bid to join NATO", when read, then the speaker opposes the membership and the end is conditional (fails under rules@1.27.0)', () => {
    const statements = extract(
      'Sergei Lavrov said on Friday that the fighting would end "the same day" Kyiv drops its bid to join NATO.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'nato-membership', polarity: 'oppose' });
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'conditional' });
    expect(about(statements, 'ukraine', 'nato-membership')).toEqual([]);
  });

  it('given "would end the same week <country> abandons its bid to join NATO", when read, then the speaker opposes the membership, not the country (fails under rules@1.27.0)', () => {
    const statements = extract(
      'Alexander Lukashenko said the war would end the same week Ukraine abandons its bid to join NATO.',
    );
    expectStatement(statements, { actor: 'belarus', topic: 'nato-membership', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'nato-membership' });
  });

  it('given "the same week" closing a sentence, when read, then the stance before it is not made conditional (a guard for the new marker)', () => {
    const statements = extract('Russian officials objected to a summit scheduled in Budapest the same week.');
    expectNoStatement(statements, { actor: 'russia', polarity: 'conditional' });
  });

  it('given "said the same day that", when read, then the statement is read plainly, with no condition', () => {
    const statements = extract('Emmanuel Macron said the same day that France supports new sanctions against Russia.');
    expectStatement(statements, { actor: 'france', topic: 'sanctions', polarity: 'support' });
  });
});
