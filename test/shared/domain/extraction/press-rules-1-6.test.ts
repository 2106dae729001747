import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.6.0 round (issue 14, precision), each motivated by several press documents
 * and pinned here on sentences written for this test, not taken from the corpus.
 */

describe('a "whose" clause set off by commas describes', () => {
  it('its stance words do not reach past it', () => {
    const statements = extract(
      'Polish Prime Minister Jan Nowak, whose demands for compensation had held up the package, told journalists in Warsaw that he now backed new sanctions on Russia.',
    );
    expectStatement(statements, { actor: 'poland', topic: 'sanctions', polarity: 'support' });
    expectNoStatement(statements, { topic: 'venue' });
  });

  it('does not hide the speaker', () => {
    expectStatement(
      extract(
        'Italian Prime Minister Giorgia Meloni, whose government has long argued for a defence pact, said Italy would not send troops to Ukraine.',
      ),
      { actor: 'italy', topic: 'security-guarantees', polarity: 'oppose', attribution: 'direct' },
    );
  });

  it('after a preposition (", from whose territory …") it takes no holder from the clause before', () => {
    const statements = extract(
      'Finnish President Alexander Stubb said Belarus, from whose territory Russian columns rolled towards Kyiv, could not host peace talks.',
    );
    expectNoStatement(statements, { topic: 'territory' });
  });
});

describe('a participle phrase between the speaker and the reporting verb', () => {
  it('the occasion it names is no stance', () => {
    const statements = extract(
      'Turkish President Recep Tayyip Erdogan, hosting the summit in Ankara, said Turkey would not send troops to Ukraine.',
    );
    expectStatement(statements, {
      actor: 'turkey',
      topic: 'security-guarantees',
      polarity: 'oppose',
      attribution: 'direct',
      speaker: 'Recep Tayyip Erdogan',
    });
    expectNoStatement(statements, { topic: 'talks' });
  });

  it('a name inside it is not the speaker', () => {
    const statements = extract(
      'French President Emmanuel Macron, speaking alongside Keir Starmer, said France would send troops after a ceasefire.',
    );
    const troops = expectStatement(statements, { actor: 'france', topic: 'security-guarantees', polarity: 'support' });
    expect(troops.reportedBy).toBeUndefined();
    expect(troops.speaker).toBe('Emmanuel Macron');
    expectNoStatement(statements, { actor: 'united-kingdom' });
  });
});

describe('a word for talks after "in" or "for" that follows a plain noun', () => {
  it.each([
    ['Lavrov said a breakthrough in the peace talks would not come soon.'],
    ['Finland should not wait for a peace deal before sending more weapons, Stubb said.'],
  ])('is what the noun is about, not the object of a stance: %s', (text) => {
    expectNoStatement(extract(text), { topic: 'talks' });
  });

  it("the stance on the sentence's act stays", () => {
    expectStatement(extract('Finland should not wait for a peace deal before sending more weapons, Stubb said.'), {
      actor: 'finland',
      topic: 'military-aid',
      polarity: 'support',
    });
  });

  it.each([
    ['Lavrov said Russia was ready for talks in Istanbul.', 'russia'],
    ['Zelensky said Ukraine would take part in the talks.', 'ukraine'],
  ])('after a stance word it is the object: %s', (text, actor) => {
    expectStatement(extract(text), { actor, topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
  });
});
