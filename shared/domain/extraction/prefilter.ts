import type { CompiledPattern, Element } from './matcher';
import type { Spellings } from './spellings';
import spellingsData from './spellings.json';

/**
 * A test on the raw text, before it is tokenised: could any of these patterns (the triggers and
 * the venue words) match once it is? Every statement needs one of them (a trigger, a venue
 * context, or an anaphor pointing back to one), so an article where none can match is not
 * tokenised at all: in a general news feed that is most articles, and tokenising is half the
 * cost of reading one.
 *
 * For a pattern to match, each of its elements must match a token: some token's normal form must
 * be one of the element's forms. What wink makes of a text follows from how it tokenises
 * (wink-nlp's tokenizer and cache):
 *
 * - the text is cut into chunks at spaces and line breaks (`SEPARATOR`), and each chunk is
 *   tokenised on its own; every token is a piece of its chunk;
 * - a chunk of letters only (`LETTERS`, wink's first token rule) is one token, or the expansion of
 *   a contraction of the lexicon ("cannot" → "can" + "not"); a chunk of letters and one closing
 *   punctuation mark (`LETTERS_THEN_MARK`, the second rule) is that one token, or the letters and
 *   the mark;
 * - a token's normal form is the token lowercased, except for the spellings wink maps
 *   ("defence" → "defense") and the expansions of contractions, listed with what was written
 *   in `spellings.json` (computed from wink's lexicon).
 *
 * So a form can only be read in a chunk of the first two kinds if the chunk (or its letters, or
 * its mark) lowercased is the form or a spelling of it; in any other chunk (digits, inner
 * punctuation, symbols, where wink's finer rules may split anywhere) if the chunk lowercased
 * contains the form or a spelling of it. The test asks that of every element of a pattern (an
 * element that is a gap says nothing; a class, any of its members), and lets the text through
 * as soon as one pattern has all its elements somewhere in it. It never rejects a text a pattern
 * could match; it lets through some that none will (the elements may be far apart).
 */

/** wink's token separators (its splitter): spaces of several widths, line breaks, tabs. */
function isSeparator(code: number): boolean {
  return (
    code === 32 ||
    code === 10 ||
    code === 13 ||
    code === 9 ||
    code === 0xa0 ||
    (code >= 0x2002 && code <= 0x2005) ||
    code === 0x2009 ||
    code === 0x200a ||
    code === 0x202f ||
    code === 0x205f
  );
}
const LETTER_CLASS = 'a-z\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u00FF\\u0300-\\u036f\\u2060';
/** wink's first token rule: letters only. */
export const LETTERS = new RegExp(`^[${LETTER_CLASS}]+$`, 'i');
/** wink's second token rule: letters and one closing mark. */
export const LETTERS_THEN_MARK = new RegExp(`^[${LETTER_CLASS}]+[\\’\\”\\"\\]\\)\\}\\…\\,\\.\\!\\;\\?\\/\\:]$`, 'i');

export class Prefilter {
  /** The needles by number, and an open-addressing table of their numbers by `hashOf` (ASCII chunks). */
  private readonly needleList: string[] = [];
  private readonly table: Int32Array;
  private readonly tableMask: number;
  /** The number of each one-character ASCII needle (the closing mark of a chunk), or -1. */
  private readonly asciiNeedle = new Int32Array(128).fill(-1);

  private constructor(
    /** Needle → its number. Undefined: every text passes. */
    private readonly needles: Map<string, number> | undefined,
    /** Needles of two characters or more, by their first two characters (for search inside chunks). */
    private readonly byPair: Map<number, string[]>,
    /** The search state, reused from one text to the next. */
    private readonly search: Search,
  ) {
    let size = 16;
    while (size < (needles?.size ?? 0) * 4) size *= 2;
    this.table = new Int32Array(size).fill(-1);
    this.tableMask = size - 1;
    for (const [needle, number] of needles ?? []) {
      this.needleList[number] = needle;
      let slot = hashOf(needle, 0, needle.length) & this.tableMask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.tableMask;
      this.table[slot] = number;
      if (needle.length === 1 && needle.charCodeAt(0) < 128) this.asciiNeedle[needle.charCodeAt(0)] = number;
    }
  }

  static of(patterns: Iterable<CompiledPattern<unknown>>, spellings: Spellings = spellingsData): Prefilter {
    const needles = new Map<string, number>();
    const groupsOfNeedle: number[][] = [];
    const patternsOfGroup: number[][] = [];
    const sizes: number[] = [];
    for (const pattern of patterns) {
      const groups = pattern.elements.map((element) => needlesOf(element, spellings));
      const usable = groups.filter((group): group is string[] => group !== undefined);
      // A pattern of gaps only (or of forms the test cannot see) may match anything.
      if (usable.length === 0) return new Prefilter(undefined, new Map(), new Search([], [], []));
      const index = sizes.length;
      sizes.push(usable.length);
      for (const group of usable) {
        const id = patternsOfGroup.length;
        patternsOfGroup.push([index]);
        for (const needle of new Set(group)) {
          let number = needles.get(needle);
          if (number === undefined) {
            number = needles.size;
            needles.set(needle, number);
            groupsOfNeedle.push([]);
          }
          groupsOfNeedle[number]!.push(id);
        }
      }
    }
    const byPair = new Map<number, string[]>();
    for (const needle of needles.keys()) {
      if (needle.length < 2) continue;
      const pair = pairAt(needle, 0);
      const bucket = byPair.get(pair);
      if (bucket) bucket.push(needle);
      else byPair.set(pair, [needle]);
    }
    return new Prefilter(needles, byPair, new Search(groupsOfNeedle, patternsOfGroup, sizes));
  }

  /** False only when no pattern can match in the text, whatever wink makes of it. */
  mayMatch(raw: string): boolean {
    if (!this.needles) return true;
    this.search.reset();
    // Most chunks are ASCII letters, perhaps with one closing mark: they are looked up in place,
    // lowercased as they are read (no slice, no lowercased copy, no string hashing). Any other
    // chunk goes through `chunk`, which applies wink's rules in full.
    const length = raw.length;
    let start = 0;
    let hash = 0;
    /** Letters read since the start of the chunk; -1 once the chunk is not ASCII letters (+ mark). */
    let letters = 0;
    /** The closing mark after the letters, or 0. */
    let mark = 0;
    for (let i = 0; i <= length; i += 1) {
      const code = i < length ? raw.charCodeAt(i) : 32;
      const kind = code < 128 ? ASCII_KIND[code]! : isSeparator(code) ? SEPARATOR : OTHER_CHARACTER;
      if (kind !== SEPARATOR) {
        if (letters < 0) continue;
        if (kind === LETTER && mark === 0) {
          hash = (Math.imul(hash, HASH_MULTIPLIER) + (code | 0x20)) | 0;
          letters += 1;
        } else if (kind === CLOSING_MARK && mark === 0 && letters > 0) {
          mark = code;
        } else {
          // A character after the mark, or one that is neither a letter nor a closing mark.
          letters = -1;
        }
        continue;
      }
      if (i > start) {
        if (letters < 0) {
          if (this.chunk(raw.slice(start, i))) return true;
        } else if (mark === 0) {
          // wink's first rule: letters only.
          if (this.markAt(raw, start, letters, hash)) return true;
        } else {
          // wink's second rule: the chunk lowercased, its letters, or its mark.
          const whole = (Math.imul(hash, HASH_MULTIPLIER) + mark) | 0;
          if (this.markAt(raw, start, letters + 1, whole) || this.markAt(raw, start, letters, hash)) return true;
          const needle = this.asciiNeedle[mark]!;
          if (needle >= 0 && this.search.found(needle)) return true;
        }
      }
      start = i + 1;
      hash = 0;
      letters = 0;
      mark = 0;
    }
    return false;
  }

  /** Marks the needle spelt by raw[start, start + length) lowercased (ASCII), whose hash is given. */
  private markAt(raw: string, start: number, length: number, hash: number): boolean {
    const table = this.table;
    const mask = this.tableMask;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const number = table[slot]!;
      if (number < 0) return false;
      const needle = this.needleList[number]!;
      if (needle.length !== length) continue;
      let same = true;
      for (let k = 0; k < length; k += 1) {
        const code = raw.charCodeAt(start + k);
        const lower = code >= 65 && code <= 90 ? code | 0x20 : code;
        if (needle.charCodeAt(k) !== lower) {
          same = false;
          break;
        }
      }
      if (same) return this.search.found(number);
    }
  }

  /** Marks what one chunk can hold; true when a pattern is complete. */
  private chunk(chunk: string): boolean {
    const lower = chunk.toLowerCase();
    const kind = kindOf(chunk);
    if (kind === WORD) return this.mark(lower);
    if (kind === WORD_THEN_MARK) return this.mark(lower) || this.mark(lower.slice(0, -1)) || this.mark(lower.slice(-1));
    for (let i = 0; i < lower.length; i += 1) {
      const code = lower.charCodeAt(i);
      if (code < 128) {
        const needle = this.asciiNeedle[code]!;
        if (needle >= 0 && this.search.found(needle)) return true;
      } else if (this.mark(lower[i]!)) return true;
      const bucket = i + 1 < lower.length ? this.byPair.get(pairAt(lower, i)) : undefined;
      if (!bucket) continue;
      for (const needle of bucket) if (lower.startsWith(needle, i) && this.mark(needle)) return true;
    }
    return false;
  }

  private mark(text: string): boolean {
    const needle = this.needles!.get(text);
    return needle !== undefined && this.search.found(needle);
  }
}

/** What one text has shown so far: needles seen, groups satisfied, and how many each pattern lacks. */
class Search {
  private readonly seen: Uint8Array;
  private readonly done: Uint8Array;
  private readonly missing: Int32Array;
  /** The patterns' sizes as a typed array: resetting `missing` from it is a plain copy. */
  private readonly sizes: Int32Array;

  constructor(
    private readonly groupsOfNeedle: number[][],
    private readonly patternsOfGroup: number[][],
    sizes: readonly number[],
  ) {
    this.seen = new Uint8Array(groupsOfNeedle.length);
    this.done = new Uint8Array(patternsOfGroup.length);
    this.sizes = Int32Array.from(sizes);
    this.missing = Int32Array.from(sizes);
  }

  reset(): void {
    this.seen.fill(0);
    this.done.fill(0);
    this.missing.set(this.sizes);
  }

  /** True when a pattern has all its groups. */
  found(needle: number): boolean {
    if (this.seen[needle] === 1) return false;
    this.seen[needle] = 1;
    for (const group of this.groupsOfNeedle[needle]!) {
      if (this.done[group] === 1) continue;
      this.done[group] = 1;
      for (const pattern of this.patternsOfGroup[group]!) {
        this.missing[pattern]! -= 1;
        if (this.missing[pattern] === 0) return true;
      }
    }
    return false;
  }
}

const WORD = 1;
const WORD_THEN_MARK = 2;
const OTHER = 3;

/** Which of wink's first two token rules a chunk falls under (ASCII chunks without a regex). */
function kindOf(chunk: string): number {
  let letters = 0;
  for (let i = 0; i < chunk.length; i += 1) {
    const code = chunk.charCodeAt(i);
    if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) letters += 1;
    else if (code > 127) return LETTERS.test(chunk) ? WORD : LETTERS_THEN_MARK.test(chunk) ? WORD_THEN_MARK : OTHER;
    else break;
  }
  if (letters === chunk.length) return WORD;
  if (letters === chunk.length - 1 && letters > 0 && ASCII_MARKS.has(chunk.charCodeAt(letters))) return WORD_THEN_MARK;
  // An ASCII character that is no letter, anywhere but last or not a closing mark: neither rule
  // can match (their letters and marks outside ASCII cannot stand for it).
  return OTHER;
}

/** The ASCII characters of the second rule's closing marks: " ] ) } , . ! ; ? / : */
const ASCII_MARKS = new Set([...'"])},.!;?/:'].map((mark) => mark.charCodeAt(0)));

/** What each ASCII character is to `mayMatch`'s scan: a letter, a separator, a closing mark or other. */
const OTHER_CHARACTER = 0;
const LETTER = 1;
const SEPARATOR = 2;
const CLOSING_MARK = 3;
const ASCII_KIND = new Uint8Array(128);
for (let code = 0; code < 128; code += 1) {
  if ((code >= 97 && code <= 122) || (code >= 65 && code <= 90)) ASCII_KIND[code] = LETTER;
  else if (isSeparator(code)) ASCII_KIND[code] = SEPARATOR;
  else if (ASCII_MARKS.has(code)) ASCII_KIND[code] = CLOSING_MARK;
}

const HASH_MULTIPLIER = 0x01000193;

/** The hash `mayMatch` computes as it reads a lowercase ASCII chunk. */
function hashOf(text: string, from: number, to: number): number {
  let hash = 0;
  for (let i = from; i < to; i += 1) hash = (Math.imul(hash, HASH_MULTIPLIER) + text.charCodeAt(i)) | 0;
  return hash;
}

/** Two characters as one small integer (distinct pairs may share one; needles are checked whole). */
const pairAt = (text: string, index: number) =>
  (text.charCodeAt(index) & 0x7fff) * 0x8000 + (text.charCodeAt(index + 1) & 0x7fff);

/**
 * The strings one of which a chunk must be or hold for the element to match a token in it;
 * undefined when the element says nothing (a gap, or a form the test cannot see).
 */
function needlesOf(element: Element, spellings: Spellings): string[] | undefined {
  if (element.kind === 'gap') return undefined;
  if (element.kind === 'class') {
    // Any member may match: every member must have something to look for.
    const out: string[] = [];
    for (const alternative of element.alternatives) {
      let found = false;
      for (const member of alternative) {
        const needles = needlesOf(member, spellings);
        if (!needles) continue;
        out.push(...needles);
        found = true;
      }
      if (!found) return undefined;
    }
    return out;
  }
  const out: string[] = [];
  for (const form of element.forms) {
    // Only a lowercase form can be found in lowercased text (and none holding the Greek sigma,
    // whose lowercase depends on its neighbours).
    if (form.length === 0 || form !== form.toLowerCase() || /[σς]/.test(form)) return undefined;
    out.push(form);
    // A possessive is read as the word ("Kyiv's" → "kyiv"): its spellings count too.
    for (const normal of [form, `${form}'s`, `${form}’s`]) {
      for (const spelling of spellings[normal] ?? []) out.push(spelling);
    }
  }
  return out;
}
