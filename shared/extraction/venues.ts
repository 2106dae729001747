import { chainOf, hasModalOrNegator } from './chain';
import type { CompiledCodebook } from './codebook/compile';
import type { AnalysedText } from './nlp';
import { afterOccasion, type Clause, type Item } from './structure';

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
}

const LIST_GLUE = new Set(['or', 'and', ',', 'nor', 'the', 'in', 'at', 'either']);

/** What a clause with no venue context yields (shared; callers only read it). */
const NO_FINDINGS: VenueFinding[] = [];

export function findVenues(
  compiled: CompiledCodebook,
  text: AnalysedText,
  clause: Clause,
  items: readonly Item[],
  holderEnd: number,
  holder: { actor?: string } | undefined,
): VenueFinding[] {
  const matches = compiled.venue.scanAll(text, clause.start, clause.end);
  // "at talks in Jeddah" is where something else happened, not a stance on where talks should be.
  let context = false;
  for (const m of matches) {
    if ((m.payload === 'context' || m.payload === 'host') && !afterOccasion(compiled, text, m.start, clause.start)) {
      context = true;
      break;
    }
  }
  if (!context) return NO_FINDINGS;
  const findings: VenueFinding[] = [];

  for (const match of matches) {
    if (match.payload !== 'any') continue;
    const chain = stanceAt(items, holderEnd, match.start);
    if (chain) push(findings, 'any', chain.sign, chain.conditional);
  }

  const scopes = matches
    .filter((m) => m.payload === 'except' || m.payload === 'including')
    .sort((a, b) => a.start - b.start);
  const places = compiled.places.scan(text, clause.start, clause.end).filter((p) => text.capital[p.end - 1]);
  let previousPlaceEnd = -1;
  for (const place of places) {
    if (text.possessive[place.end - 1]) break;
    let before = place.start - 1;
    while (before >= clause.start && text.norm[before] === 'the') before -= 1;
    const afterLocative = matches.some((m) => m.payload === 'locative' && m.end === before + 1);
    const afterCue = items.some((item) => item.kind === 'cue' && item.end === before + 1);
    const scope = [...scopes].reverse().find((s) => s.end <= place.start);
    const inScope =
      scope !== undefined &&
      text.norm.slice(scope.end, place.start).every((token) => LIST_GLUE.has(token) || token === '');
    const continuesList =
      previousPlaceEnd >= 0 && text.norm.slice(previousPlaceEnd, place.start).every((token) => LIST_GLUE.has(token));
    if (!afterLocative && !afterCue && !inScope && !continuesList) continue;
    const scopeOfPlace = scope && (inScope || continuesList) ? scope : undefined;
    const chain = stanceAt(items, holderEnd, scopeOfPlace ? scopeOfPlace.start : place.start);
    previousPlaceEnd = place.end;
    if (!chain) continue;
    const flip = scopeOfPlace?.payload === 'except' ? -1 : 1;
    push(findings, place.payload, chain.sign * flip, chain.conditional);
  }

  // "Turkey offered to host the talks": the host's own country.
  const host = matches.find((m) => m.payload === 'host');
  if (host && findings.length === 0 && holder?.actor && compiled.actorKinds.get(holder.actor) === 'country') {
    const chain = stanceAt(items, holderEnd, host.start);
    if (chain) push(findings, holder.actor, chain.sign, chain.conditional);
  }
  return findings;
}

/** The first finding for a place stands. */
function push(findings: VenueFinding[], place: string, sign: number, conditional: boolean): void {
  if (!findings.some((f) => f.place === place)) findings.push({ place, sign, conditional });
}

/** The holder's stance words up to `position`, if there are any. */
function stanceAt(items: readonly Item[], holderEnd: number, position: number) {
  const chain = chainOf(items, holderEnd, position);
  const present = chain.hasCue || hasModalOrNegator(items, holderEnd, position);
  return present ? chain : undefined;
}
