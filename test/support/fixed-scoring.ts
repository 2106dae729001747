import type { Polarity } from '../../events/statement';
import {
  type ConfidenceWeights,
  confidenceFrom,
  type Evidence,
  type Setting,
} from '../../shared/domain/extraction/confidence';
import {
  createRulesExtractor,
  type RulesExtractor,
  type RulesExtractorOptions,
} from '../../shared/domain/extraction/rules-extractor';
import frozen from './fixed-confidence-weights.json';

/**
 * The statement confidence of tests about pipeline mechanics (redrive, delivery under faults,
 * review, concurrency): a frozen copy of the fitted weights (fixed-confidence-weights.json, the fit
 * at rules@1.37.0), not the shipped confidence-weights.json. Every rule round ends with a refit,
 * and a refit moves statements across 0.6 (a position moves) and 0.7 (an alert goes out at once):
 * with the shipped weights a redrive or delivery test could lose the alert it needs for a reason
 * that has nothing to do with what it guards (docs/positions.md, "Refitting the confidence"). The
 * tests about the product's promises on its bundled examples keep the shipped weights.
 */
export const FIXED_CONFIDENCE: ConfidenceWeights = frozen;

export const fixedConfidence = (evidence: Evidence, polarity: Polarity, setting: Setting): number =>
  confidenceFrom(FIXED_CONFIDENCE, evidence, polarity, setting);

/** The rules extractor with the tests' fixed confidence (the rules themselves are the shipped ones). */
export const fixedScoringExtractor = (options: Omit<RulesExtractorOptions, 'scoring'> = {}): RulesExtractor =>
  createRulesExtractor({ ...options, scoring: { confidence: fixedConfidence } });
