/**
 * The draft the extractor keeps among those of one key: the first of the most confident (the
 * extractor's own tie rule). Shared by the fit (calibrate.ts) and the churn report (churn.ts), so
 * both replay the extractor's choice the same way under weights it was not run with.
 */
export function mostConfident<T>(drafts: readonly T[], score: (draft: T) => number): { draft: T; score: number } {
  let draft = drafts[0]!;
  let best = score(draft);
  for (let index = 1; index < drafts.length; index++) {
    const value = score(drafts[index]!);
    if (value > best) {
      draft = drafts[index]!;
      best = value;
    }
  }
  return { draft, score: best };
}
