import type { CompiledCodebook } from '../codebook/compile';
import { ListBuffer } from '../list-buffer';
import { type AnalysedText, hasWordIn } from '../nlp';
import { quoteMarkAt } from '../quotes';
import type { Frame } from './frames';
import type { Item } from './items';
import { absoluteVoteAt, actorOf, type Mention } from './mentions';
import type { Sentence } from './sentences';

/**
 * Stage 3: a sentence split into clauses, the spans in which one holder takes one line of stance:
 * at boundaries ("but", "while", ";"), at frame edges, at conditions ("if", "unless", "in exchange
 * for") and before "and"/"or" followed by a new verb group. A condition makes the clause it
 * attaches to conditional.
 */

/**
 * A span of a sentence, each kind with exactly its own fields: a `stance` clause (one holder's
 * line of stance, perhaps made conditional by a condition beside it) or a `condition` clause
 * (opened by a conditional marker: the condition, not a stance, attached to the clause it
 * conditions). Narrow on `kind` to read `conditional`, `trade` or `attachesTo`.
 */
export type Clause = StanceClause | ConditionClause;

interface ClauseSpan {
  start: number;
  /** Exclusive. */
  end: number;
  /** Index into the sentence's frames, or -1 for the narrator. */
  frame: number;
}

export interface StanceClause extends ClauseSpan {
  kind: 'stance';
  /** The boundary that opened the clause, if any ("after", "which", ":"). */
  openedBy: string | undefined;
  /** Made conditional by a neighbouring condition clause. */
  conditional: boolean;
  /**
   * The condition that makes it conditional is a trade ("in exchange for", "in return for"):
   * refusing the trade ("would not hand over Donbas in exchange for a ceasefire") is opposition,
   * while any other condition makes even a negative stance conditional ("will not … unless").
   */
  trade: boolean;
}

export interface ConditionClause extends ClauseSpan {
  kind: 'condition';
  /** The conditional marker that opened it ("if", "only after", "in exchange for"). */
  openedBy: string;
  /** Where that marker starts (the clause itself starts after it). */
  openedAt: number;
  /**
   * The clause it attaches to; none when it names nothing ("if needed") or has no clause beside
   * it. That clause is made conditional, unless it is a condition itself ("if A, if B").
   */
  attachesTo: number | undefined;
}

/** Which frame a token belongs to: the innermost complement that contains it. */
export function frameOfToken(frames: Frame[], index: number): number {
  let best = -1;
  let size = Number.POSITIVE_INFINITY;
  for (let f = 0; f < frames.length; f += 1) {
    const complement = frames[f]!.complement;
    const s = complement[0];
    const e = complement[1];
    if (s <= index && index < e && e - s < size) {
      best = f;
      size = e - s;
    }
  }
  return best;
}

/** In a reporting clause's head and in no frame's complement (`frame`: frameOfToken at `index`). */
function inHead(frames: Frame[], index: number, frame: number): boolean {
  if (frame !== -1) return false;
  for (const candidate of frames) if (candidate.head[0] <= index && index < candidate.head[1]) return true;
  return false;
}

/** Splits a sentence into clauses at boundaries, frame edges, conditions and coordinated verbs. */
export function segmentClauses(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  frames: Frame[],
  /** The extractor's own working list (see ClauseList). */
  found: ClauseList,
): Clause[] {
  const { first, last, items, mentions } = sentence;
  const end = last + 1;
  found.clear();

  // Items are in order and do not overlap, and `i` only moves forward: one pointer finds the
  // item that starts at `i`.
  let next = 0;
  let i = first;
  while (i < end) {
    const frame = frames.length === 0 ? -1 : frameOfToken(frames, i);
    if (frames.length > 0 && inHead(frames, i, frame)) {
      found.close(i);
      i += 1;
      continue;
    }
    const current = found.current;
    // Quotation marks inside reported speech ("was \"absolutely unacceptable\"") do not split it;
    // a change of frame (a quotation with its own speaker) does, below.
    if (quoteMarkAt(text, i)) {
      if (current && frameOfToken(frames, i + 1) !== current.frame) found.close(i);
      i += 1;
      continue;
    }
    if (current && current.frame !== frame) found.close(i);
    const open = found.current;
    // "Give us a ceasefire that holds, and we will vote": an imperative trade runs to the ", and" of its promise.
    if (open?.kind === 'condition' && compiled.words.imperativeTrades.has(open.openedBy)) {
      if (text.norm[i] === ',' && compiled.words.conjunctions.has(text.norm[i + 1] ?? '')) found.close(i);
      i += 1;
      continue;
    }
    // "If Ukraine leaves Donetsk, Russia could …", "\"The day they leave, the shooting stops\"": a
    // condition whose marker opens the sentence, quotation or reported speech ends at its comma.
    if (open?.kind === 'condition' && text.norm[i] === ',' && open.openedAt <= openingOf(text, frames, first, i)) {
      found.close(i);
      i += 1;
      continue;
    }
    // "When the guns fall silent, British soldiers will be there": a clause a subordinator opens
    // at the start of the sentence, quotation or reported speech ends at its comma too; the words
    // after it are the main clause, its subject at its head (rules@1.82.0).
    if (open?.kind === 'stance' && text.norm[i] === ',' && openingSubordinate(compiled, text, frames, first, open, i)) {
      found.close(i);
      found.openStance(i + 1, frame, undefined);
      i += 1;
      continue;
    }
    // "ready to host both sides in Istanbul, tomorrow if they want, and to work as mediators",
    // "would hold elections …, provided its allies signed guarantees, answering pressure from
    // Washington": a condition ends at a comma before a conjunction or an "-ing" participle; what
    // follows is the next conjunct of the clause it conditions, or the reporter's comment (rules@1.70.0).
    if (open?.kind === 'condition' && text.norm[i] === ',' && conditionEndsAfter(compiled, text, i)) {
      found.close(i);
      i += 1;
      continue;
    }
    // "approved the loan, with Hungary voting against": an absolute clause of a vote is a clause of
    // its own, the voter its holder (see `objectlessVote`, stages/stance/findings.ts).
    if (open?.kind === 'stance' && absoluteVoteAt(compiled, text, i, end)) {
      found.close(i);
      found.openStance(i + 1, frame, text.norm[i]);
      i += 1;
      continue;
    }
    while (next < items.length && items[next]!.start < i) next += 1;
    const item = items[next]?.start === i ? items[next] : undefined;
    // "The moment Kyiv writes into law that it will not join, …": what the opening condition asks
    // runs through its "that" to its comma; the words after "that" are the condition, not the
    // clause it conditions.
    if (item?.kind === 'complementizer' && openingCondition(text, frames, first, open, i)) {
      i = item.end;
      continue;
    }
    if (
      item &&
      isBreak(compiled, text, sentence, item, mentions) &&
      !imperativeInside(compiled, text, frames, first, item)
    ) {
      found.close(i);
      const source =
        item.end - item.start === 1 ? (text.norm[item.start] ?? '') : text.norm.slice(item.start, item.end).join(' ');
      if (item.kind === 'conditional') found.openCondition(item.start, item.end, frame, source);
      // "if the United States and Europe gave it guarantees", "as soon as the army leaves Donetsk and
      // Kiev gives up its bid": a conjunction with no comma inside a condition opens its second
      // conjunct, still the condition (opened at the conjunction, see attachConditions).
      else if (open?.kind === 'condition' && item.kind === 'coordinator' && conjunctionAt(compiled, text, item.start)) {
        found.openCondition(item.start, item.end, frame, open.openedBy);
      } else found.openStance(item.end, frame, source);
      i = item.end;
      continue;
    }
    if (!found.current) found.openStance(i, frame, undefined);
    i += 1;
  }
  found.close(end);
  const clauses = found.take();
  attachConditions(compiled, text, sentence, frames, clauses);
  return clauses;
}

/** A conjunction or an "-ing" participle right after the comma at `comma`: see `segmentClauses`. */
function conditionEndsAfter(compiled: CompiledCodebook, text: AnalysedText, comma: number): boolean {
  const next = text.norm[comma + 1] ?? '';
  return compiled.words.conjunctions.has(next) || (next.length > 4 && next.endsWith('ing') && WORD.test(next));
}

/**
 * A condition makes the clause it attaches to conditional: the previous one ("ready … if"), or
 * the next one when the condition comes first ("If Russia withdraws, Ukraine will …").
 */
function attachConditions(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  frames: Frame[],
  clauses: Clause[],
): void {
  for (let index = 0; index < clauses.length; index += 1) {
    const clause = clauses[index]!;
    if (clause.kind !== 'condition' || namesNothing(compiled, text, sentence, clause)) continue;
    const previous = clauses[index - 1];
    // The second conjunct of a condition conditions what the first does.
    if (previous?.kind === 'condition' && previous.end === clause.openedAt && previous.frame === clause.frame) {
      if (conjunctionAt(compiled, text, clause.openedAt)) {
        clause.attachesTo = previous.attachesTo;
        continue;
      }
    }
    // "… push for NATO membership - which the administration has said is not on the table - if
    // it received …": a condition right after a comment's closing mark conditions the clause the
    // comment describes, not the comment.
    const described = describedClause(frames, clauses, index, clause.openedAt);
    const targetIndex =
      described >= 0 ? described : previous && previous.frame === clause.frame ? index - 1 : index + 1;
    const target = clauses[targetIndex];
    if (!target) continue;
    // "ready to deploy troops as soon as a ceasefire is signed": a condition the proposition
    // already holds (foreign troops are troops after a ceasefire) is no condition, and no stance
    // on the ceasefire either: the clause is left unconditional and the condition attached to none.
    if (presumedCondition(sentence, clause, target)) continue;
    // A condition on a condition ("if A, if B") leaves it as it is: a condition clause is drafted
    // only for what it asks, never as conditional itself.
    if (target.kind === 'stance') {
      target.conditional = true;
      if (compiled.words.trades.has(clause.openedBy)) target.trade = true;
    }
    clause.attachesTo = targetIndex;
  }
}

/**
 * The clause a comment describes when the condition at `index` (its marker at `marker`) comes
 * right after the comment's closing mark (see `Frame.closedAt`): the last clause of the
 * condition's own frame before the comment opens; -1 when there is no such comment or clause.
 */
function describedClause(frames: Frame[], clauses: Clause[], index: number, marker: number): number {
  const condition = clauses[index]!;
  for (const frame of frames) {
    if (frame.closedAt === undefined || frame.openedAt === undefined || frame.closedAt + 1 !== marker) continue;
    for (let k = index - 1; k >= 0; k -= 1) {
      const candidate = clauses[k]!;
      if (candidate.start < frame.openedAt && candidate.frame === condition.frame && candidate.kind === 'stance')
        return k;
    }
  }
  return -1;
}

/**
 * Whether every trigger of the condition names a proposition that a trigger of the clause it
 * conditions already presumes (the codebook's `presumes`), and there is at least one.
 */
function presumedCondition(sentence: Sentence, condition: Clause, target: Clause): boolean {
  let presumed = false;
  for (const item of sentence.items) {
    if (item.kind !== 'trigger' || item.start < condition.start || item.start >= condition.end) continue;
    if (!presumedIn(sentence, target, item.trigger.key)) return false;
    presumed = true;
  }
  return presumed;
}

/** Whether a trigger in `clause` presumes the proposition `key`. */
function presumedIn(sentence: Sentence, clause: Clause, key: string): boolean {
  for (const item of sentence.items) {
    if (item.kind !== 'trigger' || item.start < clause.start || item.start >= clause.end) continue;
    if (item.trigger.presumes.has(key)) return true;
  }
  return false;
}

/** At most this many words in a condition that names nothing ("if needed", "if they wish"). */
const EMPTY_CONDITION_WORDS = 4;
const WORD = /^[\p{L}-]+$/u;

/**
 * "ready to host them tomorrow, if they wish", "would, if asked, make the arrangements", "tomorrow if
 * needed": a short condition that only wishes or asks (a support cue), naming no actor, proposition
 * or negation, is an offer's courtesy, not a condition on it, so the offer stands unconditional.
 */
function namesNothing(compiled: CompiledCodebook, text: AnalysedText, sentence: Sentence, clause: Clause): boolean {
  let words = 0;
  for (let i = clause.start; i < clause.end; i += 1) if (WORD.test(text.value[i] ?? '')) words += 1;
  // "a meeting scheduled in Budapest the same week.": a marker with no word after it opens nothing.
  if (words === 0) return true;
  if (words > EMPTY_CONDITION_WORDS) return false;
  let wish = false;
  for (const item of sentence.items) {
    if (item.start < clause.start || item.start >= clause.end) continue;
    // "if both sides agree": the coordinator names no one, it only counts the parties.
    if (item.kind === 'coordinator') continue;
    // "if both sides want it": a pronoun right after the wish is the offer itself, not a condition.
    if (item.kind === 'anaphor' && wish && objectPronounAt(compiled, text, item)) continue;
    if (item.kind !== 'cue' || item.polarity !== 'support') return false;
    wish = true;
  }
  // "if asked", "if both sides asked", "tomorrow if necessary": a word that only defers to the
  // parties or to need (`lexicon.deferrals`) is the same courtesy as a wish.
  if (!wish) wish = hasWordIn(text, compiled.words.deferrals, clause.start, clause.end);
  // "if they did" points back to a real condition; "if they wish" only defers to the parties.
  if (!wish) return false;
  for (const mention of sentence.mentions) {
    if (mention.start >= clause.start && mention.start < clause.end && actorOf(mention)) return false;
  }
  return true;
}

/** A conjunction ("and", not a comma) at `at`, with no comma right before it. */
function conjunctionAt(compiled: CompiledCodebook, text: AnalysedText, at: number): boolean {
  return compiled.words.conjunctions.has(text.norm[at] ?? '') && text.norm[at - 1] !== ',';
}

/** One pronoun of `lexicon.objectPronouns` ("it", "them"). */
function objectPronounAt(compiled: CompiledCodebook, text: AnalysedText, item: Item): boolean {
  return item.end === item.start + 1 && compiled.words.objectPronouns.has(text.norm[item.start] ?? '');
}

/**
 * The clauses of a sentence as they are found: those closed, and the one being read. One per
 * extractor: `segmentClauses` clears it at its start and takes it at its end, within one
 * synchronous call that calls nothing that could come back to `segmentClauses`.
 */
export class ClauseList {
  private readonly closed = new ListBuffer<Clause>();
  current: Clause | undefined;

  /** Starts a sentence: nothing closed, nothing being read. */
  clear(): void {
    this.closed.clear();
    this.current = undefined;
  }

  /** The clauses closed, as a list of their own; the list is empty after. */
  take(): Clause[] {
    return this.closed.take();
  }

  /** Ends the clause being read at `at`; an empty one is dropped. */
  close(at: number): void {
    const current = this.current;
    if (current && at > current.start) {
      current.end = at;
      this.closed.add(current);
    }
    this.current = undefined;
  }

  /** Starts a stance clause at `at`, opened by a boundary or by nothing. */
  openStance(at: number, frame: number, openedBy: string | undefined): void {
    // Every field present (one shape for all stance clauses).
    this.current = {
      kind: 'stance',
      start: at,
      end: at,
      frame,
      openedBy: openedBy || undefined,
      conditional: false,
      trade: false,
    };
  }

  /** Starts a condition clause at `at`, opened by the conditional marker `openedBy` that starts at `openedAt`. */
  openCondition(openedAt: number, at: number, frame: number, openedBy: string): void {
    this.current = { kind: 'condition', start: at, end: at, frame, openedBy, openedAt, attachesTo: undefined };
  }
}

/** An imperative trade ("give us") that does not open its sentence or quotation is plain words. */
function imperativeInside(
  compiled: CompiledCodebook,
  text: AnalysedText,
  frames: Frame[],
  first: number,
  item: Item,
): boolean {
  if (item.kind !== 'conditional') return false;
  const source = text.norm.slice(item.start, item.end).join(' ');
  if (!compiled.words.imperativeTrades.has(source)) return false;
  return item.start > openingOf(text, frames, first, item.start);
}

/** The first token at `index`'s floor (see clauseFloor) that is no quotation mark. */
function openingOf(text: AnalysedText, frames: Frame[], first: number, index: number): number {
  let floor = clauseFloor(frames, first, index);
  while (floor < index && quoteMarkAt(text, floor)) floor += 1;
  return floor;
}

/** A stance clause is open whose subordinator (`lexicon.subordinators`) opens the sentence, quotation or reported speech of `index`. */
function openingSubordinate(
  compiled: CompiledCodebook,
  text: AnalysedText,
  frames: Frame[],
  first: number,
  open: Clause,
  index: number,
): boolean {
  if (open.openedBy === undefined || !compiled.words.subordinators.has(open.openedBy)) return false;
  const marker = open.start - open.openedBy.split(' ').length;
  return marker === openingOf(text, frames, first, index);
}

/** A condition clause is open whose marker opens the sentence, quotation or reported speech of `index`. */
function openingCondition(
  text: AnalysedText,
  frames: Frame[],
  first: number,
  open: Clause | undefined,
  index: number,
): boolean {
  // "said the same day that …": a marker right before "that" asks nothing of its own.
  return open?.kind === 'condition' && index > open.start && open.openedAt <= openingOf(text, frames, first, index);
}

/** Where the sentence, or the reported speech that contains `index`, begins. */
function clauseFloor(frames: Frame[], first: number, index: number): number {
  const frame = frameOfToken(frames, index);
  return frame >= 0 ? frames[frame]!.complement[0] : first;
}

/** Whether a recipient marker ends right at `end`, starting at most four tokens before it. */
function recipientEndsAt(compiled: CompiledCodebook, text: AnalysedText, floor: number, end: number): boolean {
  for (const match of compiled.markers.scanAll(text, Math.max(floor, end - 4), end)) {
    if (match.end === end && match.payload.kind === 'recipient') return true;
  }
  return false;
}

function itemEndingAt(items: Item[], index: number): Item | undefined {
  for (const item of items) if (item.end === index) return item;
  return undefined;
}

function mentionEndingAt(mentions: Mention[], index: number): boolean {
  for (const m of mentions) if (m.end === index) return true;
  return false;
}

/** Whether a mention starts at `index` or at `orIndex` (after a "the"). */
function mentionStartsAt(mentions: Mention[], index: number, orIndex: number): boolean {
  for (const m of mentions) if (m.start === index || m.start === orIndex) return true;
  return false;
}

function isBreak(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  item: Item,
  mentions: Mention[],
): boolean {
  switch (item.kind) {
    case 'boundary':
    case 'conditional':
    case 'frameEnd':
      return true;
    case 'complementizer': {
      // "said that", "hope that", "told reporters that" keep going; "a request that" starts a relative clause.
      const before = itemEndingAt(sentence.items, item.start);
      if (before && (before.kind === 'cue' || before.kind === 'reporting' || before.kind === 'modal')) return false;
      return !recipientEndsAt(compiled, text, sentence.first, item.start);
    }
    case 'coordinator': {
      const word = text.norm[item.start] ?? '';
      if (word !== ',' && !compiled.words.conjunctions.has(word)) return false;
      // "Ukraine and Russia agreed": two mentions joined, not two clauses.
      const endsMention = mentionEndingAt(mentions, item.start);
      const next = compiled.words.definiteArticles.has(text.norm[item.end] ?? '') ? item.end + 1 : item.end;
      if (endsMention && mentionStartsAt(mentions, item.end, next)) return false;
      // A new verb group follows: "… but would not", "… and wants", "… and Kyiv rejected".
      for (const other of sentence.items) {
        if (other.start < item.end) continue;
        if (other.start > item.end + 3) break;
        if (other.kind === 'cue' || other.kind === 'modal' || other.kind === 'negator' || other.kind === 'reporting') {
          return true;
        }
        if (other.kind === 'trigger') return false;
      }
      return false;
    }
    default:
      return false;
  }
}
