import type { Statement } from '../../events/statement';
import { type ContradictionCounts, contradictionCounts, scoreContradictions } from './contradiction-scenario';
import type { CorpusDocument, CorpusSet, Evaluation } from './evaluate';
import { type Scores, score } from './scores';

/**
 * `npm run eval -- --set development`: every press-style development set (`press`, `press-2`, …)
 * scored on its own and summed, the figures a rule round must keep on every writer at once
 * (docs/extraction.md, "Development sets from new writers"). Each set tells its own invented story,
 * so its contradiction scenario is played alone: one set's statements never contradict another's.
 */

export interface SetSummary {
  set: CorpusSet | 'all';
  documents: number;
  /** On (actor, topic, polarity). */
  polarity: Scores;
  /** On (actor, topic, proposition, polarity). */
  proposition: Scores;
  hearsay: { expected: number; found: number };
  contradictions?: ContradictionCounts;
}

export interface SummaryInputs {
  sets: readonly CorpusSet[];
  /** One set's evaluation (the CLI's, with an extractor that answers each document once). */
  evaluate: (set: CorpusSet) => Promise<Evaluation>;
  /** The set's labelled documents, to play its contradiction scenario; omitted: no scenario. */
  documentsOf?: (set: CorpusSet) => ReadonlyArray<Pick<CorpusDocument, 'id' | 'publishedAt' | 'expected'>>;
  /** The statements the scenario plays (default all); `--min-position` drops those under a threshold. */
  scenarioStatements?: (statements: readonly Statement[]) => readonly Statement[];
}

/** One row per set, then the row `all` with the counts summed and the ratios worked out from the sums. */
export async function summariseSets({
  sets,
  evaluate,
  documentsOf,
  scenarioStatements = (statements) => statements,
}: SummaryInputs): Promise<SetSummary[]> {
  const rows: SetSummary[] = [];
  for (const set of sets) {
    const evaluation = await evaluate(set);
    const scenario = documentsOf
      ? scoreContradictions(
          documentsOf(set),
          scenarioStatements(evaluation.results.flatMap((result) => result.statements)),
        )
      : undefined;
    rows.push({
      set,
      documents: evaluation.documents,
      polarity: evaluation.overall.polarity,
      proposition: evaluation.overall.proposition,
      hearsay: evaluation.hearsay,
      ...(scenario ? { contradictions: contradictionCounts(scenario) } : {}),
    });
  }
  return [...rows, summed(rows)];
}

function summed(rows: readonly SetSummary[]): SetSummary {
  // Ratios from the summed counts: a mean of the sets' ratios would weigh a short set like a long one.
  const add = (pick: (row: SetSummary) => Scores) =>
    score({
      tp: rows.reduce((total, row) => total + pick(row).tp, 0),
      fp: rows.reduce((total, row) => total + pick(row).fp, 0),
      fn: rows.reduce((total, row) => total + pick(row).fn, 0),
    });
  const withScenario = rows.filter((row) => row.contradictions !== undefined);
  const total = (field: keyof ContradictionCounts) =>
    withScenario.reduce((sum, row) => sum + (row.contradictions?.[field] ?? 0), 0);
  return {
    set: 'all',
    documents: rows.reduce((sum, row) => sum + row.documents, 0),
    polarity: add((row) => row.polarity),
    proposition: add((row) => row.proposition),
    hearsay: {
      expected: rows.reduce((sum, row) => sum + row.hearsay.expected, 0),
      found: rows.reduce((sum, row) => sum + row.hearsay.found, 0),
    },
    ...(withScenario.length > 0
      ? {
          contradictions: {
            raised: total('raised'),
            true: total('true'),
            false: total('false'),
            strongTrue: total('strongTrue'),
            strongFalse: total('strongFalse'),
          },
        }
      : {}),
  };
}

const fixed = (value: number) => value.toFixed(3);

export function formatSetSummaries(rows: readonly SetSummary[]): string {
  const withScenario = rows.some((row) => row.contradictions !== undefined);
  const header = [
    'set       docs   (a,t,pol) P / R / F1     tp / fp / fn        (a,t,p,pol) F1   hearsay',
    withScenario ? '   contradictions raised / true / false   at once true / false' : '',
  ].join('');
  const lines = rows.map((row) => {
    const { polarity: p } = row;
    const counts = `${p.tp} / ${p.fp} / ${p.fn}`;
    const base = `${row.set.padEnd(9)} ${String(row.documents).padStart(4)}   ${fixed(p.precision)} / ${fixed(p.recall)} / ${fixed(p.f1)}  ${counts.padEnd(18)}  ${fixed(row.proposition.f1).padEnd(15)}  ${`${row.hearsay.found} / ${row.hearsay.expected}`.padEnd(8)}`;
    const c = row.contradictions;
    return c
      ? `${base}   ${`${c.raised} / ${c.true} / ${c.false}`.padEnd(37)}  ${c.strongTrue} / ${c.strongFalse}`
      : base;
  });
  return ['development sets, each scored alone (its own contradiction scenario), then summed:', header, ...lines].join(
    '\n',
  );
}
