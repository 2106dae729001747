import { describe, expect, it } from 'vitest';
import { labelledStatements } from './contradiction-scenario';
import { formatSetSummaries, summariseSets } from './development-summary';
import type { CorpusDocument, CorpusSet, Evaluation } from './evaluate';
import { runEval } from './evaluate';
import { score } from './scores';

/**
 * `npm run eval -- --set development`: each development set scored alone, then summed. Two invented
 * sets here, each a small story of its own; the sums and the per-set scenarios are worked out by hand.
 */

type Labelled = Pick<CorpusDocument, 'id' | 'publishedAt' | 'expected'>;

const italyOn = (polarity: 'support' | 'oppose') =>
  ({ actor: 'italy', topic: 'military-aid', proposition: 'arms-deliveries', polarity, evidence: 'quote' }) as const;

// Set A: Italy backs deliveries in January and halts them in March, a true reversal.
const setA: Labelled[] = [
  { id: 'a1', publishedAt: '2060-01-10', expected: [italyOn('support')] },
  { id: 'a2', publishedAt: '2060-03-10', expected: [italyOn('oppose')] },
];
// Set B, another writer's story years later: Italy backs deliveries again. Played after set A in one
// scenario, it would read as a second reversal that no writer told.
const setB: Labelled[] = [{ id: 'b1', publishedAt: '2070-05-01', expected: [italyOn('support')] }];

const documentsBySet: Record<string, Labelled[]> = { 'press-2': setA, 'press-3': setB };

/** An evaluation with the given counts whose statements are exactly the set's labels. */
function evaluationOf(set: CorpusSet, counts: { tp: number; fp: number; fn: number }): Evaluation {
  const documents = documentsBySet[set] ?? [];
  return {
    documents: documents.length,
    overall: { polarity: score(counts), proposition: score(counts) },
    hearsay: { expected: 2, found: 1 },
    results: documents.map((document) => ({ statements: labelledStatements(document) })),
  } as unknown as Evaluation;
}

const counts: Record<string, { tp: number; fp: number; fn: number }> = {
  'press-2': { tp: 30, fp: 10, fn: 20 },
  'press-3': { tp: 6, fp: 0, fn: 54 },
};

describe('the development sets summed (npm run eval -- --set development)', () => {
  it('given two sets, when summed, then the row "all" adds their counts and works its ratios out from the sums', async () => {
    const rows = await summariseSets({
      sets: ['press-2', 'press-3'],
      evaluate: async (set) => evaluationOf(set, counts[set]!),
    });
    expect(rows.map((row) => row.set)).toEqual(['press-2', 'press-3', 'all']);
    const all = rows.at(-1)!;
    expect(all.documents).toBe(3);
    expect(all.polarity).toMatchObject({ tp: 36, fp: 10, fn: 74 });
    expect(all.polarity.precision).toBeCloseTo(36 / 46, 6);
    // Not the mean of 0.600 and 0.100: the longer set weighs more.
    expect(all.polarity.recall).toBeCloseTo(36 / 110, 6);
    expect(all.hearsay).toEqual({ expected: 4, found: 2 });
    expect(all.contradictions).toBeUndefined();
  });

  it("given two sets that tell separate stories, when their scenarios are played, then one set's statement never contradicts another's", async () => {
    const rows = await summariseSets({
      sets: ['press-2', 'press-3'],
      evaluate: async (set) => evaluationOf(set, counts[set]!),
      documentsOf: (set) => documentsBySet[set] ?? [],
    });
    expect(rows[0]!.contradictions).toMatchObject({ raised: 1, true: 1, false: 0 });
    expect(rows[1]!.contradictions).toMatchObject({ raised: 0 });
    expect(rows.at(-1)!.contradictions).toMatchObject({ raised: 1, true: 1, false: 0 });
  });

  it('prints one line per set and the sums, with the contradictions when they were played', async () => {
    const rows = await summariseSets({
      sets: ['press-2', 'press-3'],
      evaluate: async (set) => evaluationOf(set, counts[set]!),
      documentsOf: (set) => documentsBySet[set] ?? [],
    });
    const text = formatSetSummaries(rows);
    expect(text).toMatch(/^press-2 +2 +0\.750 \/ 0\.600 \/ 0\.667 +30 \/ 10 \/ 20 /m);
    expect(text).toMatch(/^all +3 +0\.783 \/ 0\.327 \/ 0\.462 +36 \/ 10 \/ 74 .* 1 \/ 1 \/ 0 /m);
  });

  it('runs from the command line over the real development sets, press first, each once and summed', async () => {
    const out: string[] = [];
    const code = await runEval(['--set', 'development', '--json'], { out: (text) => out.push(text), err: () => {} });
    expect(code).toBe(0);
    const report = JSON.parse(out.join('\n')) as { documents: number; sets: Array<{ set: string; documents: number }> };
    expect(report.sets[0]!.set).toBe('press');
    expect(report.sets.at(-1)!.set).toBe('all');
    expect(report.sets.some((row) => row.set.startsWith('blind'))).toBe(false);
    const perSet = report.sets.slice(0, -1).reduce((sum, row) => sum + row.documents, 0);
    expect(report.sets.at(-1)!.documents).toBe(perSet);
    expect(report.documents).toBe(perSet);
    // It extracts every development set: about 25 s on a loaded two-core machine, more as sets are added.
  }, 120_000);
});
