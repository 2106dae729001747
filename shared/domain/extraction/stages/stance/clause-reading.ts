import { chainOf, governingItem } from '../../chain';
import { addTo } from '../../list-buffer';
import { type AnalysedText, hasWordIn } from '../../nlp';
import type { Clause } from '../clauses';
import {
  actorOfHolder,
  type Holder,
  type HolderWithActor,
  NO_HOLDERS,
  personHolder,
  resolveMention,
} from '../discourse';
import type { Frame } from '../frames';
import { withCoordinated } from '../frames';
import {
  afterOccasion,
  type CueItem,
  type Item,
  isNominalCue,
  itemAt,
  NO_ITEMS,
  possessiveBefore,
  type TriggerItem,
} from '../items';
import { actorOf, canHold, type Mention } from '../mentions';
import { NO_MENTIONS } from '../sentences';
import type { Context } from './context';
import { governingThroughInverter } from './inverters';

/**
 * Reading a clause: its items and triggers, where the holder's stance words begin (the first cue,
 * a governing modal or negator, a passive cue), and who holds the stance (the subject, a passive's
 * agent, the holder carried over from the clause before, or the frame's speakers).
 */

const NO_TRIGGERS: TriggerItem[] = [];
const PRONOUNISH = new Set(['pronoun', 'group', 'self', 'roleRef']);

/** What one clause says, before statements are emitted. */
export interface ClauseState {
  clause: Clause;
  frame?: Frame;
  /** The frame's speakers, resolved; the first is the one whose words these are. */
  speakers: Holder[];
  /**
   * The speaker of the frame around this clause's frame ("Rubio said Lavrov had told him …"), when
   * it is another actor: what the inner speaker said is that speaker's report of it.
   */
  reporter?: HolderWithActor;
  quoted: boolean;
  /** The clause is in the words of an analyst (its frame's, or an enclosing frame's, speaker): no stance. */
  byAnalyst: boolean;
  items: Item[];
  triggers: TriggerItem[];
  passiveCue?: CueItem;
  firstCue?: CueItem;
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
  /** A claim reported as such ("accusations that it supplies weapons") or a question ("asked whether …"): nobody's stance. */
  unasserted: boolean;
  /** The clause's items end at an outcome verb ("talks that produced no compromise"), or it goes on one. */
  outcome: boolean;
}

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

/**
 * A demonym used as a noun is the subject of the stance words at `stanceStart` ("the Russians will
 * not", "Ukrainians will go to the polls"): it ends right before them, or only modals, negators and
 * adverbs stand between.
 */
function demonymSubject(ctx: Context, clause: Clause, stanceStart: number): boolean {
  const { sentence, text } = ctx;
  const { words } = ctx.compiled;
  for (const m of sentence.mentions) {
    if (m.kind !== 'demonym' || m.start < clause.start || m.end > stanceStart) continue;
    let i = m.end;
    while (i < stanceStart) {
      const item = itemAt(sentence.items, i);
      const token = text.norm[i] ?? '';
      if (item?.kind === 'modal' || item?.kind === 'negator') i = item.end;
      else if (words.verbGroupAdverbs.has(token) || words.focusAdverbs.has(token)) i += 1;
      else break;
    }
    if (i === stanceStart) return true;
  }
  return false;
}

/**
 * "the idea that we should stop for thirty days … has been tried before": a clause opened by "that"
 * right after a noun for a stance (an anaphor noun: "idea", "proposal", "demand") that is itself a
 * subject, with no stance words before it in its clause, names what the noun holds; whose it is and
 * what is thought of it are told elsewhere. "Peskov rejected the idea that …" is read as before.
 */
function contentOfSubjectNoun(ctx: Context, clause: Clause, before: ClauseState | undefined): boolean {
  if (!before || before.clause.frame !== clause.frame) return false;
  for (const item of ctx.sentence.items) {
    if (item.kind !== 'anaphor' || item.end !== clause.start - 1 || item.end - item.start !== 1) continue;
    // A noun after a determiner ("the idea"), not a pronoun ("told them that …"), opening its
    // clause: not an appositive's head (", a request that both Ukraine and the US have rejected").
    if (!ctx.compiled.determiners.has(ctx.text.norm[item.start - 1] ?? '')) return false;
    return before.clause.start === item.start - 1 && before.stanceStart > item.start;
  }
  return false;
}

/** At most this many words between a noun cue and its "that" ("Russia's demand on Wednesday that"). */
const MAX_AFTER_NOUN_CUE = 2;

/**
 * "repeated Moscow's demand that Ukraine abandon its bid to join NATO", "Moscow's insistence that
 * Kyiv give up its bid": the subject right after "that" after a noun cue (a demand, an insistence,
 * a call; at most two plain words between, "on Wednesday") is the one asked, not one who holds the
 * stance. The demand is its possessor's (a co-holder of the noun cue); the one asked holds nothing
 * here, and takes no holder from elsewhere.
 */
function askedSubject(ctx: Context, subject: Mention): boolean {
  const { text, sentence, compiled } = ctx;
  const at = subject.start - 1;
  if (!compiled.words.complementizers.has(text.norm[at] ?? '')) return false;
  for (let end = at; end >= at - MAX_AFTER_NOUN_CUE; end -= 1) {
    for (const item of sentence.items) {
      if (item.end === end) return isNominalCue(item);
    }
  }
  return false;
}

/**
 * "The central election commission has said it would need six months to prepare a vote": "it"
 * right after a reporting verb (and "that", not a participle) that no speaker the rules know
 * governs (no frame) is that unnamed speaker speaking of itself, not the last actor named; it holds
 * nothing here.
 */
function unnamedSelf(ctx: Context, subject: Mention): boolean {
  const { text, sentence, compiled } = ctx;
  if (subject.kind !== 'self' || subject.end !== subject.start + 1) return false;
  if (!compiled.words.objectPronouns.has(text.norm[subject.start] ?? '')) return false;
  let at = subject.start;
  if (compiled.words.complementizers.has(text.norm[at - 1] ?? '')) at -= 1;
  // ", adding that it …": a participle speaks for the main clause's subject, named or not.
  for (const item of sentence.items) {
    if (item.end === at) return item.kind === 'reporting' && !(text.norm[item.start] ?? '').endsWith('ing');
  }
  return false;
}

/**
 * "Italy has withdrawn its offer to host the talks", "retracted the proposal": a retraction verb
 * (`lexicon.retractions`) before a stance noun (`lexicon.anaphors`: offer, proposal, plan …), with at
 * most a determiner between. What is taken back is named, not held: the clause says nothing (the
 * offer was a stance of its own time; the withdrawal opposes no talks).
 */
function withdrawnOffer(ctx: Context, clause: Clause): boolean {
  const retractions = ctx.compiled.words.retractions;
  for (const item of ctx.sentence.items) {
    if (item.kind !== 'anaphor' || item.start < clause.start + 1 || item.start >= clause.end) continue;
    let before = item.start - 1;
    if (ctx.compiled.determiners.has(ctx.text.norm[before] ?? '')) before -= 1;
    if (before >= clause.start && retractions.has(ctx.text.norm[before] ?? '')) return true;
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
const isThirdPersonPronoun = (m: Mention) => m.kind === 'pronoun' && !m.firstPerson;

/** A third party's pronoun (`lexicon.otherPartyPronouns`: "they") among the clause's words before its stance words. */
function otherPartySubject(ctx: Context, from: number, to: number): boolean {
  return Number.isFinite(to) && hasWordIn(ctx.text, ctx.compiled.words.otherPartyPronouns, from, to);
}

/** A trigger at or after `from`. */
function triggerFrom(triggers: TriggerItem[], from: number): boolean {
  for (const trigger of triggers) if (trigger.start >= from) return true;
  return false;
}

/**
 * A "by" agent naming an actor before the clause's stance words ("a decision by Washington to
 * supply …"): whoever else the stance would be carried over from, the act is the agent's.
 */
function agentBefore(ctx: Context, clause: Clause, stanceStart: number): boolean {
  const { sentence, text } = ctx;
  const agentMarkers = ctx.compiled.words.agentMarkers;
  for (const m of sentence.mentions) {
    if (m.start < clause.start || m.end > stanceStart) continue;
    let before = m.start - 1;
    if (ctx.compiled.words.definiteArticles.has(text.norm[before] ?? '')) before -= 1;
    if (before >= clause.start && agentMarkers.has(text.norm[before] ?? '') && actorOf(m)) return true;
  }
  return false;
}

/**
 * "We will meet in Budapest", "the talks would be held in Geneva": a modal or negator before a
 * venue word (the codebook's venue contexts) carries a stance on where to meet.
 */
function aboutVenue(ctx: Context, clause: Clause, from: number): boolean {
  return ctx.compiled.venueTopicWords.scan(ctx.text, from, clause.end).length > 0;
}

/**
 * "Kyiv's delegation would be in Riyadh": a verb group right after a holder named as an actor's
 * party to a meeting (`lexicon.delegationHeads`) says where that party will be, so the clause is
 * about a venue (read by `findVenues`).
 */
function delegationBefore(ctx: Context, clause: Clause, at: number): boolean {
  if (at - 1 < clause.start || !ctx.compiled.words.delegationHeads.has(ctx.text.norm[at - 1] ?? '')) return false;
  for (const m of ctx.sentence.mentions) if (m.end === at && m.kind !== 'source' && canHold(m)) return true;
  return false;
}

/**
 * The first speaker of the innermost frame whose words contain frame `index`'s reporting clause
 * ("Trump said that Putin had made clear that …"), when that speaker is of another actor.
 */
function reporterOf(
  frames: Frame[],
  frameSpeakers: Holder[][],
  index: number,
  actor: string,
): HolderWithActor | undefined {
  const head = frames[index]!.head;
  let best = -1;
  let size = Number.POSITIVE_INFINITY;
  for (let g = 0; g < frames.length; g += 1) {
    if (g === index) continue;
    const [from, to] = frames[g]!.complement;
    if (from <= head[0] && head[1] <= to && to - from < size) {
      best = g;
      size = to - from;
    }
  }
  const outer = best >= 0 ? frameSpeakers[best]?.[0] : undefined;
  return outer && outer.kind !== 'source' && outer.actor && outer.actor !== actor ? outer : undefined;
}

/**
 * Frame `index` is told inside an analyst's words, as the analyst's reading of another's words
 * ("Analysts in Washington said Trump's remarks were meant to push Kyiv to accept …", "Analysts in
 * Moscow said Putin's emphasis … was a signal aimed at Washington"): what the inner speaker holds
 * is the analyst's inference, not a statement. An analyst's own report of an actor's stance
 * ("analysts said Russia appeared unwilling to accept any ceasefire") reads as before.
 */
function inAnalystWords(frames: Frame[], frameSpeakers: Holder[][], index: number): boolean {
  const [headFrom, headTo] = frames[index]!.head;
  for (let g = 0; g < frames.length; g += 1) {
    if (g === index) continue;
    const [from, to] = frames[g]!.complement;
    if (headFrom < from || headTo > to) continue;
    if (frameSpeakers[g]?.[0]?.source === 'analyst') return true;
  }
  return false;
}

/**
 * "…, Prime Minister Keir Starmer said on Wednesday, as he urged …": in the narrator's words, "he"
 * or "she" is the person named last before it in the same sentence, when there is one (the
 * discourse knows only the sentences before).
 */
function narratedPronoun(
  mentions: Mention[],
  pronoun: Mention,
  speaker: Holder | undefined,
  quoted: boolean,
): Holder | undefined {
  if (pronoun.kind !== 'pronoun' || pronoun.firstPerson || quoted || speaker?.kind === 'person') return undefined;
  let antecedent: Mention | undefined;
  for (const m of mentions) {
    if (m.start >= pronoun.start) break;
    if (m.kind === 'person' && !m.object) antecedent = m;
  }
  return antecedent?.kind === 'person' ? personHolder(antecedent.actor, antecedent.person, false) : undefined;
}

/**
 * The actor named last before `pronoun` in the sentence (outside the reporting clause) is another
 * than `speakerActor`; false when none is named before it.
 */
function otherActorBefore(
  mentions: readonly Mention[],
  pronoun: Mention,
  frame: Frame | undefined,
  speakerActor: string | undefined,
): boolean {
  if (!speakerActor) return false;
  let last: string | undefined;
  for (const m of mentions) {
    if (m.start >= pronoun.start) break;
    if (frame && m.start >= frame.head[0] && m.end <= frame.head[1]) continue;
    last = actorOf(m) ?? last;
  }
  return last !== undefined && last !== speakerActor;
}

/** The word that opens the clause; a frame's end (", after") opens with its comma, left out here. */
function openerWord(clause: Clause): string | undefined {
  const opener = clause.openedBy;
  return opener?.startsWith(', ') ? opener.slice(2) : opener;
}

/**
 * A clause opened by a subordinating word ("as", "after", "because") that does not open with a
 * participle ("after meeting Trump"): its subject is its own, an actor or not.
 */
function finiteSubordinate(ctx: Context, clause: Clause): boolean {
  const opener = openerWord(clause);
  if (opener === undefined || !ctx.compiled.words.subordinators.has(opener)) return false;
  return !(ctx.text.norm[clause.start] ?? '').endsWith('ing');
}

/**
 * "before Russia agrees to any ceasefire", "until a peace deal is signed": a finite clause opened by
 * a subordinator of what has not happened yet (`lexicon.prospectives`) tells when something else
 * is to happen; its subject's words are no stance of anyone's.
 */
function prospective(ctx: Context, clause: Clause): boolean {
  const opener = openerWord(clause);
  return opener !== undefined && ctx.compiled.words.prospectives.has(opener) && finiteSubordinate(ctx, clause);
}

/** Words a talks word may follow after its preposition ("the next", "the stalled peace"). */
const MAX_BEFORE_MEETING_WORD = 3;
const PLAIN_WORD = /^[\p{Ll}-]+$/u;

/**
 * "the most sensitive questions in the negotiations", "a breakthrough in the stalled peace talks",
 * "a date for the next meeting", "arrived for a summit": a word for talks after "in" or "for"
 * (`lexicon.occasionPrepositions`) that follows a plain word (no stance word, name, determiner or
 * venue word) names what that word is about or the occasion, not the object of a stance. After a
 * stance word it is one ("ready for talks", "interested in talks", "a venue for direct talks").
 */
function meetingAsOccasion(ctx: Context, index: number, floor: number): boolean {
  const { text, sentence, compiled } = ctx;
  const prepositions = compiled.words.occasionPrepositions;
  let i = index;
  for (let skipped = 0; i > floor && !prepositions.has(text.norm[i - 1] ?? ''); skipped += 1) {
    if (skipped === MAX_BEFORE_MEETING_WORD || !PLAIN_WORD.test(text.norm[i - 1] ?? '')) return false;
    if (itemAt(sentence.items, i - 1)) return false;
    i -= 1;
  }
  const before = i - 2;
  if (before < floor || !prepositions.has(text.norm[i - 1] ?? '')) return false;
  const word = text.norm[before] ?? '';
  if (!PLAIN_WORD.test(word) || compiled.determiners.has(word) || itemAt(sentence.items, before)) return false;
  // "the natural venue for direct talks", "sit down for peace talks": a word about meeting.
  for (let start = Math.max(floor, before - MAX_BEFORE_MEETING_WORD); start <= before; start += 1) {
    if (compiled.venue.startsAt(text, start) && (compiled.venue.longestAt(text, start, i - 1)?.end ?? 0) > before) {
      return false;
    }
  }
  for (const m of sentence.mentions) if (m.start <= before && before < m.end) return false;
  return true;
}

/**
 * A talks word of a meeting topic ("the talks", "formal talks", "the negotiations") after a trigger
 * of another topic in the same sentence that ends in such a word ("accession negotiations",
 * "membership talks"), or "the talks" in a document whose first talks were such (`talksNamed`):
 * the same talks, named again, not talks to end the war. Returns that trigger (or the item itself).
 * The talks word is then left out, not read as that trigger: its clause often holds another sign
 * ("lifting the last obstacle to formal talks").
 */
function talksNamedBefore(ctx: Context, item: TriggerItem): TriggerItem | undefined {
  const { text, sentence, compiled, discourse } = ctx;
  const nouns = compiled.words.talkNouns;
  if (!compiled.meetingTopics.has(item.trigger.topic)) {
    // "open the first chapters of Ukraine's accession talks": the document's talks are those.
    if (item.end - item.start > 1 && nouns.has(text.norm[item.end - 1] ?? '')) discourse.talksNamed ??= 'otherTopic';
    return undefined;
  }
  if (item.end - item.start !== 1 || !nouns.has(text.norm[item.start] ?? '')) {
    discourse.talksNamed ??= 'meetingTopic';
    return undefined;
  }
  for (const other of sentence.items) {
    if (other.start >= item.start) break;
    if (other.kind !== 'trigger' || compiled.meetingTopics.has(other.trigger.topic)) continue;
    if (other.end - other.start > 1 && nouns.has(text.norm[other.end - 1] ?? '')) return other;
  }
  // "the talks" in a later sentence of a document whose first talks were another topic's.
  if (discourse.talksNamed === 'otherTopic' && compiled.words.definiteArticles.has(text.norm[item.start - 1] ?? ''))
    return item;
  discourse.talksNamed ??= 'meetingTopic';
  return undefined;
}

/**
 * A clause opened by ", and" (or ", or") whose first word is a speech act ("urged", "called on"),
 * with no subject of its own: in a speaker's reported words it is the speaker's second act, beside
 * the reporting verb, not an act of the subject of the words reported before the comma.
 */
function speakerActAfterComma(ctx: Context, clause: Clause, items: readonly Item[]): boolean {
  const { text, compiled } = ctx;
  let conjunction = clause.start - 1;
  if (text.norm[conjunction] === ',' && compiled.words.conjunctions.has(text.norm[clause.start] ?? '')) {
    conjunction = clause.start;
  }
  if (!compiled.words.conjunctions.has(text.norm[conjunction] ?? '') || text.norm[conjunction - 1] !== ',') {
    return false;
  }
  const first = items[0];
  return first !== undefined && first.kind === 'cue' && first.cueKind === 'speech' && first.start === conjunction + 1;
}

/**
 * "five hours of talks that produced no compromise on the peace framework", "the last meeting
 * produced a US proposal for a ceasefire", "which led to prisoner exchanges but no ceasefire": what
 * events brought about (`lexicon.outcomes`), told as fact, is nobody's stance. Where the clause's
 * items end: at its first outcome verb when no stance word, modal or negator comes before it ("hopes
 * the talks will produce a truce" keeps its stance); at its start when it goes on an outcome with no
 * verb of its own ("… but no ceasefire"); else at the clause's end.
 */
function outcomeBefore(
  ctx: Context,
  clause: Clause,
  firstStanceWord: number,
  before: ClauseState | undefined,
  hasVerb: boolean,
  lastTriggerStart: number,
): number {
  if (before?.outcome && !hasVerb && ctx.compiled.words.continuers.has(clause.openedBy ?? '')) return clause.start;
  const { outcomes } = ctx.compiled;
  // Only an outcome verb before the clause's last trigger can hide anything.
  const to = Math.min(firstStanceWord, lastTriggerStart);
  for (let i = clause.start; i < to; i += 1) {
    if (outcomes.startsAt(ctx.text, i) && outcomes.longestAt(ctx.text, i, clause.end)) return i;
  }
  return clause.end;
}

/** What one pass over a clause's items finds, up to a limit. */
interface ItemScan {
  /** The clause's items are `sentence.items[firstItem..lastItem]`; -1 when it has none. */
  firstItem: number;
  lastItem: number;
  /** Triggers that are not an occasion ("after the talks in Geneva"). */
  triggers: TriggerItem[];
  /** The first active, non-nominal cue. */
  cue?: CueItem;
  passiveCue?: CueItem;
  /** The first modal or negator. */
  verbGroup?: Item;
  /** Where the first cue, modal or negator starts; Infinity when there is none. */
  firstStanceWord: number;
  /** "did not believe Moscow wanted …": a negator before a belief verb and the belief's subject. */
  deniedBelief: boolean;
}

/**
 * "he did not believe Moscow wanted a ceasefire", "I don't think Putin wants a deal": a belief verb
 * (`lexicon.beliefVerbs`) right after the negator at `from`, then its own subject (a mention that can
 * hold a stance, after "that" or not) before `limit`. The stance is that subject's, told by the
 * believer with the sign turned (the corpus README, case 9), not the believer's own.
 * "he saw no sign that Moscow wanted a settlement": a noun of evidence (`lexicon.evidenceNouns`)
 * after the negator, then "that" and the subject, the same (rules@1.79.0). Returns where the belief
 * word ends (items before it, such as "sign" read as a cue, are no stance words), or -1.
 */
function beliefOfOther(ctx: Context, from: number, limit: number): number {
  const { text, sentence, compiled } = ctx;
  const word = text.norm[from] ?? '';
  const evidence = compiled.words.evidenceNouns.has(word);
  if (!evidence && !compiled.words.beliefVerbs.has(word)) return -1;
  let at = from + 1;
  if (compiled.words.complementizers.has(text.norm[at] ?? '')) at += 1;
  else if (evidence) return -1;
  while (at < limit && compiled.determiners.has(text.norm[at] ?? '')) at += 1;
  for (const m of sentence.mentions) if (m.start === at && canHold(m) && m.kind !== 'pronoun') return from + 1;
  return -1;
}

/**
 * The clause's items from its start to `limit`. The sentence's items are in order and do not
 * overlap (findItems), so those inside the clause are one run, copied once by the caller.
 */
function scanItems(ctx: Context, clause: Clause, limit: number): ItemScan {
  const { sentence, text } = ctx;
  const scan: ItemScan = {
    firstItem: -1,
    lastItem: -1,
    // Most clauses have no trigger: the shared empty list until one is found (never added to later).
    triggers: NO_TRIGGERS,
    firstStanceWord: Number.POSITIVE_INFINITY,
    deniedBelief: false,
  };
  // Where the denied belief's word ends: items before it are part of the denial.
  let beliefEnd = -1;
  for (let k = 0; k < sentence.items.length; k += 1) {
    const item = sentence.items[k]!;
    if (item.start < clause.start || item.end > limit) continue;
    if (item.start < beliefEnd) continue;
    if (scan.firstItem < 0) scan.firstItem = k;
    scan.lastItem = k;
    if (item.kind === 'trigger') {
      if (
        !afterOccasion(ctx.compiled, text, item.start, clause.start) &&
        !(ctx.compiled.meetingTopics.has(item.trigger.topic) && meetingAsOccasion(ctx, item.start, clause.start)) &&
        talksNamedBefore(ctx, item) === undefined
      ) {
        scan.triggers = addTo(scan.triggers, NO_TRIGGERS, item);
      }
    } else if (item.kind === 'cue') {
      scan.firstStanceWord = Math.min(scan.firstStanceWord, item.start);
      if (item.passive) scan.passiveCue ??= item;
      else if (!item.nominal) scan.cue ??= item;
    } else if (item.kind === 'modal' || item.kind === 'negator') {
      if (item.kind === 'negator' && !scan.deniedBelief) {
        beliefEnd = beliefOfOther(ctx, item.end, limit);
        if (beliefEnd >= 0) {
          scan.deniedBelief = true;
          continue;
        }
      }
      scan.firstStanceWord = Math.min(scan.firstStanceWord, item.start);
      scan.verbGroup ??= item;
    }
  }
  if (scan.triggers.length > 1) scan.triggers = withoutPresumed(scan.triggers);
  return scan;
}

/**
 * "ready to station troops in Ukraine to help secure any ceasefire": a trigger whose proposition
 * another trigger of the same clause already presumes (the codebook's `presumes`: foreign troops
 * are troops after a ceasefire) is what that one is for, not a stance of its own; it is dropped.
 * The clause's other triggers stay as they are. Only a clause with two triggers or more is read.
 */
function withoutPresumed(triggers: TriggerItem[]): TriggerItem[] {
  const kept = triggers.filter(
    (item) =>
      !triggers.some((other) => other.trigger.key !== item.trigger.key && other.trigger.presumes.has(item.trigger.key)),
  );
  return kept.length === triggers.length ? triggers : kept;
}

export function analyseClause(
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
  // Read the clause's items; when an outcome verb before any stance word cuts the clause short
  // (outcomeBefore), read them again up to the cut.
  let scan = scanItems(ctx, clause, clause.end);
  let outcome = false;
  if (scan.triggers.length > 0) {
    const cut = outcomeBefore(
      ctx,
      clause,
      scan.firstStanceWord,
      previous[index - 1],
      scan.cue !== undefined,
      scan.triggers[scan.triggers.length - 1]!.start,
    );
    if (cut < clause.end) {
      scan = scanItems(ctx, clause, cut);
      outcome = true;
    }
  }
  const { firstItem, lastItem, triggers, cue, passiveCue, verbGroup } = scan;
  const items = firstItem < 0 ? NO_ITEMS : sentence.items.slice(firstItem, lastItem + 1);
  let governing: Item | undefined;
  let throughInverter = false;
  for (let k = 0; k < triggers.length && !governing; k += 1) {
    governing = governingItem(items, triggers[k]!.start, clause.start);
    if (governing) break;
    governing = governingThroughInverter(ctx.compiled, ctx.text, items, triggers[k]!, clause.start, ctx.sentence.last);
    throughInverter = governing !== undefined;
  }
  // A verb group with a modal or negator (`verbGroup`) carries a stance on a trigger before it
  // ("The talks cannot take place in Minsk").
  let stanceStart = Math.min(
    cue?.start ?? Number.POSITIVE_INFINITY,
    governing?.start ?? Number.POSITIVE_INFINITY,
    passiveCue?.start ?? Number.POSITIVE_INFINITY,
    verbGroup &&
      (triggers.length > 0 || aboutVenue(ctx, clause, verbGroup.end) || delegationBefore(ctx, clause, verbGroup.start))
      ? verbGroup.start
      : Number.POSITIVE_INFINITY,
  );
  // "the moment they let go of the Donbas, the shooting stops": a trigger told as the clause's
  // event, under a condition beside it, is the speaker's stance on it, conditional.
  if (!Number.isFinite(stanceStart) && clause.kind === 'stance' && clause.conditional && triggers.length > 0) {
    stanceStart = clause.end;
  }
  // "The guns must fall silent", "the fighting has to stop": a deontic cue inside the trigger's own
  // words (the event told with its subject first) is the speaker's recommendation of it (rules@1.82.0).
  if (!Number.isFinite(stanceStart) && clause.kind === 'stance' && deonticInside(ctx, triggers)) {
    stanceStart = clause.end;
  }

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
  // "Moscow's demand that Ukraine abandon its bid": the one asked is no holder (see askedSubject).
  // "The central election commission has said it would need …": see unnamedSelf.
  const asked = subjects.length > 0 && (askedSubject(ctx, subjects[0]!) || (!frame && unnamedSelf(ctx, subjects[0]!)));
  if (asked) subjects = NO_MENTIONS;
  // The shared empty list until a subject resolves to a holder.
  let holders: Holder[] = NO_HOLDERS;
  for (const m of subjects) {
    const holder =
      narratedPronoun(sentence.mentions, m, speaker, quoted) ?? resolveMention(m, discourse, speaker, quoted);
    if (holder) holders = addTo(holders, NO_HOLDERS, holder);
  }
  // "Kyiv should hand over the rest while it can still negotiate": in a finite subordinate clause,
  // "it" is the actor named last before it, so when that is another than the speaker's, not the speaker.
  if (
    holders.length > 0 &&
    subjects.length === 1 &&
    subjects[0]!.kind === 'self' &&
    finiteSubordinate(ctx, clause) &&
    otherActorBefore(sentence.mentions, subjects[0]!, frame, actorOfHolder(speaker))
  ) {
    holders = NO_HOLDERS;
  }
  // "Macron and Starmer said their countries were prepared …": every speaker.
  if (speakers.length > 1 && subjects.length > 0 && subjects.every(isSelfOrGroup)) {
    holders = speakers;
  }
  let explicit = holders.length > 0 && subjects.some(isNamed);
  // "'Putin does not want peace. He wants time,' Sikorski said": in a speaker's quotation "he" is
  // never the speaker, so resolved to another actor it is that actor's stance as the speaker tells
  // it (hearsay), as if named; its own stance only when the speaker says so in the first person.
  if (
    quoted &&
    !explicit &&
    holders.length > 0 &&
    actorOfHolder(speaker) !== undefined &&
    subjects.some(isThirdPersonPronoun) &&
    holders.every((holder) => actorOfHolder(holder) !== actorOfHolder(speaker))
  ) {
    explicit = true;
  }
  let inherited = false;
  // ", which …", ", who …" describe something; they take no holder from the clause before.
  const opener = clause.openedBy ?? '';
  const relative = words.relatives.has(opener);
  // ", which …", and with a preposition before the relative: ", from whose territory …".
  const nonRestrictive =
    relative &&
    (text.norm[clause.start - 2] === ',' ||
      (text.norm[clause.start - 3] === ',' && ctx.compiled.prepositions.has(text.norm[clause.start - 2] ?? '')));
  // What a document provides holds no one, and gives no holder to the clauses after it.
  const provision = documentProvision(ctx, clause, relative, stanceStart, previous[index - 1]);
  if (provision) holders = NO_HOLDERS;
  // "he did not believe Moscow wanted a ceasefire": what the speaker denies of Moscow's stance.
  let prefixSign = scan.deniedBelief ? -1 : 1;
  // "he did not believe that Moscow was interested", "there was no indication that Russia was
  // ready": the denial ends a clause of its own, with no stance words, and "that" opens what it
  // denies; that clause takes the denial's sign (rules@1.79.0).
  const denial = previous[index - 1];
  if (
    denial &&
    denial.prefixSign === -1 &&
    !Number.isFinite(denial.stanceStart) &&
    words.complementizers.has(text.norm[clause.start - 1] ?? '') &&
    denial.clause.end >= clause.start - 1
  ) {
    prefixSign = -1;
  }
  // "any decision by Washington to supply missiles": the act is the agent's, so a holder carried
  // over from elsewhere does not take it.
  const otherAgent = holders.length === 0 && agentBefore(ctx, clause, stanceStart);
  // "…, as efforts to negotiate have stalled": a finite subordinate clause has its own subject.
  const ownSubject = holders.length === 0 && finiteSubordinate(ctx, clause);
  // "He doesn't want us to …" inside a speaker's quotation, with no one "he" can be: the subject is
  // someone else the speaker talks about, so the stance is not the speaker's.
  // "Both sides told me they want a ceasefire", "They wanted the photographs, not the talks": a
  // quotation's "they" before the stance words is a third party, never the speaker.
  // ("told me they want": the subject is the "they" after the last mention, not "me").
  const otherParty =
    quoted &&
    otherPartySubject(ctx, subjects.length > 0 ? subjects[subjects.length - 1]!.end : clause.start, stanceStart);
  if (otherParty) holders = NO_HOLDERS;
  const otherPerson = holders.length === 0 && quoted && (subjects.some(isThirdPersonPronoun) || otherParty);
  // "The Russians will not leave Crimea", "Zelensky said the Americans had buried the idea": a
  // people named by its demonym as the subject holds nothing, and the stance is not the speaker's.
  const otherPeople = holders.length === 0 && Number.isFinite(stanceStart) && demonymSubject(ctx, clause, stanceStart);
  if (provision) {
    // No holder: see `documentProvision`.
  } else if (holders.length === 0 && !quoted && speakers.length > 0 && speakerActAfterComma(ctx, clause, items)) {
    // "X said that Putin had shown no interest …, and urged governments to …": the speaker's act.
    holders = speakers;
    inherited = true;
  } else if (
    holders.length === 0 &&
    !asked &&
    !nonRestrictive &&
    !otherAgent &&
    !ownSubject &&
    !otherPerson &&
    !otherPeople
  ) {
    // Never from a condition put before this clause: "The day the Ukrainian army leaves, the
    // fighting will end" is not the army's stance on the end, and what the condition asks is the
    // speaker's (see draftSentence). An imperative trade's "us" is the speaker's side ("Give us
    // guarantees, and there will be elections"), so it still gives its holder.
    let before: ClauseState | undefined;
    for (let k = index - 1; k >= 0 && !before; k -= 1) {
      const state = previous[k]!;
      if (
        state.clause.frame === clause.frame &&
        state.holders.length > 0 &&
        !conditionBefore(ctx, state.clause, index)
      ) {
        before = state;
      }
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
    } else if (frame?.fronted && speakers.length > 0) {
      // "Russia, he said, did not want a ceasefire": the subject before the attribution.
      const holder = resolveMention(frame.fronted, discourse, speaker, false);
      holders = holder ? [holder] : speakers;
      explicit = holder !== undefined;
      inherited = holder === undefined;
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
  // "Tusk said Ukraine would regain all its occupied territory": with no stance word, a modal over
  // the proposition's own inverter is the speaker's forecast, a goal the speaker puts positively.
  if (throughInverter && !firstCue && speakers.length > 0) {
    holders = speakers;
    explicit = false;
    inherited = true;
  }
  const holderEnd =
    subjects.length > 0 && !passiveCue ? Math.min(subjects[subjects.length - 1]!.end, stanceStart) : clause.start;
  const state: ClauseState = {
    clause,
    speakers,
    reporter:
      frame && speaker && speaker.kind !== 'source' && speaker.actor
        ? reporterOf(frames, frameSpeakers, clause.frame, speaker.actor)
        : undefined,
    quoted,
    byAnalyst: frame !== undefined && inAnalystWords(frames, frameSpeakers, clause.frame),
    items,
    triggers,
    stanceStart,
    holders,
    explicit,
    inherited,
    holderEnd,
    prefixSign,
    unasserted:
      words.questions.has(opener) ||
      prospective(ctx, clause) ||
      (words.complementizers.has(opener) &&
        (ctx.compiled.unasserted.has(text.norm[clause.start - 2] ?? '') ||
          contentOfSubjectNoun(ctx, clause, previous[index - 1]))) ||
      withdrawnOffer(ctx, clause) ||
      provision ||
      // "…," Okonkwo said: words of someone the rules cannot name, no one's stance here.
      (frame?.unreadName !== undefined && speakers.length === 0),
    outcome,
    // Present even when undefined: one shape for every clause state.
    frame,
    passiveCue,
    firstCue,
  };
  return state;
}

/**
 * "adds a chapter under which Ukraine would withdraw", "drops a clause that would have required
 * Ukraine to withdraw", "the revised draft asks Ukraine to withdraw": what a document or its part
 * (`lexicon.documentNouns`) provides, told as its content, is no one's stance. A relative clause
 * whose antecedent is such a noun (a preposition may stand between) in a clause that holds no one
 * (a document its subject), or a clause whose stance words follow such a noun right away (its
 * subject: "the revised draft asks").
 */
function documentProvision(
  ctx: Context,
  clause: Clause,
  relative: boolean,
  stanceStart: number,
  described: ClauseState | undefined,
): boolean {
  const { norm } = ctx.text;
  const { words } = ctx.compiled;
  if (relative) {
    // "Ukrainian negotiators rejected a clause that would have barred …": the clause described is
    // what its holder takes a stance on (the prefix sign), not the document's own telling.
    if (
      described &&
      described.holders.length > 0 &&
      described.explicit &&
      !described.unasserted &&
      !documentSubject(ctx, described)
    )
      return false;
    const before = norm[clause.start - 2] ?? '';
    if (words.documentNouns.has(before)) return true;
    return ctx.compiled.prepositions.has(before) && words.documentNouns.has(norm[clause.start - 3] ?? '');
  }
  if (!Number.isFinite(stanceStart) || stanceStart <= clause.start) return false;
  if (words.documentNouns.has(norm[stanceStart - 1] ?? '')) return true;
  // "the revised draft asks …": a noun read as the stance word ("draft"), after a determiner and
  // at most one other word.
  const { determiners } = ctx.compiled;
  return (
    words.documentNouns.has(norm[stanceStart] ?? '') &&
    (determiners.has(norm[stanceStart - 1] ?? '') || determiners.has(norm[stanceStart - 2] ?? ''))
  );
}

/**
 * The clause opens with a document noun as its subject: the word before its first comma ("The
 * 24-point text, negotiated by …, drops a clause"), or before its stance words when it has none.
 */
function documentSubject(ctx: Context, state: ClauseState): boolean {
  const { norm } = ctx.text;
  const end = Math.min(state.stanceStart, state.clause.end);
  let head = end - 1;
  for (let i = state.clause.start; i < end; i += 1) {
    if (norm[i] === ',') {
      head = i - 1;
      break;
    }
  }
  return head >= state.clause.start && ctx.compiled.words.documentNouns.has(norm[head] ?? '');
}

/** A condition clause that conditions the clause at `index` and is not an imperative trade. */
function conditionBefore(ctx: Context, clause: Clause, index: number): boolean {
  return (
    clause.kind === 'condition' &&
    clause.attachesTo === index &&
    !ctx.compiled.words.imperativeTrades.has(clause.openedBy)
  );
}

/** A deontic cue ("must", "has to") between the first and last word of one of `triggers`. */
export function deonticInside(ctx: Context, triggers: readonly Item[]): boolean {
  for (const trigger of triggers) {
    if (trigger.end - trigger.start < 3) continue;
    for (const match of ctx.compiled.structure.scanAll(ctx.text, trigger.start + 1, trigger.end - 1)) {
      if (match.payload.kind === 'cue' && match.payload.cueKind === 'deontic') return true;
    }
  }
  return false;
}

/** -1 for each negator between the first and last word of `trigger` ("the fighting must not stop"), else 1. */
export function negatorSignInside(ctx: Context, trigger: Item): number {
  let sign = 1;
  for (const match of ctx.compiled.structure.scanAll(ctx.text, trigger.start + 1, trigger.end - 1)) {
    if (match.payload.kind === 'negator') sign = -sign;
  }
  return sign;
}
