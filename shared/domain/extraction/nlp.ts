import model from 'wink-eng-lite-web-model';
import winkNLP, { type WinkMethods } from 'wink-nlp';

/**
 * The NLP base: wink-nlp with its English light model, used for what it does well and fast —
 * tokenisation (contractions split and normalised: "won't" → "will" + "not", "cannot" → "can" +
 * "not"), sentence boundaries, token types and case. Part-of-speech tagging is not in the pipe:
 * it costs ~40% of the throughput (see docs/extraction.md) and the codebook-driven rules do not
 * need it. The pipe is built once per process; documents are analysed into plain arrays so that
 * the rules never touch wink objects in their inner loops.
 */

export interface AnalysedText {
  /** The text the offsets refer to (long unbreakable runs blanked, same length as the input). */
  text: string;
  /** Lower-case normal form of each token; a trailing possessive "'s" is stripped (see `possessive`). */
  norm: string[];
  /** The token as written. */
  value: string[];
  /** Character offset of each token in `text`. */
  start: number[];
  /**
   * The tokens that carried a possessive ("Putin's" as one token, or the next token is "'s"), by
   * index: few tokens do, so a set rather than a flag per token.
   */
  possessive: ReadonlySet<number>;
  /** [first, last] token indexes of each sentence, in order. */
  sentences: Array<[number, number]>;
  /** Set by the extractor: which codebook indexes can match at each token. */
  mask?: Uint16Array;
}

/** Runs of non-space characters longer than this are not prose: wink's tokenizer is quadratic on them. */
export const MAX_TOKEN_CHARS = 100;

/**
 * wink keeps every word form it has not seen before in its instance's cache, for good (a few
 * hundred bytes each), and has no call to empty it. So the instance is replaced once its cache
 * has grown by this many word forms: building one costs ~120 ms (a fresh copy of the model, fresh
 * sentence-boundary memos, caches to warm again; patches/wink-eng-lite-web-model keeps each load as
 * cheap as the first, since 1.8.1 grew a string on every load and threw at the 21st). Counting word forms rather than documents bounds
 * the memory itself, whatever the documents' size: a feed that repeats its vocabulary never pays
 * for a renewal, and one full of new names pays as often as it must (the soak bench's generated
 * news adds ~1.2 word forms a document, the labelled corpora ~2.3). What a renewal changes in wink's
 * own tokens (a fresh cache splits "EU's" in two, a warm one may not) `tokenTable` makes canonical,
 * so a document's statements do not depend on the process's history.
 */
export const WINK_RENEWAL_WORD_FORMS = 20_000;

/** The renewal by document count used if a wink release stops handing its cache to the transformer. */
export const WINK_RENEWAL_DOCUMENTS = 5_000;

/** The part of wink's cache read here: its lexicon's size now and as the model shipped it. */
interface WinkCacheSize {
  currentSize(): number;
  intrinsicSize(): number;
}

let shared: WinkMethods | undefined;
/** The shared instance's cache, as wink hands it to the sentence-boundary transformer (it exposes it nowhere else). */
let sharedCache: WinkCacheSize | undefined;
let documentsSinceRenewal = 0;

/** wink with sentence boundary detection only (tokenisation always runs). */
export function nlp(): WinkMethods {
  shared ??= winkNLP(
    withMemoisedSentenceBoundaries(model, (cache) => {
      sharedCache = cache as WinkCacheSize;
    }),
    ['sbd'],
  );
  return shared;
}

/** How many word forms the shared instance's cache has added to the model's, or undefined when unknown. */
export function wordFormsAdded(): number | undefined {
  const cache = sharedCache;
  if (typeof cache?.currentSize !== 'function' || typeof cache.intrinsicSize !== 'function') return undefined;
  return cache.currentSize() - cache.intrinsicSize();
}

/** The instance a document is read with: a fresh one once the cache has grown by WINK_RENEWAL_WORD_FORMS. */
function nlpForDocument(): WinkMethods {
  documentsSinceRenewal += 1;
  const added = wordFormsAdded();
  const full = added === undefined ? documentsSinceRenewal > WINK_RENEWAL_DOCUMENTS : added > WINK_RENEWAL_WORD_FORMS;
  if (full) {
    shared = undefined;
    sharedCache = undefined;
    documentsSinceRenewal = 1;
  }
  return nlp();
}

/** The signature of the model's sentence-boundary token transformer (wink calls it per token). */
type SbdTransformer = (token: number, cache: unknown, rawTokens: readonly number[], index: number) => number;

/**
 * The model with its sentence-boundary transformer memoised. wink maps every token to a hint for
 * its sentence-boundary automaton through this transformer, which reads three lexicon
 * properties per token; its result depends only on the token's normal, the token itself and
 * whether spaces precede it (the model's code: `sbdHint` of the normal or else of the token, an
 * ambiguous quote told apart by preceding spaces, `isAbbrev` and the length of the normal), and
 * wink's lexicon never changes an entry once made. So the result is kept per token number; the
 * automaton, its machines and the sentences it finds are wink's own. A test pins the
 * transformer's source and compares the sentences found with and without the memo.
 */
export function withMemoisedSentenceBoundaries(base: typeof model, onCache?: (cache: unknown) => void): typeof model {
  const derived = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(base)) derived[key] = value;
  const loadSbd = (base as unknown as { sbd: () => { transformers: SbdTransformer[] } }).sbd;
  derived.sbd = () => {
    const sbd = loadSbd();
    return { ...sbd, transformers: sbd.transformers.map((transform) => memoiseSbdTransformer(transform, onCache)) };
  };
  return derived as unknown as typeof model;
}

function memoiseSbdTransformer(transform: SbdTransformer, onCache?: (cache: unknown) => void): SbdTransformer {
  // By the token's number: the normal it was seen with, and the result without and with
  // preceding spaces (-1: not known yet). A token seen with another normal (the pieces of a
  // contraction) is recomputed.
  let normalOf = new Int32Array(1 << 16).fill(-1);
  let unspaced = new Int32Array(1 << 16);
  let spaced = new Int32Array(1 << 16);
  let cacheReported = onCache === undefined;
  return (token, cache, rawTokens, index) => {
    if (!cacheReported) {
      onCache?.(cache);
      cacheReported = true;
    }
    const raw = rawTokens[4 * index]!;
    const space = (rawTokens[4 * index + 1]! & 0xffff) !== 0;
    if (raw >= normalOf.length) {
      const size = Math.max(raw + 1, normalOf.length * 2);
      const grown = new Int32Array(size).fill(-1);
      grown.set(normalOf);
      normalOf = grown;
      const u = new Int32Array(size);
      u.set(unspaced);
      unspaced = u;
      const s = new Int32Array(size);
      s.set(spaced);
      spaced = s;
    }
    if (normalOf[raw] === token) {
      const known = space ? spaced[raw]! : unspaced[raw]!;
      if (known >= 0) return known;
    } else {
      normalOf[raw] = token;
      unspaced[raw] = -1;
      spaced[raw] = -1;
    }
    const result = transform(token, cache, rawTokens, index);
    if (space) spaced[raw] = result;
    else unspaced[raw] = result;
    return result;
  };
}

let tokenizerOnly: WinkMethods | undefined;

/** wink's bare tokenizer (an empty pipe): the baseline the benchmark compares against. */
export function rawTokenizer(): WinkMethods {
  tokenizerOnly ??= winkNLP(model, []);
  return tokenizerOnly;
}

const isSpace = (code: number) =>
  code === 32 || code === 10 || code === 13 || code === 9 || code === 12 || code === 160;

/** Blanks pathological runs (base64, a 10 MB "word") so tokenising stays linear; offsets are kept. */
export function blankLongRuns(text: string): string {
  // A run longer than MAX_TOKEN_CHARS covers one of every MAX_TOKEN_CHARS + 1 positions: look at
  // those only, measuring the run around each that is not a space (each character is read at
  // most twice, and in prose about one in ten is read at all).
  const length = text.length;
  const step = MAX_TOKEN_CHARS + 1;
  let found = false;
  for (let sample = 0; sample < length && !found; sample += step) {
    if (isSpace(text.charCodeAt(sample))) continue;
    let from = sample;
    while (from > 0 && !isSpace(text.charCodeAt(from - 1))) from -= 1;
    let to = sample + 1;
    while (to < length && !isSpace(text.charCodeAt(to))) to += 1;
    found = to - from > MAX_TOKEN_CHARS;
  }
  if (!found) return text;
  return text.replace(/\S+/g, (run) => (run.length > MAX_TOKEN_CHARS ? ' '.repeat(run.length) : run));
}

/** "'s", "’s", "'" or "’" (a token of at most two characters). */
function isPossessiveToken(token: string): boolean {
  const first = token.charCodeAt(0);
  if (first !== 39 && first !== 8217) return false;
  return token.length === 1 || token.charCodeAt(1) === 115;
}

/** wink's token types; "tabCRLF" is white space and line breaks. */
export type TokenType = 'word' | 'punctuation' | 'number' | 'tabCRLF';

/** wink's token types, derived from the token itself (cheaper than a second pass over wink's arrays). */
function typeOf(value: string): TokenType {
  const code = value.charCodeAt(0);
  if (code === 32 || code === 10 || code === 13 || code === 9 || code === 160) return 'tabCRLF';
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) return 'word';
  if (code >= 48 && code <= 57) return 'number';
  if (code > 127 && /^[\p{L}\p{M}]/u.test(value)) return 'word';
  return 'punctuation';
}

/** `text.indexOf(token, from)`, trying the first few positions directly (where tokens are found). */
function tokenAt(text: string, token: string, from: number): number {
  const length = token.length;
  if (length === 0) return text.indexOf(token, from);
  const first = token.charCodeAt(0);
  const near = Math.min(from + 4, text.length - length + 1);
  for (let p = from; p < near; p += 1) {
    if (text.charCodeAt(p) !== first) continue;
    let k = 1;
    while (k < length && text.charCodeAt(p + k) === token.charCodeAt(k)) k += 1;
    if (k === length) return p;
  }
  return text.indexOf(token, Math.max(from, near));
}

/** Tokenises and splits a text into sentences, as flat arrays. */
export function analyse(input: string): AnalysedText {
  return analyseWith(nlpForDocument(), input);
}

/** `analyse` with a given wink instance (tests compare instances whose caches differ). */
export function analyseWith(winkNlp: WinkMethods, input: string): AnalysedText {
  const text = blankLongRuns(input);
  const its = winkNlp.its;
  const doc = winkNlp.readDoc(text);
  const tokens = doc.tokens();
  const value = tokens.out() as string[];
  const norm = tokens.out(its.normal) as string[];
  const spans = doc.sentences().out(its.span) as unknown as Array<[number, number]>;
  return tokenTable(text, value, norm, spans);
}

/** A letter or digit of any script: a token that has one is a word, not punctuation. */
export const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Shared by the documents without a possessive (never added to). */
const NO_POSSESSIVES: ReadonlySet<number> = new Set();

/** A possessive "'s" written with either apostrophe, as wink reads it when it splits it off a word. */
function isPossessiveS(norm: string): boolean {
  return norm.length === 2 && norm.charCodeAt(1) === 115 && (norm.charCodeAt(0) === 39 || norm.charCodeAt(0) === 8217);
}

/**
 * Offsets and possessives of wink's tokens (the normal forms lose their "'s").
 *
 * wink reads "Ukraine's" as one token once its cache holds that form, and as "Ukraine" + "'s"
 * before: the same document was tokenised two ways depending on what the process had read (58 % of
 * the corpus documents differ between a fresh instance and one that has read the corpus). So the
 * table is canonical: an "'s" written right after a word is merged into it, as the warm cache
 * reads it, and the sentence spans are renumbered to match. Statements no longer depend on the
 * process's history or on where an instance renewal falls.
 */
function tokenTable(text: string, value: string[], norm: string[], sentences: Array<[number, number]>): AnalysedText {
  const count = value.length;
  const start = new Array<number>(count);
  let possessive: Set<number> | undefined;
  /** Where each of wink's tokens went, once a merge has happened (wink's index → the table's). */
  let moved: Int32Array | undefined;
  let out = 0;
  let offset = 0;
  for (let i = 0; i < count; i += 1) {
    const v = value[i] ?? '';
    // wink keeps the input verbatim, so each token is found right after the previous one
    // (after a few spaces at most: look there first, then search as indexOf would).
    const found = tokenAt(text, v, offset);
    const at = found >= 0 ? found : offset;
    if (found >= 0) offset = found + v.length;
    const n = norm[i] ?? '';
    if (
      out > 0 &&
      isPossessiveS(n) &&
      at === start[out - 1]! + value[out - 1]!.length &&
      typeOfToken(value[out - 1]!) === 'word'
    ) {
      // "'s" glued to the word before it: one token, as wink reads it once the form is cached.
      value[out - 1] += v;
      possessive ??= new Set();
      possessive.add(out - 1);
      moved ??= identityUpTo(i, count);
      moved[i] = out - 1;
      continue;
    }
    if (moved) moved[i] = out;
    value[out] = v;
    start[out] = at;
    norm[out] = n;
    // The token's type is only needed for the few tokens that may carry a possessive.
    if (n.length > 2) {
      const last = n.charCodeAt(n.length - 1);
      const apostrophe = n.charCodeAt(n.length - 2);
      if (last === 115 && (apostrophe === 39 || apostrophe === 8217) && typeOfToken(v) === 'word') {
        norm[out] = n.slice(0, -2);
        possessive ??= new Set();
        possessive.add(out);
      }
    } else if (out > 0 && isPossessiveToken(n) && typeOfToken(value[out - 1] ?? '') === 'word') {
      possessive ??= new Set();
      possessive.add(out - 1);
    }
    out += 1;
  }
  if (moved) {
    value.length = out;
    norm.length = out;
    start.length = out;
    for (const span of sentences) {
      span[0] = moved[span[0]]!;
      span[1] = moved[span[1]]!;
    }
  }
  return { text, norm, value, start, possessive: possessive ?? NO_POSSESSIVES, sentences };
}

/** An index map that leaves the first `upTo` indexes where they are. */
function identityUpTo(upTo: number, count: number): Int32Array {
  const map = new Int32Array(count);
  for (let i = 0; i < upTo; i += 1) map[i] = i;
  return map;
}

/*
 * A token's type and case are functions of the token as written: they are computed when read
 * rather than kept in arrays per token (a document's arrays are garbage soon after).
 */

/** The type of the token at `index`; undefined past the ends. */
export function tokenType(text: AnalysedText, index: number): TokenType | undefined {
  const value = text.value[index];
  return value === undefined ? undefined : typeOfToken(value);
}

/** White space holding a line break: where a paragraph ends (quotations close there too). */
export function isParagraphBreak(text: AnalysedText, index: number): boolean {
  return tokenType(text, index) === 'tabCRLF' && (text.value[index] ?? '').includes('\n');
}

/** The first token of the paragraph that holds token `at`: 0 in the first paragraph. */
export function paragraphStart(text: AnalysedText, at: number): number {
  let start = at;
  while (start > 0 && !isParagraphBreak(text, start - 1)) start -= 1;
  return start;
}

/** Whether a token in [from, to) is one of `words` (normal forms). */
export function hasWordIn(text: AnalysedText, words: ReadonlySet<string>, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < to; i += 1) if (words.has(text.norm[i] ?? '')) return true;
  return false;
}

/** `typeOf`, with the commonest case (a lowercase ASCII letter first) tested inline. */
function typeOfToken(value: string): TokenType {
  const first = value.charCodeAt(0);
  return first >= 97 && first <= 122 ? 'word' : typeOf(value);
}

/** The token at `index` is written with a capital first letter (or all capitals); false past the ends. */
export function isCapitalised(text: AnalysedText, index: number): boolean {
  const value = text.value[index];
  if (value === undefined) return false;
  const first = value.charCodeAt(0);
  return first >= 65 && first <= 90 ? true : first > 127 && value[0] !== value[0]!.toLowerCase();
}

/**
 * Tokenised single words (letters only). A codebook repeats words across its indexes (half of the
 * ~2,100 chunks the bundled one tokenises), and for such a word wink's answer cannot change: the
 * first reading leaves the word in wink's cache, and a later one is a cache lookup that adds
 * nothing. Words with other characters take wink's reading every time, made canonical as a
 * document's tokens are (see `tokenTable`).
 */
const wordTokens = new Map<string, readonly string[]>();
const LETTERS_ONLY = /^[A-Za-z]+$/;

/** Tokenises a short phrase (a codebook pattern) exactly as documents are tokenised. */
export function tokenisePhrase(phrase: string): string[] {
  const known = wordTokens.get(phrase);
  if (known) return [...known];
  const winkNlp = nlp();
  const tokens = winkNlp.readDoc(phrase).tokens();
  // Through the same canonical table as documents, so "nato's door" reads as documents read it.
  const table = tokenTable(phrase, tokens.out() as string[], tokens.out(winkNlp.its.normal) as string[], []);
  const out = table.norm.filter((_, index) => typeOf(table.value[index] ?? '') !== 'tabCRLF');
  if (LETTERS_ONLY.test(phrase)) wordTokens.set(phrase, [...out]);
  return out;
}
