import { StancewatchError } from '../../errors/stancewatch-error';

/** A codebook that cannot be read or does not satisfy its schema; `details.issues` names the fields. */
export class InvalidCodebookError extends StancewatchError {
  readonly code = 'INVALID_CODEBOOK';
}

export const isInvalidCodebookError = (error: unknown): error is InvalidCodebookError =>
  error instanceof InvalidCodebookError;
