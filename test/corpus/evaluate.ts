import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { z } from 'zod';
import { ActorId, Polarity, PropositionId, type Statement, TopicId } from '../../events/statement';
import type { Codebook } from '../../shared/domain/extraction/codebook/schema';
import { createRulesExtractor } from '../../shared/domain/extraction/rules-extractor';

/**
 * `npm run eval`: runs the rules extractor over the labelled corpus and prints precision, recall and
 * F1 on (actor, topic, proposition, polarity) and on (actor, topic, polarity), overall and per
 * topic. Statements are compared per document as sets of tuples, so finding the same stance in two
 * sentences counts once. `--verbose` lists every miss and every false alarm; `--set dev|heldout`
 * restricts to one part of the corpus.
 */

const here = dirname(fileURLToPath(import.meta.url));

export const ExpectedStatement = z
  .object({
    actor: ActorId,
    topic: TopicId,
    proposition: PropositionId,
    polarity: Polarity,
    reportedBy: ActorId.optional(),
  })
  .strict();

export const CorpusDocument = z
  .object({
    id: z.string().min(1),
    publishedAt: z.string(),
    title: z.string().optional(),
    /** Every corpus document is invented; the flag says so in the data itself. */
    fictional: z.literal(true),
    text: z.string().min(1),
    expected: z.array(ExpectedStatement),
  })
  .strict();
export type CorpusDocument = z.infer<typeof CorpusDocument>;

export type CorpusSet = 'dev' | 'heldout';

const SETS: Record<CorpusSet, string> = { dev: 'documents', heldout: 'heldout' };

export function loadCorpus(sets: CorpusSet[] = ['dev', 'heldout']): Array<CorpusDocument & { set: CorpusSet }> {
  const out: Array<CorpusDocument & { set: CorpusSet }> = [];
  for (const set of sets) {
    const folder = join(here, SETS[set]);
    let files: string[];
    try {
      files = readdirSync(folder).filter((name) => name.endsWith('.json'));
    } catch {
      continue;
    }
    for (const file of files.sort()) {
      const parsed = CorpusDocument.safeParse(JSON.parse(readFileSync(join(folder, file), 'utf8')));
      if (!parsed.success) throw new Error(`${set}/${file}: ${parsed.error.message}`);
      out.push({ ...parsed.data, set });
    }
  }
  return out;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
}

export interface Scores extends Counts {
  precision: number;
  recall: number;
  f1: number;
}

const score = ({ tp, fp, fn }: Counts): Scores => {
  const precision = tp + fp === 0 ? 1 : tp / (tp + fp);
  const recall = tp + fn === 0 ? 1 : tp / (tp + fn);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { tp, fp, fn, precision, recall, f1 };
};

export type KeyKind = 'proposition' | 'polarity';

interface Tuple {
  actor: string;
  topic: string;
  proposition: string;
  polarity: string;
  reportedBy?: string | undefined;
}

const keyOf = (tuple: Tuple, kind: KeyKind) =>
  kind === 'proposition'
    ? `${tuple.actor}|${tuple.topic}|${tuple.proposition}|${tuple.polarity}`
    : `${tuple.actor}|${tuple.topic}|${tuple.polarity}`;

export interface DocumentResult {
  id: string;
  set: CorpusSet;
  missed: string[];
  spurious: string[];
  statements: Statement[];
}

export interface Evaluation {
  documents: number;
  expected: number;
  predicted: number;
  extractorVersion: string;
  codebookVersion: string;
  overall: Record<KeyKind, Scores>;
  byTopic: Record<string, Record<KeyKind, Scores>>;
  /** Of the expected hearsay statements, how many were found with the right `reportedBy`. */
  hearsay: { expected: number; found: number };
  /** Documents labelled with no statement that yielded none. */
  silentDocuments: { expected: number; silent: number };
  results: DocumentResult[];
  millis: number;
}

export async function evaluateCorpus(options: { sets?: CorpusSet[]; codebook?: Codebook } = {}): Promise<Evaluation> {
  const corpus = loadCorpus(options.sets);
  const extractor = createRulesExtractor(options.codebook ? { codebook: options.codebook } : {});
  const counts: Record<KeyKind, Map<string, Counts>> = { proposition: new Map(), polarity: new Map() };
  const bump = (kind: KeyKind, topic: string, field: keyof Counts) => {
    for (const bucket of [topic, '*']) {
      const current = counts[kind].get(bucket) ?? { tp: 0, fp: 0, fn: 0 };
      current[field] += 1;
      counts[kind].set(bucket, current);
    }
  };
  const results: DocumentResult[] = [];
  const hearsay = { expected: 0, found: 0 };
  const silentDocuments = { expected: 0, silent: 0 };
  let predicted = 0;
  let expected = 0;
  let extractorVersion = '';
  let codebookVersion = '';
  const started = performance.now();
  for (const document of corpus) {
    const result = await extractor.extract({
      documentId: document.id,
      text: document.text,
      publishedAt: document.publishedAt,
    });
    extractorVersion = result.extractorVersion;
    codebookVersion = result.codebookVersion;
    predicted += result.statements.length;
    expected += document.expected.length;
    const missed: string[] = [];
    const spurious: string[] = [];
    for (const kind of ['proposition', 'polarity'] as const) {
      const gold = new Map(document.expected.map((tuple) => [keyOf(tuple, kind), tuple]));
      const found = new Map(result.statements.map((statement) => [keyOf(statement, kind), statement]));
      for (const [key, tuple] of gold) {
        if (found.has(key)) bump(kind, tuple.topic, 'tp');
        else {
          bump(kind, tuple.topic, 'fn');
          if (kind === 'proposition') missed.push(key);
        }
      }
      for (const [key, statement] of found) {
        if (!gold.has(key)) {
          bump(kind, statement.topic, 'fp');
          if (kind === 'proposition')
            spurious.push(`${key}${statement.reportedBy ? ` (by ${statement.reportedBy})` : ''}`);
        }
      }
    }
    for (const tuple of document.expected) {
      if (!tuple.reportedBy) continue;
      hearsay.expected += 1;
      const hit = result.statements.some(
        (statement) =>
          keyOf(statement, 'proposition') === keyOf(tuple, 'proposition') && statement.reportedBy === tuple.reportedBy,
      );
      if (hit) hearsay.found += 1;
    }
    if (document.expected.length === 0) {
      silentDocuments.expected += 1;
      if (result.statements.length === 0) silentDocuments.silent += 1;
    }
    results.push({ id: document.id, set: document.set, missed, spurious, statements: result.statements });
  }
  const millis = performance.now() - started;
  const byTopic: Record<string, Record<KeyKind, Scores>> = {};
  const topics = new Set([...counts.proposition.keys(), ...counts.polarity.keys()]);
  for (const topic of [...topics].sort()) {
    if (topic === '*') continue;
    byTopic[topic] = {
      proposition: score(counts.proposition.get(topic) ?? { tp: 0, fp: 0, fn: 0 }),
      polarity: score(counts.polarity.get(topic) ?? { tp: 0, fp: 0, fn: 0 }),
    };
  }
  return {
    documents: corpus.length,
    expected,
    predicted,
    extractorVersion,
    codebookVersion,
    overall: {
      proposition: score(counts.proposition.get('*') ?? { tp: 0, fp: 0, fn: 0 }),
      polarity: score(counts.polarity.get('*') ?? { tp: 0, fp: 0, fn: 0 }),
    },
    byTopic,
    hearsay,
    silentDocuments,
    results,
    millis,
  };
}

const pct = (value: number) => value.toFixed(3);
const cells = (s: Scores) =>
  `${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;

export function formatEvaluation(evaluation: Evaluation, verbose = false): string {
  const lines: string[] = [];
  lines.push(
    `stancewatch extraction eval: ${evaluation.documents} documents, ${evaluation.expected} expected and ${evaluation.predicted} extracted statements (${evaluation.extractorVersion}, codebook ${evaluation.codebookVersion}, ${evaluation.millis.toFixed(0)} ms)`,
  );
  lines.push('');
  const header = '  tp   fp   fn  P     R     F1   ';
  lines.push(`${''.padEnd(20)} ${'(actor, topic, proposition, polarity)'.padEnd(36)} ${'(actor, topic, polarity)'}`);
  lines.push(`${'topic'.padEnd(20)} ${header}  ${header}`);
  const row = (name: string, scores: Record<KeyKind, Scores>) =>
    lines.push(`${name.padEnd(20)} ${cells(scores.proposition)}    ${cells(scores.polarity)}`);
  row('OVERALL', evaluation.overall);
  lines.push('');
  for (const [topic, scores] of Object.entries(evaluation.byTopic)) row(topic, scores);
  lines.push('');
  lines.push(`hearsay found with the right reportedBy: ${evaluation.hearsay.found}/${evaluation.hearsay.expected}`);
  lines.push(
    `documents with no stance that yielded nothing: ${evaluation.silentDocuments.silent}/${evaluation.silentDocuments.expected}`,
  );
  if (verbose) {
    lines.push('');
    for (const result of evaluation.results) {
      if (result.missed.length === 0 && result.spurious.length === 0) continue;
      lines.push(`${result.set}/${result.id}`);
      for (const key of result.missed) lines.push(`  missed   ${key}`);
      for (const key of result.spurious) lines.push(`  spurious ${key}`);
    }
  }
  return lines.join('\n');
}

async function main() {
  const args = process.argv.slice(2);
  const verbose = args.includes('--verbose') || args.includes('-v');
  const setIndex = args.indexOf('--set');
  const set = setIndex >= 0 ? (args[setIndex + 1] as CorpusSet) : undefined;
  if (set && !(set in SETS)) throw new Error(`--set must be one of ${Object.keys(SETS).join(', ')}`);
  const evaluation = await evaluateCorpus(set ? { sets: [set] } : {});
  console.log(formatEvaluation(evaluation, verbose));
  if (!set) {
    for (const part of Object.keys(SETS) as CorpusSet[]) {
      const partial = await evaluateCorpus({ sets: [part] });
      if (partial.documents === 0) continue;
      const p = partial.overall;
      console.log(
        `${part.padEnd(8)} ${String(partial.documents).padStart(3)} docs   F1 (a,t,p,pol) ${pct(p.proposition.f1)}   F1 (a,t,pol) ${pct(p.polarity.f1)}`,
      );
    }
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
