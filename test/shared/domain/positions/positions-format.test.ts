import { describe, expect, it } from 'vitest';
import {
  contradictionJson,
  formatContradictions,
  formatPositions,
  formatTable,
  formatTimeline,
} from '../../../../shared/domain/positions/positions-format';
import { toStatementRef } from '../../../../shared/domain/positions/rules';
import type { ContradictionView, TimelineEntry } from '../../../../shared/ports/views';
import { zelenskyCedes, zelenskyRefuses } from '../../../support/contradiction-factory';

const contradiction: ContradictionView = {
  id: 'ctr-abc',
  actor: 'ukraine',
  topic: 'territory',
  proposition: 'cede-territory',
  severity: 'high',
  strength: 'strong',
  earlier: toStatementRef(zelenskyRefuses),
  later: toStatementRef(zelenskyCedes),
  detectedAt: '2026-11-26T12:00:00.000Z',
  status: 'active',
};

describe('positions formatting', () => {
  it('aligns table columns', () => {
    expect(
      formatTable(
        ['A', 'LONGER'],
        [
          ['xx', 'y'],
          ['x', 'yy'],
        ],
      ),
    ).toBe('A   LONGER\n--  ------\nxx  y\nx   yy');
  });

  it('shows a position with its polarity, date, speaker and quote', () => {
    const table = formatPositions([
      {
        actor: 'ukraine',
        topic: 'territory',
        proposition: 'cede-territory',
        polarity: 'support',
        statement: contradiction.later,
      },
    ]);
    expect(table).toContain('ukraine  territory  cede-territory  + support  2026-02-03  Volodymyr Zelensky');
    expect(formatPositions([])).toBe('(no positions yet)');
  });

  it('marks hearsay, changes, contradictions and retractions in a timeline', () => {
    const entry = (overrides: Partial<TimelineEntry>): TimelineEntry => ({
      ...zelenskyRefuses,
      hearsay: false,
      retracted: false,
      withdrawn: false,
      contradictionIds: [],
      ...overrides,
    });
    const text = formatTimeline([
      entry({ effect: 'taken' }),
      entry({ hearsay: true, reportedBy: 'united-states', evidenceOnly: 'hearsay' }),
      entry({ effect: 'changed', changedFrom: 'oppose', contradictionIds: ['ctr-abc'], retracted: true }),
    ]);
    expect(text).toContain('[position taken]');
    expect(text).toContain('[hearsay via united-states]');
    expect(text).toContain('[changed from oppose, CONTRADICTION, retracted]');
  });

  it('lists contradictions with both sides, and gives the documented JSON', () => {
    expect(formatContradictions([contradiction])).toContain(
      'ukraine contradicts itself on territory (cede-territory) · high · ctr-abc',
    );
    expect(contradictionJson(contradiction)).toEqual({
      id: 'ctr-abc',
      actor: 'ukraine',
      topic: 'territory',
      proposition: 'cede-territory',
      severity: 'high',
      strength: 'strong',
      status: 'active',
      earlier: {
        statementId: zelenskyRefuses.statementId,
        documentId: 'doc-kyiv-2025-10-28',
        statedAt: '2025-10-28',
        quote: zelenskyRefuses.quote,
        polarity: 'oppose',
        speaker: 'Volodymyr Zelensky',
        source: 'Kyiv Ledger',
        documentTitle: 'Kyiv ready for talks, not for retreat',
      },
      later: expect.objectContaining({
        statementId: zelenskyCedes.statementId,
        statedAt: '2026-02-03',
        polarity: 'support',
      }),
      detectedAt: '2026-11-26T12:00:00.000Z',
    });
  });
});
