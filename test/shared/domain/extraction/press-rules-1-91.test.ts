import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.91.0 round (the side that ends a veto: acts on sanctions packages told after
 * the lead), each pinned here on sentences written for this test, not taken from the corpus.
 */

const LEDE = 'The European Union approved a fresh package of sanctions against Russia on Monday.';

describe('an act a source tells after the lead is news, not background', () => {
  it('given a vote for the package in the second paragraph, told by "an EU diplomat", then the voter supports the sanctions (fails under rules@1.90.0)', () => {
    const statements = extract(
      `${LEDE}\n\nFinland voted for the package in a written procedure on Monday evening, an EU diplomat said.`,
    );
    const vote = expectStatement(statements, {
      actor: 'finland',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
    expect(vote.sentenceIndex).toBe(1);
  });

  it('given a shipment stopped in a later paragraph, "officials said", then the halt is read (fails under rules@1.90.0)', () => {
    const statements = extract(
      'Germany promised Ukraine more air defence last month.\n\nBerlin stopped a shipment of Taurus missiles to Ukraine on Sunday, two officials said, pending a review.',
    );
    expectStatement(statements, { actor: 'germany', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given an act a source dates before the news with "had", then it stays background (guard)', () => {
    const statements = extract(
      'Germany promised Ukraine more air defence last month.\n\nBerlin had stopped a shipment of Taurus missiles to Ukraine in May, two officials said.',
    );
    expectNoStatement(statements, { actor: 'germany', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given an act in a later paragraph with no source after it, then it stays background as before (guard)', () => {
    const statements = extract(`${LEDE}\n\nFinland voted for the package in a written procedure on Monday evening.`);
    expectNoStatement(statements, { actor: 'finland', topic: 'sanctions' });
  });
});

describe('a vote with no object after the lead is a vote on the story’s thing', () => {
  it('given envoys who "voted in favour at a meeting of ambassadors", officials said, then they support the package the lede named (fails under rules@1.90.0)', () => {
    const statements = extract(
      `${LEDE}\n\nItalian envoys voted in favour at a meeting of ambassadors in the morning, officials said.`,
    );
    expectStatement(statements, {
      actor: 'italy',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });

  it('given Slovakia "voted in favour after" a concession, diplomats said, then it supports the package (fails under rules@1.90.0)', () => {
    const statements = extract(
      `${LEDE}\n\nSlovakia voted in favour after a late promise on oil supplies, diplomats said.`,
    );
    expectStatement(statements, {
      actor: 'slovakia',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });

  it('given no package named before the vote, then an objectless vote reads nothing (guard)', () => {
    const statements = extract(
      'Ministers met in Brussels on Monday.\n\nItalian envoys voted in favour at a meeting of ambassadors, officials said.',
    );
    expectNoStatement(statements, { actor: 'italy', topic: 'sanctions' });
  });

  it('given a vote in favour of a named package in its own sentence, then it is read as before (guard)', () => {
    const statements = extract(
      'Italy voted in favour of the new package of sanctions against Russia at a meeting of ambassadors on Monday.',
    );
    expectStatement(statements, {
      actor: 'italy',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });
});
