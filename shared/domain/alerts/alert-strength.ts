import type { Strength } from '../../../events/position-events';
import type { StatementRef } from '../../../events/statement-ref';

/**
 * When a contradiction is strong enough to alert at once. Data, not code: a deployment that wants
 * a stricter or looser desk changes these numbers (docs/positions.md explains each with examples).
 */
export interface StrengthPolicy {
  /** Both statements at least this confident. */
  readonly minConfidence: number;
  /**
   * Evidence that stands on its own: the actor's quoted words, an act, and, where a desk trusts
   * it, reported speech of a speaker the text names. Reported speech with no named speaker
   * ("Moscow insists…") and the narrator's own account are never enough.
   */
  readonly strongEvidence: readonly ('quote' | 'action' | 'named-speech')[];
  /**
   * Two statements further apart than this are more likely a position that moved over time than a
   * contradiction worth waking a desk for; they wait for review.
   */
  readonly maxDaysApart: number;
}

/**
 * Named reported speech is left out by default: most contradictions resting on it were false, far
 * more than of those resting on quotes and acts (docs/positions.md, "Why named speech no longer
 * alerts at once"; the statements themselves are read about as precisely either way).
 * `minConfidence` is on the fitted scale (a probability that each statement is right): 0.7 sent
 * more true contradictions at once than the old 0.75 on the old scale, and fewer false
 * (docs/positions.md, "Confidence: what the number means").
 */
export const DEFAULT_STRENGTH_POLICY: StrengthPolicy = {
  minConfidence: 0.7,
  strongEvidence: ['quote', 'action'],
  maxDaysApart: 540,
};

type Side = Pick<StatementRef, 'documentId' | 'attribution' | 'evidence' | 'speaker' | 'confidence' | 'statedAt'>;

/** The kind of evidence a side rests on, for the policy's `strongEvidence` list. */
export function evidenceClassOf(side: Side): 'quote' | 'action' | 'named-speech' | 'unnamed-speech' | 'narrated' {
  // Statements extracted before evidence kinds existed: attribution is all there is to go on.
  if (side.evidence === undefined) return side.attribution === 'direct' ? 'named-speech' : 'narrated';
  if (side.evidence === 'speech') return side.speaker ? 'named-speech' : 'unnamed-speech';
  return side.evidence;
}

const DAY_MS = 86_400_000;

/** Why a contradiction waits for review, or undefined when it is strong. */
export function whyPossible(
  earlier: Side,
  later: Side,
  policy: StrengthPolicy = DEFAULT_STRENGTH_POLICY,
): string | undefined {
  // One article saying both things is far more often a misreading than a volte-face.
  if (earlier.documentId === later.documentId) return 'both statements come from one document';
  for (const side of [earlier, later]) {
    if (side.confidence < policy.minConfidence) return `a statement's confidence is below ${policy.minConfidence}`;
    const kind = evidenceClassOf(side);
    if (!(policy.strongEvidence as readonly string[]).includes(kind)) return `a statement rests on ${kind} evidence`;
  }
  const days = Math.abs(Date.parse(later.statedAt) - Date.parse(earlier.statedAt)) / DAY_MS;
  if (days > policy.maxDaysApart) return `the statements are more than ${policy.maxDaysApart} days apart`;
  return undefined;
}

export function strengthOf(earlier: Side, later: Side, policy: StrengthPolicy = DEFAULT_STRENGTH_POLICY): Strength {
  return whyPossible(earlier, later, policy) === undefined ? 'strong' : 'possible';
}
