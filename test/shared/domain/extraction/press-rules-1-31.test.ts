import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.31.0 round (recall on EU and NATO membership, territory and security
 * guarantees across nineteen writers: the ways writers name accession, the NATO bid, a country's
 * own contingent and a backstop), each pinned here on sentences written for this test, not taken
 * from the corpus. The shared guards (a plain stance, a dated statement) are in
 * plain-stance-guards.test.ts.
 */

describe('EU accession named by a date, a cluster or its opening', () => {
  it('given "a date for <candidate>\'s accession", when read, then it is support for EU membership (fails under rules@1.29.0)', () => {
    const statements = extract(
      "Polish Prime Minister Donald Tusk said on Thursday that the European Union should set a firm date for Ukraine's accession.",
    );
    expectStatement(statements, { actor: 'poland', topic: 'eu-membership', polarity: 'support' });
  });

  it('given "a date for joining", when read, then it is support for EU membership (fails under rules@1.29.0)', () => {
    const statements = extract(
      'Stubb told a forum in Turku that leaders should agree on a date for joining before the summer.',
    );
    expectStatement(statements, { actor: 'finland', topic: 'eu-membership', polarity: 'support' });
  });

  it('given a veto on "the first cluster", when read, then it is opposition to EU membership (fails under rules@1.29.0)', () => {
    const statements = extract('Orban said on state radio that Hungary would veto the first cluster in the autumn.');
    expectStatement(statements, { actor: 'hungary', topic: 'eu-membership', polarity: 'oppose' });
  });

  it('given "clusters with Ukraine" and "the opening of the next cluster", when read, then both are support for EU membership (fail under rules@1.29.0)', () => {
    expectStatement(
      extract('Antonio Costa said the member states should open two more clusters with Ukraine in the spring.'),
      {
        actor: 'european-union',
        topic: 'eu-membership',
        polarity: 'support',
      },
    );
    expectStatement(extract('Sikorski said Poland backed the opening of the next cluster.'), {
      actor: 'poland',
      topic: 'eu-membership',
      polarity: 'support',
    });
  });

  it('given cluster munitions, when read, then nothing is read about EU membership (a guard for the new triggers)', () => {
    expectNoStatement(extract('Lithuania said it opposed cluster munitions near its border.'), {
      topic: 'eu-membership',
    });
  });
});

describe('the NATO bid named by its ambitions, course or goal', () => {
  it('given a demand that Kyiv drop "its NATO ambitions", when read, then it is opposition to NATO membership (fails under rules@1.29.0)', () => {
    expectStatement(extract('Lavrov demanded that Kyiv drop its NATO ambitions.'), {
      actor: 'russia',
      topic: 'nato-membership',
      polarity: 'oppose',
    });
  });

  it('given a refusal to give up "its NATO course", when read, then it is support for NATO membership (fails under rules@1.29.0)', () => {
    expectStatement(extract('Zelensky said Ukraine would never give up its NATO course.'), {
      actor: 'ukraine',
      topic: 'nato-membership',
      polarity: 'support',
    });
  });
});

describe('a country’s own troops or forces name the post-ceasefire force; a threat to treat them as hostile is opposition', () => {
  it('given "\\"French troops will be in Ukraine …\\"", when read, then it is support for foreign troops (fails under rules@1.29.0)', () => {
    const statements = extract('"French troops will be in Ukraine on the first day of a truce," Macron said in Lyon.');
    const found = expectStatement(statements, { actor: 'france', topic: 'security-guarantees', polarity: 'support' });
    expect(found.proposition).toBe('foreign-troops');
  });

  it('given "\\"German troops will not be stationed in Ukraine\\"", when read, then it is opposition to foreign troops (fails under rules@1.29.0)', () => {
    expectStatement(
      extract('"German troops will not be stationed in Ukraine after a truce," Merz told the Bundestag.'),
      {
        actor: 'germany',
        topic: 'security-guarantees',
        polarity: 'oppose',
      },
    );
  });

  it('given a warning that such troops "would be treated as a hostile force", when read, then it is opposition, not support (fails under rules@1.29.0)', () => {
    const statements = extract('Zakharova said Polish troops in Ukraine would be treated as a hostile force.');
    expectStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'oppose' });
    expect(about(statements, 'russia', 'security-guarantees').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given Russian troops, when read, then nothing is read about foreign troops (a guard for the new class)', () => {
    expectNoStatement(extract('Peskov said Russian troops would stay in the Donbas.'), {
      topic: 'security-guarantees',
    });
  });
});

describe('a backstop names a security guarantee', () => {
  it('given "\\"… needs an American backstop\\"", when read, then it is support for security guarantees (fails under rules@1.29.0)', () => {
    const found = expectStatement(extract('"Any European force needs an American backstop," Macron said in Lyon.'), {
      actor: 'france',
      topic: 'security-guarantees',
      polarity: 'support',
    });
    expect(found.proposition).toBe('security-guarantees');
  });
});
