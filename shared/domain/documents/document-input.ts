import { createHash } from 'node:crypto';
import type * as z from 'zod';
import { DocumentTooLargeError, UnsupportedMediaTypeError, ValidationError } from '../../errors';
import { toArticleText } from './article-text';
import { DocumentInput } from './document-input-schema';
import { MAX_RAW_DOCUMENT_BYTES, MAX_TEXT_BYTES } from './document-limits';

/** A validated document, ready for extraction and storage. */
export interface PreparedDocument {
  documentId: string;
  externalId?: string;
  title?: string;
  source?: string;
  url?: string;
  publishedAt: string;
  /** Normalised article text: what is stored and what the extractor reads. */
  text: string;
  contentHash: string;
  format: 'text' | 'html';
}

const describe = (error: z.ZodError) =>
  error.issues.map((issue) => ({ field: issue.path.join('.') || '(body)', message: issue.message }));

/** Parses untrusted input into a DocumentInput, or a ValidationError naming the fields. */
export function parseDocumentInput(input: unknown): DocumentInput {
  const parsed = DocumentInput.safeParse(input);
  if (!parsed.success) {
    const issues = describe(parsed.error);
    throw new ValidationError(
      `invalid document: ${issues.map((issue) => `${issue.field}: ${issue.message}`).join('; ')}`,
      { details: { issues } },
    );
  }
  return parsed.data;
}

// Control characters other than tab, newline and carriage return never occur in real prose.
// biome-ignore lint/suspicious/noControlCharactersInRegex: detecting them is the point
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Refuses what is not text: NUL bytes, a high share of control characters, or many U+FFFD
 * replacement characters (the trace of invalid UTF-8 decoded leniently).
 */
export function assertLooksLikeText(text: string): void {
  if (text.includes('\u0000')) {
    throw new UnsupportedMediaTypeError('the document is binary (it contains NUL bytes), not text');
  }
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  const controls = sample.match(CONTROL_CHARACTERS)?.length ?? 0;
  const replacements = sample.split('\ufffd').length - 1;
  if (controls > Math.max(8, sample.length * 0.01) || replacements > Math.max(8, sample.length * 0.01)) {
    throw new UnsupportedMediaTypeError('the document does not look like text (control characters or invalid UTF-8)', {
      details: { controlCharacters: controls, replacementCharacters: replacements },
    });
  }
}

/**
 * Canonical text form: Unicode NFC, one kind of newline, no control characters, spaces inside a
 * line collapsed, paragraphs separated by one blank line.
 */
export function normaliseText(text: string): string {
  return text
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL_CHARACTERS, ' ')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Hash of the text with all whitespace folded: reflowed copies of an article hash the same. */
export function contentHashOf(normalisedText: string): string {
  return createHash('sha256').update(normalisedText.replace(/\s+/g, ' ')).digest('hex');
}

export const documentIdFromHash = (contentHash: string): string => `doc-${contentHash.slice(0, 24)}`;

const utf8Bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/**
 * Validates and normalises a document: size, text-ness, HTML to article text, normalisation,
 * content hash and document id. Throws a typed error; never returns a half-valid document.
 */
export function prepareDocument(input: unknown): PreparedDocument {
  const document = parseDocumentInput(input);
  const rawBytes = utf8Bytes(document.text);
  if (rawBytes > MAX_RAW_DOCUMENT_BYTES) {
    throw new DocumentTooLargeError(`the document is ${rawBytes} bytes; the limit is ${MAX_RAW_DOCUMENT_BYTES} bytes`, {
      details: { bytes: rawBytes, limit: MAX_RAW_DOCUMENT_BYTES },
    });
  }
  if (document.text.trim().length === 0) {
    throw new ValidationError('the document text is empty', {
      details: { issues: [{ field: 'text', message: 'empty' }] },
    });
  }
  assertLooksLikeText(document.text);
  const article = toArticleText(document.text);
  const text = normaliseText(article.text);
  if (text.length === 0) {
    throw new ValidationError(
      article.format === 'html' ? 'no article text found in the HTML page' : 'the document text is empty',
      { details: { issues: [{ field: 'text', message: 'no article text' }] } },
    );
  }
  const textBytes = utf8Bytes(text);
  if (textBytes > MAX_TEXT_BYTES) {
    throw new DocumentTooLargeError(`the article text is ${textBytes} bytes; the limit is ${MAX_TEXT_BYTES} bytes`, {
      details: { bytes: textBytes, limit: MAX_TEXT_BYTES },
    });
  }
  const contentHash = contentHashOf(text);
  const title = document.title ?? article.title;
  return {
    documentId: document.id ?? documentIdFromHash(contentHash),
    ...(document.id ? { externalId: document.id } : {}),
    ...(title ? { title } : {}),
    ...(document.source ? { source: document.source } : {}),
    ...(document.url ? { url: document.url } : {}),
    publishedAt: document.publishedAt,
    text,
    contentHash,
    format: article.format,
  };
}
