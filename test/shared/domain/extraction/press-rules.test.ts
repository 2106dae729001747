import { describe, expect, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.3.0 round (issue 14), each motivated by several press documents and pinned
 * here on sentences written for this test, not taken from the corpus.
 */

describe('a capitalised modal inside a sentence is a name', () => {
  it.each([
    'Zelensky won the presidency in 2019. It was his first address since the election in May.',
    'Putin arrived in Minsk. It was his first trip abroad since the election in May 2024.',
  ])('the month "May" governs no trigger: %s', (text) => {
    expectNoStatement(extract(text), { topic: 'elections' });
  });

  it('a lowercase modal still governs one', () => {
    expectStatement(extract('Zelensky said an election may follow a ceasefire.'), {
      actor: 'ukraine',
      topic: 'elections',
      polarity: 'support',
    });
  });
});

describe('a finite subordinate clause has its own subject', () => {
  it.each([
    ['Germany pressed ahead with the pipeline study before any peace deal was signed.', 'germany'],
    ['Hungary kept its embassy open in Kyiv because talks on a ceasefire had stalled.', 'hungary'],
    ['France reopened its consulate in Odesa after the ceasefire was agreed.', 'france'],
    ['Slovakia kept buying gas while sanctions on Russian banks were tightened.', 'slovakia'],
  ])('the main clause’s subject does not hold its stance: %s', (text, actor) => {
    expectNoStatement(extract(text), { actor });
  });

  it('a participle after the subordinating word shares the subject', () => {
    const statements = extract('Kyiv joined the talks while refusing any ceasefire.');
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'oppose' });
  });
});

describe('a capitalised verb or stance word inside a name is part of the name', () => {
  it('"the United States" is no reporting verb: every country of the list holds the stance', () => {
    const statements = extract('Slovakia, the United States and Finland backed new sanctions on Russia.');
    for (const actor of ['slovakia', 'united-states', 'finland']) {
      expectStatement(statements, { actor, topic: 'sanctions', polarity: 'support', reportedBy: null });
    }
  });

  it('an outlet in a dateline ("The Black Sea Post") speaks for no one', () => {
    const statements = extract(
      "ODESA, Ukraine, March 3 (The Black Sea Post) - Zelensky rejected Moscow's demand that Ukraine surrender Donetsk.",
    );
    expectStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'support', reportedBy: null });
  });
});

describe('a trailing attribution ends where the narrator resumes', () => {
  it.each([
    [
      'Kyiv will not cede Donetsk, Foreign Minister Andrii Sybiha said on Monday, while Moscow rejected any truce.',
      { actor: 'ukraine', topic: 'territory', polarity: 'oppose' as const, speaker: 'Andrii Sybiha' },
    ],
    [
      'Hungary will veto new sanctions, Peter Szijjarto said on Monday, after Brussels proposed a ceasefire plan.',
      { actor: 'hungary', topic: 'sanctions', polarity: 'oppose' as const, speaker: 'Peter Szijjarto' },
    ],
    [
      'Russia is ready for talks in Istanbul, Kremlin spokesman Dmitry Peskov said on Tuesday, as Kyiv rejected any ceasefire.',
      { actor: 'russia', topic: 'talks', polarity: 'support' as const, speaker: 'Dmitry Peskov' },
    ],
  ])('the words before ", X said on Monday, as/while …" are the speaker’s: %s', (text, expected) => {
    expectStatement(extract(text), { ...expected, attribution: 'direct' });
  });

  it('the clause after the frame end is the narrator’s', () => {
    const statements = extract(
      'Kyiv will not cede Donetsk, Foreign Minister Andrii Sybiha said on Monday, while Moscow rejected any truce.',
    );
    const truce = expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose' });
    expect(truce.speaker).toBeUndefined();
  });
});

describe('in the narrator’s words, "he" is the person named before it in the sentence', () => {
  it.each([
    'Talks resumed in Geneva, Finnish President Alexander Stubb said on Monday, as he pledged new sanctions on Russia.',
    'Delegations met in Istanbul, President Alexander Stubb said on Friday, as he called for new sanctions on Russia.',
  ])('%s', (text) => {
    expectStatement(extract(text), {
      actor: 'finland',
      topic: 'sanctions',
      polarity: 'support',
      speaker: 'Alexander Stubb',
    });
  });
});

describe('a cue whose own object ends at "and" does not reach the next verb phrase', () => {
  it.each([
    ['Stubb urged the Kremlin to stop playing games and come to the negotiating table.', 'finland'],
    ['Meloni urged both sides to stop arguing and sit down for peace talks.', 'italy'],
    ['Lavrov urged Kyiv to stop the stalling and come to the negotiating table.', 'russia'],
  ])('"stop X and come to the table" supports the talks: %s', (text, actor) => {
    const statements = extract(text);
    expectStatement(statements, { actor, topic: 'talks', polarity: 'support' });
    expectNoStatement(statements, { actor, topic: 'talks', polarity: 'oppose' });
  });

  it('a list of objects after the cue still shares it', () => {
    expectStatement(extract('Poland rejected new tariffs and sanctions on Belarus.'), {
      actor: 'poland',
      topic: 'sanctions',
      polarity: 'oppose',
    });
  });
});

describe('a frame inside another actor’s frame is that actor’s report', () => {
  it.each([
    [
      'Sybiha said on Monday that Wang Yi had told him Beijing was ready to mediate.',
      'china',
      'mediation',
      'support',
      'ukraine',
    ],
    [
      'Erdogan said Zelensky had made clear that Ukraine would never give up Donbas.',
      'ukraine',
      'territory',
      'oppose',
      'turkey',
    ],
  ] as const)('%s', (text, actor, topic, polarity, reportedBy) => {
    const statement = expectStatement(extract(text), { actor, topic, polarity, reportedBy });
    expect(statement.attribution).toBe('reported');
  });

  it('within one actor it stays the actor’s own words', () => {
    expectStatement(extract('The Kremlin said Putin had told Trump that Russia was ready for talks.'), {
      actor: 'russia',
      topic: 'talks',
      polarity: 'support',
      reportedBy: null,
    });
  });
});

describe('a reporting verb after "and" shares the subject of the one before', () => {
  it('"X said …, and claimed that Y had told him …" is X’s report, not the last name’s', () => {
    const text =
      'Orban said on Friday that Brussels was wasting money, and claimed that Zelensky had told him Kyiv would accept a ceasefire.';
    expectStatement(extract(text), {
      actor: 'ukraine',
      topic: 'ceasefire',
      polarity: 'support',
      reportedBy: 'hungary',
    });
  });
});

describe('"ask X to do Y" is the asker’s stance on Y, not X’s', () => {
  it.each([
    ['Sybiha said he had asked Erdogan to back new sanctions on Russia.', 'ukraine', 'sanctions', 'turkey'],
    ['Tusk asked Washington to keep the sanctions on Russia in place.', 'poland', 'sanctions', 'united-states'],
    ['Zelensky asked the Pope to help arrange a prisoner exchange.', 'ukraine', 'prisoners', 'vatican'],
  ])('%s', (text, actor, topic, asked) => {
    const statements = extract(text);
    expectStatement(statements, { actor, topic, polarity: 'support', reportedBy: null });
    expectNoStatement(statements, { actor: asked, topic });
  });
});

describe('meetings announced: a wanted venue is a wanted meeting', () => {
  it.each([
    ['Macron said he would meet Zelensky in Warsaw next week.', 'france', 'venue:poland'],
    ['"We will sit down in Doha next week," Trump told reporters.', 'united-states', 'venue:qatar'],
    ['Orban said Hungary was ready to host the meeting.', 'hungary', 'venue:hungary'],
  ])('%s', (text, actor, venue) => {
    const statements = extract(text);
    expectStatement(statements, { actor, topic: 'venue', proposition: venue, polarity: 'support' });
    expectStatement(statements, { actor, topic: 'talks', proposition: 'peace-talks', polarity: 'support' });
  });

  it('a place offered as the object of a cue names a venue only', () => {
    const statements = extract('Lukashenko offered Minsk once more as a venue.');
    expectStatement(statements, { actor: 'belarus', topic: 'venue', polarity: 'support' });
    expectNoStatement(statements, { actor: 'belarus', topic: 'talks' });
  });

  it('a venue refused implies nothing about the meeting', () => {
    const statements = extract(
      'Officials thanked the hosts, Zelensky said, but the talks would not take place in Minsk.',
    );
    expectStatement(statements, { actor: 'ukraine', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'ukraine', topic: 'talks' });
  });

  it.each([
    'Zelensky will attend a reception hosted by the Danish queen.',
    'Zelensky will not attend the session, according to the hosts.',
  ])('a host that is not the holder gives the holder no venue: %s', (text) => {
    expectNoStatement(extract(text), { actor: 'ukraine', topic: 'venue' });
  });
});

describe('"the Hungarian capital" is a place of Hungary', () => {
  it.each([
    ['Zelensky said he would never meet Putin in the Belarusian capital.', 'ukraine', 'venue:belarus', 'oppose'],
    ['Sybiha said Kyiv was ready to meet in the Turkish capital next week.', 'ukraine', 'venue:turkey', 'support'],
  ] as const)('%s', (text, actor, proposition, polarity) => {
    expectStatement(extract(text), { actor, topic: 'venue', proposition, polarity });
  });
});

describe('the dateline names no holder', () => {
  it.each([
    'ANKARA, June 3 (Bosphorus Daily) - New sanctions on Russia will be debated next week, officials said.',
    'WARSAW/VILNIUS, June 3 (Baltic Daily) - A ceasefire could be declared within days, diplomats said.',
  ])('%s', (text) => {
    const statements = extract(text);
    for (const actor of ['turkey', 'poland']) expectNoStatement(statements, { actor });
  });
});

describe('a trailing attribution also ends at a participle clause', () => {
  it.each([
    'A ceasefire is possible, Kremlin foreign policy aide Yuri Ushakov said, restating Moscow’s terms.',
    'A truce is possible, Kremlin spokesman Dmitry Peskov said on Monday, adding that Ukraine must withdraw from Donetsk.',
  ])('%s', (text) => {
    expectStatement(extract(text), { actor: 'russia', topic: 'ceasefire', polarity: 'support', attribution: 'direct' });
  });
});
