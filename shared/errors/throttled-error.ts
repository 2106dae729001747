import { StancewatchError } from './stancewatch-error';

/** The store or a downstream service kept throttling after retries. */
export class ThrottledError extends StancewatchError {
  readonly code = 'THROTTLED';
}

export const isThrottledError = (error: unknown): error is ThrottledError => error instanceof ThrottledError;
