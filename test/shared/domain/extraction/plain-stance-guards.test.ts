import { describe, expect, it } from 'vitest';
import { expectStatement, extract } from './helpers';

/**
 * What every rule round since rules@1.18.0 must leave alone: a plain stance is read, and a
 * statement dated in its reporting clause carries that date. One copy, run once, instead of one
 * per round's file.
 */

describe('guards: a plain stance and a dated statement still come out', () => {
  it('given a plain stance, when read, then it is read', () => {
    expectStatement(extract('Poland supports new sanctions against Russia.'), {
      actor: 'poland',
      topic: 'sanctions',
      polarity: 'support',
    });
  });

  it('given a statement dated in its reporting clause, when read, then it carries that date', () => {
    const found = expectStatement(
      extract('Zelensky said on Tuesday that Ukraine was ready for a ceasefire.', '2025-11-06'),
      { actor: 'ukraine', topic: 'ceasefire', polarity: 'support' },
    );
    expect(found.statedAt).toBe('2025-11-04');
  });
});
