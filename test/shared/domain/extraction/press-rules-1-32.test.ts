import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.32.0 round (false tuples of talks, ceasefire and military-aid across
 * twenty-three writers), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a time on what a named holder will do is no stance on what the time names', () => {
  it('given "<troops> will be ready to move the day a ceasefire is signed", when read, then the holder gets no ceasefire stance (fails under rules@1.29.0)', () => {
    const statements = extract(
      'Polish troops will be ready to move the day a ceasefire is signed, Donald Tusk said in Warsaw on Monday.',
    );
    expect(about(statements, 'poland', 'ceasefire')).toEqual([]);
  });

  it('given "<country> was ready to deploy … as soon as a truce was agreed", when read, then the holder gets no ceasefire stance (fails under rules@1.29.0)', () => {
    const statements = extract(
      'Emmanuel Macron said France was ready to deploy a brigade as soon as a truce was agreed.',
    );
    expect(about(statements, 'france', 'ceasefire')).toEqual([]);
  });

  it('given "<troops> would be ready to go in once the guns fall silent", when read, then the holder gets no ceasefire stance (fails under rules@1.29.0)', () => {
    const statements = extract(
      'Italian troops would be ready to go in once the guns fall silent, Giorgia Meloni said in Rome.',
    );
    expect(about(statements, 'italy', 'ceasefire')).toEqual([]);
  });

  it('given a condition that asks another party to act ("as soon as Kyiv withdrew …"), when read, then it is still the holder’s demand (a guard)', () => {
    const statements = extract(
      'Sergei Lavrov said the fighting would stop as soon as Kyiv withdrew its troops from Donetsk.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'support' });
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'conditional' });
  });

  it('given "could sign a treaty as soon as <country> held an election", when read, then the election is still asked for (a guard)', () => {
    const statements = extract('Vladimir Putin said Moscow could sign a treaty as soon as Ukraine held an election.');
    expectStatement(statements, { actor: 'russia', topic: 'elections', polarity: 'support' });
  });
});

describe('"lay down their weapons" is a call for a truce, not for arms', () => {
  it('given a call on both armies to lay down their weapons, when read, then it is support for a ceasefire, not for arms deliveries (fails under rules@1.29.0)', () => {
    const statements = extract('Narendra Modi called on both armies to lay down their weapons before the new year.');
    expectStatement(statements, { actor: 'india', topic: 'ceasefire', polarity: 'support' });
    expect(about(statements, 'india', 'military-aid')).toEqual([]);
  });

  it('given "the weapons must be laid down" in a quotation, when read, then it is no support for arms deliveries (fails under rules@1.29.0)', () => {
    const statements = extract('"The weapons must be laid down now," Narendra Modi said in New Delhi.');
    expect(about(statements, 'india', 'military-aid')).toEqual([]);
  });
});

describe('an arms industry or an arms maker is a firm, not weapons sent', () => {
  it('given parts supplied to "Russia’s arms industry", when read, then no one supports arms deliveries (fails under rules@1.29.0)', () => {
    const statements = extract(
      "Washington accuses Beijing of supplying components to Russia's arms industry, which China denies.",
    );
    expect(statements.filter((s) => s.topic === 'military-aid')).toEqual([]);
  });

  it('given a country that will send weapons, when read, then it is still support for arms deliveries (a guard)', () => {
    const statements = extract(
      'Donald Tusk said Poland would send more weapons and ammunition to Ukraine this winter.',
    );
    expectStatement(statements, { actor: 'poland', topic: 'military-aid', polarity: 'support' });
  });
});

describe('"EU accession talks" are the EU’s talks with Kyiv, not peace talks', () => {
  it('given a condition on opening "EU accession talks", when read, then it is a stance on membership, not on peace talks (fails under rules@1.29.0)', () => {
    const statements = extract(
      "Hungary would stop blocking the opening of Ukraine's EU accession talks if Kyiv restored minority rights, Viktor Orban said.",
    );
    expectStatement(statements, { actor: 'hungary', topic: 'eu-membership', polarity: 'conditional' });
    expect(about(statements, 'hungary', 'talks')).toEqual([]);
  });
});

describe('studying a proposal is no stance on it', () => {
  it('given "would study any proposal for a ceasefire", when read, then the holder has no ceasefire stance (fails under rules@1.29.0)', () => {
    const statements = extract('Dmitry Peskov said Moscow would study any proposal for a ceasefire.');
    expect(about(statements, 'russia', 'ceasefire')).toEqual([]);
  });

  it('given "would consider a ceasefire", when read, then it is still conditional (a guard)', () => {
    const statements = extract('Dmitry Peskov said Moscow would consider a ceasefire.');
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'conditional' });
  });
});
