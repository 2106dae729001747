import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.33.0 round (recall on venue, mediation, elections and prisoners across
 * twenty-three writers), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

const supportOf = (statements: ReturnType<typeof extract>, actor: string, topic: string) =>
  about(statements, actor, topic).filter((s) => s.polarity === 'support');

describe('a vote under martial law, a vote in Ukraine and holding a vote name the elections', () => {
  it('given "no vote under martial law", when read, then it is opposition to holding elections (fails under rules@1.29.0)', () => {
    const statements = extract('Zelensky told reporters in Lviv that there would be no vote under martial law.');
    expectStatement(statements, { actor: 'ukraine', topic: 'elections', polarity: 'oppose' });
  });

  it('given "wants a vote in Ukraine", when read, then it is support for holding elections (fails under rules@1.29.0)', () => {
    const statements = extract('Dmitry Peskov said Moscow wants a vote in Ukraine before any agreement is signed.');
    expectStatement(statements, { actor: 'russia', topic: 'elections', polarity: 'support' });
  });

  it('given "no intention of holding a vote", when read, then it is opposition to holding elections (fails under rules@1.29.0)', () => {
    const statements = extract('Zelensky said Kyiv had no intention of holding a vote while the shelling goes on.');
    expectStatement(statements, { actor: 'ukraine', topic: 'elections', polarity: 'oppose' });
  });

  it('given a vote of a parliament on another matter, when read, then no elections statement comes out (a guard for the new triggers)', () => {
    const statements = extract('The Bundestag will vote on the aid package next week, Friedrich Merz said.');
    expect(about(statements, 'germany', 'elections')).toEqual([]);
  });

  it('given a plain demand for an election, when read, then it is still read as support (a guard for the old triggers)', () => {
    const statements = extract('Sergei Lavrov said Ukraine must hold a presidential election first.');
    expectStatement(statements, { actor: 'russia', topic: 'elections', polarity: 'support' });
  });
});

describe('thanking someone for a thing is support for it, and "the Emirates" names the UAE', () => {
  it('given "thanked the Emirates for their mediation", when read, then it is support for the UAE’s mediation (fails under rules@1.29.0)', () => {
    const statements = extract('Sybiha thanked the Emirates for their mediation after the swap on Friday.');
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'mediation',
      proposition: 'mediation:united-arab-emirates',
      polarity: 'support',
    });
  });

  it('given "thanked Qatar for its mediation", when read, then it is support for Qatar’s mediation (fails under rules@1.29.0)', () => {
    const statements = extract('Zelensky thanked Qatar for its mediation on the return of children.');
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'mediation',
      proposition: 'mediation:qatar',
      polarity: 'support',
    });
  });
});

describe('a new, another, large, full, wider or next exchange names a prisoner exchange', () => {
  it('given "wanted another exchange", when read, then it is support for a prisoner exchange (fails under rules@1.29.0)', () => {
    const statements = extract('Fidan said on Tuesday that Turkey wanted another exchange before the winter.');
    expectStatement(statements, { actor: 'turkey', topic: 'prisoners', polarity: 'support' });
  });

  it('given "ready for a full exchange", when read, then it is support for a prisoner exchange (fails under rules@1.29.0)', () => {
    const statements = extract('Zelensky said Ukraine was ready for a full exchange as soon as possible.');
    expectStatement(statements, { actor: 'ukraine', topic: 'prisoners', polarity: 'support' });
  });

  it('given an exchange rate, when read, then no prisoners statement comes out (a guard for the new triggers)', () => {
    const statements = extract('The central bank said it would keep the exchange rate stable.');
    expect(statements.filter((s) => s.topic === 'prisoners')).toEqual([]);
  });
});

describe('officials, teams and representatives are guests a host receives for a meeting', () => {
  it('given "ready to host Russian and Ukrainian officials in <city>", when read, then it is an offer of the host’s own country (fails under rules@1.29.0)', () => {
    const statements = extract(
      'Erdogan said Turkey was ready to host Russian and Ukrainian officials in Ankara next month.',
    );
    expectStatement(statements, { actor: 'turkey', topic: 'venue', proposition: 'venue:turkey', polarity: 'support' });
  });

  it('given a host of something else, when read, then no venue statement comes out (a guard for the host rule)', () => {
    const statements = extract('Turkey will host a film festival in Antalya, Erdogan said.');
    expect(about(statements, 'turkey', 'venue')).toEqual([]);
  });
});

describe('acting, serving or working as a mediator, go-between or intermediary names mediation', () => {
  it('given "would not act as a mediator", when read, then it is opposition to the holder’s mediation (fails under rules@1.29.0)', () => {
    const statements = extract('Wang Yi said China would not act as a mediator between Russia and Ukraine.');
    expectStatement(statements, {
      actor: 'china',
      topic: 'mediation',
      proposition: 'mediation:china',
      polarity: 'oppose',
    });
  });

  it('given "willing to act as a go-between", when read, then it is still support for the holder’s mediation (read under rules@1.29.0 too: a guard that the longer trigger keeps it)', () => {
    const statements = extract('Wang Yi said China was willing to act as a go-between for Moscow and Kyiv.');
    expect(supportOf(statements, 'china', 'mediation').map((s) => s.proposition)).toEqual(['mediation:china']);
  });
});
