import { describe, expect, it } from 'vitest';
import { expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.10.0 round (precision on press), each motivated by several press documents
 * and pinned here on sentences written for this test, not taken from the corpus.
 */

describe('"money" names funding only right after a wish or readiness (a vague object word)', () => {
  it('money given to another cause, or as a means, is no funding stance', () => {
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
