import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.25.0 round (the wrong polarity across seventeen writers, second pass: a
 * condition read as support), each pinned here on sentences written for this test, not taken from
 * the corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('an imperative trade at the head of a quotation ("Give us …, and …") is a condition on the promise', () => {
  it('given "Give us a truce that lasts, and there will be elections", when read, then the elections are conditional (fails under rules@1.24.0)', () => {
    const statements = extract(
      '"Give us a truce that lasts, and there will be elections before the summer," Ukrainian President Volodymyr Zelensky said.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'elections', polarity: 'conditional' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'elections', polarity: 'support' });
  });

  it('given "Give us guarantees that are signed, and Ukraine will hold elections", when read, then the elections are conditional (fails under rules@1.24.0)', () => {
    const statements = extract(
      '"Give us guarantees that are signed and ratified, and Ukraine will hold elections within a hundred days," Zelensky told journalists.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'elections', polarity: 'conditional' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'elections', polarity: 'support' });
  });

  it('given "Give us a truce that lasts, and …", when read, then the speaker still asks for the truce', () => {
    const statements = extract(
      '"Give us a truce that lasts, and there will be elections before the summer," Ukrainian President Volodymyr Zelensky said.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'support' });
  });

  it('given "give us" inside a sentence, when read, then it is plain words and the stance reads as before', () => {
    const statements = extract('"Our partners must give us more air defence systems," Zelensky said.');
    expectStatement(statements, { actor: 'ukraine', topic: 'military-aid', polarity: 'support' });
    expect(about(statements, 'ukraine', 'military-aid').every((s) => s.polarity !== 'conditional')).toBe(true);
  });

  it('given an unconditioned promise of elections, when read, then it is still support', () => {
    expectStatement(extract('"There will be elections before the summer," Zelensky said.'), {
      actor: 'ukraine',
      topic: 'elections',
      polarity: 'support',
    });
  });
});
