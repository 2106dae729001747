import { describe, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.76.0 round (precision: conditions and refusals read with the wrong sign),
 * each pinned here on sentences written for this test, not taken from the corpus. The shared guards
 * (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('"consider" with a favourable judgement of its object is an appraisal', () => {
  it('given a capital that considered a city "a suitable venue", when the judgement is quoted, then it supports the venue (fails under rules@1.75.0)', () => {
    const statements = extract('The Kremlin considered Istanbul "a suitable venue" for the next round, Ushakov said.');
    expectStatement(statements, { actor: 'russia', topic: 'venue', polarity: 'support' });
    expectNoStatement(statements, { actor: 'russia', topic: 'venue', polarity: 'conditional' });
  });

  it('given a government that considers a meeting useful, when the object runs over several words, then it supports the talks (fails under rules@1.75.0)', () => {
    const statements = extract(
      'Ankara considers a direct meeting of the two presidents useful and timely, Fidan said.',
    );
    expectStatement(statements, { actor: 'turkey', topic: 'talks', polarity: 'support' });
    expectNoStatement(statements, { actor: 'turkey', topic: 'talks', polarity: 'conditional' });
  });

  it('given a leader who would consider a truce, when no judgement follows, then the truce stays conditional', () => {
    const statements = extract('Germany would consider a ceasefire along the current line, Merz said.');
    expectStatement(statements, { actor: 'germany', topic: 'ceasefire', polarity: 'conditional' });
    expectNoStatement(statements, { actor: 'germany', topic: 'ceasefire', polarity: 'support' });
  });
});

describe('refusal and ending idioms', () => {
  it('given a government that closed the door on sending missiles, when commas split the idiom, then it opposes them (fails under rules@1.75.0)', () => {
    const statements = extract(
      'Italy has closed the door, for the time being, on sending long-range missiles to Ukraine.',
    );
    expectStatement(statements, { actor: 'italy', topic: 'military-aid', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'italy', topic: 'military-aid', polarity: 'support' });
  });

  it('given a leader who declared a framework dead, when the object is long, then it is opposition, not the act of declaring (fails under rules@1.75.0)', () => {
    const statements = extract(
      'President Erdogan has declared the Istanbul framework dead, in remarks to reporters on Friday.',
    );
    expectStatement(statements, { actor: 'turkey', topic: 'talks', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'turkey', topic: 'talks', polarity: 'support' });
  });

  it('given a government that declared a truce over, when the ending word closes the clause, then it opposes the truce (fails under rules@1.75.0)', () => {
    const statements = extract('The Kremlin declared the Easter truce over, hours before it was due to end.');
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'support' });
  });

  it('given a government that declared a truce, when no ending word follows, then the declaration still supports it', () => {
    const statements = extract('Russia declared a unilateral ceasefire for Easter, the Kremlin said.');
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'support' });
    expectNoStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose' });
  });

  it('given a minister who says his country has not closed the door on talks, when the idiom is negated, then the talks are supported (fails under rules@1.75.0)', () => {
    const statements = extract('Kyiv has not closed the door on talks with Moscow, Sybiha said.');
    expectStatement(statements, { actor: 'ukraine', topic: 'talks', polarity: 'support' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'talks', polarity: 'oppose' });
  });
});
