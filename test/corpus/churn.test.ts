import { describe, expect, it } from 'vitest';
import type { Statement } from '../../events/statement';
import { FITTED_CONFIDENCE } from '../../shared/domain/extraction/confidence';
import { createRulesExtractor } from '../../shared/domain/extraction/rules-extractor';
import {
  churnReport,
  crossings,
  draftBankOf,
  examplesBank,
  type Scorer,
  scorerOfWeights,
  statementsUnder,
} from './churn';
import { loadCorpus } from './evaluate';

const statement = (statementId: string, confidence: number) => ({ statementId, confidence }) as Statement;

describe('the churn report of a refit', () => {
  it('counts statements crossing a threshold, up and down, matched by id', () => {
    const before = [statement('a', 0.59), statement('b', 0.6), statement('c', 0.7), statement('d', 0.2)];
    const after = [statement('a', 0.6), statement('b', 0.59), statement('c', 0.61), statement('d', 0.5)];
    expect(crossings(before, after, 0.6)).toEqual({ up: 1, down: 1 });
    expect(crossings(before, after, 0.7)).toEqual({ up: 0, down: 1 });
  });

  // The report scores the drafts kept once instead of extracting again: it must give what the
  // extractor gives with the same confidence model, or its counts describe nothing.
  it('gives, under a model, the statements the extractor gives with that model', () => {
    const documents = loadCorpus(['press-5']);
    const bank = draftBankOf('press-5', documents);
    const other: Scorer = (evidence, polarity, setting) =>
      scorerOfWeights({ ...FITTED_CONFIDENCE, intercept: FITTED_CONFIDENCE.intercept - 0.8 })(
        evidence,
        polarity,
        setting,
      );
    for (const scorer of [undefined, other]) {
      const extractor = createRulesExtractor(scorer ? { scoring: { confidence: scorer } } : {});
      const extracted = documents.flatMap(
        (doc) => extractor.extractSync({ documentId: doc.id, text: doc.text, publishedAt: doc.publishedAt }).statements,
      );
      expect(statementsUnder(bank, scorer ?? scorerOfWeights(FITTED_CONFIDENCE))).toEqual(extracted);
    }
  }, 30_000);

  it('names a change of the bundled examples\u2019 contradictions before examples.test.ts breaks', () => {
    const examples = [{ bank: examplesBank(), tests: 'examples.test.ts' }];
    const shipped = scorerOfWeights(FITTED_CONFIDENCE);
    const same = churnReport([], examples, shipped, shipped);
    expect(same.examplesChanged).toBe(false);
    expect(same.lines.join('\n')).toContain('examples.test.ts');
    // A refit that lowers every confidence: the venue reversal sent at once goes to review. (By 0.2:
    // with the conditional per-topic term, busySentence and documentLength its sides sit at 0.90 and
    // 0.88, and 0.1 less leaves them over 0.7.)
    const lower: Scorer = (evidence, polarity, setting) => Math.max(0.05, shipped(evidence, polarity, setting) - 0.2);
    const moved = churnReport([], examples, shipped, lower);
    expect(moved.examplesChanged).toBe(true);
    expect(moved.lines.join('\n')).toMatch(
      /STRENGTH strong → ukraine venue:belarus 2026-01-15→2026-02-10 possible|GONE/,
    );
  }, 30_000);
});
