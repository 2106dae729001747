import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.26.0 round (quotations read wrongly across seventeen writers: a quotation
 * given to the last speaker named when its own attribution names someone else), each pinned here
 * on sentences written for this test, not taken from the corpus. The shared guards (a plain
 * stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a quotation closed by its own attribution is that attribution’s speaker’s, never the last one’s', () => {
  it('given a known speaker whose attribution runs on into a long occasion, when read, then the quotation is that speaker’s (fails under rules@1.25.0)', () => {
    const statements = extract(
      'Polish Foreign Minister Radoslaw Sikorski spoke first. "Ukraine\'s path to NATO is irreversible, whatever Moscow says," Mark Rutte told reporters at the end of a long day of meetings of defence ministers in Brussels.',
    );
    expectStatement(statements, { actor: 'nato', topic: 'nato-membership', polarity: 'support' });
    expectNoStatement(statements, { actor: 'poland', topic: 'nato-membership' });
  });

  it('given a name the rules do not know before the verb, when read, then the quotation is not the last speaker’s (fails under rules@1.25.0)', () => {
    const statements = extract(
      'German Chancellor Friedrich Merz spoke in Berlin on Monday. "Germany wants a ceasefire before the winter comes," Okonkwo said.',
    );
    expect(about(statements, 'germany', 'ceasefire')).toEqual([]);
  });

  it('given an indefinite speaker after the verb, when read, then the quotation is not the last speaker’s (fails under rules@1.25.0)', () => {
    const statements = extract(
      'EU foreign policy chief Kaja Kallas spoke in Brussels. "Traders no longer expect sanctions to be lifted," said an economist at a bank in Vienna.',
    );
    expect(about(statements, 'european-union', 'sanctions')).toEqual([]);
  });

  it('given a quotation over two sentences closed by an unknown name, when read, then neither sentence is the last speaker’s (fails under rules@1.25.0)', () => {
    const statements = extract(
      'German Chancellor Friedrich Merz spoke in Berlin on Monday. "We want a ceasefire before winter. And we want talks to follow it," Okonkwo said.',
    );
    expect(about(statements, 'germany', 'ceasefire')).toEqual([]);
    expect(about(statements, 'germany', 'talks')).toEqual([]);
  });

  it('given the last speaker’s own surname, unknown alone, before the verb, when read, then the quotation stays that speaker’s', () => {
    const statements = extract(
      'Chinese Foreign Minister Wang Yi arrived in Geneva on Monday. "China is ready to play a mediating role between the two sides," Wang told the conference.',
    );
    expectStatement(statements, { actor: 'china', topic: 'mediation', polarity: 'support' });
  });

  it('given a plain trailing attribution, when read, then the quotation is its speaker’s as before', () => {
    const statements = extract(
      'German Chancellor Friedrich Merz spoke in Berlin on Monday. "We want a ceasefire before winter," Zelensky said.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'support' });
    expect(about(statements, 'germany', 'ceasefire')).toEqual([]);
  });

  it('given a dated quotation with a known speaker after a long occasion, when read, then it carries its date (fails under rules@1.25.0)', () => {
    const [statement] = about(
      extract(
        '"Ukraine\'s path to NATO is irreversible," Mark Rutte told reporters on 3 March at the end of a long day of meetings of defence ministers in Brussels.',
        '2025-03-05',
      ),
      'nato',
      'nato-membership',
    );
    expect(statement?.polarity).toBe('support');
    expect(statement?.statedAt.slice(0, 10)).toBe('2025-03-03');
  });
});

describe('"nobody" and "no one" as the subject deny the stance words after them', () => {
  it('given "Nobody in Kyiv will hand over <region>", when read, then the speaker opposes ceding it (fails under rules@1.25.0)', () => {
    const statements = extract(
      '"Nobody in Kyiv will ever hand over Zaporizhzhia," Foreign Minister Andrii Sybiha said.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'support' });
  });

  it('given "Nobody should send troops to Ukraine", when read, then the speaker opposes the troops (fails under rules@1.25.0)', () => {
    const statements = extract(
      '"Nobody should send foreign troops to Ukraine," Russian Foreign Minister Sergei Lavrov said.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'support' });
  });

  it('given the same stance with "never", when read, then it is opposition as before', () => {
    expectStatement(extract('"We will never hand over Zaporizhzhia," Foreign Minister Andrii Sybiha said.'), {
      actor: 'ukraine',
      topic: 'territory',
      polarity: 'oppose',
    });
  });
});
