import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.77.0 round (recall: offers to host and other actors' reactions to them),
 * each pinned here on sentences written for this test, not taken from the corpus. The shared guards
 * (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('an offer of a place in the first sentence is what a later "the offer" names', () => {
  it('given an offer to host in the lede, when another government rejects the offer in a later paragraph, then it opposes that venue (fails under rules@1.75.0)', () => {
    const statements = extract(
      'HELSINKI, March 3 (Test Wire) - Finland on Monday offered to host the next round of talks between Russia and Ukraine in Helsinki.\n\nThe foreign ministry said the city could receive both sides within a week.\n\nThe Kremlin rejected the offer.',
    );
    expectStatement(statements, {
      actor: 'finland',
      topic: 'venue',
      proposition: 'venue:finland',
      polarity: 'support',
    });
    expectStatement(statements, { actor: 'russia', topic: 'venue', proposition: 'venue:finland', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'russia', topic: 'talks' });
  });

  it('given a lede that the country will host the talks in a city, when a ministry welcomes the offer later, then it supports that venue (fails under rules@1.75.0)', () => {
    const statements = extract(
      'Finland will host the next round of talks in Helsinki and is ready to organise a summit at short notice, the foreign minister said on Friday.\n\nUkraine’s foreign ministry welcomed the offer.',
    );
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'venue',
      proposition: 'venue:finland',
      polarity: 'support',
    });
  });

  it('given a lede with a condition as well as an offer of a city, when a ministry welcomes the offer, then no venue is read for it (several stances: no one act)', () => {
    const statements = extract(
      'Italy’s prime minister said on Friday that the fighting would stop once both armies pulled back from the river, and offered Rome as a venue for talks.\n\nUkraine’s foreign ministry welcomed the offer.',
    );
    expectNoStatement(statements, { actor: 'ukraine', topic: 'venue' });
  });

  it('given an offer to host in the lede, when a reaction is only foreseen ("would welcome the offer"), then nothing is read for it', () => {
    const statements = extract(
      'Finland on Monday offered to host the next round of talks in Helsinki.\n\nDiplomats said Kyiv would welcome the offer.',
    );
    expectNoStatement(statements, { actor: 'ukraine', topic: 'venue' });
  });

  it('given a lede naming two cities, when a government dismisses the offer, then no venue is read for the reaction', () => {
    const statements = extract(
      'Finland and Italy on Monday offered to host the talks in Helsinki or in Rome.\n\nThe Kremlin dismissed the offer.',
    );
    expectNoStatement(statements, { actor: 'russia', topic: 'venue' });
  });

  it('given a lede that rules a city out, when another government condemns the decision, then no venue offer is read', () => {
    const statements = extract(
      'Ukraine on Monday ruled out talks in Minsk.\n\nBelarus condemned the offer and the decision.',
    );
    expectNoStatement(statements, { actor: 'belarus', topic: 'venue', polarity: 'support' });
  });

  it('given an offer to host told as the lede, when nothing reacts to it, then only the host’s stances come out', () => {
    const statements = extract('Finland on Monday offered to host the next round of talks in Helsinki.');
    expectStatement(statements, { actor: 'finland', topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
    expectStatement(statements, {
      actor: 'finland',
      topic: 'venue',
      proposition: 'venue:finland',
      polarity: 'support',
    });
    expect(statements.filter((s) => s.actor !== 'finland')).toEqual([]);
  });
});
