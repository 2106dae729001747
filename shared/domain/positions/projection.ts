import type { DomainEvent } from '../../../events/registry';
import { orderKeyOf } from './ordering';
import { evidenceOnlyReason } from './rules';
import type { TimelineStatement, ViewUpdate } from './view-updates';

/** A move to or from `conditional`: a position change that is never a contradiction. */
export const isShift = (from: string, to: string): boolean => (from === 'conditional') !== (to === 'conditional');

/**
 * The read-model projection: what one stored event implies for the views. Pure, so the
 * incremental projector and `replay` share it and cannot drift apart.
 */
export function projectEvent(event: DomainEvent): ViewUpdate[] {
  switch (event.type) {
    case 'StatementExtracted': {
      const { extractorVersion, codebookVersion, ...statement } = event.data;
      const reason = evidenceOnlyReason(statement);
      const entry: TimelineStatement = {
        ...statement,
        extractorVersion,
        codebookVersion,
        ...(reason ? { evidenceOnly: reason } : {}),
      };
      return [
        { kind: 'timeline-statement', orderKey: orderKeyOf(statement), statement: entry },
        { kind: 'actor-topic', actor: statement.actor, topic: statement.topic },
      ];
    }
    case 'StatementRetracted': {
      const { actor, topic, statementId, reason } = event.data;
      return [{ kind: 'timeline-retraction', actor, topic, statementId, reason }];
    }
    case 'PositionTaken':
    case 'PositionReaffirmed':
    case 'PositionChanged': {
      const { actor, topic, proposition, statement } = event.data;
      const effect =
        event.type === 'PositionTaken' ? 'taken' : event.type === 'PositionChanged' ? 'changed' : 'reaffirmed';
      return [
        {
          kind: 'timeline-effect',
          actor,
          topic,
          statementId: statement.statementId,
          orderKey: orderKeyOf(statement),
          effect,
          ...(event.type === 'PositionChanged'
            ? { from: event.data.from, previousStatementId: event.data.previous.statementId }
            : {}),
        },
        { kind: 'position-offer', actor, topic, proposition, orderKey: orderKeyOf(statement), statement, effect },
        ...(event.type === 'PositionChanged' && isShift(event.data.from, event.data.to)
          ? [
              {
                kind: 'shift' as const,
                shift: {
                  actor,
                  topic,
                  proposition,
                  from: event.data.from,
                  to: event.data.to,
                  statement,
                  previous: event.data.previous,
                  at: event.recordedAt,
                },
              },
            ]
          : []),
      ];
    }
    case 'ContradictionDetected': {
      const { actor, topic, proposition, contradictionId, earlier, later, severity, strength } = event.data;
      const link = (statement: typeof earlier): ViewUpdate => ({
        kind: 'timeline-contradiction',
        actor,
        topic,
        statementId: statement.statementId,
        orderKey: orderKeyOf(statement),
        contradictionId,
        linked: true,
      });
      return [
        {
          kind: 'contradiction',
          contradiction: {
            contradictionId,
            actor,
            topic,
            proposition,
            severity,
            strength,
            earlier,
            later,
            detectedAt: event.recordedAt,
            sortKey: `${orderKeyOf(later)}#${contradictionId}`,
          },
        },
        link(earlier),
        link(later),
      ];
    }
    case 'StatementWithdrawn': {
      const { actor, topic, proposition, statement, current, voidedContradictions } = event.data;
      return [
        {
          kind: 'timeline-withdrawal',
          actor,
          topic,
          statementId: statement.statementId,
          orderKey: orderKeyOf(statement),
        },
        {
          kind: 'position-withdrawal',
          actor,
          topic,
          proposition,
          statementId: statement.statementId,
          next: current ? { orderKey: orderKeyOf(current), statement: current } : null,
        },
        ...voidedContradictions.flatMap(({ contradictionId, earlierStatementId, laterStatementId }): ViewUpdate[] => [
          { kind: 'contradiction-void', actor, contradictionId },
          ...[earlierStatementId, laterStatementId].map(
            (statementId): ViewUpdate => ({
              kind: 'timeline-contradiction',
              actor,
              topic,
              statementId,
              // The withdrawn statement's place is known; the other side is found by its id.
              ...(statementId === statement.statementId ? { orderKey: orderKeyOf(statement) } : {}),
              contradictionId,
              linked: false,
            }),
          ),
        ]),
      ];
    }
    case 'AlertPublished': {
      const { actor, contradictionId, channel, messageId } = event.data;
      return [{ kind: 'contradiction-alert', actor, contradictionId, channel, messageId, alertedAt: event.recordedAt }];
    }
    case 'ContradictionConfirmed': {
      const { actor, contradictionId, by, note } = event.data;
      const verdict = { kind: 'confirmed' as const, by, ...(note ? { note } : {}), at: event.recordedAt };
      return [{ kind: 'contradiction-verdict', actor, contradictionId, verdict }];
    }
    case 'ContradictionDismissed': {
      const { actor, contradictionId, reason, by, note } = event.data;
      const verdict = { kind: 'dismissed' as const, reason, by, ...(note ? { note } : {}), at: event.recordedAt };
      return [{ kind: 'contradiction-verdict', actor, contradictionId, verdict }];
    }
    case 'StatementRejected': {
      const { actor, topic, statementId, by } = event.data;
      return [{ kind: 'timeline-rejection', actor, topic, statementId, by, at: event.recordedAt }];
    }
    case 'DocumentIngested':
      return [];
  }
}
