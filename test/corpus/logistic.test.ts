import { describe, expect, it } from 'vitest';
import { fitLogistic, predictLogistic, sigmoid } from './logistic';

/** A fixed pseudo-random sequence (a linear congruential generator): the same data on every run. */
function sequence(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** Rows of binary features and outcomes drawn from a known model. */
function synthetic(intercept: number, weights: number[], rows: number, seed = 7) {
  const next = sequence(seed);
  const xs: number[][] = [];
  const ys: number[] = [];
  for (let i = 0; i < rows; i += 1) {
    const x: number[] = weights.map(() => (next() < 0.4 ? 1 : 0));
    const p = sigmoid(intercept + x.reduce((sum, value, j) => sum + value * weights[j]!, 0));
    xs.push(x);
    ys.push(next() < p ? 1 : 0);
  }
  return { xs, ys };
}

describe('fitLogistic', () => {
  it('recovers the weights of the model the data were drawn from', () => {
    const intercept = 0.5;
    const weights = [1.5, -2, 0, 0.8];
    const { xs, ys } = synthetic(intercept, weights, 20_000);
    const fit = fitLogistic(xs, ys, { l2: 0.01, iterations: 25 });
    expect(fit.intercept).toBeCloseTo(intercept, 1);
    for (const [j, weight] of weights.entries()) expect(Math.abs(fit.weights[j]! - weight)).toBeLessThan(0.1);
  });

  it('is deterministic: the same rows give the same weights, bit for bit', () => {
    const { xs, ys } = synthetic(-0.3, [0.7, -1.1, 0.4], 2_000, 11);
    expect(fitLogistic(xs, ys)).toEqual(fitLogistic(xs, ys));
  });

  it('shrinks the weights towards zero as the penalty grows, never the intercept', () => {
    const { xs, ys } = synthetic(1, [2, -2], 1_000, 3);
    const loose = fitLogistic(xs, ys, { l2: 0.01 });
    const tight = fitLogistic(xs, ys, { l2: 1_000 });
    expect(Math.abs(tight.weights[0]!)).toBeLessThan(Math.abs(loose.weights[0]!) / 5);
    // With the weights held near zero the intercept still finds the overall rate of outcomes.
    const rate = ys.reduce((sum, y) => sum + y, 0) / ys.length;
    expect(sigmoid(tight.intercept)).toBeCloseTo(rate, 1);
  });

  it('gives a feature no rows ever have a weight of zero', () => {
    const { xs, ys } = synthetic(0.2, [1, 0], 500, 5);
    const fit = fitLogistic(
      xs.map((x) => [x[0]!, 0]),
      ys,
    );
    expect(fit.weights[1]).toBe(0);
  });

  it('predicts with the fitted weights', () => {
    expect(predictLogistic({ intercept: 0, weights: [1] }, [0])).toBe(0.5);
    expect(predictLogistic({ intercept: 0, weights: [Math.log(3)] }, [1])).toBeCloseTo(0.75, 10);
  });
});
