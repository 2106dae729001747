import { describe, expect, it } from 'vitest';
import type { Statement } from '../../events/statement';
import { labelledStatements, scoreContradictions, sentAtOnceBySetting } from './contradiction-scenario';

const document = (id: string, publishedAt: string, expected: Parameters<typeof labelledStatements>[0]['expected']) => ({
  id,
  publishedAt,
  expected,
});

const june = document('june', '2026-06-01', [
  { actor: 'belarus', topic: 'venue', proposition: 'venue:belarus', polarity: 'support' },
]);
const october = document('october', '2026-10-01', [
  { actor: 'belarus', topic: 'venue', proposition: 'venue:belarus', polarity: 'oppose' },
  { actor: 'russia', topic: 'ceasefire', proposition: 'ceasefire', polarity: 'oppose', reportedBy: 'united-states' },
]);

describe('the contradiction scenario of a corpus set', () => {
  it('given labels that flip, when the extractor finds both sides, then one true contradiction and none missed', () => {
    const extracted = [...labelledStatements(june), ...labelledStatements(october)];
    const scenario = scoreContradictions([june, october], extracted);
    expect(scenario.expected).toHaveLength(1);
    expect(scenario.truePositives).toHaveLength(1);
    expect(scenario.falsePositives).toHaveLength(0);
    expect(scenario.missed).toHaveLength(0);
  });

  it('given a misread side, when it flips a position, then the alert counts as false and the real one as missed', () => {
    const misread: Statement = {
      ...labelledStatements(october)[0]!,
      statementId: 'misread',
      polarity: 'conditional',
    };
    const invented: Statement = {
      ...labelledStatements(june)[0]!,
      statementId: 'invented',
      documentId: 'october',
      statedAt: '2026-10-01',
      polarity: 'oppose',
      actor: 'russia',
      proposition: 'venue:belarus',
    };
    const earlierRussia: Statement = {
      ...invented,
      statementId: 'earlier-russia',
      documentId: 'june',
      statedAt: '2026-06-01',
      polarity: 'support',
    };
    const scenario = scoreContradictions(
      [june, october],
      [...labelledStatements(june), misread, earlierRussia, invented],
    );
    expect(scenario.truePositives).toHaveLength(0);
    expect(scenario.falsePositives.map((c) => c.actor)).toEqual(['russia']);
    expect(scenario.missed.map((c) => c.actor)).toEqual(['belarus']);
  });

  it('given two topics that share a proposition id, when an actor backs one and opposes the other, then no contradiction', () => {
    // eu-membership and nato-membership both name Ukraine's membership `membership:ukraine`; the
    // position streams are per actor, topic and proposition, so the scenario must keep them apart.
    const eu = document('eu', '2026-06-01', [
      { actor: 'hungary', topic: 'eu-membership', proposition: 'membership:ukraine', polarity: 'support' },
    ]);
    const nato = document('nato', '2026-07-01', [
      { actor: 'hungary', topic: 'nato-membership', proposition: 'membership:ukraine', polarity: 'oppose' },
    ]);
    const scenario = scoreContradictions([eu, nato], [...labelledStatements(eu), ...labelledStatements(nato)]);
    expect(scenario.expected).toHaveLength(0);
    expect(scenario.raised).toHaveLength(0);
    const euLater = document('eu-later', '2026-08-01', [
      { actor: 'hungary', topic: 'eu-membership', proposition: 'membership:ukraine', polarity: 'oppose' },
    ]);
    const withFlip = scoreContradictions(
      [eu, nato, euLater],
      [...labelledStatements(eu), ...labelledStatements(nato), ...labelledStatements(euLater)],
    );
    expect(withFlip.truePositives.map((c) => [c.topic, c.earlier.documentId, c.later.documentId])).toEqual([
      ['eu-membership', 'eu', 'eu-later'],
    ]);
  });

  it('given a reversal told in named speech, then only the setting that trusts named speech sends it at once', () => {
    const named = (statement: Statement): Statement => ({ ...statement, speaker: 'Alexander Lukashenko' });
    const scenario = scoreContradictions(
      [june, october],
      [...labelledStatements(june), ...labelledStatements(october)].map(named),
    );
    expect(scenario.truePositives).toHaveLength(1);
    expect(sentAtOnceBySetting(scenario)).toEqual([
      { setting: 'quote,action', true: 0, false: 0 },
      { setting: 'quote,action,named-speech', true: 1, false: 0 },
      { setting: 'action', true: 0, false: 0 },
      { setting: 'quote', true: 0, false: 0 },
    ]);
    // The default row is the strength the position rules gave the contradiction.
    expect(scenario.raised.filter((c) => c.strength === 'strong')).toHaveLength(0);
  });

  it('given a quoted reversal, then the default setting sends it at once and `action` alone does not', () => {
    const quoted = [...labelledStatements(june), ...labelledStatements(october)].map(
      (statement): Statement => ({ ...statement, evidence: 'quote' }),
    );
    const scenario = scoreContradictions([june, october], quoted);
    expect(scenario.raised.map((c) => c.strength)).toEqual(['strong']);
    expect(sentAtOnceBySetting(scenario, [['quote', 'action'], ['action'], []])).toEqual([
      { setting: 'quote,action', true: 1, false: 0 },
      { setting: 'action', true: 0, false: 0 },
      { setting: 'none', true: 0, false: 0 },
    ]);
  });

  it('never counts hearsay as a side of a contradiction', () => {
    const hearsayFlip = document('later', '2026-11-01', [
      { actor: 'russia', topic: 'ceasefire', proposition: 'ceasefire', polarity: 'support' },
    ]);
    const scenario = scoreContradictions(
      [october, hearsayFlip],
      [...labelledStatements(october), ...labelledStatements(hearsayFlip)],
    );
    expect(scenario.expected).toHaveLength(0);
    expect(scenario.raised).toHaveLength(0);
  });
});
