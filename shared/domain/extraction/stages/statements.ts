import type { Polarity, Statement } from '../../../../events/statement';
import type { ExtractionInput } from '../../../ports/extractor';
import { confidenceOf, documentLength, type Evidence, evidenceKindOf, type Setting } from '../confidence';
import type { StatementDates } from '../dates';
import type { AnalysedText } from '../nlp';
import { statementIdOfKey, statementKeyIn } from '../statement-id';
import type { Sentence } from './sentences';
import type { Draft } from './stance/context';

/**
 * Stage 5: statements from drafts. Each draft gets its sentence as the quote, its date (from the
 * reporting clause, else the publication date), its confidence and its evidence kind; drafts of
 * one statement id keep the one with the highest confidence.
 */

const MAX_QUOTE_CHARS = 5000;

/**
 * How statements are scored: the confidence model (default confidenceOf) and, for the calibration
 * tooling (test/corpus/calibrate.ts), a callback told of every statement a draft makes, with the
 * draft's evidence, before the drafts of one id are merged.
 */
export interface StatementScoring {
  confidence?: (evidence: Evidence, polarity: Polarity, setting: Setting) => number;
  onDraftStatement?: (statement: Statement, evidence: Evidence, setting: Setting) => void;
}

export function toStatements(
  text: AnalysedText,
  sentences: Array<Sentence | undefined>,
  drafts: Draft[],
  input: ExtractionInput,
  dates: StatementDates,
  scoring: StatementScoring = {},
): Statement[] {
  const confidence = scoring.confidence ?? confidenceOf;
  qualifyQuotesByCondition(drafts);
  const settings = documentSettings(drafts, text.text.length);
  // Drafts of one statement id keep the one with the highest confidence (in the place of the first).
  // They are grouped by the id's key, and only the statements kept are given their id (a sha-256
  // digest): a document's drafts outnumber its statements almost two to one.
  const byKey = new Map<string, Statement>();
  // Drafts come sentence by sentence, and those of one clause share their reporting window: the
  // last quote and the last window's date are all the caching they need.
  let quoteIndex = -1;
  let quote = '';
  let dateWindow = -1;
  let statedAt: string | undefined;
  const stride = text.norm.length + 1;
  for (let i = 0; i < drafts.length; i += 1) {
    const draft = drafts[i]!;
    const sentence = sentences[draft.sentenceIndex];
    if (!sentence) continue;
    if (sentence.index !== quoteIndex) {
      quote = sentenceText(text, sentence.first, sentence.last);
      quoteIndex = sentence.index;
    }
    if (quote.length === 0 || quote.length > MAX_QUOTE_CHARS) continue;
    if (draft.sinceYear !== 0 && backgroundTally(quote, draft.sinceYear, input, dates)) continue;
    const [from, to] = draft.dateWindow;
    // The token window [from, to) as one number (the same window is the same text).
    const window = to > from ? from * stride + to : -1;
    if (window !== dateWindow) {
      const clauseText = to > from ? text.text.slice(text.start[from], endOf(text, to - 1)) : '';
      statedAt = clauseText ? dates.resolve(clauseText, input.publishedAt) : undefined;
      dateWindow = window;
    }
    const key = statementKeyIn(input.documentId, draft);
    // Built field by field (optional ones only when present), in the order of the schema; the id
    // is set once the statement is kept (or told to the calibration callback).
    const statement = {
      statementId: '',
      documentId: input.documentId,
      sentenceIndex: draft.sentenceIndex,
      quote,
      actor: draft.actor,
    } as Statement;
    if (draft.speaker) statement.speaker = draft.speaker;
    statement.topic = draft.topic;
    statement.proposition = draft.proposition;
    statement.polarity = draft.polarity;
    statement.attribution = draft.attribution;
    statement.evidence = evidenceKindOf(draft.evidence);
    if (draft.reportedBy) statement.reportedBy = draft.reportedBy;
    const setting = settings[i]!;
    statement.confidence = confidence(draft.evidence, draft.polarity, setting);
    statement.statedAt = statedAt ?? input.publishedAt;
    if (scoring.onDraftStatement) {
      statement.statementId = statementIdOfKey(key);
      scoring.onDraftStatement(statement, draft.evidence, setting);
    }
    const existing = byKey.get(key);
    if (!existing || existing.confidence < statement.confidence) byKey.set(key, statement);
  }
  const statements: Statement[] = [];
  for (const [key, statement] of byKey) {
    if (statement.statementId === '') statement.statementId = statementIdOfKey(key);
    statements.push(statement);
  }
  return statements;
}

/**
 * "Turkey has hosted four rounds of direct talks since May 2025": an act counted from a year before
 * the story's is the narrator's tally of earlier acts, unless the sentence dates something to a day
 * of the story ("adopted on Thursday its 20th package since 2022").
 */
function backgroundTally(sentence: string, sinceYear: number, input: ExtractionInput, dates: StatementDates): boolean {
  if (sinceYear >= Number(String(input.publishedAt).slice(0, 4))) return false;
  return dates.resolve(sentence, input.publishedAt) === undefined;
}

const endOf = (text: AnalysedText, token: number) => (text.start[token] ?? 0) + (text.value[token] ?? '').length;

function sentenceText(text: AnalysedText, first: number, last: number): string {
  return text.text.slice(text.start[first], endOf(text, last)).trim();
}

/**
 * "Ukraine is prepared to accept a ceasefire … in return for security guarantees, Sybiha said", and
 * then, quoted, "A ceasefire on the current line is possible.": the quotation elaborates the stance
 * the document has already given with its condition, and on its own leaves the condition out. So a
 * quoted support of a holder on a proposition, after a sentence that gave that holder's stance on it
 * as conditional, is that stance: conditional. A quoted opposition is left as it is: what the holder
 * rejects while the condition is unmet ("Elections under martial law are impossible") is a stance of
 * its own.
 */
function qualifyQuotesByCondition(drafts: Draft[]): void {
  let conditioned: Map<string, number> | undefined;
  for (const draft of drafts) {
    if (draft.polarity !== 'conditional' || draft.reportedBy) continue;
    const key = `${draft.actor}\u001f${draft.proposition}`;
    conditioned ??= new Map();
    if (!conditioned.has(key)) conditioned.set(key, draft.sentenceIndex);
  }
  if (!conditioned) return;
  for (const draft of drafts) {
    if (draft.polarity !== 'support' || !draft.evidence.quoted || draft.reportedBy) continue;
    const since = conditioned.get(`${draft.actor}\u001f${draft.proposition}`);
    if (since !== undefined && since < draft.sentenceIndex) draft.polarity = 'conditional';
  }
}

/** A sentence yielding this many drafts or more is `busy` (confidence.ts, `Setting`). */
const BUSY_DRAFTS = 4;

/** A sentence index not seen yet, and more than one sentence. */
const UNSEEN = -2;
const SEVERAL = -1;

/** Per (actor, topic, proposition): its side (null once both), and per polarity the sentence drafting it. */
interface TupleRecord {
  side: 'support' | 'oppose' | null;
  support: number;
  oppose: number;
  conditional: number;
}

/** Per (topic, proposition): per polarity the actor holding it (null once two do). */
type StanceRecord = Record<Polarity, string | null | undefined>;

/** Per (topic, proposition): its stance record, and per actor its tuple record. */
interface PropositionRecord {
  stance: StanceRecord;
  tuples: Map<string, TupleRecord>;
}

/**
 * What the document says around each draft (confidence.ts, `Setting`), from one pass over its drafts
 * after they are all made: whether the same tuple is drafted in another sentence (corroborated), with
 * the opposite polarity (contested: opposition against support or a condition; a condition is not
 * the opposite of support), for another actor (shared), and whether the draft's sentence yields
 * drafts of more than one actor (crowded) or four drafts or more (busy), and the document's length (from
 * its character count). Linear in the drafts, four map lookups each; nothing else is read from the
 * text. Every draft of one statement id (same sentence, tuple and polarity) gets the same setting.
 */
function documentSettings(drafts: readonly Draft[], characters: number): Setting[] {
  const n = drafts.length;
  // Most documents of a feed yield no draft: no maps for them.
  if (n === 0) return [];
  // Keyed topic → proposition → actor, nested rather than by joined strings: the ids are the
  // codebook's own strings (hashed once), where a joined key is a new string to hash per draft.
  const byTopic = new Map<string, Map<string, PropositionRecord>>();
  // Per sentence: the actor of its drafts, or null once two differ.
  const actors = new Map<number, string | null>();
  // Per sentence: how many drafts it yields.
  const counts = new Map<number, number>();
  const tupleOf: TupleRecord[] = new Array(n);
  const stanceOf: StanceRecord[] = new Array(n);
  for (let i = 0; i < n; i += 1) {
    const draft = drafts[i]!;
    let byProposition = byTopic.get(draft.topic);
    if (byProposition === undefined) {
      byProposition = new Map();
      byTopic.set(draft.topic, byProposition);
    }
    let record = byProposition.get(draft.proposition);
    if (record === undefined) {
      record = { stance: { support: undefined, oppose: undefined, conditional: undefined }, tuples: new Map() };
      byProposition.set(draft.proposition, record);
    }
    const stance = record.stance;
    const holder = stance[draft.polarity];
    if (holder === undefined) stance[draft.polarity] = draft.actor;
    else if (holder !== null && holder !== draft.actor) stance[draft.polarity] = null;
    stanceOf[i] = stance;
    const side = draft.polarity === 'oppose' ? 'oppose' : 'support';
    let tuple = record.tuples.get(draft.actor);
    if (tuple === undefined) {
      tuple = { side, support: UNSEEN, oppose: UNSEEN, conditional: UNSEEN };
      record.tuples.set(draft.actor, tuple);
    } else if (tuple.side !== side) tuple.side = null;
    const seen = tuple[draft.polarity];
    if (seen === UNSEEN) tuple[draft.polarity] = draft.sentenceIndex;
    else if (seen !== draft.sentenceIndex) tuple[draft.polarity] = SEVERAL;
    tupleOf[i] = tuple;
    const actor = actors.get(draft.sentenceIndex);
    if (actor === undefined) actors.set(draft.sentenceIndex, draft.actor);
    else if (actor !== null && actor !== draft.actor) actors.set(draft.sentenceIndex, null);
    counts.set(draft.sentenceIndex, (counts.get(draft.sentenceIndex) ?? 0) + 1);
  }
  const length = documentLength(characters);
  const settings: Setting[] = new Array(n);
  for (let i = 0; i < n; i += 1) {
    const draft = drafts[i]!;
    const tuple = tupleOf[i]!;
    settings[i] = {
      topic: draft.topic,
      corroborated: tuple[draft.polarity] === SEVERAL,
      contested: tuple.side === null,
      lede: draft.sentenceIndex === 0,
      crowded: actors.get(draft.sentenceIndex) === null,
      shared: stanceOf[i]![draft.polarity] === null,
      busy: (counts.get(draft.sentenceIndex) ?? 0) >= BUSY_DRAFTS,
      length,
    };
  }
  return settings;
}
