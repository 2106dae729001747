import { describe, expect, it } from 'vitest';
import { expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.13.0 round (what alerts: quotes, acts and press contradictions), each
 * pinned here on sentences written for this test, not taken from the corpus.
 */

describe('after a quotation, the attribution ends at its first comma', () => {
  it('given a trailing clause about the speaker’s earlier act, when read, then the quotation’s stance is read, not the clause’s (fails under rules@1.12.0)', () => {
    const statements = extract(
      '"We will not accept a ceasefire," Lavrov told reporters on Tuesday, two weeks after he had backed a ceasefire.',
    );
    const quote = expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose' });
    expect(quote.evidence).toBe('quote');
    expect(statements.some((s) => s.actor === 'russia' && s.polarity === 'support')).toBe(false);
  });

  it('given a single-quoted refusal and a trailing clause, when read, then the refusal is a quote (fails under rules@1.12.0)', () => {
    const quote = expectStatement(
      extract(
        "'We will not hold talks in Minsk,' Sybiha told reporters on Tuesday, a week after he had praised the city as a venue.",
      ),
      { actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' },
    );
    expect(quote.evidence).toBe('quote');
  });

  it('given a trailing clause about someone else, when read, then the quotation is still read (fails under rules@1.12.0)', () => {
    expectStatement(
      extract(
        '"We will impose new sanctions on Russia," Kallas told reporters, days after Hungary had blocked the last package.',
      ),
      { actor: 'european-union', topic: 'sanctions', polarity: 'support', attribution: 'direct' },
    );
  });

  it('given ", adding that …" after the attribution, when read, then the added words are still the speaker’s', () => {
    expectStatement(
      extract(
        '"We are ready to meet," Sybiha told reporters on Friday, adding that Kyiv would send a delegation to peace talks in Istanbul.',
      ),
      { actor: 'ukraine', topic: 'talks', polarity: 'support' },
    );
  });
});

describe('a holder carried over from the clause before keeps that clause’s attribution', () => {
  it('given a speaker’s words about another country, continued by "but not …", when read, then both parts are hearsay (fails under rules@1.12.0)', () => {
    const statements = extract(
      'Foreign Minister Andrii Sybiha said Belarus "can host a tribunal one day, but not peace talks."',
    );
    expectStatement(statements, { actor: 'belarus', topic: 'talks', polarity: 'oppose', reportedBy: 'ukraine' });
    expect(statements.some((s) => s.actor === 'belarus' && s.reportedBy === undefined)).toBe(false);
  });

  it('given the speaker’s own country carried over, when read, then it stays the speaker’s direct stance', () => {
    expectStatement(extract('Sybiha said Kyiv wanted peace talks, but not in Minsk.'), {
      actor: 'ukraine',
      topic: 'venue',
      proposition: 'venue:belarus',
      polarity: 'oppose',
      reportedBy: null,
    });
  });
});

describe('a quoted support after the same stance given as conditional is conditional', () => {
  it('given "prepared to accept a ceasefire in return for guarantees" and then "a ceasefire is possible" in quotes, when read, then the quote is conditional (fails under rules@1.12.0)', () => {
    const statements = extract(
      'Ukraine is prepared to accept a ceasefire in return for security guarantees, Sybiha said on Tuesday. "A ceasefire along the current line is possible," he told a broadcaster.',
    );
    const quote = statements.find((s) => s.topic === 'ceasefire' && s.evidence === 'quote');
    expect(quote?.actor).toBe('ukraine');
    expect(quote?.polarity).toBe('conditional');
    expect(statements.some((s) => s.topic === 'ceasefire' && s.polarity === 'support')).toBe(false);
  });

  it('given a quoted support of another proposition, when read, then it stays support', () => {
    expectStatement(
      extract(
        'Sybiha said Ukraine would accept a ceasefire only if it got security guarantees. "We want peace talks," he added.',
      ),
      { actor: 'ukraine', topic: 'talks', polarity: 'support' },
    );
  });

  it('given a quoted opposition after the conditional stance, when read, then it stays an opposition', () => {
    expectStatement(
      extract(
        'Zelensky said Ukraine would hold elections once a ceasefire was in place. "Elections under martial law are impossible," he told reporters.',
      ),
      { actor: 'ukraine', topic: 'elections', polarity: 'oppose' },
    );
  });

  it('given a quoted support with no conditional stance before it, when read, then it stays support', () => {
    expectStatement(extract('"A ceasefire along the current line is possible," Sybiha told a broadcaster.'), {
      actor: 'ukraine',
      topic: 'ceasefire',
      polarity: 'support',
    });
  });
});
