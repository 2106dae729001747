import { MASK } from './codebook/compile';
import { type AnalysedText, isParagraphBreak, WORD_CHARACTER } from './nlp';

/** Quotation marks: which tokens of a document are quoted, and whether a token is a quotation mark. */

const QUOTE_OPEN = 1;
const QUOTE_CLOSE = 2;
const QUOTE_TOGGLE = 3;
/** A single mark (' ‘ ’): an apostrophe as often as a quotation mark; its neighbours decide. */
const QUOTE_SINGLE = 4;

/** Which quotation mark a token is: opening (“ « „), closing (” »), either ("), single (' ‘ ’), or none (0). */
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
    case 0x27: // '
    case 0x2018: // ‘
    case 0x2019: // ’
      return QUOTE_SINGLE;
    default:
      return 0;
  }
}

/** What an apostrophe touches inside a word. */
const isWordCharacter = (character: string | undefined) => character !== undefined && WORD_CHARACTER.test(character);

/**
 * A single mark opens a quotation when it starts a word: nothing, a space or an opening bracket
 * before it, a letter or digit right after it ("'Sanctions …"). An apostrophe inside or at the end
 * of a word ("Russia's", "the allies' plan") never does.
 */
function opensSingleQuotation(text: AnalysedText, index: number): boolean {
  const at = text.start[index]!;
  const before = at > 0 ? text.text[at - 1] : undefined;
  if (before !== undefined && !/[\s([]/u.test(before)) return false;
  return isWordCharacter(text.text[at + 1]);
}

/** An open single quotation closes at a mark that ends a word: no letter or digit right after it ("…,' he said"). */
function closesSingleQuotation(text: AnalysedText, index: number): boolean {
  const at = text.start[index]!;
  return !isWordCharacter(text.text[at + 1]) && !/\s/u.test(text.text[at - 1] ?? ' ');
}

/**
 * Which tokens of the document are inside quotation marks; a paragraph break closes a quote.
 * Single marks (British style, 'We are ready,' he said) quote too when no double quotation is open
 * (inside one they are a quotation within the quotation, part of its words); those read as
 * quotation marks get the quotation-mark bit in the document's token mask, so `quoteMarkAt` and
 * the stages that look for quotation marks see them like double ones.
 */
export function quotedTokens(text: AnalysedText): boolean[] {
  const count = text.norm.length;
  const quoted = new Array<boolean>(count).fill(false);
  // With the token mask, a token that is no quotation mark is known without reading it.
  const mask = text.mask;
  let open = false;
  let single = false;
  for (let i = 0; i < count; i += 1) {
    const bits = mask === undefined ? MASK.quote | MASK.singleQuote : mask[i]!;
    const kind = (bits & (MASK.quote | MASK.singleQuote)) === 0 ? 0 : quoteKind(text.norm[i] ?? '');
    // Outside a quotation only a quotation mark changes anything (most tokens of most documents).
    if (!open && !single && kind === 0) continue;
    if (kind === 0 && isParagraphBreak(text, i)) {
      open = false;
      single = false;
      continue;
    }
    if (kind === QUOTE_SINGLE) {
      if (open) quoted[i] = true;
      else if (single ? closesSingleQuotation(text, i) : opensSingleQuotation(text, i)) {
        single = !single;
        if (mask !== undefined) mask[i] = mask[i]! | MASK.quote;
      } else if (single) quoted[i] = true;
      continue;
    }
    if (single) {
      // A double mark inside a single quotation is part of its words.
      quoted[i] = true;
      continue;
    }
    if (kind === QUOTE_OPEN) open = true;
    else if (kind === QUOTE_CLOSE) open = false;
    else if (kind === QUOTE_TOGGLE) open = !open;
    else if (open) quoted[i] = true;
  }
  return quoted;
}

/** Whether a token is a double quotation mark (" “ ” « » „); single marks depend on their neighbours: see `quoteMarkAt`. */
const isQuoteMark = (token: string) => {
  const kind = quoteKind(token);
  return kind !== 0 && kind !== QUOTE_SINGLE;
};

/** Whether token `index` is a quotation mark, from the token mask when the text has one. */
export function quoteMarkAt(text: AnalysedText, index: number): boolean {
  const mask = text.mask;
  if (mask !== undefined && index >= 0 && index < mask.length) return (mask[index]! & MASK.quote) !== 0;
  return isQuoteMark(text.norm[index] ?? '');
}
