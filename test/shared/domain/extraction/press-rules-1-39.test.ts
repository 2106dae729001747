import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.39.0 round (recall on talks, ceasefire and military-aid across twenty-three
 * writers), each pinned here on sentences written for this test, not taken from the corpus. The
 * shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a halt or a pause on strikes is an energy truce', () => {
  it('given a halt on strikes the holder will not extend, when read, then the holder opposes it (fails under rules@1.37.0)', () => {
    const statements = extract(
      'The Kremlin said Russia would not extend its halt on strikes against Ukrainian power plants.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'oppose' });
  });

  it('given a pause in strikes the holder is ready for, when read, then the holder supports it (fails under rules@1.37.0)', () => {
    const statements = extract('Sybiha said Ukraine was ready for a mutual pause in strikes on energy facilities.');
    expectStatement(statements, { actor: 'ukraine', topic: 'ceasefire', polarity: 'support' });
  });

  it('given strikes the holder will go on with, when read, then no truce is read (a guard)', () => {
    const statements = extract('Zelensky said Ukraine will keep striking refineries.');
    expect(about(statements, 'ukraine', 'ceasefire')).toEqual([]);
  });
});

describe('back to the table, sitting down together: talks', () => {
  it('given a call to come back to the table, when read, then the speaker supports talks (fails under rules@1.37.0)', () => {
    const statements = extract('The Indian prime minister said both sides should come back to the table.');
    expectStatement(statements, { actor: 'india', topic: 'talks', polarity: 'support' });
  });

  it('given a call that the two leaders sit down together, when read, then the speaker supports talks (fails under rules@1.37.0)', () => {
    const statements = extract('Modi said the two leaders should sit down together.');
    expectStatement(statements, { actor: 'india', topic: 'talks', polarity: 'support' });
  });

  it('given a proposal on the table, when read, then no talks are read (a guard)', () => {
    const statements = extract('Peskov said the proposal was on the table.');
    expect(about(statements, 'russia', 'talks')).toEqual([]);
  });
});

describe('a framework for ending the war is a peace plan', () => {
  it('given a framework welcomed, when read, then the holder supports the plan (fails under rules@1.37.0)', () => {
    const statements = extract('Orban said Hungary welcomed the framework for ending the war.');
    expectStatement(statements, { actor: 'hungary', topic: 'talks', polarity: 'support' });
  });

  it('given a framework rejected, when read, then the holder opposes the plan (fails under rules@1.37.0)', () => {
    const statements = extract('Sybiha said Ukraine rejected the framework for ending the war.');
    expectStatement(statements, { actor: 'ukraine', topic: 'talks', polarity: 'oppose' });
  });
});

describe('interceptors are weapons', () => {
  it('given a call to send interceptors, when read, then the speaker supports arms deliveries (fails under rules@1.37.0)', () => {
    const statements = extract('Stubb said allies should send Ukraine more interceptors before winter.');
    expectStatement(statements, { actor: 'finland', topic: 'military-aid', polarity: 'support' });
  });
});

describe('"as soon as possible" is no condition', () => {
  it('given a truce asked for as soon as possible, when read, then the stance is support, not conditional (fails under rules@1.37.0)', () => {
    const statements = extract(
      'Guterres said the parties should agree to a ceasefire as soon as possible and settle their differences through dialogue.',
    );
    expectStatement(statements, { actor: 'united-nations', topic: 'ceasefire', polarity: 'support' });
    expect(about(statements, 'united-nations', 'ceasefire').map((s) => s.polarity)).not.toContain('conditional');
  });

  it('given a truce tied to an event "as soon as" it happens, when read, then it stays conditional (a guard)', () => {
    const statements = extract('Peskov said the fighting will stop as soon as Kyiv withdraws its troops.');
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'conditional' });
  });
});

describe('a warning that weapons make the supplier a party to the war', () => {
  it('given missiles said to make the supplier a direct participant, when read, then the speaker opposes them (fails under rules@1.37.0)', () => {
    const statements = extract(
      'German missiles on Russian soil would make Germany a direct participant, Lavrov warned.',
    );
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
    expect(about(statements, 'russia', 'military-aid').map((s) => s.polarity)).not.toContain('support');
  });

  it('given missiles said to draw the supplier into the war, when read, then the speaker opposes them (fails under rules@1.37.0)', () => {
    const statements = extract('Lavrov warned that the missiles would draw Germany into the war.');
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose' });
  });
});

describe('the guns go silent, the war is over: a truce on a condition', () => {
  it('given the guns going silent once a condition is met, when read, then the truce is conditional (fails under rules@1.37.0)', () => {
    const statements = extract('"As soon as Kyiv leaves the four regions, the guns will go silent," Peskov said.');
    expectStatement(statements, { actor: 'russia', topic: 'ceasefire', polarity: 'conditional' });
  });

  it('given the war over the moment a condition is met, when read, then the truce is conditional (fails under rules@1.37.0)', () => {
    const statements = extract('Lukashenko said the war will be over the moment Kyiv recognises the new borders.');
    expectStatement(statements, { actor: 'belarus', topic: 'ceasefire', polarity: 'conditional' });
  });

  it('given the war over the day a condition is met, when read, then the truce is conditional (fails under rules@1.37.0)', () => {
    const statements = extract('"The day Kyiv drops its NATO bid, the war is over," Lukashenko said.');
    expectStatement(statements, { actor: 'belarus', topic: 'ceasefire', polarity: 'conditional' });
  });

  it('given the war said to be over with no condition, when read, then no truce is read (a guard)', () => {
    const statements = extract('Pope Leo said the war is over for the families of the dead.');
    expect(about(statements, 'vatican', 'ceasefire')).toEqual([]);
  });
});
