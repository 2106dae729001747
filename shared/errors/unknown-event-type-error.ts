import { StancewatchError } from './stancewatch-error';

/** An event whose type this version of stancewatch does not know. */
export class UnknownEventTypeError extends StancewatchError {
  readonly code = 'UNKNOWN_EVENT_TYPE';
}

export const isUnknownEventTypeError = (error: unknown): error is UnknownEventTypeError =>
  error instanceof UnknownEventTypeError;
