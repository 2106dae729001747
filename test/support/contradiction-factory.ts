import type { EventOfType } from '../../events/registry';
import { contradictionIdFor, toStatementRef } from '../../shared/domain/positions/rules';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { aStatement } from './statement-factory';

const ids = createUlidGenerator();

export const zelenskyRefuses = aStatement({
  documentId: 'doc-kyiv-2025-10-28',
  sentenceIndex: 0,
  statedAt: '2025-10-28',
  polarity: 'oppose',
  quote: 'Zelensky said Ukraine would not withdraw from any more territory.',
  source: 'Kyiv Ledger',
  documentTitle: 'Kyiv ready for talks, not for retreat',
});

export const zelenskyCedes = aStatement({
  documentId: 'doc-fictional-2026-02-03',
  sentenceIndex: 3,
  statedAt: '2026-02-03',
  polarity: 'support',
  quote: 'Zelensky said Ukraine could give up part of Donetsk in exchange for security guarantees.',
  source: 'Example Wire',
  documentTitle: 'FICTIONAL SCENARIO: Kyiv signals flexibility',
});

/** A stored ContradictionDetected between the two statements above. */
export function aContradictionDetected(
  overrides: Partial<EventOfType<'ContradictionDetected'>['data']> = {},
): EventOfType<'ContradictionDetected'> {
  const data = {
    actor: 'ukraine',
    topic: 'territory',
    proposition: 'cede-territory',
    contradictionId: contradictionIdFor(
      'ukraine',
      'cede-territory',
      zelenskyRefuses.statementId,
      zelenskyCedes.statementId,
    ),
    earlier: toStatementRef(zelenskyRefuses),
    later: toStatementRef(zelenskyCedes),
    severity: 'high' as const,
    strength: 'strong' as const,
    ...overrides,
  };
  return {
    eventId: ids.next(),
    type: 'ContradictionDetected',
    schemaVersion: 2,
    streamId: `position/${data.actor}/${data.topic}/${data.proposition}`,
    version: 3,
    occurredAt: '2026-02-03T00:00:00.000Z',
    recordedAt: '2026-11-26T12:00:00.000Z',
    correlationId: 'ingest-doc',
    causationId: ids.next(),
    data,
  };
}
