import { describe, expect, it } from 'vitest';
import { documentLength, type Setting } from '../../../../shared/domain/extraction/confidence';
import { createRulesExtractor } from '../../../../shared/domain/extraction/rules-extractor';

/**
 * Stage 5's one pass over a document's drafts (statements.ts, `documentSettings`): what the rest of
 * the document says around each draft, which the confidence reads (confidence.ts, `Setting`).
 */
function settingsOf(text: string) {
  const seen: Array<{ sentence: number; actor: string; proposition: string; polarity: string; setting: Setting }> = [];
  const extractor = createRulesExtractor({
    scoring: {
      onDraftStatement: (statement, _evidence, setting) =>
        seen.push({
          sentence: statement.sentenceIndex,
          actor: statement.actor,
          proposition: statement.proposition,
          polarity: statement.polarity,
          setting,
        }),
    },
  });
  const { statements } = extractor.extractSync({ documentId: 'doc-settings', text, publishedAt: '2025-11-04' });
  return { seen, statements };
}

const LEDE = 'The war entered its fourth year.';

describe('the setting of a draft: what the rest of its document says', () => {
  it('a lone statement after the first sentence: nothing but its topic', () => {
    const { seen } = settingsOf(`${LEDE} Lavrov said Russia would never accept a ceasefire.`);
    expect(seen.map((s) => s.setting)).toEqual([
      {
        topic: 'ceasefire',
        corroborated: false,
        contested: false,
        lede: false,
        crowded: false,
        shared: false,
        busy: false,
        length: documentLength(LEDE.length + 1 + 'Lavrov said Russia would never accept a ceasefire.'.length),
      },
    ]);
  });

  it('the first sentence is the lede', () => {
    const { seen } = settingsOf('Lavrov said Russia would never accept a ceasefire.');
    expect(seen.map((s) => s.setting.lede)).toEqual([true]);
  });

  it('the same tuple stated in two sentences is corroborated, in both', () => {
    const { seen } = settingsOf(
      `${LEDE} Lavrov said Russia would never accept a ceasefire. "We will never accept a ceasefire," Lavrov said.`,
    );
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(new Set(seen.map((s) => s.sentence)).size).toBe(2);
    for (const s of seen) expect(s.setting.corroborated, JSON.stringify(s)).toBe(true);
  });

  it('opposition and support of one tuple in a document are contested; a condition and a support are not', () => {
    const contested = settingsOf(
      `${LEDE} Lavrov said Russia would never accept a ceasefire. Lavrov said Russia was ready to accept a ceasefire.`,
    ).seen;
    expect(contested.map((s) => s.polarity).sort()).toEqual(['oppose', 'support']);
    for (const s of contested) expect(s.setting.contested).toBe(true);
    const conditioned = settingsOf(
      'Kremlin spokesman Dmitry Peskov said on Monday that Russia could agree to a ceasefire only after Ukraine withdraws from Donetsk. Peskov said Russia was ready to accept a ceasefire.',
    ).seen.filter((s) => s.proposition === 'ceasefire');
    expect(conditioned.map((s) => s.polarity)).toEqual(['conditional', 'support']);
    for (const s of conditioned) expect(s.setting.contested).toBe(false);
  });

  it('a sentence with drafts of two actors is crowded; the same stance of two actors is shared', () => {
    const { seen } = settingsOf(`${LEDE} Russia and Ukraine rejected a ceasefire.`);
    expect(new Set(seen.map((s) => s.actor))).toEqual(new Set(['russia', 'ukraine']));
    for (const s of seen) expect(s.setting).toMatchObject({ crowded: true, shared: true });
    const opposed = settingsOf(
      `${LEDE} Lavrov said Russia would never accept a ceasefire, while Zelensky said Ukraine would accept a ceasefire.`,
    ).seen;
    expect(opposed.map((s) => s.polarity)).toEqual(['oppose', 'support']);
    for (const s of opposed) expect(s.setting).toMatchObject({ crowded: true, shared: false });
    const apart = settingsOf(`${LEDE} Russia rejected a ceasefire. Ukraine rejected a ceasefire.`).seen;
    expect(apart).toHaveLength(2);
    for (const s of apart) expect(s.setting).toMatchObject({ crowded: false, shared: true });
  });

  it('a sentence yielding four drafts or more is busy, each of its drafts; one with fewer is not', () => {
    const busy = 'Russia, Ukraine, Hungary and Turkey rejected a ceasefire.';
    const { seen } = settingsOf(`${LEDE} ${busy} Lavrov said Russia would never accept sanctions.`);
    const inBusy = seen.filter((s) => s.sentence === 1);
    expect(inBusy.length).toBeGreaterThanOrEqual(4);
    for (const s of inBusy) expect(s.setting.busy, JSON.stringify(s)).toBe(true);
    const others = seen.filter((s) => s.sentence !== 1);
    expect(others.length).toBeGreaterThan(0);
    for (const s of others) expect(s.setting.busy, JSON.stringify(s)).toBe(false);
    const three = settingsOf(`${LEDE} Russia, Ukraine and Hungary rejected a ceasefire.`).seen;
    expect(three).toHaveLength(3);
    for (const s of three) expect(s.setting.busy).toBe(false);
  });

  it("every draft of a document reads the document's length, and a longer document a larger one", () => {
    const short = `${LEDE} Lavrov said Russia would never accept a ceasefire.`;
    const padded = `${short} ${'The talks went on into the night. '.repeat(60).trim()} Ukraine rejected a ceasefire.`;
    const one = settingsOf(short).seen;
    const long = settingsOf(padded).seen;
    expect(one.map((s) => s.setting.length)).toEqual([documentLength(short.length)]);
    expect(long.length).toBeGreaterThanOrEqual(2);
    for (const s of long) expect(s.setting.length).toBe(documentLength(padded.length));
    expect(documentLength(padded.length)).toBeGreaterThan(documentLength(short.length));
  });

  it('changes only confidence: the same statements, in the same order, as each sentence alone says', () => {
    const alone = settingsOf('Lavrov said Russia would never accept a ceasefire.').statements;
    const twice = settingsOf(
      'Lavrov said Russia would never accept a ceasefire. Lavrov said Russia would never accept a ceasefire.',
    ).statements;
    expect(twice[0]).toEqual({ ...alone[0], confidence: twice[0]?.confidence });
  });
});
