import type { Attribution, Polarity } from '../../../../../events/statement';
import type { CompiledCodebook } from '../../codebook/compile';
import type { Evidence } from '../../confidence';
import { type AnalysedText, hasWordIn, paragraphStart } from '../../nlp';
import type { VenueFinding } from '../../venues';
import { actorOfHolder, type Holder, type HolderWithActor, personOfHolder } from '../discourse';
import type { Frame } from '../frames';
import { type CueItem, type Item, meetingSpanAt } from '../items';
import type { ClauseState } from './clause-reading';
import { addDraft, type Context } from './context';
import type { Found } from './findings';

/**
 * Drafts of statements: for each holder of a clause and each proposition or venue found, the
 * polarity (a condition makes it conditional), the attribution (direct, reported, or hearsay with
 * `reportedBy`) and the evidence the confidence is computed from.
 */

export const isPlace = (venue: VenueFinding) => venue.place !== 'any';

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

export function emit(
  ctx: Context,
  state: ClauseState,
  holders: Holder[],
  found: Found[],
  venues: VenueFinding[],
): void {
  const { compiled, text, sentence } = ctx;
  const { clause, frame, quoted } = state;
  // A condition clause is drafted only for what its condition asks (indirect findings, no venues).
  const conditionalClause = clause.kind === 'stance' && clause.conditional;
  // A trade ("in exchange for", "in return for") refused in the holder's words ("would not hand
  // over Donbas in exchange for a ceasefire", "would not give up its goal of joining NATO in
  // exchange for anything") is a plain stance, whatever its sign; a trade offered ("would set aside
  // its bid to join NATO in return for security guarantees") keeps its condition (case 3 of the
  // corpus README).
  const refusedTrade = clause.kind === 'stance' && clause.trade && negatorIn(sentence.items, clause.start, clause.end);
  const speaker = state.speakers[0];
  // An analyst's reading is no stance, whatever actor it names (the corpus README: analysts are no actors).
  if (state.byAnalyst) return;
  const hasPlaces = venues.some(isPlace);
  // "cancelled the summit in Geneva": the places the clause names only say where a meeting the
  // holder acts against was to be; the act is against the meeting, not a stance on where it is.
  // Only an act one holder does in the clause the sentence reports (not one "after" opens), whose
  // object is the meeting: "negotiators ended their week of talks in Geneva" tells how a round went.
  const onlyMeetingPlaces =
    hasPlaces &&
    venues.every((venue) => !isPlace(venue) || venue.againstMeeting) &&
    holders.length === 1 &&
    !openedBySubordinator(compiled, clause.openedBy) &&
    meetingAfterAct(compiled, text, state);
  // Whether the clause is about a venue, asked only for an opposition to talks.
  let aboutVenue: boolean | undefined;
  // Whether a meeting in the clause is placed in a place described, not named; asked only for talks.
  let describedPlace: boolean | undefined;
  const act = state.firstCue?.cueKind === 'action';
  const framed = frame !== undefined && speaker !== undefined;
  // "Belarus hosted the first rounds of talks in February of that year", in the fourth paragraph:
  // an act the narrator tells after the lead (its paragraph starts past token 0) is the story's
  // background (case 2 of the corpus README), not the news the lead reports. An act in a clause a
  // subordinator opens ("…, after Trump imposed sanctions") is the setting of what the sentence
  // reports, and is read as before.
  if (
    act &&
    !quoted &&
    !framed &&
    !openedBySubordinator(compiled, clause.openedBy) &&
    paragraphStart(text, sentence.first) > 0 &&
    !(
      sourcedAfter(compiled, text, sentence.items, clause.start) &&
      !hasWordIn(text, compiled.words.pluperfectAuxiliaries, clause.start, state.firstCue?.start ?? clause.end)
    )
  ) {
    return;
  }
  // "…, two weeks after Slovakia blocked it", "a week after Germany halted its first shipment": an
  // act the narrator dates to an interval before the news is recalled background too (case 2).
  if (act && !quoted && !framed && recalledAfterInterval(compiled, text, clause.start, clause.openedBy)) return;
  // "negotiators ended their second week of talks … without agreeing a ceasefire", "delegations
  // ended a day of talks … with an offer to exchange prisoners": an opposing act on a span of talks
  // tells how the meeting went, told by the narrator or a speaker; it is no stance on the meeting
  // nor on what the sentence goes on to name.
  if (act && meetingSpanEnded(compiled, text, state)) return;
  // The same for every holder: an act the narrator tells, counted "since" a year.
  let sinceYear =
    act && !quoted && !framed ? yearAfter(compiled.words.sinceWords, 3, text, clause.start, sentence.last + 1) : 0;
  // "delegations met in Istanbul three times in 2025, agreeing prisoner exchanges but no ceasefire":
  // any stance the narrator tells, dated to a year, is the same background when the year is before
  // the story's and the sentence names no day of the story (checked with the statement's date).
  if (sinceYear === 0 && !quoted && !framed)
    sinceYear = yearAfter(compiled.words.yearWords, 2, text, sentence.first, sentence.last + 1);
  for (const holder of holders) {
    if (holder.kind === 'source' || !holder.actor) continue;
    const attribution = attributionFor(holder, speaker, state.firstCue, frame, state.reporter);
    // Evidence is only read (confidenceOf): the drafts of one holder share it.
    const evidence: Evidence = {
      quoted,
      framed,
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
      act,
      cue: state.firstCue?.cueKind,
      conditioned: conditionalClause,
    };
    let indirectEvidence: Evidence | undefined;
    const dateWindow: [number, number] =
      frame && frame.kind !== 'quote' ? frame.head : [sentence.first, Math.min(state.stanceStart, clause.end)];
    const speakerName =
      holder.kind === 'person'
        ? holder.person
        : attribution.reportedBy || holder.actor === actorOfHolder(speaker)
          ? personOfHolder(speaker)
          : undefined;
    // Drafts are built whole (no spreads): one object shape, made in the inner loop.
    const speakerOfDraft = speakerName || undefined;
    const reportedBy = attribution.reportedBy || undefined;
    for (const f of found) {
      const conditioned = conditionalClause && !f.indirect && !refusedTrade;
      const value = polarity(f.sign, f.conditional, conditioned);
      // "Talks cannot take place in Minsk" is about the venue, not about talks.
      if (value === 'oppose' && compiled.meetingTopics.has(f.topic)) {
        aboutVenue ??=
          !onlyMeetingPlaces &&
          (hasPlaces || talksBeforeLocative(compiled, text, state) || talksSentToPlace(compiled, text, state));
        if (aboutVenue) continue;
      }
      // "talks would never be held in a country that lent its territory", "troubling that the
      // meeting would take place in a country that …": a stance on a place described, not named,
      // which the rules cannot name; the meeting is not what is judged.
      if (!hasPlaces && compiled.meetingTopics.has(f.topic)) {
        describedPlace ??= meetingInDescribedPlace(compiled, text, state);
        if (describedPlace) continue;
      }
      let evidenceOfFinding = evidence;
      if (f.indirect) {
        indirectEvidence ??= withFlags(evidence, true, evidence.act);
        evidenceOfFinding = indirectEvidence;
      }
      // "called sending the missiles a provocation": the act named is judged, not done.
      if (f.judged && evidenceOfFinding.act)
        evidenceOfFinding = withFlags(evidenceOfFinding, evidenceOfFinding.indirect, false);
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
        sinceYear,
      });
    }
    for (const venue of venues) {
      // "called off the summit in Helsinki": the clause is about the place, but takes no stance on it.
      if (venue.againstMeeting) continue;
      addDraft(ctx, {
        sentenceIndex: sentence.index,
        actor: holder.actor,
        speaker: speakerOfDraft,
        topic: compiled.venueTopic,
        proposition: `${compiled.venueTopic}:${venue.place}`,
        polarity: polarity(venue.sign, venue.conditional, conditionalClause && !refusedTrade),
        attribution: attribution.attribution,
        reportedBy,
        evidence,
        dateWindow,
        sinceYear,
      });
    }
  }
}

/** Whether a negator ("not", "never", `lexicon.negators`) stands in tokens [from, to). */
function negatorIn(items: readonly Item[], from: number, to: number): boolean {
  for (const item of items) if (item.kind === 'negator' && item.start >= from && item.start < to) return true;
  return false;
}

/**
 * The year written right after one of `words` in tokens [from, to), at most `reach` tokens after it,
 * or 0: after a "since" (`lexicon.sinceWords`: "since 2022", "since May 2025", reach 3) or after a
 * word that dates what the narrator tells (`lexicon.yearWords`: "in 2025", "in June 2022", reach 2).
 * No word list for the year: four digits, 1900 to 2099.
 */
function yearAfter(words: ReadonlySet<string>, reach: number, text: AnalysedText, from: number, to: number): number {
  for (let i = from; i < to; i += 1) {
    if (!words.has(text.norm[i] ?? '')) continue;
    for (let k = i + 1; k <= i + reach && k < to; k += 1) {
      const token = text.norm[k] ?? '';
      if (token.length !== 4) continue;
      const year = Number(token);
      if (Number.isInteger(year) && year >= 1900 && year <= 2099) return year;
    }
  }
  return 0;
}

/**
 * A trigger of a meetings topic after the clause's first cue, an act against something done by a
 * verb; not a verb joined to the word before by a hyphen ("open-ended talks" is an adjective).
 */
function meetingAfterAct(compiled: CompiledCodebook, text: AnalysedText, state: ClauseState): boolean {
  const cue = state.firstCue;
  if (cue?.cueKind !== 'action' || cue.polarity !== 'oppose' || cue.nominal) return false;
  if (text.text[(text.start[cue.start] ?? 0) - 1] === '-') return false;
  return state.triggers.some(
    (trigger) => compiled.meetingTopics.has(trigger.trigger.topic) && trigger.start >= cue.end,
  );
}

/**
 * "Talks in Minsk": a trigger of a meetings topic followed closely by a locative. Not a locative
 * that starts an idiom (`lexicon.locativeIdioms` right after it: "did not want talks at all",
 * "negotiate at once"), which names no place (rules@1.79.0).
 */
function talksBeforeLocative(compiled: CompiledCodebook, text: AnalysedText, state: ClauseState): boolean {
  const { clause } = state;
  const idioms = compiled.words.locativeIdioms;
  return state.triggers.some(
    (trigger) =>
      compiled.meetingTopics.has(trigger.trigger.topic) &&
      compiled.venue
        .scanAll(text, trigger.end, Math.min(clause.end, trigger.end + 2))
        .some((m) => m.payload === 'locative' && !idioms.has(text.norm[m.end] ?? '')),
  );
}

/**
 * "will not send a delegation to Minsk", "negotiators to Switzerland", "a delegation to a country
 * from which missiles were fired": a trigger of a meetings topic followed by a word of destination
 * (`lexicon.destinations`) and a place, named (`places`) or described (`lexicon.placeNouns` within
 * three words). Refusing to go there is a stance on the venue, not on talks.
 */
function talksSentToPlace(compiled: CompiledCodebook, text: AnalysedText, state: ClauseState): boolean {
  const { clause } = state;
  for (const trigger of state.triggers) {
    if (!compiled.meetingTopics.has(trigger.trigger.topic)) continue;
    const at = trigger.end;
    if (at + 1 >= clause.end || !compiled.words.destinations.has(text.norm[at] ?? '')) continue;
    let place = at + 1;
    while (place < clause.end && compiled.words.definiteArticles.has(text.norm[place] ?? '')) place += 1;
    if (compiled.places.startsAt(text, place)) return true;
    if (hasWordIn(text, compiled.words.placeNouns, at + 1, Math.min(clause.end, at + 4))) return true;
  }
  return false;
}

/**
 * A trigger of a meetings topic followed, in its clause, by a locative and, within three words, a
 * noun for a place (`lexicon.placeNouns`: "in a country that …", "at a place where …").
 */
function meetingInDescribedPlace(compiled: CompiledCodebook, text: AnalysedText, state: ClauseState): boolean {
  const { clause } = state;
  for (const trigger of state.triggers) {
    if (!compiled.meetingTopics.has(trigger.trigger.topic)) continue;
    for (const match of compiled.venue.scanAll(text, trigger.end, clause.end)) {
      if (match.payload !== 'locative') continue;
      if (hasWordIn(text, compiled.words.placeNouns, match.end, Math.min(clause.end, match.end + 4))) return true;
    }
  }
  return false;
}

/** A copy of `evidence` with `indirect` and `act` set (built whole: one object shape for every draft). */
function withFlags(evidence: Evidence, indirect: boolean, act: boolean): Evidence {
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
    act,
    cue: evidence.cue,
    conditioned: evidence.conditioned,
  };
}

interface AttributionOf {
  readonly attribution: Attribution;
  readonly reportedBy?: string;
}

/** The attributions without a reporter, shared (they are only read). */
const REPORTED: AttributionOf = { attribution: 'reported', reportedBy: undefined };
const DIRECT: AttributionOf = { attribution: 'direct', reportedBy: undefined };

function attributionFor(
  holder: HolderWithActor,
  speaker: Holder | undefined,
  firstCue: CueItem | undefined,
  frame: Frame | undefined,
  reporter: HolderWithActor | undefined,
): AttributionOf {
  if (frame && speaker) {
    if (speaker.kind === 'source' || !speaker.actor) return REPORTED;
    if (holder.actor !== speaker.actor) return { attribution: 'reported', reportedBy: speaker.actor };
    // "Rubio said Lavrov had told him Moscow was ready": Russia's stance as the US reports it.
    if (reporter?.actor && holder.actor !== reporter.actor)
      return { attribution: 'reported', reportedBy: reporter.actor };
    return DIRECT;
  }
  if (holder.kind === 'collective') return REPORTED;
  if (firstCue?.cueKind === 'action') return REPORTED;
  return DIRECT;
}

/** Tokens before a unit of time within which a preposition makes it a span, not an interval. */
const SPAN_PREPOSITION_REACH = 3;

/**
 * A clause opened by a subordinator ("after") right after a unit of time (`lexicon.intervalUnits`:
 * "two weeks after", "a day after"): what it tells was done that long before the news. A unit
 * that a preposition governs ("extended its sanctions for another year after …") measures how long
 * something lasts, not how long ago the act was.
 */
function recalledAfterInterval(
  compiled: CompiledCodebook,
  text: AnalysedText,
  start: number,
  openedBy: string | undefined,
): boolean {
  if (openedBy === undefined || !compiled.words.subordinators.has(openedBy)) return false;
  const unit = start - 2;
  if (!compiled.words.intervalUnits.has(text.norm[unit] ?? '')) return false;
  for (let i = unit - 1; i >= Math.max(0, unit - SPAN_PREPOSITION_REACH); i -= 1) {
    if (compiled.prepositions.has(text.norm[i] ?? '')) return false;
  }
  return true;
}

/** Tokens after an act within which the unit of time of a meeting's span may stand. */
const SPAN_UNIT_REACH = 4;

/**
 * An opposing act verb followed by a span of a meeting (`meetingSpanAt`) whose unit of time is within
 * four words: "ended their second week of talks", "ended five hours of talks", "ended a day of
 * humanitarian talks". Only the first unit of time is read.
 */
function meetingSpanEnded(compiled: CompiledCodebook, text: AnalysedText, state: ClauseState): boolean {
  const cue = state.firstCue;
  if (cue?.cueKind !== 'action' || cue.polarity !== 'oppose' || cue.nominal) return false;
  const last = Math.min(state.clause.end, cue.end + SPAN_UNIT_REACH);
  for (let unit = cue.end; unit < last; unit += 1) {
    if (!compiled.words.intervalUnits.has(text.norm[unit] ?? '')) continue;
    return meetingSpanAt(compiled, text, unit, state.clause.end);
  }
  return false;
}

/** At most this many words between the comma and the source's noun ("…, two EU diplomats said"). */
const SOURCE_WORDS = 4;

/**
 * "Hungary voted for the package in a written procedure, an EU official said", "…, officials said,
 * after …": an attribution to unnamed sources (`lexicon.reportingSources` right before a reporting
 * verb, a comma at most SOURCE_WORDS words before it) after the clause's start. An act so told in
 * a later paragraph is the news a source reports, not the story's background.
 */
function sourcedAfter(compiled: CompiledCodebook, text: AnalysedText, items: readonly Item[], from: number): boolean {
  for (const item of items) {
    if (item.kind !== 'reporting' || item.passive || item.start <= from + 1) continue;
    const noun = item.start - 1;
    if (!compiled.words.reportingSources.has(text.norm[noun] ?? '')) continue;
    for (let k = noun - 1; k >= Math.max(from, noun - SOURCE_WORDS); k -= 1) {
      if (text.norm[k] === ',') return true;
      if (!/^[\p{L}\p{N}]/u.test(text.norm[k] ?? '')) break;
    }
  }
  return false;
}

/** The clause opens with a subordinator ("after", "because"), alone or after a mark (", after"). */
function openedBySubordinator(compiled: CompiledCodebook, openedBy: string | undefined): boolean {
  if (openedBy === undefined) return false;
  const { subordinators } = compiled.words;
  const space = openedBy.indexOf(' ');
  return subordinators.has(openedBy) || (space > 0 && subordinators.has(openedBy.slice(space + 1)));
}
