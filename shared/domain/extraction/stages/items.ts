import type { Polarity } from '../../../../events/statement';
import type { CompiledCodebook, CueKind, StructureEntry, TriggerEntry } from '../codebook/compile';
import { ListBuffer } from '../list-buffer';
import { type Longest, newLongest } from '../matcher';
import { type AnalysedText, tokenType } from '../nlp';

/**
 * Stage 1 (with mentions): the items of a sentence, the words the stance rules walk through:
 * triggers (a proposition's words), cues, negators, modals, reporting verbs, boundaries, anaphors…
 * Found leftmost-longest from the codebook's indexes, then read in their context ("the demand" is
 * an anaphor, "was rejected by" a passive cue).
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

/** Shared empty list (never added to): many sentences have no item. */
export const NO_ITEMS: Item[] = [];

/** A noun cue ("refusal", "Kyiv's call for"): the actor right before it holds it too. */
export const isNominalCue = (item: Item) => item.kind === 'cue' && item.nominal === true;
/** A cue in the active voice. */
export const isActiveCue = (item: Item) => item.kind === 'cue' && !item.passive;
