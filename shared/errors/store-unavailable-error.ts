import { StancewatchError } from './stancewatch-error';

/** The store could not be reached or kept failing after retries; nothing was written. */
export class StoreUnavailableError extends StancewatchError {
  readonly code = 'STORE_UNAVAILABLE';
}

export const isStoreUnavailableError = (error: unknown): error is StoreUnavailableError =>
  error instanceof StoreUnavailableError;
