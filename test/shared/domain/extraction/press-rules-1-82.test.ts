import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.82.0 round (recall: quoted words the rules did not read), each pinned here on
 * sentences written for this test, not taken from the corpus. The shared guards (a plain stance, a
 * dated statement) are in plain-stance-guards.test.ts.
 */

describe('a contributor’s soldiers are foreign troops, and a threat to them is opposition', () => {
  it('given a president quoted on his country’s soldiers being in Ukraine after a truce, then his country supports foreign troops (fails under rules@1.80.0)', () => {
    const statements = extract(
      '"French soldiers will be in Ukraine the week a truce is signed, and not one day later," President Emmanuel Macron told reporters in Lyon.',
    );
    expectStatement(statements, {
      actor: 'france',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
  });

  it('given a prime minister quoted ruling out a single soldier of hers, then her country opposes foreign troops (fails under rules@1.80.0)', () => {
    const statements = extract(
      '"No Italian soldier will be sent to Ukraine, before a truce or after it," Prime Minister Giorgia Meloni said on Tuesday.',
    );
    expectStatement(statements, {
      actor: 'italy',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
  });

  it('given a minister quoted calling such soldiers targets, then it is opposition, not support (fails under rules@1.80.0)', () => {
    const statements = extract(
      '"German soldiers sent to Ukraine would be targets from the first day," Foreign Minister Sergei Lavrov said in Moscow.',
    );
    expectStatement(statements, {
      actor: 'russia',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'support' });
  });

  it('given a spokeswoman quoted on how such soldiers will be treated, then it is opposition, not support (fails under rules@1.80.0)', () => {
    const statements = extract(
      '"Dutch soldiers on Ukrainian soil will be treated as what they are: a party to the war," Foreign Ministry spokeswoman Maria Zakharova said.',
    );
    expectStatement(statements, {
      actor: 'russia',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'support' });
  });

  it('given the narrator telling of soldiers hurt in an accident, then nothing is read (guard)', () => {
    const statements = extract('Three British soldiers were hurt in a training accident in Estonia on Monday.');
    expectNoStatement(statements, { topic: 'security-guarantees' });
  });

  it('given a leader ready to send troops, then the plain stance still comes out (guard)', () => {
    const statements = extract('Starmer said Britain was ready to send troops to Ukraine once a ceasefire was agreed.');
    expectStatement(statements, {
      actor: 'united-kingdom',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
  });
});

describe('a clause a subordinator opens at the head of a sentence or quotation ends at its comma', () => {
  it('given a quotation opening with a "when" clause before its main clause, then the main clause is read (fails under rules@1.80.0)', () => {
    const statements = extract(
      '"When the shooting stops, British troops will be on the ground," Prime Minister Keir Starmer said in Leeds.',
    );
    expectStatement(statements, {
      actor: 'united-kingdom',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
  });

  it('given a quotation opening with an "after" phrase before its main clause, then the main clause is read (fails under rules@1.80.0)', () => {
    const statements = extract(
      '"After a truce is signed, French troops will go to Ukraine," President Emmanuel Macron said on Friday.',
    );
    expectStatement(statements, {
      actor: 'france',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
  });

  it('given a "when" clause before a refusal, then the refusal is still read (guard)', () => {
    const statements = extract('"When the talks open, we will not give up Kherson," Zelensky said.');
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('given an opening condition, then the conditional stance still comes out (guard)', () => {
    const statements = extract('"The day Kyiv pulls out of Donetsk, the war will end," Putin said.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'conditional',
    });
  });
});

describe('a deontic cue inside the words of an end of the fighting is the speaker’s recommendation', () => {
  it('given a prime minister quoted saying the guns must fall silent, then his country supports a ceasefire (fails under rules@1.80.0)', () => {
    const statements = extract('"The guns must fall silent before the first frost," Prime Minister Viktor Orban said.');
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'support',
    });
  });

  it('given a chancellor quoted saying the shooting has to stop, then his country supports a ceasefire (fails under rules@1.80.0)', () => {
    const statements = extract(
      '"The shooting has to stop, on every front," Chancellor Friedrich Merz told the Bundestag.',
    );
    expectStatement(statements, {
      actor: 'germany',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'support',
    });
  });

  it('given a negator inside those words, then it is opposition (fails under rules@1.80.0)', () => {
    const statements = extract('"The fighting must not stop now, with our towns still occupied," Zelensky said.');
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', proposition: 'ceasefire', polarity: 'oppose' });
  });

  it('given the narrator telling that the guns fell silent, then nothing is read (guard)', () => {
    const statements = extract('The guns fell silent along the southern front at midnight, officials in Kyiv said.');
    expectNoStatement(statements, { topic: 'ceasefire', polarity: 'support' });
  });

  it('given an event under a condition, then the conditional stance still comes out (guard)', () => {
    const statements = extract('"The shooting will stop the day Kyiv leaves Zaporizhzhia," Lavrov said.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'conditional',
    });
    expect(statements.some((s) => s.actor === 'russia' && s.topic === 'ceasefire' && s.polarity === 'support')).toBe(
      false,
    );
  });
});

describe('armies are among the words of the fighting', () => {
  it('given a pope quoted saying both armies should stop where they stand, then the Holy See supports a ceasefire (fails under rules@1.80.0)', () => {
    const statements = extract('"Both armies should stop where they stand, tonight," Pope Leo XIV told pilgrims.');
    expectStatement(statements, {
      actor: 'vatican',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'support',
    });
  });

  it('given the narrator telling that armies stopped for the night, then nothing is read (guard)', () => {
    const statements = extract('Both armies stopped for the night near the river, a local official said.');
    expectNoStatement(statements, { topic: 'ceasefire' });
  });
});
