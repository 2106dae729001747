import { describe, expect, it } from 'vitest';
import type { StatementRef } from '../../../../events/statement-ref';
import {
  DEFAULT_STRENGTH_POLICY,
  evidenceClassOf,
  strengthOf,
  whyPossible,
} from '../../../../shared/domain/alerts/alert-strength';

const side = (overrides: Partial<StatementRef> = {}): StatementRef => ({
  statementId: 'st-1',
  documentId: 'doc-june',
  sentenceIndex: 0,
  quote: '"We will never meet in Minsk," the minister said.',
  polarity: 'oppose',
  attribution: 'direct',
  evidence: 'quote',
  speaker: 'Andrii Sybiha',
  confidence: 0.9,
  statedAt: '2026-06-01',
  ...overrides,
});
const later = (overrides: Partial<StatementRef> = {}) =>
  side({ statementId: 'st-2', documentId: 'doc-october', polarity: 'support', statedAt: '2026-10-01', ...overrides });

describe('alert strength', () => {
  it('given two quoted statements in different documents months apart, then the contradiction is strong', () => {
    expect(strengthOf(side(), later())).toBe('strong');
  });

  it('given an act against a quote (a vote, a cancelled summit), then it is strong', () => {
    expect(strengthOf(side(), later({ evidence: 'action', speaker: undefined }))).toBe('strong');
  });

  it('given reported speech, named speaker or not, then by default it waits for review', () => {
    expect(strengthOf(side(), later({ evidence: 'speech' }))).toBe('possible');
    expect(whyPossible(side(), later({ evidence: 'speech' }))).toMatch(/named-speech/);
    expect(strengthOf(side(), later({ evidence: 'speech', speaker: undefined }))).toBe('possible');
    expect(whyPossible(side(), later({ evidence: 'speech', speaker: undefined }))).toMatch(/unnamed-speech/);
  });

  it('given a side below the confidence floor, then it waits for review', () => {
    expect(strengthOf(side({ confidence: 0.65 }), later())).toBe('possible');
    expect(whyPossible(side({ confidence: 0.65 }), later())).toMatch(/confidence/);
  });

  it('given both sides in one document, then it is possible whatever the evidence', () => {
    expect(strengthOf(side(), later({ documentId: 'doc-june' }))).toBe('possible');
  });

  it('given statements further apart than the policy allows, then it is possible', () => {
    expect(strengthOf(side({ statedAt: '2024-01-01' }), later({ statedAt: '2026-01-01' }))).toBe('possible');
    expect(strengthOf(side({ statedAt: '2025-06-01' }), later({ statedAt: '2026-06-01' }))).toBe('strong');
  });

  it('given statements from before evidence kinds, then attribution decides: direct is named speech, reported narrated', () => {
    const old = (overrides: Partial<StatementRef>) => {
      const { evidence: _dropped, ...rest } = side(overrides);
      return rest;
    };
    expect(evidenceClassOf(old({ attribution: 'direct' }))).toBe('named-speech');
    expect(evidenceClassOf(old({ attribution: 'reported' }))).toBe('narrated');
    const withNamedSpeech = {
      ...DEFAULT_STRENGTH_POLICY,
      strongEvidence: ['quote', 'action', 'named-speech'] as const,
    };
    const earlierOld = old({});
    const laterOld = old({ statementId: 'st-2', documentId: 'doc-2', polarity: 'support' });
    expect(strengthOf(earlierOld, laterOld, withNamedSpeech)).toBe('strong');
    expect(strengthOf(earlierOld, laterOld)).toBe('possible');
    expect(strengthOf(old({ attribution: 'reported' }), later(), withNamedSpeech)).toBe('possible');
  });

  it('reads its thresholds from the policy it is given', () => {
    const strict = { ...DEFAULT_STRENGTH_POLICY, strongEvidence: ['quote'] as const, minConfidence: 0.95 };
    expect(strengthOf(side(), later({ evidence: 'action' }), strict)).toBe('possible');
    expect(strengthOf(side({ confidence: 0.96 }), later({ confidence: 0.99 }), strict)).toBe('strong');
  });
});
