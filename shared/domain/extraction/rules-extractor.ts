import { IsoDateOrTimestamp, type Statement } from '../../../events/statement';
import { DocumentTooLargeError, ValidationError } from '../../errors';
import type { ExtractionInput, ExtractionResult, Extractor } from '../../ports/extractor';
import { looksLikeHtml, toArticleText } from '../documents/article-text';
import { MAX_RAW_DOCUMENT_BYTES } from '../documents/document-limits';
import {
  type CompiledCodebook,
  compileCodebook,
  MASK,
  type MarkerEntry,
  type MarkerKind,
  maskTokens,
  TokenMaskBuffer,
} from './codebook/compile';
import { loadCodebook } from './codebook/load-codebook';
import type { Codebook } from './codebook/schema';
import { confidenceOf, evidenceKindOf } from './confidence';
import { StatementDates } from './dates';
import { addTo } from './list-buffer';
import type { PatternMatch } from './matcher';
import { findMentions, type Mention, type MentionScratch, newMentionScratch } from './mentions';
import { type AnalysedText, analyse, tokenType } from './nlp';
import {
  type Discourse,
  type Draft,
  draftSentence,
  type Holder,
  NO_HOLDERS,
  NO_MENTIONS,
  newDiscourse,
  newHolder,
  resolveMention,
} from './stance';
import { statementIdIn } from './statement-id';
import {
  ClauseList,
  type Frame,
  findFrames,
  findItems,
  type ItemScratch,
  NO_FRAMES,
  NO_ITEMS,
  newItemScratch,
  quotedTokens,
  type Sentence,
  segmentClauses,
} from './structure';

export type { Codebook } from './codebook/schema';

/** Bumped whenever the rules change what they extract, so stored extractions can be told apart. */
export const RULES_VERSION = '1.1.0';
export const RULES_EXTRACTOR_VERSION = `rules@${RULES_VERSION}`;

/** Sentences longer than this are not prose (tables, lists run together): they are skipped. */
export const MAX_SENTENCE_TOKENS = 250;
const MAX_QUOTE_CHARS = 5000;

export interface RulesExtractorOptions {
  /** The codebook to use (default: the bundled one; the wiring passes a configured one). */
  codebook?: Codebook;
}

export interface RulesExtractor extends Extractor {
  readonly name: 'rules';
  readonly extractorVersion: string;
  readonly codebookVersion: string;
  /** The same as `extract`, synchronously (benchmarks, the CLI). */
  extractSync(input: ExtractionInput): ExtractionResult;
}

/**
 * The built-in extractor: offline, deterministic, codebook-driven. The codebook is validated and
 * compiled once here; each document then costs one wink tokenisation pass plus the rules.
 */
export function createRulesExtractor(options: RulesExtractorOptions = {}): RulesExtractor {
  const codebook = options.codebook ?? loadCodebook();
  const compiled = compileCodebook(codebook);
  // This extractor's own working lists: two extractors never share mutable state.
  const scratch = newExtractorScratch();
  const extractSync = (input: ExtractionInput): ExtractionResult => ({
    extractorVersion: RULES_EXTRACTOR_VERSION,
    codebookVersion: compiled.version,
    statements: extractStatements(compiled, scratch, input),
  });
  return {
    name: 'rules',
    extractorVersion: RULES_EXTRACTOR_VERSION,
    codebookVersion: compiled.version,
    extractSync,
    extract: async (input) => extractSync(input),
  };
}

/** The bundled codebook, compiled (for callers that want the rules without the factory). */
export const defaultCompiledCodebook = (): CompiledCodebook => compileCodebook(loadCodebook());

/**
 * One extractor's working state, reused from document to document (extraction is synchronous and
 * never re-entered): the lists the per-sentence stages fill, the token mask's room, the memo of
 * statement dates, and the last `publishedAt` found valid (a feed's documents share their dates,
 * and the check is pure). Nothing of it is shared between extractors or kept in a module.
 */
interface ExtractorScratch {
  readonly mentions: MentionScratch;
  readonly items: ItemScratch;
  readonly clauses: ClauseList;
  readonly mask: TokenMaskBuffer;
  readonly dates: StatementDates;
  lastValidDate: string | undefined;
}

const newExtractorScratch = (): ExtractorScratch => ({
  mentions: newMentionScratch(),
  items: newItemScratch(),
  clauses: new ClauseList(),
  mask: new TokenMaskBuffer(),
  dates: new StatementDates(),
  lastValidDate: undefined,
});

function checkInput(input: ExtractionInput, scratch: ExtractorScratch): void {
  if (typeof input.text !== 'string') {
    throw new ValidationError('the document text must be a string', {
      details: { issues: [{ field: 'text', message: 'not a string' }] },
    });
  }
  const publishedAt = input.publishedAt;
  if (publishedAt !== scratch.lastValidDate) {
    if (!IsoDateOrTimestamp.safeParse(publishedAt).success) {
      throw new ValidationError(`publishedAt must be an ISO date or timestamp, got "${String(publishedAt)}"`, {
        details: { issues: [{ field: 'publishedAt', message: 'not an ISO date or timestamp' }] },
      });
    }
    if (typeof publishedAt === 'string') scratch.lastValidDate = publishedAt;
  }
  // A UTF-16 code unit is at most 3 bytes of UTF-8: only a long text needs counting.
  if (input.text.length * 3 <= MAX_RAW_DOCUMENT_BYTES) return;
  const bytes = Buffer.byteLength(input.text, 'utf8');
  if (bytes > MAX_RAW_DOCUMENT_BYTES) {
    throw new DocumentTooLargeError(
      `the document is ${bytes} bytes; the extractor reads at most ${MAX_RAW_DOCUMENT_BYTES}`,
      {
        details: { bytes, limit: MAX_RAW_DOCUMENT_BYTES },
      },
    );
  }
}

/** Extracts the statements of one document. Throws only for invalid input; an article with no stance gives []. */
function extractStatements(compiled: CompiledCodebook, scratch: ExtractorScratch, input: ExtractionInput): Statement[] {
  checkInput(input, scratch);
  let raw = input.text;
  if (raw.trim().length === 0) return [];
  // Ingest hands over article text already; HTML given directly (the CLI, tests) is read the same way.
  if (raw.includes('<') && looksLikeHtml(raw)) raw = toArticleText(raw).text;
  if (raw.trim().length === 0) return [];
  // Could any trigger or venue pattern match here at all? Most of a general news feed cannot, and is
  // skipped before any tokenising. The prefilter spells words the way wink will ("recognising" →
  // "recognizing"), so British spellings are not turned away.
  if (!compiled.prefilter.mayMatch(raw)) return [];

  const text = analyse(raw);
  text.mask = maskTokens(compiled, text.norm, scratch.mask);
  // A first form such as "the" says little: most articles that got this far still have no trigger.
  if (!matchesAnyTopicWord(compiled, text)) return [];
  const quoted = quotedTokens(text);
  const sentences = buildSentences(compiled, scratch, text, quoted);
  const framesOf = sentences.map((sentence) => (sentence ? findFrames(compiled, text, sentence) : NO_FRAMES));

  // Plain loops from here on: they run per sentence, and every array or closure made there is
  // garbage that slows the whole pipeline (see docs/extraction.md, "Speed and memory").
  const discourse = newDiscourse();
  const drafts: Draft[] = [];
  for (let index = 0; index < sentences.length; index += 1) {
    const sentence = sentences[index];
    if (!sentence) continue;
    const frames = framesOf[index] ?? NO_FRAMES;
    const speakers = frames.length === 0 ? NO_SPEAKERS : new Array<Holder[]>(frames.length);
    for (let f = 0; f < frames.length; f += 1) {
      speakers[f] = speakersOf(frames[f]!, index, sentences, framesOf, discourse);
    }
    const clauses = segmentClauses(compiled, text, sentence, frames, scratch.clauses);
    const { drafts: found, mainHolder } = draftSentence(compiled, text, sentence, frames, speakers, clauses, discourse);
    for (const draft of found) drafts.push(draft);
    updateDiscourse(discourse, sentence, frames, speakers, mainHolder);
  }
  return toStatements(text, sentences, drafts, input, scratch.dates);
}

/** Does any trigger or venue-topic pattern match somewhere in the document (ignoring sentences)? */
function matchesAnyTopicWord(compiled: CompiledCodebook, text: AnalysedText): boolean {
  const mask = text.mask!;
  const end = text.norm.length;
  for (let i = 0; i < end; i += 1) {
    if ((mask[i]! & MASK.candidate) === 0) continue;
    if (compiled.triggers.longestAt(text, i, end) || compiled.venueTopicWords.longestAt(text, i, end)) return true;
  }
  return false;
}

const NO_MARKERS: ReadonlySet<never> = new Set();
/** The speakers of a sentence without a frame (most): shared, never added to. */
const NO_SPEAKERS: Holder[][] = [];

function buildSentences(
  compiled: CompiledCodebook,
  scratch: ExtractorScratch,
  text: AnalysedText,
  quoted: boolean[],
): Array<Sentence | undefined> {
  // An anaphor ("the request", "it") can only point back once some proposition has been named.
  let topicSeen = false;
  return text.sentences.map(([spanFirst, spanLast], index) => {
    let first = spanFirst;
    while (first <= spanLast && tokenType(text, first) === 'tabCRLF') first += 1;
    let last = spanLast;
    while (last >= first && tokenType(text, last) === 'tabCRLF') last -= 1;
    if (first > last || last - first + 1 > MAX_SENTENCE_TOKENS) return undefined;
    // Most sentences of an article carry no stance word: read only their names (later pronouns
    // may point to them) and skip the rules.
    const mask = text.mask!;
    let bits = 0;
    for (let i = first; i <= last; i += 1) bits |= mask[i]!;
    const topical = (bits & MASK.candidate) !== 0;
    const pointing = (bits & MASK.anaphors) !== 0;
    const named = (bits & MASK.names) !== 0;
    const quoting = (bits & MASK.quote) !== 0;
    const candidate = topical || quoting || (pointing && topicSeen);
    topicSeen ||= topical;
    if (!candidate) {
      return {
        index,
        first,
        last,
        mentions: named ? findMentions(compiled, scratch.mentions, text, first, last) : NO_MENTIONS,
        items: NO_ITEMS,
        markers: NO_MARKERS as Set<never>,
        quoted,
      } satisfies Sentence;
    }
    const markerMatches = compiled.markers.scan(text, first, last + 1);
    const markers = markerMatches.length === 0 ? (NO_MARKERS as Set<never>) : markerKinds(markerMatches);
    return {
      index,
      first,
      last,
      mentions: findMentions(compiled, scratch.mentions, text, first, last, markerMatches),
      items: findItems(compiled, scratch.items, text, first, last),
      markers,
      quoted,
    } satisfies Sentence;
  });
}

/** The kinds of the markers found in a sentence. */
function markerKinds(matches: readonly PatternMatch<MarkerEntry>[]): Set<MarkerKind> {
  const kinds = new Set<MarkerKind>();
  for (const match of matches) kinds.add(match.payload.kind);
  return kinds;
}

/** Resolves a frame's speakers; a bare quotation borrows the attribution that closes it, or the last speaker. */
function speakersOf(
  frame: Frame,
  index: number,
  sentences: Array<Sentence | undefined>,
  framesOf: Frame[][],
  discourse: Discourse,
): Holder[] {
  if (frame.speakers.length > 0) return resolveSpeakers(frame.speakers, discourse);
  // A quotation running over several sentences: "… We want peace," he said.
  for (let k = index + 1; k < Math.min(sentences.length, index + 4); k += 1) {
    const next = sentences[k];
    if (!next?.quoted[next.first + 1]) break;
    for (const f of framesOf[k] ?? NO_FRAMES) {
      if (f.kind === 'reporting' && f.complement[0] === next.first && f.speakers.length > 0) {
        return resolveSpeakers(f.speakers, discourse);
      }
    }
  }
  if (discourse.lastQuoteSpeakers) return discourse.lastQuoteSpeakers;
  const last = discourse.lastPerson;
  return last ? [newHolder('person', false, last.actor, last.name)] : NO_HOLDERS;
}

function resolveSpeakers(mentions: Mention[], discourse: Discourse): Holder[] {
  let holders = NO_HOLDERS;
  for (const mention of mentions) {
    const holder = resolveMention(mention, discourse, undefined, false);
    if (holder) holders = addTo(holders, NO_HOLDERS, holder);
  }
  return holders;
}

function updateDiscourse(
  discourse: Discourse,
  sentence: Sentence,
  frames: Frame[],
  speakers: Holder[][],
  mainHolder: Holder | undefined,
): void {
  for (const mention of sentence.mentions) {
    if (mention.kind === 'person' && mention.actor && mention.person) {
      discourse.lastPersonByActor.set(mention.actor, mention.person);
    }
  }
  let frameSpeaker: Holder | undefined;
  let quoteSpeakers: Holder[] | undefined;
  for (let f = 0; f < speakers.length; f += 1) {
    const list = speakers[f]!;
    const frame = frames[f];
    if (list.length === 0) continue;
    if (!frameSpeaker && frame?.kind !== 'quote') frameSpeaker = list[0];
    if (!quoteSpeakers && frame && anyQuoted(sentence.quoted, frame.complement[0], frame.complement[1])) {
      quoteSpeakers = list;
    }
  }
  let subject: Mention | undefined;
  for (const m of sentence.mentions) {
    if (m.kind === 'person' && m.actor && !m.object && !m.possessive) {
      subject = m;
      break;
    }
  }
  const salient: Holder | undefined =
    frameSpeaker ??
    mainHolder ??
    (subject?.actor && subject.person ? newHolder('person', true, subject.actor, subject.person) : undefined);
  if (salient?.kind === 'person' && salient.actor && salient.person) {
    const last = discourse.lastPerson;
    // Most sentences name the person of the one before: keep that object rather than a copy.
    if (last?.name !== salient.person || last.actor !== salient.actor) {
      discourse.lastPerson = { name: salient.person, actor: salient.actor };
    }
    discourse.lastPersonByActor.set(salient.actor, salient.person);
  }
  if (salient?.actor) discourse.lastActor = salient.actor;
  if (quoteSpeakers) discourse.lastQuoteSpeakers = quoteSpeakers;
}

function anyQuoted(quoted: readonly boolean[], from: number, to: number): boolean {
  for (let i = from; i < to && i < quoted.length; i += 1) if (quoted[i]) return true;
  return false;
}

function toStatements(
  text: AnalysedText,
  sentences: Array<Sentence | undefined>,
  drafts: Draft[],
  input: ExtractionInput,
  dates: StatementDates,
): Statement[] {
  // Drafts of one statement id keep the one with the highest confidence (in the place of the first).
  const byId = new Map<string, Statement>();
  // Drafts come sentence by sentence, and those of one clause share their reporting window: the
  // last quote and the last window's date are all the caching they need.
  let quoteIndex = -1;
  let quote = '';
  let dateWindow = -1;
  let statedAt: string | undefined;
  const stride = text.norm.length + 1;
  for (const draft of drafts) {
    const sentence = sentences[draft.sentenceIndex];
    if (!sentence) continue;
    if (sentence.index !== quoteIndex) {
      quote = sentenceText(text, sentence.first, sentence.last);
      quoteIndex = sentence.index;
    }
    if (quote.length === 0 || quote.length > MAX_QUOTE_CHARS) continue;
    const [from, to] = draft.dateWindow;
    // The token window [from, to) as one number (the same window is the same text).
    const window = to > from ? from * stride + to : -1;
    if (window !== dateWindow) {
      const clauseText = to > from ? text.text.slice(text.start[from], endOf(text, to - 1)) : '';
      statedAt = clauseText ? dates.resolve(clauseText, input.publishedAt) : undefined;
      dateWindow = window;
    }
    const statementId = statementIdIn(input.documentId, draft);
    // Built field by field (optional ones only when present), in the order of the schema.
    const statement = {
      statementId,
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
    statement.confidence = confidenceOf(draft.evidence);
    statement.statedAt = statedAt ?? input.publishedAt;
    const existing = byId.get(statementId);
    if (!existing || existing.confidence < statement.confidence) byId.set(statementId, statement);
  }
  return [...byId.values()];
}

const endOf = (text: AnalysedText, token: number) => (text.start[token] ?? 0) + (text.value[token] ?? '').length;

function sentenceText(text: AnalysedText, first: number, last: number): string {
  return text.text.slice(text.start[first], endOf(text, last)).trim();
}
