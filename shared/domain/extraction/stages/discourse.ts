import type { TriggerEntry } from '../codebook/compile';
import { addTo } from '../list-buffer';
import type { Frame } from './frames';
import { NO_FRAMES } from './frames';
import type { Mention, PersonMention, SourceKind } from './mentions';
import type { Sentence } from './sentences';

/**
 * What carries from one sentence to the next: the last person named (per actor, and overall), the
 * last actor, the last propositions (what "the request", "it" point back to) and the last
 * quotation's speakers. Mentions are resolved to holders against it, and each sentence updates it.
 */

/**
 * Who holds a stance, each kind with exactly its own fields: a named `person` (its actor and name),
 * an actor spoken for by a `representative` ("Ukrainian officials", "the Kremlin") or as a whole
 * (`collective`: "Ukraine"), or a `source` of no actor (analysts, unnamed sources). Narrow on `kind`
 * to read `actor` or `person`; `actorOfHolder` gives the actor of any holder that has one.
 */
export type Holder = PersonHolder | ActorHolder | SourceHolder;

/** A holder that has an actor: a person or an actor named without one. */
export type HolderWithActor = PersonHolder | ActorHolder;

export interface PersonHolder {
  kind: 'person';
  actor: string;
  person: string;
  /** Named in this sentence (not a pronoun, role or carry-over). */
  named: boolean;
  /** The mention was marked as an analyst or an unnamed source. */
  source: SourceKind | undefined;
}

export interface ActorHolder {
  kind: 'representative' | 'collective';
  actor: string;
  /** Named in this sentence (not a pronoun, role or carry-over). */
  named: boolean;
  /** The mention was marked as an analyst or an unnamed source. */
  source: SourceKind | undefined;
}

/** Analysts, unnamed sources, a person of no known actor: always named where they are. */
export interface SourceHolder {
  kind: 'source';
  named: true;
  source: SourceKind;
}

/** A proposition a sentence took a stance on, with the stance's sign (1 for, -1 against). */
export interface SignedProposition {
  topic: string;
  proposition: string;
  sign: number;
}

export interface Discourse {
  lastPerson?: { name: string; actor: string };
  lastPersonByActor: Map<string, string>;
  lastActor?: string;
  /**
   * The propositions of the last stance taken, with its sign: what "the request", "it", "the idea"
   * point back to. Rejecting a demand to drop something supports it, so signs multiply.
   */
  lastPropositions?: SignedProposition[];
  /** Where the clause that took the last stance begins (a token index): the paragraph it is in. */
  lastPropositionsAt: number;
  /** The actor who took the last stance (`lastPropositions`), when it had one. */
  lastPropositionsActor: string | undefined;
  lastQuoteSpeakers?: Holder[];
  /**
   * What the document has named with a story noun (`lexicon.storyNouns`): "a 20th package of
   * sanctions" makes a later "the package" the sanctions. Made at the first such naming.
   */
  storyNouns: Map<string, StoryThing> | undefined;
  /**
   * The lede's stance: the first sentence's last propositions, kept when that sentence took a
   * positive, unconditional stance on one proposition (what a later "the decision" reacts to).
   */
  ledePropositions: SignedProposition[] | undefined;
  /**
   * What the lede demands: when the first sentence took conditional stances and, from their
   * condition, a positive stance on one other proposition ("the war would end once Kyiv withdrew
   * from Donetsk"), that proposition (what a later "the demand" names).
   */
  ledeDemand: SignedProposition[] | undefined;
  /**
   * Which talks the document named first with a talks word: those of another topic ("accession
   * talks": then a later "the talks" are those) or of a meeting topic (`talksNamedBefore`).
   */
  talksNamed: 'otherTopic' | 'meetingTopic' | undefined;
  /**
   * The slotted propositions whose actor the document named as the slot's target, after a
   * preposition, as a verb's object or as what was put on a list ("sanctions on three Chinese
   * banks" → `sanctions:china`): a target that later speaks against the slot's proposition
   * unnamed ("China opposes unilateral sanctions") is taken to speak of its own (rules@1.89.0).
   */
  slotTargets: Set<string> | undefined;
}

/** A trigger named beside a story noun: its entry, and its proposition as that sentence filled its slot. */
export interface StoryThing {
  entry: TriggerEntry;
  proposition: string;
}

/** A new discourse, every field present (one object shape). */
export const newDiscourse = (): Discourse => ({
  lastPerson: undefined,
  lastPersonByActor: new Map(),
  lastActor: undefined,
  lastPropositions: undefined,
  lastPropositionsAt: -1,
  lastPropositionsActor: undefined,
  lastQuoteSpeakers: undefined,
  storyNouns: undefined,
  ledePropositions: undefined,
  ledeDemand: undefined,
  talksNamed: undefined,
  slotTargets: undefined,
});

export function personHolder(actor: string, person: string, named: boolean, source?: SourceKind): PersonHolder {
  return { kind: 'person', actor, person, named, source };
}

export function actorHolder(
  kind: ActorHolder['kind'],
  actor: string,
  named: boolean,
  source?: SourceKind,
): ActorHolder {
  return { kind, actor, named, source };
}

function sourceHolder(source: SourceKind): SourceHolder {
  return { kind: 'source', named: true, source };
}

/** The actor a holder holds for, if it has one. */
export function actorOfHolder(holder: Holder | undefined): string | undefined {
  return holder === undefined || holder.kind === 'source' ? undefined : holder.actor;
}

/** The name of the person a holder is, if it is one. */
export function personOfHolder(holder: Holder | undefined): string | undefined {
  return holder?.kind === 'person' ? holder.person : undefined;
}

/** The same holder, not named here (a pronoun or a group pointing to it). */
function unnamed(holder: HolderWithActor): HolderWithActor {
  return holder.kind === 'person'
    ? personHolder(holder.actor, holder.person, false, holder.source)
    : actorHolder(holder.kind, holder.actor, false, holder.source);
}

/** The last person named, referred to again (made only when it is the answer). */
function lastPersonHolder(last: Discourse['lastPerson']): Holder | undefined {
  return last ? personHolder(last.actor, last.name, false) : undefined;
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
      if (!mention.actor) return sourceHolder('anonymous');
      return personHolder(mention.actor, mention.person, true, source);
    case 'role':
    case 'institution':
      return mention.actor ? actorHolder('representative', mention.actor, true, source) : undefined;
    case 'country':
    case 'demonym':
      return mention.actor ? actorHolder('collective', mention.actor, true, source) : undefined;
    case 'roleRef': {
      const actor = mention.actor ?? discourse.lastPerson?.actor;
      if (!actor) return undefined;
      const person = mention.actor ? discourse.lastPersonByActor.get(actor) : discourse.lastPerson?.name;
      return person ? personHolder(actor, person, false) : actorHolder('representative', actor, false);
    }
    case 'pronoun': {
      const last = discourse.lastPerson;
      // "I" is whoever speaks; "he" in reported speech is the speaker ("Zelensky said he…"), but
      // inside a quotation it is someone else.
      if (mention.firstPerson) return speaker?.kind === 'person' ? unnamed(speaker) : lastPersonHolder(last);
      if (quoted) return last && last.name !== personOfHolder(speaker) ? lastPersonHolder(last) : undefined;
      if (speaker?.kind === 'person') return unnamed(speaker);
      return lastPersonHolder(last);
    }
    case 'group':
      return speaker && speaker.kind !== 'source' && speaker.actor ? unnamed(speaker) : undefined;
    case 'self': {
      if (speaker && speaker.kind !== 'source' && speaker.actor) return unnamed(speaker);
      return discourse.lastActor ? actorHolder('collective', discourse.lastActor, false) : undefined;
    }
    case 'source':
      return sourceHolder(mention.source ?? 'anonymous');
    default:
      return undefined;
  }
}

/** Shared empty list (never added to): the many clauses without a frame or a holder. */
export const NO_HOLDERS: Holder[] = [];
/** The speakers of a sentence without a frame (most): shared, never added to. */
const NO_SPEAKERS: Holder[][] = [];

/** The speakers of each frame of sentence `index`, resolved against the discourse. */
export function speakersOfFrames(
  frames: Frame[],
  index: number,
  sentences: Array<Sentence | undefined>,
  framesOf: Frame[][],
  discourse: Discourse,
): Holder[][] {
  const speakers = frames.length === 0 ? NO_SPEAKERS : new Array<Holder[]>(frames.length);
  for (let f = 0; f < frames.length; f += 1) {
    speakers[f] = frameSpeakers(frames[f]!, index, sentences, framesOf, discourse);
  }
  return speakers;
}

/** Resolves a frame's speakers; a bare quotation borrows the attribution that closes it, or the last speaker. */
function frameSpeakers(
  frame: Frame,
  index: number,
  sentences: Array<Sentence | undefined>,
  framesOf: Frame[][],
  discourse: Discourse,
): Holder[] {
  if (frame.speakers.length > 0) return resolveSpeakers(frame.speakers, discourse);
  // "…," Jaishankar said: a speaker the rules cannot name, not the last one unless it has that name.
  if (frame.unreadName !== undefined && !namesLastSpeaker(discourse, frame.unreadName)) return NO_HOLDERS;
  // A quotation running over several sentences: "… We want peace," he said.
  for (let k = index + 1; k < Math.min(sentences.length, index + 4); k += 1) {
    const next = sentences[k];
    if (!next?.quoted[next.first + 1]) break;
    for (const f of framesOf[k] ?? NO_FRAMES) {
      if (f.kind === 'reporting' && f.complement[0] === next.first && f.speakers.length > 0) {
        return resolveSpeakers(f.speakers, discourse);
      }
      if (f.kind === 'quote' && f.complement[0] <= next.first + 1) {
        if (f.speakers.length > 0) return resolveSpeakers(f.speakers, discourse);
        if (f.unreadName !== undefined && !namesLastSpeaker(discourse, f.unreadName)) return NO_HOLDERS;
      }
    }
  }
  if (discourse.lastQuoteSpeakers) return discourse.lastQuoteSpeakers;
  const last = discourse.lastPerson;
  return last ? [personHolder(last.actor, last.name, false)] : NO_HOLDERS;
}

/** Whether the last speaker's name has the word `name` ("wang" of Wang Yi); never for "". */
function namesLastSpeaker(discourse: Discourse, name: string): boolean {
  if (name === '') return false;
  const last = discourse.lastQuoteSpeakers?.[0];
  const person = last?.kind === 'person' ? last.person : discourse.lastPerson?.name;
  return person?.toLowerCase().split(' ').includes(name) === true;
}

function resolveSpeakers(mentions: Mention[], discourse: Discourse): Holder[] {
  let holders = NO_HOLDERS;
  for (const mention of mentions) {
    const holder = resolveMention(mention, discourse, undefined, false);
    if (holder) holders = addTo(holders, NO_HOLDERS, holder);
  }
  return holders;
}

export function updateDiscourse(
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
  let subject: PersonMention | undefined;
  for (const m of sentence.mentions) {
    if (m.kind === 'person' && m.actor && !m.object && !m.possessive) {
      subject = m;
      break;
    }
  }
  const salient: Holder | undefined =
    frameSpeaker ??
    mainHolder ??
    (subject?.actor && subject.person ? personHolder(subject.actor, subject.person, true) : undefined);
  if (salient?.kind === 'person' && salient.actor && salient.person) {
    const last = discourse.lastPerson;
    // Most sentences name the person of the one before: keep that object rather than a copy.
    if (last?.name !== salient.person || last.actor !== salient.actor) {
      discourse.lastPerson = { name: salient.person, actor: salient.actor };
    }
    discourse.lastPersonByActor.set(salient.actor, salient.person);
  }
  const salientActor = actorOfHolder(salient);
  if (salientActor) discourse.lastActor = salientActor;
  if (quoteSpeakers) discourse.lastQuoteSpeakers = quoteSpeakers;
}

function anyQuoted(quoted: readonly boolean[], from: number, to: number): boolean {
  for (let i = from; i < to && i < quoted.length; i += 1) if (quoted[i]) return true;
  return false;
}
