import { inflections } from './inflect';
import { ListBuffer } from './list-buffer';
import { tokenisePhrase } from './nlp';

/**
 * Token-sequence patterns (the codebook's lexicon), compiled once into sets of forms and indexed
 * by the forms their first element can take, so matching a document costs one map lookup per
 * token plus a short walk for the few patterns that start there.
 */

export type Element =
  | { kind: 'forms'; forms: ReadonlySet<string>; exactCase?: string }
  | { kind: 'gap'; max: number; stops: ReadonlySet<string> }
  | { kind: 'class'; alternatives: Element[][] };

export interface CompiledPattern<T> {
  source: string;
  elements: Element[];
  payload: T;
  /** One plain element: matched by the first-form lookup alone. */
  single: boolean;
  /**
   * Where matching resumes after the first-form lookup: 1 when the first element is a plain set
   * of forms (the lookup matched it), 0 when it must be checked again (a class, an exact case).
   */
  from: 0 | 1;
}

export interface PatternMatch<T> {
  start: number;
  /** Exclusive. */
  end: number;
  payload: T;
  source: string;
}

/** What a matcher reads: normalised tokens, and optionally how they were written. */
export interface TokenView {
  norm: readonly string[];
  value: readonly string[];
  /**
   * Per token, the bits of the indexes a pattern of which can start there (see `maskTokens`):
   * one map lookup per token for all indexes, instead of one per index.
   */
  mask?: Uint16Array;
}

export interface CompileOptions {
  /** Expand plain words to their inflections (verbs and nouns); off for function words and names. */
  inflect: boolean;
  irregular?: Record<string, readonly string[]>;
  classes?: Record<string, readonly string[]>;
  /** Tokens a gap (…) may not skip: the lexicon's `gapStops` and GAP_STOP_MARKS (see `gapStopsOf`). */
  gapStops: ReadonlySet<string>;
}

const GAP = new Set(['…', '...']);
/**
 * What every search that finds nothing returns: most do. Not frozen: a frozen array's elements are
 * of another kind than a filled list's, and the for-of loops over search results then leave their
 * fast path and allocate a step object per element. The results' readonly type keeps callers from
 * adding to it.
 */
const NO_MATCHES: readonly PatternMatch<never>[] = [];
const MAX_GAP = 3;

/** Marks a gap may not swallow: they end a clause, a sentence or a quotation. */
const GAP_STOP_MARKS: readonly string[] = [';', ':', '.', ',', '"', '“', '”', '(', ')', '—', '–', '?', '!'];

/** What a gap may not swallow: the marks, and the words that start a new clause or join two. */
export function gapStopsOf(words: readonly string[]): ReadonlySet<string> {
  return new Set([...words, ...GAP_STOP_MARKS]);
}

/**
 * The patterns that start with one form, in the order they were added. Most patterns have a
 * second element that is a plain set of forms; when every pattern of the list that is longer than
 * one token does, the union of those sets (`next`) tells at once whether any of them can go on
 * past the first token: at most tokens none can, and only the one-token patterns are tried.
 */
class StartList<T> {
  readonly all: CompiledPattern<T>[] = [];
  readonly singles: CompiledPattern<T>[] = [];
  /** The forms the second token must have for a longer pattern to match; null: not known. */
  next: Set<string> | null = new Set();

  add(pattern: CompiledPattern<T>): void {
    this.all.push(pattern);
    if (pattern.single) {
      this.singles.push(pattern);
      return;
    }
    const second = pattern.elements[1];
    if (this.next === null) return;
    if (pattern.from === 1 && second?.kind === 'forms') for (const form of second.forms) this.next.add(form);
    else this.next = null;
  }

  /** The patterns that may match at `start`: all of them, or the one-token ones alone. */
  candidates(tokens: TokenView, start: number, limit: number): readonly CompiledPattern<T>[] {
    const next = this.next;
    if (next === null) return this.all;
    return start + 1 < limit && next.has(tokens.norm[start + 1] ?? '') ? this.all : this.singles;
  }
}

export class PatternIndex<T> {
  private readonly byFirst = new Map<string, StartList<T>>();
  private readonly classCache = new Map<string, Element[][]>();
  readonly firstForms = new Set<string>();
  /**
   * Where `longestAt`, `hasMatchAt` and `scan` have `findLongest` write: filled and read within
   * one synchronous call, so nothing left in it is read by a later one.
   */
  private readonly scratch: Longest<T> = newLongest();
  /** Where the searches that return lists gather their matches; emptied before each returns. */
  private readonly found = new ListBuffer<PatternMatch<T>>();

  /** `bit`: this index's bit in a token mask, or 0 when masks do not cover it. */
  constructor(readonly bit = 0) {}

  private has(tokens: TokenView, index: number): boolean {
    if (tokens.mask && this.bit !== 0) return (tokens.mask[index]! & this.bit) !== 0;
    return this.byFirst.has(tokens.norm[index] ?? '');
  }

  add(source: string, payload: T, options: CompileOptions): void {
    const elements = this.compile(source, options);
    if (elements.length === 0) return;
    const only = elements[0]!;
    const plain = only.kind === 'forms' && only.exactCase === undefined;
    const single = elements.length === 1 && plain;
    const pattern: CompiledPattern<T> = { source, elements, payload, single, from: plain ? 1 : 0 };
    for (const form of firstFormsOf(elements[0]!)) {
      let list = this.byFirst.get(form);
      if (!list) {
        list = new StartList<T>();
        this.byFirst.set(form, list);
      }
      list.add(pattern);
      this.firstForms.add(form);
    }
  }

  private compile(source: string, options: CompileOptions): Element[] {
    const elements: Element[] = [];
    for (const part of source.split(/\s+/).filter(Boolean)) {
      if (GAP.has(part)) {
        elements.push({ kind: 'gap', max: MAX_GAP, stops: options.gapStops });
        continue;
      }
      const classMatch = /^\{([a-z0-9-]+)\}$/.exec(part);
      if (classMatch) {
        const name = classMatch[1]!;
        let alternatives = this.classCache.get(name);
        if (!alternatives) {
          // Guard against a class that names itself; members may name other classes ("{region}").
          this.classCache.set(name, []);
          const members = options.classes?.[name] ?? [];
          alternatives = members.map((member) => this.compile(member, options));
          this.classCache.set(name, alternatives);
        }
        elements.push({ kind: 'class', alternatives });
        continue;
      }
      const exact = part.startsWith('=');
      elements.push(...literalElements(exact ? part.slice(1) : part, options.inflect && !exact, options.irregular));
    }
    return elements;
  }

  /** Every pattern of the index, once each. */
  patterns(): CompiledPattern<T>[] {
    const all = new Set<CompiledPattern<T>>();
    for (const list of this.byFirst.values()) for (const pattern of list.all) all.add(pattern);
    return [...all];
  }

  /** Every match starting at `start` and ending at or before `limit`. */
  matchesAt(tokens: TokenView, start: number, limit: number): readonly PatternMatch<T>[] {
    this.found.clear();
    this.gatherMatchesAt(tokens, start, limit);
    return this.takeFound();
  }

  /** Adds the matches at `start` to `found`. */
  private gatherMatchesAt(tokens: TokenView, start: number, limit: number): void {
    if (start >= limit || !this.has(tokens, start)) return;
    const list = this.byFirst.get(tokens.norm[start] ?? '');
    if (!list) return;
    for (const pattern of list.candidates(tokens, start, limit)) {
      const end = pattern.single
        ? start + 1
        : matchElements(pattern.elements, pattern.from, tokens, start + pattern.from, limit);
      if (end > start) this.found.add({ start, end, payload: pattern.payload, source: pattern.source });
    }
  }

  /** The matches gathered in `found`, as a list of their own (most searches find none: the shared empty one). */
  private takeFound(): readonly PatternMatch<T>[] {
    return this.found.length === 0 ? none<T>() : this.found.take();
  }

  /** The longest match at `start` (the first added wins a tie), without building the full list. */
  longestAt(tokens: TokenView, start: number, limit: number): PatternMatch<T> | undefined {
    const found = this.scratch;
    if (!this.findLongest(tokens, start, limit, found)) return undefined;
    return { start, end: found.end, payload: found.pattern!.payload, source: found.pattern!.source };
  }

  /**
   * `longestAt` for callers that only read the match: writes its pattern and end into `into` (an
   * object the caller reuses) instead of building a match object, and says whether there is one.
   */
  findLongest(tokens: TokenView, start: number, limit: number, into: Longest<T>): boolean {
    into.pattern = undefined;
    into.end = start;
    if (start >= limit || !this.has(tokens, start)) return false;
    const list = this.byFirst.get(tokens.norm[start] ?? '');
    if (!list) return false;
    for (const pattern of list.candidates(tokens, start, limit)) {
      const end = pattern.single
        ? start + 1
        : matchElements(pattern.elements, pattern.from, tokens, start + pattern.from, limit);
      if (end > into.end) {
        into.pattern = pattern;
        into.end = end;
      }
    }
    return into.pattern !== undefined;
  }

  /** Whether any pattern matches at `start`, ending at or before `limit`. */
  hasMatchAt(tokens: TokenView, start: number, limit: number): boolean {
    return this.findLongest(tokens, start, limit, this.scratch);
  }

  /** Whether a pattern can start at this token: one map lookup, for cheap pre-filtering. */
  startsAt(tokens: TokenView, index: number): boolean {
    return this.has(tokens, index);
  }

  /** Leftmost-longest non-overlapping matches in [from, to). */
  scan(tokens: TokenView, from: number, to: number): readonly PatternMatch<T>[] {
    this.found.clear();
    const longest = this.scratch;
    let i = from;
    while (i < to) {
      if (!this.findLongest(tokens, i, to, longest)) {
        i += 1;
        continue;
      }
      const pattern = longest.pattern!;
      this.found.add({ start: i, end: longest.end, payload: pattern.payload, source: pattern.source });
      i = longest.end;
    }
    return this.takeFound();
  }

  /** All matches (overlapping allowed) in [from, to). */
  scanAll(tokens: TokenView, from: number, to: number): readonly PatternMatch<T>[] {
    this.found.clear();
    for (let i = from; i < to; i += 1) this.gatherMatchesAt(tokens, i, to);
    return this.takeFound();
  }
}

/**
 * Where `findLongest` puts the longest match at a position: its pattern (undefined when none
 * matches) and its end (exclusive).
 */
export interface Longest<T> {
  pattern: CompiledPattern<T> | undefined;
  end: number;
}

export function newLongest<T>(): Longest<T> {
  return { pattern: undefined, end: 0 };
}

/** The (shared) result of a search that finds nothing. */
function none<T>(): readonly PatternMatch<T>[] {
  return NO_MATCHES;
}

function literalElements(
  phrase: string,
  inflect: boolean,
  irregular: Record<string, readonly string[]> | undefined,
): Element[] {
  const writtenParts = phrase.split(/\s+/);
  const tokens = tokenisePhrase(phrase);
  return tokens.map((token, index) => {
    const forms = inflect ? inflections(token, irregular) : [token];
    const written = writtenParts.length === tokens.length ? writtenParts[index] : undefined;
    // Short all-capital acronyms ("US", "EU") must be written so: "us" is a pronoun.
    const exactCase = written && /^[A-Z]{2,3}$/.test(written) ? written : undefined;
    return exactCase ? { kind: 'forms', forms: new Set(forms), exactCase } : { kind: 'forms', forms: new Set(forms) };
  });
}

function firstFormsOf(element: Element): string[] {
  if (element.kind === 'forms') return [...element.forms];
  if (element.kind === 'class') return element.alternatives.flatMap((alt) => (alt[0] ? firstFormsOf(alt[0]) : []));
  return [];
}

const CAPITALISED = /^\p{Lu}/u;
const WORD = /^\p{L}+$/u;

/**
 * "receive Russian and Ukrainian negotiators", "bring Ukrainian and Russian negotiators together":
 * a joining word (a gap stop that is a word) between two capitalised words, both inside the gap,
 * joins two names in one phrase, not two clauses, so the gap may go on past it.
 */
function joinsNames(tokens: TokenView, at: number, from: number): boolean {
  if (at <= from || !WORD.test(tokens.value[at] ?? '')) return false;
  return CAPITALISED.test(tokens.value[at - 1] ?? '') && CAPITALISED.test(tokens.value[at + 1] ?? '');
}

/** Returns the end (exclusive) of the longest match of elements[k..] at position i, or -1. */
function matchElements(elements: Element[], k: number, tokens: TokenView, i: number, limit: number): number {
  if (k === elements.length) return i;
  const element = elements[k]!;
  if (element.kind === 'forms') {
    if (i >= limit) return -1;
    if (!element.forms.has(tokens.norm[i] ?? '')) return -1;
    if (element.exactCase && tokens.value[i] !== element.exactCase) return -1;
    return matchElements(elements, k + 1, tokens, i + 1, limit);
  }
  if (element.kind === 'class') {
    let best = -1;
    for (const alternative of element.alternatives) {
      const end = matchElements(alternative, 0, tokens, i, limit);
      if (end > i) best = Math.max(best, matchElements(elements, k + 1, tokens, end, limit));
    }
    return best;
  }
  // A gap: try to skip 0..max tokens, never across a clause stop.
  let best = -1;
  // A joining word between two names is not counted: "Russian and Ukrainian" is one phrase.
  let max = element.max;
  for (let skip = 0; skip <= max && i + skip <= limit; skip += 1) {
    if (skip > 0 && element.stops.has(tokens.norm[i + skip - 1] ?? '')) {
      if (!joinsNames(tokens, i + skip - 1, i)) break;
      max += 1;
    }
    best = Math.max(best, matchElements(elements, k + 1, tokens, i + skip, limit));
  }
  return best;
}
