import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.34.0 round (precision on sanctions, venue and territory across twenty-three
 * writers: the parties an appeal addresses read as venues, a claim to win land back read as its
 * surrender, a territory named as a place read as a stance), each pinned here on sentences written
 * for this test, not taken from the corpus. The shared guards (a plain stance, a dated statement)
 * are in plain-stance-guards.test.ts.
 */

describe('the parties an appeal addresses are no venue', () => {
  it('given "urged Russia and Ukraine to return to talks", when read, then no venue is read, only support for the talks (fails under rules@1.31.0)', () => {
    const statements = extract(
      'Indian Prime Minister Narendra Modi on Tuesday urged Russia and Ukraine to return to talks before the winter.',
    );
    expectStatement(statements, { actor: 'india', topic: 'talks', polarity: 'support' });
    expectNoStatement(statements, { topic: 'venue' });
  });

  it('given "called on Moscow and Kyiv on Sunday to lay down their arms", when read, then no venue is read (fails under rules@1.31.0)', () => {
    const statements = extract(
      'Pope Leo XIV called on Moscow and Kyiv on Sunday to lay down their arms and to begin negotiations.',
    );
    expectNoStatement(statements, { topic: 'venue' });
  });

  it('given a place offered as the object of a cue, when read, then it is still the venue (a guard)', () => {
    expectStatement(extract('Turkey offered Istanbul as a venue for the next round of talks.'), {
      actor: 'turkey',
      topic: 'venue',
      proposition: 'venue:turkey',
      polarity: 'support',
    });
    expectStatement(extract('Erdogan said on Monday the delegations should meet in Istanbul.'), {
      actor: 'turkey',
      topic: 'venue',
      proposition: 'venue:turkey',
      polarity: 'support',
    });
  });
});

describe('winning land back is no surrender of it', () => {
  it('given "will recover Crimea", when read, then it is opposition to ceding territory (fails under rules@1.31.0)', () => {
    const statements = extract('Zelensky told a Japanese newspaper that Ukraine would recover Crimea by diplomacy.');
    expectStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'support' });
  });

  it('given "should regain its internationally recognised borders", when read, then it is opposition, not support (fails under rules@1.31.0)', () => {
    const statements = extract(
      'EU foreign policy chief Kaja Kallas said in Vilnius that Ukraine should regain its internationally recognised borders.',
    );
    expectStatement(statements, { actor: 'european-union', topic: 'territory', polarity: 'oppose' });
    expect(about(statements, 'european-union', 'territory').some((s) => s.polarity === 'support')).toBe(false);
  });

  it('given a plain refusal to cede land, when read, then it is still opposition (a guard)', () => {
    expectStatement(extract('Zelensky said Ukraine would never give up Donetsk.'), {
      actor: 'ukraine',
      topic: 'territory',
      polarity: 'oppose',
    });
  });
});

describe('a territory named as a place is no stance on ceding it', () => {
  it('given "through its territory", when read, then no territory stance is read (fails under rules@1.31.0)', () => {
    const statements = extract(
      'German Defence Minister Boris Pistorius said Berlin would keep sending shells through its territory to the front.',
    );
    expectNoStatement(statements, { topic: 'territory' });
  });

  it('given "a missile that hit Russian territory", when read, then no territory stance is read (fails under rules@1.31.0)', () => {
    const statements = extract(
      'Kremlin spokesman Dmitry Peskov said any British missile that hit Russian territory would draw a response.',
    );
    expectNoStatement(statements, { topic: 'territory' });
  });
});

describe("what a document provides is no one's stance", () => {
  it('given "adds a chapter under which Ukraine would withdraw", when read, then no territory stance is read (fails under rules@1.31.0)', () => {
    expectNoStatement(
      extract(
        'The leaked draft adds a chapter under which Ukraine would withdraw from the Luhansk region by the spring.',
      ),
      { topic: 'territory' },
    );
  });

  it('given "the new draft asks Ukraine to withdraw", when read, then no territory stance is read, not even the source\'s (fails under rules@1.31.0)', () => {
    expectNoStatement(
      extract(
        'According to Ukrainian diplomats, the new draft asks Ukraine to withdraw its troops from the Donetsk region.',
      ),
      { topic: 'territory' },
    );
  });

  it('given a holder that rejects a clause, when read, then the clause is still what the holder takes a stance on (a guard)', () => {
    expectStatement(
      extract('French diplomats rejected a clause that would have barred foreign troops from Ukraine after any truce.'),
      { actor: 'france', topic: 'security-guarantees', polarity: 'support' },
    );
  });
});
