import { describe, expect, it } from 'vitest';
import { evaluateCorpus, formatEvaluation } from './evaluate';

/**
 * The labelled corpus as a regression gate: `npm run eval` prints the figures, this test fails
 * `npm test` when they fall below the floors (issue 3: F1 ≥ 0.85 on (actor, topic, polarity)).
 */
describe('extraction quality on the labelled corpus', () => {
  it('keeps F1 on (actor, topic, polarity) at or above 0.85, and stays silent on unrelated articles', async () => {
    const evaluation = await evaluateCorpus();
    const report = formatEvaluation(evaluation, true);
    expect(evaluation.documents, report).toBeGreaterThanOrEqual(40);
    expect(evaluation.overall.polarity.f1, report).toBeGreaterThanOrEqual(0.85);
    expect(evaluation.overall.proposition.f1, report).toBeGreaterThanOrEqual(0.8);
    expect(evaluation.silentDocuments.silent, report).toBe(evaluation.silentDocuments.expected);
  });
});
