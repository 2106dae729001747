import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * The rules@1.54.0 round (recall: rules that paid but were left out at their refits, written again
 * on the current engine; docs/rounds/rules-1.54.0.md): the lede-noun rule and the trip rule (the
 * parties rule was left out again, see the round page). The cases marked "fails under rules@1.52.1"
 * come out wrong with the base's rules; the guards hold under both. Sentences written for this
 * test, none copied from the corpus.
 */

const AID_LEDE =
  'OSLO, March 9 (Test Wire) - Finland approved a new package of military aid for Ukraine on Tuesday, its government said.\n\n' +
  'The shipment will hold radars and mortar rounds.\n\n';

describe("a stance noun in a later paragraph names the lede's one stance (the lede-noun rule)", () => {
  it('given a lede act and, two paragraphs on, "condemned the decision", when read, then Russia opposes the aid (fails under rules@1.52.1)', () => {
    const statements = extract(`${AID_LEDE}The Kremlin condemned the decision as illegal.`);
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('given a lede act and, in a later paragraph, "welcomed the move", when read, then Poland supports the aid (fails under rules@1.52.1)', () => {
    const statements = extract(`${AID_LEDE}Warsaw welcomed the move on Wednesday.`);
    expectStatement(statements, { actor: 'poland', topic: 'military-aid', polarity: 'support' });
  });

  it('given a reaction foreseen ("would condemn the decision"), when read, then no Russian stance (guard)', () => {
    const statements = extract(`${AID_LEDE}A retired diplomat said Moscow would condemn the decision.`);
    expect(about(statements, 'russia', 'military-aid')).toEqual([]);
  });

  it('given a lede that opposes the thing, when "the decision" is condemned later, then no stance is read from the reaction (guard)', () => {
    const statements = extract(
      'OSLO, March 9 (Test Wire) - Finland halted its military aid to Ukraine on Tuesday, its government said.\n\n' +
        'The pause follows a budget dispute.\n\nWarsaw condemned the decision.',
    );
    expect(about(statements, 'poland', 'military-aid')).toEqual([]);
  });

  it('given the lede act, when read, then its own plain stance still comes out (guard)', () => {
    expectStatement(extract(AID_LEDE), { actor: 'finland', topic: 'military-aid', polarity: 'support' });
  });
});

describe("a trip to a place is the traveller's stance on the venue (the trip rule)", () => {
  it('given "was ready to travel to Geneva", when read, then Russia supports Switzerland as the venue (fails under rules@1.52.1)', () => {
    const statements = extract('Peskov said on Friday that Putin was ready to travel to Geneva for the summit.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'venue',
      proposition: 'venue:switzerland',
      polarity: 'support',
    });
  });

  it('given a trip refused ("will not travel to Geneva"), when read, then no opposition to Switzerland as the venue (guard)', () => {
    const statements = extract('The Russian delegation will not travel to Geneva this week, Peskov said on Friday.');
    expectNoStatement(statements, { actor: 'russia', proposition: 'venue:switzerland', polarity: 'oppose' });
  });

  it('given a plain meeting in a place, when read, then the venue support still comes out (guard)', () => {
    const statements = extract('Peskov said on Friday that Russia was ready to meet in Geneva.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'venue',
      proposition: 'venue:switzerland',
      polarity: 'support',
    });
  });
});
