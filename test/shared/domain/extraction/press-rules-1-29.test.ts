import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.29.0 round (the statements behind false contradictions across nineteen
 * writers: a claim that a region is, or will again be, the holder's own read as support for giving
 * it up), each pinned here on sentences written for this test, not taken from the corpus. The
 * shared guards (a plain stance, a dated statement) are in plain-stance-guards.test.ts.
 */

describe('a region said to be the holder’s own, to come home or to fly its flag again is no support for ceding it', () => {
  it('given "\\"<region> is Ukrainian\\"", when read, then it is not read as support for ceding territory (fails under rules@1.28.0)', () => {
    const statements = extract(
      '"Kherson is Ukrainian and it will stay Ukrainian," Zelensky said in Tallinn on Tuesday.',
    );
    expect(about(statements, 'ukraine', 'territory').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given "\\"<region> will come home\\"", when read, then it is not read as support for ceding territory (fails under rules@1.28.0)', () => {
    const statements = extract(
      '"Zaporizhzhia will come home, sooner than they think," Zelensky said at a forum in Oslo.',
    );
    expect(about(statements, 'ukraine', 'territory').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given "\\"<region> will fly the Ukrainian flag again\\"", when read, then it is not read as support for ceding territory (fails under rules@1.28.0)', () => {
    const statements = extract('"Donetsk will fly the Ukrainian flag again," Zelensky told reporters in Riga.');
    expect(about(statements, 'ukraine', 'territory').filter((s) => s.polarity === 'support')).toEqual([]);
  });

  it('given a demand that Kyiv give up a region, when read, then the demand is still read as support for ceding it (a guard for the new triggers)', () => {
    const statements = extract('Sergei Lavrov said Kyiv must give up Zaporizhzhia before any settlement.');
    expectStatement(statements, { actor: 'russia', topic: 'territory', polarity: 'support' });
  });
});
