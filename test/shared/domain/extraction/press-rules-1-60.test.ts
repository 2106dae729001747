import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * The rules@1.60.0 round (recall: the other side's demand dismissed, and bare warnings;
 * docs/rounds/rules-1.60.0.md): "the demand" in a later paragraph names what a conditional lede asks
 * for, and a reprisal or a bare warning said in a later paragraph opposes the lede's one stance. The
 * cases marked "fails under rules@1.58.0" come out wrong with the base's rules; the guards hold under
 * both. Sentences written for this test, none copied from the corpus.
 */

const DEMAND_LEDE =
  'MOSCOW, May 4 (Test Wire) - The shooting would stop as soon as Kyiv pulled its troops out of Kherson, Lavrov said on Monday.\n\n' +
  'He spoke after a meeting in Minsk.\n\n';

const AID_LEDE =
  "ROME, June 3 (Test Wire) - Italy's cabinet approved a new package of military aid for Ukraine on Wednesday.\n\n" +
  'The package is the eleventh since the war began.\n\n';

describe('"the demand" in a later paragraph names what a conditional lede asks for (the demand-lede rule)', () => {
  it('given a lede whose ceasefire waits on a withdrawal and, later, "Sybiha dismissed the demand", when read, then Ukraine opposes ceding the land (fails under rules@1.58.0)', () => {
    const statements = extract(`${DEMAND_LEDE}Andrii Sybiha dismissed the demand the same evening.`);
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('given the same lede and, later, "Kyiv rejected the ultimatum", when read, then Ukraine opposes ceding the land (fails under rules@1.58.0)', () => {
    const statements = extract(`${DEMAND_LEDE}Kyiv rejected the ultimatum within hours.`);
    expectStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'oppose' });
  });

  it("given the same lede, when read, then the lede's own conditional ceasefire and its demand still come out (guard)", () => {
    const statements = extract(DEMAND_LEDE);
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'conditional' });
    expectStatement(statements, {
      actor: 'russia',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'support',
    });
  });

  it('given a lede of one unconditional stance, when "the demand" is dismissed later, then no stance is read from the noun (guard)', () => {
    const statements = extract(`${AID_LEDE}Moscow dismissed the demand.`);
    expect(about(statements, 'russia', 'military-aid')).toEqual([]);
  });

  it('given a plain dismissal of a named demand, when read, then both sides still come out (guard)', () => {
    const statements = extract("Zelensky dismissed Moscow's demand that Ukraine hand over Kherson.");
    expectStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'oppose' });
    expectStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'support' });
  });
});

describe("a reprisal or a bare warning said in a later paragraph opposes the lede's one stance (the lede-retaliation rule)", () => {
  it('given a lede act and, later, "Zakharova said Moscow would respond", when read, then Russia opposes the aid (fails under rules@1.58.0)', () => {
    const statements = extract(`${AID_LEDE}Maria Zakharova said Moscow would respond.`);
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given a lede act and, later, "Moscow warned of consequences", when read, then Russia opposes the aid (fails under rules@1.58.0)', () => {
    const statements = extract(`${AID_LEDE}Moscow warned of consequences.`);
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given a lede act and, later, "The Kremlin repeated its warning", when read, then Russia opposes the aid (fails under rules@1.58.0)', () => {
    const statements = extract(`${AID_LEDE}The Kremlin repeated its warning.`);
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given a negated reprisal ("did not say how it would respond"), when read, then no Russian stance (guard)', () => {
    const statements = extract(`${AID_LEDE}Moscow did not say how it would respond.`);
    expect(about(statements, 'russia', 'military-aid')).toEqual([]);
  });

  it("given the narrator's account of a reply (no speaker, no modal), when read, then no Russian stance (guard)", () => {
    const statements = extract(`${AID_LEDE}Moscow's response came within hours.`);
    expect(about(statements, 'russia', 'military-aid')).toEqual([]);
  });

  it("given the reprisal in the lede's own paragraph, when read, then no stance is read from it (guard)", () => {
    const statements = extract(
      "ROME, June 3 (Test Wire) - Italy's cabinet approved a new package of military aid for Ukraine on Wednesday. Zakharova said Moscow would respond.",
    );
    expect(about(statements, 'russia', 'military-aid')).toEqual([]);
  });

  it('given a warning that names the act, when read, then the opposition still comes out (guard)', () => {
    const statements = extract('Peskov warned that sending more weapons to Ukraine would only prolong the war.');
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given the lede act, when read, then its own plain stance still comes out (guard)', () => {
    const statements = extract(`${AID_LEDE}Maria Zakharova said Moscow would respond.`);
    expectStatement(statements, { actor: 'italy', topic: 'military-aid', polarity: 'support' });
  });
});
