import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.33.0 round (recall on venue, mediation, elections and prisoners across
 * twenty-three writers), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

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
