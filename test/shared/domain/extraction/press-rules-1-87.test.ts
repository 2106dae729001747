import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.87.0 round (recall on acts, prisoner exchanges first: the latent false sides
 * that held the exchange rule back), each pinned here on sentences written for this test, not taken
 * from the corpus. The shared guards (a plain stance, a dated statement) are in
 * plain-stance-guards.test.ts.
 */

describe('an act of ending acts on its object only: a span of talks ended tells how the meeting went', () => {
  it('given envoys who "ended three days of talks … with a proposal to swap prisoners", then no one opposes the exchange (fails under rules@1.85.0)', () => {
    const statements = extract(
      'Turkish and Russian envoys ended three days of talks in Ankara on Tuesday with a Russian proposal to swap 500 prisoners of war.',
    );
    expectNoStatement(statements, { actor: 'russia', topic: 'prisoners', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'turkey', topic: 'prisoners', polarity: 'oppose' });
  });

  it('given delegations who "ended six hours of negotiations … without agreeing a ceasefire", then no one supports the ceasefire by that act (fails under rules@1.85.0)', () => {
    const statements = extract(
      'Ukrainian and Russian delegations ended six hours of negotiations in Vienna on Monday without agreeing a ceasefire.',
    );
    expectNoStatement(statements, { actor: 'ukraine', topic: 'ceasefire' });
    expectNoStatement(statements, { actor: 'russia', topic: 'ceasefire' });
  });

  it('given a war that "could only be ended through dialogue", then the ending passes no opposition to the dialogue past it (fails under rules@1.85.0)', () => {
    const statements = extract(
      'Modi told Putin that the war in Ukraine could only be ended through dialogue and diplomacy, and that India backed talks.',
    );
    expectNoStatement(statements, { actor: 'india', topic: 'talks', polarity: 'oppose' });
    expectStatement(statements, { actor: 'india', topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
  });

  it('given an act of ending whose object is a trigger ("ended the ceasefire"), then the act is still read (guard)', () => {
    const statements = extract('Russia ended the ceasefire on Monday.');
    const act = statements.find((statement) => statement.actor === 'russia' && statement.topic === 'ceasefire');
    expect(act?.polarity).toBe('oppose');
    expect(act?.evidence).toBe('action');
  });

  it('given an act of ending with a trigger a few words into its object ("ended its sanctions on …"), then the act is still read (guard)', () => {
    const statements = extract('Germany ended its sanctions on Russian banks on Friday.');
    expectStatement(statements, {
      actor: 'germany',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'oppose',
    });
  });

  it('given an act of ending whose object is a stance noun ("ended its blockade of …"), then the act still carries on to what the noun names (guard)', () => {
    const statements = extract('Slovakia ended its blockade of the eighteenth sanctions package on Thursday.');
    const act = expectStatement(statements, {
      actor: 'slovakia',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
    expect(act.evidence).toBe('action');
  });

  it('given a plain wish for a truce without an act of ending, then the stance still comes out (guard)', () => {
    const statements = extract(
      'Germany wants a ceasefire in Ukraine before the winter, Chancellor Merz said on Monday.',
    );
    expectStatement(statements, { actor: 'germany', topic: 'ceasefire', polarity: 'support' });
  });
});
