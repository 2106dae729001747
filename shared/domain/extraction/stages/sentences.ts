import { type CompiledCodebook, MASK, type MarkerEntry, type MarkerKind } from '../codebook/compile';
import type { PatternMatch } from '../matcher';
import { type AnalysedText, tokenType } from '../nlp';
import { findItems, type Item, type ItemScratch, NO_ITEMS } from './items';
import { findMentions, type Mention, type MentionScratch } from './mentions';

/**
 * Stage 1: the sentences of a document with their mentions (who is named) and items (the words
 * that shape a stance). A sentence with no trigger or venue word (nor an anaphor after one, nor a
 * quotation) gets its mentions only, for later pronouns; one over MAX_SENTENCE_TOKENS is skipped.
 */

/** Sentences longer than this are not prose (tables, lists run together): they are skipped. */
export const MAX_SENTENCE_TOKENS = 250;

export interface Sentence {
  index: number;
  /** First and last token (inclusive), without leading line breaks. */
  first: number;
  last: number;
  mentions: Mention[];
  items: Item[];
  markers: Set<MarkerKind>;
  /** Tokens inside quotation marks (of the whole document: see `quotedTokens`). */
  quoted: boolean[];
}

/** The working lists the stage fills, the extractor's own. */
export interface SentenceScratch {
  readonly mentions: MentionScratch;
  readonly items: ItemScratch;
}

/** Shared empty list (never added to): most sentences name no one. */
export const NO_MENTIONS: Mention[] = [];

const NO_MARKERS: ReadonlySet<never> = new Set();

/** The sentences of a document, each with its mentions and items (undefined: not prose, skipped). */
export function findSentences(
  compiled: CompiledCodebook,
  scratch: SentenceScratch,
  text: AnalysedText,
  quoted: boolean[],
): Array<Sentence | undefined> {
  // An anaphor ("the request", "it") can only point back once some proposition has been named.
  let topicSeen = false;
  return text.sentences.map(([spanFirst, spanLast], index) => {
    let first = spanFirst;
    while (first <= spanLast && tokenType(text, first) === 'tabCRLF') first += 1;
    let last = spanLast;
    while (last >= first && tokenType(text, last) === 'tabCRLF') last -= 1;
    if (first > last || last - first + 1 > MAX_SENTENCE_TOKENS) return undefined;
    // Most sentences of an article carry no stance word: read only their names (later pronouns
    // may point to them) and skip the rules.
    const mask = text.mask!;
    let bits = 0;
    for (let i = first; i <= last; i += 1) bits |= mask[i]!;
    const topical = (bits & MASK.candidate) !== 0;
    const pointing = (bits & MASK.anaphors) !== 0;
    const named = (bits & MASK.names) !== 0;
    const quoting = (bits & MASK.quote) !== 0;
    const candidate = topical || quoting || (pointing && topicSeen);
    topicSeen ||= topical;
    if (!candidate) {
      return {
        index,
        first,
        last,
        mentions: named ? findMentions(compiled, scratch.mentions, text, first, last) : NO_MENTIONS,
        items: NO_ITEMS,
        markers: NO_MARKERS as Set<never>,
        quoted,
      } satisfies Sentence;
    }
    const markerMatches = compiled.markers.scan(text, first, last + 1);
    const markers = markerMatches.length === 0 ? (NO_MARKERS as Set<never>) : markerKinds(markerMatches);
    return {
      index,
      first,
      last,
      mentions: findMentions(compiled, scratch.mentions, text, first, last, markerMatches),
      items: findItems(compiled, scratch.items, text, first, last),
      markers,
      quoted,
    } satisfies Sentence;
  });
}

/** The kinds of the markers found in a sentence. */
function markerKinds(matches: readonly PatternMatch<MarkerEntry>[]): Set<MarkerKind> {
  const kinds = new Set<MarkerKind>();
  for (const match of matches) kinds.add(match.payload.kind);
  return kinds;
}
