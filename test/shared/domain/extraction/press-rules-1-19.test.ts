import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.19.0 round (rules that hold across five writers, on press to press-5),
 * each pinned here on sentences written for this test, not taken from the corpus.
 */

describe('a condition the proposition already presumes is no condition', () => {
  it('given "<country> is ready to send troops as soon as a truce is signed", when read, then it supports foreign troops and takes no ceasefire stance (fails under rules@1.18.0)', () => {
    const statements = extract('Italy is ready to send troops to Ukraine as soon as a truce is signed, Meloni said.');
    expectStatement(statements, {
      actor: 'italy',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
    expect(about(statements, 'italy', 'ceasefire')).toEqual([]);
  });

  it('given "<country> would deploy peacekeepers once the fighting stops", when read, then it supports foreign troops, unconditionally (fails under rules@1.18.0)', () => {
    const statements = extract('Poland would deploy peacekeepers once the fighting stops, Tusk said on Friday.');
    expectStatement(statements, {
      actor: 'poland',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
    expect(about(statements, 'poland', 'ceasefire')).toEqual([]);
  });

  it('given troops offered only if another country backs the mission, when read, then the offer stays conditional', () => {
    expectStatement(
      extract('Germany would send troops to Ukraine only if the United States backed the mission, Merz said.'),
      { actor: 'germany', topic: 'security-guarantees', proposition: 'foreign-troops', polarity: 'conditional' },
    );
  });

  it('given talks offered once a ceasefire is signed, when read, then the talks stay conditional and the ceasefire supported', () => {
    const statements = extract('Russia would agree to direct talks once a ceasefire is signed, Peskov said.');
    expectStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'conditional' });
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'support' });
  });
});

describe("a transcript's question is no one's stance", () => {
  it('given a "Q:" paragraph, when read, then nothing is read from it, and the answer is read (fails under rules@1.18.0)', () => {
    const statements = extract(
      'Q: Moscow is demanding sanctions relief before any ceasefire.\n\nA: Russia is ready for talks in Istanbul, Peskov said.',
    );
    expect(about(statements, 'russia', 'sanctions')).toEqual([]);
    expectStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'support' });
  });

  it('given a "REPORTER (<outlet>):" paragraph, when read, then nothing is read (fails under rules@1.18.0)', () => {
    const statements = extract(
      'REPORTER (state television): Poland has refused to send troops to Ukraine, has it not?',
    );
    expect(statements).toEqual([]);
  });

  it('given a "Question:" paragraph, when read, then nothing is read (fails under rules@1.18.0)', () => {
    expect(extract('Question: Hungary has blocked the sanctions package again.')).toEqual([]);
  });

  it('given a paragraph opening with the word "Reporter" and no colon, when read, then it is read as before', () => {
    expectStatement(
      extract('Reporter access was limited, but Germany said it would send more air defence systems to Ukraine.'),
      { actor: 'germany', topic: 'military-aid', polarity: 'support' },
    );
  });
});

describe('a trigger after a preposition of setting names where, not what', () => {
  it('given "<x> was not on the table in the current negotiations", when read, then no stance on talks is read (fails under rules@1.18.0)', () => {
    const statements = extract('Rubio said membership for Ukraine was not on the table in the current negotiations.');
    expect(about(statements, 'united-states', 'talks')).toEqual([]);
  });

  it('given "nothing agreed in any negotiating room would change <x>", when read, then no stance on talks is read (fails under rules@1.18.0)', () => {
    const statements = extract("Kallas said nothing agreed in any negotiating room would change Ukraine's path.");
    expect(about(statements, 'european-union', 'talks')).toEqual([]);
  });

  it('given an act told "in occupied Crimea", when read, then the place is no stance on territory (fails under rules@1.18.0)', () => {
    const statements = extract('Ukraine has used the missiles against depots in occupied Crimea, officials said.');
    expect(about(statements, 'ukraine', 'territory')).toEqual([]);
  });

  it('given "would take part in the talks", when read, then the talks are read as before (the preposition is the cue\'s)', () => {
    expectStatement(extract('Lavrov said Russia would take part in the talks in Istanbul.'), {
      actor: 'russia',
      topic: 'talks',
      polarity: 'support',
    });
  });

  it('given "ready in principle to negotiate", when read, then the talks are read as before', () => {
    expectStatement(extract('Peskov said Moscow was ready in principle to negotiate.'), {
      actor: 'russia',
      topic: 'talks',
      polarity: 'support',
    });
  });
});

describe("a third party's offer to bring the sides together is mediation", () => {
  it('given "<country> is ready to facilitate dialogue between <a> and <b>", when read, then it supports its mediation, not talks of its own (fails under rules@1.18.0)', () => {
    const statements = extract('India is ready to facilitate dialogue between Russia and Ukraine, Modi said.');
    expectStatement(statements, {
      actor: 'india',
      topic: 'mediation',
      proposition: 'mediation:india',
      polarity: 'support',
    });
    expect(about(statements, 'india', 'talks')).toEqual([]);
  });

  it('given "<country> will bring the two sides together", when read, then it supports its mediation (fails under rules@1.18.0)', () => {
    expectStatement(extract('Qatar will bring the two sides together again, its foreign minister said.'), {
      actor: 'qatar',
      topic: 'mediation',
      polarity: 'support',
    });
  });

  it('given "<country> is prepared to act as a bridge between <a> and <b>", when read, then it supports its mediation (fails under rules@1.18.0)', () => {
    expectStatement(extract('Turkey is prepared to act as a bridge between Kyiv and Moscow, Erdogan said.'), {
      actor: 'turkey',
      topic: 'mediation',
      polarity: 'support',
    });
  });
});

describe('weapons falling silent are a ceasefire, and an imperative "let" is a recommendation', () => {
  it('given "<leader> called on <a> and <b> to silence their weapons", when read, then a ceasefire is supported, not arms deliveries (fails under rules@1.18.0)', () => {
    const statements = extract('Pope Leo called on Russia and Ukraine to silence their weapons over Easter.');
    expectStatement(statements, { actor: 'vatican', topic: 'ceasefire', polarity: 'support' });
    expect(about(statements, 'vatican', 'military-aid')).toEqual([]);
  });

  it('given a quoted "First the weapons must be silent", when read, then no stance on arms deliveries is read (fails under rules@1.18.0)', () => {
    const statements = extract('"First the weapons must be silent, then we talk," Merz said.');
    expect(about(statements, 'germany', 'military-aid')).toEqual([]);
  });

  it('given a quoted "Let the guns fall silent now", when read, then the speaker supports a ceasefire (fails under rules@1.18.0)', () => {
    expectStatement(extract('"Let the guns fall silent now," Guterres said.'), {
      actor: 'united-nations',
      topic: 'ceasefire',
      polarity: 'support',
    });
  });

  it('given "a country that lets <x> use its territory", when read, then "lets" is no recommendation', () => {
    const statements = extract(
      'Kyiv said it would never negotiate in a country that lets Russian troops use its territory.',
    );
    expect(statements.filter((s) => s.topic === 'territory')).toEqual([]);
  });

  it('given weapons sent, when read, then arms deliveries are read as before', () => {
    expectStatement(extract('Germany will send more weapons to Ukraine, Merz said.'), {
      actor: 'germany',
      topic: 'military-aid',
      polarity: 'support',
    });
  });
});
