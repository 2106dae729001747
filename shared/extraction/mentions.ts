import type { CompiledCodebook, NameEntry, RoleEntry } from './codebook/compile';
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

type Atom =
  | { kind: 'name'; start: number; end: number; entry: NameEntry }
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

/** Capitalised words after a title that are no known name: an unknown person ("Minister Jan Nowak"). */
function unknownNameAfter(text: AnalysedText, from: number, limit: number, taken: ReadonlySet<number>): number {
  let end = from;
  while (end < limit && end - from < 3) {
    const value = text.value[end] ?? '';
    if (taken.has(end) || text.type[end] !== 'word' || !text.capital[end] || value.length < 2) break;
    end += 1;
    if (text.possessive[end - 1]) break;
  }
  return end;
}

export function findMentions(compiled: CompiledCodebook, text: AnalysedText, from: number, to: number): Mention[] {
  const limit = to + 1;
  const atoms: Atom[] = [];
  for (const match of compiled.names.scan(text, from, limit)) {
    if (nameAccepted(text, match))
      atoms.push({ kind: 'name', start: match.start, end: match.end, entry: match.payload });
  }
  const taken = new Set<number>();
  for (const atom of atoms) for (let i = atom.start; i < atom.end; i += 1) taken.add(i);
  for (const match of compiled.roles.scan(text, from, limit)) {
    let overlaps = false;
    for (let i = match.start; i < match.end; i += 1) if (taken.has(i)) overlaps = true;
    if (overlaps) continue;
    const last = text.norm[match.end - 1] ?? '';
    const plural = last.endsWith('s') && !last.endsWith('ss') && !PLURAL_EXCEPTIONS.has(last);
    atoms.push({ kind: 'role', start: match.start, end: match.end, entry: match.payload, plural });
    for (let i = match.start; i < match.end; i += 1) taken.add(i);
  }
  atoms.sort((a, b) => a.start - b.start);

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
      const hasPerson = current.some((a) => a.kind === 'name' && a.entry.kind === 'person');
      if (!hasPerson || (text.possessive[previous.end - 1] && atom.kind === 'role')) {
        current.push(atom);
        continue;
      }
    }
    groups.push([atom]);
  }

  const mentions: Mention[] = [];
  for (const group of groups) {
    const mention = classify(compiled, text, group, limit, taken);
    if (mention) mentions.push(mention);
  }
  markCoordinatedRoles(text, mentions);
  const merged = mergeAppositions(text, mentions);
  addSources(compiled, text, from, limit, merged);
  for (const mention of merged) {
    mention.object = isObject(compiled, text, mention.start, from);
    mention.possessive = text.possessive[mention.end - 1] === true;
  }
  return merged.sort((a, b) => a.start - b.start);
}

function classify(
  _compiled: CompiledCodebook,
  text: AnalysedText,
  group: Atom[],
  limit: number,
  taken: ReadonlySet<number>,
): Mention | undefined {
  const first = group[0]!;
  const last = group[group.length - 1]!;
  const base = { start: first.start, end: last.end, object: false, possessive: false };
  const person = group.find((a) => a.kind === 'name' && a.entry.kind === 'person');
  if (person && person.kind === 'name') {
    return { ...base, kind: 'person', actor: person.entry.actor, person: person.entry.person ?? '' };
  }
  const actorAtom = group.find((a) => a.kind === 'name');
  const titles = group.filter((a) => a.kind === 'role' && (a.entry.kind === 'title' || a.entry.kind === 'honorific'));
  if (first.kind === 'role' && group.length === 1 && first.entry.kind !== 'title' && first.entry.kind !== 'honorific') {
    if (first.entry.kind === 'personPronoun') {
      const word = text.norm[first.start];
      return { ...base, kind: 'pronoun', firstPerson: word === 'i' || word === 'me' };
    }
    if (first.entry.kind === 'groupPronoun') return { ...base, kind: 'group' };
    return { ...base, kind: 'self' };
  }
  if (titles.length > 0) {
    const lastTitle = titles[titles.length - 1]!;
    const plural = lastTitle.kind === 'role' && lastTitle.plural;
    // A title followed by capitalised unknown words names a person: "Defence Minister Jan Nowak".
    const nameEnd = last === lastTitle && !plural ? unknownNameAfter(text, last.end, limit, taken) : last.end;
    if (nameEnd > last.end) {
      const name = text.value.slice(last.end, nameEnd).join(' ');
      const mention: Mention = { ...base, end: nameEnd, kind: 'person', person: name };
      if (actorAtom?.kind === 'name') mention.actor = actorAtom.entry.actor;
      else mention.kind = 'source';
      return mention;
    }
    if (actorAtom?.kind === 'name') {
      const definite = text.norm[first.start - 1] === 'the';
      return { ...base, kind: definite && !plural ? 'roleRef' : 'role', actor: actorAtom.entry.actor };
    }
    // A title with no actor: "the president" refers back; "officials said" is an unnamed source.
    if (text.norm[first.start - 1] === 'the' && !plural) return { ...base, kind: 'roleRef' };
    return { ...base, kind: 'source', source: 'anonymous' };
  }
  if (actorAtom?.kind === 'name') {
    const entry = actorAtom.entry;
    if (entry.kind === 'institution') return { ...base, kind: 'institution', actor: entry.actor };
    if (entry.kind === 'demonym') return { ...base, kind: 'demonym', actor: entry.actor };
    return { ...base, kind: 'country', actor: entry.actor };
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

/** "Dmitry Peskov, the Kremlin spokesman," is one mention: keep the person. */
function mergeAppositions(text: AnalysedText, mentions: Mention[]): Mention[] {
  const out: Mention[] = [];
  for (const mention of mentions) {
    const previous = out[out.length - 1];
    if (previous?.actor && (previous.actor === mention.actor || mention.kind === 'source')) {
      const between = text.norm.slice(previous.end, mention.start);
      const onlyApposition =
        between.length > 0 &&
        between.every((token) => token === ',' || token === 'the' || token === 'a' || token === 'an');
      if (onlyApposition && between.includes(',')) {
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

function addSources(compiled: CompiledCodebook, text: AnalysedText, from: number, limit: number, mentions: Mention[]) {
  for (const match of compiled.markers.scan(text, from, limit)) {
    const kind = match.payload.kind;
    if (kind !== 'analyst' && kind !== 'anonymous') continue;
    const overlapping = mentions.find((m) => m.start < match.end && match.start < m.end);
    if (overlapping) {
      overlapping.source ??= kind;
      continue;
    }
    mentions.push({
      start: match.start,
      end: match.end,
      kind: 'source',
      source: kind,
      object: false,
      possessive: false,
    });
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
