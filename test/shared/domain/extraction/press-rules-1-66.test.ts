import { describe, it } from 'vitest';
import { expectNoStatement, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.66.0 round (precision: the false keys of sanctions and military aid), each
 * pinned here on sentences written for this test, not taken from the corpus. The shared guards (a
 * plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('the one warned is no holder of the warning', () => {
  it('given a minister who warned a capital against sending weapons, then the warner opposes them and the capital holds nothing (fails under rules@1.64.0)', () => {
    const statements = extract('Lavrov warned Paris against sending more weapons to Ukraine.');
    expectStatement(statements, { actor: 'russia', topic: 'military-aid', polarity: 'oppose', reportedBy: null });
    expectNoStatement(statements, { actor: 'france' });
  });

  it('given "we warn London plainly:" in a quotation, then what follows is not Britain\'s stance (fails under rules@1.64.0)', () => {
    const statements = extract('"We warn London plainly: these weapons will not save Kyiv," Zakharova said.');
    expectNoStatement(statements, { actor: 'united-kingdom' });
  });

  it('given a capital that itself warned against sending weapons, then it opposes them', () => {
    expectStatement(extract('Paris warned against sending more weapons to Ukraine.'), {
      actor: 'france',
      topic: 'military-aid',
      polarity: 'oppose',
    });
  });
});

describe('an ordinal apposition after a comma ("the first sanctions …") is a clause of its own', () => {
  it('given curbs and a ban on payments, "the first time Ankara has adopted sanctions of its own", then Turkey supports sanctions (fails under rules@1.64.0)', () => {
    const statements = extract(
      'Turkey on Tuesday imposed curbs on four Russian lenders and barred Turkish banks from clearing their payments, the first time Ankara has adopted sanctions of its own against Moscow.',
    );
    expectStatement(statements, { actor: 'turkey', topic: 'sanctions', polarity: 'support' });
    expectNoStatement(statements, { actor: 'turkey', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given assets frozen and a ban, "the first sanctions New Delhi has imposed", then India does not oppose sanctions (fails under rules@1.64.0)', () => {
    const statements = extract(
      'India on Monday froze the assets of three Russian insurers and barred Indian firms from covering their tankers, the first sanctions New Delhi has imposed on Moscow.',
    );
    expectNoStatement(statements, { actor: 'india', topic: 'sanctions', polarity: 'oppose' });
  });

  it('given a package adopted, "the first since the summer", then the act is still support', () => {
    expectStatement(extract('The EU adopted its new sanctions package on Monday, the first since the summer.'), {
      actor: 'european-union',
      topic: 'sanctions',
      polarity: 'support',
    });
  });

  it('given a ban and a call for sanctions in one clause, then the call is still support', () => {
    expectStatement(extract('Turkey barred imports of Russian steel and called for new sanctions on Moscow.'), {
      actor: 'turkey',
      topic: 'sanctions',
      polarity: 'support',
    });
  });
});

describe('"instead of" before an act negates it', () => {
  it('given "should start talking instead of sending more weapons", then the speaker opposes the weapons (fails under rules@1.64.0)', () => {
    const statements = extract(
      '"Europe should start talking to Moscow instead of sending more weapons to Kyiv," Orban said.',
    );
    expectStatement(statements, { actor: 'hungary', topic: 'military-aid', polarity: 'oppose' });
    expectNoStatement(statements, { actor: 'hungary', topic: 'military-aid', polarity: 'support' });
  });

  it('given the act before "instead of", then it is still support', () => {
    expectStatement(extract('Germany will send more weapons to Ukraine instead of troops.'), {
      actor: 'germany',
      topic: 'military-aid',
      polarity: 'support',
    });
  });

  it('given "instead" alone at the end, then the talks are still supported', () => {
    expectStatement(extract('Orban said Europe should talk to Moscow instead.'), {
      actor: 'hungary',
      topic: 'talks',
      polarity: 'support',
    });
  });
});
