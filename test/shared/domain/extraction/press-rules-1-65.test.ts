import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.65.0 round (recall: NATO and EU membership, and territory), each pinned here
 * on sentences written for this test, not taken from the corpus. The shared guards (a plain stance,
 * a dated statement) are in plain-stance-guards.test.ts.
 */

describe('renouncing NATO named by the alliance alone, and "once and for all" no condition', () => {
  it('given the end of the war tied to Kyiv giving up on NATO, when a leader says so, then he opposes the membership (fails under rules@1.64.0)', () => {
    const statements = extract(
      'Lukashenko told reporters in Minsk that the war would stop within a week once Kyiv gave up on NATO.',
    );
    expectStatement(statements, {
      actor: 'belarus',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'oppose',
    });
    expectStatement(statements, { actor: 'belarus', topic: 'ceasefire', polarity: 'conditional' });
  });

  it('given a demand that Kyiv renounce NATO, when a minister makes it, then Russia opposes the membership (fails under rules@1.64.0)', () => {
    expectStatement(extract('Lavrov said on Friday that Kyiv must renounce NATO as part of any settlement.'), {
      actor: 'russia',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'oppose',
    });
  });

  it('given its application to NATO withdrawn, when that is the condition of peace, then the speaker opposes the membership (fails under rules@1.64.0)', () => {
    const statements = extract(
      'Peskov said the fighting could stop as soon as Kyiv withdrew its application to NATO and wrote neutrality into law.',
    );
    expectStatement(statements, {
      actor: 'russia',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'russia', topic: 'nato-membership', polarity: 'support' });
  });

  it('given "the dream of NATO" dropped, when a leader ties peace to it, then he opposes the membership (fails under rules@1.64.0)', () => {
    expectStatement(
      extract('"The guns will go quiet the day Kyiv drops this dream of NATO," Lukashenko told state radio.'),
      { actor: 'belarus', topic: 'nato-membership', proposition: 'membership:ukraine', polarity: 'oppose' },
    );
  });

  it('given "once and for all" after a demand, when the Kremlin makes it, then the opposition is plain, not conditional (fails under rules@1.64.0)', () => {
    const statements = extract('Putin said Ukraine must drop its NATO bid once and for all.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'russia', topic: 'nato-membership', polarity: 'conditional' });
  });

  it('given Ukraine refusing to renounce NATO, when its minister says so, then Ukraine supports the membership (fails under rules@1.64.0)', () => {
    expectStatement(extract('Sybiha said Ukraine would never renounce NATO, whatever Moscow offered.'), {
      actor: 'ukraine',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'support',
    });
  });

  it('given the bid named by its own words (guard), when Kyiv refuses to give it up, then Ukraine supports the membership as before', () => {
    expectStatement(extract('Zelensky said Ukraine would not give up its bid to join NATO.'), {
      actor: 'ukraine',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'support',
    });
  });

  it('given "once" as a condition (guard), when the end of the war is tied to it, then the ceasefire stays conditional', () => {
    expectStatement(extract('Lukashenko said the war would end once Kyiv signed a neutrality law.'), {
      actor: 'belarus',
      topic: 'ceasefire',
      polarity: 'conditional',
    });
  });
});

describe('a modal over a territory inverter: the speaker puts the goal positively', () => {
  it('given "would regain" with no stance word, when a foreign leader forecasts it, then he opposes ceding the land (fails under rules@1.64.0)', () => {
    const statements = extract('Tusk said in Gdansk that Ukraine would regain all of its occupied territory one day.');
    expectStatement(statements, {
      actor: 'poland',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
    expectNoStatement(statements, { actor: 'poland', topic: 'territory', polarity: 'support' });
  });

  it('given "will recover" in a quotation, when the Ukrainian president speaks, then Ukraine opposes ceding the land (fails under rules@1.64.0)', () => {
    expectStatement(extract('"We will recover our territory, every metre of it," Zelensky told the Rada.'), {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('given a negated modal over the inverter, when a Kremlin aide speaks, then the sign turns (fails under rules@1.64.0)', () => {
    const statements = extract('Ushakov said Ukraine would never regain its territory.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'support',
    });
    expectNoStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'oppose' });
  });

  it('given the same forecast asked as a question (guard), when an interviewer puts it, then nobody holds it', () => {
    const statements = extract('Do you believe Ukraine will regain its territory?');
    expect(statements.filter((statement) => statement.topic === 'territory')).toEqual([]);
  });

  it('given an inverter with a cue before it (guard), when Kyiv wants to take back a region, then Ukraine opposes ceding it as before', () => {
    expectStatement(extract('Zelensky said Ukraine wants to take back Zaporizhzhia.'), {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });
});
