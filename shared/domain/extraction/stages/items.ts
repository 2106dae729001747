import type { Polarity } from '../../../../events/statement';
import type { CompiledCodebook, CueKind, StructureEntry, TriggerEntry } from '../codebook/compile';
import { ListBuffer } from '../list-buffer';
import { type Longest, newLongest } from '../matcher';
import { type AnalysedText, isCapitalised, tokenType } from '../nlp';
import { quoteMarkAt } from '../quotes';

/**
 * Stage 1 (with mentions): the items of a sentence, the words the stance rules walk through:
 * triggers (a proposition's words), cues, negators, modals, reporting verbs, boundaries, anaphors…
 * Found leftmost-longest from the codebook's indexes, then read in their context ("the demand" is
 * an anaphor, "was rejected by" a passive cue).
 */

/** Where an item is: tokens [start, end). */
interface Span {
  start: number;
  /** Exclusive. */
  end: number;
}

/** A proposition's words ("ceasefire", "give up … {territory}"), with the codebook entry they match. */
export interface TriggerItem extends Span {
  kind: 'trigger';
  trigger: TriggerEntry;
}

/** A stance word ("reject", "ready to", "must"), with its sign and kind. */
export interface CueItem extends Span {
  kind: 'cue';
  polarity: Polarity;
  cueKind: CueKind;
  /** A noun cue ("refusal", "proposal for"): the actor right before it holds it too. */
  nominal: boolean;
  /** A verb cue after a form of "be": its holder is the "by" agent, if any. */
  passive: boolean;
}

/** A reporting verb ("said", "told"); a passive one ("is said to") is a hedge, not a frame. */
export interface ReportingItem extends Span {
  kind: 'reporting';
  passive: boolean;
}

/** The kinds of item that carry nothing but their place. */
export type PlainItemKind = Exclude<StructureEntry['kind'], 'cue' | 'reporting' | 'neutral'>;

/** A modal, negator, boundary, condition, coordinator, "that", frame end, anaphor or "according to". */
export interface PlainItem extends Span {
  kind: PlainItemKind;
}

/** A word of a sentence that shapes a stance; each kind carries exactly its own fields. */
export type Item = TriggerItem | CueItem | ReportingItem | PlainItem;

/** An anaphor item ("the request", "it"): what it points back to is found later, in the discourse. */
export const anaphorItem = (start: number, end: number): PlainItem => ({ start, end, kind: 'anaphor' });

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
      items.add({ start: i, end: trigger.end, kind: 'trigger', trigger: trigger.pattern!.payload });
      i = trigger.end;
      continue;
    }
    // Neutral phrases ("for as long as it takes") only shield their words from other readings.
    const found = structureItem(i, other.end, other.pattern!.payload);
    if (found) {
      const item = ownStanceAfterCue(compiled, text, items, found) ? found : refineItem(compiled, text, from, found);
      if (item) items.add(item);
      // A proposition's vague object words ("a deal", "peace") name it right after a wish or
      // readiness ("wants a deal", "not interested in peace") or a recommendation ("the leaders
      // must meet"), never alone.
      if (
        item?.kind === 'cue' &&
        (item.cueKind === 'attitude' || item.cueKind === 'deontic') &&
        !item.nominal &&
        other.end < limit
      ) {
        if (
          compiled.objects.findLongest(text, other.end, limit, trigger) &&
          !idiomAfter(compiled, text, trigger.end, limit)
        ) {
          items.add({ start: other.end, end: trigger.end, kind: 'trigger', trigger: trigger.pattern!.payload });
          i = trigger.end;
          continue;
        }
      }
    }
    i = other.end;
  }
  return items.take();
}

/** Words an object word may be followed by before the noun that makes it an idiom. */
const IDIOM_REACH = 3;

/**
 * "ready to meet the demands of farmers", "ready to meet Russia's conditions": an object word
 * followed, within a few words of one phrase, by a noun of `lexicon.idiomObjects` is that idiom.
 */
function idiomAfter(compiled: CompiledCodebook, text: AnalysedText, from: number, limit: number): boolean {
  const idioms = compiled.words.idiomObjects;
  const end = Math.min(limit, from + IDIOM_REACH);
  for (let i = from; i < end; i += 1) {
    const token = text.norm[i] ?? '';
    if (idioms.has(token)) return true;
    if (!/^[\p{L}']/u.test(token)) return false;
  }
  return false;
}

/**
 * "would drop its veto on new sanctions", "would not give up its goal of joining NATO", "could set
 * aside its push for membership": a stance noun after a possessive (`lexicon.possessiveDeterminers`)
 * right after a cue is the holder's own stance that the cue acts on, so its sign counts (dropping a
 * veto on sanctions supports them), where other cue nouns after a determiner stay nouns. A cue
 * that ends in the possessive ("continue its", `lexicon.cues`) reads the same: "would continue its
 * veto of the sanctions" is the veto's sign.
 */
function ownStanceAfterCue(
  compiled: CompiledCodebook,
  text: AnalysedText,
  items: ListBuffer<Item>,
  found: Item,
): boolean {
  if (found.kind !== 'cue' || found.polarity === 'conditional' || found.cueKind === 'deontic') return false;
  if (!compiled.words.possessiveDeterminers.has(text.norm[found.start - 1] ?? '')) return false;
  // "adopted its stalled package": a participle before a noun describes the thing, it is no stance noun.
  if (attributiveParticiple(compiled, text, found)) return false;
  const last = items.length > 0 ? items.entries[items.length - 1] : undefined;
  // The possessive may end the cue itself ("continue its veto"): the cue then ends right before the noun.
  return (
    last !== undefined &&
    last.kind === 'cue' &&
    !last.nominal &&
    !last.passive &&
    (last.end === found.start - 1 || last.end === found.start)
  );
}

/** A one-word "-ed" participle followed by a word that is no preposition: an attribute ("its stalled package"). */
function attributiveParticiple(compiled: CompiledCodebook, text: AnalysedText, found: Item): boolean {
  if (found.end !== found.start + 1 || !(text.norm[found.start] ?? '').endsWith('ed')) return false;
  return tokenType(text, found.end) === 'word' && !compiled.prepositions.has(text.norm[found.end] ?? '');
}

/** The item of a structural entry; none for a neutral phrase. */
function structureItem(start: number, end: number, entry: StructureEntry): Item | undefined {
  if (entry.kind === 'cue') {
    const { polarity, cueKind, nominal } = entry;
    return { start, end, kind: 'cue', polarity, cueKind, nominal, passive: false };
  }
  const kind = entry.kind;
  switch (kind) {
    case 'neutral':
      return undefined;
    case 'reporting':
      return { start, end, kind, passive: false };
    default:
      return { start, end, kind };
  }
}

/** Tokens read as a host verb's object: "host a fresh round of direct talks between …". */
const HOST_OBJECT_TOKENS = 6;

/**
 * A host verb whose object names no meeting: "Ukrainian clubs have been unable to host European
 * matches", "Belarus … now hosts Russian tactical nuclear weapons", "Italy, hosting an international
 * conference on Ukraine's reconstruction". The object runs from the verb to the first punctuation
 * or preposition (at most HOST_OBJECT_TOKENS tokens); it hosts a meeting when a word of it is a
 * meeting guest (`lexicon.meetingGuests`: talks, round, leaders, them …) or a venue context. No
 * object ("ready to host at the highest level", "will host, Fidan said") is a host of the meeting
 * talked about.
 */
export function hostsSomethingElse(
  compiled: CompiledCodebook,
  text: AnalysedText,
  from: number,
  clauseEnd: number,
): boolean {
  const limit = Math.min(clauseEnd, from + HOST_OBJECT_TOKENS);
  let object = false;
  for (let i = from; i < limit; i += 1) {
    const token = text.norm[i] ?? '';
    if (compiled.words.meetingGuests.has(token)) return false;
    if (tokenType(text, i) !== 'word' || compiled.prepositions.has(token)) break;
    object = true;
  }
  if (!object) return false;
  return compiled.venueTopicWords.scan(text, from, limit).length === 0;
}

/**
 * An act verb of `lexicon.objectActs` whose object names nothing of the codebook: no trigger starts
 * in the words after it up to the first punctuation or preposition (at most HOST_OBJECT_TOKENS
 * tokens). "exchanged 300 prisoners of war" acts on its object, "exchanged views on the plan" not;
 * "ended the ceasefire" acts on its object, "ending the war in Ukraine" not (rules@1.87.0).
 */
function actsOnNoTrigger(compiled: CompiledCodebook, text: AnalysedText, from: number): boolean {
  // "attacks must end.": an act with no object at all is read as before.
  if (endsActObject(compiled, text, from)) return false;
  const limit = Math.min(text.norm.length, from + HOST_OBJECT_TOKENS);
  for (let i = from; i < limit; i += 1) {
    if (compiled.triggers.startsAt(text, i)) return false;
    // "ended its blockade of the sanctions": a stance noun in the object carries the act on.
    if (compiled.structure.longestAt(text, i, text.norm.length)?.payload.kind === 'cue') return false;
    // "ended a day of talks": the object is a span of a meeting; see `meetingSpanEnded` in drafts.ts.
    if (meetingSpanAt(compiled, text, i, text.norm.length)) return false;
    if (endsActObject(compiled, text, i)) break;
  }
  return true;
}

/** Words after a span's link within which a talks noun makes it a span of a meeting. */
const SPAN_NOUN_REACH = 3;

/**
 * "a day of talks", "their second week of talks", "five hours of humanitarian talks": a unit of time
 * (`lexicon.intervalUnits`) at `unit`, a link (`lexicon.spanLinks`: "of") right after it, and a talks
 * noun (`lexicon.talkNouns`) within three words after that and before `limit`.
 */
export function meetingSpanAt(compiled: CompiledCodebook, text: AnalysedText, unit: number, limit: number): boolean {
  const { intervalUnits, spanLinks, talkNouns } = compiled.words;
  if (!intervalUnits.has(text.norm[unit] ?? '') || !spanLinks.has(text.norm[unit + 1] ?? '')) return false;
  const end = Math.min(limit, unit + 2 + SPAN_NOUN_REACH);
  for (let i = unit + 2; i < end; i += 1) if (talkNouns.has(text.norm[i] ?? '')) return true;
  return false;
}

/** The token at `i` ends an act's object: no word or number (punctuation, a break) or a preposition. */
function endsActObject(compiled: CompiledCodebook, text: AnalysedText, i: number): boolean {
  const type = tokenType(text, i);
  return (type !== 'word' && type !== 'number') || compiled.prepositions.has(text.norm[i] ?? '');
}

/**
 * "exchanged 150 prisoners of war in a swap mediated by the Emirates": the only cue before `to` is
 * an act of `lexicon.objectActs`, and `to` lies past its object (a punctuation mark or preposition
 * between), so the act says nothing about what stands there.
 */
export function pastActObject(
  compiled: CompiledCodebook,
  text: AnalysedText,
  items: readonly Item[],
  from: number,
  to: number,
): boolean {
  let act: Item | undefined;
  for (const item of items) {
    if (item.kind !== 'cue' || item.start < from || item.end > to) continue;
    if (item.cueKind !== 'action' || !compiled.words.objectActs.has(text.norm[item.start] ?? '')) return false;
    act = item;
  }
  if (act === undefined) return false;
  for (let i = act.end; i < to; i += 1) if (endsActObject(compiled, text, i)) return true;
  return false;
}

/**
 * "could accept a ceasefire, provided it receives guarantees": a verb cue that is also a conditional
 * marker (`lexicon.commaConditionals`), alone after a comma and before a subject (a capitalised
 * name, a possessive determiner or a pronoun), opens a condition; "the plan, presented in Paris,
 * provided for a ceasefire" and "provided 50 billion euros" stay verbs (rules@1.70.0).
 */
function commaConditional(compiled: CompiledCodebook, text: AnalysedText, item: Item): boolean {
  if (item.kind !== 'cue' || item.end !== item.start + 1 || text.norm[item.start - 1] !== ',') return false;
  const { words } = compiled;
  if (!words.commaConditionals.has(text.norm[item.start] ?? '')) return false;
  const next = text.norm[item.end] ?? '';
  if (tokenType(text, item.end) !== 'word') return false;
  return (
    isCapitalised(text, item.end) ||
    words.possessiveDeterminers.has(next) ||
    words.objectPronouns.has(next) ||
    words.personPronouns.has(next) ||
    words.groupPronouns.has(next)
  );
}

/** Tokens read after a verb for the judgement on its object ("considered a face-to-face meeting useful"). */
const APPRAISAL_REACH = 8;
/** Tokens read after a declaration for the ending ("declared the 30-day halt on strikes against … finished"). */
const DECLARATION_REACH = 16;

/**
 * The first word of `judgements` after the object of the one-word verb cue `item`, within `reach`
 * tokens and before any punctuation but quotation marks, hyphens (they join the words of "a
 * face-to-face meeting") and possessive marks; -1 if there is none.
 */
function judgementAfter(text: AnalysedText, item: CueItem, judgements: ReadonlySet<string>, reach: number): number {
  const limit = Math.min(text.norm.length, item.end + reach);
  for (let i = item.end + 1; i < limit; i += 1) {
    const type = tokenType(text, i);
    if (type !== 'word' && type !== 'number') {
      if (quoteMarkAt(text, i) || text.value[i] === '-' || possessiveBefore(text, i + 1)) continue;
      return -1;
    }
    if (judgements.has(text.norm[i] ?? '')) return i;
  }
  return -1;
}

/**
 * "Moscow considered Geneva \"an appropriate venue\"", "considers a meeting useful and necessary": a
 * conditional verb cue of `lexicon.appraisalVerbs` whose object is followed by a favourable word of
 * `lexicon.appraisals` appraises that object: a plain support, not a condition ("would consider a
 * ceasefire" stays conditional). A judgement followed by an infinitive ("considers it necessary to
 * respond") appraises the infinitive, and is left as it is (rules@1.76.0).
 */
function appraisalAt(compiled: CompiledCodebook, text: AnalysedText, item: CueItem): boolean {
  const { words } = compiled;
  if (item.polarity !== 'conditional' || item.end !== item.start + 1) return false;
  if (!words.appraisalVerbs.has(text.norm[item.start] ?? '')) return false;
  const at = judgementAfter(text, item, words.appraisals, APPRAISAL_REACH);
  return at !== -1 && !words.appraisalInfinitives.has(text.norm[at + 1] ?? '');
}

/**
 * "has declared the Geneva draft framework dead", "declared the 30-day halt on strikes finished": a
 * support verb cue of `lexicon.declarationVerbs` whose object is followed by a word of
 * `lexicon.endings` that ends the clause (punctuation or a conjunction next) declares that object
 * ended: an opposition, not the act of declaring it (rules@1.76.0).
 */
function declaredEndedAt(compiled: CompiledCodebook, text: AnalysedText, item: CueItem): boolean {
  const { words } = compiled;
  if (item.polarity !== 'support' || item.end !== item.start + 1) return false;
  if (!words.declarationVerbs.has(text.norm[item.start] ?? '')) return false;
  const at = judgementAfter(text, item, words.endings, DECLARATION_REACH);
  if (at === -1) return false;
  const next = tokenType(text, at + 1);
  return (next !== 'word' && next !== 'number') || words.conjunctions.has(text.norm[at + 1] ?? '');
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
  // "since May", "the United States", "(The Meridian Post)": a capitalised modal, negator, verb or
  // stance word after a word or comma is part of a name, not an item.
  if (
    (item.kind === 'modal' || item.kind === 'negator' || item.kind === 'reporting' || item.kind === 'cue') &&
    item.start > from &&
    isCapitalised(text, item.start) &&
    nameContext(text, item.start)
  ) {
    return undefined;
  }
  if (item.kind !== 'cue' && item.kind !== 'reporting') return item;
  if (commaConditional(compiled, text, item)) return { start: item.start, end: item.end, kind: 'conditional' };
  // "considered Geneva an appropriate venue": an appraisal of its object, a plain support.
  if (item.kind === 'cue' && appraisalAt(compiled, text, item)) return { ...item, polarity: 'support' };
  // "declared the framework dead": the object declared ended, an opposition.
  if (item.kind === 'cue' && declaredEndedAt(compiled, text, item)) return { ...item, polarity: 'oppose' };
  // "Belarus now hosts Russian tactical nuclear weapons": a host verb whose object names no meeting
  // is no act of support for what it names.
  if (item.kind === 'cue' && item.cueKind === 'action' && hostVerbAt(compiled, text, item.start, item.end)) {
    if (hostsSomethingElse(compiled, text, item.start + 1, text.norm.length)) return undefined;
  }
  // "exchanged views on the peace plan": an act only on its object, which names no trigger.
  if (item.kind === 'cue' && item.cueKind === 'action' && compiled.words.objectActs.has(text.norm[item.start] ?? '')) {
    if (actsOnNoTrigger(compiled, text, item.end)) return undefined;
  }
  // "Moscow's refusal", "Ukraine's call for": a noun held by the possessor. A cue that ends in a
  // form of "be" is the clause's predicate ("Ukraine's place is in …"): its possessor is what it is
  // about, and the speaker holds it.
  if (
    item.kind === 'cue' &&
    possessiveBefore(text, item.start) &&
    !compiled.beForms.has(text.norm[item.end - 1] ?? '')
  ) {
    item.nominal = true;
    return item;
  }
  // "a request", "the demand": a noun. It may point back to an earlier proposition.
  const before = item.start > from ? (text.norm[item.start - 1] ?? '') : '';
  if (compiled.determiners.has(before) && !gerundWithObject(compiled, text, item)) {
    return compiled.anaphors.hasMatchAt(text, item.start, item.end) ? anaphorItem(item.start, item.end) : undefined;
  }
  const verbLike = item.kind === 'reporting' || item.cueKind === 'speech' || item.cueKind === 'action';
  // Attitude words after "be" are adjectives ("is determined to", "was ready") unless an agent follows ("was backed by").
  const agent = compiled.words.agentMarkers.has(text.norm[item.end] ?? '');
  const passive = isPassive(compiled, text, item.start, from);
  // "would be considered legitimate targets": a passive "consider" is "regard", not a condition.
  if (passive && item.kind === 'cue' && item.polarity === 'conditional' && !agent) return undefined;
  if ((verbLike || agent) && passive) item.passive = true;
  return item;
}

/** A host verb of the venues (`venues.host`) starts at `start`. */
function hostVerbAt(compiled: CompiledCodebook, text: AnalysedText, start: number, end: number): boolean {
  for (const match of compiled.venue.matchesAt(text, start, end)) if (match.payload === 'host') return true;
  return false;
}

/**
 * "the lifting of Western sanctions", "an easing of restrictions": an act's "-ing" form with its
 * object after "of" (`lexicon.gerundObjectMarkers`) is the act done to that object, not a noun
 * that stands for a stance on its own.
 */
function gerundWithObject(compiled: CompiledCodebook, text: AnalysedText, item: CueItem | ReportingItem): boolean {
  return (
    item.kind === 'cue' &&
    item.cueKind === 'action' &&
    item.end === item.start + 1 &&
    (text.norm[item.start] ?? '').endsWith('ing') &&
    compiled.words.gerundObjectMarkers.has(text.norm[item.end] ?? '')
  );
}

/** The token before `index` is a word, a number or a comma: a capital there does not open a sentence. */
function nameContext(text: AnalysedText, index: number): boolean {
  const type = tokenType(text, index - 1);
  return type === 'word' || type === 'number' || text.value[index - 1] === ',';
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

/**
 * A trigger or venue word right after "at", "during", "after" is an occasion, not what a stance is
 * about; determiners and words of a time may stand between ("ahead of this week's summit").
 */
export function afterOccasion(compiled: CompiledCodebook, text: AnalysedText, index: number, floor: number): boolean {
  let i = index;
  const times = compiled.words.occasionTimes;
  while (i > floor) {
    const before = text.norm[i - 1] ?? '';
    // "week's" may come as "week" and a token of its own for the possessive.
    const possessiveMark = text.possessive.has(i - 2) && !WORD_START.test(before);
    if (!compiled.determiners.has(before) && !times.has(before) && !possessiveMark && !meetingModifier(text, i - 1))
      break;
    i -= 1;
  }
  for (let start = Math.max(floor, i - 4); start < i; start += 1) {
    if (compiled.occasions.startsAt(text, start) && compiled.occasions.longestAt(text, start, i)?.end === i)
      return true;
  }
  return false;
}

/**
 * A word that names whose or which meeting it is, between an occasion word and the meeting: a
 * year ("their 2024 summit"), a name ("its March summit", "the Washington summit", "the G20
 * meeting"), a possessive ("the EU's summit", "the ministers' meeting") and one plain word right
 * before a possessive ("the foreign ministers' meeting"). Such a meeting is the occasion of what is
 * said there, not talks the speaker wants.
 */
function meetingModifier(text: AnalysedText, index: number): boolean {
  if (index <= 0) return false;
  if (text.possessive.has(index) || tokenType(text, index) === 'number' || isCapitalised(text, index)) return true;
  return WORD_START.test(text.norm[index] ?? '') && text.possessive.has(index + 1);
}

/** A token that begins with a letter (a possessive mark "'s" does not). */
const WORD_START = /^\p{L}/u;

/** Shared empty list (never added to): many sentences have no item. */
export const NO_ITEMS: Item[] = [];

/** The item that covers token `index`, if any. */
export function itemAt(items: readonly Item[], index: number): Item | undefined {
  for (const item of items) if (item.start <= index && index < item.end) return item;
  return undefined;
}

/** A noun cue ("refusal", "Kyiv's call for"): the actor right before it holds it too. */
export const isNominalCue = (item: Item) => item.kind === 'cue' && item.nominal;
/** A cue in the active voice. */
export const isActiveCue = (item: Item) => item.kind === 'cue' && !item.passive;
