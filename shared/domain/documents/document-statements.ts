import type { StatementExtracted } from '../../../events/document-events';
import type { DomainEvent } from '../../../events/registry';
import type { Statement } from '../../../events/statement';

/**
 * What a document's stream says about its statements, and the pure decision a re-extraction
 * makes on it. No I/O: the use case reads the stream, runs the extractor, and appends what this
 * decides.
 */

/**
 * The statements a document stands by now: extracted and not retracted or rejected since, in
 * stream order.
 */
export function liveStatements(events: readonly DomainEvent[]): Map<string, StatementExtracted['data']> {
  const live = new Map<string, StatementExtracted['data']>();
  for (const event of events) {
    if (event.type === 'StatementExtracted') live.set(event.data.statementId, event.data);
    if (event.type === 'StatementRetracted' || event.type === 'StatementRejected') live.delete(event.data.statementId);
  }
  return live;
}

/** Statements an analyst rejected as misreadings: a re-extraction never brings them back. */
export function rejectedStatementIds(events: readonly DomainEvent[]): Set<string> {
  const rejected = new Set<string>();
  for (const event of events) if (event.type === 'StatementRejected') rejected.add(event.data.statementId);
  return rejected;
}

/** Which statement of which document, and whose position it was: what a retraction or a rejection names. */
export function statementKeyOf(
  statement: Pick<Statement, 'statementId' | 'documentId' | 'actor' | 'topic' | 'proposition' | 'reportedBy'>,
) {
  return {
    statementId: statement.statementId,
    documentId: statement.documentId,
    actor: statement.actor,
    topic: statement.topic,
    proposition: statement.proposition,
    ...(statement.reportedBy !== undefined ? { reportedBy: statement.reportedBy } : {}),
  };
}

export interface Correction {
  /** Standing statements the extractor no longer finds. */
  retract: StatementExtracted['data'][];
  /** Statements found now that the document does not state yet (rejected ones never come back). */
  extract: Statement[];
}

/**
 * A re-extraction's decision for one document: given its stream and what the current extractor
 * finds, which statements to retract and which to add. Statement ids are derived from what and
 * where, so an unchanged statement keeps its id and is left alone.
 */
export function decideCorrection(events: readonly DomainEvent[], found: readonly Statement[]): Correction {
  const live = liveStatements(events);
  const rejected = rejectedStatementIds(events);
  const foundIds = new Set(found.map((statement) => statement.statementId));
  return {
    retract: [...live.values()].filter((statement) => !foundIds.has(statement.statementId)),
    extract: found.filter((statement) => !live.has(statement.statementId) && !rejected.has(statement.statementId)),
  };
}
