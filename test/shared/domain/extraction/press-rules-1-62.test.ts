import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * The rules@1.62.0 round (recall on funding and sanctions; docs/rounds/rules-1.62.0.md): the story's
 * package as the subject of a passive ("the package must be adopted"), a participle before a noun
 * after a possessive ("adopted its delayed package") no stance noun, and the Council of the EU as the
 * European Union. The cases marked "fails under rules@1.61.0" come out wrong with the base's rules;
 * the guards hold under both. Sentences written for this test, none copied from the corpus.
 */

const VETO_LEDE =
  "BRUSSELS, May 6 (Test Wire) - Slovakia on Tuesday vetoed the European Union's new package of sanctions against Russia.\n\n" +
  'The meeting of envoys ran past midnight.\n\n';

describe('the story noun as the subject of a passive names the story\'s thing ("the package must be adopted")', () => {
  it('given a veto lede and, later, a quoted "The package must be approved …", when read, then the speaker supports the sanctions (fails under rules@1.61.0)', () => {
    const statements = extract(
      `${VETO_LEDE}"The package must be approved before the autumn," Kaja Kallas told reporters on Wednesday.`,
    );
    expectStatement(statements, {
      actor: 'european-union',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });

  it('given the same lede and "Kallas said the package should not be delayed any longer", when read, then the EU supports the sanctions (fails under rules@1.61.0)', () => {
    const statements = extract(`${VETO_LEDE}Kallas said the package should not be delayed any longer.`);
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
    expect(about(statements, 'european-union', 'sanctions').map((s) => s.polarity)).not.toContain('oppose');
  });

  it("given the same lede, when read, then the lede's veto still comes out as Slovakia's opposition (guard)", () => {
    const statements = extract(VETO_LEDE);
    expectStatement(statements, { actor: 'slovakia', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given the same lede and "Kallas urged the envoys to approve the package", when read, then the EU supports the sanctions (guard)', () => {
    const statements = extract(`${VETO_LEDE}Kallas urged the envoys to approve the package.`);
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
  });

  it('given no package named before, when "Kallas said the package must be approved", then no sanctions stance is read (guard)', () => {
    const statements = extract(
      'BRUSSELS, May 6 (Test Wire) - Envoys met on Tuesday.\n\nKallas said the package must be approved.',
    );
    expect(about(statements, 'european-union', 'sanctions')).toEqual([]);
  });
});

describe('a participle before a noun after a possessive is no stance noun ("adopted its delayed package")', () => {
  it('given "The European Union adopted its delayed package of sanctions against Russia", when read, then the EU supports the sanctions (fails under rules@1.61.0)', () => {
    const statements = extract(
      'The European Union adopted its delayed package of sanctions against Russia on Monday after Slovakia lifted its veto.',
    );
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
    expect(about(statements, 'european-union', 'sanctions').map((s) => s.polarity)).not.toContain('oppose');
  });

  it('given "Hungary would drop its veto on the new sanctions", when read, then Hungary supports them (guard: a stance noun after a possessive still counts)', () => {
    const statements = extract('Szijjarto said Hungary would drop its veto on the new sanctions.');
    expectStatement(statements, { actor: 'hungary', topic: 'sanctions', polarity: 'support' });
  });
});

describe('the Council of the EU is the European Union', () => {
  it('given "The Council of the European Union adopted a new package of sanctions", when read, then the EU supports the sanctions (fails under rules@1.61.0)', () => {
    const statements = extract(
      'The Council of the European Union on Thursday adopted a new package of sanctions against Russia.',
    );
    expectStatement(statements, {
      actor: 'european-union',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });

  it('given "The Council of the EU approved a loan to Ukraine", when read, then the EU supports the funding (fails under rules@1.61.0)', () => {
    const statements = extract('The Council of the EU approved a loan to Ukraine on Friday.');
    expectStatement(statements, { actor: 'european-union', topic: 'funding', polarity: 'support' });
  });

  it('given "the European Council" and the EU by name, when read, then both still speak for the EU (guard)', () => {
    const statements = extract(
      'The European Council backed new sanctions against Russia. The EU will keep funding Ukraine, Costa said.',
    );
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
    expectStatement(statements, { actor: 'european-union', topic: 'funding', polarity: 'support' });
  });
});
