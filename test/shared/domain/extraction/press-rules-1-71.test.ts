import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.71.0 round (recall: votes without their object, acts of opening), each
 * pinned here on sentences written for this test, not taken from the corpus. The shared guards (a
 * plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a vote with its object left out takes the act its sentence tells', () => {
  it('given a loan approved with one country voting against, when the vote is an absolute clause, then that country opposes the funding (fails under rules@1.68.0)', () => {
    const statements = extract(
      'The European Union approved a new loan for Ukraine on Tuesday, with Slovakia voting against.',
    );
    expectStatement(statements, { actor: 'slovakia', topic: 'funding', polarity: 'oppose' });
    expectStatement(statements, { actor: 'european-union', topic: 'funding', polarity: 'support' });
    expectNoStatement(statements, { actor: 'european-union', topic: 'funding', polarity: 'oppose' });
  });

  it('given two countries voting against in the absolute clause, when sanctions are imposed, then both oppose them (fails under rules@1.68.0)', () => {
    const statements = extract(
      'EU ministers imposed fresh sanctions on Russia on Monday, with Hungary and Slovakia voting against.',
    );
    expectStatement(statements, { actor: 'hungary', topic: 'sanctions', polarity: 'oppose' });
    expectStatement(statements, { actor: 'slovakia', topic: 'sanctions', polarity: 'oppose' });
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
  });

  it('given a package adopted after a country voted in favour at a meeting, when the vote names no object, then the country supports the sanctions (fails under rules@1.68.0)', () => {
    expectStatement(
      extract(
        'The European Union adopted new sanctions on Russia on Wednesday after Slovakia voted in favour at a meeting of envoys.',
      ),
      { actor: 'slovakia', topic: 'sanctions', polarity: 'support' },
    );
  });

  it('given the vote in a later sentence, when that sentence names no object, then nothing is read for the voter', () => {
    const statements = extract('The EU adopted new sanctions on Russia on Monday. Hungary voted against.');
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
    expect(statements.filter((s) => s.actor === 'hungary')).toEqual([]);
  });

  it('given a vote with its object named, when nothing else is told, then the plain reading stands', () => {
    expectStatement(extract('Hungary voted against the new sanctions on Russia.'), {
      actor: 'hungary',
      topic: 'sanctions',
      polarity: 'oppose',
    });
  });
});

describe('opening a cluster or chapter is an act', () => {
  it('given the EU opened a cluster of accession talks, when it is told as news, then the EU supports the membership (fails under rules@1.68.0)', () => {
    expectStatement(
      extract('The European Union opened the second cluster of accession talks with Ukraine on Tuesday.'),
      {
        actor: 'european-union',
        topic: 'eu-membership',
        polarity: 'support',
      },
    );
  });

  it('given a cluster opened after a country voted against, when the sentence tells both, then the EU supports and the voter opposes (fails under rules@1.68.0)', () => {
    const statements = extract(
      'The European Union opened the second cluster of accession talks with Ukraine on Tuesday after Slovakia voted against.',
    );
    expectStatement(statements, { actor: 'european-union', topic: 'eu-membership', polarity: 'support' });
    expectStatement(statements, { actor: 'slovakia', topic: 'eu-membership', polarity: 'oppose' });
  });

  it('given a refusal to let the EU open a cluster, when a country says so, then it still opposes the membership', () => {
    expectStatement(extract('Slovakia said it would not let the EU open the next negotiating cluster with Ukraine.'), {
      actor: 'slovakia',
      topic: 'eu-membership',
      polarity: 'oppose',
    });
  });

  it('given talks that opened with a call, when "opened" has no object, then no stance on the talks is read', () => {
    expect(extract('The talks opened with a call for a ceasefire.')).toEqual([]);
  });
});
