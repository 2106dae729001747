import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * The rules, pinned by pattern rather than by sentence: each case states one rule and checks it on
 * several phrasings written for this test. The labelled corpus (npm run eval) measures how far the
 * rules generalise; these tests say what each rule is.
 */

describe('attribution: who speaks', () => {
  it.each([
    'Zelensky said Ukraine was ready for a ceasefire.',
    'Ukrainian President Volodymyr Zelensky stressed that Kyiv was ready for a ceasefire.',
    'Zelensky affirmed on Monday that the country was ready for a ceasefire.',
    'Ukraine is ready for a ceasefire, Zelensky said.',
    '"We are ready for a ceasefire," Zelensky told reporters.',
    '"We are ready for a ceasefire," said Zelensky.',
    'According to Zelensky, Ukraine is ready for a ceasefire.',
    'Ukraine is ready for a ceasefire, according to Zelensky.',
  ])('reporting verbs, trailing attribution, quotes and "according to": %s', (text) => {
    expectStatement(extract(text), {
      actor: 'ukraine',
      topic: 'ceasefire',
      polarity: 'support',
      attribution: 'direct',
      reportedBy: null,
      speaker: 'Volodymyr Zelensky',
    });
  });

  it.each([
    [
      'Zelensky arrived in Brussels on Monday. He said Ukraine needed more air defence.',
      'ukraine',
      'Volodymyr Zelensky',
    ],
    [
      'Putin spoke to reporters in Moscow. The Russian leader said he opposed any Western peacekeepers.',
      'russia',
      'Vladimir Putin',
    ],
    [
      'Sergei Lavrov met his Turkish counterpart. The minister said Moscow rejected a truce.',
      'russia',
      'Sergei Lavrov',
    ],
    ['Lavrov spoke first. Then Rubio said Washington backed new sanctions.', 'united-states', 'Marco Rubio'],
  ])('pronouns and roles resolve to the last named speaker: %s', (text, actor, speaker) => {
    const statements = extract(text);
    expect(statements.length, JSON.stringify(statements)).toBeGreaterThan(0);
    for (const statement of statements) {
      expect(statement.actor).toBe(actor);
      expect(statement.speaker).toBe(speaker);
    }
  });

  it.each([
    ['Kyiv rejected any territorial concessions.', 'ukraine'],
    ['Kiev rejected any territorial concessions.', 'ukraine'],
    ['Moscow rejected any territorial concessions.', 'russia'],
    ['Washington rejected any territorial concessions.', 'united-states'],
    ['Brussels rejected any territorial concessions.', 'european-union'],
    ['Beijing rejected any territorial concessions.', 'china'],
  ])('capitals stand for their countries, reported by the narrator: %s', (text, actor) => {
    expectStatement(extract(text), { actor, topic: 'territory', polarity: 'oppose', attribution: 'reported' });
  });

  it.each([
    ['The Kremlin said it would not accept a ceasefire.', 'russia'],
    ['The White House said it would not accept a ceasefire.', 'united-states'],
    ['Russian officials said they would not accept a ceasefire.', 'russia'],
    ['Kremlin spokesman Dmitry Peskov said Moscow would not accept a ceasefire.', 'russia'],
    ["Russia's foreign minister said Moscow would not accept a ceasefire.", 'russia'],
  ])('institutions and officials speak for their actor, directly: %s', (text, actor) => {
    expectStatement(extract(text), { actor, topic: 'ceasefire', polarity: 'oppose', attribution: 'direct' });
  });

  it('the narrator reports a stance as fact: "Russia demands …"', () => {
    expectStatement(extract('Russia demands that Ukraine cede more territory.'), {
      actor: 'russia',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'support',
      attribution: 'reported',
    });
  });

  it('an action is reported, a speech act by a person is direct', () => {
    expectStatement(extract('President Trump imposed sanctions on Russian oil companies.'), {
      actor: 'united-states',
      topic: 'sanctions',
      polarity: 'support',
      attribution: 'reported',
    });
    expectStatement(extract('President Trump called for tougher sanctions on Russia.'), {
      actor: 'united-states',
      topic: 'sanctions',
      polarity: 'support',
      attribution: 'direct',
    });
  });

  it('names must be capitalised: "china" and "turkey" are not countries', () => {
    expect(extract('the shop sold fine china and said it wanted a ceasefire in the kitchen.')).toEqual([]);
  });
});

/** A first sentence the rules read nothing from. */
const NEUTRAL_LEDE = 'The war entered its fourth year.';

describe('hearsay: one party characterising another', () => {
  it.each([
    ['Trump said Putin does not want a ceasefire.', 'russia', 'ceasefire', 'oppose', 'united-states'],
    ['Zelensky said Moscow demands all of Donetsk.', 'russia', 'territory', 'support', 'ukraine'],
    ['Peskov said Kyiv was refusing to negotiate.', 'ukraine', 'talks', 'oppose', 'russia'],
    [
      'Lavrov accused European capitals of sabotaging the peace process.',
      'european-union',
      'talks',
      'oppose',
      'russia',
    ],
    ['Zelensky said Orban was blocking new sanctions against Russia.', 'hungary', 'sanctions', 'oppose', 'ukraine'],
  ])('%s', (text, actor, topic, polarity, reportedBy) => {
    // In the body of a story: a document's first sentence is read right more often (the confidence's
    // `lede` term), and may lift a lone hearsay sentence to 0.7. A two-sentence document counts as
    // the shortest development document (400 characters, `documentLength`), where statements are
    // right more often than in long ones (hearsay too: 9 of 11 under 740 characters against 36 of
    // 57 over 1,460): since the second feature round (rules@1.87.0) such a sentence scores 0.7 to
    // 0.8 there. Hearsay moves no position whatever its confidence (docs/positions.md).
    const statement = expectStatement(extract(`${NEUTRAL_LEDE} ${text}`), {
      actor,
      topic,
      polarity: polarity as 'support' | 'oppose',
      attribution: 'reported',
      reportedBy,
    });
    expect(statement.confidence).toBeLessThan(0.8);
  });

  it("the speaker hoping another actor acts is the speaker's own stance, not hearsay", () => {
    const statements = extract('"We hope that China will put pressure on Russia," Zelensky said.');
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'mediation',
      proposition: 'mediation:china',
      polarity: 'support',
      reportedBy: null,
    });
    expectNoStatement(statements, { actor: 'china' });
  });

  it('"must" states the speaker\'s demand on someone else', () => {
    const statements = extract('Putin said Ukraine must hold elections.');
    expectStatement(statements, { actor: 'russia', topic: 'elections', polarity: 'support', reportedBy: null });
    expectNoStatement(statements, { actor: 'ukraine' });
  });
});

describe('several actors in one sentence', () => {
  it.each([
    'Russia demanded that Ukraine cede Donetsk, a request that both Ukraine and the US have rejected.',
    'Moscow insisted on territorial concessions, a demand that Kyiv and Washington rejected.',
  ])('an anaphor carries the proposition to a relative clause: %s', (text) => {
    const statements = extract(text);
    expectStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'support' });
    expectStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'oppose' });
    expectStatement(statements, { actor: 'united-states', topic: 'territory', polarity: 'oppose' });
  });

  it.each([
    'Britain, France and Germany called for an immediate ceasefire.',
    'Britain, France and Germany said they backed an immediate ceasefire.',
  ])('coordinated holders each take the stance: %s', (text) => {
    const statements = extract(text);
    for (const actor of ['united-kingdom', 'france', 'germany']) {
      expectStatement(statements, { actor, topic: 'ceasefire', polarity: 'support' });
    }
  });

  it('a noun cue has its own holder: "Ukraine rejected Russia\'s demand for Donetsk"', () => {
    const statements = extract("Ukraine rejected Russia's demand for all of Donetsk.");
    expectStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'oppose' });
    expectStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'support' });
  });

  it('a passive cue after the object says what is to happen to it: "a demand that sanctions be eased"', () => {
    const statements = extract("Zelensky rejected Russia's demand that Western sanctions be eased.");
    expectStatement(statements, { actor: 'ukraine', topic: 'sanctions', polarity: 'support' });
    expectStatement(statements, { actor: 'russia', topic: 'sanctions', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'sanctions', polarity: 'oppose' });
  });

  it('an act with a "by" agent is not the speaker\'s: "any decision by Washington to supply missiles"', () => {
    const statements = extract(
      'Peskov warned that any decision by Washington to supply Kyiv with Tomahawk missiles would mark a new stage of escalation.',
    );
    expectNoStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'support' });
  });

  it('rejecting "the idea that" a trigger could happen opposes it, with the trigger as the subject', () => {
    const statements = extract(
      'Peskov rejected the idea that Western security guarantees could form part of a settlement.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'russia', topic: 'security-guarantees', polarity: 'support' });
  });

  it('the moment something happens is a condition: "the fighting would end the moment Kyiv leaves Donbas"', () => {
    const statements = extract('Lavrov said the fighting would end the moment Kyiv withdraws from Donbas.');
    expectStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'support' });
    expectNoStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'oppose' });
  });

  it('rejecting a demand to drop something supports it: signs multiply through anaphors', () => {
    const statements = extract('Russia demanded that Kyiv abandon its bid to join NATO. Ukraine rejected the demand.');
    expectStatement(statements, { actor: 'russia', topic: 'nato-membership', polarity: 'oppose' });
    expectStatement(statements, { actor: 'ukraine', topic: 'nato-membership', polarity: 'support' });
  });
});

describe('polarity from negation and modality', () => {
  it.each([
    'Ukraine will not withdraw from any more territory.',
    'Ukraine would not cede land, Zelensky said.',
    'Zelensky refuses to cede any territory.',
    'Zelensky rejects territorial concessions.',
    'Kyiv will never give up Donbas.',
    'Ukraine will make no territorial concessions.',
    'Territorial concessions are out of the question, Zelensky said.',
  ])('oppose: %s', (text) => {
    expectStatement(extract(text), {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it.each([
    'Ukraine is ready to hold talks with Russia.',
    'Ukraine is willing to negotiate, Zelensky said.',
    'Zelensky called for direct talks with Putin.',
    'Zelensky hopes for talks before winter.',
    'Kyiv wants peace talks to begin soon.',
    'Ukraine demanded talks at the highest level.',
  ])('support: %s', (text) => {
    expectStatement(extract(text), { actor: 'ukraine', topic: 'talks', polarity: 'support' });
  });

  it.each([
    'Russia could consider a ceasefire if Ukraine withdrew from Donetsk.',
    'Russia would agree to a ceasefire in exchange for the lifting of sanctions.',
    'Russia would accept a ceasefire only after Ukraine gave up its NATO bid.',
    'If Ukraine leaves Donetsk, Russia could agree to a truce.',
    'Russia would not accept a ceasefire unless Ukraine dropped its NATO bid.',
  ])('conditional: %s', (text) => {
    expectStatement(extract(text), { actor: 'russia', topic: 'ceasefire', polarity: 'conditional' });
  });

  it('what a condition asks for is supported: "… only after Ukraine withdraws from Donetsk"', () => {
    expectStatement(extract('Peskov said Russia could agree to a truce only after Ukraine withdraws from Donetsk.'), {
      actor: 'russia',
      topic: 'territory',
      polarity: 'support',
    });
  });

  it.each([
    ['Hungary does not want to lift sanctions on Russia.', 'support'],
    ['Hungary wants to lift sanctions on Russia.', 'oppose'],
    ['Hungary no longer opposes new sanctions on Russia.', 'support'],
    ['Hungary refused to block new sanctions on Russia.', 'support'],
  ])('signs multiply along the chain: %s', (text, polarity) => {
    expectStatement(extract(text), {
      actor: 'hungary',
      topic: 'sanctions',
      proposition: 'sanctions:russia',
      polarity: polarity as 'support' | 'oppose',
    });
  });

  it('a negation does not leak into a coordinated clause', () => {
    const statements = extract('Ukraine will not cede territory but wants a ceasefire.');
    expectStatement(statements, { actor: 'ukraine', topic: 'territory', polarity: 'oppose' });
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'support' });
  });

  it('"not X, not Y" is two denials, not a double negation', () => {
    expectNoStatement(extract('"We will not give up our land. Not Donbas, not Kherson," Zelensky said.'), {
      topic: 'territory',
      polarity: 'support',
    });
  });
});

describe('venues as sets', () => {
  it.each([
    'Zelensky said talks could take place anywhere, except in Russia or Belarus.',
    'Ukraine is willing to negotiate anywhere but not in Russia or Belarus, Zelensky said.',
    'Zelensky is ready to meet anywhere apart from Russia and Belarus.',
  ])('"anywhere except A or B": %s', (text) => {
    const statements = extract(text);
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', proposition: 'venue:any', polarity: 'support' });
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', proposition: 'venue:russia', polarity: 'oppose' });
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' });
  });

  it('"including in X" keeps the polarity; a possessive place is a description', () => {
    const statements = extract(
      "Zelensky is willing to attend talks anywhere, including in Hungary, except in Belarus, Moscow's ally.",
    );
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'venue',
      proposition: 'venue:hungary',
      polarity: 'support',
    });
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' });
    expectNoStatement(statements, { proposition: 'venue:russia' });
  });

  it.each([
    ['Lavrov said Moscow was ready to resume talks in Istanbul.', 'russia', 'venue:turkey', 'support'],
    ['Erdogan offered to host the next round of talks.', 'turkey', 'venue:turkey', 'support'],
    ['Ukraine rejected Minsk as a venue for talks.', 'ukraine', 'venue:belarus', 'oppose'],
    ['The talks cannot take place in Moscow, Zelensky said.', 'ukraine', 'venue:russia', 'oppose'],
  ])('cities map to countries, hosts offer their own: %s', (text, actor, proposition, polarity) => {
    const statements = extract(text);
    expectStatement(statements, { actor, topic: 'venue', proposition, polarity: polarity as 'support' | 'oppose' });
    // A negated venue is about the place, not about talking.
    expectNoStatement(statements, { topic: 'talks', polarity: 'oppose' });
  });

  it('where something happened is not where someone wants talks', () => {
    expectNoStatement(extract('Ukraine accepted the proposal at talks in Jeddah.'), { topic: 'venue' });
  });
});

describe('slots and propositions', () => {
  it.each([
    ['Zelensky called for tougher sanctions against Russia.', 'sanctions:russia'],
    ['Zelensky called for tougher sanctions.', 'sanctions:russia'],
    ['Ukraine needs funding from its European allies.', 'funding:european-union'],
    ['Zelensky urged Beijing to use its influence over Moscow.', 'mediation:china'],
    ['Zelensky said Ukraine still wanted to join NATO.', 'membership:ukraine'],
  ])('%s → %s', (text, proposition) => {
    expectStatement(extract(text), {
      actor: 'ukraine',
      topic: proposition.split(':')[0] === 'membership' ? 'nato-membership' : proposition.split(':')[0]!,
      proposition,
      polarity: 'support',
    });
  });

  it('"respect territorial integrity" opposes ceding territory', () => {
    expectStatement(extract('Turkey insists that any settlement must respect the territorial integrity of Ukraine.'), {
      actor: 'turkey',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });
});

describe('no statement without a stance', () => {
  it.each([
    'Diplomatic efforts to reach a ceasefire are under way.',
    'The summit in Budapest was postponed.',
    'Officials from both sides will meet this weekend to discuss a ceasefire plan.',
    'Sanctions on Russian oil took effect on Friday.',
    'Ukrainian and European officials met in Geneva on Sunday.',
    'Dynamo Kyiv beat Shakhtar Donetsk 2-1 in the derby.',
    'The company said it was ready to expand its factory near Warsaw.',
  ])('%s', (text) => {
    expect(extract(text)).toEqual([]);
  });
});

describe('dates of statements', () => {
  it.each([
    ['On Monday, Zelensky said Ukraine was ready for a ceasefire.', '2025-11-03'],
    ['Zelensky said on Monday that Ukraine was ready for a ceasefire.', '2025-11-03'],
    ['Ukraine is ready for a ceasefire, Zelensky said on Sunday.', '2025-11-02'],
    ['On October 28, Zelensky said Ukraine was ready for a ceasefire.', '2025-10-28'],
    ['Last week, Zelensky said Ukraine was ready for a ceasefire.', '2025-10-28'],
    ['Zelensky said Ukraine was ready for a ceasefire.', '2025-11-04'],
  ])('the reporting clause dates the statement: %s', (text, date) => {
    expectStatement(extract(text, '2025-11-04'), { actor: 'ukraine', topic: 'ceasefire', polarity: 'support' });
    for (const statement of extract(text, '2025-11-04')) expect(statement.statedAt).toBe(date);
  });

  it('a date inside what was said is not when it was said', () => {
    for (const statement of extract(
      'Zelensky said Ukraine would agree to a ceasefire at a meeting this weekend.',
      '2025-11-04',
    )) {
      expect(statement.statedAt).toBe('2025-11-04');
    }
  });

  it('a weekday never resolves to a date after publication', () => {
    for (const statement of extract(
      'Zelensky said on Thursday that Ukraine was ready for a ceasefire.',
      '2025-11-04',
    )) {
      expect(statement.statedAt).toBe('2025-10-30');
    }
  });

  it('keeps a timestamp publication date as the default', () => {
    const [statement] = extract('Zelensky said Ukraine was ready for a ceasefire.', '2025-11-04T09:30:00Z');
    expect(statement?.statedAt).toBe('2025-11-04T09:30:00Z');
  });
});

describe('confidence', () => {
  // Each sentence after the same first one: the order of the evidence kinds, all else equal (a
  // document's first sentence adds the same `lede` term to all, which at two decimals can tie them).
  const confidence = (text: string) => {
    const statement = extract(`${NEUTRAL_LEDE} ${text}`).find((s) => s.topic === 'ceasefire');
    expect(statement, text).toBeDefined();
    return statement!.confidence;
  };

  // The order the fitted model gives (confidence-weights.json, docs/positions.md "Confidence: what
  // the number means"): on the development sets a named speaker's reported words are right more
  // often than the same speaker quoted, and hearsay least often of all. An unnamed official's
  // reported words may tie them at two decimals: since press-24 and press-25 (analysis pieces and
  // press reviews, full of unnamed officials) joined the fit at rules@1.40.0, anonymity costs little.
  // The speaker quoted may tie them too: since the refit at rules@1.46.0 (fewer false ceasefire
  // tuples, the ceasefire term -0.09 → +0.11) both read 0.86 at two decimals on a ceasefire. Since
  // the refit at rules@1.63.0 (a quotation whose own attribution names someone else, or someone the
  // rules cannot name, is no longer the last speaker's: quote 549 right / 110 wrong → 551 / 104)
  // the speaker quoted reads above (0.89 against 0.87): both stay above every other form.
  it('a named speaker, reported or quoted, scores highest; unnamed sources, analysts and the narrator lower; hearsay lowest', () => {
    const quoted = confidence('"Russia will never accept a ceasefire," Lavrov said.');
    const reported = confidence('Lavrov said Russia would never accept a ceasefire.');
    const narrated = confidence('Russia rejects a ceasefire.');
    const anonymous = confidence(
      'A senior Russian official, speaking on condition of anonymity, said Moscow rejected a ceasefire.',
    );
    const sources = confidence('Sources said Russia rejected a ceasefire.');
    const analysts = confidence('Analysts said Russia was unlikely to accept a ceasefire.');
    const hearsay = confidence('Zelensky said Russia rejected a ceasefire.');
    for (const other of [narrated, sources, analysts, hearsay]) expect(reported).toBeGreaterThan(other);
    expect(reported).toBeGreaterThanOrEqual(anonymous);
    for (const other of [narrated, sources, analysts, hearsay]) expect(quoted).toBeGreaterThan(other);
    for (const other of [quoted, narrated, anonymous, sources, analysts]) expect(hearsay).toBeLessThan(other);
    expect(sources).toBeLessThan(anonymous);
  });

  // No development document's statement is hedged, so the fit has nothing to weigh a hedge with: it
  // leaves the number where it is (docs/positions.md). It must never raise it.
  it('a hedge never raises confidence', () => {
    expect(confidence('Russia reportedly rejected a ceasefire.')).toBeLessThanOrEqual(
      confidence('Russia rejected a ceasefire.'),
    );
  });
});

describe('the neutral first sentence the confidence tests put before theirs', () => {
  it('yields no statement', () => {
    expect(extract(NEUTRAL_LEDE)).toEqual([]);
  });
});
