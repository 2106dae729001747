import { chainOf, hasModalOrNegator } from './chain';
import type { CompiledCodebook, VenueKind } from './codebook/compile';
import type { PatternMatch } from './matcher';
import { type AnalysedText, isCapitalised, tokenType } from './nlp';
import type { Clause } from './stages/clauses';
import { afterOccasion, hostsSomethingElse, type Item } from './stages/items';

/**
 * Venue stances as sets: in a clause about where talks happen, "anywhere" is `venue:any`, a place
 * after a locative ("in Istanbul") or right after a cue ("rejected Minsk") is `venue:<country>`,
 * and the places after "except" take the opposite polarity while those after "including" keep it:
 * "anywhere, except in Russia or Belarus … including in Hungary" gives any+, russia−, belarus−,
 * hungary+. A possessive place ("Moscow's close ally") describes, it is not a venue.
 */

export interface VenueFinding {
  /** A country id, or "any". */
  place: string;
  sign: number;
  conditional: boolean;
  /** Named only as the object of a cue ("offered Minsk"), with no locative, list or host verb. */
  objectOnly: boolean;
  /**
   * Where a meeting was to be that the holder acts against ("called off the summit in Helsinki"):
   * no stance on the place, but still what the clause is about.
   */
  againstMeeting: boolean;
}

/** Marks that may join the places of a list, beside the lexicon's `placeListWords`. */
const LIST_MARKS: ReadonlySet<string> = new Set([',']);

/** What a clause with no venue context yields (shared; callers only read it). */
const NO_FINDINGS: VenueFinding[] = [];
/** The scopes of a clause without "except" or "including" (shared; only read). */
const NO_SCOPES: VenueMatch[] = [];

type VenueMatch = PatternMatch<VenueKind>;

/**
 * "assets held mainly in Belgium", "funds held in London": a participle of keeping right after a
 * noun that is no meeting's (`meetingGuests`) says where a thing is kept, not where to meet. "The
 * talks will be held in Geneva" and "talks held in Istanbul" stay about the meeting.
 */
function keptThing(compiled: CompiledCodebook, text: AnalysedText, start: number, end: number, floor: number): boolean {
  if (end - start !== 1 || !compiled.keptParticiples.has(text.norm[start] ?? '') || start - 1 < floor) return false;
  const before = text.norm[start - 1] ?? '';
  const { words } = compiled;
  return (
    tokenType(text, start - 1) === 'word' &&
    !compiled.beForms.has(before) &&
    !words.meetingGuests.has(before) &&
    !words.verbGroupAdverbs.has(before) &&
    !words.focusAdverbs.has(before) &&
    !words.relatives.has(before) &&
    !compiled.determiners.has(before)
  );
}

/**
 * "would be in Riyadh", "will not be in Minsk": a verb group (a modal or negator) right at `from`
 * and no stance word (cue) after it in the clause: the holder only says where it will be.
 */
function presenceAt(items: readonly Item[], from: number, end: number): boolean {
  let group = false;
  for (const item of items) {
    if (item.start < from || item.start >= end) continue;
    if (item.kind === 'cue') return false;
    if ((item.kind === 'modal' || item.kind === 'negator') && item.start === from) group = true;
  }
  return group;
}

export function findVenues(
  compiled: CompiledCodebook,
  text: AnalysedText,
  clause: Clause,
  items: readonly Item[],
  holderEnd: number,
  /** The actor of the clause's first holder, if it has one. */
  holderActor: string | undefined,
): VenueFinding[] {
  const matches = compiled.venue.scanAll(text, clause.start, clause.end);
  // "at talks in Jeddah" is where something else happened, not a stance on where talks should be.
  let context = false;
  // "Turkey offered to host the talks": the host's own country.
  const host = firstOf(matches, 'host');
  // "offered to host a film festival in Budapest": a host of something else is no meeting.
  const hostsElse = host !== undefined && hostsSomethingElse(compiled, text, host.start + 1, clause.end);
  for (const m of matches) {
    if ((m.payload === 'context' || m.payload === 'host') && !afterOccasion(compiled, text, m.start, clause.start)) {
      if (hostsElse && m.start === host.start) continue;
      if (m.payload === 'context' && keptThing(compiled, text, m.start, m.end, clause.start)) continue;
      context = true;
      break;
    }
  }
  // "Kyiv's delegation would be in Riyadh": a party to the meeting says where it will be.
  const delegation = holderEnd > clause.start && compiled.words.delegationHeads.has(text.norm[holderEnd - 1] ?? '');
  if (!context && delegation && presenceAt(items, holderEnd, clause.end)) context = true;
  if (!context) return NO_FINDINGS;
  // Loops and helpers below rather than closures and copied lists: this runs per clause about venues.
  const findings: VenueFinding[] = [];

  for (const match of matches) {
    if (match.payload !== 'any') continue;
    const chain = stanceAt(items, holderEnd, match.start);
    if (chain) push(findings, 'any', chain.sign, chain.conditional, false, false);
  }

  const scopes = scopesOf(matches);
  let previousPlaceEnd = -1;
  for (const place of compiled.places.scan(text, clause.start, clause.end)) {
    // Only places written with a capital ("Geneva", "the Hungarian capital").
    if (!isCapitalised(text, place.end - 1) && !isCapitalised(text, place.start)) continue;
    if (text.possessive.has(place.end - 1)) {
      // "Ukraine's delegation would travel to Istanbul": the place owns the holder, the party to the meeting.
      if (delegation && place.end <= holderEnd) continue;
      break;
    }
    let before = place.start - 1;
    while (before >= clause.start && compiled.words.definiteArticles.has(text.norm[before] ?? '')) before -= 1;
    // "would travel to Geneva": a trip there reads as a locative.
    const arrival = endingAt(matches, 'arrival', before + 1);
    const locative = endingAt(matches, 'locative', before + 1) ?? arrival;
    // "the war in Ukraine": the place says where the war is.
    const afterLocative = locative !== undefined && !compiled.locatedNouns.has(text.norm[locative.start - 1] ?? '');
    const afterCue = cueEndsAt(items, before + 1);
    const scope = lastScopeBefore(scopes, place.start);
    const inScope = scope !== undefined && onlyGlue(compiled, text, scope.end, place.start, true);
    const continuesList = previousPlaceEnd >= 0 && onlyGlue(compiled, text, previousPlaceEnd, place.start, false);
    if (!afterLocative && !afterCue && !inScope && !continuesList) continue;
    // "urged Russia and Ukraine to return to talks": the cue's object is addressed, not a venue.
    if (!afterLocative && !inScope && !continuesList && addressedAfter(compiled, text, place.end, clause.end)) continue;
    const scopeOfPlace = scope && (inScope || continuesList) ? scope : undefined;
    const chain = stanceAt(items, holderEnd, scopeOfPlace ? scopeOfPlace.start : place.start);
    previousPlaceEnd = place.end;
    if (!chain) continue;
    const flip = scopeOfPlace?.payload === 'except' ? -1 : 1;
    // "Trump called off his summit with Putin in Helsinki": an act against the meeting, not the
    // place; only the host's own country ("Saudi Arabia cancelled the round in Riyadh") is refused.
    // "The delegation will not travel to Geneva": a trip not made is against the meeting, too.
    const againstMeeting =
      place.payload !== holderActor &&
      (opposeActBefore(items, holderEnd, place.start) ||
        meetingDeniedBefore(matches, clause.start, place.start) ||
        tripNotMade(arrival, afterLocative, chain.sign * flip));
    push(
      findings,
      place.payload,
      chain.sign * flip,
      chain.conditional,
      !afterLocative && !inScope && !continuesList,
      againstMeeting,
    );
  }

  // "a dinner hosted by the Dutch king": the agent hosts, not the holder; "the hosts" is a noun.
  const notHolders =
    host !== undefined &&
    (compiled.words.agentMarkers.has(text.norm[host.end] ?? '') ||
      compiled.determiners.has(text.norm[host.start - 1] ?? '') ||
      hostsElse);
  if (
    host &&
    !notHolders &&
    findings.length === 0 &&
    holderActor &&
    compiled.actorKinds.get(holderActor) === 'country'
  ) {
    const chain = stanceAt(items, holderEnd, host.start);
    if (chain) push(findings, holderActor, chain.sign, chain.conditional, false, false);
  }
  return findings;
}

/** The first finding for a place stands. */
function push(
  findings: VenueFinding[],
  place: string,
  sign: number,
  conditional: boolean,
  objectOnly: boolean,
  againstMeeting: boolean,
): void {
  for (const f of findings) if (f.place === place) return;
  findings.push({ place, sign, conditional, objectOnly, againstMeeting });
}

/** An act against something (a verb cue: "call off", "cancel", "suspend") in the tokens [from, to). */
function opposeActBefore(items: readonly Item[], from: number, to: number): boolean {
  for (const item of items) {
    if (item.start < from || item.end > to) continue;
    if (item.kind === 'cue' && item.polarity === 'oppose' && item.cueKind === 'action' && !item.nominal) return true;
  }
  return false;
}

/** A trip to the place (`venues.arrivals`), read as its locative, under a negative stance. */
function tripNotMade(arrival: VenueMatch | undefined, afterLocative: boolean, sign: number): boolean {
  return arrival !== undefined && afterLocative && sign < 0;
}

/**
 * "There will be no meeting in Geneva": a meeting said not to happen (`venues.denials`) in the
 * tokens [from, to) is a cancellation, an act against the meeting, not a stance on its place.
 */
function meetingDeniedBefore(matches: readonly VenueMatch[], from: number, to: number): boolean {
  for (const m of matches) if (m.payload === 'denial' && m.start >= from && m.end <= to) return true;
  return false;
}

const isScope = (m: VenueMatch) => m.payload === 'except' || m.payload === 'including';
const byStart = (a: VenueMatch, b: VenueMatch) => a.start - b.start;

/** The "except" and "including" matches, in order. */
function scopesOf(matches: readonly VenueMatch[]): VenueMatch[] {
  for (const m of matches) if (isScope(m)) return matches.filter(isScope).sort(byStart);
  return NO_SCOPES;
}

/** The last scope that ends by `position`. */
function lastScopeBefore(scopes: readonly VenueMatch[], position: number): VenueMatch | undefined {
  for (let k = scopes.length - 1; k >= 0; k -= 1) if (scopes[k]!.end <= position) return scopes[k];
  return undefined;
}

function firstOf(matches: readonly VenueMatch[], payload: VenueKind): VenueMatch | undefined {
  for (const m of matches) if (m.payload === payload) return m;
  return undefined;
}

function endingAt(matches: readonly VenueMatch[], payload: VenueKind, end: number): VenueMatch | undefined {
  for (const m of matches) if (m.payload === payload && m.end === end) return m;
  return undefined;
}

function cueEndsAt(items: readonly Item[], end: number): boolean {
  for (const item of items) if (item.kind === 'cue' && item.end === end) return true;
  return false;
}

/**
 * After places named as a cue's object, the infinitive marker (`lexicon.addressees`) before a verb:
 * "urged Russia and Ukraine (on Friday) to return", "called on Moscow and Kyiv to lay down their
 * weapons". Between them only capitalised names, list glue and a day or time ("on Friday"); after
 * it no capital and no determiner ("to Geneva", "to the table" may still name a place).
 */
function addressedAfter(compiled: CompiledCodebook, text: AnalysedText, from: number, to: number): boolean {
  const { words } = compiled;
  const end = Math.min(to, text.norm.length);
  for (let i = from; i < end; i += 1) {
    const token = text.norm[i]!;
    if (words.addressees.has(token)) {
      const next = text.norm[i + 1] ?? '';
      return (
        i + 1 < end &&
        !isCapitalised(text, i + 1) &&
        !compiled.determiners.has(next) &&
        !words.definiteArticles.has(next) &&
        /^\p{L}/u.test(next)
      );
    }
    if (words.placeListWords.has(token) || LIST_MARKS.has(token) || token === '' || isCapitalised(text, i)) continue;
    if (words.occasionTimes.has(token)) continue;
    if (compiled.prepositions.has(token) && words.occasionTimes.has(text.norm[i + 1] ?? '')) continue;
    return false;
  }
  return false;
}

/** Only list glue (and, with `emptyToo`, empty tokens) in the tokens [from, to). */
function onlyGlue(
  compiled: CompiledCodebook,
  text: AnalysedText,
  from: number,
  to: number,
  emptyToo: boolean,
): boolean {
  const glue = compiled.words.placeListWords;
  const end = Math.min(to, text.norm.length);
  for (let i = from; i < end; i += 1) {
    const token = text.norm[i]!;
    if (!glue.has(token) && !LIST_MARKS.has(token) && !(emptyToo && token === '')) return false;
  }
  return true;
}

/** The holder's stance words up to `position`, if there are any. */
function stanceAt(items: readonly Item[], holderEnd: number, position: number) {
  const chain = chainOf(items, holderEnd, position);
  const present = chain.hasCue || hasModalOrNegator(items, holderEnd, position);
  return present ? chain : undefined;
}
