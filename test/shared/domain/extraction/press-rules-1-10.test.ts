import { describe, expect, it } from 'vitest';
import { expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.10.0 round (precision on press), each motivated by several press documents
 * and pinned here on sentences written for this test, not taken from the corpus.
 */

describe('"money" names funding only right after a wish or readiness (a vague object word)', () => {
  it('money given to another cause, or as a means, is no funding stance (fails under rules@1.9.0)', () => {
    const fund = (text: string) => extract(text).filter((s) => s.topic === 'funding');
    expect(fund('Britain would back the reform with money and advisers, the British foreign secretary said.')).toEqual(
      [],
    );
    expect(fund('The Polish prime minister said Poland would raise money for a new hospital in Kharkiv.')).toEqual([]);
  });

  it('a wished or refused sum still is ("wanted money for", a named kind of funding)', () => {
    expectStatement(
      extract('The French president said France wanted money for Ukraine’s army to come from the bloc.'),
      {
        actor: 'france',
        topic: 'funding',
        polarity: 'support',
      },
    );
    expectStatement(extract('Poland is ready to provide funding to Ukraine, the Polish prime minister said.'), {
      actor: 'poland',
      topic: 'funding',
      polarity: 'support',
    });
  });
});

describe('what events brought about, told as fact, is nobody’s stance', () => {
  it('a proposal an earlier meeting produced is no stance of the proposer (fails under rules@1.9.0)', () => {
    expect(
      extract('The two rounds in Geneva produced a Chinese proposal for an energy truce that neither side took up.'),
    ).toEqual([]);
  });

  it('"talks that produced no compromise on" a plan is no opposition of the other party (fails under rules@1.9.0)', () => {
    expect(
      extract(
        'The envoy left Riyadh after talks with Vladimir Putin that produced no compromise on a U.S.-drafted peace plan.',
      ),
    ).toEqual([]);
  });

  it('"led to … but no ceasefire": the outcome goes on after "but" (fails under rules@1.9.0)', () => {
    const statements = extract(
      'Qatar hosted two rounds of direct talks last year, which led to prisoner exchanges but no ceasefire.',
    );
    expect(statements.some((s) => s.topic === 'ceasefire')).toBe(false);
  });

  it('an outcome wished for keeps its stance ("hoped the talks would produce a ceasefire")', () => {
    expectStatement(extract('The Finnish president said he hoped the talks would produce a ceasefire.'), {
      actor: 'finland',
      topic: 'ceasefire',
      polarity: 'support',
    });
  });
});

describe('"it" or "them" right before a modal, negator or verb of stance is that verb’s subject, not an anaphor', () => {
  it('"what support it would offer" takes up no earlier proposition (fails under rules@1.9.0)', () => {
    const statements = extract(
      'France backs security guarantees for Ukraine. Officials said Italy had yet to say what support it would offer.',
    );
    expectStatement(statements, { actor: 'france', topic: 'security-guarantees', polarity: 'support' });
    expect(statements.some((s) => s.actor === 'italy')).toBe(false);
  });

  it('as an object it still takes the proposition up ("London would back them")', () => {
    expectStatement(
      extract('Britain wants new sanctions on Russia. The British foreign secretary said London would back them.'),
      { actor: 'united-kingdom', topic: 'sanctions', polarity: 'support', attribution: 'direct' },
    );
  });
});

describe('a stance noun after a possessive, right after a cue, is the holder’s own stance acted on', () => {
  it('abandoning one’s opposition to sanctions supports them (fails under rules@1.9.0)', () => {
    expectStatement(extract('Hungary will abandon its opposition to new sanctions on Russia, Orban said.'), {
      actor: 'hungary',
      topic: 'sanctions',
      polarity: 'support',
    });
  });

  it('not giving up one’s goal of joining supports joining (fails under rules@1.9.0)', () => {
    const statements = extract(
      'The Ukrainian foreign minister said Kyiv would not give up its goal of joining the European Union.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'eu-membership', polarity: 'support' });
    expect(statements.some((s) => s.polarity === 'oppose')).toBe(false);
  });

  it('setting aside one’s push for membership in return for guarantees is conditional (fails under rules@1.9.0)', () => {
    expectStatement(
      extract(
        'Zelensky said Ukraine could set aside its push for NATO membership if allies offered binding security guarantees.',
      ),
      { actor: 'ukraine', topic: 'nato-membership', polarity: 'conditional' },
    );
  });

  it('"give up" before a place is still the territorial trigger ("would never give up Donbas")', () => {
    expectStatement(extract('Zelensky said Ukraine would never give up Donbas.'), {
      actor: 'ukraine',
      topic: 'territory',
      polarity: 'oppose',
    });
  });
});
