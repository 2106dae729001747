import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.5.0 round (issue 14, recall), each motivated by several press documents
 * and pinned here on sentences written for this test, not taken from the corpus.
 */

describe('a meeting is a stance on talks', () => {
  it.each([
    ['"We want a meeting of the two presidents before winter," Zelensky said.', 'ukraine', 'support'],
    [
      'Turkish Foreign Minister Hakan Fidan said Turkey was pushing for a meeting between the two presidents.',
      'turkey',
      'support',
    ],
    [
      'Polish Prime Minister Donald Tusk said Poland did not want a meeting with Russian officials.',
      'poland',
      'oppose',
    ],
  ] as const)('%s', (text, actor, polarity) => {
    expectStatement(extract(text), { actor, topic: 'talks', proposition: 'peace-talks', polarity });
  });

  it('a meeting told as news, with no word of stance, is none', () => {
    expect(extract('The meeting of Ukrainian and Polish officials in Warsaw lasted two hours.')).toEqual([]);
  });

  it('the verb "meet" is no trigger: a meeting scheduled between allies is news', () => {
    expect(extract('Ukrainian and Polish officials will meet this weekend to discuss a ceasefire plan.')).toEqual([]);
  });

  it('"told the meeting" names the audience of a trailing attribution, not a proposition', () => {
    const statements = extract(
      'Germany will not send troops to Ukraine, Chancellor Friedrich Merz told the meeting by video link.',
    );
    expectStatement(statements, { actor: 'germany', topic: 'security-guarantees', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'germany', topic: 'talks' });
  });
});

describe('sending a delegation is a stance on talks', () => {
  it('an offer to send one is support', () => {
    expectStatement(extract('Lavrov said Moscow would send a delegation to Antalya.'), {
      actor: 'russia',
      topic: 'talks',
      polarity: 'support',
    });
  });

  it('sending one only if something happens is conditional', () => {
    expectStatement(
      extract('Kyiv will send its negotiators to Geneva only if Washington attends, a Ukrainian official said.'),
      { actor: 'ukraine', topic: 'talks', polarity: 'conditional' },
    );
  });
});

describe('receiving the delegations or the leaders is hosting the talks', () => {
  it.each([
    ['Qatar said it stood ready to receive the two delegations in Doha.', 'qatar'],
    [
      'Switzerland would gladly receive the leaders in Geneva, Swiss Foreign Minister Ignazio Cassis said.',
      'switzerland',
    ],
  ])('%s', (text, actor) => {
    const statements = extract(text);
    expectStatement(statements, { actor, topic: 'talks', polarity: 'support' });
    expectStatement(statements, { actor, topic: 'venue', proposition: `venue:${actor}`, polarity: 'support' });
  });

  it('receiving anything else is not', () => {
    expect(
      extract('Hungary will receive more Russian gas next winter, Hungarian Foreign Minister Peter Szijjarto said.'),
    ).toEqual([]);
  });
});

describe('a relative clause between the speaker and the reporting verb', () => {
  it.each([
    [
      'Slovak Prime Minister Robert Fico, who opposed new sanctions last year, said Slovakia would not send weapons to Ukraine.',
      'slovakia',
      'military-aid',
      'oppose',
    ],
    ['Finland, which hosted the talks in 1975, said it would host them again.', 'finland', 'talks', 'support'],
  ] as const)('does not hide the speaker: %s', (text, actor, topic, polarity) => {
    expectStatement(extract(text), { actor, topic, polarity, attribution: 'direct' });
  });

  it('a name inside it is not the speaker', () => {
    const statements = extract(
      'Hungarian Foreign Minister Peter Szijjarto, who met Lavrov in Moscow last week, said Hungary would veto new sanctions.',
    );
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'sanctions',
      polarity: 'oppose',
      speaker: 'Peter Szijjarto',
    });
    expectNoStatement(statements, { actor: 'russia' });
  });
});

describe('"Costa" alone names the European Council president', () => {
  it('speaks for the European Union', () => {
    expectStatement(extract('Costa said the European Union backed new sanctions on Russia.'), {
      actor: 'european-union',
      topic: 'sanctions',
      polarity: 'support',
      attribution: 'direct',
      speaker: 'António Costa',
    });
  });
});
