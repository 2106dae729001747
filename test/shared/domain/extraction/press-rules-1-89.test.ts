import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.89.0 round (the three newest writers, press-29 to press-31: false
 * contradictions first), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a truce on energy, power plants or power stations is the energy truce', () => {
  it('given a spokesman who "will not accept a truce on power stations while …", then the opposition is to the energy truce, not to a ceasefire (fails under rules@1.87.0)', () => {
    const statements = extract(
      '"Moscow will not accept a truce on power stations while Kyiv rebuilds its network," Peskov said on Friday.',
    );
    expectStatement(statements, {
      actor: 'russia',
      topic: 'ceasefire',
      proposition: 'energy-truce',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'russia', proposition: 'ceasefire' });
  });

  it('given a ministry that wants "a truce on energy" to start at once, then it supports the energy truce (fails under rules@1.87.0)', () => {
    const statements = extract(
      "Ukraine's foreign ministry said on Monday that a truce on energy should start this week, without preconditions.",
    );
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'ceasefire',
      proposition: 'energy-truce',
      polarity: 'support',
    });
    expectNoStatement(statements, { actor: 'ukraine', proposition: 'ceasefire' });
  });

  it('given a leader told a truce on power plants was wanted, then the hearsay is about the energy truce (fails under rules@1.87.0)', () => {
    const statements = extract(
      'Erdogan said on Thursday that Putin had told him by telephone that he wanted a truce on power plants before January.',
    );
    const heard = expectStatement(statements, {
      actor: 'russia',
      topic: 'ceasefire',
      proposition: 'energy-truce',
      polarity: 'support',
    });
    expect(heard.reportedBy).toBe('turkey');
  });

  it('given a truce on the front line, then it is still the ceasefire (guard)', () => {
    const statements = extract('Russia wants a truce on the front line before the winter, Peskov said on Monday.');
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', proposition: 'ceasefire', polarity: 'support' });
    expectNoStatement(statements, { actor: 'russia', proposition: 'energy-truce' });
  });

  it('given a plain call for a moratorium on strikes against energy facilities, then it is the energy truce as before (guard)', () => {
    const statements = extract(
      'Zelensky called on Tuesday for a moratorium on strikes against energy facilities for the whole winter.',
    );
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'ceasefire',
      proposition: 'energy-truce',
      polarity: 'support',
    });
  });
});

describe('a target the story named speaks of its own sanctions when it names no other', () => {
  it('given sanctions on Chinese firms and then China opposing "the unilateral sanctions", then China opposes sanctions on China (fails under rules@1.87.0)', () => {
    const statements = extract(
      "The EU imposed sanctions on nine Chinese firms on Tuesday for supplying drone parts. China's foreign ministry said it firmly opposed the unilateral sanctions and would protect its companies.",
    );
    expectStatement(statements, {
      actor: 'china',
      topic: 'sanctions',
      proposition: 'sanctions:china',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'china', proposition: 'sanctions:russia' });
  });

  it('given sanctions on Iranian companies and then Iran condemning "the sanctions", then Iran opposes sanctions on Iran (fails under rules@1.87.0)', () => {
    const statements = extract(
      "Washington imposed sanctions on four Iranian companies on Friday, the Treasury said. Iran's foreign ministry condemned the sanctions as illegal.",
    );
    expectStatement(statements, {
      actor: 'iran',
      topic: 'sanctions',
      proposition: 'sanctions:iran',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'iran', proposition: 'sanctions:russia' });
  });

  it('given sanctions on Chinese firms and then Russia condemning "the sanctions", then Russia, no target named, keeps the default (guard)', () => {
    const statements = extract(
      "The EU imposed sanctions on nine Chinese firms on Tuesday. Russia's foreign ministry condemned the sanctions.",
    );
    expectStatement(statements, {
      actor: 'russia',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'oppose',
    });
  });

  it('given the target naming another target itself ("sanctions on Russian oil"), then the named target wins (guard)', () => {
    const statements = extract(
      'The EU imposed sanctions on nine Chinese firms on Tuesday. Beijing said it would never accept sanctions on Russian oil.',
    );
    expectStatement(statements, {
      actor: 'china',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'china', proposition: 'sanctions:china' });
  });

  it('given China opposing unilateral sanctions in a story that named no target, then the default stands (guard)', () => {
    const statements = extract(
      "China's foreign ministry said on Monday that it firmly opposed unilateral sanctions and would protect its companies.",
    );
    expectStatement(statements, {
      actor: 'china',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'oppose',
    });
  });
});
