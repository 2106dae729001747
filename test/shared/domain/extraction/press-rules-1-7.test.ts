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

describe('", and" then a speech act with no subject, after reported words', () => {
  it('is the speaker’s act, not the reported subject’s', () => {
    const statements = extract(
      'Polish President Karol Nawrocki said on Monday that Vladimir Putin had shown no interest in peace, and urged the European Union to tighten sanctions on Russia.',
    );
    expectStatement(statements, {
      actor: 'poland',
      topic: 'sanctions',
      polarity: 'support',
      speaker: 'Karol Nawrocki',
    });
    expectNoStatement(statements, { actor: 'russia' });
  });

  it('without the comma the verb stays the reported subject’s', () => {
    const statements = extract(
      'Ukrainian President Volodymyr Zelensky said Russia had rejected the plan and demanded new sanctions on Kyiv.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'support' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'sanctions' });
  });
});

describe('an act’s "-ing" form with its object after "of"', () => {
  it('"the lifting of" sanctions is lifting them', () => {
    const statements = extract(
      'Russian Foreign Minister Sergei Lavrov said any settlement must include the lifting of Western sanctions.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'support' });
  });

  it('"an easing of" sanctions is easing them', () => {
    expectStatement(extract('Russia demanded an easing of sanctions on its banks.'), {
      actor: 'russia',
      topic: 'sanctions',
      polarity: 'oppose',
    });
  });
});

describe('"it" or "them" right after a cue, when the thing was named earlier in the sentence', () => {
  it('is that thing, not the stance an earlier sentence took on it', () => {
    const statements = extract(
      'Russian Foreign Minister Sergei Lavrov said Moscow rejected Western sanctions on Russia. EU foreign policy chief Kaja Kallas said the bloc would keep its sanctions on Russia in place and tighten them.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
    expectNoStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'oppose' });
  });
});
