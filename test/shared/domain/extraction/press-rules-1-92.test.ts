import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.92.0 round (missed labels whose actor holds no statement in the document),
 * each pinned here on sentences written for this test, not taken from the corpus. The shared guards
 * (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('an embassy speaks for its country', () => {
  it('given "the Russian embassy in Oslo said" new sanctions would only hurt, then Russia opposes the sanctions (fails under rules@1.90.0)', () => {
    const statements = extract(
      'The Russian embassy in Oslo said new sanctions against Moscow would only hurt ordinary Norwegians.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given "Russia\'s embassy in Lisbon said" the new sanctions would never work, then Russia opposes the sanctions (fails under rules@1.90.0)', () => {
    const statements = extract("Russia's embassy in Lisbon said on Tuesday that the new sanctions would never work.");
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
  });

  it("given a leader speaking at another country's embassy, then the embassy's country holds nothing and the leader keeps the stance (guard)", () => {
    const statements = extract(
      'Zelensky met the ambassadors at the Polish embassy in Kyiv and said Ukraine needed more air defence.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'military-aid', polarity: 'support' });
    expect(statements.filter((statement) => statement.actor === 'poland')).toHaveLength(0);
  });

  it('given talks held at an embassy, then the one who rejects the ceasefire keeps the stance (guard)', () => {
    const statements = extract(
      'The talks were held at the Turkish embassy in Geneva, and Russia rejected a ceasefire, Peskov said.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'turkey' });
  });

  it('given "Russian officials in Oslo said" the same, then Russia opposes the sanctions as before (guard)', () => {
    const statements = extract(
      'Russian officials in Oslo said new sanctions against Moscow would only hurt ordinary Norwegians.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
  });
});
