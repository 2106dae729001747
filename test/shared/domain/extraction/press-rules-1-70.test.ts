import { describe, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.70.0 round (precision: polarity read backwards), each pinned here on
 * sentences written for this test, not taken from the corpus. The shared guards (a plain stance, a
 * dated statement) are in plain-stance-guards.test.ts.
 */

describe("an object pronoun after a refusal of the holder's own last stance", () => {
  it('given a leader who called off a meeting, when he then says he cancelled it, then the cancellation is opposition (fails under rules@1.68.0)', () => {
    const statements = extract(
      'Macron said on Monday that he had called off his planned meeting with Putin in Geneva. "I cancelled it," Macron told reporters.',
    );
    expectStatement(statements, { actor: 'france', topic: 'venue', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'france', topic: 'venue', polarity: 'support' });
  });

  it('given a government that pulled out of talks, when its spokesman says they cancelled them, then it opposes the venue (fails under rules@1.68.0)', () => {
    const statements = extract(
      'The Kremlin said Moscow had pulled out of the planned talks in Istanbul. "We have cancelled them," Peskov said.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'venue', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'russia', topic: 'venue', polarity: 'support' });
  });

  it("given another actor's refusal, when a second actor condemns it, then the pronoun is still that refusal", () => {
    const statements = extract(
      "Slovakia will block the EU's new package of sanctions against Russia, Fico said. Kallas condemned it.",
    );
    expectStatement(statements, { actor: 'slovakia', topic: 'sanctions', polarity: 'oppose' });
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
  });
});

describe('a pronoun after a cue, with a story noun of its topic earlier in the sentence', () => {
  it('given a package another country will block, when the speaker expects every member to back it after naming the package, then it is support (fails under rules@1.68.0)', () => {
    const statements = extract(
      "Slovakia will block the EU's new package of sanctions against Russia, Fico said. Kallas said the package would pass, and that she expected every member to back it.",
    );
    expectStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'support' });
    expectNoStatement(statements, { actor: 'european-union', topic: 'sanctions', polarity: 'oppose' });
  });
});

describe("', provided' before a subject opens a condition", () => {
  it('given a truce accepted, provided guarantees come, when the condition follows a comma, then the truce is conditional (fails under rules@1.68.0)', () => {
    const statements = extract(
      "Ukraine's foreign minister said his country could agree to a truce along the current line, provided it gets firm security guarantees from Europe.",
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'conditional' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'support' });
    expectStatement(statements, { actor: 'ukraine', topic: 'security-guarantees', polarity: 'support' });
  });

  it('given deliveries promised, provided the partners pay, when a possessive opens the condition, then the deliveries are conditional (fails under rules@1.68.0)', () => {
    const statements = extract(
      "Italy's defence minister said Rome would send more air defence systems to Ukraine, provided its partners pay for the transport.",
    );
    expectStatement(statements, { actor: 'italy', topic: 'military-aid', polarity: 'conditional' });
    expectNoStatement(statements, { actor: 'italy', topic: 'military-aid', polarity: 'support' });
  });

  it("given 'provided for' after a comma, when it is the verb, then the plain stance stands", () => {
    expectStatement(
      extract(
        "Italy's defence minister said Rome would send more air defence systems to Ukraine, provided for in the budget.",
      ),
      { actor: 'italy', topic: 'military-aid', polarity: 'support' },
    );
  });
});

describe('a condition ends at a comma before a conjunction or an -ing participle', () => {
  it('given an offer to host if the parties wish, when a second conjunct follows, then the offer stays unconditional (fails under rules@1.68.0)', () => {
    const statements = extract(
      "Qatar's emir said Doha was ready to host both delegations next week if they wish, and to act as a mediator again.",
    );
    expectStatement(statements, { actor: 'qatar', topic: 'talks', polarity: 'support' });
    expectStatement(statements, { actor: 'qatar', topic: 'venue', polarity: 'support' });
    expectNoStatement(statements, { actor: 'qatar', topic: 'venue', polarity: 'conditional' });
  });

  it("given a condition followed by the reporter's participle comment, when the comment names a vote, then what the condition asks is still the holder's (fails under rules@1.68.0)", () => {
    const statements = extract(
      'Zelensky said Ukraine would hold elections within 90 days of a truce, if its partners first signed firm security guarantees, answering fresh pressure from Washington for a vote.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'elections', polarity: 'conditional' });
    expectStatement(statements, { actor: 'ukraine', topic: 'security-guarantees', polarity: 'support' });
  });

  it('given a real condition before ", and", when the first clause names it, then that clause stays conditional', () => {
    const statements = extract(
      'Qatar said Doha would host the talks if Russia halted its strikes on power plants, and would send observers.',
    );
    expectStatement(statements, { actor: 'qatar', topic: 'talks', polarity: 'conditional' });
    expectNoStatement(statements, { actor: 'qatar', topic: 'talks', polarity: 'support' });
  });
});
