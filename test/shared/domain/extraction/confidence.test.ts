import { describe, expect, it } from 'vitest';
import {
  CONFIDENCE_FEATURES,
  confidenceFeatures,
  confidenceFrom,
  confidenceOf,
  type Evidence,
  FITTED_CONFIDENCE,
} from '../../../../shared/domain/extraction/confidence';

/** Reported speech of a speaker the sentence names, in a reporting frame ("Lavrov said Russia …"). */
const plainNamed: Evidence = {
  quoted: false,
  framed: true,
  named: true,
  narrated: false,
  hearsay: false,
  analyst: false,
  anonymous: false,
  hedged: false,
  indirect: false,
  inherited: false,
  act: false,
  cue: 'speech',
  conditioned: false,
};

describe('confidenceOf: the fitted probability that a statement is right', () => {
  it('puts a hedged, anonymous, hearsay draft below a plain named one', () => {
    const doubtful = { ...plainNamed, named: false, hedged: true, anonymous: true, hearsay: true };
    expect(confidenceOf(doubtful, 'support')).toBeLessThan(confidenceOf(plainNamed, 'support'));
  });

  it('lowers a proposition found only through an anaphor, and a holder carried over from another clause', () => {
    expect(confidenceOf({ ...plainNamed, indirect: true }, 'support')).toBeLessThan(
      confidenceOf(plainNamed, 'support'),
    );
    expect(confidenceOf({ ...plainNamed, inherited: true }, 'support')).toBeLessThan(
      confidenceOf(plainNamed, 'support'),
    );
  });

  it('puts hearsay below every other kind of evidence of the same stance', () => {
    const hearsay = confidenceOf({ ...plainNamed, hearsay: true }, 'oppose');
    for (const other of [
      plainNamed,
      { ...plainNamed, quoted: true },
      { ...plainNamed, framed: false, narrated: true },
      { ...plainNamed, framed: false, narrated: true, act: true, cue: 'action' as const },
    ]) {
      expect(hearsay).toBeLessThan(confidenceOf(other, 'oppose'));
    }
  });

  it('is the committed model: a probability in [0.05, 0.99], rounded to two decimals', () => {
    const z =
      FITTED_CONFIDENCE.intercept +
      confidenceFeatures(plainNamed, 'oppose').reduce((sum, x, j) => sum + x * FITTED_CONFIDENCE.weights[j]!, 0);
    expect(confidenceOf(plainNamed, 'oppose')).toBe(Math.round(100 / (1 + Math.exp(-z))) / 100);
    expect(FITTED_CONFIDENCE.weights).toHaveLength(CONFIDENCE_FEATURES.length);
  });

  it('clamps what the model gives to [0.05, 0.99]', () => {
    const certain = { intercept: 50, weights: [] };
    const hopeless = { intercept: -50, weights: [] };
    expect(confidenceFrom(certain, plainNamed, 'support')).toBe(0.99);
    expect(confidenceFrom(hopeless, plainNamed, 'support')).toBe(0.05);
  });

  it('sums the same features the tooling fits on (confidenceFeatures), for every flag', () => {
    // One weight per feature, each a distinct power of two: the sum tells which features were read.
    const probe = { intercept: 0, weights: CONFIDENCE_FEATURES.map((_, j) => 2 ** -(j + 2)) };
    const drafts: Array<[Evidence, 'support' | 'oppose' | 'conditional']> = [
      [plainNamed, 'support'],
      [{ ...plainNamed, quoted: true, inherited: true, cue: undefined }, 'oppose'],
      [{ ...plainNamed, framed: false, act: true, cue: 'action', narrated: true }, 'support'],
      [{ ...plainNamed, hearsay: true, analyst: true, anonymous: true, hedged: true, cue: 'attitude' }, 'conditional'],
      [{ ...plainNamed, indirect: true, conditioned: true, cue: 'deontic', named: false }, 'conditional'],
    ];
    for (const [evidence, polarity] of drafts) {
      const z = confidenceFeatures(evidence, polarity).reduce((sum, x, j) => sum + x * probe.weights[j]!, 0);
      expect(confidenceFrom(probe, evidence, polarity)).toBe(Math.round(100 / (1 + Math.exp(-z))) / 100);
    }
  });

  it('reads each feature where confidenceFeatures puts it: one weight at a time', () => {
    // The sum above rounds to two decimals, so the smallest weights could go unseen: here a single
    // weight of 4 gives 0.98 when its feature is read and 0.5 when not, feature by feature.
    const drafts: Array<[Evidence, 'support' | 'oppose' | 'conditional']> = [
      [plainNamed, 'support'],
      [{ ...plainNamed, quoted: true, inherited: true, cue: undefined }, 'oppose'],
      [{ ...plainNamed, framed: false, act: true, cue: 'action', narrated: true }, 'support'],
      // An act told in a reporting frame is speech: `act` is read, the action kind is not.
      [{ ...plainNamed, act: true, cue: 'action' }, 'support'],
      [{ ...plainNamed, hearsay: true, analyst: true, anonymous: true, hedged: true, cue: 'attitude' }, 'conditional'],
      [{ ...plainNamed, indirect: true, conditioned: true, cue: 'deontic', named: false }, 'conditional'],
    ];
    for (const [j] of CONFIDENCE_FEATURES.entries()) {
      const probe = { intercept: 0, weights: CONFIDENCE_FEATURES.map((_, k) => (k === j ? 4 : 0)) };
      for (const [evidence, polarity] of drafts) {
        const read = confidenceFeatures(evidence, polarity)[j] === 1;
        expect(confidenceFrom(probe, evidence, polarity)).toBe(read ? 0.98 : 0.5);
      }
    }
  });
});
