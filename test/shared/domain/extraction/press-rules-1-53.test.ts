import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.53.0 round (precision: stances read backwards, and the latent false sides a
 * refit pushes over), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a denied equation: "A is not B" denies B, and A gets no stance from it', () => {
  it('given a gerund subject with a cue, then a negated copula and an act, when read, then the act is denied, not supported (fails under rules@1.52.1)', () => {
    const statements = extract('Sybiha said: "Halting the shelling is not giving up our territory."');
    expect(about(statements, 'ukraine', 'territory').map((s) => s.polarity)).toEqual(['oppose']);
  });

  it('given a truce denied to be an act, when read, then no stance on the truce from the negation (fails under rules@1.52.1)', () => {
    const statements = extract('Sybiha said: "A truce is not handing over our land."');
    expect(about(statements, 'ukraine', 'ceasefire')).toEqual([]);
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('given "this is not" a noun phrase naming a proposition, when read, then no stance on it (fails under rules@1.52.1)', () => {
    const statements = extract('Sybiha told reporters: "This is not a peace plan, it is a list of demands."');
    expect(about(statements, 'ukraine', 'talks')).toEqual([]);
  });

  it('given an act said to be "not how you" show a wish, when read, then the wish is no one\u2019s stance (fails under rules@1.52.1)', () => {
    const statements = extract('Rubio said: "Shelling hospitals is not how you prove you want peace."');
    expect(about(statements, 'united-states', 'talks')).toEqual([]);
  });
});

describe('the holder\u2019s own negated predicates and plain denials still come out (guards)', () => {
  it('given a holder not giving up territory, when read, then the opposition comes out', () => {
    expectStatement(extract('Sybiha said: "We are not giving up our territory."'), {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('given concessions said not to be acceptable, when read, then the opposition comes out', () => {
    expectStatement(extract('Sybiha said: "Territorial concessions are not acceptable."'), {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('given "there is no ceasefire", when read, then the opposition still comes out', () => {
    expectStatement(extract('Sybiha said: "There is no ceasefire."'), {
      actor: 'ukraine',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'oppose',
    });
  });

  it('given a holder who wants a truce and is not giving up territory, when read, then both stances come out', () => {
    const statements = extract('Sybiha said Kyiv wants a ceasefire and is not giving up territory.');
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'support',
    });
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });
});

describe('phrases of another sense name no proposition: a negotiating position, talking to the interviewers, goods that should not be weapons', () => {
  it('given a border called "not a negotiating position", when read, then no stance on the talks (fails under rules@1.52.1)', () => {
    const statements = extract('Sybiha said: "Our borders are the law, not a negotiating position."');
    expect(about(statements, 'ukraine', 'talks')).toEqual([]);
  });

  it('given a leader who agreed to talk to the reporters, when read, then no support of the talks (fails under rules@1.52.1)', () => {
    const statements = extract('Zelensky agreed to talk to us for twenty minutes before his flight.');
    expect(about(statements, 'ukraine', 'talks')).toEqual([]);
  });

  it('given water and power that must not be weapons, when read, then no opposition to arms deliveries (fails under rules@1.52.1)', () => {
    const statements = extract('Sybiha said: "Water and power must not be weapons in this war."');
    expect(about(statements, 'ukraine', 'military-aid')).toEqual([]);
  });
});

describe('talking to the other side and a plea for weapons still come out (guards)', () => {
  it('given a holder ready to talk to Moscow, when read, then the support of the talks comes out', () => {
    expectStatement(extract('Sybiha said Kyiv was ready to talk to Moscow.'), {
      actor: 'ukraine',
      topic: 'talks',
      proposition: 'peace-talks',
      polarity: 'support',
    });
  });

  it('given a plea not to stop sending weapons, when read, then the support of arms deliveries comes out', () => {
    expectStatement(extract('Sybiha said Europe must not stop sending weapons to Ukraine.'), {
      actor: 'ukraine',
      topic: 'military-aid',
      proposition: 'arms-deliveries',
      polarity: 'support',
    });
  });
});
