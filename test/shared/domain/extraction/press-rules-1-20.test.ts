import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.20.0 round (rules that hold across seven writers, on press to press-7),
 * each pinned here on sentences written for this test, not taken from the corpus.
 */

describe('a threat that an act makes its actor a party to the conflict, or will be answered, is a harm', () => {
  it('given "<x> warned that any Western contingent would be treated as a party to the conflict", when read, then <x> opposes foreign troops (fails under rules@1.19.0)', () => {
    const statements = extract(
      'Lavrov warned that any Western contingent in Ukraine would be treated as a party to the conflict.',
    );
    expectStatement(statements, {
      actor: 'russia',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
    expect(about(statements, 'russia', 'security-guarantees').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given "the missiles would make <country> a direct participant in the war", when read, then the warner opposes the deliveries (fails under rules@1.19.0)', () => {
    const statements = extract(
      'Zakharova warned that the missiles would make Britain a direct participant in the war.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
    expect(about(statements, 'russia', 'military-aid').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given a quoted "Any use of Russian assets will be answered", when read, then the speaker opposes the use (fails under rules@1.19.0)', () => {
    const statements = extract('"Any use of Russian assets will be answered," Zakharova told reporters.');
    expectStatement(statements, { actor: 'russia', topic: 'funding', polarity: 'oppose' });
    expect(about(statements, 'russia', 'funding').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given weapons sent, when read, then arms deliveries are read as before', () => {
    expectStatement(extract('Germany will send more air defence systems to Ukraine, Merz said.'), {
      actor: 'germany',
      topic: 'military-aid',
      polarity: 'support',
    });
  });
});

describe('a meeting named as an occasion stays one past a time', () => {
  it('given "ahead of this week\'s summit" after an act, when read, then no stance on talks is read (fails under rules@1.19.0)', () => {
    const statements = extract(
      "The European Parliament on Tuesday approved the loan to Ukraine, sending the regulation to member states ahead of this week's summit.",
    );
    expect(statements.filter((s) => s.topic === 'talks')).toEqual([]);
  });

  it('given "at next week\'s summit" after a stance, when read, then the stance is read and no stance on talks (fails under rules@1.19.0)', () => {
    const statements = extract(
      "Meloni said Italy would back the loan, clearing the way for a decision at next week's summit.",
    );
    expectStatement(statements, { actor: 'italy', topic: 'funding', polarity: 'support' });
    expect(about(statements, 'italy', 'talks')).toEqual([]);
  });

  it('given "on the eve of the summit", when read, then no stance on talks is read (fails under rules@1.19.0)', () => {
    expect(extract('Zelensky will attend a dinner on the eve of the summit, his office said.')).toEqual([]);
  });

  it('given "would attend next week\'s summit", when read, then attending is still support for talks', () => {
    expectStatement(extract("Zelensky said Ukraine would attend next week's summit."), {
      actor: 'ukraine',
      topic: 'talks',
      polarity: 'support',
    });
  });
});

describe('a place word after a preposition of place names where, not territory given up', () => {
  it('given a quoted "Not one <country> soldier will be sent to Ukrainian territory", when read, then no territory stance is read (fails under rules@1.19.0)', () => {
    const statements = extract('"Not one German soldier will be sent to Ukrainian territory," Merz said.');
    expect(statements.filter((s) => s.topic === 'territory')).toEqual([]);
  });

  it('given "which let Russian troops invade Ukraine from its territory", when read, then no territory stance is read (fails under rules@1.19.0)', () => {
    const statements = extract(
      'Sikorski said Belarus, which let Russian troops invade Ukraine from its territory in 2022, could not be a neutral venue.',
    );
    expect(statements.filter((s) => s.topic === 'territory')).toEqual([]);
  });

  it('given "would never give up territory", when read, then territory given up is opposed as before', () => {
    expectStatement(extract('Zelensky said Ukraine would never give up territory.'), {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('given "withdraw from the territory of <region>", when read, then the demand is read as before', () => {
    expectStatement(extract('Putin demanded that Ukraine withdraw from the territory of Donetsk.'), {
      actor: 'russia',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'support',
    });
  });
});
