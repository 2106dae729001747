import type { Severity, Strength } from '../../events/position-events';
import { orderKeyOf } from '../../shared/domain/positions/ordering';
import { toStatementRef } from '../../shared/domain/positions/rules';
import type { PositionEffect, ViewUpdate } from '../../shared/domain/positions/view-updates';
import { aStatement, type ExtractedData } from './statement-factory';

/**
 * A statement's position offer, after its actor-topic: the projector applies a document's views,
 * which list the actor, before it decides on the document's statements. The offer takes the
 * position unless said otherwise.
 */
export const positionOffer = (statement: ExtractedData): ViewUpdate[] => positionOfferWith(statement, 'taken');

/** A statement's position offer with the effect its position event had. */
export const positionOfferWith = (statement: ExtractedData, effect: PositionEffect): ViewUpdate[] => [
  { kind: 'actor-topic', actor: statement.actor, topic: statement.topic },
  {
    kind: 'position-offer',
    actor: statement.actor,
    topic: statement.topic,
    proposition: statement.proposition,
    orderKey: orderKeyOf(statement),
    statement: toStatementRef(statement),
    effect,
  },
];

export interface ContradictionUpdateOptions {
  actor?: string;
  topic?: string;
  /** When the earlier (opposing) statement was made; the later one supports. */
  earlierDate?: string;
  laterDate?: string;
  severity?: Severity;
  strength?: Strength;
  detectedAt?: string;
}

/** A contradiction view update between an earlier 'oppose' and a later 'support' of one actor. */
export function contradictionUpdate(id: string, options: ContradictionUpdateOptions = {}): ViewUpdate {
  const { actor = 'ukraine', topic = 'territory' } = options;
  const earlier = aStatement({
    actor,
    topic,
    documentId: `e-${id}`,
    statedAt: options.earlierDate ?? '2025-10-28',
    polarity: 'oppose',
  });
  const later = aStatement({
    actor,
    topic,
    documentId: `l-${id}`,
    statedAt: options.laterDate ?? '2025-12-10',
    polarity: 'support',
  });
  return {
    kind: 'contradiction',
    contradiction: {
      contradictionId: id,
      actor,
      topic,
      proposition: later.proposition,
      severity: options.severity ?? 'high',
      strength: options.strength ?? 'strong',
      earlier: toStatementRef(earlier),
      later: toStatementRef(later),
      detectedAt: options.detectedAt ?? '2026-11-26T12:00:00.000Z',
      sortKey: `${orderKeyOf(later)}#${id}`,
    },
  };
}
