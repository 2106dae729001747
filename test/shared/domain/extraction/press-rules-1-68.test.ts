import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.68.0 round (recall: acts told as decisions, votes, vetoes and blocks), each
 * pinned here on sentences written for this test, not taken from the corpus. The shared guards (a
 * plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a veto or objection lifted after the act its sentence tells', () => {
  it('given a package adopted after a veto was dropped, when the story tells both, then the country that dropped it supports the sanctions (fails under rules@1.67.0)', () => {
    const statements = extract(
      'The European Union adopted a fresh package of sanctions against Russia on Thursday after Slovakia dropped its veto.',
    );
    expectStatement(statements, { actor: 'slovakia', topic: 'sanctions', polarity: 'support' });
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
    expectNoStatement(statements, { actor: 'slovakia', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given objections withdrawn, when the act is told first, then the country supports it (fails under rules@1.67.0)', () => {
    expectStatement(extract('The EU imposed new sanctions on Russian banks after Hungary withdrew its objections.'), {
      actor: 'hungary',
      topic: 'sanctions',
      polarity: 'support',
    });
  });

  it('given a veto withdrawn with a setting after it, when the act is an extension, then the country supports the sanctions (fails under rules@1.67.0)', () => {
    expectStatement(
      extract(
        'Brussels extended its sanctions on Russia for another year after Hungary withdrew its veto in a late-night call.',
      ),
      { actor: 'hungary', topic: 'sanctions', polarity: 'support' },
    );
  });

  it('given the veto lifted in a later sentence, when that sentence names no act, then nothing is read for the country', () => {
    const statements = extract(
      'The EU adopted new sanctions on Russia on Monday. Two days later Hungary lifted its veto.',
    );
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
    expect(statements.filter((s) => s.actor === 'hungary')).toEqual([]);
  });

  it('given a veto lifted with its object named, when nothing else is told, then the plain reading stands', () => {
    expectStatement(extract('Hungary lifted its veto on the sanctions against Russia.'), {
      actor: 'hungary',
      topic: 'sanctions',
      polarity: 'support',
    });
  });

  it('given a plain block, when a country blocks sanctions, then it still opposes them', () => {
    expectStatement(extract('Slovakia blocked new sanctions on Russia on Monday.'), {
      actor: 'slovakia',
      topic: 'sanctions',
      polarity: 'oppose',
    });
  });
});
