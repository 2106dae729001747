import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import * as z from 'zod';
import { ActorId, Polarity, PropositionId, type Statement, TopicId } from '../../events/statement';
import { ENV, EXTRACTOR_KINDS, type ExtractorKind, readConfig } from '../../shared/config';
import type { Codebook } from '../../shared/domain/extraction/codebook/schema';
import type { LlmExtractionResult } from '../../shared/domain/extraction/llm/report';
import { createRulesExtractor } from '../../shared/domain/extraction/rules-extractor';
import { MIN_POSITION_CONFIDENCE, SEVERITY_MIN_CONFIDENCE } from '../../shared/domain/positions/rules';
import { CLI_EXIT_BY_CODE, isStancewatchError } from '../../shared/errors';
import { mapConcurrently } from '../../shared/map-concurrently';
import type { ExtractionResult, Extractor } from '../../shared/ports/extractor';
import { createExtractor, type ExtractorDependencies } from '../../shared/wiring/extractor';
import {
  type ContradictionScenario,
  contradictionCounts,
  type RaisedContradiction,
  scoreContradictions,
  sentAtOnceBySetting,
} from './contradiction-scenario';
import { formatSetSummaries, summariseSets } from './development-summary';
import { type Counts, f1Of, type Scores, score, share } from './scores';

export type { Counts, Scores } from './scores';

/**
 * `npm run eval`: runs an extractor (`--extractor rules|bedrock|rules+bedrock`, default rules, built
 * by shared/wiring/extractor.ts from the environment) over the labelled corpus and prints precision, recall and
 * F1 on (actor, topic, proposition, polarity) and on (actor, topic, polarity), overall and per
 * topic. Statements are compared per document as sets of tuples, so finding the same stance in two
 * sentences counts once. `--verbose` lists every miss and every false alarm; `--set dev|heldout`
 * restricts to one part of the corpus. A document whose extraction fails counts as extracting
 * nothing and is listed, so one refused model call never aborts a paid run.
 */

const here = dirname(fileURLToPath(import.meta.url));

/** How the text carries a stance (see README.md, "Evidence kinds"); labelled on the press-style sets. */
export const EvidenceKind = z.enum(['quote', 'speech', 'action']);
export type EvidenceKind = z.infer<typeof EvidenceKind>;

/** The failure classes the press-style sets exercise (README.md, "Cases the press sets label"). */
export const CorpusTag = z.enum([
  'embedded-demand',
  'narrative',
  'offer-in-exchange',
  'meeting-announced',
  'recommendation',
  'concern-about-act',
  'positive-goal',
  'other-side-condition',
  'third-party-hearsay',
  'no-stance',
]);
export type CorpusTag = z.infer<typeof CorpusTag>;

export const ExpectedStatement = z
  .object({
    actor: ActorId,
    topic: TopicId,
    proposition: PropositionId,
    polarity: Polarity,
    reportedBy: ActorId.optional(),
    evidence: EvidenceKind.optional(),
  })
  .strict();

export const CorpusDocument = z
  .object({
    id: z.string().min(1),
    publishedAt: z.string(),
    title: z.string().optional(),
    source: z.string().optional(),
    tags: z.array(CorpusTag).optional(),
    /** Every corpus document is invented; the flag says so in the data itself. */
    fictional: z.literal(true),
    text: z.string().min(1),
    expected: z.array(ExpectedStatement),
  })
  .strict();
export type CorpusDocument = z.infer<typeof CorpusDocument>;

/**
 * `dev` and `heldout` are the original short documents; `press` the first press-style development
 * set and `press-N` later ones, each from another writer in another press form (tuned on, never
 * blind); `blind-N` the frozen blind sets, and `blind` the newest of them (the one a round is
 * judged on).
 */
export type CorpusSet = 'dev' | 'heldout' | 'press' | 'blind' | `press-${number}` | `blind-${number}`;

const FOLDERS: Record<string, string> = { dev: 'documents', heldout: 'heldout', press: 'press' };

/** The folders named `<kind>-N` present, in order of N: `blind-1`, `blind-2`, … */
function numberedSets<Kind extends 'blind' | 'press'>(kind: Kind): Array<`${Kind}-${number}`> {
  const pattern = new RegExp(`^${kind}-(\\d+)$`);
  return readdirSync(here)
    .map((name) => pattern.exec(name))
    .filter((match): match is RegExpExecArray => match !== null)
    .map((match) => Number(match[1]))
    .sort((left, right) => left - right)
    .map((n) => `${kind}-${n}` as const);
}

/** The blind sets present, oldest first: `blind-1`, `blind-2`, … */
export function blindSets(): Array<`blind-${number}`> {
  return numberedSets('blind');
}

/** The later press-style development sets present: `press-2`, `press-3`, … */
export function pressSets(): Array<`press-${number}`> {
  return numberedSets('press');
}

/** `--set development`: every press-style development set, `press` first, each also scored on its own. */
const DEVELOPMENT = 'development';

export function developmentSets(): CorpusSet[] {
  return ['press', ...pressSets()];
}

export function isCorpusSet(name: string): name is CorpusSet {
  return (
    name in FOLDERS ||
    name === 'blind' ||
    blindSets().includes(name as `blind-${number}`) ||
    pressSets().includes(name as `press-${number}`)
  );
}

function folderOf(set: CorpusSet): string | undefined {
  if (set === 'blind') return blindSets().at(-1);
  return FOLDERS[set] ?? set;
}

export function loadCorpus(sets: CorpusSet[] = ['dev', 'heldout']): Array<CorpusDocument & { set: CorpusSet }> {
  const out: Array<CorpusDocument & { set: CorpusSet }> = [];
  for (const set of sets) {
    const name = folderOf(set);
    if (name === undefined) continue;
    const folder = join(here, name);
    let files: string[];
    try {
      files = readdirSync(folder).filter((file) => file.endsWith('.json'));
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

/**
 * Per evidence kind, precision and recall have different bases: precision over the statements the
 * extractor gave that kind (`tp` right, `fp` wrong), recall over the labels of that kind (`found`,
 * `fn` missed). A labelled quote found as speech counts for the quote's recall and for speech's
 * precision.
 */
export interface EvidenceScores extends Scores {
  found: number;
}

type EvidenceCounts = Counts & { found: number };

const evidenceScore = ({ tp, fp, fn, found }: EvidenceCounts): EvidenceScores => {
  const precision = share(tp, tp + fp);
  const recall = share(found, found + fn);
  return { tp, fp, fn, found, precision, recall, f1: f1Of(precision, recall) };
};

const noCounts = (): Counts => ({ tp: 0, fp: 0, fn: 0 });
const noEvidenceCounts = (): EvidenceCounts => ({ tp: 0, fp: 0, fn: 0, found: 0 });

/** One more in `field` of `bucket`'s counts, which start at `empty()`. */
function tally<C extends Counts>(map: Map<string, C>, bucket: string, field: keyof C, empty: () => C): void {
  const current = map.get(bucket) ?? empty();
  (current[field] as number) += 1;
  map.set(bucket, current);
}

type Extraction = { ok: true; result: ExtractionResult } | { ok: false; reason: string };

/**
 * Why a result counts as failed: the Bedrock extractor answers a hard failure with the rules'
 * result and a report saying so (shared/adapters/bedrock/bedrock-extractor.ts).
 */
function fallbackOf(result: ExtractionResult): string | undefined {
  const fallback = (result as Partial<LlmExtractionResult>).report?.fallback;
  return fallback ? `${fallback.errorName}: ${fallback.reason}` : undefined;
}

/** Every document's extraction, in corpus order, at most `concurrency` at a time; one failure never stops the rest. */
function extractAll(
  corpus: ReadonlyArray<CorpusDocument>,
  extractor: Extractor,
  concurrency: number,
): Promise<Extraction[]> {
  return mapConcurrently(corpus, concurrency, async (document): Promise<Extraction> => {
    try {
      const result = await extractor.extract({
        documentId: document.id,
        text: document.text,
        publishedAt: document.publishedAt,
      });
      const fallback = fallbackOf(result);
      return fallback === undefined ? { ok: true, result } : { ok: false, reason: fallback };
    } catch (error) {
      return { ok: false, reason: error instanceof Error ? `${error.name}: ${error.message}` : String(error) };
    }
  });
}

export type KeyKind = 'proposition' | 'polarity';

/**
 * The confidences the product acts on: a statement under MIN_POSITION_CONFIDENCE is stored but
 * moves no position, and a contradiction is sent at once only when both sides reach
 * SEVERITY_MIN_CONFIDENCE. Scoring the statements at or over each shows what a desk sees move,
 * beside the eval's headline figures over every statement extracted.
 */
export const CONFIDENCE_FLOORS = [MIN_POSITION_CONFIDENCE, SEVERITY_MIN_CONFIDENCE] as const;

export interface ConfidenceFloorScores {
  /** Only statements whose confidence is at least this count as extracted. */
  atLeast: number;
  /** On (actor, topic, polarity); every label still counts, so recall is over all of them. */
  scores: Scores;
}

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
  tags: CorpusTag[];
  missed: string[];
  spurious: string[];
  statements: Statement[];
}

/** A document whose extraction failed (it threw, or the Bedrock extractor fell back to the rules). */
export interface FailedDocument {
  id: string;
  set: CorpusSet;
  reason: string;
}

export interface Evaluation {
  documents: number;
  expected: number;
  predicted: number;
  /** The extractor's name: rules, bedrock or rules+bedrock. */
  extractor: string;
  /** The extractorVersion of the documents extracted (several, most frequent first, when they differ). */
  extractorVersion: string;
  /** Scored as extracting nothing, so a flaky model shows as lost recall, not as the rules' figures. */
  failed: FailedDocument[];
  codebookVersion: string;
  overall: Record<KeyKind, Scores>;
  byTopic: Record<string, Record<KeyKind, Scores>>;
  /** On (actor, topic, polarity), per failure-class tag of the documents (a document counts under each of its tags). */
  byTag: Record<string, Scores>;
  /**
   * On (actor, topic, polarity), per evidence kind: recall from the labels' kind, precision from the
   * extracted statements' kind.
   */
  byEvidence: Record<string, EvidenceScores>;
  /** On (actor, topic, polarity), counting only the statements at or over each of CONFIDENCE_FLOORS. */
  byConfidence: ConfidenceFloorScores[];
  /** Of the expected hearsay statements, how many were found with the right `reportedBy`. */
  hearsay: { expected: number; found: number };
  /** Documents labelled with no statement that yielded none. */
  silentDocuments: { expected: number; silent: number };
  results: DocumentResult[];
  millis: number;
}

export interface EvaluateOptions {
  sets?: CorpusSet[];
  /** The codebook of the default rules extractor (ignored when `extractor` is given). */
  codebook?: Codebook;
  /** The extractor to score; default: the rules extractor. The CLI builds it with shared/wiring/extractor.ts. */
  extractor?: Extractor;
  /** Documents extracted at the same time (default 1). The CLI asks a Bedrock extractor 4 at a time. */
  concurrency?: number;
  /** Only these documents of the sets (tests score a few without running the whole set). */
  documentIds?: readonly string[];
}

export async function evaluateCorpus(options: EvaluateOptions = {}): Promise<Evaluation> {
  const loaded = loadCorpus(options.sets);
  const wanted = options.documentIds ? new Set(options.documentIds) : undefined;
  const corpus = wanted ? loaded.filter((document) => wanted.has(document.id)) : loaded;
  const extractor = options.extractor ?? createRulesExtractor(options.codebook ? { codebook: options.codebook } : {});
  const counts: Record<KeyKind, Map<string, Counts>> = { proposition: new Map(), polarity: new Map() };
  const bump = (kind: KeyKind, topic: string, field: keyof Counts) => {
    for (const bucket of [topic, '*']) tally(counts[kind], bucket, field, noCounts);
  };
  const tagCounts = new Map<string, Counts>();
  const evidenceCounts = new Map<string, EvidenceCounts>();
  const bumpEvidence = (kind: string, field: keyof EvidenceCounts) =>
    tally(evidenceCounts, kind, field, noEvidenceCounts);
  const bumpIn = (map: Map<string, Counts>, bucket: string, field: keyof Counts) => tally(map, bucket, field, noCounts);
  const results: DocumentResult[] = [];
  const floorCounts = CONFIDENCE_FLOORS.map(noCounts);
  const hearsay = { expected: 0, found: 0 };
  const silentDocuments = { expected: 0, silent: 0 };
  let predicted = 0;
  let expected = 0;
  const versions = new Map<string, number>();
  let codebookVersion = '';
  const failed: FailedDocument[] = [];
  const started = performance.now();
  const extractions = await extractAll(corpus, extractor, options.concurrency ?? 1);
  for (const [index, document] of corpus.entries()) {
    const extraction = extractions[index]!;
    if (!extraction.ok) failed.push({ id: document.id, set: document.set, reason: extraction.reason });
    // A failed document extracted nothing: never the rules' fallback answer, which would score
    // the rules under another extractor's name.
    const result: ExtractionResult = extraction.ok
      ? extraction.result
      : { extractorVersion: '', codebookVersion: '', statements: [] };
    if (extraction.ok) {
      versions.set(result.extractorVersion, (versions.get(result.extractorVersion) ?? 0) + 1);
      codebookVersion = result.codebookVersion;
    }
    predicted += result.statements.length;
    expected += document.expected.length;
    const missed: string[] = [];
    const spurious: string[] = [];
    for (const kind of ['proposition', 'polarity'] as const) {
      const gold = new Map(document.expected.map((tuple) => [keyOf(tuple, kind), tuple]));
      const found = new Map(result.statements.map((statement) => [keyOf(statement, kind), statement]));
      const tags = document.tags ?? [];
      for (const [key, tuple] of gold) {
        const field = found.has(key) ? 'tp' : 'fn';
        bump(kind, tuple.topic, field);
        if (kind === 'polarity') {
          for (const tag of tags) bumpIn(tagCounts, tag, field);
          bumpEvidence(tuple.evidence ?? '(unlabelled)', field === 'tp' ? 'found' : 'fn');
        }
        if (field === 'fn' && kind === 'proposition') missed.push(key);
      }
      if (kind === 'polarity') {
        // Each tuple once per kind it was stated as: a stance read from a lede's paraphrase and
        // again from the quote below it counts for speech and for quotes.
        const stated = new Set(
          result.statements.map((statement) => `${statement.evidence}\u001f${keyOf(statement, kind)}`),
        );
        for (const entry of stated) {
          const [evidence = '', key = ''] = entry.split('\u001f');
          bumpEvidence(evidence, gold.has(key) ? 'tp' : 'fp');
        }
      }
      for (const [key, statement] of found) {
        if (!gold.has(key)) {
          bump(kind, statement.topic, 'fp');
          if (kind === 'polarity') {
            for (const tag of tags) bumpIn(tagCounts, tag, 'fp');
          }
          if (kind === 'proposition')
            spurious.push(`${key}${statement.reportedBy ? ` (by ${statement.reportedBy})` : ''}`);
        }
      }
    }
    const labelled = new Set(document.expected.map((tuple) => keyOf(tuple, 'polarity')));
    for (const [index, floor] of CONFIDENCE_FLOORS.entries()) {
      const kept = new Set(
        result.statements
          .filter((statement) => statement.confidence >= floor)
          .map((statement) => keyOf(statement, 'polarity')),
      );
      const floorCount = floorCounts[index]!;
      for (const key of labelled) floorCount[kept.has(key) ? 'tp' : 'fn'] += 1;
      for (const key of kept) if (!labelled.has(key)) floorCount.fp += 1;
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
    results.push({
      id: document.id,
      set: document.set,
      tags: document.tags ?? [],
      missed,
      spurious,
      statements: result.statements,
    });
  }
  const millis = performance.now() - started;
  const byTopic: Record<string, Record<KeyKind, Scores>> = {};
  const topics = new Set([...counts.proposition.keys(), ...counts.polarity.keys()]);
  for (const topic of [...topics].sort()) {
    if (topic === '*') continue;
    byTopic[topic] = {
      proposition: score(counts.proposition.get(topic) ?? noCounts()),
      polarity: score(counts.polarity.get(topic) ?? noCounts()),
    };
  }
  return {
    documents: corpus.length,
    expected,
    predicted,
    extractor: extractor.name,
    // Most documents first; a hybrid answers some documents with the rules alone.
    extractorVersion:
      [...versions]
        .sort(([a, m], [b, n]) => n - m || a.localeCompare(b))
        .map(([version]) => version)
        .join(', ') || `${extractor.name} (no document extracted)`,
    failed,
    codebookVersion,
    overall: {
      proposition: score(counts.proposition.get('*') ?? noCounts()),
      polarity: score(counts.polarity.get('*') ?? noCounts()),
    },
    byTopic,
    byTag: Object.fromEntries([...tagCounts].sort(([a], [b]) => a.localeCompare(b)).map(([tag, c]) => [tag, score(c)])),
    byEvidence: Object.fromEntries(
      [...evidenceCounts].sort(([a], [b]) => a.localeCompare(b)).map(([kind, c]) => [kind, evidenceScore(c)]),
    ),
    byConfidence: CONFIDENCE_FLOORS.map((atLeast, index) => ({ atLeast, scores: score(floorCounts[index]!) })),
    hearsay,
    silentDocuments,
    results,
    millis,
  };
}

const pct = (value: number) => value.toFixed(3);
const cells = (s: Scores) =>
  `${String(s.tp).padStart(4)} ${String(s.fp).padStart(4)} ${String(s.fn).padStart(4)}  ${pct(s.precision)} ${pct(s.recall)} ${pct(s.f1)}`;

/** The documents with the most errors, worst first (ties by id). */
export function worstDocuments(evaluation: Evaluation, count: number): DocumentResult[] {
  const errors = (result: DocumentResult) => result.missed.length + result.spurious.length;
  return evaluation.results
    .filter((result) => errors(result) > 0)
    .sort((left, right) => errors(right) - errors(left) || left.id.localeCompare(right.id))
    .slice(0, count);
}

export function formatEvaluation(evaluation: Evaluation, verbose = false): string {
  const lines: string[] = [];
  lines.push(
    `stancewatch extraction eval: ${evaluation.documents} documents, ${evaluation.expected} expected and ${evaluation.predicted} extracted statements (extractor ${evaluation.extractor}: ${evaluation.extractorVersion}, codebook ${evaluation.codebookVersion}, ${evaluation.millis.toFixed(0)} ms)`,
  );
  if (evaluation.failed.length > 0) {
    lines.push(
      `extraction failed on ${evaluation.failed.length} of ${evaluation.documents} documents; they count as extracting nothing:`,
    );
    for (const failure of evaluation.failed)
      lines.push(`  ${`${failure.set}/${failure.id}`.padEnd(48)} ${failure.reason}`);
  }
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
  const scoreRows = (title: string, table: Record<string, Scores>) => {
    if (Object.keys(table).length === 0) return;
    lines.push(`${title.padEnd(24)}  tp   fp   fn  P     R     F1     (actor, topic, polarity)`);
    for (const [name, scores] of Object.entries(table)) lines.push(`${name.padEnd(24)}${cells(scores)}`);
    lines.push('');
  };
  scoreRows('failure class (tag)', evaluation.byTag);
  const byEvidence = Object.entries(evaluation.byEvidence);
  if (byEvidence.length > 0) {
    lines.push(
      `${'evidence kind'.padEnd(24)}extracted: right wrong  labelled: found missed  P     R     F1     (actor, topic, polarity)`,
    );
    for (const [kind, e] of byEvidence) {
      lines.push(
        `${kind.padEnd(24)}           ${String(e.tp).padStart(5)} ${String(e.fp).padStart(5)}            ${String(e.found).padStart(5)} ${String(e.fn).padStart(6)}  ${pct(e.precision)} ${pct(e.recall)} ${pct(e.f1)}`,
      );
    }
    lines.push('');
  }
  lines.push(`${'statements acted on'.padEnd(24)}  tp   fp   fn  P     R     F1     (actor, topic, polarity)`);
  for (const { atLeast, scores } of evaluation.byConfidence)
    lines.push(`${`confidence >= ${atLeast}`.padEnd(24)}${cells(scores)}`);
  lines.push('');
  const worst = worstDocuments(evaluation, 8);
  if (worst.length > 0) {
    lines.push('worst documents (missed + spurious on (actor, topic, proposition, polarity)):');
    for (const result of worst) {
      lines.push(
        `  ${`${result.set}/${result.id}`.padEnd(48)} ${String(result.missed.length).padStart(2)} missed ${String(result.spurious.length).padStart(2)} spurious`,
      );
    }
    lines.push('');
  }
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

const USAGE =
  'usage: npm run eval -- [--set dev|heldout|press|press-N|development|blind|blind-N] [--extractor rules|bedrock|rules+bedrock] [--verbose] [--contradictions [--min-position 0.6..1]] [--json]';

/** Documents a Bedrock extractor is asked at the same time: enough to finish a set in minutes, few enough not to be throttled. */
const BEDROCK_DOCUMENT_CONCURRENCY = 4;

export interface EvalDependencies {
  /** The environment the extractor's configuration is read from (default process.env). */
  env?: Record<string, string | undefined>;
  /** What the wiring would otherwise build: a Bedrock client (tests pass a mocked one), a logger. */
  extractor?: ExtractorDependencies;
  out?: (text: string) => void;
  err?: (text: string) => void;
}

/**
 * The extractor `--extractor` names, built by the app's own wiring from the environment
 * (STANCEWATCH_BEDROCK_MODEL, STANCEWATCH_BEDROCK_REGION, STANCEWATCH_CODEBOOK, …), so the eval
 * scores what `ingest` would run. A configuration error is a message, not a stack trace.
 */
function buildExtractor(
  kind: ExtractorKind,
  dependencies: EvalDependencies,
): { extractor: Extractor } | { error: string; exitCode: number } {
  try {
    const config = readConfig({ ...(dependencies.env ?? process.env), [ENV.extractor]: kind });
    return { extractor: createExtractor(config, dependencies.extractor ?? {}) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { error: message, exitCode: isStancewatchError(error) ? CLI_EXIT_BY_CODE[error.code] : 2 };
  }
}

/** Asks the extractor once per document, however many times the eval scores it (the per-set summary). */
function remembering(extractor: Extractor): Extractor {
  const seen = new Map<string, Promise<ExtractionResult>>();
  return {
    name: extractor.name,
    extract: (input) => {
      const key = `${input.documentId}\u0000${input.text}`;
      let answer = seen.get(key);
      if (!answer) {
        answer = extractor.extract(input);
        seen.set(key, answer);
      }
      return answer;
    },
  };
}

/**
 * `--min-position m`: the contradiction scenario counts only statements of confidence ≥ m, to weigh
 * a higher position threshold than MIN_POSITION_CONFIDENCE before the product's is changed.
 * Returns the threshold, undefined when the flag is absent, or the reason it is refused.
 */
function minPositionOf(args: readonly string[]): number | undefined | string {
  const index = args.indexOf('--min-position');
  if (index < 0) return undefined;
  const value = Number(args[index + 1]);
  if (!args.includes('--contradictions')) return '--min-position needs --contradictions';
  if (args[index + 1] === undefined || !Number.isFinite(value) || value < MIN_POSITION_CONFIDENCE || value > 1) {
    return `--min-position must be a number from ${MIN_POSITION_CONFIDENCE} to 1`;
  }
  return value;
}

/** `npm run eval`; returns the exit code (2: bad arguments or configuration). */
export async function runEval(args: string[], dependencies: EvalDependencies = {}): Promise<number> {
  const out = dependencies.out ?? ((text: string) => console.log(text));
  const err = dependencies.err ?? ((text: string) => console.error(text));
  const verbose = args.includes('--verbose') || args.includes('-v');
  const json = args.includes('--json');
  const setIndex = args.indexOf('--set');
  const set = setIndex >= 0 ? args[setIndex + 1] : undefined;
  const development = set === DEVELOPMENT;
  if (setIndex >= 0 && !development && (set === undefined || !isCorpusSet(set))) {
    err(
      `--set must be one of dev, heldout, press, ${[...pressSets(), DEVELOPMENT, 'blind', ...blindSets()].join(', ')}\n${USAGE}`,
    );
    return 2;
  }
  const extractorIndex = args.indexOf('--extractor');
  const kind = extractorIndex >= 0 ? args[extractorIndex + 1] : 'rules';
  if (kind === undefined || !(EXTRACTOR_KINDS as readonly string[]).includes(kind)) {
    err(`--extractor must be one of ${EXTRACTOR_KINDS.join(', ')}\n${USAGE}`);
    return 2;
  }
  const built = buildExtractor(kind as ExtractorKind, dependencies);
  if ('error' in built) {
    err(built.error);
    return built.exitCode;
  }
  const extractor = remembering(built.extractor);
  const concurrency = kind === 'rules' ? 1 : BEDROCK_DOCUMENT_CONCURRENCY;
  const sets: CorpusSet[] | undefined = development ? developmentSets() : set ? [set as CorpusSet] : undefined;
  const evaluation = await evaluateCorpus({ ...(sets ? { sets } : {}), extractor, concurrency });
  const contradictions = args.includes('--contradictions');
  const minPosition = minPositionOf(args);
  if (typeof minPosition === 'string') {
    err(`${minPosition}\n${USAGE}`);
    return 2;
  }
  // The position rules already ignore statements under MIN_POSITION_CONFIDENCE; a higher threshold
  // is tried by taking the statements under it out of the scenario before it is played.
  const scenarioStatements = (statements: readonly Statement[]) =>
    minPosition === undefined ? statements : statements.filter((s) => s.confidence >= minPosition);
  const perSet =
    development && sets
      ? await summariseSets({
          sets,
          evaluate: (one) => evaluateCorpus({ sets: [one], extractor, concurrency }),
          ...(contradictions ? { documentsOf: (one: CorpusSet) => loadCorpus([one]), scenarioStatements } : {}),
        })
      : undefined;
  // The development sets tell separate stories: their scenarios are played one set at a time (perSet).
  const scenario =
    contradictions && !development
      ? scoreContradictions(
          loadCorpus(sets),
          scenarioStatements(evaluation.results.flatMap((result) => result.statements)),
        )
      : undefined;
  if (json) {
    const { results, ...figures } = evaluation;
    out(
      JSON.stringify(
        {
          set: set ?? 'dev+heldout',
          ...figures,
          ...(minPosition === undefined ? {} : { minPosition }),
          contradictions: scenario && summaryOf(scenario),
          sets: perSet,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  out(formatEvaluation(evaluation, verbose));
  if (minPosition !== undefined)
    out(`\n(contradictions played with the statements of confidence >= ${minPosition} only)`);
  if (scenario) out(`\n${formatScenario(scenario, verbose)}`);
  if (perSet) out(`\n${formatSetSummaries(perSet)}`);
  if (set?.startsWith('blind')) {
    out(
      `\nblind set: if this is the first run of ${evaluation.extractorVersion} on ${set}, record these figures with the date and commit (docs/extraction.md, "The first runs at a glance", and a page in docs/rounds/); it is the only one that counts.`,
    );
  }
  if (!set) {
    out('');
    // Blind sets are left out on purpose: each is scored once, on request (`--set blind-N`), so a
    // routine run during rule work never shows a figure of a set that has not had its first run.
    for (const part of ['dev', 'heldout', 'press'] as CorpusSet[]) {
      const partial = await evaluateCorpus({ sets: [part], extractor, concurrency });
      if (partial.documents === 0) continue;
      const p = partial.overall;
      const failed = partial.failed.length > 0 ? `   failed ${partial.failed.length}` : '';
      out(
        `${part.padEnd(8)} ${String(partial.documents).padStart(3)} docs   F1 (a,t,p,pol) ${pct(p.proposition.f1)}   F1 (a,t,pol) ${pct(p.polarity.f1)}   P ${pct(p.polarity.precision)}   R ${pct(p.polarity.recall)}${failed}`,
      );
    }
    out(`(blind sets ${blindSets().join(', ')}: scored only with --set blind-N, see test/corpus/README.md)`);
  }
  return 0;
}

function summaryOf(scenario: ContradictionScenario) {
  const { raised, true: right, false: wrong, strongTrue, strongFalse } = contradictionCounts(scenario);
  return {
    raised,
    true: right,
    false: wrong,
    expected: scenario.expected.length,
    missed: scenario.missed.length,
    /** What reaches the inbox at once: strong contradictions, true and false. */
    strongTrue,
    strongFalse,
    /** The same, under each STANCEWATCH_STRONG_EVIDENCE setting. */
    sentAtOnceBySetting: sentAtOnceBySetting(scenario),
  };
}

function formatScenario(scenario: ContradictionScenario, verbose: boolean): string {
  const s = summaryOf(scenario);
  const lines = [
    `contradiction scenario (documents in date order through the position rules): raised ${s.raised}, true ${s.true}, false ${s.false}; expected from the labels ${s.expected}, missed ${s.missed}`,
    `  alerted at once (strong): true ${s.strongTrue}, false ${s.strongFalse}; the rest wait in the review queue`,
  ];
  lines.push(
    `  sent at once under each STANCEWATCH_STRONG_EVIDENCE setting (true / false): ${sentAtOnceBySetting(scenario)
      .map((row) => `${row.setting} ${row.true} / ${row.false}`)
      .join('; ')}`,
  );
  const side = (x: RaisedContradiction['earlier']) => `${x.documentId} ${x.polarity}`;
  // The evidence of each side tells why a false one was (or was not) sent at once.
  const sideWithEvidence = (x: RaisedContradiction['earlier']) => `${side(x)} (${x.evidence})`;
  if (verbose) {
    for (const c of scenario.falsePositives)
      lines.push(
        `  false ${c.strength === 'strong' ? 'strong ' : '       '}${c.actor} ${c.proposition}: ${sideWithEvidence(c.earlier)} -> ${sideWithEvidence(c.later)}`,
      );
    for (const c of scenario.missed)
      lines.push(`  missed   ${c.actor} ${c.proposition}: ${side(c.earlier)} -> ${side(c.later)}`);
  }
  return lines.join('\n');
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runEval(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      console.error(error);
      process.exitCode = 1;
    },
  );
}
