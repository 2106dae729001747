import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.42.0 round (recall on membership, security guarantees and venue across
 * twenty-five writers), each pinned here on sentences written for this test, not taken from the
 * corpus. The shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('entry into and a path into the EU name EU membership', () => {
  it('given a backing of the entry into the European Union, when read, then the holder supports membership (fails under rules@1.40.0)', () => {
    const statements = extract("Sikorski said Poland would back Ukraine's entry into the European Union.");
    expectStatement(statements, {
      actor: 'poland',
      topic: 'eu-membership',
      proposition: 'membership:ukraine',
      polarity: 'support',
    });
  });

  it('given a path into the EU blocked, when read, then the holder opposes membership (fails under rules@1.40.0)', () => {
    const statements = extract("Orban said Hungary would keep blocking Ukraine's path into the EU.");
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'eu-membership',
      proposition: 'membership:ukraine',
      polarity: 'oppose',
    });
  });

  it('given an entry into the EU on a condition, when read, then the stance is conditional (fails under rules@1.40.0)', () => {
    const statements = extract(
      "Nawrocki said Poland would back Ukraine's entry into the European Union once the exhumations were allowed.",
    );
    expectStatement(statements, { actor: 'poland', topic: 'eu-membership', polarity: 'conditional' });
  });

  it('given an entry into a market, when read, then no membership is read (a guard)', () => {
    const statements = extract("Sikorski said Poland would back Ukrainian grain's entry into the Polish market.");
    expect(about(statements, 'poland', 'eu-membership')).toEqual([]);
  });
});

describe('a guarantee against an attack is no opposition', () => {
  it('given troops called the best guarantee against a new invasion, when read, then the speaker is not read opposing them (fails under rules@1.40.0)', () => {
    const statements = extract(
      'Zelensky said European soldiers on Ukrainian soil were the surest guarantee against another invasion.',
    );
    expect(about(statements, 'ukraine', 'security-guarantees').map((s) => s.polarity)).not.toContain('oppose');
  });

  it('given troops the holder is against, when read, then the opposition still comes out (a guard)', () => {
    const statements = extract('Peskov said Russia was against foreign troops in Ukraine.');
    expectStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'oppose' });
  });
});

describe('contributing or committing troops, soldiers or forces names foreign troops', () => {
  it('given soldiers the holder will contribute to a force, when read, then the holder supports the troops (fails under rules@1.40.0)', () => {
    const statements = extract(
      'Sikorski said Poland will contribute soldiers to a European mission in Ukraine after a truce.',
    );
    expectStatement(statements, {
      actor: 'poland',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'support',
    });
  });

  it('given troops the holder will not commit, when read, then the holder opposes the troops (fails under rules@1.40.0)', () => {
    const statements = extract('Crosetto said Italy would not commit troops to the mission.');
    expectStatement(statements, {
      actor: 'italy',
      topic: 'security-guarantees',
      proposition: 'foreign-troops',
      polarity: 'oppose',
    });
  });

  it('given money contributed, when read, then no troops are read (a guard)', () => {
    const statements = extract('Merz said Germany would contribute money to the reconstruction.');
    expect(about(statements, 'germany', 'security-guarantees')).toEqual([]);
  });
});

describe('honoured, proud or glad to host: an offer of the venue', () => {
  it('given a host honoured to host the summit, when read, then the host supports its own venue (fails under rules@1.40.0)', () => {
    const statements = extract('Szijjarto said Hungary was honoured to host the summit.');
    expectStatement(statements, {
      actor: 'hungary',
      topic: 'venue',
      proposition: 'venue:hungary',
      polarity: 'support',
    });
  });

  it('given a host proud to host the meeting, when read, then the host supports its own venue (fails under rules@1.40.0)', () => {
    const statements = extract("Macron said France was proud to host the leaders' meeting.");
    expectStatement(statements, { actor: 'france', topic: 'venue', proposition: 'venue:france', polarity: 'support' });
  });
});

describe("the alliance's door names NATO membership", () => {
  it("given the alliance's door open to Kyiv, when read, then the speaker supports membership (fails under rules@1.40.0)", () => {
    const statements = extract("Rutte said the alliance's door stayed open to Kyiv.");
    expectStatement(statements, {
      actor: 'nato',
      topic: 'nato-membership',
      proposition: 'membership:ukraine',
      polarity: 'support',
    });
  });

  it("given NATO's door to be closed to Ukraine, when read, then the speaker opposes membership (fails under rules@1.40.0)", () => {
    const statements = extract("Lavrov said NATO's door must be closed to Ukraine.");
    expectStatement(statements, { actor: 'russia', topic: 'nato-membership', polarity: 'oppose' });
    expect(about(statements, 'russia', 'nato-membership').map((s) => s.polarity)).not.toContain('support');
  });

  it('given the door of an office, when read, then no membership is read (a guard)', () => {
    const statements = extract('Tusk said the door of his office was open.');
    expect(about(statements, 'poland', 'nato-membership')).toEqual([]);
  });
});
