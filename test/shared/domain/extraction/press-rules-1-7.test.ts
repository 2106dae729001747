import { describe, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.7.0 round (issue 14, the statements behind false contradictions), each
 * motivated by several press documents and pinned here on sentences written for this test, not
 * taken from the corpus.
 */

describe('"he" or "she" inside a quotation, with no one it can be', () => {
  it('is someone the speaker talks about: the stance is not the speaker’s', () => {
    const statements = extract(
      '"He does not want us to send Tomahawks to Ukraine, he was clear about that," President Donald Trump told reporters.',
    );
    expectNoStatement(statements, { actor: 'united-states' });
  });

  it('"we" in the quotation is still the speaker', () => {
    expectStatement(extract('"We will not send Tomahawks to Ukraine," President Donald Trump told reporters.'), {
      actor: 'united-states',
      topic: 'military-aid',
      polarity: 'oppose',
      attribution: 'direct',
    });
  });

  it('"he" in reported speech is still the speaker', () => {
    expectStatement(extract('President Donald Trump said he would not send Tomahawks to Ukraine.'), {
      actor: 'united-states',
      topic: 'military-aid',
      polarity: 'oppose',
    });
  });
});
