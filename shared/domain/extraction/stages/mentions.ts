import type { CompiledCodebook, MarkerEntry, NameEntry, NameKind, RoleEntry, RoleKind } from '../codebook/compile';
import { ListBuffer } from '../list-buffer';
import type { PatternMatch } from '../matcher';
import { type AnalysedText, isCapitalised, tokenType } from '../nlp';

/**
 * Stage 1 (with items): who a sentence names: actors by name, demonym, capital or institution; people with their titles
 * ("Ukrainian President Volodymyr Zelensky", "Kremlin spokesman Dmitry Peskov"); roles ("Ukrainian
 * officials", "the Russian president"); pronouns and self-references to resolve later; analysts and
 * anonymous sources. Mentions are built from adjacent atoms, so the grammar of titles is general
 * rather than a list of full phrases.
 */

/** Where a mention is and how it sits in its sentence; every kind has these. */
interface MentionBase {
  start: number;
  /** Exclusive. */
  end: number;
  /** After a preposition ("in Russia", "against Moscow"): not a subject. */
  object: boolean;
  /** Ends in a possessive ("Moscow's"). */
  possessive: boolean;
  /** Marked as an analyst or an unnamed source ("analysts", "a source familiar with"). */
  source: SourceKind | undefined;
}

export type SourceKind = 'analyst' | 'anonymous';

/** A named person, known to the codebook or introduced by a title ("Polish Foreign Minister Jan Nowak"). */
export interface PersonMention extends MentionBase {
  kind: 'person';
  actor: string;
  person: string;
}

/**
 * An actor named without a person: a representative ("Ukrainian officials", `role`), a body that
 * speaks for it ("the Kremlin", `institution`), its name or capital ("Ukraine", "Kyiv",
 * `country`), or an adjective alone ("European allies", `demonym`: fills slots, holds nothing).
 */
export interface ActorMention extends MentionBase {
  kind: 'role' | 'institution' | 'country' | 'demonym';
  actor: string;
}

/** "the president", "the Ukrainian leader": the last named person (of that actor, when named). */
export interface RoleRefMention extends MentionBase {
  kind: 'roleRef';
  actor: string | undefined;
}

/** "he", "she", "I": the last named person, or the speaker of the quote. */
export interface PronounMention extends MentionBase {
  kind: 'pronoun';
  /** "I", "me": the speaker of the quote, not a third person. */
  firstPerson: boolean;
}

/** "we", "our" (`group`): the speaker's actor; "the country", "his government", "it" (`self`): the speaker's own actor. */
export interface ReferenceMention extends MentionBase {
  kind: 'group' | 'self';
}

/** Analysts, unnamed sources, officials of no named actor: never an actor. */
export interface SourceMention extends MentionBase {
  kind: 'source';
}

/** Who a sentence names; each kind carries exactly its own fields. */
export type Mention = PersonMention | ActorMention | RoleRefMention | PronounMention | ReferenceMention | SourceMention;

/** The actor a mention names, if it names one. */
export function actorOf(mention: Mention): string | undefined {
  switch (mention.kind) {
    case 'person':
    case 'role':
    case 'institution':
    case 'country':
    case 'demonym':
    case 'roleRef':
      return mention.actor;
    default:
      return undefined;
  }
}

/**
 * A name or a role: the codebook's match itself, not a copy of it (this runs per sentence). The
 * kinds of name and role entries are disjoint, so an entry's kind tells which one an atom is.
 */
type NameAtom = PatternMatch<NameEntry>;
type RoleAtom = PatternMatch<RoleEntry>;
type Atom = NameAtom | RoleAtom;

/** The role kinds that isTitle and isPronounish test. */
type TestedRoleKind = 'title' | 'honorific' | 'personPronoun' | 'groupPronoun' | 'self';
// Fails to compile if a role kind is not tested below, or a kind is both a name's and a role's.
const kindsTellAtomsApart: [Exclude<RoleKind, TestedRoleKind> | (NameKind & RoleKind)] extends [never] ? true : never =
  true;
void kindsTellAtomsApart;

/** Every kind that is no role's is a name's. */
function isName(atom: Atom): atom is NameAtom {
  return !isTitle(atom) && !isPronounish(atom);
}

/** A role that is no title or honorific: a pronoun or self-reference, a mention on its own. */
function isPronounish(atom: Atom): atom is RoleAtom {
  const kind = atom.payload.kind;
  return kind === 'personPronoun' || kind === 'groupPronoun' || kind === 'self';
}

/** A title or an honorific: "minister", "Mr". */
function isTitle(atom: Atom): atom is RoleAtom {
  return atom.payload.kind === 'title' || atom.payload.kind === 'honorific';
}

/** A plural role ("officials"), not one person; "forces" and the like (collective roles) are no plural of a person. */
function isPlural(compiled: CompiledCodebook, text: AnalysedText, role: RoleAtom): boolean {
  const last = text.norm[role.end - 1] ?? '';
  return last.endsWith('s') && !last.endsWith('ss') && !compiled.words.collectiveRoles.has(last);
}

function nameAccepted(text: AnalysedText, match: PatternMatch<NameEntry>): boolean {
  // Names are capitalised in prose ("china" is porcelain, "turkey" a bird); check the last token.
  return isCapitalised(text, match.end - 1);
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

/** Which tokens of a sentence an atom already covers. */
class Taken {
  /** Reused from one sentence to the next; grows to the longest sentence seen. */
  private bits = new Uint8Array(256);
  private from = 0;
  private size = 0;

  /** Starts over for the tokens [from, limit), all free. */
  reset(from: number, limit: number): this {
    this.from = from;
    this.size = Math.max(0, limit - from);
    if (this.bits.length < this.size) this.bits = new Uint8Array(Math.max(this.size, this.bits.length * 2));
    this.bits.fill(0, 0, this.size);
    return this;
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

/**
 * findMentions' working lists, one set per extractor (never shared between extractors), reset at
 * each call: findMentions is synchronous and nothing it returns keeps them, so a sentence never
 * sees another's entries, and a sentence allocates no arrays of its own.
 */
export interface MentionScratch {
  /** Which tokens a name or role already covers. */
  readonly taken: Taken;
  /** The atoms of the sentence. */
  readonly atoms: ListBuffer<Atom>;
  /**
   * The mentions of the groups, copied out at the end: the copy has room for its mentions alone,
   * where a list grown by `push` from empty has room for 17.
   */
  readonly groupMentions: ListBuffer<Mention>;
}

export const newMentionScratch = (): MentionScratch => ({
  taken: new Taken(),
  atoms: new ListBuffer<Atom>(),
  groupMentions: new ListBuffer<Mention>(),
});

// The mentions of each kind, every field present (one object shape per kind).

const personMention = (start: number, end: number, actor: string, person: string): PersonMention => ({
  start,
  end,
  kind: 'person',
  actor,
  person,
  object: false,
  possessive: false,
  source: undefined,
});

const actorMention = (start: number, end: number, kind: ActorMention['kind'], actor: string): ActorMention => ({
  start,
  end,
  kind,
  actor,
  object: false,
  possessive: false,
  source: undefined,
});

const roleRefMention = (start: number, end: number, actor: string | undefined): RoleRefMention => ({
  start,
  end,
  kind: 'roleRef',
  actor,
  object: false,
  possessive: false,
  source: undefined,
});

const pronounMention = (start: number, end: number, firstPerson: boolean): PronounMention => ({
  start,
  end,
  kind: 'pronoun',
  firstPerson,
  object: false,
  possessive: false,
  source: undefined,
});

const referenceMention = (start: number, end: number, kind: ReferenceMention['kind']): ReferenceMention => ({
  start,
  end,
  kind,
  object: false,
  possessive: false,
  source: undefined,
});

const sourceMention = (start: number, end: number, source: SourceKind | undefined): SourceMention => ({
  start,
  end,
  kind: 'source',
  object: false,
  possessive: false,
  source,
});

/** Capitalised words after a title that are no known name: an unknown person ("Minister Jan Nowak"). */
function unknownNameAfter(text: AnalysedText, from: number, limit: number, taken: Taken): number {
  let end = from;
  while (end < limit && end - from < 3) {
    const value = text.value[end] ?? '';
    if (taken.has(end) || tokenType(text, end) !== 'word' || !isCapitalised(text, end) || value.length < 2) break;
    end += 1;
    if (text.possessive.has(end - 1)) break;
  }
  return end;
}

/** `markers`: the sentence's marker matches, when the caller has them already. */
export function findMentions(
  compiled: CompiledCodebook,
  scratch: MentionScratch,
  text: AnalysedText,
  from: number,
  to: number,
  markers: readonly PatternMatch<MarkerEntry>[] = compiled.markers.scan(text, from, to + 1),
): Mention[] {
  const limit = to + 1;
  const { atoms: sentenceAtoms, groupMentions } = scratch;
  sentenceAtoms.clear();
  const taken = scratch.taken.reset(from, limit);
  for (const match of compiled.names.scan(text, from, limit)) {
    if (!nameAccepted(text, match)) continue;
    sentenceAtoms.add(match);
    taken.add(match.start, match.end);
  }
  const names = sentenceAtoms.length;
  for (const match of compiled.roles.scan(text, from, limit)) {
    if (taken.any(match.start, match.end)) continue;
    sentenceAtoms.add(match);
    taken.add(match.start, match.end);
  }
  // Both lists come in order; merging them is a (stable) sort only when both have atoms.
  const atoms = sentenceAtoms.entries as Atom[];
  const count = sentenceAtoms.length;
  if (names > 0 && count > names) sortByStart(atoms, count);

  // Group adjacent atoms into compounds: (actor)('s)? (title|honorific)* (person)?
  // A group is the range [groupStart, i) of `atoms`, not an array of its own: this runs per sentence.
  groupMentions.clear();
  let groupStart = 0;
  let groupHasPerson = false;
  for (let i = 0; i < count; i += 1) {
    const atom = atoms[i]!;
    if (i > 0 && !extendsGroup(text, atoms[i - 1]!, atom, groupHasPerson)) {
      const mention = classify(compiled, text, atoms, groupStart, i, limit, taken);
      if (mention) groupMentions.add(mention);
      groupStart = i;
      groupHasPerson = false;
    }
    if (atom.payload.kind === 'person') groupHasPerson = true;
  }
  if (count > 0) {
    const mention = classify(compiled, text, atoms, groupStart, count, limit, taken);
    if (mention) groupMentions.add(mention);
  }
  const mentions = groupMentions.take();
  markCoordinatedRoles(compiled, text, mentions);
  mergeAppositions(compiled, text, mentions);
  addSources(markers, mentions);
  for (const mention of mentions) {
    mention.object =
      isObject(compiled, text, mention.start, from) ||
      inDateline(text, mention) ||
      warnedAddressee(compiled, text, mention, from);
    mention.possessive = text.possessive.has(mention.end - 1);
  }
  const sorted = sortByStart(mentions);
  listedObjects(compiled, text, sorted, from);
  return sorted;
}

/**
 * "Players from Chile, France and Poland secured funding …": a name listed after a preposition's
 * object is an object too, where only the first came right after the preposition. The mention
 * must be a list item: after a comma with the list going on after it (", France and"), or after a
 * conjunction with no comma before it ("and Poland"; ", and" often opens a clause: "… spoke with
 * Putin, and Zelensky said …"). Back from it run only names (capitalised words), commas and
 * conjunctions, down to the preposition.
 */
function listedObjects(compiled: CompiledCodebook, text: AnalysedText, mentions: Mention[], from: number): void {
  const conjunctions = compiled.words.conjunctions;
  for (const mention of mentions) {
    if (mention.object || mention.start - 2 < from) continue;
    const glue = text.norm[mention.start - 1] ?? '';
    if (glue === ',') {
      const next = text.norm[mention.end] ?? '';
      if (next !== ',' && !conjunctions.has(next)) continue;
    } else if (!conjunctions.has(glue) || text.norm[mention.start - 2] === ',') continue;
    let i = mention.start - 2;
    let names = 0;
    while (i >= from) {
      const token = text.norm[i] ?? '';
      if (token === ',' || conjunctions.has(token)) i -= 1;
      else if (tokenType(text, i) === 'word' && isCapitalised(text, i)) {
        names += 1;
        i -= 1;
      } else break;
    }
    if (names > 0 && i >= from && isObject(compiled, text, i + 1, from)) mention.object = true;
  }
}

/** Whether `atom` continues the group that `previous` ends (`hasPerson`: the group names a person). */
function extendsGroup(text: AnalysedText, previous: Atom, atom: Atom, hasPerson: boolean): boolean {
  if (isPronounish(atom) || isPronounish(previous) || !adjacent(text, previous.end, atom.start)) return false;
  // A person ends a compound ("Zelensky Putin" are two mentions), unless it is possessive:
  // "Zelensky's office" speaks for him.
  return !hasPerson || (text.possessive.has(previous.end - 1) && !isName(atom));
}

/**
 * Sorts the first `count` items by start in place, keeping the order of equal starts (as
 * Array.prototype.sort does): an insertion sort, cheaper than the built-in on the few, nearly
 * sorted items of a sentence.
 */
function sortByStart<T extends { start: number }>(items: T[], count = items.length): T[] {
  for (let i = 1; i < count; i += 1) {
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

/** The mention of the group atoms[from, to). */
function classify(
  compiled: CompiledCodebook,
  text: AnalysedText,
  atoms: readonly Atom[],
  from: number,
  to: number,
  limit: number,
  taken: Taken,
): Mention | undefined {
  const first = atoms[from]!;
  const last = atoms[to - 1]!;
  const start = first.start;
  let person: NameEntry | undefined;
  let actorEntry: NameEntry | undefined;
  let lastTitle: RoleAtom | undefined;
  for (let i = from; i < to; i += 1) {
    const atom = atoms[i]!;
    if (isName(atom)) {
      actorEntry ??= atom.payload;
      if (atom.payload.kind === 'person') {
        person = atom.payload;
        break;
      }
    } else if (isTitle(atom)) lastTitle = atom;
  }
  if (person) return personMention(start, last.end, person.actor, person.person ?? '');
  if (to - from === 1 && isPronounish(first)) {
    if (first.payload.kind === 'personPronoun') {
      const word = text.norm[first.start];
      return pronounMention(start, last.end, compiled.words.firstPersonPronouns.has(word ?? ''));
    }
    return referenceMention(start, last.end, first.payload.kind === 'groupPronoun' ? 'group' : 'self');
  }
  if (lastTitle) {
    const plural = isPlural(compiled, text, lastTitle);
    // A title followed by capitalised unknown words names a person: "Defence Minister Jan Nowak".
    const nameEnd = last === lastTitle && !plural ? unknownNameAfter(text, last.end, limit, taken) : last.end;
    if (nameEnd > last.end) {
      // With no actor, a named official of no one the codebook knows: an unnamed source.
      if (!actorEntry) return sourceMention(start, nameEnd, undefined);
      return personMention(start, nameEnd, actorEntry.actor, text.value.slice(last.end, nameEnd).join(' '));
    }
    const definite = compiled.words.definiteArticles.has(text.norm[first.start - 1] ?? '');
    // "a former U.S. ambassador to NATO said", "a US senator in the audience told reporters": an
    // official no longer in office or a single legislator, named by title only, speaks for no
    // country (the corpus README); read as an analyst is, no stance.
    if (actorEntry && noCountryVoice(compiled, text, start, lastTitle, plural))
      return sourceMention(start, last.end, 'analyst');
    if (actorEntry) {
      return definite && !plural
        ? roleRefMention(start, last.end, actorEntry.actor)
        : actorMention(start, last.end, 'role', actorEntry.actor);
    }
    // A title with no actor: "the president" refers back; "officials said" is an unnamed source.
    if (definite && !plural) return roleRefMention(start, last.end, undefined);
    return sourceMention(start, last.end, 'anonymous');
  }
  if (actorEntry) {
    if (actorEntry.kind === 'institution') return actorMention(start, last.end, 'institution', actorEntry.actor);
    if (actorEntry.kind === 'demonym') return actorMention(start, last.end, 'demonym', actorEntry.actor);
    return actorMention(start, last.end, 'country', actorEntry.actor);
  }
  return undefined;
}

/**
 * A title with no name after "former" (`lexicon.formerWords`), or a singular legislator's title
 * (`lexicon.legislatorTitles`) after an indefinite article: see `classify`.
 */
function noCountryVoice(
  compiled: CompiledCodebook,
  text: AnalysedText,
  start: number,
  title: RoleAtom,
  plural: boolean,
): boolean {
  const before = text.norm[start - 1] ?? '';
  if (compiled.words.formerWords.has(before)) return true;
  const word = text.norm[title.end - 1] ?? '';
  return !plural && compiled.words.legislatorTitles.has(word) && compiled.words.indefiniteDeterminers.has(before);
}

/** Marks that join two demonyms as a conjunction does ("Ukrainian, European officials", "US & EU"). */
const COORDINATING_MARKS: ReadonlySet<string> = new Set([',', '&']);

/** "Ukrainian and European officials": the first demonym shares the title of the second. */
function markCoordinatedRoles(compiled: CompiledCodebook, text: AnalysedText, mentions: Mention[]): void {
  for (let i = mentions.length - 2; i >= 0; i -= 1) {
    const current = mentions[i]!;
    const next = mentions[i + 1]!;
    if (current.kind !== 'demonym' && current.kind !== 'country') continue;
    if (next.kind !== 'role' && next.kind !== 'roleRef') continue;
    if (next.start - current.end !== 1) continue;
    const between = text.norm[current.end] ?? '';
    if (!compiled.words.conjunctions.has(between) && !COORDINATING_MARKS.has(between)) continue;
    if (current.kind === 'demonym') current.kind = 'role';
  }
}

/** A mention made of title words only ("a foreign policy aide"), not an analyst or an unnamed source. */
function isTitleOnly(compiled: CompiledCodebook, text: AnalysedText, mention: Mention): boolean {
  return (
    mention.source === 'anonymous' &&
    tokenType(text, mention.start) === 'word' &&
    !containsSourceWord(compiled, text.norm[mention.end - 1] ?? '')
  );
}

/** "sources", "insiders": the word contains one of the lexicon's source words. */
function containsSourceWord(compiled: CompiledCodebook, word: string): boolean {
  for (const source of compiled.words.sourceWords) if (word.includes(source)) return true;
  return false;
}

/** Only commas and articles between two mentions, and at least one comma: "Peskov, the Kremlin spokesman". */
function onlyAppositionBetween(compiled: CompiledCodebook, text: AnalysedText, from: number, to: number): boolean {
  let comma = false;
  for (let i = from; i < to; i += 1) {
    const token = text.norm[i] ?? '';
    if (token === ',') comma = true;
    else if (!compiled.words.articles.has(token)) return false;
  }
  return comma;
}

/**
 * "Dmitry Peskov, the Kremlin spokesman," is one mention: keep the person. Merges in place
 * (`kept` mentions stay at the front), with no second array.
 */
function mergeAppositions(compiled: CompiledCodebook, text: AnalysedText, mentions: Mention[]): void {
  let kept = 0;
  for (let i = 0; i < mentions.length; i += 1) {
    const mention = mentions[i]!;
    const previous = kept > 0 ? mentions[kept - 1]! : undefined;
    const previousActor = previous ? actorOf(previous) : undefined;
    // "Keir Starmer, the prime minister,": a title that names no actor, after a named person,
    // describes that person (it does not refer back to the last one named).
    const sameActor =
      previousActor === actorOf(mention) ||
      mention.kind === 'source' ||
      (mention.kind === 'roleRef' && mention.actor === undefined);
    if (previous && previousActor && sameActor) {
      if (onlyAppositionBetween(compiled, text, previous.end, mention.start)) {
        if (
          previous.kind === 'person' &&
          (mention.kind === 'role' || mention.kind === 'roleRef' || mention.kind === 'institution')
        ) {
          previous.end = mention.end;
          continue;
        }
        // "Yuri Ushakov, a foreign policy aide to Putin,": a title after a named person describes them.
        if (previous.kind === 'person' && mention.kind === 'source' && isTitleOnly(compiled, text, mention)) {
          previous.end = mention.end;
          continue;
        }
        if ((previous.kind === 'role' || previous.kind === 'roleRef') && mention.kind === 'person') {
          mention.start = previous.start;
          mentions[kept - 1] = mention;
          continue;
        }
      }
    }
    mentions[kept] = mention;
    kept += 1;
  }
  mentions.length = kept;
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
    mentions.push(sourceMention(match.start, match.end, kind));
  }
}

/**
 * "MOSCOW, Aug 14 (Baltic Wire) - …", "WASHINGTON/BUDAPEST, …": the place line of a news story,
 * names in capitals that open the text, before its first comma, or with no date before the
 * outlet's bracket or a dash ("MOSCOW/KYIV (The Sunday Dispatch) - …", "BERLIN — …"). It says
 * where the story was filed: no holder (like an object, it is never a subject).
 */
function inDateline(text: AnalysedText, mention: Mention): boolean {
  for (let i = 0; i < mention.end; i += 1) {
    const value = text.value[i] ?? '';
    if (tokenType(text, i) !== 'word') {
      if (value === '/' || value.trim() === '') continue;
      return false;
    }
    if (value.length < 2 || value !== value.toUpperCase()) return false;
  }
  const next = text.value[mention.end] ?? '';
  return next === ',' || next === '/' || next === '(' || next === '-' || next === '\u2014' || next === '\u2013';
}

/** How many words may stand between a warned addressee and the colon that opens the warning ("plainly"). */
const WARNING_COLON_REACH = 2;

/**
 * "warned Washington against pumping weapons into Ukraine", "We warn Berlin plainly: these missiles
 * will not …": right after a word of `lexicon.warnedObjects`, with a preposition or a colon (a word or two
 * between) after it, the mention is the one warned, an object: what follows is the warner's, never
 * the addressee's stance. ("warned Kyiv would lose more land", with a verb after it, keeps its subject.)
 */
function warnedAddressee(compiled: CompiledCodebook, text: AnalysedText, mention: Mention, from: number): boolean {
  const at = mention.start - 1;
  if (at < from || !compiled.words.warnedObjects.has(text.norm[at] ?? '')) return false;
  if (compiled.prepositions.has(text.norm[mention.end] ?? '')) return true;
  for (let i = mention.end; i <= mention.end + WARNING_COLON_REACH; i += 1) {
    if (text.norm[i] === ':') return true;
    if (!/^[a-z]/.test(text.norm[i] ?? '')) return false;
  }
  return false;
}

/** At most this many tokens from an absolute clause's opener to its word of voting. */
const ABSOLUTE_VOTE_REACH = 8;

/**
 * ", with Hungary voting against", ", with Hungary the only country to vote against": a comma, a
 * word of `lexicon.absoluteOpeners` at `at`, and a word of `lexicon.voteWords` before the next
 * comma or semicolon, within ABSOLUTE_VOTE_REACH tokens.
 */
export function absoluteVoteAt(compiled: CompiledCodebook, text: AnalysedText, at: number, end: number): boolean {
  if (text.norm[at - 1] !== ',' || !compiled.words.absoluteOpeners.has(text.norm[at] ?? '')) return false;
  const stop = Math.min(end, at + 1 + ABSOLUTE_VOTE_REACH);
  for (let j = at + 1; j < stop; j += 1) {
    const word = text.norm[j] ?? '';
    if (word === ',' || word === ';') return false;
    if (compiled.words.voteWords.has(word)) return true;
  }
  return false;
}

/** The mention follows a preposition (skipping determiners): an object, not a subject. */
export function isObject(
  compiled: CompiledCodebook,
  text: AnalysedText,
  start: number,
  sentenceStart: number,
): boolean {
  let i = start - 1;
  const skipped = compiled.words.objectDeterminers;
  while (i >= sentenceStart && skipped.has(text.norm[i] ?? '')) i -= 1;
  if (i < sentenceStart) return false;
  if (!compiled.prepositions.has(text.norm[i] ?? '')) return false;
  // ", with Hungary voting against": the opener of an absolute clause of a vote, its voter the subject.
  if (absoluteVoteAt(compiled, text, i, text.norm.length)) return false;
  // "a group of US senators": the senators are the subject. A partitive ending at the preposition
  // starts at most three tokens before it; every match at a start ends by i + 1, so one ends there
  // exactly when the longest does (no list of all the matches to build).
  for (let start = Math.max(sentenceStart, i - 3); start <= i; start += 1) {
    if (compiled.partitives.longestAt(text, start, i + 1)?.end === i + 1) return false;
  }
  return true;
}

const HOLDER_KINDS = new Set([
  'person',
  'role',
  'institution',
  'country',
  'pronoun',
  'group',
  'self',
  'roleRef',
  'source',
]);
export const canHold = (mention: Mention) => HOLDER_KINDS.has(mention.kind);

// Searches in the code run for every sentence are loops rather than find/some with a closure:
// each such closure is a new object (and often a context) per call.

export function mentionAt(mentions: Mention[], index: number): Mention | undefined {
  for (const m of mentions) if (m.start === index) return m;
  return undefined;
}
