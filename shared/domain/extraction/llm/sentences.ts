import { type AnalysedText, analyse, tokenType } from '../nlp';

/**
 * The document's sentences as the rules extractor numbers them: the same wink sentence boundaries,
 * the same index (a sentence's position among all of wink's sentences, empty ones included), the
 * same trimming of line breaks. So a statement the model finds in sentence 7 has the sentenceIndex
 * (and therefore the statementId) the rules would give it, and rules and model results merge.
 */

export interface DocumentSentence {
  /** Position among the document's sentences (the Statement's `sentenceIndex`). */
  index: number;
  /** The sentence exactly as written in the document (the Statement's `quote`). */
  text: string;
  /** Character offsets in the document, [start, end). */
  start: number;
  end: number;
}

export interface SplitDocument {
  /** The text the offsets refer to (the document as given). */
  text: string;
  /** Tokens and sentence spans, for codebook matching (the hybrid mode's pre-filter). */
  analysed: AnalysedText;
  /** Token span [first, last] of each kept sentence, by sentence index. */
  tokenSpans: Map<number, [number, number]>;
  /** Sentences that can be quoted, in document order; empty ones are left out (indexes keep their gaps). */
  sentences: DocumentSentence[];
}

/** The Statement schema's limit on a quote: a longer "sentence" is a table or a list run together. */
export const MAX_QUOTE_CHARS = 5000;

export function splitSentences(text: string): SplitDocument {
  const analysed = analyse(text);
  const sentences: DocumentSentence[] = [];
  const tokenSpans = new Map<number, [number, number]>();
  analysed.sentences.forEach(([spanFirst, spanLast], index) => {
    let first = spanFirst;
    while (first <= spanLast && tokenType(analysed, first) === 'tabCRLF') first += 1;
    let last = spanLast;
    while (last >= first && tokenType(analysed, last) === 'tabCRLF') last -= 1;
    if (first > last) return;
    const rawStart = analysed.start[first] ?? 0;
    const rawEnd = (analysed.start[last] ?? 0) + (analysed.value[last] ?? '').length;
    // Offsets are the same in the original text (long runs are blanked, not removed): slice the
    // original, so a quote is always verbatim from the document.
    const slice = text.slice(rawStart, rawEnd);
    const sentence = slice.trim();
    if (sentence.length === 0 || sentence.length > MAX_QUOTE_CHARS) return;
    const start = rawStart + (slice.length - slice.trimStart().length);
    sentences.push({ index, text: sentence, start, end: start + sentence.length });
    tokenSpans.set(index, [first, last]);
  });
  return { text, analysed, tokenSpans, sentences };
}

const TYPOGRAPHIC: Array<[RegExp, string]> = [
  [/[\u2018\u2019\u201A\u201B\u2032\u00B4`]/g, "'"],
  [/[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB]/g, '"'],
  [/[\u2010\u2011\u2012\u2013\u2014\u2015\u2212]/g, '-'],
  [/\u2026/g, '...'],
  [/[\u00A0\u2007\u202F\u200B]/g, ' '],
];

/**
 * The form in which a model's quote is compared with the document's sentences: Unicode NFC,
 * typographic quotes, apostrophes and dashes folded to ASCII, runs of white space collapsed, ends
 * trimmed. Nothing else: a changed word, a dropped clause or a paraphrase does not match.
 */
export function normaliseForMatch(text: string): string {
  let out = text.normalize('NFC');
  for (const [pattern, replacement] of TYPOGRAPHIC) out = out.replace(pattern, replacement);
  return out.replace(/\s+/g, ' ').trim();
}
