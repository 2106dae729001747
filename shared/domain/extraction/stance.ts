import type { Attribution, Polarity } from '../../../events/statement';
import { type Chain, chainOf, governingItem, hasModalOrNegator } from './chain';
import type { CompiledCodebook, TriggerEntry } from './codebook/compile';
import type { Evidence } from './confidence';
import { addTo } from './list-buffer';
import type { Mention } from './mentions';
import type { AnalysedText } from './nlp';
import {
  afterOccasion,
  type Clause,
  canHold,
  type Frame,
  type Item,
  mentionAt,
  NO_ITEMS,
  newItem,
  possessiveBefore,
  type Sentence,
  withCoordinated,
} from './structure';
import { findVenues, type VenueFinding } from './venues';

/**
 * Stance rules: in each clause, who holds a stance (the holder), on what (the triggers after the
 * first cue, or an anaphor's antecedent), and with which polarity (the product of the signs of the
 * cues and negators between holder and trigger; a condition makes it conditional). Attribution and
 * hearsay follow from the frame the clause sits in.
 */

export interface Holder {
  actor?: string;
  person?: string;
  kind: 'person' | 'representative' | 'collective' | 'source';
  /** Named in this sentence (not a pronoun, role or carry-over). */
  named: boolean;
  source?: 'analyst' | 'anonymous';
}

export interface Discourse {
  lastPerson?: { name: string; actor: string };
  lastPersonByActor: Map<string, string>;
  lastActor?: string;
  /**
   * The propositions of the last stance taken, with its sign: what "the request", "it", "the idea"
   * point back to. Rejecting a demand to drop something supports it, so signs multiply.
   */
  lastPropositions?: Array<{ topic: string; proposition: string; sign: number }>;
  lastQuoteSpeakers?: Holder[];
}

/** A new discourse, every field present (one object shape). */
export const newDiscourse = (): Discourse => ({
  lastPerson: undefined,
  lastPersonByActor: new Map(),
  lastActor: undefined,
  lastPropositions: undefined,
  lastQuoteSpeakers: undefined,
});

export interface Draft {
  sentenceIndex: number;
  actor: string;
  speaker?: string;
  topic: string;
  proposition: string;
  polarity: Polarity;
  attribution: Attribution;
  reportedBy?: string;
  evidence: Evidence;
  /** Tokens of the reporting clause, where a date of the statement may be written. */
  dateWindow: [number, number];
}

/** A holder with every field present (one object shape for all holders). */
export function newHolder(
  kind: Holder['kind'],
  named: boolean,
  actor?: string,
  person?: string,
  source?: Holder['source'],
): Holder {
  return { actor, person, kind, named, source };
}

/** A new holder with the mention's source, if it has one. */
function withSource(holder: Holder, source: Mention['source']): Holder {
  if (source) holder.source = source;
  return holder;
}

/** The same holder, not named here (a pronoun or a group pointing to it). */
function unnamed(holder: Holder): Holder {
  return newHolder(holder.kind, false, holder.actor, holder.person, holder.source);
}

/** The last person named, referred to again (made only when it is the answer). */
function lastPersonHolder(last: Discourse['lastPerson']): Holder | undefined {
  return last ? newHolder('person', false, last.actor, last.name) : undefined;
}

/** Resolves who a mention refers to. `speaker` is the frame's speaker, when inside reported speech. */
export function resolveMention(
  mention: Mention,
  discourse: Discourse,
  speaker: Holder | undefined,
  quoted: boolean,
): Holder | undefined {
  const source = mention.source;
  switch (mention.kind) {
    case 'person':
      if (!mention.actor) return newHolder('source', true, undefined, undefined, 'anonymous');
      return withSource(newHolder('person', true, mention.actor, mention.person ?? ''), source);
    case 'role':
    case 'institution':
      return mention.actor ? withSource(newHolder('representative', true, mention.actor), source) : undefined;
    case 'country':
    case 'demonym':
      return mention.actor ? withSource(newHolder('collective', true, mention.actor), source) : undefined;
    case 'roleRef': {
      const actor = mention.actor ?? discourse.lastPerson?.actor;
      if (!actor) return undefined;
      const person = mention.actor ? discourse.lastPersonByActor.get(actor) : discourse.lastPerson?.name;
      return person ? newHolder('person', false, actor, person) : newHolder('representative', false, actor);
    }
    case 'pronoun': {
      const last = discourse.lastPerson;
      // "I" is whoever speaks; "he" in reported speech is the speaker ("Zelensky said he…"), but
      // inside a quotation it is someone else.
      if (mention.firstPerson) return speaker?.kind === 'person' ? unnamed(speaker) : lastPersonHolder(last);
      if (quoted) return last && last.name !== speaker?.person ? lastPersonHolder(last) : undefined;
      if (speaker?.kind === 'person') return unnamed(speaker);
      return lastPersonHolder(last);
    }
    case 'group':
      return speaker?.actor ? unnamed(speaker) : undefined;
    case 'self': {
      if (speaker?.actor) return unnamed(speaker);
      return discourse.lastActor ? newHolder('collective', false, discourse.lastActor) : undefined;
    }
    case 'source':
      return newHolder('source', true, undefined, undefined, mention.source ?? 'anonymous');
    default:
      return undefined;
  }
}

/** What drafting a sentence yields. */
export interface SentenceDrafts {
  drafts: Draft[];
  /** The holder of the sentence's main clause, if it has one. */
  mainHolder?: Holder;
}

/**
 * What drafting a sentence reads, and what it yields so far: draftSentence returns it as its
 * result (one object per sentence, not a context and a result).
 */
interface Context extends SentenceDrafts {
  compiled: CompiledCodebook;
  text: AnalysedText;
  sentence: Sentence;
  discourse: Discourse;
}

/** The drafts of a sentence that has none (shared; callers only read it). */
const NO_DRAFTS: Draft[] = [];

function addDraft(ctx: Context, draft: Draft): void {
  ctx.drafts = addTo(ctx.drafts, NO_DRAFTS, draft);
}

/** What one clause says, before statements are emitted. */
interface ClauseState {
  clause: Clause;
  frame?: Frame;
  /** The frame's speakers, resolved; the first is the one whose words these are. */
  speakers: Holder[];
  quoted: boolean;
  items: Item[];
  triggers: Item[];
  passiveCue?: Item;
  firstCue?: Item;
  /** Where the holder's stance words begin; Infinity when the clause has none. */
  stanceStart: number;
  holders: Holder[];
  /** The holder is named in this clause (not carried over, not a pronoun). */
  explicit: boolean;
  inherited: boolean;
  holderEnd: number;
  /**
   * The sign a restrictive relative clause takes from the clause it describes the object of:
   * in "rejected a clause that would have barred foreign troops", barring is rejected.
   */
  prefixSign: number;
  /** A claim reported as such ("accusations that it supplies weapons"): nobody's stance. */
  unasserted: boolean;
}

interface Found {
  topic: string;
  proposition: string;
  sign: number;
  conditional: boolean;
  indirect: boolean;
}

const isNominalCue = (item: Item) => item.kind === 'cue' && item.nominal === true;
const isActiveCue = (item: Item) => item.kind === 'cue' && !item.passive;
const NO_NOMINALS: Item[] = [];
const NO_TRIGGERS: Item[] = [];
/** Read only: the chains of a clause with no object trigger. */
const NO_CHAINS: ReadonlyArray<Chain | undefined> = [];
const NO_VENUES: VenueFinding[] = [];
/** Shared empty lists: the many clauses without a frame, a subject or a holder (never added to). */
export const NO_HOLDERS: Holder[] = [];
export const NO_MENTIONS: Mention[] = [];
const NO_FOUND: Found[] = [];
const PRONOUNISH = new Set(['pronoun', 'group', 'self', 'roleRef']);

function subjectMentions(ctx: Context, clause: Clause, before: number): Mention[] {
  const { sentence, text } = ctx;
  // The last mention that can be the subject (searched from the end: only the nearest is used).
  let nearest: Mention | undefined;
  for (let k = sentence.mentions.length - 1; k >= 0 && !nearest; k -= 1) {
    const m = sentence.mentions[k]!;
    if (
      m.start >= clause.start &&
      m.end <= before &&
      canHold(m) &&
      !m.object &&
      (!m.possessive || m.kind === 'person' || m.kind === 'role') &&
      !insideTrigger(sentence.items, m) &&
      !nominalPossessor(text, sentence.items, m)
    ) {
      nearest = m;
    }
  }
  if (!nearest) return NO_MENTIONS;
  // Keep those inside the clause, in place (withCoordinated's list is a new one).
  const coordinated = withCoordinated(ctx.compiled, text, sentence, nearest);
  let kept = 0;
  for (const m of coordinated) if (m.start >= clause.start) coordinated[kept++] = m;
  coordinated.length = kept;
  return coordinated;
}

// Loops, not some() with a closure, in the helpers below: they run per mention of every clause.

function insideTrigger(items: Item[], mention: Mention): boolean {
  for (const item of items) {
    if (item.kind === 'trigger' && item.start <= mention.start && mention.end <= item.end) return true;
  }
  return false;
}

/** The mention right before a noun cue holds that cue ("a US proposal for", "Kyiv's refusal"). */
function nominalPossessor(text: AnalysedText, items: Item[], mention: Mention): boolean {
  for (const item of items) {
    if (
      isNominalCue(item) &&
      (item.start === mention.end || (item.start === mention.end + 1 && possessiveBefore(text, item.start)))
    ) {
      return true;
    }
  }
  return false;
}

/** The mention starting at `start` that can hold a stance: a passive's "by" agent. */
function holderAt(mentions: Mention[], start: number): Mention | undefined {
  for (const m of mentions) if (m.start === start && canHold(m)) return m;
  return undefined;
}

const isSelfOrGroup = (m: Mention) => m.kind === 'self' || m.kind === 'group';
const isNamed = (m: Mention) => !PRONOUNISH.has(m.kind);

/** A trigger at or after `from`. */
function triggerFrom(triggers: Item[], from: number): boolean {
  for (const trigger of triggers) if (trigger.start >= from) return true;
  return false;
}

function analyseClause(
  ctx: Context,
  clause: Clause,
  frames: Frame[],
  frameSpeakers: Holder[][],
  /** The states of the clauses before this one: `previous[0]` to `previous[index - 1]`. */
  previous: readonly ClauseState[],
  index: number,
): ClauseState {
  const { sentence, text, discourse } = ctx;
  const frame = clause.frame >= 0 ? frames[clause.frame] : undefined;
  const speakers = clause.frame >= 0 ? (frameSpeakers[clause.frame] ?? NO_HOLDERS) : NO_HOLDERS;
  const speaker = speakers[0];
  const quoted = sentence.quoted[clause.start] === true;
  // One pass over the sentence's items (a clause is read for each of its sentence's clauses):
  // where the clause's items are, its triggers, its first active and first passive cue, its first
  // modal or negator. The sentence's items are in order and do not overlap (findItems), so those
  // inside the clause are one run, copied once at the end.
  let firstItem = -1;
  let lastItem = -1;
  // Most clauses have no trigger: the shared empty list until one is found (never added to later).
  let triggers: Item[] = NO_TRIGGERS;
  let cue: Item | undefined;
  let passiveCue: Item | undefined;
  let verbGroup: Item | undefined;
  for (let k = 0; k < sentence.items.length; k += 1) {
    const item = sentence.items[k]!;
    if (item.start < clause.start || item.end > clause.end) continue;
    if (firstItem < 0) firstItem = k;
    lastItem = k;
    if (item.kind === 'trigger') {
      if (!afterOccasion(ctx.compiled, text, item.start, clause.start)) {
        triggers = addTo(triggers, NO_TRIGGERS, item);
      }
    } else if (item.kind === 'cue') {
      if (item.passive) passiveCue ??= item;
      else if (!isNominalCue(item)) cue ??= item;
    } else if (item.kind === 'modal' || item.kind === 'negator') {
      verbGroup ??= item;
    }
  }
  const items = firstItem < 0 ? NO_ITEMS : sentence.items.slice(firstItem, lastItem + 1);
  let governing: Item | undefined;
  for (let k = 0; k < triggers.length && !governing; k += 1) {
    governing = governingItem(items, triggers[k]!.start, clause.start);
  }
  // A verb group with a modal or negator (`verbGroup`) carries a stance on a trigger before it
  // ("The talks cannot take place in Minsk").
  const stanceStart = Math.min(
    cue?.start ?? Number.POSITIVE_INFINITY,
    governing?.start ?? Number.POSITIVE_INFINITY,
    passiveCue?.start ?? Number.POSITIVE_INFINITY,
    verbGroup && triggers.length > 0 ? verbGroup.start : Number.POSITIVE_INFINITY,
  );

  let subjects = subjectMentions(ctx, clause, Number.isFinite(stanceStart) ? stanceStart : clause.end);
  const { words } = ctx.compiled;
  if (passiveCue) {
    // "… was rejected by Kyiv": the agent holds the stance.
    let probe = passiveCue.end;
    if (words.agentMarkers.has(text.norm[probe] ?? '')) {
      probe += 1;
      if (words.definiteArticles.has(text.norm[probe] ?? '')) probe += 1;
      const agent = holderAt(sentence.mentions, probe);
      subjects = agent ? [agent] : NO_MENTIONS;
    } else if (Number.isFinite(stanceStart) && stanceStart === passiveCue.start) {
      subjects = NO_MENTIONS;
    }
  }
  // The shared empty list until a subject resolves to a holder.
  let holders: Holder[] = NO_HOLDERS;
  for (const m of subjects) {
    const holder = resolveMention(m, discourse, speaker, quoted);
    if (holder) holders = addTo(holders, NO_HOLDERS, holder);
  }
  // "Macron and Starmer said their countries were prepared …": every speaker.
  if (speakers.length > 1 && subjects.length > 0 && subjects.every(isSelfOrGroup)) {
    holders = speakers;
  }
  let explicit = holders.length > 0 && subjects.some(isNamed);
  let inherited = false;
  // ", which …", ", who …" describe something; they take no holder from the clause before.
  const opener = clause.openedBy ?? '';
  const relative = words.relatives.has(opener);
  const nonRestrictive = relative && text.norm[clause.start - 2] === ',';
  let prefixSign = 1;
  if (holders.length === 0 && !nonRestrictive) {
    let before: ClauseState | undefined;
    for (let k = index - 1; k >= 0 && !before; k -= 1) {
      const state = previous[k]!;
      if (state.clause.frame === clause.frame && state.holders.length > 0) before = state;
    }
    if (before) {
      holders = before.holders;
      explicit = before.explicit;
      inherited = true;
      // "rejected a clause that would have barred X": the relative clause describes the object
      // of the previous clause's stance words, so their sign carries over.
      const last = previous[index - 1];
      if (relative && last === before && last.firstCue && !triggerFrom(last.triggers, last.stanceStart)) {
        prefixSign = chainOf(last.items, last.holderEnd, last.clause.end).sign;
      }
    } else if (speakers.length > 0) {
      holders = speakers;
      inherited = true;
    }
  }
  const firstCue = cue ?? passiveCue;
  // Deontic cues ("must", "should") state the speaker's stance about someone else.
  if (firstCue?.cueKind === 'deontic' && firstCue === cue) {
    holders = speakers;
    explicit = false;
    inherited = speakers.length > 0;
  }
  const holderEnd =
    subjects.length > 0 && !passiveCue ? Math.min(subjects[subjects.length - 1]!.end, stanceStart) : clause.start;
  const state: ClauseState = {
    clause,
    speakers,
    quoted,
    items,
    triggers,
    stanceStart,
    holders,
    explicit,
    inherited,
    holderEnd,
    prefixSign,
    unasserted: words.complementizers.has(opener) && ctx.compiled.unasserted.has(text.norm[clause.start - 2] ?? ''),
    // Present even when undefined: one shape for every clause state.
    frame,
    passiveCue,
    firstCue,
  };
  return state;
}

/** Drafts the statements of one sentence. Updates the discourse's last proposition. */
export function draftSentence(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  frames: Frame[],
  frameSpeakers: Holder[][],
  clauses: Clause[],
  discourse: Discourse,
): SentenceDrafts {
  const ctx: Context = { compiled, text, sentence, discourse, drafts: NO_DRAFTS, mainHolder: undefined };
  // One state per clause, at the clause's index (a condition names the clause it attaches to by
  // index); made at its size, where a list pushed to past one state would grow room for 17.
  const states: ClauseState[] = new Array(clauses.length);
  for (let k = 0; k < clauses.length; k += 1) {
    states[k] = analyseClause(ctx, clauses[k]!, frames, frameSpeakers, states, k);
  }
  let main: ClauseState | undefined;
  for (const state of states) {
    if (!state.clause.condition && !state.clause.openedBy && state.holders.length > 0) {
      main = state;
      break;
    }
  }

  for (const state of states) {
    if (state.clause.condition) continue;
    emitClause(ctx, state);
  }
  // "… only after Ukraine withdraws from Donetsk": the condition is something the holder wants.
  for (const state of states) {
    const target = state.clause.attachesTo !== undefined ? states[state.clause.attachesTo] : undefined;
    if (!state.clause.condition || !target || !Number.isFinite(target.stanceStart)) continue;
    if (state.items.some(isActiveCue)) continue;
    const found: Found[] = [];
    for (const trigger of state.triggers) {
      const chain = chainOf(state.items, state.clause.start, trigger.start);
      const sign = trigger.trigger!.inverted ? -chain.sign : chain.sign;
      found.push({
        topic: trigger.trigger!.topic,
        proposition: propositionFor(ctx, trigger.trigger!, trigger, target.holders[0], state.clause.start),
        sign,
        conditional: false,
        indirect: true,
      });
    }
    emit(ctx, target, target.holders, target.explicit && !target.inherited, found, NO_VENUES);
  }
  ctx.mainHolder = main?.holders[0];
  return ctx;
}

function emitClause(ctx: Context, state: ClauseState): void {
  const { compiled, text, sentence, discourse } = ctx;
  const { clause, items, triggers, stanceStart, holderEnd } = state;
  // Noun cues, listed only in the clauses that have one (most have none).
  let nominals: Item[] = NO_NOMINALS;
  for (const item of items) {
    if (isNominalCue(item)) {
      nominals = items.filter(isNominalCue);
      break;
    }
  }
  if (state.unasserted || (!Number.isFinite(stanceStart) && nominals.length === 0)) return;

  // The shared empty list until something is found.
  let found: Found[] = NO_FOUND;
  if (Number.isFinite(stanceStart) && state.holders.length > 0) {
    const subjectMode = !state.explicit || state.inherited || state.passiveCue !== undefined;
    const chains = objectChains(ctx, state);
    for (let k = 0; k < triggers.length; k += 1) {
      const trigger = triggers[k]!;
      if (continuesSameTopic(compiled, text, triggers, k)) continue;
      const entry = trigger.trigger!;
      const isObject = trigger.start >= stanceStart;
      let chainSign: number;
      let conditional = false;
      if (isObject) {
        const chain = chains[k] ?? chainOf(items, holderEnd, trigger.start);
        const present =
          chain.hasCue || state.prefixSign !== 1 || governingItem(items, trigger.start, clause.start) !== undefined;
        if (!present) continue;
        chainSign = chain.sign * state.prefixSign;
        conditional ||= chain.conditional;
        if (invertedBefore(compiled, text, trigger, holderEnd)) chainSign = -chainSign;
      } else {
        if (!subjectMode || !isSubjectPosition(ctx, clause, trigger, items)) continue;
        // "Territorial concessions are out of the question"; "Russia's demand for Donetsk is unacceptable".
        const after = chainOf(items, trigger.end, clause.end);
        if (!after.hasCue && !hasModalOrNegator(items, trigger.end, clause.end)) continue;
        const before = chainOf(nominals, clause.start, trigger.start);
        chainSign = before.sign * after.sign;
        conditional ||= after.conditional;
        // "any truce must address …": requirements on it.
        const determiner = text.norm[trigger.start - 1] ?? '';
        if (compiled.words.freeChoiceDeterminers.has(determiner) && deonticFrom(items, trigger.end)) conditional = true;
      }
      found = addTo(found, NO_FOUND, {
        topic: entry.topic,
        proposition: propositionFor(ctx, entry, trigger, state.holders[0], stanceStart),
        sign: entry.inverted ? -chainSign : chainSign,
        conditional,
        indirect: false,
      });
    }
  }

  const venues: VenueFinding[] = Number.isFinite(stanceStart)
    ? findVenues(compiled, text, clause, items, holderEnd, state.holders[0])
    : NO_VENUES;
  if (found.length === 0 && venues.length === 0 && Number.isFinite(stanceStart)) {
    found = anaphoric(ctx, state);
  }

  // The holder's own statements.
  if (found.length > 0 || venues.length > 0) {
    emit(ctx, state, state.holders, state.explicit && !state.inherited, found, venues);
  }

  // Co-holders of noun cues: "Ukraine rejected Russia's demand for Donetsk" → Russia demands it.
  for (const nominal of nominals) {
    const possessor = possessorOf(text, sentence.mentions, nominal);
    if (!possessor) continue;
    const speaker = state.speakers[0];
    const holder = resolveMention(possessor, discourse, speaker, state.quoted);
    if (!holder?.actor || holdsAlready(state.holders, holder.actor)) continue;
    const ownFound: Found[] = [];
    for (const trigger of triggers) {
      if (trigger.start < nominal.end) continue;
      const chain = chainOf(items, nominal.start, trigger.start);
      ownFound.push({
        topic: trigger.trigger!.topic,
        proposition: propositionFor(ctx, trigger.trigger!, trigger, holder, nominal.start),
        sign: trigger.trigger!.inverted ? -chain.sign : chain.sign,
        conditional: chain.conditional,
        indirect: false,
      });
    }
    const coState: ClauseState = { ...state, firstCue: nominal, stanceStart: nominal.start };
    emit(ctx, coState, [holder], true, ownFound, NO_VENUES);
  }

  // What a later "the idea", "the request", "it" points back to: a venue offer is about the place.
  const places = venues.length === 0 ? NO_VENUES : venues.filter(isPlace);
  const direct = directOnly(found);
  if (places.length > 0) {
    discourse.lastPropositions = places.map((venue) => ({
      topic: compiled.venueTopic,
      proposition: `${compiled.venueTopic}:${venue.place}`,
      sign: venue.sign,
    }));
  } else if (direct.length > 0) {
    // Found propositions carry topic, proposition and sign, and are not changed once found:
    // the discourse keeps them as they are.
    discourse.lastPropositions = direct;
  }
}

/** The mention with an actor right before a noun cue ("Russia's demand"). */
function possessorOf(text: AnalysedText, mentions: Mention[], nominal: Item): Mention | undefined {
  for (const m of mentions) {
    if (
      m.actor &&
      (m.end === nominal.start || (m.end + 1 === nominal.start && possessiveBefore(text, nominal.start)))
    ) {
      return m;
    }
  }
  return undefined;
}

function holdsAlready(holders: Holder[], actor: string): boolean {
  for (const h of holders) if (h.actor === actor) return true;
  return false;
}

const isPlace = (venue: VenueFinding) => venue.place !== 'any';
const isDirect = (f: Found) => !f.indirect;

/** The propositions found directly: the list itself when all are (as when none came through an anaphor). */
function directOnly(found: Found[]): Found[] {
  for (const f of found) if (f.indirect) return found.filter(isDirect);
  return found;
}

/** A deontic cue at or after `from` ("any truce must address …"). */
function deonticFrom(items: Item[], from: number): boolean {
  for (const item of items) if (item.cueKind === 'deontic' && item.start >= from) return true;
  return false;
}

/**
 * The sign chain of each object trigger. Coordinated triggers share the holder's stance words
 * ("ready for talks and a ceasefire"), but not the words inside another conjunct after an embedded
 * subject ("demanded that Kyiv abandon its bid to join NATO and recognise Crimea": "abandon" is
 * not about Crimea). A negator distributes over the triggers after it until another one appears:
 * "not Donbas, not Kherson" is two denials, not a double negation.
 */
function objectChains(ctx: Context, state: ClauseState): ReadonlyArray<Chain | undefined> {
  const { items, triggers, holderEnd, stanceStart } = state;
  let first: Item | undefined;
  for (const trigger of triggers) {
    if (trigger.start >= stanceStart) {
      first = trigger;
      break;
    }
  }
  if (!first) return NO_CHAINS;
  // Indexed like the clause's triggers (an array, not a Map: this runs per clause with objects).
  const chains: Array<Chain | undefined> = new Array(triggers.length).fill(undefined);
  const embedded = embeddedSubject(ctx.sentence.mentions, stanceStart, first.start);
  const cues = cuesOf(items);
  let previous: Item | undefined;
  let previousNegations = 0;
  for (let k = 0; k < triggers.length; k += 1) {
    const trigger = triggers[k]!;
    if (trigger.start < stanceStart) continue;
    const coordinator = previous && coordinatorBetween(ctx.compiled, ctx.text, items, previous.end, trigger.start);
    // Without a coordinator the one range would be [holderEnd, trigger.start]: no range at all.
    const ranges: Array<[number, number]> | undefined = coordinator
      ? [
          [holderEnd, embedded ? embedded.end : first.start],
          [coordinator.end, trigger.start],
        ]
      : undefined;
    const chain = chainOf(cues, holderEnd, trigger.start, ranges);
    const localFrom = previous ? previous.end : holderEnd;
    let local = 0;
    for (const item of items) {
      if (item.kind === 'negator' && item.start >= localFrom && item.end <= trigger.start) local += 1;
    }
    const negations = previous && local === 0 ? previousNegations : local;
    if (negations % 2 === 1) chain.sign = -chain.sign;
    chains[k] = chain;
    previous = trigger;
    previousNegations = negations;
  }
  return chains;
}

/**
 * The cues among a clause's items, in a list made at its size (filter() grows one with room for
 * 17); the items themselves when all of them are cues.
 */
function cuesOf(items: Item[]): Item[] {
  let count = 0;
  for (const item of items) if (item.kind === 'cue') count += 1;
  if (count === items.length) return items;
  const cues: Item[] = new Array(count);
  let k = 0;
  for (const item of items) if (item.kind === 'cue') cues[k++] = item;
  return cues;
}

/** The last mention in [from, to] that can hold a stance and is no object: a subject inside the object. */
function embeddedSubject(mentions: Mention[], from: number, to: number): Mention | undefined {
  for (let k = mentions.length - 1; k >= 0; k -= 1) {
    const m = mentions[k]!;
    if (m.start >= from && m.end <= to && !m.object && canHold(m)) return m;
  }
  return undefined;
}

/** A conjunction ("and", "or") between two triggers. */
function coordinatorBetween(
  compiled: CompiledCodebook,
  text: AnalysedText,
  items: Item[],
  from: number,
  to: number,
): Item | undefined {
  for (const item of items) {
    if (
      item.kind === 'coordinator' &&
      item.start >= from &&
      item.end <= to &&
      compiled.words.conjunctions.has(text.norm[item.start] ?? '')
    ) {
      return item;
    }
  }
  return undefined;
}

/** "could hold it up": an anaphor inside a discontinuous cue. */
function anaphorInsideCue(ctx: Context, items: Item[]): Item | undefined {
  for (const item of items) {
    if (item.kind !== 'cue' || item.end - item.start < 3) continue;
    for (let i = item.start + 1; i < item.end - 1; i += 1) {
      // Its end is the cue's end, so the cue counts in the chain up to it.
      if (ctx.compiled.anaphors.startsAt(ctx.text, i)) return newItem(item.end, item.end, 'anaphor');
    }
  }
  return undefined;
}

/** "…, a request that both Ukraine and the US have rejected": the proposition an anaphor points to. */
function anaphoric(ctx: Context, state: ClauseState): Found[] {
  const { sentence, discourse } = ctx;
  const { clause, items, stanceStart, holderEnd, passiveCue } = state;
  const antecedents = discourse.lastPropositions;
  if (!antecedents || state.holders.length === 0) return NO_FOUND;
  const anaphor =
    items.find((item) => item.kind === 'anaphor' && (passiveCue !== undefined || item.start >= stanceStart)) ??
    anaphorInsideCue(ctx, items);
  // A relative clause's head noun: "a request that …", "the plan, which …".
  const relativeHead = ctx.compiled.words.anaphorRelatives.has(clause.openedBy ?? '')
    ? sentence.items.find((item) => item.kind === 'anaphor' && item.end === clause.start - 1)
    : undefined;
  if (!anaphor && !relativeHead) return NO_FOUND;
  const chain =
    passiveCue || !anaphor ? chainOf(items, holderEnd, clause.end) : chainOf(items, holderEnd, anaphor.start);
  if (!chain.hasCue) return NO_FOUND;
  return antecedents.map((antecedent) => ({
    topic: antecedent.topic,
    proposition: antecedent.proposition,
    sign: chain.sign * antecedent.sign,
    conditional: chain.conditional,
    indirect: true,
  }));
}

const LOWERCASE_WORD = /^[a-z-]+$/;

/**
 * "Taurus cruise missiles": one weapon, not two propositions. The later of adjacent same-topic
 * triggers is dropped: this says whether `triggers[k]` is such a later one (asked per trigger,
 * with no set of them built per clause).
 */
function continuesSameTopic(compiled: CompiledCodebook, text: AnalysedText, triggers: Item[], k: number): boolean {
  if (k === 0) return false;
  const previous = triggers[k - 1]!;
  const current = triggers[k]!;
  if (previous.trigger!.topic !== current.trigger!.topic || previous.trigger!.key === current.trigger!.key) {
    return false;
  }
  if (current.start - previous.end > 2) return false;
  for (let i = previous.end; i < current.start; i += 1) {
    const token = text.norm[i]!;
    if (!LOWERCASE_WORD.test(token) || compiled.words.conjunctions.has(token)) return false;
  }
  return true;
}

/**
 * A condition on the clause ("if", "unless", "as long as", "only after") makes any stance
 * conditional ("would keep vetoing as long as …", "would not provide weapons unless …"); a
 * conditional cue does so only when positive: "would not consider a ceasefire" opposes it.
 */
function polarity(sign: number, cueConditional: boolean, conditioned: boolean): Polarity {
  if (conditioned) return 'conditional';
  if (cueConditional && sign > 0) return 'conditional';
  return sign > 0 ? 'support' : 'oppose';
}

function emit(
  ctx: Context,
  state: ClauseState,
  holders: Holder[],
  explicitHolder: boolean,
  found: Found[],
  venues: VenueFinding[],
): void {
  const { compiled, text, sentence } = ctx;
  const { clause, frame, quoted } = state;
  const speaker = state.speakers[0];
  const hasPlaces = venues.some(isPlace);
  // Whether the clause is about a venue, asked only for an opposition to talks.
  let aboutVenue: boolean | undefined;
  for (const holder of holders) {
    if (!holder.actor) continue;
    const attribution = attributionFor(holder, speaker, explicitHolder, state.firstCue, frame);
    // Evidence is only read (confidenceOf): the drafts of one holder share it.
    const evidence: Evidence = {
      quoted,
      framed: frame !== undefined && speaker !== undefined,
      named: holder.named || (speaker?.named ?? false),
      narrated: attribution.attribution === 'reported' && !attribution.reportedBy,
      hearsay: attribution.reportedBy !== undefined,
      analyst: holder.source === 'analyst' || speaker?.source === 'analyst' || sentence.markers.has('analyst'),
      anonymous:
        holder.source === 'anonymous' ||
        speaker?.source === 'anonymous' ||
        sentence.markers.has('anonymity') ||
        sentence.markers.has('anonymous'),
      hedged: sentence.markers.has('hedge'),
      indirect: false,
      inherited: state.inherited,
      act: state.firstCue?.cueKind === 'action',
    };
    let indirectEvidence: Evidence | undefined;
    const dateWindow: [number, number] =
      frame && frame.kind !== 'quote' ? frame.head : [sentence.first, Math.min(state.stanceStart, clause.end)];
    const speakerName =
      holder.person ?? (attribution.reportedBy || holder.actor === speaker?.actor ? speaker?.person : undefined);
    // Drafts are built whole (no spreads): one object shape, made in the inner loop.
    const speakerOfDraft = speakerName || undefined;
    const reportedBy = attribution.reportedBy || undefined;
    for (const f of found) {
      const conditioned = clause.conditional && !f.indirect && !(clause.trade && f.sign < 0);
      const value = polarity(f.sign, f.conditional, conditioned);
      // "Talks cannot take place in Minsk" is about the venue, not about talks.
      if (value === 'oppose' && compiled.meetingTopics.has(f.topic)) {
        aboutVenue ??= hasPlaces || talksBeforeLocative(compiled, text, state);
        if (aboutVenue) continue;
      }
      let evidenceOfFinding = evidence;
      if (f.indirect) {
        indirectEvidence ??= withIndirect(evidence, true);
        evidenceOfFinding = indirectEvidence;
      }
      addDraft(ctx, {
        sentenceIndex: sentence.index,
        actor: holder.actor,
        speaker: speakerOfDraft,
        topic: f.topic,
        proposition: f.proposition,
        polarity: value,
        attribution: attribution.attribution,
        reportedBy,
        evidence: evidenceOfFinding,
        dateWindow,
      });
    }
    for (const venue of venues) {
      addDraft(ctx, {
        sentenceIndex: sentence.index,
        actor: holder.actor,
        speaker: speakerOfDraft,
        topic: compiled.venueTopic,
        proposition: `${compiled.venueTopic}:${venue.place}`,
        polarity: polarity(venue.sign, venue.conditional, clause.conditional && !(clause.trade && venue.sign < 0)),
        attribution: attribution.attribution,
        reportedBy,
        evidence,
        dateWindow,
      });
    }
  }
}

/** "Talks in Minsk": a trigger of a meetings topic followed closely by a locative. */
function talksBeforeLocative(compiled: CompiledCodebook, text: AnalysedText, state: ClauseState): boolean {
  const { clause } = state;
  return state.triggers.some(
    (trigger) =>
      compiled.meetingTopics.has(trigger.trigger!.topic) &&
      compiled.venue
        .scanAll(text, trigger.end, Math.min(clause.end, trigger.end + 2))
        .some((m) => m.payload === 'locative'),
  );
}

function withIndirect(evidence: Evidence, indirect: boolean): Evidence {
  return {
    quoted: evidence.quoted,
    framed: evidence.framed,
    named: evidence.named,
    narrated: evidence.narrated,
    hearsay: evidence.hearsay,
    analyst: evidence.analyst,
    anonymous: evidence.anonymous,
    hedged: evidence.hedged,
    indirect,
    inherited: evidence.inherited,
    act: evidence.act,
  };
}

/**
 * A trigger before the stance words is their subject ("Territorial concessions are out of the
 * question") only near the start of its clause, before any verb group: in "this is not a peace
 * plan to end the conflict" it is a complement, and the cue after it is about something else.
 */
function isSubjectPosition(ctx: Context, clause: Clause, trigger: Item, items: Item[]): boolean {
  if (trigger.start - clause.start > 4) return false;
  for (let i = clause.start; i < trigger.start; i += 1) {
    if (ctx.compiled.beForms.has(ctx.text.norm[i] ?? '')) return false;
  }
  return !items.some(
    (item) =>
      item.end <= trigger.start &&
      !isNominalCue(item) &&
      (item.kind === 'cue' || item.kind === 'modal' || item.kind === 'negator' || item.kind === 'reporting'),
  );
}

/** A proposition's own inverter just before its trigger ("defend Donetsk", "return of occupied territories"). */
function invertedBefore(compiled: CompiledCodebook, text: AnalysedText, trigger: Item, from: number): boolean {
  const index = compiled.inverters.get(trigger.trigger!.key);
  if (!index) return false;
  const start = Math.max(from, trigger.start - 3);
  // A loop, not some() with a closure: this runs per object trigger.
  for (const match of index.scanAll(text, start, trigger.start)) if (match.end >= trigger.start - 2) return true;
  return false;
}

interface AttributionOf {
  readonly attribution: Attribution;
  readonly reportedBy?: string;
}

/** The attributions without a reporter, shared (they are only read). */
const REPORTED: AttributionOf = { attribution: 'reported', reportedBy: undefined };
const DIRECT: AttributionOf = { attribution: 'direct', reportedBy: undefined };

function attributionFor(
  holder: Holder,
  speaker: Holder | undefined,
  explicitHolder: boolean,
  firstCue: Item | undefined,
  frame: Frame | undefined,
): AttributionOf {
  if (frame && speaker) {
    if (speaker.kind === 'source' || !speaker.actor) return REPORTED;
    if (explicitHolder && holder.actor !== speaker.actor) return { attribution: 'reported', reportedBy: speaker.actor };
    return DIRECT;
  }
  if (holder.kind === 'collective' || holder.kind === 'source') return REPORTED;
  if (firstCue?.cueKind === 'action') return REPORTED;
  return DIRECT;
}

/** An actor that may fill a slot: named, and not one the slot excludes. */
function usable(actor: string | undefined, excluded: readonly string[]): string | undefined {
  return actor && !excluded.includes(actor) ? actor : undefined;
}

// Loops, not find() or filter() with closures, in the slot helpers: slots are filled per trigger.

/** The mention right before `at`, or before a possessive "'s" there. */
function mentionBefore(text: AnalysedText, mentions: Mention[], at: number): Mention | undefined {
  for (const m of mentions) {
    if (m.end === at || (m.end + 1 === at && possessiveBefore(text, at))) return m;
  }
  return undefined;
}

/** The actor of the last mention with one in [from, to] that is no object. */
function lastSubjectActor(mentions: Mention[], from: number, to: number): string | undefined {
  for (let k = mentions.length - 1; k >= 0; k -= 1) {
    const m = mentions[k]!;
    if (m.end <= to && m.start >= from && !m.object && m.actor) return m.actor;
  }
  return undefined;
}

function isPreposition(prepositions: readonly string[], token: string): boolean {
  for (const preposition of prepositions) if (preposition.toLowerCase() === token) return true;
  return false;
}

/** The proposition id, with its slot filled ("sanctions:russia", "funding:european-union"). */
function propositionFor(
  ctx: Context,
  entry: TriggerEntry,
  trigger: Item,
  holder: Holder | undefined,
  stanceStart: number,
): string {
  const slot = entry.slot;
  if (!slot) return entry.proposition;
  const { sentence, text } = ctx;
  const excluded = slot.exclude;
  for (const way of slot.from) {
    let actor: string | undefined;
    if (way === 'adjective' || way === 'possessive') {
      const before = mentionBefore(text, sentence.mentions, trigger.start);
      const adjectival = before?.kind === 'demonym' || before?.kind === 'role' || before?.kind === 'country';
      if (before && (way === 'possessive' ? before.possessive : adjectival && !before.possessive)) {
        actor = usable(before.actor, excluded);
      }
    } else if (way === 'prepositions') {
      let probe = trigger.end;
      const next = text.norm[probe] ?? '';
      if (isPreposition(slot.prepositions, next)) {
        probe += 1;
        while (ctx.compiled.words.slotDeterminers.has(text.norm[probe] ?? '')) probe += 1;
        actor = usable(mentionAt(sentence.mentions, probe)?.actor, excluded);
      }
    } else if (way === 'subject') {
      actor = usable(lastSubjectActor(sentence.mentions, stanceStart, trigger.start), excluded);
    } else if (way === 'holder') {
      actor = usable(holder?.actor, excluded);
    }
    if (actor) return `${slot.namespace}:${actor}`;
  }
  return slot.default ? `${slot.namespace}:${slot.default}` : entry.proposition;
}
