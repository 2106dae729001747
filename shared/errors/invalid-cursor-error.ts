import { StancewatchError } from './stancewatch-error';

/** A pagination cursor that was not issued by this API or was tampered with. */
export class InvalidCursorError extends StancewatchError {
  readonly code = 'INVALID_CURSOR';
}

export const isInvalidCursorError = (error: unknown): error is InvalidCursorError =>
  error instanceof InvalidCursorError;
