import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * The rules@1.57.0 round (recall: a warning or threat as the opposition; docs/rounds/rules-1.57.0.md):
 * a harm a speaker says the story's act brings, with that act as the subject named by no trigger
 * ("the decision", "the delivery", "any use of the assets"), is the speaker's opposition to the
 * lede's one stance. The cases marked "fails under rules@1.55.0" come out wrong with the base's
 * rules; the guards hold under both. Sentences written for this test, none copied from the corpus.
 */

const MISSILE_LEDE =
  "BERLIN, June 3 (Test Wire) - Germany's cabinet approved the delivery of Taurus missiles to Ukraine on Wednesday.\n\n" +
  'The first systems are due in the autumn.\n\n';

describe("a harm of the story's act, said of its subject, is the speaker's opposition (the lede-harm rule)", () => {
  it('given a lede act and, two paragraphs on, "said the decision was a provocation", when read, then Russia opposes the missiles (fails under rules@1.55.0)', () => {
    const statements = extract(`${MISSILE_LEDE}Kremlin spokesman Dmitry Peskov said the decision was a provocation.`);
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given a lede act and, later, "said that the delivery would make Germany a party to the conflict", when read, then Russia opposes the missiles (fails under rules@1.55.0)', () => {
    const statements = extract(
      `${MISSILE_LEDE}Maria Zakharova said that the delivery would make Germany a party to the conflict.`,
    );
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
    expectStatement(statements, { actor: 'germany', topic: 'military-aid', polarity: 'support' });
  });

  it('given a lede act and, later, "said any use of the systems would be theft", when read, then Russia opposes the act (fails under rules@1.55.0)', () => {
    const statements = extract(`${MISSILE_LEDE}Lavrov said any use of the systems would be theft.`);
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given a harm denied ("the decision was not a provocation"), when read, then no Russian stance (guard)', () => {
    const statements = extract(`${MISSILE_LEDE}Peskov said the decision was not a provocation.`);
    expect(about(statements, 'russia', 'military-aid')).toEqual([]);
  });

  it("given the harm in the lede's own paragraph, when read, then no stance is read from it (guard)", () => {
    const statements = extract(
      "BERLIN, June 3 (Test Wire) - Germany's cabinet approved the delivery of Taurus missiles to Ukraine on Wednesday. Peskov said the decision was a provocation.",
    );
    expect(about(statements, 'russia', 'military-aid')).toEqual([]);
  });

  it('given a lede that opposes the act, when its subject is later called a provocation, then no stance is read (guard)', () => {
    const statements = extract(
      'BERLIN, June 3 (Test Wire) - Germany halted its military aid to Ukraine on Wednesday, its defence ministry said.\n\n' +
        'The pause follows a budget dispute.\n\nKyiv said the decision was a provocation.',
    );
    expect(about(statements, 'ukraine', 'military-aid')).toEqual([]);
  });

  it('given a plain warning with its trigger ("sending missiles would be a provocation"), when read, then the opposition still comes out (guard)', () => {
    const statements = extract(`Peskov said sending long-range missiles to Ukraine would be a provocation.`);
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given the lede act, when read, then its own plain stance still comes out (guard)', () => {
    expectStatement(extract(MISSILE_LEDE), { actor: 'germany', topic: 'military-aid', polarity: 'support' });
  });
});
