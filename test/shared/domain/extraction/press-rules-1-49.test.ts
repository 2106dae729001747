import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.49.0 round (precision: conditions and time clauses read as stances, across
 * twenty-five writers), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a ceasefire named as the time of another stance or act is no ceasefire stance', () => {
  it('given soldiers ready to deploy once a truce is signed, when read, then no ceasefire stance (fails under rules@1.47.0)', () => {
    const statements = extract('Merz said German soldiers would be ready to deploy once a truce is signed.');
    expect(about(statements, 'germany', 'ceasefire')).toEqual([]);
  });

  it('given elections held as soon as a ceasefire is in place, when read, then the elections are conditional and no ceasefire stance (fails under rules@1.47.0)', () => {
    const statements = extract(
      'Zelensky said elections would be held as soon as a ceasefire was in place and refugees could return.',
    );
    expect(about(statements, 'ukraine', 'ceasefire')).toEqual([]);
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'elections',
      proposition: 'hold-elections',
      polarity: 'conditional',
    });
  });

  it('given a vote within months of a truce, when read, then the elections and no ceasefire stance (fails under rules@1.47.0)', () => {
    const statements = extract('Zelensky said Ukraine was ready to hold a vote within three months of a truce.');
    expect(about(statements, 'ukraine', 'ceasefire')).toEqual([]);
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'elections',
      proposition: 'hold-elections',
      polarity: 'support',
    });
  });
});

describe('a ceasefire asked for, or the other side’s condition, still comes out (guards)', () => {
  it('given a holder who will support a ceasefire once guarantees are agreed, when read, then the ceasefire support comes out', () => {
    expectStatement(extract('Stubb said Finland would support a ceasefire once the guarantees are agreed.'), {
      actor: 'finland',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'support',
    });
  });

  it('given the war to end as soon as the other side withdraws, when read, then the speaker’s conditional ceasefire comes out', () => {
    expectStatement(extract('Peskov said the war would end as soon as Ukraine withdraws from Donetsk.'), {
      actor: 'russia',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'conditional',
    });
  });

  it('given a dated acceptance of a ceasefire, when read, then the ceasefire support comes out', () => {
    expectStatement(extract('Zelensky said on Monday that Ukraine would accept a ceasefire in March.'), {
      actor: 'ukraine',
      topic: 'ceasefire',
      proposition: 'ceasefire',
      polarity: 'support',
    });
  });
});
