import { DocumentTooLargeError, StancewatchError, StoreUnavailableError, ThrottledError } from '../errors';

const THROTTLING_ERRORS = new Set([
  'ThrottlingException',
  'Throttling',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'TooManyRequestsException',
  'ThrottledException',
]);

const errorName = (error: unknown): string =>
  error && typeof error === 'object' && 'name' in error ? String((error as { name: unknown }).name) : 'Error';

/**
 * Turns what the AWS SDK throws after its own retries into stancewatch's typed errors, so no AWS
 * error type (or its message, which may name resources) leaks past the adapters.
 */
export function translateAwsError(error: unknown, operation: string): StancewatchError {
  if (error instanceof StancewatchError) return error;
  const name = errorName(error);
  if (THROTTLING_ERRORS.has(name)) {
    return new ThrottledError(`${operation} was throttled after retries; try again shortly`, {
      details: { operation, awsError: name },
      cause: error,
    });
  }
  const message = error instanceof Error ? error.message : String(error);
  if (name === 'ValidationException' && /item size/i.test(message)) {
    return new DocumentTooLargeError(`${operation}: the item exceeds DynamoDB's 400 KB limit`, {
      details: { operation },
      cause: error,
    });
  }
  return new StoreUnavailableError(`${operation} failed (${name}) after retries`, {
    details: { operation, awsError: name },
    cause: error,
  });
}
