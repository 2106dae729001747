import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.30.0 round (recall on sanctions and funding across nineteen writers: the
 * thing a story names once and then calls "the package", and what "should go"), each pinned here
 * on sentences written for this test, not taken from the corpus. The shared guards (a plain
 * stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a story noun is the thing the document first named with it, in any paragraph', () => {
  it('given "a package of sanctions" and, a paragraph later, "<actor> voted for the package", when read, then the actor supports the sanctions (fails under rules@1.29.0)', () => {
    const statements = extract(
      'BRUSSELS - EU governments adopted a ninth package of sanctions against Russia on Monday.\n\nHungary voted for the package at a meeting of envoys, diplomats said.',
    );
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: 'support',
    });
  });

  it('given "the sanctions package" and, a paragraph later, "<actor> condemned the package", when read, then the actor opposes the sanctions (fails under rules@1.29.0)', () => {
    const statements = extract(
      'BRUSSELS - The sanctions package was signed off by envoys on Monday.\n\nThe Russian foreign ministry condemned the package.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given "the measures" named with sanctions and a later "would back the measures only if", when read, then the stance is conditional (fails under rules@1.29.0)', () => {
    const statements = extract(
      'BRUSSELS - The Commission drafted new measures of sanctions on Russian banks.\n\nSlovakia said it would back the measures only if its gas supplies were guaranteed.',
    );
    expectStatement(statements, { actor: 'slovakia', topic: 'sanctions', polarity: 'conditional' });
  });

  it('given "the package" with no trigger named beside it before, when read, then nothing is read about sanctions (a guard)', () => {
    const statements = extract(
      'Kyiv welcomed new sanctions on Russian banks on Monday.\n\nHungary voted for the package of tax reforms at home.',
    );
    expect(about(statements, 'hungary', 'sanctions')).toEqual([]);
  });
});

describe('what should go is wanted ended', () => {
  it('given "<the sanctions> should go", when read, then it is opposition to the sanctions (fails under rules@1.29.0)', () => {
    const statements = extract('"All of these sanctions should go, and soon," Sergei Lavrov said on Monday.');
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
    expect(about(statements, 'russia', 'sanctions').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given "<the sanctions> will have to go the same way", when read, then it is opposition to the sanctions (fails under rules@1.29.0)', () => {
    const statements = extract('Sergei Lavrov said the remaining sanctions will have to go the same way.');
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given "the missiles will go", a plain future, when read, then the delivery is still supported (a guard)', () => {
    const statements = extract('"The missiles will go to Ukraine this summer," Friedrich Merz told reporters.');
    expect(about(statements, 'germany', 'military-aid').filter((s) => s.polarity === 'oppose')).toEqual([]);
  });
});
