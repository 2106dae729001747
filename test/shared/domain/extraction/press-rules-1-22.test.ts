import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.22.0 round (recall across fourteen writers, press to press-15 but press-14),
 * each pinned here on sentences written for this test, not taken from the corpus. The shared guards
 * (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a title naming no actor, after a named person, describes that person', () => {
  it('given "<name>, the prime minister, said" after another speaker, when read, then the named person holds the stance (fails under rules@1.21.0)', () => {
    const statements = extract(
      'Peskov spoke to reporters on Monday. Keir Starmer, the prime minister, said the sanctions must be tightened.',
    );
    expectStatement(statements, {
      actor: 'united-kingdom',
      topic: 'sanctions',
      polarity: 'support',
      speaker: 'Keir Starmer',
    });
    expectNoStatement(statements, { actor: 'russia', topic: 'sanctions' });
  });

  it('given "<name>, the foreign ministry spokeswoman, warned" after another speaker, when read, then her country holds it (fails under rules@1.21.0)', () => {
    const statements = extract(
      'Macron said the coalition was ready. Maria Zakharova, the foreign ministry spokeswoman, warned that any foreign troops in Ukraine would be a legitimate target.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'oppose' });
    expect(about(statements, 'france', 'security-guarantees').filter((s) => s.polarity === 'oppose')).toEqual([]);
  });

  it('given "<name>, the prime minister, said" opening the text, when read, then the stance is read (fails under rules@1.21.0)', () => {
    expectStatement(extract('Keir Starmer, the prime minister, said the sanctions must be tightened.'), {
      actor: 'united-kingdom',
      topic: 'sanctions',
      polarity: 'support',
    });
  });

  it('given a bare "the president said" after a named speaker, when read, then it still refers back', () => {
    expectStatement(extract('Peskov spoke on Monday. The president said the sanctions must be lifted.'), {
      actor: 'russia',
      topic: 'sanctions',
      polarity: 'oppose',
    });
  });
});

describe('soldiers, not only troops, name the foreign-troops proposition', () => {
  it('given "any foreign soldiers … would be a legitimate target", when read, then the speaker opposes foreign troops (fails under rules@1.21.0)', () => {
    expectStatement(extract('Lavrov said any foreign soldiers in Ukraine would be a legitimate target.'), {
      actor: 'russia',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
  });

  it('given "a European soldier sent to Ukraine", when read, then the singular is read too (fails under rules@1.21.0)', () => {
    expectStatement(
      extract('Medvedev wrote that every European soldier sent to Ukraine would be a legitimate target.'),
      { actor: 'russia', topic: 'security-guarantees', proposition: 'foreign-troops', polarity: 'oppose' },
    );
  });

  it('given "a foreign military contingent", when read, then the trigger is read (fails under rules@1.21.0)', () => {
    expectStatement(
      extract('Peskov said a foreign military contingent in Ukraine was out of the question for Moscow.'),
      { actor: 'russia', topic: 'security-guarantees', proposition: 'foreign-troops', polarity: 'oppose' },
    );
  });

  it('given "no <demonym> soldiers would be deployed", when read, then the passive refusal is opposition (fails under rules@1.21.0)', () => {
    expectStatement(extract('Tusk told parliament that no Polish soldiers would be deployed to Ukraine.'), {
      actor: 'poland',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
  });

  it('given "there will be no <demonym> soldiers on Ukrainian soil", when read, then it is opposition (fails under rules@1.21.0)', () => {
    expectStatement(extract('"There will be no Italian soldiers on Ukrainian soil," Meloni said.'), {
      actor: 'italy',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
  });

  it('given soldiers that are no stance ("the soldiers were exchanged at the border"), when read, then no foreign-troops stance is read', () => {
    expect(
      extract('The soldiers were exchanged at the border on Saturday, the ministry said.').filter(
        (s) => s.proposition === 'foreign-troops',
      ),
    ).toEqual([]);
  });
});
