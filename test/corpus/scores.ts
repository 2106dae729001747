/** Precision, recall and F1 from counts of right (tp), wrong (fp) and missed (fn) tuples. */

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

/** `part` of `whole`, 1 when there is nothing to count (no statement, no label: nothing wrong). */
export const share = (part: number, whole: number) => (whole === 0 ? 1 : part / whole);

export const f1Of = (precision: number, recall: number) =>
  precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);

export const score = ({ tp, fp, fn }: Counts): Scores => {
  const precision = share(tp, tp + fp);
  const recall = share(tp, tp + fn);
  return { tp, fp, fn, precision, recall, f1: f1Of(precision, recall) };
};
