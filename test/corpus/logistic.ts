/**
 * A small L2-regularised logistic regression, fitted by Newton's method for a fixed number of
 * iterations from all-zero weights: no randomness, so the same rows always give the same weights
 * (the committed confidence-weights.json is checked against a fresh fit). The intercept is not
 * penalised.
 */

export interface LogisticFit {
  intercept: number;
  weights: number[];
}

export interface LogisticOptions {
  /** The L2 penalty on the weights (not the intercept). */
  l2?: number;
  /** Newton steps; the fit converges in far fewer on these data. */
  iterations?: number;
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

export function predictLogistic(fit: LogisticFit, x: readonly number[]): number {
  let z = fit.intercept;
  for (let j = 0; j < x.length; j += 1) z += (fit.weights[j] ?? 0) * (x[j] ?? 0);
  return sigmoid(z);
}

/** Solves A x = b by Gaussian elimination with partial pivoting (A is small and, with the penalty, positive definite). */
function solve(matrix: number[][], vector: number[]): number[] {
  const n = vector.length;
  const a = matrix.map((row, i) => [...row, vector[i] ?? 0]);
  for (let col = 0; col < n; col += 1) {
    let pivot = col;
    for (let row = col + 1; row < n; row += 1) {
      if (Math.abs(a[row]![col]!) > Math.abs(a[pivot]![col]!)) pivot = row;
    }
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const head = a[col]!;
    const diagonal = head[col]!;
    if (Math.abs(diagonal) < 1e-12) continue;
    for (let row = col + 1; row < n; row += 1) {
      const current = a[row]!;
      const factor = current[col]! / diagonal;
      if (factor === 0) continue;
      for (let k = col; k <= n; k += 1) current[k] = current[k]! - factor * head[k]!;
    }
  }
  const x = new Array<number>(n).fill(0);
  for (let row = n - 1; row >= 0; row -= 1) {
    const current = a[row]!;
    let sum = current[n]!;
    for (let k = row + 1; k < n; k += 1) sum -= current[k]! * x[k]!;
    const diagonal = current[row]!;
    x[row] = Math.abs(diagonal) < 1e-12 ? 0 : sum / diagonal;
  }
  return x;
}

/** Fits P(y = 1 | x) = sigmoid(intercept + weights · x) to rows `xs` with outcomes `ys` (0 or 1). */
export function fitLogistic(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  options: LogisticOptions = {},
): LogisticFit {
  const l2 = options.l2 ?? 1;
  const iterations = options.iterations ?? 25;
  const d = (xs[0]?.length ?? 0) + 1;
  // beta[0] is the intercept.
  let beta = new Array<number>(d).fill(0);
  for (let step = 0; step < iterations; step += 1) {
    const gradient = new Array<number>(d).fill(0);
    const hessian = Array.from({ length: d }, () => new Array<number>(d).fill(0));
    for (let i = 0; i < xs.length; i += 1) {
      const row = [1, ...xs[i]!];
      let z = 0;
      for (let j = 0; j < d; j += 1) z += beta[j]! * row[j]!;
      const p = sigmoid(z);
      const residual = (ys[i] ?? 0) - p;
      const w = p * (1 - p);
      for (let j = 0; j < d; j += 1) {
        if (row[j] === 0) continue;
        gradient[j]! += residual * row[j]!;
        const hj = hessian[j]!;
        for (let k = 0; k < d; k += 1) hj[k]! += w * row[j]! * row[k]!;
      }
    }
    for (let j = 1; j < d; j += 1) {
      gradient[j]! -= l2 * beta[j]!;
      hessian[j]![j]! += l2;
    }
    // A tiny ridge on the intercept too, so a column of all zeros never makes the system singular.
    hessian[0]![0]! += 1e-9;
    const delta = solve(hessian, gradient);
    beta = beta.map((value, j) => value + delta[j]!);
  }
  return { intercept: beta[0]!, weights: beta.slice(1) };
}
