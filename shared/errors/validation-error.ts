import { StancewatchError } from './stancewatch-error';

/** Input that does not satisfy its schema: a document, a query parameter, a CLI argument. */
export class ValidationError extends StancewatchError {
  readonly code = 'VALIDATION_FAILED';
}

export const isValidationError = (error: unknown): error is ValidationError => error instanceof ValidationError;
