import { describe, expect, it } from 'vitest';
import { expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.8.0 round (quoted statements on press), each motivated by several press
 * documents and pinned here on sentences written for this test, not taken from the corpus.
 */

describe('single quotation marks', () => {
  it('quote the speaker’s words like double ones', () => {
    const statements = extract(
      "'Moscow has to accept a full ceasefire before the summer,' Finnish President Alexander Stubb told reporters in Helsinki.",
    );
    expectStatement(statements, {
      actor: 'finland',
      topic: 'ceasefire',
      polarity: 'support',
      speaker: 'Alexander Stubb',
    });
    expect(statements.find((s) => s.actor === 'finland')?.evidence).toBe('quote');
  });

  it('curly single marks quote too, and the speaker named before the quotation keeps it', () => {
    const statements = extract('Kremlin spokesman Dmitry Peskov said: ‘New sanctions will never change our course.’');
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose', speaker: 'Dmitry Peskov' });
    expect(statements.find((s) => s.actor === 'russia')?.evidence).toBe('quote');
  });

  it('an apostrophe inside or at the end of a word opens nothing: the sentence stays reported speech', () => {
    const statements = extract(
      "The allies' envoys said Germany's government would send more air defence systems to Ukraine's army.",
    );
    expectStatement(statements, { actor: 'germany', topic: 'military-aid', polarity: 'support' });
    expect(statements.every((s) => s.evidence !== 'quote')).toBe(true);
  });

  it('a quotation within a double quotation stays part of the speaker’s words', () => {
    const statements = extract(
      '"They call it \'a pause\', but we will never accept a ceasefire that rewards the invader," Ukrainian President Volodymyr Zelensky said.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'oppose' });
    expect(statements.find((s) => s.actor === 'ukraine')?.evidence).toBe('quote');
  });

  it('a paragraph break closes a single quotation left open', () => {
    const statements = extract(
      "Stubb spoke first. 'We want the talks to continue\n\nGerman Chancellor Friedrich Merz said Germany would send more air defence systems to Ukraine.",
    );
    expectStatement(statements, { actor: 'germany', topic: 'military-aid', polarity: 'support' });
    expect(statements.find((s) => s.actor === 'germany')?.evidence).toBe('speech');
  });
});

describe('a quoted phrase inside the narrator’s clause', () => {
  it('does not split the clause: the act it names meets the harm after it', () => {
    const statements = extract(
      'The Kremlin condemned what spokesman Dmitry Peskov called "the pumping of arms into Ukraine", saying it only prolonged the war and made every supplier a party to it.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });

  it('a quotation with its own reporting verb right after it stays the speaker’s words', () => {
    const statements = extract(
      'Ukraine "will never accept a ceasefire that freezes the occupation," Ukrainian President Volodymyr Zelensky told reporters.',
    );
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'ceasefire',
      polarity: 'oppose',
      speaker: 'Volodymyr Zelensky',
    });
  });
});
