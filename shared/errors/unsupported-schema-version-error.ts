import { StancewatchError } from './stancewatch-error';

/** An event written by a newer stancewatch (schemaVersion above the current one): it cannot be read safely, so it is treated as a poison record. */
export class UnsupportedSchemaVersionError extends StancewatchError {
  readonly code = 'UNSUPPORTED_SCHEMA_VERSION';
}

export const isUnsupportedSchemaVersionError = (error: unknown): error is UnsupportedSchemaVersionError =>
  error instanceof UnsupportedSchemaVersionError;
