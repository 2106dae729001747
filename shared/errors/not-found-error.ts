import { StancewatchError } from './stancewatch-error';

/** A document, stream, actor or other named thing that does not exist. */
export class NotFoundError extends StancewatchError {
  readonly code = 'NOT_FOUND';
}

export const isNotFoundError = (error: unknown): error is NotFoundError => error instanceof NotFoundError;
