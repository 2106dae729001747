import { describe, expect, it } from 'vitest';
import type { StatementRef } from '../../../../events/statement-ref';
import {
  evidenceOnlyReason,
  evidenceOnlyShown,
  MIN_POSITION_CONFIDENCE,
  SEVERITY_MIN_CONFIDENCE,
  severityOf,
} from '../../../../shared/domain/positions/rules';

type Side = Pick<StatementRef, 'evidence' | 'confidence'>;
const quote = (confidence = 0.9): Side => ({ evidence: 'quote', confidence });
const act = (confidence = 0.9): Side => ({ evidence: 'action', confidence });
const speech = (confidence = 0.9): Side => ({ evidence: 'speech', confidence });

describe('severityOf: how likely the contradiction is true', () => {
  it('given two quotes, or a quote and an act, both at least 0.7 likely right, then it is high', () => {
    expect(severityOf(quote(), quote())).toBe('high');
    expect(severityOf(quote(), act())).toBe('high');
    expect(severityOf(act(), act())).toBe('high');
  });

  it('given both sides exactly at 0.7, then it is high; given one at 0.69, then it is low', () => {
    expect(SEVERITY_MIN_CONFIDENCE).toBe(0.7);
    expect(severityOf(quote(0.7), act(0.7))).toBe('high');
    expect(severityOf(quote(0.69), act(0.9))).toBe('low');
    expect(severityOf(quote(0.9), act(0.69))).toBe('low');
  });

  it('given reported speech on either side, when both are at least 0.7, then it is medium however confident', () => {
    expect(severityOf(speech(0.95), quote(0.95))).toBe('medium');
    expect(severityOf(act(), speech())).toBe('medium');
    expect(severityOf(speech(0.7), speech(0.7))).toBe('medium');
  });

  it('given a side below 0.7, then it is low whatever the evidence', () => {
    expect(severityOf(speech(0.65), speech())).toBe('low');
    expect(severityOf(act(0.6), act(0.99))).toBe('low');
  });

  it('given a statement stored before evidence kinds existed (no evidence), then it is at most medium', () => {
    expect(severityOf({ confidence: 0.95 }, quote())).toBe('medium');
    expect(severityOf({ confidence: 0.5 }, quote())).toBe('low');
  });

  it('given the earlier and later sides swapped, then the severity is the same', () => {
    for (const [a, b] of [
      [quote(0.7), speech(0.8)],
      [act(0.69), quote()],
      [act(), quote(0.75)],
    ] as const) {
      expect(severityOf(a, b)).toBe(severityOf(b, a));
    }
  });
});

describe('evidenceOnlyShown: the timeline mark, once the position stream has decided', () => {
  const belowThreshold = { confidence: MIN_POSITION_CONFIDENCE - 0.03 };

  it('given a statement under the threshold that no position took in, then it is shown as low confidence', () => {
    expect(evidenceOnlyShown(evidenceOnlyReason(belowThreshold), false)).toBe('low-confidence');
  });

  it("given a statement under today's threshold that a position took in under an older, lower one, then no mark: it counted and still does", () => {
    expect(evidenceOnlyShown(evidenceOnlyReason(belowThreshold), true)).toBeUndefined();
  });

  it('given hearsay, then it stays marked hearsay whatever the position stream did', () => {
    const hearsay = { confidence: 0.95, reportedBy: 'united-states' };
    expect(evidenceOnlyShown(evidenceOnlyReason(hearsay), false)).toBe('hearsay');
    expect(evidenceOnlyShown(evidenceOnlyReason(hearsay), true)).toBe('hearsay');
  });

  it('given a statement over the threshold, then no mark, taken in or not yet', () => {
    const confident = { confidence: MIN_POSITION_CONFIDENCE + 0.1 };
    expect(evidenceOnlyShown(evidenceOnlyReason(confident), false)).toBeUndefined();
    expect(evidenceOnlyShown(evidenceOnlyReason(confident), true)).toBeUndefined();
  });
});
