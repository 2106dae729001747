import { chainOf, governingItem, hasModalOrNegator } from '../../chain';
import type { CompiledCodebook } from '../../codebook/compile';
import { addTo } from '../../list-buffer';
import { type AnalysedText, paragraphStart, tokenType } from '../../nlp';
import { findVenues, type VenueFinding } from '../../venues';
import type { Clause } from '../clauses';
import { actorOfHolder, type Discourse, type Holder, resolveMention } from '../discourse';
import type { Frame } from '../frames';
import {
  type CueItem,
  type Item,
  isActiveCue,
  itemAt,
  pastActObject,
  possessiveBefore,
  type TriggerItem,
} from '../items';
import { actorOf, type Mention } from '../mentions';
import type { Sentence } from '../sentences';
import { analyseClause, type ClauseState, deonticInside, negatorSignInside } from './clause-reading';
import { type Context, type Draft, NO_DRAFTS, type SentenceDrafts } from './context';
import { emit, isPlace } from './drafts';
import {
  anaphoric,
  continuesSameTopic,
  deonticFrom,
  directOnly,
  equationBefore,
  type Found,
  harmSignAfter,
  invertedAfter,
  invertedBefore,
  isSubjectPosition,
  judgedSubject,
  ledeHarm,
  ledeRetaliation,
  NO_FOUND,
  objectChains,
  passiveSignAfter,
} from './findings';
import { governingThroughInverter } from './inverters';
import { propositionFor } from './slots';

/**
 * Stage 4: stance per clause. In each clause, who holds a stance (the holder), on what (the
 * triggers after the first cue, or an anaphor's antecedent), and with which polarity (the product
 * of the signs of the cues and negators between holder and trigger; a condition makes it
 * conditional). Attribution and hearsay follow from the frame the clause sits in. The parts:
 * clause-reading.ts (holder and stance words), findings.ts (propositions and signs),
 * slots.ts (slot fillers), drafts.ts (drafts with polarity, attribution, evidence).
 */

const NO_NOMINALS: CueItem[] = [];
const NO_VENUES: VenueFinding[] = [];

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
    if (state.clause.kind === 'stance' && !state.clause.openedBy && state.holders.length > 0) {
      main = state;
      break;
    }
  }

  for (const state of states) {
    if (state.clause.kind === 'condition') continue;
    emitClause(ctx, state);
  }
  // "… only after Ukraine withdraws from Donetsk": the condition is something the holder wants.
  for (const state of states) {
    const clause = state.clause;
    if (clause.kind !== 'condition') continue;
    const target = clause.attachesTo !== undefined ? states[clause.attachesTo] : undefined;
    // "Give us a ceasefire that holds, and …": an imperative trade asks for its object whatever the promise says.
    const imperative = compiled.words.imperativeTrades.has(clause.openedBy);
    if (!target || target.unasserted || (!Number.isFinite(target.stanceStart) && !imperative)) continue;
    // "British troops are ready to go once a truce is signed": a time on what a named holder will do,
    // in a sentence that names no proposition but the condition's, says when it acts, not what it
    // asks for. It still asks when the condition names a party that must act ("as soon as Ukraine
    // holds an election") or the holder is not named there ("the war ends the moment the weapons stop").
    if (target.explicit && compiled.words.timeConditions.has(clause.openedBy) && onlyATime(sentence, clause)) continue;
    // "elections would be held as soon as a ceasefire was in place": the time of another stance the holder states.
    if (
      !target.explicit &&
      compiled.words.timeConditions.has(clause.openedBy) &&
      timeOfAnotherStance(sentence, clause, target.clause)
    )
      continue;
    // A condition with a stance word of its own ("if Russia rejects …") says what its subject holds;
    // one told as an act ("if allies gave it guarantees", "once Europe stopped sending weapons")
    // says what the holder wants done, through the act's sign.
    if (state.items.some(isStanceCue)) continue;
    const found: Found[] = [];
    for (const [k, trigger] of state.triggers.entries()) {
      const chain = chainOf(state.items, state.clause.start, trigger.start);
      let sign = trigger.trigger.inverted ? -chain.sign : chain.sign;
      // "only if Western weapons deliveries stopped", "once arms supplies were suspended": a
      // proposition that is the condition's subject, ended by the act after it, is what the holder
      // wants ended (up to the next subject-less trigger, "military aid and mobilisation were").
      if (!chain.hasCue && endedAfter(state.items, trigger.end, state.triggers, k, state.clause.end)) sign = -sign;
      found.push({
        topic: trigger.trigger.topic,
        proposition: propositionFor(ctx, trigger.trigger, trigger, target.holders[0], state.clause.start),
        sign,
        conditional: false,
        indirect: true,
        judged: false,
      });
    }
    emit(ctx, target, target.holders, found, NO_VENUES);
  }
  ctx.mainHolder = main?.holders[0];
  // "Q: Moscow is asking for sanctions relief as a first step.": a transcript's question is put to
  // the speaker, no one's stance; what it names is still there for the answer's "that" or "it".
  if (ctx.drafts.length > 0 && askedByInterviewer(compiled, text, sentence.first)) ctx.drafts = NO_DRAFTS;
  if (compiled.words.storyNouns.size > 0) noteStoryNouns(ctx);
  if (sentence.index === 0 && compiled.words.ledeNouns.size > 0) noteLede(ctx);
  return ctx;
}

/**
 * "Italy's cabinet approved a new package of military aid …": the first sentence's stance is the
 * story's act, when it is one positive, unconditional stance on one proposition and is the
 * sentence's last (a halting or conditional lede, or one of several stances, is no such act).
 */
function noteLede(ctx: Context): void {
  const { drafts, discourse } = ctx;
  noteLedeDemand(ctx);
  const last = discourse.lastPropositions;
  if (drafts.length === 0) return;
  if (last && last.length === 1 && last[0]!.sign > 0) {
    const { proposition } = last[0]!;
    if (drafts.every((draft) => draft.proposition === proposition && draft.polarity === 'support')) {
      discourse.ledePropositions = last;
      return;
    }
  }
  noteLedeOffer(ctx);
}

/**
 * "Belarus offered to host the next round in Minsk", "Switzerland will host the talks in Geneva and
 * is ready to organise a summit": a first sentence whose stances are all support for one venue and
 * for the meeting it implies (`venues.meeting`) offers that place: the story's act is the venue, what
 * a later "Kyiv dismissed the offer" or "Ukraine welcomed the offer" names (see `ledeAnaphor`). A
 * first sentence with a stance on anything else (a condition, a ceasefire) is no such offer.
 */
function noteLedeOffer(ctx: Context): void {
  const { drafts, discourse, compiled } = ctx;
  const meeting = compiled.venueMeeting?.proposition;
  let offered: Draft | undefined;
  for (const draft of drafts) {
    if (draft.polarity !== 'support') return;
    if (draft.proposition === meeting) continue;
    if (draft.topic !== compiled.venueTopic || (offered && offered.proposition !== draft.proposition)) return;
    offered = draft;
  }
  if (!offered) return;
  discourse.ledePropositions = [{ topic: offered.topic, proposition: offered.proposition, sign: 1 }];
}

/**
 * "Lavrov said the war would end once Kyiv withdrew from Donetsk": a first sentence of conditional
 * stances whose condition gave one positive stance on one other proposition, and no opposition,
 * demands that proposition (what a later "the demand" names; see `ledeAnaphor`).
 */
function noteLedeDemand(ctx: Context): void {
  const { drafts, discourse } = ctx;
  if (!drafts.some((draft) => draft.polarity === 'conditional')) return;
  let demanded: Draft | undefined;
  for (const draft of drafts) {
    if (draft.polarity === 'conditional') continue;
    if (draft.polarity !== 'support') return;
    if (demanded && demanded.proposition !== draft.proposition) return;
    demanded = draft;
  }
  if (
    !demanded ||
    drafts.some((draft) => draft.polarity === 'conditional' && draft.proposition === demanded.proposition)
  )
    return;
  discourse.ledeDemand = [{ topic: demanded.topic, proposition: demanded.proposition, sign: 1 }];
}

/**
 * A verb of leaving (`lexicon.departures`: "go") right after an obligation ("should go", "will
 * have to go"; not a plain future: "the missiles will go" is their delivery), and ending there: before punctuation, a conjunction or a determiner
 * ("go, and …", "go the same way"), not before a place or a preposition ("go home", "go to Kyiv").
 */
function departsAfter(ctx: Context, items: Item[], from: number, to: number): boolean {
  const { compiled, text } = ctx;
  for (const item of items) {
    if (item.start < from || item.end >= to) continue;
    if (item.kind !== 'cue' || item.cueKind !== 'deontic') continue;
    if (!compiled.words.departures.has(text.norm[item.end] ?? '')) continue;
    const next = text.norm[item.end + 1] ?? '';
    if (
      item.end + 1 >= to ||
      tokenType(text, item.end + 1) !== 'word' ||
      compiled.words.conjunctions.has(next) ||
      compiled.determiners.has(next)
    ) {
      return true;
    }
  }
  return false;
}

/**
 * "adopted a 20th package of sanctions against Russia", "the sanctions package", "an aid package":
 * a story noun (`lexicon.storyNouns`) right after a trigger, at its end, or before a link
 * (`lexicon.storyLinks`: "of") and a trigger names that trigger's thing; the document's later "the package" is it (see `anaphoric`).
 * The first naming of each noun holds: a story is about one package.
 */
function noteStoryNouns(ctx: Context): void {
  const { compiled, text, sentence, discourse } = ctx;
  for (const item of sentence.items) {
    if (item.kind !== 'trigger') continue;
    const after = text.norm[item.end] ?? '';
    const last = text.norm[item.end - 1] ?? '';
    const linked = item.start >= 2 && compiled.words.storyLinks.has(text.norm[item.start - 1] ?? '');
    const before = linked ? (text.norm[item.start - 2] ?? '') : '';
    const noun = compiled.words.storyNouns.has(after)
      ? after
      : compiled.words.storyNouns.has(last)
        ? last
        : compiled.words.storyNouns.has(before)
          ? before
          : undefined;
    if (noun === undefined || discourse.storyNouns?.has(noun)) continue;
    discourse.storyNouns ??= new Map();
    discourse.storyNouns.set(noun, {
      entry: item.trigger,
      proposition: propositionFor(ctx, item.trigger, item, undefined, item.start),
    });
  }
}

/** At most this many tokens in the parenthesis of a questioner's label ("Q (Moscow correspondent):"). */
const LABEL_PARENTHESIS_TOKENS = 8;

/**
 * Whether the paragraph of the token at `at` opens with a questioner's label (`lexicon.interviewers`)
 * and a colon, perhaps with a parenthesis between: "Q:", "REPORTER (French television):".
 */
function askedByInterviewer(compiled: CompiledCodebook, text: AnalysedText, at: number): boolean {
  const start = paragraphStart(text, at);
  if (!compiled.words.interviewers.has(text.norm[start] ?? '')) return false;
  let i = start + 1;
  if (text.norm[i] === '(') {
    const limit = i + LABEL_PARENTHESIS_TOKENS;
    while (i < limit && text.norm[i] !== ')' && i < text.norm.length) i += 1;
    i += 1;
  }
  return text.norm[i] === ':';
}

/**
 * An act that ends (an oppose action cue: stopped, halted, suspended, lifted) after `from` and before
 * any later trigger that is not joined to this one: the verb whose subject is the trigger.
 */
function endedAfter(
  items: readonly Item[],
  from: number,
  triggers: readonly TriggerItem[],
  k: number,
  to: number,
): boolean {
  let end = to;
  for (let j = k + 1; j < triggers.length; j += 1) {
    const next = triggers[j]!;
    if (chainOf(items, from, next.start).hasCue) {
      end = next.start;
      break;
    }
  }
  for (const item of items) {
    if (item.start < from || item.end > end) continue;
    if (item.kind === 'negator') return false;
    if (item.kind === 'cue') return item.cueKind === 'action' && item.polarity === 'oppose';
  }
  return false;
}

/** An active cue other than an act: a condition with one states its own subject's stance. */
const isStanceCue = (item: Item) => isActiveCue(item) && !(item.kind === 'cue' && item.cueKind === 'action');

function emitClause(ctx: Context, state: ClauseState): void {
  const { compiled, text, sentence, discourse } = ctx;
  const { clause, items, triggers, stanceStart, holderEnd } = state;
  // Noun cues, listed only in the clauses that have one (most have none).
  let nominals: CueItem[] = NO_NOMINALS;
  for (const item of items) {
    if (item.kind === 'cue' && item.nominal) nominals = addTo(nominals, NO_NOMINALS, item);
  }
  if (state.unasserted) return;
  if (!Number.isFinite(stanceStart) && nominals.length === 0) {
    // "Peskov said the decision was a dangerous escalation": no stance words, a harm of the story's
    // act, the speaker's.
    // "Moscow said it would respond": a reprisal threatened against the story's act.
    const harmed = ledeHarm(ctx, state);
    const reaction = harmed.length > 0 ? harmed : ledeRetaliation(ctx, state);
    if (reaction.length > 0) emit(ctx, state, state.speakers, reaction, NO_VENUES);
    return;
  }
  // "Those who really want the war to end …", "anyone seeking an end to the fighting": no one's
  // stance, but the harm the holder says such acts bring is the holder's ("those who send weapons
  // prolong the war").
  const generic = Number.isFinite(stanceStart) && genericSubjectBefore(ctx, stanceStart);

  // The shared empty list until something is found.
  let found: Found[] = NO_FOUND;
  // Subjects judged in words the rules cannot read: no stance, but named for a later anaphor.
  let named: Found[] = NO_FOUND;
  // A trigger read as the setting ("in the current negotiations"): the clause names what it is about.
  let setting = false;
  if (Number.isFinite(stanceStart) && state.holders.length > 0) {
    const subjectMode = !state.explicit || state.inherited || state.passiveCue !== undefined;
    const chains = objectChains(ctx, state);
    for (let k = 0; k < triggers.length; k += 1) {
      const trigger = triggers[k]!;
      if (continuesSameTopic(compiled, text, triggers, k)) continue;
      if (inSetting(ctx, items, clause.start, trigger) || namesPlace(ctx, items, clause.start, trigger)) {
        setting = true;
        continue;
      }
      const entry = trigger.trigger;
      const isObject = trigger.start >= stanceStart;
      // "on Ukrainian territory" says where, for the harm read after an act. The test is written in
      // the call, not a named const: under tsx a named closure is also given its name (`__name`,
      // ~1.7 % of the extraction bench when made per clause).
      const harm = harmSignAfter(compiled, text, items, triggers, k, clause.end, (next) =>
        namesPlace(ctx, items, clause.start, next),
      );
      if (harm === 0 || (generic && harm > 0)) continue;
      let chainSign: number;
      let conditional = false;
      let judged = false;
      if (harm < 0 && (isObject || (subjectMode && isSubjectPosition(ctx, clause, trigger, items)))) {
        // The act named, then what it brings: the holder's judgement of it is opposition.
        chainSign = -1;
        judged = true;
      } else if (isObject) {
        // "Stopping the fire is not giving up our land", "this is not a negotiating position".
        const equation = equationBefore(ctx, items, holderEnd, trigger.start);
        if (equation && !equation.act) continue;
        const chain = equation
          ? chainOf(items, equation.copula, trigger.start)
          : (chains[k] ?? chainOf(items, holderEnd, trigger.start));
        const present =
          chain.hasCue ||
          state.prefixSign !== 1 ||
          governingItem(items, trigger.start, clause.start) !== undefined ||
          governingThroughInverter(compiled, text, items, trigger, clause.start, ctx.sentence.last) !== undefined;
        if (!present) continue;
        if (chain.hasCue && pastActObject(compiled, text, items, holderEnd, trigger.start)) continue;
        chainSign = chain.sign * state.prefixSign;
        conditional ||= chain.conditional;
        // "regain its internationally recognised borders": an inverted trigger already names what the
        // inverter would win back, so the inverter does not turn it again.
        if (!entry.inverted && invertedBefore(compiled, text, trigger, holderEnd, clause.end)) chainSign = -chainSign;
        else if (!entry.inverted) chainSign *= invertedAfter(compiled, text, items, trigger, clause.end) || 1;
        chainSign *= passiveSignAfter(compiled, text, items, trigger, clause.end);
      } else {
        if (!subjectMode || !isSubjectPosition(ctx, clause, trigger, items)) continue;
        // "Territorial concessions are out of the question"; "Russia's demand for Donetsk is unacceptable".
        // Not "a ceasefire is no surrender": equated with a noun, the subject is judged, not taken up;
        // it is still what a later "it" or "them" names.
        if (judgedSubject(ctx, items, trigger.end, clause.end)) {
          named = addTo(named, NO_FOUND, plainFinding(ctx, trigger, state.holders[0], state.stanceStart));
          continue;
        }
        const after = chainOf(items, trigger.end, clause.end);
        const governed = hasModalOrNegator(items, trigger.end, clause.end);
        // The event told in a speaker's own words, with no stance word of its holder before it.
        const spokenEvent =
          clause.kind === 'stance' &&
          stanceStart === clause.end &&
          state.speakers.length > 0 &&
          actorOfHolder(state.holders[0]) === actorOfHolder(state.speakers[0]);
        // "the war would end as soon as Kyiv withdrew", said by someone: the speaker's conditional
        // stance on the end, never that of a subject carried over from the condition ("if Kyiv …").
        const event = spokenEvent && clause.conditional;
        // "The guns must fall silent", said by someone: the speaker's recommendation of the end
        // (see deonticInside), a negator inside turning it ("the fighting must not stop").
        const recommended = spokenEvent && deonticInside(ctx, [trigger]);
        if (!after.hasCue && !governed && !event && !recommended) continue;
        // "efforts to negotiate an end to the war have stalled": an act the subject underwent, told as news.
        if (!governed && !event && !recommended && onlyActs(items, trigger.end, clause.end)) continue;
        const before = chainOf(nominals, clause.start, trigger.start);
        // "rejected the idea that security guarantees could be part of it": the prefix's sign too.
        chainSign = before.sign * after.sign * state.prefixSign;
        // "All these sanctions should go", "the rest of the sanctions should go the same way": what
        // must go is what the holder wants ended.
        if (departsAfter(ctx, items, trigger.end, clause.end)) chainSign = -chainSign;
        // "Crimea would return to Ukraine": the chain after the trigger counts the verb group's negators.
        if (!entry.inverted && invertedAfter(compiled, text, items, trigger, clause.end) !== 0) chainSign = -chainSign;
        if (recommended) chainSign *= negatorSignInside(ctx, trigger);
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
        judged,
      });
    }
  }

  const venues: VenueFinding[] =
    Number.isFinite(stanceStart) && !generic
      ? findVenues(compiled, text, clause, items, holderEnd, actorOfHolder(state.holders[0]))
      : NO_VENUES;
  // What an anaphor or story noun points back to is no new antecedent for the next one.
  let pointed = false;
  if (found.length === 0 && venues.length === 0 && Number.isFinite(stanceStart) && !generic && !setting) {
    found = anaphoric(ctx, state);
    pointed = true;
  }
  found = withImpliedMeeting(compiled, found, venues);

  // The holder's own statements.
  if (found.length > 0 || venues.length > 0) {
    emit(ctx, state, state.holders, found, venues);
  }

  // Co-holders of noun cues: "Ukraine rejected Russia's demand for Donetsk" → Russia demands it.
  for (const nominal of nominals) {
    const possessor = possessorOf(text, sentence.mentions, nominal);
    if (!possessor) continue;
    const speaker = state.speakers[0];
    const holder = resolveMention(possessor, discourse, speaker, state.quoted);
    const holderActor = actorOfHolder(holder);
    if (!holder || !holderActor || holdsAlready(state.holders, holderActor)) continue;
    const ownFound: Found[] = [];
    for (const trigger of triggers) {
      if (trigger.start < nominal.end) continue;
      const chain = chainOf(items, nominal.start, trigger.start);
      const sign = chain.sign * passiveSignAfter(compiled, text, items, trigger, clause.end);
      ownFound.push({
        topic: trigger.trigger.topic,
        proposition: propositionFor(ctx, trigger.trigger, trigger, holder, nominal.start),
        sign: trigger.trigger.inverted ? -sign : sign,
        conditional: chain.conditional,
        indirect: false,
        judged: false,
      });
    }
    const coState: ClauseState = { ...state, firstCue: nominal, stanceStart: nominal.start };
    emit(ctx, coState, [holder], ownFound, NO_VENUES);
  }

  // "Russia and Ukraine exchanged 300 prisoners of war in a swap mediated by the Emirates": in an
  // act told, the agent of a trigger written as a participle ("mediated by", "brokered by") does
  // what the trigger names, as part of the act.
  if (state.firstCue?.cueKind === 'action' && !state.quoted) {
    for (const trigger of triggers) {
      const agent = participleAgent(ctx, trigger);
      if (!agent) continue;
      const holder = resolveMention(agent, discourse, state.speakers[0], state.quoted);
      const holderActor = actorOfHolder(holder);
      if (!holder || !holderActor || holdsAlready(state.holders, holderActor)) continue;
      const agentFound = [plainFinding(ctx, trigger, holder, trigger.start)];
      emit(ctx, { ...state, stanceStart: trigger.start }, [holder], agentFound, NO_VENUES);
    }
  }

  // What a later "the idea", "the request", "it" points back to: a venue offer is about the place.
  const places = venues.length === 0 ? NO_VENUES : venues.filter(isPlace);
  const direct = pointed ? NO_FOUND : directOnly(found);
  // Found propositions carry topic, proposition and sign, and are not changed once found: the
  // discourse keeps them as they are.
  const last =
    places.length > 0
      ? places.map((venue) => ({
          topic: compiled.venueTopic,
          proposition: `${compiled.venueTopic}:${venue.place}`,
          sign: venue.sign,
        }))
      : direct.length > 0
        ? direct
        : named.length > 0
          ? named
          : undefined;
  if (last) {
    discourse.lastPropositions = last;
    discourse.lastPropositionsAt = clause.start;
    discourse.lastPropositionsActor = actorOfHolder(state.holders[0]);
  }
}

/**
 * The stance words at `at` have a subject of no one in particular (`lexicon.genericSubjects`:
 * "those who really want", "anyone seeking", "whoever sends"; or `genericNouns` after an indefinite
 * determiner, "a country that has joined"), with only relatives, adverbs and perfect auxiliaries
 * between: what they say is a description of whoever that is, not the holder's stance.
 */
function genericSubjectBefore(ctx: Context, at: number): boolean {
  const { norm } = ctx.text;
  const { words } = ctx.compiled;
  for (let i = at - 1; i >= Math.max(ctx.sentence.first, at - 4); i -= 1) {
    const token = norm[i] ?? '';
    if (words.genericSubjects.has(token)) return true;
    // "A country that has joined the sanctions …": a noun of no one in particular.
    if (words.genericNouns.has(token)) return words.indefiniteDeterminers.has(norm[i - 1] ?? '');
    if (
      !words.relatives.has(token) &&
      !words.focusAdverbs.has(token) &&
      !words.verbGroupAdverbs.has(token) &&
      !words.perfectAuxiliaries.has(token)
    )
      return false;
  }
  return false;
}

/** At most this many words between a setting's preposition and its trigger ("in the current negotiations"). */
const SETTING_GAP = 3;

/**
 * Whether, walking back from the trigger over at most `SETTING_GAP` words no item covers, each a
 * `plainWord`, a preposition of `prepositions` comes that no item covers either. Any other
 * preposition, an item or a token that is no plain word stops the walk.
 */
function prepositionBefore(
  ctx: Context,
  items: Item[],
  from: number,
  trigger: TriggerItem,
  prepositions: ReadonlySet<string>,
  plainWord: (token: string, index: number, ctx: Context) => boolean,
): boolean {
  const { text, compiled } = ctx;
  for (let i = trigger.start - 1; i >= Math.max(from, trigger.start - 1 - SETTING_GAP); i -= 1) {
    const token = text.norm[i] ?? '';
    const covered = itemAt(items, i) !== undefined;
    if (prepositions.has(token)) return !covered;
    if (covered || !plainWord(token, i, ctx) || compiled.prepositions.has(token)) return false;
  }
  return false;
}

/**
 * "membership is not on the table in the current negotiations": a trigger after a preposition of
 * setting (`lexicon.settingPrepositions`) that no item covers, with only plain words between (no
 * item, mention, preposition or punctuation), is where something is said or done, not what it is about.
 * "ready in principle to negotiate": a preposition between, and the trigger is no setting's.
 */
function inSetting(ctx: Context, items: Item[], from: number, trigger: TriggerItem): boolean {
  return prepositionBefore(ctx, items, from, trigger, ctx.compiled.words.settingPrepositions, isPlainSettingWord);
}

/**
 * A lowercase word that no mention of the sentence covers. A function of its own, given the
 * context, rather than a closure over the mentions: inSetting runs per trigger, and a closure made
 * per call cost ~2% of the extraction bench (under tsx every named closure is also given its name).
 */
function isPlainSettingWord(token: string, i: number, ctx: Context): boolean {
  return /^[a-z]/.test(token) && !coversToken(ctx.sentence.mentions, i);
}

/** Whether a mention covers token `i` (items have `itemAt`): a loop, not `some` with a closure per token. */
function coversToken(mentions: readonly Mention[], i: number): boolean {
  for (const m of mentions) if (m.start <= i && i < m.end) return true;
  return false;
}

/**
 * "strikes on Russian territory", "invaded Ukraine from its territory", "Not one soldier will be sent
 * to Ukrainian territory": a one-word trigger that is a place word (`lexicon.placeWords`) after a
 * preposition of place (`lexicon.placePrepositions`) that no item covers, with at most
 * `SETTING_GAP` words between that are no item (a country's adjective may be), says where something
 * is done, not that territory is given up.
 */
function namesPlace(ctx: Context, items: Item[], from: number, trigger: TriggerItem): boolean {
  const { text, compiled } = ctx;
  if (trigger.end - trigger.start !== 1 || !compiled.words.placeWords.has(text.norm[trigger.start] ?? '')) return false;
  return prepositionBefore(ctx, items, from, trigger, compiled.words.placePrepositions, (token) =>
    /^\p{L}/u.test(token),
  );
}

/**
 * What a trigger names, taken as it stands (its inverse when the trigger is inverted), with no
 * chain, condition or judgement read on it: a subject only named, or what a participle's agent does.
 */
function plainFinding(ctx: Context, trigger: TriggerItem, holder: Holder | undefined, at: number): Found {
  const entry = trigger.trigger;
  return {
    topic: entry.topic,
    proposition: propositionFor(ctx, entry, trigger, holder, at),
    sign: entry.inverted ? -1 : 1,
    conditional: false,
    indirect: false,
    judged: false,
  };
}

/**
 * "He would meet Putin in Budapest": a place wanted for the meeting is the meeting wanted, with the
 * venue's polarity (the codebook's `venues.meeting`), unless the clause already takes a stance on
 * that topic.
 */
function withImpliedMeeting(compiled: CompiledCodebook, found: Found[], venues: VenueFinding[]): Found[] {
  const meeting = compiled.venueMeeting;
  if (!meeting || venues.length === 0) return found;
  for (const f of found) if (f.topic === meeting.topic) return found;
  for (const venue of venues) {
    // A place a cue names ("offered Minsk as a venue") says where, not that a meeting is wanted.
    if (!isPlace(venue) || venue.sign < 0 || venue.conditional || venue.objectOnly) continue;
    return addTo(found, NO_FOUND, {
      topic: meeting.topic,
      proposition: meeting.proposition,
      sign: 1,
      conditional: false,
      indirect: false,
      judged: false,
    });
  }
  return found;
}

/** The actor after a trigger that ends in a participle and "by": "mediated by the Emirates", "brokered by Turkey". */
function participleAgent(ctx: Context, trigger: TriggerItem): Mention | undefined {
  const { text, compiled, sentence } = ctx;
  // The agent marker closes the trigger ("brokered by") or follows it ("mediated by").
  let at = trigger.end;
  if (!compiled.words.agentMarkers.has(text.norm[at - 1] ?? '')) {
    if (!(text.norm[at - 1] ?? '').endsWith('ed') || !compiled.words.agentMarkers.has(text.norm[at] ?? '')) {
      return undefined;
    }
    at += 1;
  }
  if (compiled.words.definiteArticles.has(text.norm[at] ?? '')) at += 1;
  for (const m of sentence.mentions) if (m.start === at && actorOf(m) && !m.possessive) return m;
  return undefined;
}

/** The mention with an actor right before a noun cue ("Russia's demand"). */
function possessorOf(text: AnalysedText, mentions: Mention[], nominal: Item): Mention | undefined {
  for (const m of mentions) {
    if (
      actorOf(m) &&
      (m.end === nominal.start || (m.end + 1 === nominal.start && possessiveBefore(text, nominal.start)))
    ) {
      return m;
    }
  }
  return undefined;
}

/**
 * Whether every cue in [from, to) is an act in the active voice ("have stalled", "ended"), none a
 * word of stance nor a passive ("insisted that the flow of arms be halted" asks for the act).
 */
function onlyActs(items: Item[], from: number, to: number): boolean {
  for (const item of items) {
    if (item.kind !== 'cue' || item.start < from || item.end > to) continue;
    if (item.cueKind !== 'action' || item.passive) return false;
  }
  return true;
}

function holdsAlready(holders: Holder[], actor: string): boolean {
  for (const h of holders) if (actorOfHolder(h) === actor) return true;
  return false;
}

/**
 * A time condition ("once", "the day") with no party named in it, said of a holder not named in
 * its clause, in a sentence that names a proposition before the condition ("elections would be
 * held as soon as a ceasefire was in place") or a party of its own in the clause it attaches to
 * ("our units will be ready to go the day a truce is signed"): the condition is the time of that
 * stance or act, not something the holder asks for. A condition that opens the sentence before the
 * end it sets ("The day the West stops sending weapons, the war is over") still asks.
 */
function timeOfAnotherStance(sentence: Sentence, clause: Clause, target: Clause): boolean {
  for (const mention of sentence.mentions) {
    if (mention.start >= clause.start && mention.start < clause.end) return false;
  }
  for (const item of sentence.items) {
    if (item.kind === 'trigger' && item.start < clause.start) return true;
  }
  for (const mention of sentence.mentions) {
    if (mention.start >= target.start && mention.start < target.end) return true;
  }
  return false;
}

/**
 * Whether the condition `clause` names no party, and the sentence no proposition outside it: a
 * time ("once a truce is signed"), not something asked of anyone.
 */
function onlyATime(sentence: Sentence, clause: Clause): boolean {
  for (const mention of sentence.mentions) {
    if (mention.start >= clause.start && mention.start < clause.end) return false;
  }
  for (const item of sentence.items) {
    if (item.kind === 'trigger' && (item.start < clause.start || item.start >= clause.end)) return false;
  }
  return true;
}
