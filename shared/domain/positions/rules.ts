import { createHash } from 'node:crypto';
import type { StatementExtracted } from '../../../events/document-events';
import type { Severity } from '../../../events/position-events';
import type { StatementRef } from '../../../events/statement-ref';

/**
 * The decision rules that are not about ordering. docs/positions.md explains each one.
 */

/**
 * Below this confidence a statement is kept as evidence but does not move a position. Confidence is
 * the fitted probability that the statement is right; 0.6 was chosen on the development
 * contradiction scenarios with held-out-writer confidences (docs/positions.md, "Confidence: what
 * the number means"): it stops a third of the wrong statements and a tenth of the right ones.
 */
export const MIN_POSITION_CONFIDENCE = 0.6;

export type EvidenceOnlyReason = 'hearsay' | 'low-confidence';

type StatementFacts = Pick<StatementExtracted['data'], 'reportedBy' | 'confidence'>;

/**
 * Why a statement is shown in the timeline but never applied to the actor's position, or
 * undefined when it counts. Hearsay (another interested party characterising the actor's stance)
 * never counts; neither does an extraction the extractor itself doubts.
 */
export function evidenceOnlyReason(statement: StatementFacts): EvidenceOnlyReason | undefined {
  if (statement.reportedBy !== undefined) return 'hearsay';
  if (statement.confidence < MIN_POSITION_CONFIDENCE) return 'low-confidence';
  return undefined;
}

export const countsTowardPosition = (statement: StatementFacts): boolean => evidenceOnlyReason(statement) === undefined;

/**
 * How sure stancewatch is that the actor really contradicted itself:
 * - high: both statements are the actor's own words (direct) and both confidences are ≥ 0.8;
 * - low: either confidence is below 0.7 (on the development scenarios such contradictions were right
 *   about half the time, those above 0.7 three times in four; docs/positions.md);
 * - medium: everything else (e.g. the narrator reports one stance as fact).
 */
export function severityOf(earlier: Pick<StatementRef, 'attribution' | 'confidence'>, later: typeof earlier): Severity {
  const confidence = Math.min(earlier.confidence, later.confidence);
  if (confidence < 0.7) return 'low';
  if (earlier.attribution === 'direct' && later.attribution === 'direct' && confidence >= 0.8) return 'high';
  return 'medium';
}

/** Deterministic, so a replay, a redelivery or a re-extraction finds the same contradiction id. */
export function contradictionIdFor(actor: string, proposition: string, earlierId: string, laterId: string): string {
  const key = [actor, proposition, earlierId, laterId].join('\u001f');
  return `ctr-${createHash('sha256').update(key).digest('hex').slice(0, 24)}`;
}

/** What position events keep of a statement. */
export function toStatementRef(statement: StatementExtracted['data']): StatementRef {
  return {
    statementId: statement.statementId,
    documentId: statement.documentId,
    sentenceIndex: statement.sentenceIndex,
    quote: statement.quote,
    polarity: statement.polarity,
    attribution: statement.attribution,
    evidence: statement.evidence,
    ...(statement.speaker !== undefined ? { speaker: statement.speaker } : {}),
    confidence: statement.confidence,
    statedAt: statement.statedAt,
    ...(statement.source !== undefined ? { source: statement.source } : {}),
    ...(statement.documentTitle !== undefined ? { documentTitle: statement.documentTitle } : {}),
  };
}
