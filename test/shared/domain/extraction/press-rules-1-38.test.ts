import { describe, expect, it } from 'vitest';
import { about, expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.38.0 round (precision on membership, guarantees, funding, elections,
 * mediation and prisoners across twenty-three writers: conditions that are no condition, the one a
 * demand is made of or an unnamed speaker's "it" read as a holder, a condition's second conjunct
 * read as a stance, collateral read as opposition), each pinned here on sentences written for this
 * test, not taken from the corpus. The shared guards (a plain stance, a dated statement) are in
 * plain-stance-guards.test.ts.
 */

describe('a consent condition is an offer’s courtesy, not a condition', () => {
  it('given "ready to act as a go-between if both sides want it", when read, then the offer is plain support (fails under rules@1.37.0)', () => {
    const statements = extract(
      'Turkey is ready to act as a go-between for Moscow and Kyiv if both sides want it, Foreign Minister Hakan Fidan said on Tuesday.',
    );
    expectStatement(statements, { actor: 'turkey', topic: 'mediation', polarity: 'support' });
    expectNoStatement(statements, { actor: 'turkey', topic: 'mediation', polarity: 'conditional' });
  });

  it('given "for as long as both trust us", when read, then the offer is plain support (fails under rules@1.37.0)', () => {
    const statements = extract(
      'Qatar stands ready to keep mediating between the two capitals for as long as both trust us, a Qatari official said.',
    );
    expectStatement(statements, { actor: 'qatar', topic: 'mediation', polarity: 'support' });
    expectNoStatement(statements, { actor: 'qatar', topic: 'mediation', polarity: 'conditional' });
  });

  it('given a condition that names one party ("if Russia wants it"), when read, then it stays conditional (a guard)', () => {
    expectStatement(extract('Turkey is ready to mediate if Russia wants it, Fidan said.'), {
      actor: 'turkey',
      topic: 'mediation',
      polarity: 'conditional',
    });
  });
});

describe('an opening condition runs through its "that" to its comma', () => {
  it('given "The day Kyiv puts into its constitution that it will never join NATO, the war will end", when read, then the speaker opposes membership, not conditionally (fails under rules@1.37.0)', () => {
    const statements = extract(
      '"The day Kyiv puts into its constitution that it will never join NATO, the war will end," Lavrov said.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'nato-membership', polarity: 'oppose' });
    expectNoStatement(statements, { topic: 'nato-membership', polarity: 'conditional' });
  });

  it('given "said the same day that …", when read, then a marker right before "that" opens no condition (a guard)', () => {
    expectStatement(extract('Zelensky said the same day that Ukraine was ready for a ceasefire.'), {
      actor: 'ukraine',
      topic: 'ceasefire',
      polarity: 'support',
    });
  });
});

describe('the one a demand is made of is no holder', () => {
  it('given "repeated Moscow’s demand that Ukraine renounce its bid to join NATO", when read, then Ukraine is given no stance, Russia opposes (fails under rules@1.37.0)', () => {
    const statements = extract(
      "Lavrov again rejected Kyiv's demand that Russia withdraw from Zaporizhzhia, and repeated Moscow's demand that Ukraine renounce its bid to join NATO.",
    );
    expectStatement(statements, { actor: 'russia', topic: 'nato-membership', polarity: 'oppose' });
    expect(about(statements, 'ukraine', 'nato-membership')).toEqual([]);
  });
});

describe('"it" after a reporting verb whose speaker the rules cannot name is that speaker', () => {
  it('given "The central election commission has said it would need five months to organise a vote", when read, then the last actor named is given no stance (fails under rules@1.37.0)', () => {
    const statements = extract(
      'Putin said the vote was overdue. The Ukrainian central election commission has said it would need at least five months to organise a vote.',
    );
    expectNoStatement(statements, { topic: 'elections' });
  });

  it('given a known actor and its "it" ("The Kremlin has said it would back a ceasefire"), when read, then it is still that actor’s stance (a guard)', () => {
    expectStatement(extract('Putin said the vote was overdue. The Kremlin has said it would back a ceasefire.'), {
      actor: 'russia',
      topic: 'ceasefire',
      polarity: 'support',
    });
  });
});

describe('a condition’s second conjunct is still the condition', () => {
  it('given "if the United States and Europe gave it binding security guarantees", when read, then what the condition asks is the speaker’s, not the US’s (fails under rules@1.37.0)', () => {
    const statements = extract(
      'Zelensky said Ukraine could freeze its NATO bid if the United States and Europe gave it binding security guarantees.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'nato-membership', polarity: 'conditional' });
    expectStatement(statements, { actor: 'ukraine', topic: 'security-guarantees', polarity: 'support' });
    expect(about(statements, 'united-states', 'security-guarantees')).toEqual([]);
  });

  it('given "if the war ended and Russia withdrew its troops", when read, then the stance stays conditional (a guard)', () => {
    expectStatement(
      extract('Zelensky said Ukraine would hold elections if the war ended and Russia withdrew its troops.'),
      {
        actor: 'ukraine',
        topic: 'elections',
        polarity: 'conditional',
      },
    );
  });
});

describe('lending against assets is collateral, not opposition', () => {
  it('given "veto any plan to lend Ukraine money against immobilised Russian assets", when read, then the veto opposes the plan (fails under rules@1.37.0)', () => {
    const statements = extract(
      'Orban said Hungary would veto any plan to lend Ukraine money against immobilised Russian central bank assets.',
    );
    expectStatement(statements, { actor: 'hungary', topic: 'funding', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'hungary', topic: 'funding', polarity: 'support' });
  });

  it('given "will borrow against the cash balances of immobilised Russian assets", when read, then no opposition is read (fails under rules@1.37.0)', () => {
    const statements = extract(
      'The EU will borrow against the cash balances of immobilised Russian assets, Kallas said.',
    );
    expectNoStatement(statements, { topic: 'funding', polarity: 'oppose' });
  });

  it('given "was against the use of frozen Russian assets", when read, then it is still opposition (a guard)', () => {
    expectStatement(
      extract(
        'Hungary said it would veto the plan, and Orban added that Budapest was against the use of frozen Russian assets.',
      ),
      { actor: 'hungary', topic: 'funding', polarity: 'oppose' },
    );
  });
});

describe('urgency and unconditional offers are no condition and no opposition', () => {
  it('given "should hold elections \\"as soon as possible\\"", when read, then it is support, not conditional (fails under rules@1.37.0)', () => {
    const statements = extract(
      'Trump said Ukraine should hold elections "as soon as possible", adding that it had been a long time since Ukrainians voted.',
    );
    expectStatement(statements, { actor: 'united-states', topic: 'elections', polarity: 'support' });
    expectNoStatement(statements, { topic: 'elections', polarity: 'conditional' });
  });

  it('given "ready to exchange all for all, today, without preconditions", when read, then no opposition to the exchange is read (fails under rules@1.37.0)', () => {
    const statements = extract(
      'Ukrainian Foreign Minister Andrii Sybiha said Kyiv wanted an all-for-all exchange of prisoners. "We are ready to exchange all for all, today, without preconditions," he said.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'prisoners', polarity: 'support' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'prisoners', polarity: 'oppose' });
  });

  it('given "agree to a ceasefire without preconditions, and move to negotiations", when read, then the talks are supported (fails under rules@1.37.0)', () => {
    const statements = extract(
      '"All parties should agree to a ceasefire without preconditions, and move to negotiations," Chinese Foreign Minister Wang Yi said.',
    );
    expectStatement(statements, { actor: 'china', topic: 'talks', polarity: 'support' });
    expectNoStatement(statements, { actor: 'china', topic: 'talks', polarity: 'oppose' });
  });
});
