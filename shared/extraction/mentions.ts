import type { CompiledCodebook, MarkerEntry, NameEntry, RoleEntry } from './codebook/compile';
import type { PatternMatch } from './matcher';
import type { AnalysedText } from './nlp';

/**
 * Who a sentence names: actors by name, demonym, capital or institution; people with their titles
 * ("Ukrainian President Volodymyr Zelensky", "Kremlin spokesman Dmitry Peskov"); roles ("Ukrainian
 * officials", "the Russian president"); pronouns and self-references to resolve later; analysts and
 * anonymous sources. Mentions are built from adjacent atoms, so the grammar of titles is general
 * rather than a list of full phrases.
 */

export type MentionKind =
  /** A named person, known to the codebook or introduced by a title ("Polish Foreign Minister Jan Nowak"). */
  | 'person'
  /** A representative without a name: "Ukrainian officials", "the Kremlin spokesman". */
  | 'role'
  /** A body that speaks for an actor: "the Kremlin", "the White House". */
  | 'institution'
  /** An actor by name or capital: "Ukraine", "Kyiv", "the US". */
  | 'country'
  /** An adjective alone ("European allies"): fills slots, is never a holder. */
  | 'demonym'
  /** "he", "she", "I": the last named person, or the speaker of the quote. */
  | 'pronoun'
  /** "we", "our": the speaker's actor inside reported speech. */
  | 'group'
  /** "the country", "his government", "it": the speaker's own actor. */
  | 'self'
  /** "the president", "the Ukrainian leader": the last named person (of that actor). */
  | 'roleRef'
  /** Analysts, unnamed sources, officials of no named actor. */
  | 'source';

export interface Mention {
  start: number;
  /** Exclusive. */
  end: number;
  kind: MentionKind;
  actor?: string;
  person?: string;
  /** After a preposition ("in Russia", "against Moscow"): not a subject. */
  object: boolean;
  /** Ends in a possessive ("Moscow's"). */
  possessive: boolean;
  source?: 'analyst' | 'anonymous';
  /** "I", "me": the speaker of the quote, not a third person. */
  firstPerson?: boolean;
}

// Both kinds carry `plural` (false for names): one object shape.
type Atom =
  | { kind: 'name'; start: number; end: number; entry: NameEntry; plural: boolean }
  | { kind: 'role'; start: number; end: number; entry: RoleEntry; plural: boolean };

const SKIP_BEFORE = new Set(['the', 'both', 'a', 'an', 'its', 'their', 'his', 'her', 'our', 'all', 'either']);
const PLURAL_EXCEPTIONS = new Set(['forces', 'troops', 'authorities', 'allies', 'partners', 'leadership', 'military']);

function nameAccepted(text: AnalysedText, match: PatternMatch<NameEntry>): boolean {
  // Names are capitalised in prose ("china" is porcelain, "turkey" a bird); check the last token.
  return text.capital[match.end - 1] === true;
}

function adjacent(text: AnalysedText, previousEnd: number, nextStart: number): boolean {
  if (previousEnd === nextStart) return true;
  // "Russia 's foreign minister": a separate possessive token between two atoms.
  if (previousEnd + 1 === nextStart) {
    const between = text.norm[previousEnd];
    return between === "'s" || between === '’s';
  }
  return false;
}

/** Taken's bits, reused from one sentence to the next (a Taken lives only while findMentions runs). */
let takenBuffer = new Uint8Array(256);

/** Which tokens of a sentence an atom already covers. */
class Taken {
  private readonly bits: Uint8Array;
  private readonly size: number;
  constructor(
    private readonly from: number,
    limit: number,
  ) {
    this.size = Math.max(0, limit - from);
    if (takenBuffer.length < this.size) takenBuffer = new Uint8Array(Math.max(this.size, takenBuffer.length * 2));
    this.bits = takenBuffer;
    this.bits.fill(0, 0, this.size);
  }
  has(index: number): boolean {
    const at = index - this.from;
    return at < this.size && this.bits[at] === 1;
  }
  add(start: number, end: number): void {
    this.bits.fill(1, start - this.from, end - this.from);
  }
  any(start: number, end: number): boolean {
    for (let i = start; i < end; i += 1) if (this.has(i)) return true;
    return false;
  }
}

/** A mention with every field present, so that all mentions share one shape. */
function mentionOf(start: number, end: number, kind: MentionKind, actor?: string, person?: string): Mention {
  return {
    start,
    end,
    kind,
    actor,
    person,
    object: false,
    possessive: false,
    source: undefined,
    firstPerson: undefined,
  };
}

/** Capitalised words after a title that are no known name: an unknown person ("Minister Jan Nowak"). */
function unknownNameAfter(text: AnalysedText, from: number, limit: number, taken: Taken): number {
  let end = from;
  while (end < limit && end - from < 3) {
    const value = text.value[end] ?? '';
    if (taken.has(end) || text.type[end] !== 'word' || !text.capital[end] || value.length < 2) break;
    end += 1;
    if (text.possessive[end - 1]) break;
  }
  return end;
}

/** `markers`: the sentence's marker matches, when the caller has them already. */
export function findMentions(
  compiled: CompiledCodebook,
  text: AnalysedText,
  from: number,
  to: number,
  markers: readonly PatternMatch<MarkerEntry>[] = compiled.markers.scan(text, from, to + 1),
): Mention[] {
  const limit = to + 1;
  const atoms: Atom[] = [];
  for (const match of compiled.names.scan(text, from, limit)) {
    if (nameAccepted(text, match))
      atoms.push({ kind: 'name', start: match.start, end: match.end, entry: match.payload, plural: false });
  }
  const taken = new Taken(from, limit);
  for (const atom of atoms) taken.add(atom.start, atom.end);
  const names = atoms.length;
  for (const match of compiled.roles.scan(text, from, limit)) {
    if (taken.any(match.start, match.end)) continue;
    const last = text.norm[match.end - 1] ?? '';
    const plural = last.endsWith('s') && !last.endsWith('ss') && !PLURAL_EXCEPTIONS.has(last);
    atoms.push({ kind: 'role', start: match.start, end: match.end, entry: match.payload, plural });
    taken.add(match.start, match.end);
  }
  // Both lists come in order; merging them is a (stable) sort only when both have atoms.
  if (names > 0 && atoms.length > names) sortByStart(atoms);

  // Group adjacent atoms into compounds: (actor)('s)? (title|honorific)* (person)?
  const groups: Atom[][] = [];
  for (const atom of atoms) {
    const current = groups[groups.length - 1];
    const previous = current?.[current.length - 1];
    const isPronounish = atom.kind === 'role' && atom.entry.kind !== 'title' && atom.entry.kind !== 'honorific';
    const previousPronounish =
      previous?.kind === 'role' && previous.entry.kind !== 'title' && previous.entry.kind !== 'honorific';
    if (current && previous && !isPronounish && !previousPronounish && adjacent(text, previous.end, atom.start)) {
      // A person ends a compound ("Zelensky Putin" are two mentions), unless it is possessive:
      // "Zelensky's office" speaks for him.
      let hasPerson = false;
      for (const a of current) if (a.kind === 'name' && a.entry.kind === 'person') hasPerson = true;
      if (!hasPerson || (text.possessive[previous.end - 1] && atom.kind === 'role')) {
        current.push(atom);
        continue;
      }
    }
    groups.push([atom]);
  }

  const mentions: Mention[] = [];
  for (const group of groups) {
    const mention = classify(text, group, limit, taken);
    if (mention) mentions.push(mention);
  }
  markCoordinatedRoles(text, mentions);
  const merged = mergeAppositions(text, mentions);
  addSources(markers, merged);
  for (const mention of merged) {
    mention.object = isObject(compiled, text, mention.start, from);
    mention.possessive = text.possessive[mention.end - 1] === true;
  }
  return sortByStart(merged);
}

/**
 * Sorts by start in place, keeping the order of equal starts (as Array.prototype.sort does): an
 * insertion sort, cheaper than the built-in on the few, nearly sorted items of a sentence.
 */
function sortByStart<T extends { start: number }>(items: T[]): T[] {
  for (let i = 1; i < items.length; i += 1) {
    const item = items[i]!;
    let j = i - 1;
    while (j >= 0 && items[j]!.start > item.start) {
      items[j + 1] = items[j]!;
      j -= 1;
    }
    items[j + 1] = item;
  }
  return items;
}

function classify(text: AnalysedText, group: Atom[], limit: number, taken: Taken): Mention | undefined {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const start = first.start;
  let person: NameEntry | undefined;
  let actorEntry: NameEntry | undefined;
  let lastTitle: Atom | undefined;
  for (const atom of group) {
    if (atom.kind === 'name') {
      actorEntry ??= atom.entry;
      if (atom.entry.kind === 'person') {
        person = atom.entry;
        break;
      }
    } else if (atom.entry.kind === 'title' || atom.entry.kind === 'honorific') lastTitle = atom;
  }
  if (person) return mentionOf(start, last.end, 'person', person.actor, person.person ?? '');
  if (first.kind === 'role' && group.length === 1 && first.entry.kind !== 'title' && first.entry.kind !== 'honorific') {
    if (first.entry.kind === 'personPronoun') {
      const mention = mentionOf(start, last.end, 'pronoun');
      const word = text.norm[first.start];
      mention.firstPerson = word === 'i' || word === 'me';
      return mention;
    }
    return mentionOf(start, last.end, first.entry.kind === 'groupPronoun' ? 'group' : 'self');
  }
  if (lastTitle) {
    const plural = lastTitle.kind === 'role' && lastTitle.plural;
    // A title followed by capitalised unknown words names a person: "Defence Minister Jan Nowak".
    const nameEnd = last === lastTitle && !plural ? unknownNameAfter(text, last.end, limit, taken) : last.end;
    if (nameEnd > last.end) {
      const name = text.value.slice(last.end, nameEnd).join(' ');
      return actorEntry
        ? mentionOf(start, nameEnd, 'person', actorEntry.actor, name)
        : mentionOf(start, nameEnd, 'source', undefined, name);
    }
    if (actorEntry) {
      const definite = text.norm[first.start - 1] === 'the';
      return mentionOf(start, last.end, definite && !plural ? 'roleRef' : 'role', actorEntry.actor);
    }
    // A title with no actor: "the president" refers back; "officials said" is an unnamed source.
    if (text.norm[first.start - 1] === 'the' && !plural) return mentionOf(start, last.end, 'roleRef');
    const source = mentionOf(start, last.end, 'source');
    source.source = 'anonymous';
    return source;
  }
  if (actorEntry) {
    if (actorEntry.kind === 'institution') return mentionOf(start, last.end, 'institution', actorEntry.actor);
    if (actorEntry.kind === 'demonym') return mentionOf(start, last.end, 'demonym', actorEntry.actor);
    return mentionOf(start, last.end, 'country', actorEntry.actor);
  }
  return undefined;
}

const COORDINATION = new Set(['and', 'or', ',', '&']);

/** "Ukrainian and European officials": the first demonym shares the title of the second. */
function markCoordinatedRoles(text: AnalysedText, mentions: Mention[]): void {
  for (let i = mentions.length - 2; i >= 0; i -= 1) {
    const current = mentions[i]!;
    const next = mentions[i + 1]!;
    if (current.kind !== 'demonym' && current.kind !== 'country') continue;
    if (next.kind !== 'role' && next.kind !== 'roleRef') continue;
    if (next.start - current.end !== 1 || !COORDINATION.has(text.norm[current.end] ?? '')) continue;
    if (current.kind === 'demonym') current.kind = 'role';
  }
}

/** A mention made of title words only ("a foreign policy aide"), not an analyst or an unnamed source. */
function isTitleOnly(text: AnalysedText, mention: Mention): boolean {
  return (
    mention.source === 'anonymous' &&
    text.type[mention.start] === 'word' &&
    !/source|insider/.test(text.norm[mention.end - 1] ?? '')
  );
}

/** Only commas and articles between two mentions, and at least one comma: "Peskov, the Kremlin spokesman". */
function onlyAppositionBetween(text: AnalysedText, from: number, to: number): boolean {
  let comma = false;
  for (let i = from; i < to; i += 1) {
    const token = text.norm[i];
    if (token === ',') comma = true;
    else if (token !== 'the' && token !== 'a' && token !== 'an') return false;
  }
  return comma;
}

/** "Dmitry Peskov, the Kremlin spokesman," is one mention: keep the person. */
function mergeAppositions(text: AnalysedText, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const mention of mentions) {
    const previous = out[out.length - 1];
    if (previous?.actor && (previous.actor === mention.actor || mention.kind === 'source')) {
      if (onlyAppositionBetween(text, previous.end, mention.start)) {
        if (
          previous.kind === 'person' &&
          (mention.kind === 'role' || mention.kind === 'roleRef' || mention.kind === 'institution')
        ) {
          previous.end = mention.end;
          continue;
        }
        // "Yuri Ushakov, a foreign policy aide to Putin,": a title after a named person describes them.
        if (previous.kind === 'person' && mention.kind === 'source' && !mention.actor && isTitleOnly(text, mention)) {
          previous.end = mention.end;
          continue;
        }
        if ((previous.kind === 'role' || previous.kind === 'roleRef') && mention.kind === 'person') {
          mention.start = previous.start;
          out[out.length - 1] = mention;
          continue;
        }
      }
    }
    out.push(mention);
  }
  return out;
}

function addSources(markers: readonly PatternMatch<MarkerEntry>[], mentions: Mention[]) {
  for (const match of markers) {
    const kind = match.payload.kind;
    if (kind !== 'analyst' && kind !== 'anonymous') continue;
    let overlapping: Mention | undefined;
    for (const m of mentions) {
      if (m.start < match.end && match.start < m.end) {
        overlapping = m;
        break;
      }
    }
    if (overlapping) {
      overlapping.source ??= kind;
      continue;
    }
    const source = mentionOf(match.start, match.end, 'source');
    source.source = kind;
    mentions.push(source);
  }
}

/** The mention follows a preposition (skipping determiners): an object, not a subject. */
export function isObject(
  compiled: CompiledCodebook,
  text: AnalysedText,
  start: number,
  sentenceStart: number,
): boolean {
  let i = start - 1;
  while (i >= sentenceStart && SKIP_BEFORE.has(text.norm[i] ?? '')) i -= 1;
  if (i < sentenceStart) return false;
  if (!compiled.prepositions.has(text.norm[i] ?? '')) return false;
  // "a group of US senators": the senators are the subject.
  const partitive = compiled.partitives.scanAll(text, Math.max(sentenceStart, i - 3), i + 1);
  return !partitive.some((match) => match.end === i + 1);
}
