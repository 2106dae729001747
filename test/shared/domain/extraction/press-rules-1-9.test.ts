import { describe, expect, it } from 'vitest';
import { expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.9.0 round (hearsay on press), each motivated by several press documents
 * and pinned here on sentences written for this test, not taken from the corpus.
 */

describe('a vague object word right after a wish or readiness names its proposition', () => {
  it('"wants a deal" said of another actor is that actor’s peace-plan support, reported by the speaker', () => {
    const statements = extract('The Finnish president said on Friday that he believed Moscow now wants a deal.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'talks',
      proposition: 'peace-plan',
      polarity: 'support',
      reportedBy: 'finland',
    });
    expect(statements.some((s) => s.actor === 'finland')).toBe(false);
  });

  it('"not interested in peace" is the described actor’s opposition to talks, never the speaker’s', () => {
    const statements = extract('Polish Prime Minister Donald Tusk said the Kremlin was not interested in peace.');
    expectStatement(statements, {
      actor: 'russia',
      topic: 'talks',
      proposition: 'peace-talks',
      polarity: 'oppose',
      reportedBy: 'poland',
    });
    expect(statements.some((s) => s.actor === 'poland')).toBe(false);
  });

  it('a wished settlement, the negation carried through', () => {
    const statements = extract(
      'Kyiv does not want a settlement imposed by others, the Ukrainian foreign minister said.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'talks', proposition: 'peace-plan', polarity: 'oppose' });
  });

  it('alone, or after a speech or action verb, the word names nothing ("an agreement on grain")', () => {
    expect(extract('Turkey signed an agreement on grain shipments with Ukraine on Monday.')).toEqual([]);
    expect(extract('No peace arrangement could rest on a reward for aggression, the German chancellor said.')).toEqual(
      [],
    );
    expect(extract('The ministers discussed a deal on fertiliser exports in Ankara.')).toEqual([]);
  });
});
