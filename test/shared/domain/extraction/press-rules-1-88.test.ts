import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.88.0 round (precision: the measured rules of rules@1.86.0 taken up again,
 * then the false statements acted on that share a cause with the false contradictions' sides), each
 * pinned here on sentences written for this test, not taken from the corpus. The shared guards (a
 * plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a trade offered keeps its condition; a trade refused in the holder words is a plain stance', () => {
  it('given a bid "set aside … in return for" guarantees, then the membership stance is conditional, not opposition (fails under rules@1.87.0)', () => {
    const statements = extract(
      'Kyiv would set aside its bid to join NATO in return for binding security guarantees, the Ukrainian foreign minister said.',
    );
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'conditional',
    });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'nato-membership', polarity: 'oppose' });
  });

  it('given sanctions a government "could ease … in return for" a ceasefire, then its sanctions stance is conditional (fails under rules@1.87.0)', () => {
    const statements = extract(
      'Washington could ease some sanctions on Russia in return for a lasting ceasefire, Rubio said.',
    );
    expectStatement(statements, {
      actor: 'united-states',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'conditional',
    });
    expectNoStatement(statements, { actor: 'united-states', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given a goal the holder "will not abandon … in exchange for" anything, then the refusal is plain support (fails under rules@1.87.0)', () => {
    const statements = extract(
      'Ukraine will not abandon its goal of NATO membership in exchange for any promise, Sybiha said.',
    );
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'support',
    });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'nato-membership', polarity: 'conditional' });
  });

  it('given land the holder "will not surrender … in exchange for" a ceasefire, then the refusal is still plain opposition (guard)', () => {
    const statements = extract('Ukraine will not surrender Donbas in exchange for a ceasefire, Zelensky said.');
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });
});

describe('a comment set off by a comma or a dash closes its speaker words', () => {
  it('given "- which Washington has said is not on the table - if …", then the condition after the comment conditions the clause it describes (fails under rules@1.87.0)', () => {
    const statements = extract(
      "Zelensky has signalled that Kyiv could drop its bid for NATO membership - which Washington has said is not on the table - if it received protection like the alliance's.",
    );
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'conditional',
    });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'nato-membership', polarity: 'oppose' });
  });

  it('given ", which he said …, and he urged a halt …", then the speaker still holds the call after the comment (guard)', () => {
    const statements = extract(
      'Guterres said he was alarmed by the strikes on power stations, which he said were putting civilians at risk, and he called for a halt to strikes on energy facilities.',
    );
    expectStatement(statements, {
      actor: 'united-nations',
      topic: 'ceasefire',
      proposition: 'energy-truce',
      polarity: 'support',
    });
  });
});

describe('a former official or a single legislator named by title only speaks for no country', () => {
  it('given "a former U.S. ambassador said", then no stance of the United States (fails under rules@1.87.0)', () => {
    const statements = extract('A former U.S. ambassador said the sanctions on Russia should be tightened.');
    expectNoStatement(statements, { actor: 'united-states' });
  });

  it('given "former U.S. officials said", then no stance of the United States (fails under rules@1.87.0)', () => {
    const statements = extract('Former U.S. officials said the sanctions on Russia should be tightened.');
    expectNoStatement(statements, { actor: 'united-states' });
  });

  it('given "a US senator told reporters", then no stance of the United States (fails under rules@1.87.0)', () => {
    const statements = extract('A US senator told reporters that the missiles should be sent to Ukraine this month.');
    expectNoStatement(statements, { actor: 'united-states' });
  });

  it('given a serving ambassador ("a U.S. ambassador said"), then the stance is still the country one (guard)', () => {
    const statements = extract('A U.S. ambassador said the sanctions on Russia should be tightened.');
    expectStatement(statements, {
      actor: 'united-states',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });

  it('given a former president named and holding an office now, then the stance is still his country one (guard)', () => {
    const statements = extract(
      'Former Russian president Dmitry Medvedev said any Western troops in Ukraine would be legitimate targets.',
    );
    expectStatement(statements, {
      actor: 'russia',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
  });
});

describe('the ceasefire time in other words: "the guns are silent", "the day after"', () => {
  it('given soldiers who will not go "once the guns are silent", then the troops stance is plain opposition, not conditional (fails under rules@1.87.0)', () => {
    const statements = extract('No German soldier will stand in Ukraine once the guns are silent, Merz said.');
    expectStatement(statements, {
      actor: 'germany',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'germany', polarity: 'conditional' });
  });

  it('given peacekeepers welcome "once the guns are quiet", then the troops stance is plain support (fails under rules@1.87.0)', () => {
    const statements = extract('We would welcome peacekeepers from Brazil once the guns are quiet, Lavrov said.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
  });

  it('given elections "the day after the guns fall silent", then the elections stance is conditional (fails under rules@1.87.0)', () => {
    const statements = extract('Elections will take place the day after the guns fall silent, Zelensky said.');
    const stance = expectStatement(statements, {
      actor: 'ukraine',
      topic: 'elections',
      proposition: 'hold-elections',
      polarity: 'conditional',
    });
    expect(stance.attribution).toBe('direct');
  });

  it('given soldiers "in Ukraine the day after a truce is signed", then the troops stance stays plain support (guard)', () => {
    const statements = extract('French soldiers will be in Ukraine the day after a truce is signed, Macron said.');
    expectStatement(statements, {
      actor: 'france',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
    expectNoStatement(statements, { actor: 'france', polarity: 'conditional' });
  });
});
