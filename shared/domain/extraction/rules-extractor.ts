import { IsoDateOrTimestamp, type Statement } from '../../../events/statement';
import { DocumentTooLargeError, ValidationError } from '../../errors';
import type { ExtractionInput, ExtractionResult, Extractor } from '../../ports/extractor';
import { MAX_RAW_DOCUMENT_BYTES } from '../documents/document-limits';
import { type CompiledCodebook, compileCodebook, TokenMaskBuffer } from './codebook/compile';
import { loadCodebook } from './codebook/load-codebook';
import type { Codebook } from './codebook/schema';
import { StatementDates } from './dates';
import { ClauseList, segmentClauses } from './stages/clauses';
import { newDiscourse, speakersOfFrames, updateDiscourse } from './stages/discourse';
import { findFrames, NO_FRAMES } from './stages/frames';
import { newItemScratch } from './stages/items';
import { newMentionScratch } from './stages/mentions';
import { findSentences, type SentenceScratch } from './stages/sentences';
import type { Draft } from './stages/stance/context';
import { draftSentence } from './stages/stance/stance';
import { type StatementScoring, toStatements } from './stages/statements';
import { readText } from './stages/text';

export type { Codebook } from './codebook/schema';

/**
 * The rules extractor, as a pipeline of stages (docs/extraction.md, "How it works: the stages"):
 *
 *   text → sentences (mentions and items) → frames of speech → clauses → stance per clause → statements
 *
 * Each stage is a file of stages/ with a typed input and output; the discourse (stages/discourse.ts)
 * carries who was named and what was proposed from one sentence to the next.
 */

/** Bumped whenever the rules change what they extract, so stored extractions can be told apart. */
export const RULES_VERSION = '1.93.0';
export const RULES_EXTRACTOR_VERSION = `rules@${RULES_VERSION}`;

export interface RulesExtractorOptions {
  /** The codebook to use (default: the bundled one; the wiring passes a configured one). */
  codebook?: Codebook;
  /** Another confidence model, or a look at each draft's evidence (the calibration tooling only). */
  scoring?: StatementScoring;
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
  const state = newExtractorState(options.scoring ?? {});
  const extractSync = (input: ExtractionInput): ExtractionResult => ({
    extractorVersion: RULES_EXTRACTOR_VERSION,
    codebookVersion: compiled.version,
    statements: extractStatements(compiled, state, input),
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
interface ExtractorState {
  readonly sentences: SentenceScratch;
  readonly clauses: ClauseList;
  readonly mask: TokenMaskBuffer;
  readonly dates: StatementDates;
  lastValidDate: string | undefined;
  readonly scoring: StatementScoring;
}

const newExtractorState = (scoring: StatementScoring): ExtractorState => ({
  sentences: { mentions: newMentionScratch(), items: newItemScratch() },
  clauses: new ClauseList(),
  mask: new TokenMaskBuffer(),
  dates: new StatementDates(),
  lastValidDate: undefined,
  scoring,
});

function checkInput(input: ExtractionInput, state: ExtractorState): void {
  if (typeof input.text !== 'string') {
    throw new ValidationError('the document text must be a string', {
      details: { issues: [{ field: 'text', message: 'not a string' }] },
    });
  }
  const publishedAt = input.publishedAt;
  if (publishedAt !== state.lastValidDate) {
    if (!IsoDateOrTimestamp.safeParse(publishedAt).success) {
      throw new ValidationError(`publishedAt must be an ISO date or timestamp, got "${String(publishedAt)}"`, {
        details: { issues: [{ field: 'publishedAt', message: 'not an ISO date or timestamp' }] },
      });
    }
    if (typeof publishedAt === 'string') state.lastValidDate = publishedAt;
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
function extractStatements(compiled: CompiledCodebook, state: ExtractorState, input: ExtractionInput): Statement[] {
  checkInput(input, state);
  // 0. The text as tokens, unless no trigger or venue word can match in it.
  const document = readText(compiled, state.mask, input.text);
  if (!document) return [];
  const { text, quoted } = document;
  // 1. Sentences with their mentions (who is named) and items (the words that shape a stance).
  const sentences = findSentences(compiled, state.sentences, text, quoted);
  // 2. Frames of reported speech: who speaks, and which tokens are their words. All sentences
  // first: a quotation may be attributed by a reporting clause a sentence or two later.
  const framesOf = sentences.map((sentence) => (sentence ? findFrames(compiled, text, sentence) : NO_FRAMES));

  // Plain loops from here on: they run per sentence, and every array or closure made there is
  // garbage that slows the whole pipeline (see docs/extraction.md, "Speed and memory").
  const discourse = newDiscourse();
  const drafts: Draft[] = [];
  for (let index = 0; index < sentences.length; index += 1) {
    const sentence = sentences[index];
    if (!sentence) continue;
    const frames = framesOf[index] ?? NO_FRAMES;
    const speakers = speakersOfFrames(frames, index, sentences, framesOf, discourse);
    // 3. Clauses: the spans in which one holder takes one line of stance.
    const clauses = segmentClauses(compiled, text, sentence, frames, state.clauses);
    // 4. Stance per clause: holder, propositions, polarity, attribution, as drafts.
    const { drafts: found, mainHolder } = draftSentence(compiled, text, sentence, frames, speakers, clauses, discourse);
    for (const draft of found) drafts.push(draft);
    updateDiscourse(discourse, sentence, frames, speakers, mainHolder);
  }
  // 5. Statements: quote, date, confidence, evidence kind and id of each draft.
  return toStatements(text, sentences, drafts, input, state.dates, state.scoring);
}
