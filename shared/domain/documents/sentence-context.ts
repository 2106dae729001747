/** A quoted sentence with the sentences around it in its document, for a reviewer to judge the reading. */
export interface SentenceInContext {
  before: string;
  quote: string;
  after: string;
}

// A sentence ends at . ! ? (with any closing quote or bracket after it) followed by white space.
const BOUNDARY = /(?<=[.!?…]["”’)\]]?)\s+/u;

/**
 * The `count` sentences before and after `quote` in `text`, or undefined when the quote is not in
 * the text (a statement from another extractor's segmentation, a re-ingested edit). A plain split
 * on sentence-final punctuation: good enough for context, no language model needed to read it.
 */
export function sentenceInContext(text: string, quote: string, count = 2): SentenceInContext | undefined {
  const at = text.indexOf(quote);
  if (at < 0 || quote.length === 0) return undefined;
  const before = text
    .slice(0, at)
    .trim()
    .split(BOUNDARY)
    .filter((sentence) => sentence.length > 0)
    .slice(-count)
    .join(' ');
  const after = text
    .slice(at + quote.length)
    .trim()
    .split(BOUNDARY)
    .filter((sentence) => sentence.length > 0)
    .slice(0, count)
    .join(' ');
  return { before, quote, after };
}
