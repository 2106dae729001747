import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.21.0 round, second attempt (recall across eleven writers, press to
 * press-11), each pinned here on sentences written for this test, not taken from the corpus. The
 * shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe("the parties' consent is no condition: a coordinator in a short condition names no one", () => {
  it('given "ready to host the talks if both sides agree", when read, then the host supports the talks and its venue (fails under rules@1.20.0)', () => {
    const statements = extract('Qatar is ready to host the talks if both sides agree, its foreign minister said.');
    expectStatement(statements, { actor: 'qatar', topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
    expectStatement(statements, { actor: 'qatar', topic: 'venue', proposition: 'venue:qatar', polarity: 'support' });
    expect(statements.filter((s) => s.polarity === 'conditional')).toEqual([]);
  });

  it('given "ready to mediate … if both parties wish", when read, then the offer is support (fails under rules@1.20.0)', () => {
    const statements = extract('Switzerland said it was ready to mediate between the two sides if both parties wish.');
    expectStatement(statements, { actor: 'switzerland', topic: 'mediation', polarity: 'support' });
    expect(about(statements, 'switzerland', 'mediation').filter((s) => s.polarity === 'conditional')).toEqual([]);
  });

  it('given a condition that names something, when read, then the offer stays conditional', () => {
    expectStatement(
      extract(
        'Switzerland said it was ready to mediate between the two sides if both parties first agree to a ceasefire.',
      ),
      { actor: 'switzerland', topic: 'mediation', polarity: 'conditional' },
    );
    expectStatement(
      extract('Sybiha said Kyiv would take part in the talks only if Moscow sent negotiators with a real mandate.'),
      { actor: 'ukraine', topic: 'talks', polarity: 'conditional' },
    );
  });
});

describe('"continue its" is support, and a stance noun after it keeps its sign', () => {
  it('given "would continue its mediation between the two sides", when read, then the holder supports its mediation (fails under rules@1.20.0)', () => {
    expectStatement(extract('Qatar would continue its mediation between the two sides, its foreign minister said.'), {
      actor: 'qatar',
      topic: 'mediation',
      proposition: 'mediation:qatar',
      polarity: 'support',
    });
  });

  it('given "will continue its work as a mediator", when read, then the holder supports its mediation (fails under rules@1.20.0)', () => {
    expectStatement(extract('Turkey will continue its work as a mediator, Fidan said.'), {
      actor: 'turkey',
      topic: 'mediation',
      polarity: 'support',
    });
  });

  it('given "would continue its veto of the new sanctions", when read, then the veto is opposition, not support (fails under rules@1.20.0)', () => {
    const statements = extract('Orban said Hungary would continue its veto of the new sanctions.');
    expectStatement(statements, { actor: 'hungary', topic: 'sanctions', polarity: 'oppose' });
    expect(about(statements, 'hungary', 'sanctions').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given "would continue its offensive", when read, then nothing is read', () => {
    expect(extract('Peskov said Russia would continue its offensive.')).toEqual([]);
  });
});

describe('a joining word between two names does not end a pattern gap', () => {
  it('given "ready to receive Russian and Ukrainian negotiators", when read, then the host supports the talks and its venue (fails under rules@1.20.0)', () => {
    const statements = extract('The Vatican is ready to receive Russian and Ukrainian negotiators, the pope said.');
    expectStatement(statements, { actor: 'vatican', topic: 'talks', polarity: 'support' });
    expectStatement(statements, {
      actor: 'vatican',
      topic: 'venue',
      proposition: 'venue:vatican',
      polarity: 'support',
    });
  });

  it('given "would bring Ukrainian and Russian negotiators together", when read, then the speaker supports its mediation (fails under rules@1.20.0)', () => {
    expectStatement(extract('Pope Leo said the Holy See would bring Ukrainian and Russian negotiators together.'), {
      actor: 'vatican',
      topic: 'mediation',
      polarity: 'support',
    });
  });

  it('given a joining word between two lower-case words, when read, then the gap still ends there', () => {
    const statements = extract("Orban said he would receive the minister and discuss the delegation's visit later.");
    expect(statements.filter((s) => s.topic === 'venue' || s.topic === 'talks')).toEqual([]);
  });
});

describe('an offer to help the parties, or readiness to help, is mediation', () => {
  it('given "remains ready to help in any way it can", when read, then the speaker supports its own mediation (fails under rules@1.20.0)', () => {
    expectStatement(extract('Pope Leo said the Holy See remains ready to help in any way it can.'), {
      actor: 'vatican',
      topic: 'mediation',
      proposition: 'mediation:vatican',
      polarity: 'support',
    });
  });

  it('given "welcomed <x>\'s readiness to help", when read, then the welcomer supports <x>\'s mediation (fails under rules@1.20.0)', () => {
    expectStatement(extract("Zelensky said Ukraine welcomed India's readiness to help."), {
      actor: 'ukraine',
      topic: 'mediation',
      proposition: 'mediation:india',
      polarity: 'support',
    });
  });

  it('given help offered to one side ("ready to help Ukraine in any way"), when read, then no mediation is read', () => {
    expect(
      extract('Germany is ready to help Ukraine in any way, Merz said.').filter((s) => s.topic === 'mediation'),
    ).toEqual([]);
  });
});
