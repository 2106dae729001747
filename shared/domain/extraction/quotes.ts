import { MASK } from './codebook/compile';
import { type AnalysedText, tokenType } from './nlp';

/** Quotation marks: which tokens of a document are quoted, and whether a token is a quotation mark. */

const QUOTE_OPEN = 1;
const QUOTE_CLOSE = 2;
const QUOTE_TOGGLE = 3;

/** Which quotation mark a token is: opening (“ « „), closing (” »), either ("), or none (0). */
function quoteKind(token: string): number {
  if (token.length !== 1) return 0;
  switch (token.charCodeAt(0)) {
    case 0x201c: // “
    case 0xab: // «
    case 0x201e: // „
      return QUOTE_OPEN;
    case 0x201d: // ”
    case 0xbb: // »
      return QUOTE_CLOSE;
    case 0x22: // "
      return QUOTE_TOGGLE;
    default:
      return 0;
  }
}

/** Which tokens of the document are inside quotation marks; a paragraph break closes a quote. */
export function quotedTokens(text: AnalysedText): boolean[] {
  const count = text.norm.length;
  const quoted = new Array<boolean>(count).fill(false);
  // With the token mask, a token that is no quotation mark is known without reading it.
  const mask = text.mask;
  let open = false;
  for (let i = 0; i < count; i += 1) {
    const kind = mask !== undefined && (mask[i]! & MASK.quote) === 0 ? 0 : quoteKind(text.norm[i] ?? '');
    // Outside a quotation only a quotation mark changes anything (most tokens of most documents).
    if (!open && kind === 0) continue;
    if (kind === 0 && tokenType(text, i) === 'tabCRLF' && (text.value[i] ?? '').includes('\n')) {
      open = false;
      continue;
    }
    if (kind === QUOTE_OPEN) open = true;
    else if (kind === QUOTE_CLOSE) open = false;
    else if (kind === QUOTE_TOGGLE) open = !open;
    else if (open) quoted[i] = true;
  }
  return quoted;
}

export const isQuoteMark = (token: string) => quoteKind(token) !== 0;

/** Whether token `index` is a quotation mark, from the token mask when the text has one. */
export function quoteMarkAt(text: AnalysedText, index: number): boolean {
  const mask = text.mask;
  if (mask !== undefined && index >= 0 && index < mask.length) return (mask[index]! & MASK.quote) !== 0;
  return isQuoteMark(text.norm[index] ?? '');
}
