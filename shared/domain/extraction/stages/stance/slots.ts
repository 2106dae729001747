import type { TriggerEntry } from '../../codebook/compile';
import type { AnalysedText } from '../../nlp';
import { actorOfHolder, type Holder } from '../discourse';
import { type Item, possessiveBefore } from '../items';
import { actorOf, type Mention, mentionAt } from '../mentions';
import type { Context } from './context';

/**
 * A proposition's slot, filled from the sentence: "sanctions against Moscow" → `sanctions:russia`,
 * "funding from its European allies" → `funding:european-union`; the ways a slot is filled
 * (adjective, possessive, preposition, subject, holder) are the codebook's.
 */

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
    if (m.end > to || m.start < from || m.object) continue;
    const actor = actorOf(m);
    if (actor) return actor;
  }
  return undefined;
}

/** A number written in digits ("14", "2,000"): a quantity, skipped like a determiner before a slot's actor. */
function isNumeral(token: string): boolean {
  return /^\d[\d,.]*$/.test(token);
}

/**
 * The first token from `from` (and before `limit`) past determiners and numbers: where a slot's
 * actor starts ("on the 14 Iranian entities", "sanction two Chinese banks").
 */
function pastQuantifiers(ctx: Context, from: number, limit = Number.POSITIVE_INFINITY): number {
  const { text } = ctx;
  const determiners = ctx.compiled.words.slotDeterminers;
  let probe = from;
  while (probe < limit && (determiners.has(text.norm[probe] ?? '') || isNumeral(text.norm[probe] ?? ''))) probe += 1;
  return probe;
}

function isPreposition(prepositions: readonly string[], token: string): boolean {
  for (const preposition of prepositions) if (preposition.toLowerCase() === token) return true;
  return false;
}

/** How far before the trigger a listing word is looked for, and how far its object may run. */
const LISTING_REACH = 12;
const LISTED_OBJECT_REACH = 4;

/**
 * The actor put on the trigger's list: a listing word within reach before the trigger, its object
 * (past determiners and numbers) a mention, and one of `into` between that mention and the trigger
 * ("add eleven Chinese companies to its sanctions list" → china). None when anything is missing.
 */
function listedActor(
  ctx: Context,
  listedBy: readonly string[],
  into: readonly string[],
  at: number,
): string | undefined {
  const { sentence, text } = ctx;
  for (let k = at - 1; k >= Math.max(sentence.first, at - LISTING_REACH); k -= 1) {
    if (!isPreposition(listedBy, text.norm[k] ?? '')) continue;
    const probe = pastQuantifiers(ctx, k + 1, Math.min(at, k + LISTED_OBJECT_REACH + 1));
    const mention = mentionAt(sentence.mentions, probe);
    if (!mention || mention.end >= at) return undefined;
    for (let j = mention.end; j < at; j += 1) {
      if (isPreposition(into, text.norm[j] ?? '')) return actorOf(mention);
    }
    return undefined;
  }
  return undefined;
}

/** The proposition id, with its slot filled ("sanctions:russia", "funding:european-union"). */
export function propositionFor(
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
        actor = usable(actorOf(before), excluded);
      }
    } else if (way === 'prepositions') {
      let probe = trigger.end;
      const next = text.norm[probe] ?? '';
      if (isPreposition(slot.prepositions, next)) {
        probe = pastQuantifiers(ctx, probe + 1);
        const mention = mentionAt(sentence.mentions, probe);
        actor = usable(mention ? actorOf(mention) : undefined, excluded);
      }
    } else if (way === 'listed') {
      actor = usable(listedActor(ctx, slot.listedBy, slot.listedInto, trigger.start), excluded);
    } else if (way === 'object') {
      // The trigger as a verb, its object right after it (past determiners and numbers) the actor.
      if (trigger.end - trigger.start === 1 && isPreposition(slot.verbs, text.norm[trigger.start] ?? '')) {
        const mention = mentionAt(sentence.mentions, pastQuantifiers(ctx, trigger.end));
        actor = usable(mention ? actorOf(mention) : undefined, excluded);
      }
    } else if (way === 'subject') {
      actor = usable(lastSubjectActor(sentence.mentions, stanceStart, trigger.start), excluded);
    } else if (way === 'holder') {
      actor = usable(actorOfHolder(holder), excluded);
    }
    if (actor) {
      const proposition = `${slot.namespace}:${actor}`;
      if (way === 'prepositions' || way === 'listed' || way === 'object') {
        ctx.discourse.slotTargets ??= new Set();
        ctx.discourse.slotTargets.add(proposition);
      }
      return proposition;
    }
  }
  // "China firmly opposes unilateral sanctions", after the story named Chinese firms as their
  // target: a holder the document named as the slot's target speaks of its own (rules@1.89.0).
  const own = usable(actorOfHolder(holder), excluded);
  if (own && ctx.discourse.slotTargets?.has(`${slot.namespace}:${own}`)) return `${slot.namespace}:${own}`;
  return slot.default ? `${slot.namespace}:${slot.default}` : entry.proposition;
}
