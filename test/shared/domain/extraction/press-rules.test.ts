import { describe, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.3.0 round (issue 14), each motivated by several press documents and pinned
 * here on sentences written for this test, not taken from the corpus.
 */

describe('a capitalised modal inside a sentence is a name', () => {
  it.each([
    'Zelensky won the presidency in 2019. It was his first address since the election in May.',
    'Putin arrived in Minsk. It was his first trip abroad since the election in May 2024.',
  ])('the month "May" governs no trigger: %s', (text) => {
    expectNoStatement(extract(text), { topic: 'elections' });
  });

  it('a lowercase modal still governs one', () => {
    expectStatement(extract('Zelensky said an election may follow a ceasefire.'), {
      actor: 'ukraine',
      topic: 'elections',
      polarity: 'support',
    });
  });
});
