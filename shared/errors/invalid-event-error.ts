import { StancewatchError } from './stancewatch-error';

/** A stored or incoming event whose envelope or data does not match its schema. */
export class InvalidEventError extends StancewatchError {
  readonly code = 'INVALID_EVENT';
}

export const isInvalidEventError = (error: unknown): error is InvalidEventError => error instanceof InvalidEventError;
