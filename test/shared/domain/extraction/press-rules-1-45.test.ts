import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.45.0 round (recall: the stance read for another holder only, across
 * twenty-five writers), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

const polaritiesOn = (text: string, actor: string, topic: string) =>
  about(extract(text), actor, topic).map((statement) => statement.polarity);

describe('a cue reaches its trigger across a conjunction that closes no verb phrase of its own', () => {
  it('given two modifiers joined after an indefinite article, when read, then the holder supports the trigger (fails under rules@1.44.0)', () => {
    expectStatement(extract('Guterres called for a quick and complete ceasefire in Ukraine.'), {
      actor: 'united-nations',
      topic: 'ceasefire',
      polarity: 'support',
    });
  });

  it('given two verbs coordinated under a deontic cue, when read, then the holder supports the second verb phrase (fails under rules@1.44.0)', () => {
    expectStatement(extract('Erdogan said all parties should calm the rhetoric and resume negotiations.'), {
      actor: 'turkey',
      topic: 'talks',
      polarity: 'support',
    });
  });

  it('given a quoted deontic cue over two verbs, when read, then the speaker supports the second verb phrase (fails under rules@1.44.0)', () => {
    expectStatement(extract('"Brussels should pick up the phone and start talking to Moscow," Orban said.'), {
      actor: 'hungary',
      topic: 'talks',
      polarity: 'support',
    });
  });

  it('given a verb cue with its own object before the conjunction, when read, then it still does not reach the trigger after it', () => {
    expect(
      polaritiesOn('Erdogan urged Russia to end the bombardment and resume negotiations.', 'turkey', 'talks'),
    ).toEqual(['support']);
  });

  it('given a verb cue with its own definite object, when read, then the second verb phrase is still read on its own', () => {
    expect(
      polaritiesOn('Guterres urged Russia to stop the shelling and resume talks.', 'united-nations', 'talks'),
    ).toEqual(['support']);
  });
});

describe('guards of this round: a plain deontic stance and a dated coordinated one still come out', () => {
  it('given a deontic stance with no conjunction, when read, then it is read as before', () => {
    expectStatement(extract('Erdogan said on Monday that the two sides should resume negotiations.'), {
      actor: 'turkey',
      topic: 'talks',
      polarity: 'support',
    });
  });

  it('given coordinated modifiers in a statement dated in its reporting clause, when read, then it carries that date (fails under rules@1.44.0)', () => {
    const found = expectStatement(
      extract('Macron said on Tuesday that Europe wanted a just and lasting ceasefire.', '2025-11-06'),
      { actor: 'france', topic: 'ceasefire', polarity: 'support' },
    );
    expect(found.statedAt).toBe('2025-11-04');
  });
});
