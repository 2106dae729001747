import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * The rules@1.56.0 round (precision: the proposition's slot read wrong; docs/rounds/rules-1.56.0.md):
 * three ways the sanctions slot finds its target when the text names one, so a target other than
 * Russia no longer falls to the default. The cases marked "fails under rules@1.55.0" come out wrong
 * with the base's rules; the guards hold under both. Sentences written for this test, none copied
 * from the corpus.
 */

function propositionsOf(text: string, actor: string): string[] {
  return extract(text)
    .filter((s) => s.actor === actor && s.topic === 'sanctions')
    .map((s) => s.proposition);
}

describe('a number or quantifier between the preposition and the target (the counted-target rule)', () => {
  it('given "imposed sanctions on 9 Iranian firms", when read, then the EU supports sanctions on Iran (fails under rules@1.55.0)', () => {
    const statements = extract(
      'The European Union on Tuesday imposed sanctions on 9 Iranian firms that ship drone parts.',
    );
    expectStatement(statements, {
      actor: 'european-union',
      topic: 'sanctions',
      proposition: 'sanctions:iran',
      polarity: 'support',
    });
  });

  it('given "sanctions on several Chinese lenders", when read, then the target is China (fails under rules@1.55.0)', () => {
    const text = 'Washington will impose sanctions on several Chinese lenders next month, the Treasury said on Monday.';
    expect(propositionsOf(text, 'united-states')).toEqual(['sanctions:china']);
  });

  it('given "sanctions on twelve Russian oil traders", when read, then the target is still Russia (guard)', () => {
    const text = 'Britain imposed sanctions on twelve Russian oil traders on Thursday.';
    expect(propositionsOf(text, 'united-kingdom')).toEqual(['sanctions:russia']);
  });

  it('given plain "new sanctions against Moscow", when read, then sanctions on Russia (guard)', () => {
    const statements = extract('Britain imposed new sanctions against Moscow on Friday.');
    expectStatement(statements, {
      actor: 'united-kingdom',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });
});

describe('the object of "sanction" as a verb is the target (the verb-object rule)', () => {
  it('given "will not sanction India", when read, then the United States opposes sanctions on India (fails under rules@1.55.0)', () => {
    const text = '"We will not sanction India, it is a partner," Trump told reporters on Friday.';
    expect(propositionsOf(text, 'united-states')).toEqual(['sanctions:india']);
  });

  it('given "proposed to sanction three Chinese refiners", when read, then the target is China (fails under rules@1.55.0)', () => {
    const text = 'The European Commission proposed on Monday to sanction three Chinese refiners.';
    expect(propositionsOf(text, 'european-union')).toEqual(['sanctions:china']);
  });

  it('given "the sanctions Washington imposed", when read, then no target is taken from the noun\'s relative clause (guard)', () => {
    const statements = extract(
      'Peskov said on Monday that the Kremlin condemned the sanctions Washington imposed last week.',
    );
    expectNoStatement(statements, { actor: 'russia', proposition: 'sanctions:united-states' });
  });
});

describe('what is put on a sanctions list is the target (the listing rule)', () => {
  it('given "the decision to add ten Chinese firms to its sanctions list", when read, then China opposes sanctions on China (fails under rules@1.55.0)', () => {
    const text = "Beijing on Friday condemned the EU's decision to add ten Chinese firms to its sanctions list.";
    expect(propositionsOf(text, 'china')).toEqual(['sanctions:china']);
  });

  it('given "the inclusion of North Korean entities in EU sanctions", when read, then the target is North Korea (fails under rules@1.55.0)', () => {
    const text = 'Pyongyang said it firmly opposed the inclusion of North Korean entities in EU sanctions.';
    expect(propositionsOf(text, 'north-korea')).toEqual(['sanctions:north-korea']);
  });

  it('given "agreed to add new sanctions on Russia", when read, then the target is Russia (guard)', () => {
    const text = 'The European Union agreed on Wednesday to add new sanctions on Russia.';
    expect(propositionsOf(text, 'european-union')).toEqual(['sanctions:russia']);
  });
});
