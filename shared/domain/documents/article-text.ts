import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';

export interface ArticleText {
  text: string;
  format: 'text' | 'html';
  /** The page title, when the input was HTML and had one. */
  title?: string;
}

// Looks for markup near the start: a doctype, <html>, or at least two common block tags.
const HTML_START = /^\s*(?:<!doctype\s+html|<html[\s>]|<\?xml[^>]*>\s*<html)/i;
const HTML_TAG = /<(?:p|div|article|section|body|head|span|h[1-6]|br|a\s[^>]*href)[\s>/]/gi;

/** Decides by content, not by file name or header: documents arrive from many places. */
export function looksLikeHtml(raw: string): boolean {
  if (HTML_START.test(raw)) return true;
  const sample = raw.slice(0, 20_000);
  return (sample.match(HTML_TAG)?.length ?? 0) >= 2;
}

/**
 * Readability returns *something* for any page, even a bare menu. Text that is short and holds no
 * sentence is no article: the page is refused rather than stored as "Home About Contact".
 */
const MIN_ARTICLE_CHARACTERS = 80;

/** Fewer words than this ending in a full stop is a label ("Contact us."), not a news sentence. */
const MIN_SENTENCE_WORDS = 5;

/**
 * A one-sentence news brief is still an article ("Putin rejects the ceasefire, the Kremlin says."),
 * though shorter than MIN_ARTICLE_CHARACTERS: a paragraph of MIN_SENTENCE_WORDS words or more that
 * ends like a sentence, a closing quotation mark or bracket allowed.
 */
function holdsASentence(text: string): boolean {
  return text
    .split('\n\n')
    .some(
      (paragraph) =>
        /[.!?]["'\u2019\u201d)]?$/u.test(paragraph) && (paragraph.match(/\p{L}+/gu)?.length ?? 0) >= MIN_SENTENCE_WORDS,
    );
}

function isArticle(text: string): boolean {
  return (text.length >= MIN_ARTICLE_CHARACTERS && /[.!?]/.test(text)) || holdsASentence(text);
}

const BLOCK_SELECTOR = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td';

/** Paragraph-aware text of an HTML fragment: one block per paragraph, so sentences never run together. */
function blocksText(html: string): string {
  const { document } = parseHTML(`<!doctype html><html><body>${html}</body></html>`);
  const blocks = [...document.querySelectorAll(BLOCK_SELECTOR)]
    // Nested blocks (a <p> inside an <li>) would be counted twice: keep the innermost.
    .filter((element) => element.querySelector(BLOCK_SELECTOR) === null)
    .map((element) => (element.textContent ?? '').replace(/\s+/g, ' ').trim())
    .filter((text) => text.length > 0);
  if (blocks.length > 0) return blocks.join('\n\n');
  return (document.body?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

/**
 * The article text of a document: plain text as is; for HTML, the readable article body found by
 * Readability (navigation, footers and other boilerplate dropped). A page with no article gives
 * empty text, which ingest refuses with a clear error.
 */
export function toArticleText(raw: string): ArticleText {
  if (!looksLikeHtml(raw)) return { text: raw, format: 'text' };
  const { document } = parseHTML(raw);
  const article = new Readability(document as unknown as Document, { charThreshold: 200 }).parse();
  const title = article?.title?.trim() || undefined;
  const extracted = article?.content ? blocksText(article.content) : '';
  const text = isArticle(extracted) ? extracted : '';
  return title ? { text, format: 'html', title } : { text, format: 'html' };
}
