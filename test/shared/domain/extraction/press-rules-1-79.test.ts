import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.79.0 round (precision: the false statements that move positions), each
 * pinned here on sentences written for this test, not taken from the corpus. The shared guards
 * (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe("'saw no sign that' another actor wants something: that actor's stance, denied, told by the speaker", () => {
  it('given a president who saw no sign that the Kremlin wanted a ceasefire, when he says so, then Russia opposes it as Poland tells it, and Poland takes no stance (fails under rules@1.78.0)', () => {
    const statements = extract(
      'Polish President Karol Nawrocki said he saw no sign that the Kremlin wanted a ceasefire.',
    );
    const statement = expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose' });
    expect(statement.reportedBy).toBe('poland');
    expectNoStatement(statements, { actor: 'poland', topic: 'ceasefire' });
  });

  it("given 'no signs that Russia was ready for talks', when a prime minister says it, then Russia's readiness is denied, not hers (fails under rules@1.78.0)", () => {
    const statements = extract(
      'Italian Prime Minister Giorgia Meloni said she saw no signs that Russia was ready for talks.',
    );
    const statement = expectStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'oppose' });
    expect(statement.reportedBy).toBe('italy');
    expectNoStatement(statements, { actor: 'italy', topic: 'talks' });
  });

  it("given 'there was no indication that Russia was ready for talks', when the denial ends before 'that', then what follows takes its sign (fails under rules@1.78.0)", () => {
    const statements = extract(
      'Italian Prime Minister Giorgia Meloni said there was no indication that Russia was ready for talks.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'oppose', reportedBy: 'italy' });
    expectNoStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'support' });
  });

  it("given 'did not believe that Russia was ready for talks', when 'that' follows the belief, then the belief's denial still turns the sign (fails under rules@1.78.0)", () => {
    const statements = extract(
      'German Chancellor Friedrich Merz said he did not believe that Russia was ready for talks.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'oppose', reportedBy: 'germany' });
    expectNoStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'support' });
  });

  it("given 'no sign of a Russian delegation', when no 'that' and no holder follow, then no one's stance on talks is read", () => {
    const statements = extract(
      'British Foreign Secretary Yvette Cooper said she saw no sign of a Russian delegation in Riyadh.',
    );
    expectNoStatement(statements, { topic: 'talks' });
  });

  it("given a plain denial of another actor's wish and a plain belief, when no noun of evidence stands between, then they read as before", () => {
    const denied = extract('Polish President Karol Nawrocki said the Kremlin did not want a ceasefire.');
    expectStatement(denied, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose', reportedBy: 'poland' });
    const believed = extract('German Chancellor Friedrich Merz said he believed that Russia was ready for talks.');
    expectStatement(believed, { actor: 'russia', topic: 'talks', polarity: 'support', reportedBy: 'germany' });
  });
});

describe("'at all', 'at once' after a meeting's trigger name no place", () => {
  it("given 'did not want negotiations at all', when the Kremlin says it of Kyiv, then Ukraine opposes talks as Russia tells it (fails under rules@1.78.0)", () => {
    const statements = extract('The Kremlin said Kyiv did not want negotiations at all.');
    expectStatement(statements, { actor: 'ukraine', topic: 'talks', polarity: 'oppose', reportedBy: 'russia' });
  });

  it("given 'not interested in negotiations at all', when a chancellor says it of Russia, then Russia opposes talks as Germany tells it (fails under rules@1.78.0)", () => {
    const statements = extract(
      'German Chancellor Friedrich Merz said Russia was not interested in negotiations at all.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'talks', polarity: 'oppose', reportedBy: 'germany' });
  });

  it('given talks that cannot be held in a named city, when a minister says so, then it is still a stance on the venue, not on talks', () => {
    const statements = extract('Turkish Foreign Minister Hakan Fidan said the talks could not be held in Minsk.');
    expectStatement(statements, { actor: 'turkey', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'turkey', topic: 'talks', polarity: 'oppose' });
  });

  it("given talks that should begin 'at once', when a prime minister says so, then he supports talks", () => {
    const statements = extract('Hungarian Prime Minister Viktor Orban said talks should begin at once.');
    expectStatement(statements, { actor: 'hungary', topic: 'talks', polarity: 'support' });
  });
});
