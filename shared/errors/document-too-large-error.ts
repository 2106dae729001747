import { StancewatchError } from './stancewatch-error';

/** A document over the documented size limit (see docs/event-store.md). */
export class DocumentTooLargeError extends StancewatchError {
  readonly code = 'DOCUMENT_TOO_LARGE';
}

export const isDocumentTooLargeError = (error: unknown): error is DocumentTooLargeError =>
  error instanceof DocumentTooLargeError;
