import { describe, expect, it } from 'vitest';
import { about, expectStatement, extract } from './helpers';

/**
 * Rules of the rules@1.44.0 round (precision: a goal put positively read as support for ceding
 * territory, across twenty-five writers), each pinned here on sentences written for this test, not
 * taken from the corpus. The shared guards (a plain stance, a dated statement) are in
 * plain-stance-guards.test.ts.
 */

const polaritiesOn = (text: string, actor: string) =>
  about(extract(text), actor, 'territory').map((statement) => statement.polarity);

describe('a place said to be Ukrainian again is no support for ceding it', () => {
  it('given a region that will be Ukrainian again, when read, then no support for ceding it is read (fails under rules@1.43.0)', () => {
    expect(polaritiesOn('Zelensky said: "Kherson will be Ukrainian again."', 'ukraine')).not.toContain('support');
  });

  it('given a second region told by an elided "as will", when read, then no support for ceding it is read (fails under rules@1.43.0)', () => {
    expect(
      polaritiesOn('Sybiha said: "Luhansk will be Ukrainian again, as will Zaporizhzhia."', 'ukraine'),
    ).not.toContain('support');
  });

  it('given a second region told by an elided "and so will", when read, then no support for ceding it is read (fails under rules@1.43.0)', () => {
    expect(
      polaritiesOn('Yermak said: "Donetsk will be Ukrainian again, and so will Kherson."', 'ukraine'),
    ).not.toContain('support');
  });
});

describe('a place named after a goal of winning it back is no support for ceding it', () => {
  it('given a region named after "back,", when read, then no support for ceding it is read (fails under rules@1.43.0)', () => {
    expect(polaritiesOn('Zelensky said Ukraine would take everything back, Kherson too.', 'ukraine')).not.toContain(
      'support',
    );
  });

  it('given a region closing a list "and … included" after a goal, when read, then the holder opposes ceding it (fails under rules@1.43.0)', () => {
    const statements = extract(
      'Zelensky wrote that Ukraine would bring back every village, Melitopol and Kherson included.',
    );
    expect(about(statements, 'ukraine', 'territory').map((s) => s.polarity)).not.toContain('support');
    expectStatement(statements, {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });
  it('given two regions closing a goal as "… and … included", when read, then no support for ceding them is read (fails under rules@1.43.0)', () => {
    expect(
      polaritiesOn(
        'Umerov wrote: "Ukraine will bring every town in the south back under its flag, Kherson and Zaporizhzhia included."',
        'ukraine',
      ),
    ).not.toContain('support');
  });
});

describe('a true stance on ceding territory still comes out (guards)', () => {
  it('given a demand that Ukraine give up a region, when read, then the holder supports ceding it', () => {
    expectStatement(extract('Trump said Ukraine should give up Donetsk.'), {
      actor: 'united-states',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'support',
    });
  });

  it('given a demand for a region with a place "included" but no "and", when read, then the support still comes out', () => {
    expectStatement(extract('Trump said Ukraine should give up Donetsk, Kramatorsk included.'), {
      actor: 'united-states',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'support',
    });
  });

  it('given a refusal to give up a region, when read, then the holder opposes ceding it', () => {
    expectStatement(extract('Zelensky said Ukraine would never give up Donetsk.'), {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });

  it('given a dated refusal, when read, then the opposition still comes out', () => {
    expectStatement(extract('Zelensky said on March 3 that Ukraine would never give up Donetsk.'), {
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      polarity: 'oppose',
    });
  });
});
