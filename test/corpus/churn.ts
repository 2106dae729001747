import { smokeDocuments } from '../../cli/smoke';
import type { Polarity, Statement } from '../../events/statement';
import { DEFAULT_STRENGTH_POLICY } from '../../shared/domain/alerts/alert-strength';
import type { ConfidenceWeights, Evidence, Setting } from '../../shared/domain/extraction/confidence';
import { confidenceFrom } from '../../shared/domain/extraction/confidence';
import { createRulesExtractor } from '../../shared/domain/extraction/rules-extractor';
import { MIN_POSITION_CONFIDENCE } from '../../shared/domain/positions/rules';
import { exampleDocuments } from '../support/examples';
import { type ConfidenceFit, fitConfidence, gridOf, leaveOneWriterOut, type Row, scoresOf } from './calibrate';
import { contradictionsOf, type RaisedContradiction } from './contradiction-scenario';
import { type CorpusDocument, type CorpusSet, loadCorpus } from './evaluate';
import { mostConfident } from './most-confident';

/**
 * What a refit moves (docs/positions.md, "Refitting the confidence"): the statements of the
 * development sets and of the bundled examples, scored by two confidence models without extracting
 * again. Each document is extracted once and every draft of every statement kept with its evidence
 * and setting; a model then picks each statement's draft as the extractor does (the first of the
 * most confident) and gives its confidence, so a statement under a model here is the statement the
 * extractor would give with `createRulesExtractor({ scoring: { confidence } })`.
 */

export type Scorer = (evidence: Evidence, polarity: Polarity, setting: Setting) => number;

export const scorerOfWeights =
  (model: ConfidenceWeights): Scorer =>
  (evidence, polarity, setting) =>
    confidenceFrom(model, evidence, polarity, setting);

interface Draft {
  statement: Statement;
  evidence: Evidence;
  setting: Setting;
}

/** One set's documents and, in the extractor's order, the drafts of each statement it gives. */
export interface DraftBank {
  name: string;
  documents: Array<Pick<CorpusDocument, 'id' | 'publishedAt' | 'expected'>>;
  statements: Draft[][];
  /** The same drafts per document (index of `documents`), in the order the extractor made them. */
  draftsByDocument: Draft[][];
}

type Input = Pick<CorpusDocument, 'id' | 'publishedAt' | 'text'> & Partial<Pick<CorpusDocument, 'expected'>>;

export function draftBankOf(name: string, documents: readonly Input[]): DraftBank {
  let current = new Map<string, Draft[]>();
  let inOrder: Draft[] = [];
  const extractor = createRulesExtractor({
    scoring: {
      onDraftStatement: (statement, evidence, setting) => {
        const draft = { statement: { ...statement }, evidence, setting };
        const drafts = current.get(statement.statementId) ?? [];
        drafts.push(draft);
        current.set(statement.statementId, drafts);
        inOrder.push(draft);
      },
    },
  });
  const statements: Draft[][] = [];
  const draftsByDocument: Draft[][] = [];
  for (const doc of documents) {
    current = new Map();
    inOrder = [];
    extractor.extractSync({ documentId: doc.id, text: doc.text, publishedAt: doc.publishedAt });
    statements.push(...current.values());
    draftsByDocument.push(inOrder);
  }
  return {
    name,
    documents: documents.map((doc) => ({ id: doc.id, publishedAt: doc.publishedAt, expected: doc.expected ?? [] })),
    statements,
    draftsByDocument,
  };
}

export const developmentBanks = (sets: readonly CorpusSet[]): DraftBank[] =>
  sets.map((set) => draftBankOf(set, loadCorpus([set])));

/** The bundled examples (what test/shared/domain/positions/examples.test.ts ingests). */
export function examplesBank(): DraftBank {
  return draftBankOf('examples', exampleDocuments<Input>());
}

/** The bank's statements under `scorer`: each statement's kept draft, with its confidence. */
export function statementsUnder(bank: DraftBank, scorer: Scorer): Statement[] {
  return bank.statements.map((drafts) => {
    const { draft, score } = mostConfident(drafts, (d) => scorer(d.evidence, d.statement.polarity, d.setting));
    return { ...draft.statement, confidence: score };
  });
}

/** How many statements (matched by id) go from under `threshold` to at or over it (up), and back (down). */
export function crossings(
  before: readonly Statement[],
  after: readonly Statement[],
  threshold: number,
): { up: number; down: number } {
  const was = new Map(before.map((s) => [s.statementId, s.confidence]));
  let up = 0;
  let down = 0;
  for (const s of after) {
    const old = was.get(s.statementId);
    if (old === undefined) continue;
    if (old < threshold && s.confidence >= threshold) up += 1;
    else if (old >= threshold && s.confidence < threshold) down += 1;
  }
  return { up, down };
}

interface Contradictions {
  raisedTrue: number;
  raisedFalse: number;
  sentTrue: number;
  sentFalse: number;
}

/** A set's development contradiction scenario at today's thresholds (what `npm run eval` counts). */
export function contradictionsAt(bank: DraftBank, statements: Statement[]): Contradictions {
  const [cell] = gridOf(
    [{ documents: bank.documents as CorpusDocument[], statements }],
    [MIN_POSITION_CONFIDENCE],
    [DEFAULT_STRENGTH_POLICY.minConfidence],
  );
  return {
    raisedTrue: cell!.raisedTrue,
    raisedFalse: cell!.raisedFalse,
    sentTrue: cell!.sentTrue,
    sentFalse: cell!.sentFalse,
  };
}

const sum = (list: readonly Contradictions[]): Contradictions =>
  list.reduce(
    (a, b) => ({
      raisedTrue: a.raisedTrue + b.raisedTrue,
      raisedFalse: a.raisedFalse + b.raisedFalse,
      sentTrue: a.sentTrue + b.sentTrue,
      sentFalse: a.sentFalse + b.sentFalse,
    }),
    { raisedTrue: 0, raisedFalse: 0, sentTrue: 0, sentFalse: 0 },
  );

const sameCounts = (a: Contradictions, b: Contradictions) =>
  a.raisedTrue === b.raisedTrue &&
  a.raisedFalse === b.raisedFalse &&
  a.sentTrue === b.sentTrue &&
  a.sentFalse === b.sentFalse;

export const formatContradictions = (c: Contradictions) =>
  `raised ${c.raisedTrue} true / ${c.raisedFalse} false, sent at once ${c.sentTrue} / ${c.sentFalse}`;

const formatCrossings = (statements: readonly Statement[], after: readonly Statement[]) => {
  const six = crossings(statements, after, MIN_POSITION_CONFIDENCE);
  const seven = crossings(statements, after, DEFAULT_STRENGTH_POLICY.minConfidence);
  return {
    moved: six.up + six.down + seven.up + seven.down,
    text: `${MIN_POSITION_CONFIDENCE} ${six.up} up / ${six.down} down, ${DEFAULT_STRENGTH_POLICY.minConfidence} ${seven.up} up / ${seven.down} down`,
  };
};

const contradictionKey = (c: RaisedContradiction) =>
  [c.actor, c.proposition, c.earlier.statedAt, c.later.statedAt, c.earlier.documentId, c.later.documentId].join(' ');

const describeContradiction = (c: RaisedContradiction) =>
  `${c.actor} ${c.proposition} ${c.earlier.statedAt}→${c.later.statedAt} ${c.strength} (${c.earlier.confidence.toFixed(2)}/${c.later.confidence.toFixed(2)})`;

/** Documents the product makes a promise about, and the tests that hold it to the shipped weights. */
export interface PromisedDocuments {
  bank: DraftBank;
  tests: string;
}

/** The bundled examples and the smoke command's documents, with the tests that read them with the shipped weights. */
export const promisedDocuments = (): PromisedDocuments[] => [
  {
    bank: examplesBank(),
    tests: 'test/shared/domain/positions/examples.test.ts, test/e2e/embedded-contradictions.e2e.test.ts',
  },
  {
    bank: draftBankOf('smoke', [...smokeDocuments('churn', new Date('2026-01-01T00:00:00Z'))]),
    tests: 'test/cli/smoke.test.ts (an alert at once)',
  },
];

/** A promise's contradictions and strengths under both models, each marked when it changed. */
function promiseLines(
  promise: PromisedDocuments,
  committed: Scorer,
  fresh: Scorer,
): { lines: string[]; changed: boolean } {
  const { bank, tests } = promise;
  const oldStatements = statementsUnder(bank, committed);
  const newStatements = statementsUnder(bank, fresh);
  const raisedBefore = contradictionsOf(oldStatements, { inArrivalOrder: true });
  const raisedAfter = contradictionsOf(newStatements, { inArrivalOrder: true });
  const beforeByKey = new Map(raisedBefore.map((c) => [contradictionKey(c), c]));
  const afterKeys = new Set(raisedAfter.map(contradictionKey));
  const listed: string[] = [];
  let changed = false;
  for (const c of raisedAfter) {
    const old = beforeByKey.get(contradictionKey(c));
    if (!old) {
      changed = true;
      listed.push(`    NEW ${describeContradiction(c)}`);
    } else if (old.strength !== c.strength) {
      changed = true;
      listed.push(`    STRENGTH ${old.strength} → ${describeContradiction(c)}`);
    } else listed.push(`    ${describeContradiction(c)}`);
  }
  for (const c of raisedBefore) {
    if (afterKeys.has(contradictionKey(c))) continue;
    changed = true;
    listed.push(`    GONE ${describeContradiction(c)}`);
  }
  const lines = [
    `  ${bank.name} (shipped weights in ${tests}): statements crossing ${formatCrossings(oldStatements, newStatements).text}; contradictions ${changed ? 'CHANGED: read those tests again' : 'unchanged'} (fresh fit, sides' confidences):`,
    ...listed,
  ];
  return { lines, changed };
}

/**
 * The churn report of `npm run calibrate`: what the fresh fit moves against the weights committed,
 * on the development sets (statements across 0.6 and 0.7, and the contradiction scenarios) and on
 * the bundled examples (their contradictions and strengths, which examples.test.ts asserts).
 */
export function churnReport(
  banks: readonly DraftBank[],
  promises: readonly PromisedDocuments[],
  committed: Scorer,
  fresh: Scorer,
): { lines: string[]; examplesChanged: boolean } {
  const lines = ['', 'churn: the fresh fit against the committed weights (confidence-weights.json before this run)'];
  const perSet: string[] = [];
  const before: Contradictions[] = [];
  const after: Contradictions[] = [];
  const allBefore: Statement[] = [];
  const allAfter: Statement[] = [];
  for (const bank of banks) {
    const old = statementsUnder(bank, committed);
    const neu = statementsUnder(bank, fresh);
    allBefore.push(...old);
    allAfter.push(...neu);
    const moved = formatCrossings(old, neu);
    const b = contradictionsAt(bank, old);
    const a = contradictionsAt(bank, neu);
    before.push(b);
    after.push(a);
    if (moved.moved > 0 || !sameCounts(a, b)) {
      const scenario = sameCounts(a, b)
        ? 'contradictions the same'
        : `${formatContradictions(b)} → ${formatContradictions(a)}`;
      perSet.push(`    ${bank.name}: ${moved.text}; ${scenario}`);
    }
  }
  lines.push(
    `  development statements crossing (${allAfter.length} over ${banks.length} sets): ${formatCrossings(allBefore, allAfter).text}`,
  );
  lines.push(
    `  development contradictions at ${MIN_POSITION_CONFIDENCE} / ${DEFAULT_STRENGTH_POLICY.minConfidence}, committed → fresh: ${formatContradictions(sum(before))} → ${formatContradictions(sum(after))}`,
  );
  if (perSet.length > 0) lines.push('  by set, where something crossed or a count moved:', ...perSet);

  let changed = false;
  for (const promise of promises) {
    const checked = promiseLines(promise, committed, fresh);
    lines.push(...checked.lines);
    changed ||= checked.changed;
  }
  return { lines, examplesChanged: changed };
}

/** Median and worst of a list of counts (with the name of the worst). */
function medianAndWorst(values: ReadonlyArray<{ name: string; count: number }>) {
  const sorted = [...values].sort((a, b) => a.count - b.count);
  const middle = sorted.length / 2;
  const median =
    sorted.length % 2 === 1
      ? sorted[Math.floor(middle)]!.count
      : (sorted[middle - 1]!.count + sorted[middle]!.count) / 2;
  return { median, worst: sorted[sorted.length - 1]! };
}

export interface StabilityLine {
  l2: number;
  churn06: { median: number; worst: { name: string; count: number } };
  churn07: { median: number; worst: { name: string; count: number } };
  brier: number;
  logLoss: number;
  inSample: Contradictions;
  heldOut: Contradictions;
}

/**
 * How far a small change of data moves statements: with each development set left out in turn, the
 * statements of the sets that stayed in whose confidence crosses 0.6 (and 0.7) against the fit on
 * all sets; with the held-out-writer scores and the development contradictions at that penalty.
 */
export function stabilityOf(rows: readonly Row[], banks: readonly DraftBank[], l2: number): StabilityLine {
  const full: ConfidenceFit = fitConfidence(rows, l2);
  const fullScorer = scorerOfWeights(full);
  const held = leaveOneWriterOut(rows, l2);
  const scores = scoresOf(
    held.fresh,
    held.rows.map((row) => row.right),
  );
  const fullStatements = banks.map((bank) => statementsUnder(bank, fullScorer));
  const churn06: Array<{ name: string; count: number }> = [];
  const churn07: Array<{ name: string; count: number }> = [];
  const heldOut: Contradictions[] = [];
  for (const [i, bank] of banks.entries()) {
    const model = held.models.get(bank.name as CorpusSet);
    if (!model) continue;
    const scorer = scorerOfWeights(model);
    let six = 0;
    let seven = 0;
    for (const [j, other] of banks.entries()) {
      if (j === i) continue;
      const moved = statementsUnder(other, scorer);
      const c6 = crossings(fullStatements[j]!, moved, MIN_POSITION_CONFIDENCE);
      const c7 = crossings(fullStatements[j]!, moved, DEFAULT_STRENGTH_POLICY.minConfidence);
      six += c6.up + c6.down;
      seven += c7.up + c7.down;
    }
    churn06.push({ name: bank.name, count: six });
    churn07.push({ name: bank.name, count: seven });
    heldOut.push(contradictionsAt(bank, statementsUnder(bank, scorer)));
  }
  return {
    l2,
    churn06: medianAndWorst(churn06),
    churn07: medianAndWorst(churn07),
    brier: scores.brier,
    logLoss: scores.logLoss,
    inSample: sum(banks.map((bank, j) => contradictionsAt(bank, fullStatements[j]!))),
    heldOut: sum(heldOut),
  };
}

export function formatStability(lines: readonly StabilityLine[]): string[] {
  const out = [
    `  L2   crossing ${MIN_POSITION_CONFIDENCE}: median  worst (left out)   crossing ${DEFAULT_STRENGTH_POLICY.minConfidence}: median  worst (left out)   Brier    log loss   in-sample raised / sent at once   held-out raised / sent at once`,
  ];
  const tf = (c: Contradictions) => `${c.raisedTrue}/${c.raisedFalse} ${c.sentTrue}/${c.sentFalse}`;
  for (const line of lines) {
    out.push(
      `  ${String(line.l2).padEnd(4)} ${String(line.churn06.median).padStart(20)}  ${`${line.churn06.worst.count} (${line.churn06.worst.name})`.padEnd(17)} ${String(line.churn07.median).padStart(21)}  ${`${line.churn07.worst.count} (${line.churn07.worst.name})`.padEnd(17)}   ${line.brier.toFixed(4)}   ${line.logLoss.toFixed(4)}     ${tf(line.inSample).padEnd(29)}   ${tf(line.heldOut)}`,
    );
  }
  return out;
}
