import type { StatementExtracted, StatementRetracted } from '../../events/document-events';
import type { DomainEvent } from '../../events/registry';
import { statementIdFor } from '../../shared/domain/extraction/statement-id';
import type { PositionCommand, PositionDecision } from '../../shared/domain/positions/decide';
import { toTimestamp } from '../../shared/domain/timestamps';
import { createUlidGenerator } from '../../shared/ports/id-generator';

const ids = createUlidGenerator();

export type ExtractedData = StatementExtracted['data'];

/** A position-bearing statement by Ukraine against ceding territory; override what the test is about. */
export function aStatement(overrides: Partial<ExtractedData> = {}): ExtractedData {
  const merged: ExtractedData = {
    statementId: 'pending',
    documentId: 'doc-a',
    sentenceIndex: 0,
    quote: 'Ukraine will not withdraw from any more territory.',
    actor: 'ukraine',
    speaker: 'Volodymyr Zelensky',
    topic: 'territory',
    proposition: 'cede-territory',
    polarity: 'oppose',
    attribution: 'direct',
    evidence: 'quote',
    confidence: 0.9,
    statedAt: '2025-10-28',
    extractorVersion: 'test@1',
    codebookVersion: 'test@1',
    source: 'Example Wire',
    documentTitle: 'A test article',
    ...overrides,
  };
  return { ...merged, statementId: overrides.statementId ?? statementIdFor(merged) };
}

export function applyCommand(statement: ExtractedData, eventId: string = ids.next()): PositionCommand {
  return {
    type: 'ApplyStatement',
    source: { eventId, correlationId: 'test-correlation', occurredAt: toTimestamp(statement.statedAt) },
    statement,
  };
}

export function retractionOf(statement: ExtractedData, reason = 'not found by test@2'): StatementRetracted['data'] {
  return {
    statementId: statement.statementId,
    documentId: statement.documentId,
    actor: statement.actor,
    topic: statement.topic,
    proposition: statement.proposition,
    ...(statement.reportedBy !== undefined ? { reportedBy: statement.reportedBy } : {}),
    reason,
    extractorVersion: 'test@2',
    codebookVersion: 'test@2',
  };
}

export function withdrawCommand(statement: ExtractedData, eventId: string = ids.next()): PositionCommand {
  return {
    type: 'WithdrawStatement',
    source: { eventId, correlationId: 'test-correlation', occurredAt: '2026-11-20T09:00:00.000Z' },
    retraction: retractionOf(statement),
  };
}

/** Decisions as they would be read back from the store, so evolve can fold them. */
export function storedDecisions(
  decisions: readonly PositionDecision[],
  command: PositionCommand,
  fromVersion: number,
  streamId = 'position/test',
): DomainEvent[] {
  return decisions.map(
    (decision, index) =>
      ({
        ...decision,
        eventId: ids.next(),
        schemaVersion: 1,
        streamId,
        version: fromVersion + index + 1,
        occurredAt: command.source.occurredAt,
        recordedAt: '2026-11-26T12:00:00.000Z',
        correlationId: command.source.correlationId,
        causationId: command.source.eventId,
      }) as DomainEvent,
  );
}
