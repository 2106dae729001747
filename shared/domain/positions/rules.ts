import { createHash } from 'node:crypto';
import type { StatementExtracted } from '../../../events/document-events';
import type { Severity } from '../../../events/position-events';
import type { StatementRef } from '../../../events/statement-ref';

/**
 * The decision rules that are not about ordering. docs/positions.md explains each one.
 */

/**
 * Below this confidence a statement is kept as evidence but does not move a position. Confidence is
 * the fitted probability that the statement is right. 0.6 was chosen on the development
 * contradiction scenarios with held-out-writer confidences; 0.65 replaced it on twelve blind sets
 * by a rule fixed before they were scored (docs/positions.md, "A higher position threshold"):
 * twelve false contradictions fewer, no true one lost.
 */
export const MIN_POSITION_CONFIDENCE = 0.65;

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
 * The evidence-only mark a timeline entry shows, given whether its position stream took the
 * statement in (an effect: taken, changed or reaffirmed). What the stream decided stands: a
 * statement applied under an older, lower MIN_POSITION_CONFIDENCE keeps its effect on the position,
 * so a replay after the threshold was raised must not mark it "low confidence" while the position
 * still holds it (docs/positions.md, "A higher position threshold"). Hearsay is never taken in.
 */
export function evidenceOnlyShown(
  reason: EvidenceOnlyReason | undefined,
  takenIn: boolean,
): EvidenceOnlyReason | undefined {
  return reason === 'low-confidence' && takenIn ? undefined : reason;
}

/**
 * Both sides at least this likely right for a high severity; a side below it makes the
 * contradiction low. The same 0.7 the strength policy asks by default (DEFAULT_STRENGTH_POLICY).
 */
export const SEVERITY_MIN_CONFIDENCE = 0.7;

/** Evidence that stands on its own for severity: the actor's quoted words, or an act. */
const SELF_STANDING_EVIDENCE: ReadonlySet<StatementRef['evidence']> = new Set(['quote', 'action']);

/** Whether a side's evidence stands on its own (a quote or an act), as severityOf reads it. */
export const standsOnItsOwn = (evidence: StatementRef['evidence']): boolean => SELF_STANDING_EVIDENCE.has(evidence);

/**
 * How likely the contradiction is true, decided once at detection and stored with it:
 * - high: both statements at least 0.7 likely right and each a quote or an act;
 * - low: either statement below 0.7 likely right;
 * - medium: the rest (reported speech, named speaker or not, on either side).
 * On the nineteen development scenarios with held-out-writer confidences: high 15 true / 1 false,
 * medium 41 / 16, low 12 / 9 (docs/positions.md, "Contradiction ids and severity"). A statement
 * stored before evidence kinds existed has no `evidence`, so a contradiction on it is never high.
 */
export function severityOf(earlier: Pick<StatementRef, 'evidence' | 'confidence'>, later: typeof earlier): Severity {
  if (Math.min(earlier.confidence, later.confidence) < SEVERITY_MIN_CONFIDENCE) return 'low';
  if (standsOnItsOwn(earlier.evidence) && standsOnItsOwn(later.evidence)) return 'high';
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
