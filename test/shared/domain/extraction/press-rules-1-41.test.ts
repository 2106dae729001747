import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.41.0 round (recall on sanctions, funding and territory across twenty-five
 * writers), each pinned here on sentences written for this test, not taken from the corpus. The
 * shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('not recognising sanctions opposes them; the annexation alone names its recognition', () => {
  it('given sanctions a country does not recognise, when read, then it opposes them (fails under rules@1.40.0)', () => {
    const statements = extract('A spokesman said Qatar does not recognise unilateral sanctions.');
    expectStatement(statements, { actor: 'qatar', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given sanctions a ministry said it did not recognize, when read, then the country opposes them (fails under rules@1.40.0)', () => {
    const statements = extract(
      'The Chinese foreign ministry said China did not recognize the sanctions and would protect its companies.',
    );
    expectStatement(statements, { actor: 'china', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given an annexation a country will not recognise, when read, then it opposes recognising it (a guard)', () => {
    const statements = extract('The Finnish president said Finland will not recognise the annexation of Kherson.');
    expectStatement(statements, {
      actor: 'finland',
      topic: 'territory',
      proposition: 'recognise-annexation',
      polarity: 'oppose',
    });
  });

  it('given "any annexation" a country will never accept, when read, then it opposes recognising it (fails under rules@1.40.0)', () => {
    const statements = extract('Sikorski said Poland would never accept any annexation of Ukrainian land.');
    expectStatement(statements, {
      actor: 'poland',
      topic: 'territory',
      proposition: 'recognise-annexation',
      polarity: 'oppose',
    });
  });

  it('given an annexation told as the story’s background, when read, then no stance is read (a guard)', () => {
    const statements = extract('Russia annexed Crimea in 2014, and the annexation has shaped the region since.');
    expect(about(statements, 'russia', 'territory')).toEqual([]);
  });
});

describe('keeping on paying: funding', () => {
  it('given a country that will keep paying for Ukraine’s grid repairs, when read, then it supports funding (fails under rules@1.40.0)', () => {
    const statements = extract('Meloni said Italy would keep paying for the repair of Ukrainian power stations.');
    expectStatement(statements, { actor: 'italy', topic: 'funding', polarity: 'support' });
  });

  it('given a quoted promise to keep paying its share, when read, then the country supports funding (fails under rules@1.40.0)', () => {
    const statements = extract('"Finland will keep paying its full share for Ukraine\'s recovery," Stubb said.');
    expectStatement(statements, { actor: 'finland', topic: 'funding', polarity: 'support' });
  });

  it('given a country that will not keep paying, when read, then it opposes funding (fails under rules@1.40.0)', () => {
    const statements = extract('Orban said Hungary would not keep paying for a war it did not start.');
    expectStatement(statements, { actor: 'hungary', topic: 'funding', polarity: 'oppose' });
  });

  it('given paying told of the past, with no stance word, when read, then no funding stance is read (a guard)', () => {
    const statements = extract('Germany paid most of the bill for the new bridge in Dresden.');
    expect(about(statements, 'germany', 'funding')).toEqual([]);
  });
});
