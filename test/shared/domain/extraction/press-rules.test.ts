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

describe('a finite subordinate clause has its own subject', () => {
  it.each([
    ['Germany pressed ahead with the pipeline study before any peace deal was signed.', 'germany'],
    ['Hungary kept its embassy open in Kyiv because talks on a ceasefire had stalled.', 'hungary'],
    ['France reopened its consulate in Odesa after the ceasefire was agreed.', 'france'],
    ['Slovakia kept buying gas while sanctions on Russian banks were tightened.', 'slovakia'],
  ])('the main clause’s subject does not hold its stance: %s', (text, actor) => {
    expectNoStatement(extract(text), { actor });
  });

  it('a participle after the subordinating word shares the subject', () => {
    const statements = extract('Kyiv joined the talks while refusing any ceasefire.');
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'oppose' });
  });
});
