import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.84.0 round (acts: the strongest evidence, read right and read more), each
 * pinned here on sentences written for this test, not taken from the corpus. The shared guards (a
 * plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('an act dated to an interval before the news ("two weeks after X blocked it") is recalled background', () => {
  it('given a package adopted "three weeks after" a member blocked it, then the old block is no act of that member (fails under rules@1.80.0)', () => {
    const statements = extract(
      'The European Union adopted new sanctions against Russia on Friday, three weeks after Hungary blocked them.',
    );
    expectStatement(statements, {
      actor: 'european-union',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
    expectNoStatement(statements, { actor: 'hungary', topic: 'sanctions' });
  });

  it('given a loan agreed "two months after" Washington lifted sanctions, then the lifting is no act of the United States (fails under rules@1.80.0)', () => {
    const statements = extract(
      'The Group of Seven agreed a loan for Ukraine on Thursday, two months after Washington lifted sanctions on a Russian bank.',
    );
    expectNoStatement(statements, { actor: 'united-states', topic: 'sanctions' });
  });

  it('given talks resumed "a month after" a halt in deliveries, then the halt is no act of the one who halted (fails under rules@1.80.0)', () => {
    const statements = extract(
      'The talks resumed in Geneva on Monday, a month after Washington halted its deliveries of long-range missiles to Ukraine.',
    );
    expectNoStatement(statements, { actor: 'united-states', topic: 'military-aid' });
  });

  it('given an act after "after" with no interval before it, then the act the sentence reports is still read (guard)', () => {
    const statements = extract(
      'The European Union adopted new sanctions against Russia on Friday after Hungary lifted its veto.',
    );
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });

  it('given the act itself told as news, with an interval clause after it, then the act is still read (guard)', () => {
    const statements = extract(
      'Germany suspended its deliveries of long-range missiles to Ukraine on Monday, a week after Russia warned it.',
    );
    const act = statements.find((statement) => statement.actor === 'germany' && statement.topic === 'military-aid');
    expect(act?.polarity).toBe('oppose');
    expect(act?.evidence).toBe('action');
  });

  it('given a unit of time a preposition governs before "after", then it is a span, not an interval, and the act is read (guard)', () => {
    const statements = extract(
      'Brussels extended the sanctions on Russia for six more months after Hungary lifted its veto at a meeting of ambassadors.',
    );
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });

  it('given a block told as news, then it is read as the blocker’s act (guard)', () => {
    const statements = extract('Hungary on Tuesday blocked the European Union’s new sanctions on Russia.');
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'oppose',
    });
  });

  it('given a vote told in the same sentence after an interval clause, then the vote is still read (guard)', () => {
    const statements = extract(
      'The European Union adopted new sanctions against Russia on Friday, three weeks after they had been proposed, and Hungary voted against them.',
    );
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'oppose',
    });
  });
});
