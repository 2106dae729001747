import type { Polarity } from '../../../events/statement';
import {
  type CompiledCodebook,
  type CueKind,
  MASK,
  type MarkerEntry,
  type MarkerKind,
  type StructureEntry,
  type TriggerEntry,
} from './codebook/compile';
import { addTo, ListBuffer } from './list-buffer';
import { type Longest, newLongest, type PatternMatch } from './matcher';
import type { Mention } from './mentions';
import { type AnalysedText, tokenType } from './nlp';

/**
 * The shape of a sentence as the stance rules see it: a sequence of items (triggers, cues,
 * negators, modals, reporting verbs, boundaries…), the frames of reported speech (who speaks, which
 * tokens are what they said), and clauses (the spans in which one holder takes one line of stance).
 */

export type ItemKind = StructureEntry['kind'] | 'trigger';

export interface Item {
  start: number;
  /** Exclusive. */
  end: number;
  kind: ItemKind;
  polarity?: Polarity;
  cueKind?: CueKind;
  /** A noun cue ("refusal", "proposal for"): the actor right before it holds it too. */
  nominal?: boolean;
  /** A verb cue after a form of "be": its holder is the "by" agent, if any. */
  passive?: boolean;
  trigger?: TriggerEntry;
}

/**
 * A new item with every field present: items are read in the rules' innermost loops, and
 * objects of one shape keep those reads fast (fields added later would give each kind of item a
 * shape of its own).
 */
export function newItem(start: number, end: number, kind: ItemKind): Item {
  return {
    start,
    end,
    kind,
    polarity: undefined,
    cueKind: undefined,
    nominal: undefined,
    passive: undefined,
    trigger: undefined,
  };
}

export interface Sentence {
  index: number;
  /** First and last token (inclusive), without leading line breaks. */
  first: number;
  last: number;
  mentions: Mention[];
  items: Item[];
  markers: Set<MarkerKind>;
  /** Tokens inside quotation marks (of the whole document: see `quotedTokens`). */
  quoted: boolean[];
}

const QUOTE_OPEN = 1;
const QUOTE_CLOSE = 2;
const QUOTE_TOGGLE = 3;

/** Which quotation mark a token is: opening (“ « „), closing (” »), either ("), or none (0). */
function quoteKind(token: string): number {
  if (token.length !== 1) return 0;
  switch (token.charCodeAt(0)) {
    case 0x201c: // “
    case 0xab: // «
    case 0x201e: // „
      return QUOTE_OPEN;
    case 0x201d: // ”
    case 0xbb: // »
      return QUOTE_CLOSE;
    case 0x22: // "
      return QUOTE_TOGGLE;
    default:
      return 0;
  }
}

/** Which tokens of the document are inside quotation marks; a paragraph break closes a quote. */
export function quotedTokens(text: AnalysedText): boolean[] {
  const count = text.norm.length;
  const quoted = new Array<boolean>(count).fill(false);
  // With the token mask, a token that is no quotation mark is known without reading it.
  const mask = text.mask;
  let open = false;
  for (let i = 0; i < count; i += 1) {
    const kind = mask !== undefined && (mask[i]! & MASK.quote) === 0 ? 0 : quoteKind(text.norm[i] ?? '');
    // Outside a quotation only a quotation mark changes anything (most tokens of most documents).
    if (!open && kind === 0) continue;
    if (kind === 0 && tokenType(text, i) === 'tabCRLF' && (text.value[i] ?? '').includes('\n')) {
      open = false;
      continue;
    }
    if (kind === QUOTE_OPEN) open = true;
    else if (kind === QUOTE_CLOSE) open = false;
    else if (kind === QUOTE_TOGGLE) open = !open;
    else if (open) quoted[i] = true;
  }
  return quoted;
}

export const isQuoteMark = (token: string) => quoteKind(token) !== 0;

/** Whether token `index` is a quotation mark, from the token mask when the text has one. */
function quoteMarkAt(text: AnalysedText, index: number): boolean {
  const mask = text.mask;
  if (mask !== undefined && index >= 0 && index < mask.length) return (mask[index]! & MASK.quote) !== 0;
  return isQuoteMark(text.norm[index] ?? '');
}

/**
 * `findItems`' working state, one per extractor: the longest trigger and structural match at the
 * token it reads, without a match object per hit, and the items found so far. Written and read
 * within one synchronous call, which calls nothing that could come back to `findItems`.
 */
export interface ItemScratch {
  readonly longestTrigger: Longest<TriggerEntry>;
  readonly longestStructure: Longest<StructureEntry>;
  readonly items: ListBuffer<Item>;
}

export const newItemScratch = (): ItemScratch => ({
  longestTrigger: newLongest<TriggerEntry>(),
  longestStructure: newLongest<StructureEntry>(),
  items: new ListBuffer<Item>(),
});

/** Leftmost-longest items; equal lengths go to the higher priority (triggers first). */
export function findItems(
  compiled: CompiledCodebook,
  scratch: ItemScratch,
  text: AnalysedText,
  from: number,
  to: number,
): Item[] {
  const limit = to + 1;
  const items = scratch.items;
  items.clear();
  // With the token mask, a token where neither index can start is skipped with one test.
  const mask = text.mask;
  const either = compiled.triggers.bit | compiled.structure.bit;
  const skipByMask = mask !== undefined && compiled.triggers.bit !== 0 && compiled.structure.bit !== 0;
  const trigger = scratch.longestTrigger;
  const other = scratch.longestStructure;
  let i = from;
  while (i < limit) {
    if (skipByMask && (mask[i]! & either) === 0) {
      i += 1;
      continue;
    }
    const isTrigger = compiled.triggers.findLongest(text, i, limit, trigger);
    const isOther = compiled.structure.findLongest(text, i, limit, other);
    if (!isTrigger && !isOther) {
      i += 1;
      continue;
    }
    // A trigger wins a tie; a longer structural phrase ("for as long as it takes") wins otherwise.
    if (isTrigger && (!isOther || trigger.end >= other.end)) {
      const item = newItem(i, trigger.end, 'trigger');
      item.trigger = trigger.pattern!.payload;
      items.add(item);
      i = trigger.end;
      continue;
    }
    const entry = other.pattern!.payload;
    // Neutral phrases ("for as long as it takes") only shield their words from other readings.
    if (entry.kind !== 'neutral') {
      const item = refineItem(compiled, text, from, structureItem(i, other.end, entry));
      if (item) items.add(item);
    }
    i = other.end;
  }
  return items.take();
}

function structureItem(start: number, end: number, entry: StructureEntry): Item {
  const item = newItem(start, end, entry.kind);
  if (entry.kind === 'cue') {
    item.polarity = entry.polarity;
    item.cueKind = entry.cueKind;
    if (entry.nominal) item.nominal = true;
  }
  return item;
}

/**
 * A structural item as its context reads it, retyped or marked, or undefined when it is no item at
 * all. It reads the tokens around the item, never the other items: `findItems` refines each as it
 * finds it (most are kept as they are).
 */
function refineItem(compiled: CompiledCodebook, text: AnalysedText, from: number, item: Item): Item | undefined {
  if (item.kind === 'anaphor' && item.end === item.start + 1 && compiled.determiners.has(text.norm[item.start] ?? '')) {
    // "this" before a noun is a determiner ("this conflict"), not a pronoun ("rejected this").
    const next = text.norm[item.end] ?? '';
    if (tokenType(text, item.end) === 'word' && !compiled.prepositions.has(next)) return undefined;
  }
  if (item.kind !== 'cue' && item.kind !== 'reporting') return item;
  // "Moscow's refusal", "Ukraine's call for": a noun held by the possessor.
  if (item.kind === 'cue' && possessiveBefore(text, item.start)) {
    item.nominal = true;
    return item;
  }
  // "a request", "the demand": a noun. It may point back to an earlier proposition.
  const before = item.start > from ? (text.norm[item.start - 1] ?? '') : '';
  if (compiled.determiners.has(before)) {
    return compiled.anaphors.hasMatchAt(text, item.start, item.end)
      ? newItem(item.start, item.end, 'anaphor')
      : undefined;
  }
  const verbLike = item.kind === 'reporting' || item.cueKind === 'speech' || item.cueKind === 'action';
  // Attitude words after "be" are adjectives ("is determined to", "was ready") unless an agent follows ("was backed by").
  const agent = compiled.words.agentMarkers.has(text.norm[item.end] ?? '');
  const passive = isPassive(compiled, text, item.start, from);
  // "would be considered legitimate targets": a passive "consider" is "regard", not a condition.
  if (passive && item.polarity === 'conditional' && !agent) return undefined;
  if ((verbLike || agent) && passive) item.passive = true;
  return item;
}

/** The token before `index` is a possessive: "Moscow's" as one token, or a separate "'s". */
export function possessiveBefore(text: AnalysedText, index: number): boolean {
  const before = text.norm[index - 1] ?? '';
  return before === "'s" || before === '’s' || text.possessive.has(index - 1);
}

/** The word ends in -ed, -en, -wn, -ld, -ne or -nt (what /(?:ed|en|wn|ld|ne|nt)$/ tests). */
function participleEnding(word: string): boolean {
  const length = word.length;
  if (length < 2) return false;
  const a = word.charCodeAt(length - 2);
  const b = word.charCodeAt(length - 1);
  switch (a) {
    case 101: // e
      return b === 100 || b === 110; // ed, en
    case 119: // w
      return b === 110; // wn
    case 108: // l
      return b === 100; // ld
    case 110: // n
      return b === 101 || b === 116; // ne, nt
    default:
      return false;
  }
}

function isPassive(compiled: CompiledCodebook, text: AnalysedText, start: number, from: number): boolean {
  const { words } = compiled;
  let i = start - 1;
  while (i >= from && words.verbGroupAdverbs.has(text.norm[i] ?? '')) i -= 1;
  if (i < from) return false;
  const word = text.norm[start] ?? '';
  const participle = participleEnding(word) || words.irregularParticiples.has(word);
  return participle && compiled.beForms.has(text.norm[i] ?? '');
}

/** Reported speech: who speaks and which tokens are what they said. */
export interface Frame {
  /** Who speaks (several when coordinated: "Macron and Starmer said"); empty: a quotation whose speaker is the last one named. */
  speakers: Mention[];
  /** Tokens of what was said, [start, end). */
  complement: [number, number];
  /** Tokens of the reporting clause (speaker, verb, and any date), [start, end). */
  head: [number, number];
  kind: 'reporting' | 'according' | 'quote';
}

const HOLDER_KINDS = new Set([
  'person',
  'role',
  'institution',
  'country',
  'pronoun',
  'group',
  'self',
  'roleRef',
  'source',
]);
export const canHold = (mention: Mention) => HOLDER_KINDS.has(mention.kind);

// Searches in the code run for every sentence are loops rather than find/some with a closure:
// each such closure is a new object (and often a context) per call.

export function mentionAt(mentions: Mention[], index: number): Mention | undefined {
  for (const m of mentions) if (m.start === index) return m;
  return undefined;
}

function itemAt(items: Item[], index: number): Item | undefined {
  for (const item of items) if (item.start <= index && index < item.end) return item;
  return undefined;
}

/** The match of a recipient marker ("told reporters") at `start`, if any. */
function recipientAt(
  compiled: CompiledCodebook,
  text: AnalysedText,
  start: number,
  end: number,
): PatternMatch<MarkerEntry> | undefined {
  for (const match of compiled.markers.matchesAt(text, start, end)) {
    if (match.payload.kind === 'recipient') return match;
  }
  return undefined;
}

/** Whether a recipient marker ends right at `end`, starting at most four tokens before it. */
function recipientEndsAt(compiled: CompiledCodebook, text: AnalysedText, floor: number, end: number): boolean {
  for (const match of compiled.markers.scanAll(text, Math.max(floor, end - 4), end)) {
    if (match.end === end && match.payload.kind === 'recipient') return true;
  }
  return false;
}

function itemEndingAt(items: Item[], index: number): Item | undefined {
  for (const item of items) if (item.end === index) return item;
  return undefined;
}

function mentionEndingAt(mentions: Mention[], index: number): boolean {
  for (const m of mentions) if (m.end === index) return true;
  return false;
}

/** Whether a mention starts at `index` or at `orIndex` (after a "the"). */
function mentionStartsAt(mentions: Mention[], index: number, orIndex: number): boolean {
  for (const m of mentions) if (m.start === index || m.start === orIndex) return true;
  return false;
}

/** A reporting verb or cue lies within [from, to): another clause's verb. */
function verbBetween(items: Item[], from: number, to: number): boolean {
  for (const item of items) {
    if (item.start >= from && item.end <= to && (item.kind === 'reporting' || item.kind === 'cue')) return true;
  }
  return false;
}

function hasReportingItem(items: Item[]): boolean {
  for (const item of items) if (item.kind === 'reporting' || item.kind === 'according') return true;
  return false;
}

/** A trigger or venue word right after "at", "during", "after" is an occasion, not what a stance is about. */
export function afterOccasion(compiled: CompiledCodebook, text: AnalysedText, index: number, floor: number): boolean {
  let i = index;
  while (i > floor && compiled.determiners.has(text.norm[i - 1] ?? '')) i -= 1;
  for (let start = Math.max(floor, i - 4); start < i; start += 1) {
    if (compiled.occasions.startsAt(text, start) && compiled.occasions.longestAt(text, start, i)?.end === i)
      return true;
  }
  return false;
}

/** Shared empty lists (never added to): most sentences have no frame, and many no item. */
export const NO_FRAMES: Frame[] = [];
export const NO_ITEMS: Item[] = [];

/** Finds the frames of reported speech in a sentence. */
export function findFrames(compiled: CompiledCodebook, text: AnalysedText, sentence: Sentence): Frame[] {
  let frames = NO_FRAMES;
  const { first, last, mentions, items } = sentence;
  const end = last + 1;
  let quoted = false;
  for (let i = first; i < end && !quoted; i += 1) quoted = sentence.quoted[i] === true;
  if (!quoted && !hasReportingItem(items)) return frames;

  for (const item of items) {
    if (item.kind === 'according') {
      let speaker: Mention | undefined;
      for (const m of mentions) {
        if (m.start >= item.end && m.start <= item.end + 1 && canHold(m)) {
          speaker = m;
          break;
        }
      }
      if (!speaker) continue;
      const after = speaker.end;
      if (text.norm[after] === ',' && after + 1 < end && !isSentenceEnd(text, after + 1, end)) {
        frames = addTo(frames, NO_FRAMES, {
          speakers: [speaker],
          kind: 'according',
          complement: [after + 1, end],
          head: [first, after + 1],
        });
      } else {
        const comma = item.start - 1 >= first && text.norm[item.start - 1] === ',' ? item.start - 1 : item.start;
        frames = addTo(frames, NO_FRAMES, {
          speakers: [speaker],
          kind: 'according',
          complement: [first, comma],
          head: [comma, end],
        });
      }
      continue;
    }
    if (item.kind !== 'reporting' || item.passive) continue;
    if (sentence.quoted[item.start]) continue;

    // Speaker after the verb: "…, said Peskov." / "…, said the Kremlin spokesman."
    let probe = item.end;
    if (compiled.words.definiteArticles.has(text.norm[probe] ?? '')) probe += 1;
    const rightSpeaker = mentionAt(mentions, probe);
    const leftSpeaker = speakerBefore(sentence, item.start);

    // Trailing attribution: the content comes first, then ", X said" or "," X said".
    const tailStart = rightSpeaker && canHold(rightSpeaker) ? rightSpeaker.end : item.end;
    const adjacentStart =
      leftSpeaker && leftSpeaker.end <= item.start && item.start - leftSpeaker.end <= 3
        ? leftSpeaker.start
        : item.start;
    const comma = precedingComma(text, adjacentStart, first);
    if (comma !== undefined && isTrailing(compiled, text, sentence, tailStart, end)) {
      const speaker = leftSpeaker && adjacentStart === leftSpeaker.start ? leftSpeaker : rightSpeaker;
      if (speaker && canHold(speaker)) {
        let complementEnd = comma;
        while (complementEnd > first && isQuoteMark(text.norm[complementEnd - 1] ?? '')) complementEnd -= 1;
        const speakers = speaker === leftSpeaker ? withCoordinated(compiled, text, sentence, speaker) : [speaker];
        frames = addTo(frames, NO_FRAMES, {
          speakers,
          kind: 'reporting',
          complement: [first, complementEnd],
          head: [comma, end],
        });
        continue;
      }
    }
    // ", saying …", ", adding …": the subject of the main clause speaks.
    const participle = (text.norm[item.start] ?? '').endsWith('ing') && text.norm[item.start - 1] === ',';
    let subject = participle ? undefined : leftSpeaker;
    if (participle) {
      for (const m of mentions) {
        if (m.end < item.start && canHold(m) && !m.object && !sentence.quoted[m.start]) {
          subject = m;
          break;
        }
      }
    }
    if (!subject) continue;
    let start = item.end;
    // "said on Monday that …", "told his French counterpart that …": what comes before "that" is
    // when or to whom it was said, not what was said.
    let that = -1;
    for (let k = start; k < Math.min(end, start + 7); k += 1) {
      if (compiled.words.complementizers.has(text.norm[k] ?? '')) {
        that = k - start;
        break;
      }
    }
    const told = compiled.words.tellingVerbs.has(text.norm[item.start] ?? '');
    if (that >= 0) {
      const thatAt = start + that;
      let between = false;
      for (const other of items) {
        if (other.start >= start && other.start < thatAt && other.kind !== 'complementizer') {
          between = true;
          break;
        }
      }
      let named = false;
      for (const m of mentions) {
        if (m.start >= start && m.start < thatAt) {
          named = true;
          break;
        }
      }
      if (!between && (told || !named)) start += that + 1;
    }
    // "told reporters that", "said on Tuesday that", "said:"
    for (let guard = 0; guard < 8 && start < end; guard += 1) {
      const token = text.norm[start] ?? '';
      const recipient = recipientAt(compiled, text, start, end);
      if (recipient) {
        start = recipient.end;
        continue;
      }
      if (compiled.words.complementizers.has(token) || token === ':' || token === ',') {
        start += 1;
        continue;
      }
      break;
    }
    let complementEnd = end;
    for (const other of items) {
      if (other.kind === 'frameEnd' && other.start >= start) {
        complementEnd = other.start;
        break;
      }
    }
    if (complementEnd <= start) continue;
    const speakers = participle ? [subject] : withCoordinated(compiled, text, sentence, subject);
    // The head is the speaker and the verb, with an opening adverbial ("On October 28, Zelensky
    // said" dates the statement) but never a clause of its own ("Kyiv dismissed the idea, saying").
    let headStart = participle ? item.start - 1 : speakers[0]!.start;
    let prefixHasStance = false;
    for (const other of items) {
      if (
        other.start >= first &&
        other.end <= headStart &&
        (other.kind === 'cue' || other.kind === 'trigger' || other.kind === 'reporting')
      ) {
        prefixHasStance = true;
        break;
      }
    }
    if (!participle && !prefixHasStance) headStart = first;
    frames = addTo(frames, NO_FRAMES, {
      speakers,
      kind: 'reporting',
      complement: [start, complementEnd],
      head: [headStart, start],
    });
  }

  // Quotations no reporting clause in this sentence accounts for: the last speaker's words.
  let i = first;
  while (i < end) {
    if (!sentence.quoted[i]) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < end && (sentence.quoted[j] || isQuoteMark(text.norm[j] ?? ''))) j += 1;
    let covered = false;
    for (const frame of frames) {
      if (frame.complement[0] <= i && i < frame.complement[1]) {
        covered = true;
        break;
      }
    }
    if (!covered) frames = addTo(frames, NO_FRAMES, { speakers: [], kind: 'quote', complement: [i, j], head: [i, i] });
    i = j;
  }
  return frames;
}

/**
 * A mention and those coordinated before it: "Britain, France and Germany", "both Ukraine and the
 * US". A bare comma joins only inside a list that ends with a conjunction: in "… or Belarus,
 * Zelensky said" Belarus is not a second speaker.
 */
export function withCoordinated(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  nearest: Mention,
): Mention[] {
  const { words } = compiled;
  const out = [nearest];
  const mentions = sentence.mentions;
  let list = false;
  for (let k = mentions.length - 1; k >= 0; k -= 1) {
    const candidate = mentions[k]!;
    // Candidates: mentions before the nearest one that can hold a stance and are no object.
    if (candidate.end > nearest.start || !canHold(candidate) || candidate.object) continue;
    // The words between the candidate and the list so far: one to three coordinating words.
    const from = candidate.end;
    const to = out[0]!.start;
    if (to - from <= 0 || to - from > 3) break;
    let coordinating = true;
    let conjunction = false;
    let comma = false;
    for (let i = from; i < to; i += 1) {
      const token = text.norm[i]!;
      if (token === ',') {
        comma = true;
        continue;
      }
      if (!words.speakerListWords.has(token)) {
        coordinating = false;
        break;
      }
      if (words.conjunctions.has(token)) conjunction = true;
    }
    if (!coordinating) break;
    if (!conjunction && !(list && comma)) break;
    list ||= conjunction;
    out.unshift(candidate);
  }
  return out;
}

/** The nearest mention before a reporting verb that can be its subject. */
function speakerBefore(sentence: Sentence, verbStart: number): Mention | undefined {
  let best: Mention | undefined;
  for (const mention of sentence.mentions) {
    if (mention.end > verbStart) break;
    if (!canHold(mention) || mention.object || sentence.quoted[mention.start]) continue;
    if (mention.possessive && mention.kind !== 'person') continue;
    // Not across another clause's verb: "Zelensky said Trump told him" has two frames.
    if (verbBetween(sentence.items, mention.end, verbStart)) continue;
    best = mention;
  }
  return best;
}

function precedingComma(text: AnalysedText, index: number, first: number): number | undefined {
  let i = index - 1;
  while (i >= first && isQuoteMark(text.norm[i] ?? '')) i -= 1;
  if (i >= first && (text.norm[i] === ',' || text.norm[i] === '?' || text.norm[i] === '!')) return i;
  // A closing quote right before the speaker: "… form," he said.
  if (i < index - 1 && i >= first) return i + 1;
  return undefined;
}

function isSentenceEnd(text: AnalysedText, from: number, end: number): boolean {
  for (let i = from; i < end; i += 1) if (tokenType(text, i) !== 'punctuation') return false;
  return true;
}

/** After the speaker only a date, "in a statement", a recipient or punctuation remains. */
function isTrailing(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  from: number,
  end: number,
): boolean {
  let words = 0;
  for (let i = from; i < end; i += 1) {
    if (tokenType(text, i) === 'punctuation') continue;
    const item = itemAt(sentence.items, i);
    if (item && (item.kind === 'trigger' || item.kind === 'cue' || item.kind === 'reporting')) return false;
    if (!compiled.words.trailingAttributionWords.has(text.norm[i] ?? '')) words += 1;
    if (words > 6) return false;
  }
  return true;
}

export interface Clause {
  start: number;
  /** Exclusive. */
  end: number;
  /** Index into the sentence's frames, or -1 for the narrator. */
  frame: number;
  /** Opened by a conditional marker: the condition, not a stance. */
  condition: boolean;
  /** Made conditional by a neighbouring condition clause. */
  conditional: boolean;
  /** For a condition clause: the clause it attaches to. */
  attachesTo?: number;
  /**
   * For a conditional clause, the condition is a trade ("in exchange for", "in return for"):
   * refusing the trade ("would not hand over Donbas in exchange for a ceasefire") is opposition,
   * while any other condition makes even a negative stance conditional ("will not … unless").
   */
  trade?: boolean;
  /** The boundary that opened the clause, if any ("after", "which", ":"). */
  openedBy?: string;
}

/** Which frame a token belongs to: the innermost complement that contains it. */
export function frameOfToken(frames: Frame[], index: number): number {
  let best = -1;
  let size = Number.POSITIVE_INFINITY;
  for (let f = 0; f < frames.length; f += 1) {
    const complement = frames[f]!.complement;
    const s = complement[0];
    const e = complement[1];
    if (s <= index && index < e && e - s < size) {
      best = f;
      size = e - s;
    }
  }
  return best;
}

/** In a reporting clause's head and in no frame's complement (`frame`: frameOfToken at `index`). */
function inHead(frames: Frame[], index: number, frame: number): boolean {
  if (frame !== -1) return false;
  for (const candidate of frames) if (candidate.head[0] <= index && index < candidate.head[1]) return true;
  return false;
}

/** Splits a sentence into clauses at boundaries, frame edges, conditions and coordinated verbs. */
export function segmentClauses(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  frames: Frame[],
  /** The extractor's own working list (see ClauseList). */
  found: ClauseList,
): Clause[] {
  const { first, last, items, mentions } = sentence;
  const end = last + 1;
  found.clear();

  // Items are in order and do not overlap, and `i` only moves forward: one pointer finds the
  // item that starts at `i`.
  let next = 0;
  let i = first;
  while (i < end) {
    const frame = frames.length === 0 ? -1 : frameOfToken(frames, i);
    if (frames.length > 0 && inHead(frames, i, frame)) {
      found.close(i);
      i += 1;
      continue;
    }
    const current = found.current;
    // Quotation marks inside reported speech ("was \"absolutely unacceptable\"") do not split it;
    // a change of frame (a quotation with its own speaker) does, below.
    if (quoteMarkAt(text, i)) {
      if (current && frameOfToken(frames, i + 1) !== current.frame) found.close(i);
      i += 1;
      continue;
    }
    if (current && current.frame !== frame) found.close(i);
    // "If Ukraine leaves Donetsk, Russia could …": a condition that opens the sentence ends at its comma.
    const open = found.current;
    if (open?.condition && text.norm[i] === ',' && open.start <= clauseFloor(frames, first, i) + 1) {
      found.close(i);
      i += 1;
      continue;
    }
    while (next < items.length && items[next]!.start < i) next += 1;
    const item = items[next]?.start === i ? items[next] : undefined;
    if (item && isBreak(compiled, text, sentence, item, mentions)) {
      found.close(i);
      const source =
        item.end - item.start === 1 ? (text.norm[item.start] ?? '') : text.norm.slice(item.start, item.end).join(' ');
      found.open(item.end, frame, item.kind === 'conditional', source);
      i = item.end;
      continue;
    }
    if (!found.current) found.open(i, frame, false);
    i += 1;
  }
  found.close(end);
  const clauses = found.take();
  attachConditions(compiled, clauses);
  return clauses;
}

/**
 * A condition makes the clause it attaches to conditional: the previous one ("ready … if"), or
 * the next one when the condition comes first ("If Russia withdraws, Ukraine will …").
 */
function attachConditions(compiled: CompiledCodebook, clauses: Clause[]): void {
  for (let index = 0; index < clauses.length; index += 1) {
    const clause = clauses[index]!;
    if (!clause.condition) continue;
    const previous = clauses[index - 1];
    const targetIndex = previous && previous.frame === clause.frame ? index - 1 : index + 1;
    const target = clauses[targetIndex];
    if (!target) continue;
    target.conditional = true;
    if (compiled.words.trades.has(clause.openedBy ?? '')) target.trade = true;
    clause.attachesTo = targetIndex;
  }
}

/**
 * The clauses of a sentence as they are found: those closed, and the one being read. One per
 * extractor: `segmentClauses` clears it at its start and takes it at its end, within one
 * synchronous call that calls nothing that could come back to `segmentClauses`.
 */
export class ClauseList {
  private readonly closed = new ListBuffer<Clause>();
  current: Clause | undefined;

  /** Starts a sentence: nothing closed, nothing being read. */
  clear(): void {
    this.closed.clear();
    this.current = undefined;
  }

  /** The clauses closed, as a list of their own; the list is empty after. */
  take(): Clause[] {
    return this.closed.take();
  }

  /** Ends the clause being read at `at`; an empty one is dropped. */
  close(at: number): void {
    const current = this.current;
    if (current && at > current.start) {
      current.end = at;
      this.closed.add(current);
    }
    this.current = undefined;
  }

  open(at: number, frame: number, condition: boolean, openedBy?: string): void {
    // Every field present (one shape for all clauses).
    const clause: Clause = {
      start: at,
      end: at,
      frame,
      condition,
      conditional: false,
      attachesTo: undefined,
      trade: undefined,
      openedBy: undefined,
    };
    if (openedBy) clause.openedBy = openedBy;
    this.current = clause;
  }
}

/** Where the sentence, or the reported speech that contains `index`, begins. */
function clauseFloor(frames: Frame[], first: number, index: number): number {
  const frame = frameOfToken(frames, index);
  return frame >= 0 ? frames[frame]!.complement[0] : first;
}

function isBreak(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  item: Item,
  mentions: Mention[],
): boolean {
  switch (item.kind) {
    case 'boundary':
    case 'conditional':
    case 'frameEnd':
      return true;
    case 'complementizer': {
      // "said that", "hope that", "told reporters that" keep going; "a request that" starts a relative clause.
      const before = itemEndingAt(sentence.items, item.start);
      if (before && (before.kind === 'cue' || before.kind === 'reporting' || before.kind === 'modal')) return false;
      return !recipientEndsAt(compiled, text, sentence.first, item.start);
    }
    case 'coordinator': {
      const word = text.norm[item.start] ?? '';
      if (word !== ',' && !compiled.words.conjunctions.has(word)) return false;
      // "Ukraine and Russia agreed": two mentions joined, not two clauses.
      const endsMention = mentionEndingAt(mentions, item.start);
      const next = compiled.words.definiteArticles.has(text.norm[item.end] ?? '') ? item.end + 1 : item.end;
      if (endsMention && mentionStartsAt(mentions, item.end, next)) return false;
      // A new verb group follows: "… but would not", "… and wants", "… and Kyiv rejected".
      for (const other of sentence.items) {
        if (other.start < item.end) continue;
        if (other.start > item.end + 3) break;
        if (other.kind === 'cue' || other.kind === 'modal' || other.kind === 'negator' || other.kind === 'reporting') {
          return true;
        }
        if (other.kind === 'trigger') return false;
      }
      return false;
    }
    default:
      return false;
  }
}
