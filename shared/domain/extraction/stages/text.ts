import { looksLikeHtml, toArticleText } from '../../documents/article-text';
import { type CompiledCodebook, MASK, maskTokens, type TokenMaskBuffer } from '../codebook/compile';
import { type AnalysedText, analyse } from '../nlp';
import { quotedTokens } from '../quotes';

/**
 * Stage 0: the document's text as tokens, or undefined when no statement can be in it. Every
 * statement needs a trigger or a venue word to match, so a document in which none can is not even
 * tokenised (a general news feed is mostly such documents): see docs/extraction.md, "Prefilters".
 */

export interface DocumentText {
  /** Tokens, normal forms, offsets, sentences, and each token's mask of the indexes that may match there. */
  text: AnalysedText;
  /** Which tokens are inside quotation marks. */
  quoted: boolean[];
}

export function readText(compiled: CompiledCodebook, mask: TokenMaskBuffer, input: string): DocumentText | undefined {
  let raw = input;
  if (raw.trim().length === 0) return undefined;
  // Ingest hands over article text already; HTML given directly (the CLI, tests) is read the same way.
  if (raw.includes('<') && looksLikeHtml(raw)) raw = toArticleText(raw).text;
  if (raw.trim().length === 0) return undefined;
  // Could any trigger or venue pattern match here at all? Most of a general news feed cannot, and is
  // skipped before any tokenising. The prefilter spells words the way wink will ("recognising" →
  // "recognizing"), so British spellings are not turned away.
  if (!compiled.prefilter.mayMatch(raw)) return undefined;

  const text = analyse(raw);
  text.mask = maskTokens(compiled, text.norm, mask);
  // A first form such as "the" says little: most articles that got this far still have no trigger.
  if (!matchesAnyTopicWord(compiled, text)) return undefined;
  return { text, quoted: quotedTokens(text) };
}

/** Does any trigger or venue-topic pattern match somewhere in the document (ignoring sentences)? */
function matchesAnyTopicWord(compiled: CompiledCodebook, text: AnalysedText): boolean {
  const mask = text.mask!;
  const end = text.norm.length;
  for (let i = 0; i < end; i += 1) {
    if ((mask[i]! & MASK.candidate) === 0) continue;
    if (
      compiled.triggers.longestAt(text, i, end) ||
      compiled.objects.longestAt(text, i, end) ||
      compiled.venueTopicWords.longestAt(text, i, end)
    )
      return true;
  }
  return false;
}
