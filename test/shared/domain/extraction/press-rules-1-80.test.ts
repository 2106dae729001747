import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.80.0 round (recall: the actor a delegation or its negotiators speak for, and
 * where they say they will be), each pinned here on sentences written for this test, not taken
 * from the corpus. The shared guards (a plain stance, a dated statement) are in
 * plain-stance-guards.test.ts.
 */

describe('a delegation names its actor, and where it says it will be is the venue', () => {
  it('given a president saying his capital’s delegation would be in a city, then his country supports the talks and that venue (fails under rules@1.78.0)', () => {
    const statements = extract(
      'OSLO, May 4 (Test Wire) - Norway will host a new round of talks next month, its foreign ministry said on Monday.\n\nPresident Volodymyr Zelensky said on Tuesday that Kyiv’s delegation would be in Oslo.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', proposition: 'venue:norway', polarity: 'support' });
  });

  it('given a minister quoted on "our delegation" being in a city, then the minister’s country supports the talks and that venue (fails under rules@1.78.0)', () => {
    const statements = extract(
      'The talks are due to open on the fifth.\n\n"Our delegation will be in Vienna on the fifth," Foreign Minister Sergei Lavrov told reporters.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
    expectStatement(statements, { actor: 'russia', topic: 'venue', proposition: 'venue:austria', polarity: 'support' });
  });

  it('given a government saying its negotiators would meet the other side in a city, then it supports the talks and that venue (fails under rules@1.78.0)', () => {
    const statements = extract(
      'Ukraine said on Thursday that its negotiators would meet the Russian side in Geneva next month.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'venue',
      proposition: 'venue:switzerland',
      polarity: 'support',
    });
  });

  it('given a ministry saying the country’s delegation would travel to a city, then the country supports that venue (fails under rules@1.78.0)', () => {
    const statements = extract(
      'The next round of talks has no date yet.\n\nThe foreign ministry in Kyiv said on Friday that Ukraine’s delegation would travel to Oslo.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', proposition: 'venue:norway', polarity: 'support' });
  });

  it('given the narrator telling that a delegation was in a city, then nothing is read for it (a trip alone is narrative)', () => {
    const statements = extract(
      'The talks resumed this week.\n\nKyiv’s delegation was in Oslo on Monday, and the Russian delegation arrived on Tuesday.',
    );
    expectNoStatement(statements, { actor: 'ukraine', topic: 'venue' });
    expectNoStatement(statements, { actor: 'russia', topic: 'venue' });
  });

  it('given both sides’ negotiators agreeing on a swap in a city, then the city is where it happened, not a venue stance', () => {
    const statements = extract(
      'Russian and Ukrainian negotiators agreed in Geneva on Wednesday to exchange 500 prisoners of war.',
    );
    expectNoStatement(statements, { actor: 'russia', topic: 'venue' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'venue' });
  });

  it('given a ministry saying only who will lead its delegation, then no talks or venue stance is read for it', () => {
    const statements = extract(
      'The talks are due in Geneva next week.\n\nThe Kremlin said the make-up of its delegation would be announced later.',
    );
    expectNoStatement(statements, { actor: 'russia', topic: 'talks' });
    expectNoStatement(statements, { actor: 'russia', topic: 'venue' });
  });

  it('given a government ready to meet in a city, then the plain stance still comes out (guard)', () => {
    const statements = extract('Zelensky said on Monday that Ukraine was ready to meet the Russian side in Oslo.');
    expectStatement(statements, { actor: 'ukraine', topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', proposition: 'venue:norway', polarity: 'support' });
  });

  it('given an official of a country named with a possessive before a venue word, then the venue after it is still not read for a stance the sentence does not take (guard)', () => {
    const statements = extract(
      'Ukraine’s chief negotiator Rustem Umerov on Sunday rejected a Russian demand to give up Zaporizhzhia, on the second day of talks in Geneva.',
    );
    expectNoStatement(statements, { actor: 'ukraine', topic: 'venue' });
    expect(statements.some((s) => s.actor === 'ukraine' && s.topic === 'territory')).toBe(true);
  });
});
