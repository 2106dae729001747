import type { CompiledCodebook, MarkerEntry } from '../codebook/compile';
import { addTo } from '../list-buffer';
import type { PatternMatch } from '../matcher';
import { type AnalysedText, isCapitalised, isParagraphBreak, tokenType } from '../nlp';
import { quoteMarkAt } from '../quotes';
import { type Item, itemAt } from './items';
import { canHold, type Mention, mentionAt } from './mentions';
import type { Sentence } from './sentences';

/**
 * Stage 2: the frames of reported speech in a sentence. A frame is who speaks and which tokens
 * are their words: "X said (that) …", "…, X said.", "according to X, …", ", saying …", and
 * quotations no reporting clause accounts for. Who the speakers are (a pronoun, the last speaker
 * of a running quotation) is resolved against the discourse (discourse.ts, `frameSpeakers`).
 */

/** Reported speech: who speaks and which tokens are what they said. */
export interface Frame {
  /** Who speaks (several when coordinated: "Macron and Starmer said"); empty: a quotation whose speaker is the last one named. */
  speakers: Mention[];
  /** Tokens of what was said, [start, end). */
  complement: [number, number];
  /** Tokens of the reporting clause (speaker, verb, and any date), [start, end). */
  head: [number, number];
  kind: 'reporting' | 'according' | 'quote';
  /**
   * A bare quotation closed by an attribution of its own that names no one the rules know: the
   * name before its verb ("…," Jaishankar said: "jaishankar"), or "" when the verb comes first
   * with an indefinite speaker ("…," said a strategist at a bank). Its words are the last
   * speaker's only when that speaker's name has this word. Only on `quote` frames.
   */
  unreadName?: string;
  /**
   * The complement's subject, put before an attribution set off by commas ("Russia, he said, did
   * not want a ceasefire"): the clause after the attribution is this mention's, told by the speaker.
   */
  fronted?: Mention;
  /**
   * A comment set off by a comma or a dash (", which he said …,", "- which X has said … -"): the
   * comment's closing mark, where the speaker's words end (the complement ends there).
   */
  closedAt?: number;
  /** Where the comment opens: its comma or dash (with `closedAt`). */
  openedAt?: number;
}

/** The match of a recipient marker ("told reporters") at `start`, if any. */
function recipientAt(
  compiled: CompiledCodebook,
  text: AnalysedText,
  start: number,
  end: number,
): PatternMatch<MarkerEntry> | undefined {
  for (const match of compiled.markers.matchesAt(text, start, end)) {
    if (match.payload.kind === 'recipient') return match;
  }
  return undefined;
}

/** A reporting verb or cue lies within [from, to): another clause's verb. */
function verbBetween(items: Item[], from: number, to: number): boolean {
  for (const item of items) {
    if (item.start >= from && item.end <= to && (item.kind === 'reporting' || item.kind === 'cue')) return true;
  }
  return false;
}

function hasReportingItem(items: Item[]): boolean {
  for (const item of items) if (item.kind === 'reporting' || item.kind === 'according') return true;
  return false;
}

/** Marks that may open a list line before a speaker's label ("- Kallas: …", "• Kallas: …"). */
const BULLETS: ReadonlySet<string> = new Set(['-', '•', '*', '–', '—']);

/**
 * A speaker's label opening a paragraph or a list line: a holder's name and a colon ("Putin: It can
 * end quickly.", "- Kallas: accession must not become a bargaining chip"). What follows the colon
 * is that holder's. Looks at the sentence's first two or three tokens only.
 */
function labelFrame(text: AnalysedText, sentence: Sentence): Frame | undefined {
  const { first, last, mentions } = sentence;
  if (first > 0 && !isParagraphBreak(text, first - 1)) return undefined;
  const start = BULLETS.has(text.norm[first] ?? '') ? first + 1 : first;
  const speaker = mentionAt(mentions, start);
  if (!speaker || !canHold(speaker) || speaker.possessive || text.norm[speaker.end] !== ':') return undefined;
  if (speaker.end + 1 > last) return undefined;
  return {
    speakers: [speaker],
    kind: 'reporting',
    complement: [speaker.end + 1, last + 1],
    head: [first, speaker.end + 1],
  };
}

/** Shared empty list (never added to): most sentences have no frame. */
export const NO_FRAMES: Frame[] = [];

/** Finds the frames of reported speech in a sentence. */
export function findFrames(compiled: CompiledCodebook, text: AnalysedText, sentence: Sentence): Frame[] {
  let frames = NO_FRAMES;
  const { first, last, mentions, items } = sentence;
  const end = last + 1;
  let quoted = false;
  for (let i = first; i < end && !quoted; i += 1) quoted = sentence.quoted[i] === true;
  const label = labelFrame(text, sentence);
  if (label) frames = addTo(frames, NO_FRAMES, label);
  if (!quoted && !hasReportingItem(items)) return frames;

  for (const item of items) {
    if (item.kind === 'according') {
      let speaker: Mention | undefined;
      for (const m of mentions) {
        if (m.start >= item.end && m.start <= item.end + 1 && canHold(m)) {
          speaker = m;
          break;
        }
      }
      if (!speaker) continue;
      const after = speaker.end;
      if (text.norm[after] === ',' && after + 1 < end && !isSentenceEnd(text, after + 1, end)) {
        frames = addTo(frames, NO_FRAMES, {
          speakers: [speaker],
          kind: 'according',
          complement: [after + 1, end],
          head: [first, after + 1],
        });
      } else {
        const comma = item.start - 1 >= first && text.norm[item.start - 1] === ',' ? item.start - 1 : item.start;
        frames = addTo(frames, NO_FRAMES, {
          speakers: [speaker],
          kind: 'according',
          complement: [first, comma],
          head: [comma, end],
        });
      }
      continue;
    }
    if (item.kind !== 'reporting' || item.passive) continue;
    if (sentence.quoted[item.start]) continue;

    // Speaker after the verb: "…, said Peskov." / "…, said the Kremlin spokesman."
    let probe = item.end;
    if (compiled.words.definiteArticles.has(text.norm[probe] ?? '')) probe += 1;
    const rightSpeaker = mentionAt(mentions, probe);
    // "Lukashenko said …, and claimed that …": a verb after a conjunction shares the subject.
    const conjunction = conjunctionBefore(compiled, text, item.start, first);
    const leftSpeaker =
      conjunction >= 0
        ? sharedSpeaker(frames, sentence, item.start)
        : speakerBefore(compiled, text, sentence, item.start);
    // Inside that speaker's own words already ("Peskov said … and warned that …"): no new frame.
    if (conjunction >= 0 && leftSpeaker && insideFrameOf(frames, leftSpeaker, item.start)) continue;

    // Trailing attribution: the content comes first, then ", X said" or "," X said".
    const tailStart = rightSpeaker && canHold(rightSpeaker) ? rightSpeaker.end : item.end;
    const adjacentStart =
      leftSpeaker && leftSpeaker.end <= item.start && item.start - leftSpeaker.end <= 3
        ? leftSpeaker.start
        : item.start;
    const comma = precedingComma(text, adjacentStart, first);
    const afterQuotation = comma !== undefined && (quoteMarkAt(text, comma - 1) || quoteMarkAt(text, comma + 1));
    const tailEnd = comma === undefined ? -1 : trailingEnd(compiled, text, sentence, tailStart, end, afterQuotation);
    if (comma !== undefined && tailEnd >= 0) {
      const speaker = leftSpeaker && adjacentStart === leftSpeaker.start ? leftSpeaker : rightSpeaker;
      if (speaker && canHold(speaker)) {
        let complementEnd = comma;
        while (complementEnd > first && quoteMarkAt(text, complementEnd - 1)) complementEnd -= 1;
        const speakers = speaker === leftSpeaker ? withCoordinated(compiled, text, sentence, speaker) : [speaker];
        frames = addTo(frames, NO_FRAMES, {
          speakers,
          kind: 'reporting',
          complement: [first, complementEnd],
          head: [comma, tailEnd],
        });
        continue;
      }
    }
    // ", saying …", ", adding …": the subject of the main clause speaks.
    const participle = (text.norm[item.start] ?? '').endsWith('ing') && text.norm[item.start - 1] === ',';
    let subject = participle ? undefined : leftSpeaker;
    if (participle) {
      for (const m of mentions) {
        if (m.end < item.start && canHold(m) && !m.object && !sentence.quoted[m.start]) {
          subject = m;
          break;
        }
      }
    }
    if (!subject) continue;
    let start = item.end;
    // "said on Monday that …", "told his French counterpart that …": what comes before "that" is
    // when or to whom it was said, not what was said.
    let that = -1;
    for (let k = start; k < Math.min(end, start + 7); k += 1) {
      if (compiled.words.complementizers.has(text.norm[k] ?? '')) {
        that = k - start;
        break;
      }
    }
    const told = compiled.words.tellingVerbs.has(text.norm[item.start] ?? '');
    if (that >= 0) {
      const thatAt = start + that;
      let between = false;
      for (const other of items) {
        if (other.start >= start && other.start < thatAt && other.kind !== 'complementizer') {
          between = true;
          break;
        }
      }
      let named = false;
      for (const m of mentions) {
        if (m.start >= start && m.start < thatAt) {
          named = true;
          break;
        }
      }
      if (!between && (told || !named)) start += that + 1;
    }
    // "told reporters that", "said on Tuesday that", "said:"
    for (let guard = 0; guard < 8 && start < end; guard += 1) {
      const token = text.norm[start] ?? '';
      const recipient = recipientAt(compiled, text, start, end);
      if (recipient) {
        start = recipient.end;
        continue;
      }
      if (compiled.words.complementizers.has(token) || token === ':' || token === ',') {
        start += 1;
        continue;
      }
      break;
    }
    let complementEnd = end;
    for (const other of items) {
      if (other.kind === 'frameEnd' && other.start >= start) {
        complementEnd = other.start;
        break;
      }
    }
    // "…, which he said were putting civilians at risk, and he called for …", "… push for NATO
    // membership - which the administration has said is not on the table - if it received …": a
    // speaker named in a comment set off by a comma or a dash speaks only up to the comment's
    // closing mark; what follows is the sentence's again.
    let comment: [number, number] | undefined;
    if (!participle && conjunction < 0) {
      comment = commentMarks(compiled, text, subject, start, complementEnd);
      if (comment) complementEnd = comment[1];
    }
    if (complementEnd <= start) continue;
    const speakers = participle ? [subject] : withCoordinated(compiled, text, sentence, subject);
    // The head is the speaker and the verb, with an opening adverbial ("On October 28, Zelensky
    // said" dates the statement) but never a clause of its own ("Kyiv dismissed the idea, saying").
    let headStart = participle ? item.start - 1 : conjunction >= 0 ? conjunction : speakers[0]!.start;
    let prefixHasStance = false;
    for (const other of items) {
      if (
        other.start >= first &&
        other.end <= headStart &&
        (other.kind === 'cue' || other.kind === 'trigger' || other.kind === 'reporting')
      ) {
        prefixHasStance = true;
        break;
      }
    }
    if (!participle && conjunction < 0 && !prefixHasStance) headStart = first;
    const frame: Frame = { speakers, kind: 'reporting', complement: [start, complementEnd], head: [headStart, start] };
    if (comment) {
      frame.openedAt = comment[0];
      frame.closedAt = comment[1];
    }
    // "Russia, he said, did not want …", "Moscow, he told reporters, \"does not want talks\"".
    if (
      !participle &&
      conjunction < 0 &&
      comma !== undefined &&
      subject === leftSpeaker &&
      adjacentStart === subject.start
    ) {
      const fronted = frontedSubject(compiled, text, sentence, comma, item.end, start);
      if (fronted) frame.fronted = fronted;
    }
    frames = addTo(frames, NO_FRAMES, frame);
  }

  // Quotations no reporting clause in this sentence accounts for: the last speaker's words.
  let i = first;
  while (i < end) {
    if (!sentence.quoted[i]) {
      i += 1;
      continue;
    }
    let j = i;
    while (j < end && (sentence.quoted[j] || quoteMarkAt(text, j))) j += 1;
    let covered = false;
    for (const frame of frames) {
      if (frame.complement[0] <= i && i < frame.complement[1]) {
        covered = true;
        break;
      }
    }
    // "condemned what Zakharova called 'the pumping of weapons', saying …": a quotation opened right
    // after a word, with no reporting verb right after it ("…," he told), is a phrase inside the
    // narrator's clause, not a speech of its own: with the sentence going on after it, or ending
    // with it when it closes there ("called sending them 'a reckless provocation.'", "would mark
    // 'a new stage of escalation.'"; one running on into the next sentence is a speech).
    const embedded =
      i - 2 >= first &&
      tokenType(text, i - 2) === 'word' &&
      ((j < end && !isSentenceEnd(text, j, end)) || sentence.quoted[end] !== true) &&
      !reportingWithin(text, sentence.items, j, j + EMBEDDED_QUOTE_REPORTING_REACH);
    if (!covered && !embedded) {
      const frame: Frame = { speakers: [], kind: 'quote', complement: [i, j], head: [i, i] };
      if (closedByAttribution(text, first, j)) readOwnAttribution(compiled, text, sentence, frame, j, end);
      frames = addTo(frames, NO_FRAMES, frame);
    }
    i = j;
  }
  return frames;
}

/**
 * The subject an attribution set off by commas interrupts: the sentence (or its quotation) opens
 * with one mention that can hold a stance and nothing else before the comma at `comma`, and a comma
 * closes the attribution after its verb ([verbEnd, start)). Only at such a verb; nothing per token.
 */
function frontedSubject(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  comma: number,
  verbEnd: number,
  start: number,
): Mention | undefined {
  if (text.norm[comma] !== ',') return undefined;
  let closed = false;
  for (let k = verbEnd; k < start && !closed; k += 1) closed = text.norm[k] === ',';
  if (!closed) return undefined;
  let open = sentence.first;
  while (open < comma && quoteMarkAt(text, open)) open += 1;
  if (compiled.words.definiteArticles.has(text.norm[open] ?? '')) open += 1;
  for (const m of sentence.mentions) {
    if (m.start > open) break;
    if (m.start === open && m.end === comma && canHold(m) && !m.object && !m.possessive) return m;
  }
  return undefined;
}

/**
 * A mention and those coordinated before it: "Britain, France and Germany", "both Ukraine and the
 * US". A bare comma joins only inside a list that ends with a conjunction: in "… or Belarus,
 * Zelensky said" Belarus is not a second speaker.
 */
export function withCoordinated(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  nearest: Mention,
): Mention[] {
  const { words } = compiled;
  const out = [nearest];
  const mentions = sentence.mentions;
  let list = false;
  for (let k = mentions.length - 1; k >= 0; k -= 1) {
    const candidate = mentions[k]!;
    // Candidates: mentions before the nearest one that can hold a stance and are no object.
    if (candidate.end > nearest.start || !canHold(candidate) || candidate.object) continue;
    // The words between the candidate and the list so far: one to three coordinating words.
    const from = candidate.end;
    const to = out[0]!.start;
    if (to - from <= 0 || to - from > 3) break;
    let coordinating = true;
    let conjunction = false;
    let comma = false;
    for (let i = from; i < to; i += 1) {
      const token = text.norm[i]!;
      if (token === ',') {
        comma = true;
        continue;
      }
      if (!words.speakerListWords.has(token)) {
        coordinating = false;
        break;
      }
      if (words.conjunctions.has(token)) conjunction = true;
    }
    if (!coordinating) break;
    if (!conjunction && !(list && comma)) break;
    list ||= conjunction;
    out.unshift(candidate);
  }
  return out;
}

/** Where a conjunction stands right before a verb (verb-group adverbs between: "and later said"), or -1. */
function conjunctionBefore(compiled: CompiledCodebook, text: AnalysedText, verbStart: number, first: number): number {
  let i = verbStart - 1;
  while (i >= first && compiled.words.verbGroupAdverbs.has(text.norm[i] ?? '')) i -= 1;
  return i >= first && compiled.words.conjunctions.has(text.norm[i] ?? '') ? i : -1;
}

/**
 * The subject a coordinated reporting verb shares: the speaker of the sentence's last frame so far,
 * else its first mention that can hold a stance and is no object ("Kyiv welcomed the offer and said …").
 */
function sharedSpeaker(frames: Frame[], sentence: Sentence, verbStart: number): Mention | undefined {
  for (let f = frames.length - 1; f >= 0; f -= 1) {
    const frame = frames[f]!;
    if (frame.kind === 'reporting' && frame.head[1] <= verbStart && frame.speakers.length > 0) return frame.speakers[0];
  }
  for (const m of sentence.mentions) {
    if (m.end > verbStart) break;
    if (canHold(m) && !m.object && !sentence.quoted[m.start] && !(m.possessive && m.kind !== 'person')) return m;
  }
  return undefined;
}

function insideFrameOf(frames: Frame[], speaker: Mention, index: number): boolean {
  for (const frame of frames) {
    if (frame.speakers[0] === speaker && frame.complement[0] <= index && index < frame.complement[1]) return true;
  }
  return false;
}

/** The nearest mention before a reporting verb that can be its subject. */
function speakerBefore(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  verbStart: number,
): Mention | undefined {
  const relative = relativeBefore(compiled, text, sentence.first, verbStart);
  let best: Mention | undefined;
  for (const mention of sentence.mentions) {
    if (mention.end > verbStart) break;
    if (!canHold(mention) || mention.object || sentence.quoted[mention.start]) continue;
    if (mention.possessive && mention.kind !== 'person') continue;
    // "Orban, who met Lavrov last week, said …": a name inside the relative clause is not the speaker.
    if (relative && mention.start > relative[0] && mention.end <= relative[1]) continue;
    // Not across another clause's verb: "Zelensky said Trump told him" has two frames. The verbs of
    // a relative clause right after the name do not count ("the UAE, which hosted the talks, said").
    const from = relative && mention.end === relative[0] ? relative[1] : mention.end;
    if (verbBetween(sentence.items, from, verbStart)) continue;
    best = mention;
  }
  return best;
}

/** Marks that set off a comment as a dash does (" - which …  - "). */
const DASHES: ReadonlySet<string> = new Set(['-', '–', '—']);

/** How far after the relative opening a comment its speaker may be named (", which the Trump administration has said"). */
const MAX_COMMENT_SPEAKER = 4;

/**
 * The opening and closing marks of a comment whose speaker is `subject`: a relative
 * (`lexicon.relatives`) right after a comma or a dash, the speaker named within MAX_COMMENT_SPEAKER
 * words after it, and a mark of the same kind (a comma or a dash after a comma) closing the
 * speaker's words before `end`; or undefined when the speaker's words are no such comment.
 */
function commentMarks(
  compiled: CompiledCodebook,
  text: AnalysedText,
  subject: Mention,
  start: number,
  end: number,
): [number, number] | undefined {
  let relative = -1;
  for (let k = subject.start - 1; k >= subject.start - MAX_COMMENT_SPEAKER && k > 0; k -= 1) {
    if (compiled.words.relatives.has(text.norm[k] ?? '')) {
      relative = k;
      break;
    }
  }
  if (relative < 0) return undefined;
  const opener = text.norm[relative - 1] ?? '';
  const dash = DASHES.has(opener);
  if (opener !== ',' && !dash) return undefined;
  for (let k = start; k < end; k += 1) {
    const token = text.norm[k] ?? '';
    if (DASHES.has(token) || (!dash && token === ',')) return [relative - 1, k];
  }
  return undefined;
}

/** Tokens that may stand between the comma closing a relative clause and the reporting verb ("has said"). */
const MAX_AFTER_RELATIVE = 2;

/**
 * The relative clause or participle phrase set off by commas right before a reporting verb ("X,
 * who …, said", "X, speaking alongside Y, said"): its opening and closing commas, or undefined
 * when there is none.
 */
function relativeBefore(
  compiled: CompiledCodebook,
  text: AnalysedText,
  first: number,
  verbStart: number,
): [number, number] | undefined {
  let close = verbStart - 1;
  const lowest = Math.max(first, verbStart - 1 - MAX_AFTER_RELATIVE);
  while (close >= lowest && text.norm[close] !== ',') close -= 1;
  if (close < lowest) return undefined;
  for (let open = close - 1; open > first; open -= 1) {
    if (text.norm[open] !== ',') continue;
    const word = text.norm[open + 1] ?? '';
    // A participle phrase describes the occasion the same way ("X, speaking in Y, said").
    return compiled.words.relatives.has(word) || word.endsWith('ing') ? [open, close] : undefined;
  }
  return undefined;
}

function precedingComma(text: AnalysedText, index: number, first: number): number | undefined {
  let i = index - 1;
  while (i >= first && quoteMarkAt(text, i)) i -= 1;
  if (i >= first && (text.norm[i] === ',' || text.norm[i] === '?' || text.norm[i] === '!')) return i;
  // A closing quote right before the speaker: "… form," he said.
  if (i < index - 1 && i >= first) return i + 1;
  return undefined;
}

/** How far after a quotation a reporting verb still attributes it ("…," Kremlin spokesman Dmitry Peskov said). */
const EMBEDDED_QUOTE_REPORTING_REACH = 6;

/** A reporting verb in [from, to], other than a participle (", saying …" is the narrator's subject speaking). */
function reportingWithin(text: AnalysedText, items: Item[], from: number, to: number): boolean {
  for (const item of items) {
    if (item.kind !== 'reporting' || item.start < from || item.start > to) continue;
    if (!(text.norm[item.start] ?? '').endsWith('ing')) return true;
  }
  return false;
}

/** A quotation that closes with a comma inside its marks (…,"): an attribution follows. */
function closedByAttribution(text: AnalysedText, first: number, after: number): boolean {
  let close = after - 1;
  if (close <= first || !quoteMarkAt(text, close)) return false;
  while (close > first && quoteMarkAt(text, close)) close -= 1;
  return text.norm[close] === ',';
}

/** A reporting verb right at `at` ("Rutte told", after the speaker). */
function reportingAt(sentence: Sentence, at: number): boolean {
  const verb = itemAt(sentence.items, at);
  return verb?.kind === 'reporting' && verb.start === at;
}

/**
 * The attribution right after a bare quotation that no reporting clause accounted for (its
 * occasion too long for a trailing one, or its speaker unknown): a speaker the rules know right
 * before the verb ("…," Rutte told reporters at the end of a meeting of …) speaks, and the frame
 * is a reporting one whose head runs to the sentence's end (its date is the statement's); a name they do
 * not know ("…," Jaishankar said) or an indefinite speaker after the verb ("…," said a strategist)
 * is recorded as the frame's `unreadName`.
 */
function readOwnAttribution(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  frame: Frame,
  at: number,
  end: number,
): void {
  const speaker = mentionAt(sentence.mentions, at);
  if (speaker) {
    // A reporting clause after all, its occasion (and any date) the head; "…," Kaja Kallas, the
    // EU's foreign policy chief, said: a person's apposition set off by commas before the verb.
    if (canHold(speaker) && !speaker.object && reportingAt(sentence, appositionEnd(text, sentence, speaker, end))) {
      frame.speakers = [speaker];
      frame.kind = 'reporting';
      frame.head = [at, end];
    }
    return;
  }
  // "…," Jaishankar said / "…," Olena Marchuk said: a name of words the rules do not know.
  let name = at;
  while (
    name < Math.min(end, at + MAX_UNREAD_NAME) &&
    isCapitalised(text, name) &&
    !mentionAt(sentence.mentions, name)
  ) {
    name += 1;
  }
  if (name > at && reportingAt(sentence, name)) {
    frame.unreadName = text.norm[name - 1] ?? '';
    return;
  }
  const verb = itemAt(sentence.items, at);
  const next = verb ? (text.norm[verb.end] ?? '') : '';
  if (!verb || !reportingAt(sentence, at)) {
    if (!compiled.words.definiteArticles.has(text.norm[at] ?? '')) return;
    // "…," the EU's foreign policy chief Kaja Kallas said: a person named after a title the rules
    // do not read as part of the name speaks.
    for (let k = at + 1; k < Math.min(end, at + 1 + MAX_APPOSITION); k += 1) {
      if (sentence.quoted[k] || quoteMarkAt(text, k) || text.norm[k] === ',') break;
      const named = mentionAt(sentence.mentions, k);
      if (named?.kind !== 'person') continue;
      if (canHold(named) && !named.object && reportingAt(sentence, named.end)) {
        frame.speakers = [named];
        frame.kind = 'reporting';
        frame.head = [at, end];
      }
      return;
    }
    // "…," the statement said: an article and a common noun, no one the rules can name.
    for (let k = at + 1; k < Math.min(end, at + 3); k += 1) {
      if (isCapitalised(text, k) || mentionAt(sentence.mentions, k) || tokenType(text, k) !== 'word') return;
      if (reportingAt(sentence, k + 1)) {
        frame.unreadName = '';
        return;
      }
    }
    return;
  }
  if (compiled.words.articles.has(next) && !compiled.words.definiteArticles.has(next)) {
    frame.unreadName = '';
    return;
  }
  // "…," said Olena Marchuk, a senior fellow at …: a name after the verb that the rules do not know.
  if (isCapitalised(text, verb.end) && !mentionAt(sentence.mentions, verb.end)) {
    let last = verb.end;
    while (last + 1 < end && isCapitalised(text, last + 1) && !mentionAt(sentence.mentions, last + 1)) last += 1;
    frame.unreadName = text.norm[last] ?? '';
  }
}

/** The most tokens of an apposition after a speaker's name ("Kaja Kallas, the EU's foreign policy chief, said"). */
const MAX_APPOSITION = 8;

/**
 * Where the reporting verb would stand after a person named with an apposition: past the comma
 * closing it, when the name ends in a comma, no other person is named before the closing comma and
 * a word follows it; else the mention's end.
 */
function appositionEnd(text: AnalysedText, sentence: Sentence, speaker: Mention, end: number): number {
  if (speaker.kind !== 'person' || text.norm[speaker.end] !== ',') return speaker.end;
  for (let k = speaker.end + 1; k < Math.min(end, speaker.end + 1 + MAX_APPOSITION); k += 1) {
    if (text.norm[k] === ',') return k + 1;
    if (sentence.quoted[k] || quoteMarkAt(text, k)) return speaker.end;
    if (mentionAt(sentence.mentions, k)?.kind === 'person') return speaker.end;
  }
  return speaker.end;
}

/** The most words of a name the rules do not know before a reporting verb ("Olena Marchuk said"). */
const MAX_UNREAD_NAME = 3;

function isSentenceEnd(text: AnalysedText, from: number, end: number): boolean {
  for (let i = from; i < end; i += 1) if (tokenType(text, i) !== 'punctuation') return false;
  return true;
}

/**
 * After the speaker only a date, "in a statement", a recipient or punctuation remains, up to the end or
 * to a frame end (", as …", ", after …"): where the attribution ends, or -1 when it is no trailing one.
 * After a quotation ("…," X told reporters on Tuesday, two weeks after he had …) the attribution ends
 * at its first comma or clause boundary too ("…," X said as she arrived for a summit): what follows is
 * the narrator's, and the quotation stays the speaker's words.
 */
function trailingEnd(
  compiled: CompiledCodebook,
  text: AnalysedText,
  sentence: Sentence,
  from: number,
  end: number,
  afterQuotation: boolean,
): number {
  let words = 0;
  for (let i = from; i < end; i += 1) {
    if (afterQuotation && text.norm[i] === ',' && !isSentenceEnd(text, i, end)) {
      // ", adding that …" still opens a frame of its own; anything else is the occasion, no one's stance.
      return (text.norm[i + 1] ?? '').endsWith('ing') ? i : end;
    }
    if (tokenType(text, i) === 'punctuation' && text.norm[i] !== ',') continue;
    const item = itemAt(sentence.items, i);
    // ", Starmer said on Wednesday, as he urged …", "…, restating …": the narrator resumes, and the
    // attribution ends.
    if (item?.kind === 'frameEnd' && item.start === i) return i;
    // "…," Kallas said as she arrived for a summit / told reporters after talks with …: after a
    // quotation, a clause boundary opens the occasion, as a comma does: no one's stance.
    if (afterQuotation && item?.kind === 'boundary' && item.start === i) return end;
    if (text.norm[i] === ',' && (text.norm[i + 1] ?? '').endsWith('ing')) return i;
    if (tokenType(text, i) === 'punctuation') continue;
    // "told the meeting by video link": the audience, even when its word names a proposition.
    const recipient = recipientAt(compiled, text, i, end);
    if (recipient) {
      i = recipient.end - 1;
      continue;
    }
    if (item && (item.kind === 'trigger' || item.kind === 'cue' || item.kind === 'reporting')) return -1;
    if (!compiled.words.trailingAttributionWords.has(text.norm[i] ?? '')) words += 1;
    if (words > 6) return -1;
  }
  return end;
}
