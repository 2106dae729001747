import { type Chain, chainOf } from '../../chain';
import type { CompiledCodebook } from '../../codebook/compile';
import { type AnalysedText, paragraphStart, WORD_CHARACTER } from '../../nlp';
import { quoteMarkAt } from '../../quotes';
import type { Clause } from '../clauses';
import { actorOfHolder, type SignedProposition, type StoryThing } from '../discourse';
import { anaphorItem, type Item, isNominalCue, itemAt, possessiveBefore, type TriggerItem } from '../items';
import { canHold, type Mention } from '../mentions';
import type { ClauseState } from './clause-reading';
import type { Context } from './context';
import { INVERTER_REACH, inverterReaches } from './inverters';
import { propositionFor } from './slots';

/**
 * What a clause's stance is about: the propositions its triggers name, each with the sign of the
 * cues and negators before it (`objectChains`), a trigger before the stance words as their
 * subject ("Territorial concessions are out of the question"), or an anaphor's antecedent.
 */

/** A proposition found in a clause, with the sign of the stance on it. */
export interface Found {
  topic: string;
  proposition: string;
  sign: number;
  conditional: boolean;
  indirect: boolean;
  /**
   * The stance is the holder's judgement of an act by the harm it brings ("called sending the
   * missiles a provocation"): the act's words ("sending") are no act of the holder's.
   */
  judged: boolean;
}

/** Shared empty list (never added to): most clauses find nothing. */
export const NO_FOUND: Found[] = [];
/** Read only: the chains of a clause with no object trigger. */
const NO_CHAINS: ReadonlyArray<Chain | undefined> = [];

const isDirect = (f: Found) => !f.indirect;

/** The propositions found directly: the list itself when all are (as when none came through an anaphor). */
export function directOnly(found: Found[]): Found[] {
  for (const f of found) if (f.indirect) return found.filter(isDirect);
  return found;
}

/** A deontic cue at or after `from` ("any truce must address …"). */
export function deonticFrom(items: Item[], from: number): boolean {
  for (const item of items) if (item.kind === 'cue' && item.cueKind === 'deontic' && item.start >= from) return true;
  return false;
}

/**
 * The sign chain of each object trigger. Coordinated triggers share the holder's stance words
 * ("ready for talks and a ceasefire"), but not the words inside another conjunct after an embedded
 * subject ("demanded that Kyiv abandon its bid to join NATO and recognise Crimea": "abandon" is
 * not about Crimea). A negator distributes over the triggers after it until another one appears:
 * "not Donbas, not Kherson" is two denials, not a double negation.
 */
export function objectChains(ctx: Context, state: ClauseState): ReadonlyArray<Chain | undefined> {
  const { items, triggers, holderEnd, stanceStart } = state;
  let first: TriggerItem | undefined;
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
  const cues = withoutClosedCue(ctx, items, cuesOf(items), holderEnd, first.start);
  let previous: TriggerItem | undefined;
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

/**
 * "urged Putin to stop playing for time and come to the negotiating table": the last cue before
 * the first object trigger, when a conjunction lies between them, had its own object and ends
 * there; it does not reach the trigger ("halt its offensive and withdraw from Donetsk"). The cues
 * without it, or the same list when there is none.
 */
function withoutClosedCue(ctx: Context, items: Item[], cues: Item[], from: number, trigger: number): Item[] {
  let last = -1;
  for (let k = 0; k < cues.length; k += 1) {
    const cue = cues[k]!;
    if (cue.start >= from && cue.end <= trigger) last = k;
  }
  if (last < 0) return cues;
  const closed = coordinatorBetween(ctx.compiled, ctx.text, items, cues[last]!.end, trigger);
  // Only before a new verb phrase: a lowercase word that is no determiner or preposition ("… and
  // come"), not a list of names, numbers or objects ("called on Russia and Ukraine to …", "between
  // 1939 and 1944", "contribute to monitoring and to wider guarantees").
  const next = closed ? (ctx.text.value[closed.end] ?? '') : '';
  if (
    !closed ||
    !LOWERCASE_WORD.test(next) ||
    ctx.compiled.determiners.has(next) ||
    ctx.compiled.prepositions.has(next) ||
    startsItemOrMention(ctx, closed.end) ||
    reachesAcrossConjunction(ctx, cues[last]!, closed, trigger)
  ) {
    return cues;
  }
  // With the cues right before it: "stop stalling and return to the table" ends both.
  let firstClosed = last;
  while (
    firstClosed > 0 &&
    cues[firstClosed - 1]!.end === cues[firstClosed]!.start &&
    cues[firstClosed - 1]!.start >= from
  ) {
    firstClosed -= 1;
  }
  const kept = cues.slice();
  kept.splice(firstClosed, last - firstClosed + 1);
  return kept;
}

/**
 * The last cue before the trigger reaches it across the conjunction, which closes no verb phrase of
 * the cue's own: a deontic cue governs both verbs it is coordinated over ("all parties should lower
 * the temperature and resume negotiations", "should pick up the phone and start talking"); and a
 * conjunction between one word after an indefinite article and the word right before the trigger
 * joins two modifiers of the trigger's noun ("called for an immediate and unconditional
 * ceasefire", "a full and verifiable halt"). A verb cue with its own object is closed as before
 * ("urged Russia to stop the shelling and resume talks").
 */
function reachesAcrossConjunction(ctx: Context, cue: Item, conjunction: Item, trigger: number): boolean {
  if (cue.kind === 'cue' && cue.cueKind === 'deontic') return true;
  if (conjunction.end + 1 !== trigger) return false;
  const article = ctx.text.norm[conjunction.start - 2] ?? '';
  return ctx.compiled.words.articles.has(article) && !ctx.compiled.words.definiteArticles.has(article);
}

function startsItemOrMention(ctx: Context, index: number): boolean {
  for (const m of ctx.sentence.mentions) if (m.start === index) return true;
  for (const item of ctx.sentence.items) if (item.start === index) return true;
  return false;
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
      if (ctx.compiled.anaphors.startsAt(ctx.text, i)) return anaphorItem(item.end, item.end);
    }
  }
  return undefined;
}

/**
 * "after Hungary lifted its veto": an anaphor inside an act cue (`cueKind` action) points only to a
 * proposition named earlier in its own sentence, the act the sentence tells; with the last one
 * named in an earlier sentence, what is lifted or dropped is not known. Other cues ("put … on the
 * table") point back as before.
 */
function insideCueInSentence(ctx: Context, items: Item[]): Item | undefined {
  const anaphor = anaphorInsideCue(ctx, items);
  if (anaphor === undefined || ctx.discourse.lastPropositionsAt >= ctx.sentence.first) return anaphor;
  const cue = items.find((item) => item.kind === 'cue' && item.end === anaphor.end);
  return cue?.kind === 'cue' && cue.cueKind === 'action' ? undefined : anaphor;
}

/**
 * "approved a loan …, with Hungary voting against", "after Hungary voted in favour at a meeting of
 * ambassadors": a cue of voting (`lexicon.voteWords`) with nothing after it in its clause but
 * punctuation or a word of `lexicon.voteEnds` has its object left out: it is what an earlier clause
 * of the same sentence names (the act the sentence tells), never a proposition of an earlier
 * sentence. Read like an anaphor right after the cue, taking the thing itself (the vote's own sign).
 */
function objectlessVote(ctx: Context, state: ClauseState): Item | undefined {
  const { compiled, text, discourse, sentence } = ctx;
  const { clause, items } = state;
  // The voter is named in the clause itself ("with Hungary voting against"), not carried over.
  if (!state.explicit || state.inherited) return undefined;
  if (discourse.lastPropositionsAt >= clause.start) return undefined;
  if (discourse.lastPropositionsAt < sentence.first && storyThing(ctx) === undefined) return undefined;
  for (const item of items) {
    if (item.kind !== 'cue') continue;
    // The cue starts with a word of voting ("voting against") or one follows it across at most one
    // word ("voted in favour": the attitude cue "favour").
    const voting =
      (item.cueKind === 'action' && compiled.words.voteWords.has(text.norm[item.start] ?? '')) ||
      (item.start - 2 >= clause.start && compiled.words.voteWords.has(text.norm[item.start - 2] ?? ''));
    if (!voting) continue;
    const next = item.end < clause.end ? (text.norm[item.end] ?? '') : '';
    if (next !== '' && WORD_CHARACTER.test(next) && !compiled.words.voteEnds.has(next)) continue;
    return anaphorItem(item.end, item.end);
  }
  return undefined;
}

/** The anaphor is one pronoun of `lexicon.objectPronouns` ("it", "them"). */
function isObjectPronoun(ctx: Context, anaphor: Item): boolean {
  return anaphor.end === anaphor.start + 1 && ctx.compiled.words.objectPronouns.has(ctx.text.norm[anaphor.start] ?? '');
}

/**
 * "what backing it would offer", "attacks it should never have started", "It needs the backing of
 * all 27 member states": a pronoun (`lexicon.objectPronouns`) right before a modal, a negator or a
 * verb of stance is that verb's subject, an actor or a thing that acts, not a proposition taken up.
 */
function pronounAsSubject(ctx: Context, items: Item[], anaphor: Item): boolean {
  if (!isObjectPronoun(ctx, anaphor)) return false;
  for (const item of items) {
    if (item.start !== anaphor.end) continue;
    return (
      item.kind === 'modal' ||
      item.kind === 'negator' ||
      item.kind === 'reporting' ||
      (item.kind === 'cue' && !item.nominal)
    );
  }
  return false;
}

/** The anaphor is a pronoun (`lexicon.objectPronouns`: "it", "them") right after a cue: its object. */
function pronounAfterCue(ctx: Context, items: Item[], anaphor: Item): boolean {
  if (!isObjectPronoun(ctx, anaphor)) return false;
  for (const item of items) if (item.kind === 'cue' && item.end === anaphor.start) return true;
  return false;
}

/**
 * "Germany should send it", "We should use it", "we must use it": an object pronoun one verb after a
 * word of obligation (a deontic cue: must, should, has to) is the thing to be sent or used, never a stance
 * taken on it, so an earlier sentence's refusal ("Germany would not deliver Taurus") does not turn
 * the demand into opposition.
 */
function pronounOfObligation(ctx: Context, items: Item[], holderEnd: number, anaphor: Item): boolean {
  if (!isObjectPronoun(ctx, anaphor)) return false;
  for (const item of items) {
    if (item.start >= anaphor.start) break;
    // One verb between: "should send it", not "let them rearm" (its subject) nor "look at it".
    if (
      item.start >= holderEnd &&
      item.kind === 'cue' &&
      item.cueKind === 'deontic' &&
      item.end === anaphor.start - 1
    ) {
      return true;
    }
  }
  return false;
}

/**
 * A trigger of `topic` earlier in the sentence, before `index`, or a story noun that names a thing
 * of that topic ("the package would go forward, and she expected all 27 members to back it":
 * rules@1.70.0).
 */
function namedBefore(ctx: Context, topic: string, index: number): boolean {
  const story = ctx.discourse.storyNouns;
  for (const item of ctx.sentence.items) {
    if (item.start >= index) break;
    if (item.kind === 'trigger' && item.trigger.topic === topic) return true;
    if (item.kind === 'anaphor' && story && item.end - item.start === 1) {
      const thing = story.get(ctx.text.norm[item.start] ?? '');
      if (thing?.entry.topic === topic) return true;
    }
  }
  return false;
}

/**
 * "In Kyiv, Zelensky dismissed the demand.", "Ukraine's foreign ministry welcomed the offer": a noun
 * for a stance ("the demand", "the idea", "any proposals") with no possessor, in a paragraph after
 * the one where the last stance was taken, names the story's offer or demand, which in a report of
 * several parties is often not that last stance (the only one the discourse keeps). It points back
 * within its paragraph ("Lukashenko offered Minsk. Kyiv dismissed the idea."), or with a possessor
 * ("Kyiv's proposal", "its demand"); pronouns ("it", "them", "this") are read as before.
 */
function nounFromAnotherParagraph(ctx: Context, anaphor: Item): boolean {
  const { text, compiled } = ctx;
  if (anaphor.end === anaphor.start) return false;
  const first = text.norm[anaphor.start] ?? '';
  if (compiled.words.objectPronouns.has(first)) return false;
  if (anaphor.end === anaphor.start + 1 && compiled.determiners.has(first)) return false;
  const before = text.norm[anaphor.start - 1] ?? '';
  if (possessiveBefore(text, anaphor.start) || compiled.words.possessiveDeterminers.has(before)) return false;
  // A paragraph break after the last propositions: the anaphor's paragraph starts past them.
  return inLaterParagraph(ctx, anaphor.start);
}

/** Token `at` sits in a paragraph after the lede's and after the one where the last stance was taken. */
function inLaterParagraph(ctx: Context, at: number): boolean {
  return paragraphStart(ctx.text, at) > Math.max(0, ctx.discourse.lastPropositionsAt);
}

/** The lede's one stance opposed by a later speaker's judgement of it (a harm, a reprisal). */
function opposingLede(lede: readonly SignedProposition[]): Found[] {
  return lede.map((antecedent) => ({
    topic: antecedent.topic,
    proposition: antecedent.proposition,
    sign: -antecedent.sign,
    conditional: false,
    indirect: false,
    judged: true,
  }));
}

/** The items of a clause, from its sentence's. */
function clauseItems(ctx: Context, clause: Clause): Item[] {
  return ctx.sentence.items.filter((item) => item.start >= clause.start && item.end <= clause.end);
}

/**
 * "Moscow condemned the decision", "Ukraine welcomed the offer", in a paragraph after the last
 * stance: a lede noun (`lexicon.ledeNouns`) after "the" (`lexicon.ledeArticles`) names the story's
 * act, the lede's one stance (see `noteLede`), with the sign of the cues before it. The noun's own
 * paragraph is past the lede's and the last stance's, so "Kyiv dismissed the idea" right after an
 * offer still points back to that offer.
 */
function ledeAnaphor(ctx: Context, state: ClauseState): Found[] | undefined {
  const { ledePropositions, ledeDemand } = ctx.discourse;
  if (!ledePropositions && !ledeDemand) return undefined;
  const { text, compiled } = ctx;
  const { items, stanceStart, holderEnd, passiveCue } = state;
  for (const item of items) {
    if (item.kind !== 'anaphor' || (passiveCue === undefined && item.start < stanceStart)) continue;
    const noun = text.norm[item.end - 1] ?? '';
    // "Sybiha dismissed the demand": what a conditional lede asks for.
    const lede = compiled.words.ledeNouns.has(noun)
      ? ledePropositions
      : compiled.words.demandNouns.has(noun)
        ? ledeDemand
        : undefined;
    if (!lede) continue;
    const article = item.end - item.start === 1 ? text.norm[item.start - 1] : text.norm[item.start];
    if (!compiled.words.ledeArticles.has(article ?? '')) continue;
    if (!inLaterParagraph(ctx, item.start)) continue;
    const chain = chainOf(items, holderEnd, item.start);
    // "said Moscow would welcome the offer": a reaction foreseen, not made.
    if (!chain.hasCue || modalBetween(items, holderEnd, item.start)) return undefined;
    return lede.map((antecedent) => ({
      topic: antecedent.topic,
      proposition: antecedent.proposition,
      sign: chain.sign * antecedent.sign,
      conditional: chain.conditional,
      indirect: false,
      judged: false,
    }));
  }
  return undefined;
}

/** How far after the subject's determiner a harm is read (tokens). */
const HARM_REACH = 12;

/**
 * "Peskov said the decision was a dangerous escalation", "said the delivery would make Germany a
 * party to the conflict", "any use of the assets would be theft", in a paragraph after the lede and
 * the last stance: a speaker's clause with no stance words and no trigger, whose subject opens it with
 * a determiner of `lexicon.harmSubjects`, followed by a harm (the lexicon's `harms`) within
 * HARM_REACH tokens, judges the story's act, the lede's one stance: the speaker opposes it, as
 * `harmSignAfter` reads a harm after a trigger. The act is judged, not done; a negated harm, or a
 * cue or trigger before it, reads nothing.
 */
export function ledeHarm(ctx: Context, state: ClauseState): Found[] {
  const lede = ctx.discourse.ledePropositions;
  if (!lede || !state.frame || state.speakers.length === 0 || state.triggers.length > 0) return NO_FOUND;
  const { text, compiled } = ctx;
  const { clause } = state;
  // The subject opens the clause (after a quotation mark): "said the delivery would …".
  let at = clause.start;
  while (at < clause.end && quoteMarkAt(text, at)) at += 1;
  if (!compiled.words.harmSubjects.has(text.norm[at] ?? '')) return NO_FOUND;
  if (!inLaterParagraph(ctx, at)) return NO_FOUND;
  // The clause's own items: with no stance words the stage keeps none.
  const items = clauseItems(ctx, clause);
  if (harmAfter(ctx, items, at + 1, Math.min(clause.end, at + HARM_REACH)) !== -1) return NO_FOUND;
  return opposingLede(lede);
}

/**
 * "Moscow said it would respond", "warned that Russia would seize Western assets in response", in a
 * paragraph after the lede and the last stance: a speaker's clause with no stance words, no trigger
 * and no negator, where a word of `lexicon.retaliations` follows a modal, is a reprisal threatened
 * against the story's act, the lede's one stance: the speaker opposes it (judged, not done).
 */
export function ledeRetaliation(ctx: Context, state: ClauseState): Found[] {
  const lede = ctx.discourse.ledePropositions;
  if (!lede || !state.frame || state.speakers.length === 0 || state.triggers.length > 0) return NO_FOUND;
  const { text, compiled } = ctx;
  const { clause } = state;
  if (!inLaterParagraph(ctx, clause.start)) return NO_FOUND;
  // "would respond if the money was used": a reprisal under a condition threatens that condition's act.
  if (clause.kind === 'stance' && clause.conditional) return NO_FOUND;
  // "did not say how it would respond": a negator anywhere in the sentence reads nothing.
  if (ctx.sentence.items.some((item) => item.kind === 'negator')) return NO_FOUND;
  const items = clauseItems(ctx, clause);
  if (items.some((item) => item.kind === 'cue' || item.kind === 'trigger')) return NO_FOUND;
  const modal = items.find((item) => item.kind === 'modal');
  let found = false;
  if (modal) {
    for (let i = modal.end; i < clause.end && !found; i += 1)
      found = compiled.words.retaliations.has(text.norm[i] ?? '');
  } else if (items.length === 0) found = bareWarning(ctx, state);
  if (!found) return NO_FOUND;
  return opposingLede(lede);
}

/** How many words a bare warning's clause may hold ("of consequences", "at once", "its warning"). */
const BARE_WARNING_WORDS = 3;

/**
 * "Moscow warned of consequences", "The Kremlin warned at once", "Moscow repeated its warning": a
 * frame whose head or clause holds a word of `lexicon.warnings`, with a clause of a few words and
 * no items, names nothing but the warning.
 */
function bareWarning(ctx: Context, state: ClauseState): boolean {
  const { text, compiled } = ctx;
  const { clause, frame } = state;
  if (frame?.kind !== 'reporting') return false;
  let words = 0;
  let warned = false;
  for (let i = clause.start; i < clause.end; i += 1) {
    if (tokenTypeIsWord(text, i)) words += 1;
    warned ||= compiled.words.warnings.has(text.norm[i] ?? '');
  }
  for (let i = frame.head[0]; i < frame.head[1] && !warned; i += 1)
    warned = compiled.words.warnings.has(text.norm[i] ?? '');
  return warned && words > 0 && words <= BARE_WARNING_WORDS;
}

/** A token of letters (not punctuation). */
const tokenTypeIsWord = (text: AnalysedText, i: number): boolean => /^[a-z]/.test(text.norm[i] ?? '');

/**
 * A harm (the lexicon's `harms`) in the tokens [from, to) before any trigger or cue: -1, or 0 when a
 * negator stands before it ("was not a provocation") or none is found.
 */
function harmAfter(ctx: Context, items: readonly Item[], from: number, to: number): number {
  for (let i = from; i < to; i += 1) {
    const item = itemAt(items, i);
    if (item && (item.kind === 'trigger' || item.kind === 'cue' || item.kind === 'negator')) return 0;
    if (ctx.compiled.harms.longestAt(ctx.text, i, to)) return -1;
  }
  return 0;
}

/** A modal ("would", "could") in the tokens [from, to). */
function modalBetween(items: readonly Item[], from: number, to: number): boolean {
  for (const item of items) if (item.kind === 'modal' && item.start >= from && item.end <= to) return true;
  return false;
}

/** "…, a request that both Ukraine and the US have rejected": the proposition an anaphor points to. */
export function anaphoric(ctx: Context, state: ClauseState): Found[] {
  const { sentence, discourse } = ctx;
  const { clause, items, stanceStart, holderEnd, passiveCue } = state;
  const antecedents = discourse.lastPropositions;
  if (state.holders.length === 0) return NO_FOUND;
  // "Hungary voted for the package": a story noun is the thing the document named with it, in
  // any paragraph, and nothing when it named none.
  let story: StoryThing | undefined;
  const named = discourse.storyNouns;
  if (named) {
    for (const item of items) {
      if (item.kind !== 'anaphor' || (passiveCue === undefined && item.start < stanceStart)) continue;
      const noun = ctx.text.norm[item.end - 1] ?? '';
      if (item.end - item.start !== 1 || !ctx.compiled.words.storyNouns.has(noun)) continue;
      story = named.get(noun);
      if (story) return storyFound(ctx, state, item, story);
    }
  }
  const lede = ledeAnaphor(ctx, state);
  if (lede) return lede;
  if (!antecedents) return NO_FOUND;
  const anaphor =
    items.find(
      (item) =>
        item.kind === 'anaphor' &&
        (passiveCue !== undefined || item.start >= stanceStart) &&
        !ctx.compiled.words.storyNouns.has(ctx.text.norm[item.end - 1] ?? '') &&
        !pronounAsSubject(ctx, items, item) &&
        !nounFromAnotherParagraph(ctx, item),
    ) ?? insideCueInSentence(ctx, items);
  const vote = anaphor === undefined ? objectlessVote(ctx, state) : undefined;
  // A relative clause's head noun: "a request that …", "the plan, which …".
  const relativeHead = ctx.compiled.words.anaphorRelatives.has(clause.openedBy ?? '')
    ? sentence.items.find((item) => item.kind === 'anaphor' && item.end === clause.start - 1)
    : undefined;
  if (vote) return voteFound(state, voteAntecedents(ctx, antecedents), vote);
  if (!anaphor && !relativeHead) return NO_FOUND;
  const chain =
    passiveCue || !anaphor ? chainOf(items, holderEnd, clause.end) : chainOf(items, holderEnd, anaphor.start);
  if (!chain.hasCue) return NO_FOUND;
  const pronoun = anaphor !== undefined && pronounAfterCue(ctx, items, anaphor);
  const thing = anaphor !== undefined && pronounOfObligation(ctx, items, holderEnd, anaphor);
  // "called off the summit. 'I cancelled it.'": the holder's own last stance is no stance it takes
  // a stance on; the pronoun is the thing, not that stance.
  const holderActor = actorOfHolder(state.holders[0]);
  const ownAntecedent = holderActor !== undefined && holderActor === discourse.lastPropositionsActor;
  return antecedents.map((antecedent) => ({
    topic: antecedent.topic,
    proposition: antecedent.proposition,
    // "keep its sanctions in place and tighten them": "them" is the sanctions just named, not the
    // stance taken on them in an earlier sentence; "Germany should send it", "we must use it": what
    // one is obliged to send or use is the thing, not an earlier refusal of it.
    sign:
      chain.sign *
      (thing || (pronoun && ((ownAntecedent && chain.sign < 0) || namedBefore(ctx, antecedent.topic, anaphor.start)))
        ? 1
        : antecedent.sign),
    conditional: chain.conditional,
    indirect: true,
    judged: false,
  }));
}

/**
 * The story's thing (the first a story noun named, see `noteStoryNouns`), as a proposition: what
 * "Hungarian diplomats voted in favour at a meeting of ambassadors" votes on after the lede named
 * "a new package of sanctions against Russia".
 */
function storyThing(ctx: Context): SignedProposition | undefined {
  const named = ctx.discourse.storyNouns;
  if (!named) return undefined;
  for (const thing of named.values()) return { topic: thing.entry.topic, proposition: thing.proposition, sign: 1 };
  return undefined;
}

/** What an objectless vote votes on: the last propositions in its own sentence, else the story's thing. */
function voteAntecedents(ctx: Context, antecedents: readonly SignedProposition[]): readonly SignedProposition[] {
  if (ctx.discourse.lastPropositionsAt >= ctx.sentence.first) return antecedents;
  const thing = storyThing(ctx);
  return thing ? [thing] : antecedents;
}

/** The thing an objectless vote takes (`objectlessVote`), with the vote's own sign. */
function voteFound(state: ClauseState, antecedents: readonly SignedProposition[], vote: Item): Found[] {
  const chain = chainOf(state.items, state.holderEnd, vote.start);
  if (!chain.hasCue) return NO_FOUND;
  return antecedents.map((antecedent) => ({
    topic: antecedent.topic,
    proposition: antecedent.proposition,
    sign: chain.sign,
    conditional: chain.conditional,
    indirect: true,
    judged: false,
  }));
}

/**
 * The thing a story noun names, as the holder's stance on it: its slot filled around the noun
 * ("Poland's package") or by the holder where the codebook fills it so, else as it was named.
 */
function storyFound(ctx: Context, state: ClauseState, anaphor: Item, story: StoryThing): Found[] {
  const { passiveCue } = state;
  // "the package must be adopted", "expected the package to be adopted": the noun is the passive's
  // subject, and the cues up to the passive say what is to happen to it.
  const chain =
    passiveCue !== undefined && anaphor.end <= passiveCue.start
      ? chainOf(state.items, state.holderEnd, passiveCue.end)
      : chainOf(state.items, state.holderEnd, anaphor.start);
  if (!chain.hasCue) return NO_FOUND;
  const slot = story.entry.slot;
  const proposition =
    slot?.from.includes('holder') === true
      ? propositionFor(ctx, story.entry, anaphor, state.holders[0], state.stanceStart)
      : story.proposition;
  return [
    {
      topic: story.entry.topic,
      proposition,
      sign: chain.sign,
      conditional: chain.conditional,
      indirect: false,
      judged: false,
    },
  ];
}

const LOWERCASE_WORD = /^[a-z-]+$/;

/**
 * "Taurus cruise missiles": one weapon, not two propositions. The later of adjacent same-topic
 * triggers is dropped: this says whether `triggers[k]` is such a later one (asked per trigger,
 * with no set of them built per clause).
 */
export function continuesSameTopic(
  compiled: CompiledCodebook,
  text: AnalysedText,
  triggers: TriggerItem[],
  k: number,
): boolean {
  if (k === 0) return false;
  const previous = triggers[k - 1]!;
  const current = triggers[k]!;
  if (previous.trigger.topic !== current.trigger.topic || previous.trigger.key === current.trigger.key) {
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
 * A trigger before the stance words is their subject ("Territorial concessions are out of the
 * question") only near the start of its clause, before any verb group: in "this is not a peace
 * plan to end the conflict" it is a complement, and the cue after it is about something else.
 */
export function isSubjectPosition(ctx: Context, clause: Clause, trigger: Item, items: Item[]): boolean {
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

/**
 * A proposition's own inverter just before its trigger ("defend Donetsk", "return of occupied
 * territories", "take back every occupied region": at most two words between its end and the
 * trigger, whatever its length), or around it ("bring Crimea home"), within the clause.
 */
export function invertedBefore(
  compiled: CompiledCodebook,
  text: AnalysedText,
  trigger: TriggerItem,
  from: number,
  to: number,
): boolean {
  const index = compiled.inverters.get(trigger.trigger.key);
  if (!index) return false;
  const start = Math.max(from, trigger.start - INVERTER_REACH);
  const limit = Math.min(to, trigger.end + 2);
  // A loop, not some() with a closure: this runs per object trigger.
  for (const match of index.scanAll(text, start, limit)) {
    if (match.start >= trigger.start) continue;
    if (match.end > trigger.start) {
      if (match.end >= trigger.end) return true;
      continue;
    }
    if (inverterReaches(compiled, text, match.end, trigger.start)) return true;
  }
  return false;
}

/**
 * "Crimea would return to Ukraine", "the occupied territories will be returned", "some territory
 * could be regained": a proposition's inverter as the verb of a trigger that is its clause's
 * subject, only a verb group (modals, forms of "be", negators and verb-group adverbs) between, or a
 * coordinated subject ("Crimea and every other occupied region would return"), turns the stance.
 * 0 when there is none, else the inverter's sign with the verb group's negators ("would not
 * return": 1), for a caller whose chain does not already count them.
 */
export function invertedAfter(
  compiled: CompiledCodebook,
  text: AnalysedText,
  items: Item[],
  trigger: TriggerItem,
  to: number,
): number {
  const index = compiled.inverters.get(trigger.trigger.key);
  if (!index) return 0;
  for (const match of index.scanAll(text, trigger.end, to)) {
    let i = match.start;
    let sign = -1;
    // The verb group right before the inverter.
    while (i > trigger.end) {
      const token = text.norm[i - 1] ?? '';
      const item = itemAt(items, i - 1);
      const grouped =
        compiled.beForms.has(token) ||
        compiled.words.verbGroupAdverbs.has(token) ||
        item?.kind === 'modal' ||
        item?.kind === 'negator';
      if (!grouped) break;
      if (item?.kind === 'negator') sign = -sign;
      i -= 1;
    }
    if (i === match.start) return 0;
    if (i === trigger.end) return sign;
    // A coordinated subject: a conjunction, then words that hold no item but the same topic's triggers.
    if (!compiled.words.conjunctions.has(text.norm[trigger.end] ?? '')) return 0;
    for (const item of items) {
      if (item.start < trigger.end || item.start >= i) continue;
      if (item.kind === 'coordinator') continue;
      if (item.kind !== 'trigger' || item.trigger.topic !== trigger.trigger.topic) return 0;
    }
    return sign;
  }
  return 0;
}

/**
 * "a demand that sanctions be eased", "insisted that the troops be withdrawn": a passive cue right
 * after an object trigger (only forms of "be", verb-group adverbs and modals between) says what
 * is to happen to it, so an opposing one reverses the stance on it. 1 when there is none.
 */
export function passiveSignAfter(
  compiled: CompiledCodebook,
  text: AnalysedText,
  items: Item[],
  trigger: TriggerItem,
  to: number,
): number {
  for (const item of items) {
    if (item.start < trigger.end || item.kind === 'modal') continue;
    if (item.start >= to || item.kind !== 'cue' || !item.passive) return 1;
    for (let i = trigger.end; i < item.start; i += 1) {
      const token = text.norm[i] ?? '';
      if (compiled.beForms.has(token) || compiled.words.verbGroupAdverbs.has(token)) continue;
      if (itemAt(items, i)?.kind === 'modal') continue;
      return 1;
    }
    return item.polarity === 'oppose' ? -1 : 1;
  }
  return 1;
}

/** No trigger only says where: the default of harmSignAfter's `placed`. */
const NOT_PLACED = (_trigger: TriggerItem) => false;

/**
 * "sending more weapons only prolongs the war", "a truce now would only give them time to rearm",
 * "every new shipment of arms pushes peace further away": a harm the holder says an act brings
 * (the lexicon's `harms`), after its trigger, makes the stance on it opposition, whatever the
 * words that name the act ("sending", "shipment") or lead to the harm ("give … time to rearm").
 * Only for the last trigger before the harm; a negated harm ("would not prolong the war") is too
 * loose to read either way, so the trigger is dropped. 1 when no harm follows, -1 for a harm, 0 to drop.
 */
export function harmSignAfter(
  compiled: CompiledCodebook,
  text: AnalysedText,
  items: Item[],
  triggers: TriggerItem[],
  k: number,
  to: number,
  placed: (trigger: TriggerItem) => boolean = NOT_PLACED,
): number {
  const trigger = triggers[k]!;
  // "Taurus missiles": the later of adjacent same-topic triggers is the same act; "any foreign
  // contingent on Ukrainian territory would be …": a trigger that only says where (`placed`) is
  // part of the act's phrase, not an act of its own.
  let j = k + 1;
  while (j < triggers.length && (continuesSameTopic(compiled, text, triggers, j) || placed(triggers[j]!))) j += 1;
  const next = triggers[j];
  const limit = next && next.start < to ? next.start : to;
  for (let i = trigger.end; i < limit; i += 1) {
    const harm = compiled.harms.longestAt(text, i, to);
    if (!harm) continue;
    for (const item of items) {
      if (item.kind === 'negator' && item.start >= trigger.end && item.start < harm.start) return 0;
    }
    return -1;
  }
  return 1;
}

/**
 * Whether the stance words after a trigger read as their subject judge it in a way the rules cannot
 * read, so the trigger says nothing:
 * - it is equated with a noun phrase ("a ceasefire is no surrender", "recognising an annexation
 *   would be a historic mistake": a form of "be", then `lexicon.nominalStarts`, adverbs and
 *   negators between) or with what an equative verb names ("freezing the line does not mean
 *   signing it away", `lexicon.equatives`): a negator there denies the equation, not the subject;
 * - a contrast follows ("we came to negotiate, not to sign a surrender", "a meeting would make
 *   sense only to sign a document, not to start drafting one"): a negator right after a comma
 *   denies only what follows it, and what the subject is contrasted with decides the stance.
 * The equation is looked for only up to the first verb of stance: "territorial concessions are out
 * of the question" is read.
 */
export function judgedSubject(ctx: Context, items: Item[], from: number, to: number): boolean {
  const { norm } = ctx.text;
  const { beForms, words } = ctx.compiled;
  for (const item of items) {
    if (item.kind === 'negator' && item.start >= from && item.start < to && norm[item.start - 1] === ',') return true;
  }
  for (let i = from; i < to; i += 1) {
    const item = itemAt(items, i);
    if (item?.kind === 'cue' && !item.nominal) return false;
    const token = norm[i] ?? '';
    if (words.equatives.has(token)) return true;
    if (!beForms.has(token)) continue;
    let j = i + 1;
    while (
      j < to &&
      itemAt(items, j)?.kind !== 'negator' &&
      (words.verbGroupAdverbs.has(norm[j] ?? '') || words.focusAdverbs.has(norm[j] ?? ''))
    )
      j += 1;
    // "a ceasefire is not giving up our land": denied to be an act, the subject is judged too.
    const negator = itemAt(items, j);
    if (negator?.kind === 'negator' && !words.nominalStarts.has(norm[j] ?? '')) {
      const act = itemAt(items, negator.end);
      if (
        (norm[negator.end] ?? '').endsWith('ing') &&
        act?.start === negator.end &&
        (act.kind === 'trigger' || act.kind === 'cue')
      )
        return true;
      j = negator.end;
      while (j < to && (words.verbGroupAdverbs.has(norm[j] ?? '') || words.focusAdverbs.has(norm[j] ?? ''))) j += 1;
      // "sanctions are not what brought Russia to the table".
      if (j < to && words.equatedClauses.has(norm[j] ?? '')) return true;
    }
    return j < to && words.nominalStarts.has(norm[j] ?? '');
  }
  return false;
}

/** A denied equation before a clause's object triggers (`equationBefore`). */
export interface Equation {
  /** The form of "be" whose subject is equated. */
  copula: number;
  /** What the subject is denied to be is an act ("is not giving up our land"), not a noun phrase. */
  act: boolean;
}

/**
 * "Stopping the fire is not giving up our land", "this is not a negotiating position", "it is not
 * negotiation yet": a subject that is not the holder, then a form of "be" and a negator, denies an
 * equation. The negation belongs to what follows the copula, and the cues of the subject ("stopping")
 * do not reach across it. What the subject is denied to be, when it is an act (an "-ing" form that
 * opens a trigger or a cue), is the holder's own denial of that act: the chain starts at the copula.
 * When it is a noun phrase (`lexicon.nominalStarts`, or a trigger right after the negator) the
 * sentence classifies its subject and takes no stance on the noun. Only when every cue of the
 * subject is a nominal or "-ing" form (the subject is no verb group of the holder's: "wants talks and
 * is not …" is not one), and not right after the holder ("we are not giving up", "Russia is not
 * ready" are the holder's predicates). Undefined when there is none before `to`.
 */
export function equationBefore(ctx: Context, items: Item[], from: number, to: number): Equation | undefined {
  const { norm } = ctx.text;
  const { beForms, words } = ctx.compiled;
  for (let i = from; i < to; i += 1) {
    const item = itemAt(items, i);
    if (item?.kind === 'cue' && !item.nominal && !(norm[item.start] ?? '').endsWith('ing')) return undefined;
    if (item?.kind === 'modal' || item?.kind === 'negator') return undefined;
    const token = norm[i] ?? '';
    if (!beForms.has(token)) continue;
    if (i === from) return undefined;
    let j = i + 1;
    while (j < to && itemAt(items, j)?.kind !== 'negator' && words.verbGroupAdverbs.has(norm[j] ?? '')) j += 1;
    const negator = itemAt(items, j);
    if (negator?.kind !== 'negator' || negator.start !== j) return undefined;
    const k = negator.end;
    if (k >= to + 1) return undefined;
    const next = itemAt(items, k);
    const opens = next !== undefined && next.start === k && (next.kind === 'trigger' || next.kind === 'cue');
    if ((norm[k] ?? '').endsWith('ing') && opens) return { copula: i, act: true };
    // "there is no truce" is a denial of the truce itself: the noun phrase opens after the negator.
    if (words.nominalStarts.has(norm[k] ?? '') || words.equatedClauses.has(norm[k] ?? ''))
      return { copula: i, act: false };
    return undefined;
  }
  return undefined;
}
