import { EventContractError, type EventErrorCode } from '../events/errors';

export { InvalidEventError } from '../events/errors';

/**
 * Every error stancewatch raises on purpose, in one file. Each has a stable machine-readable
 * `code` (API bodies and CLI messages carry it) and safe `details`. Statuses are assigned here,
 * once, for every code; the API and the CLI read them, and nothing below the edge looks at them.
 */
export type ErrorCode =
  | 'VALIDATION_FAILED'
  | 'INVALID_CURSOR'
  | 'UNAUTHORIZED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'CONCURRENCY_CONFLICT'
  | 'DOCUMENT_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'THROTTLED'
  | 'STORE_UNAVAILABLE'
  | 'ALERT_DELIVERY_FAILED'
  | 'BEDROCK_EXTRACTION_FAILED'
  | 'INVALID_CODEBOOK'
  | 'INVALID_CONFIGURATION'
  | 'DATA_FOLDER_IN_USE'
  | EventErrorCode;

export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 415 | 429 | 500 | 503;

/**
 * Code → HTTP status, exhaustive (the type fails to compile when a code is added without one).
 * 500 marks a fault of the service, not of the request: the API answers it without details.
 */
export const HTTP_STATUS_BY_CODE: Readonly<Record<ErrorCode, ErrorStatus>> = {
  VALIDATION_FAILED: 400,
  INVALID_CURSOR: 400,
  UNAUTHORIZED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONCURRENCY_CONFLICT: 409,
  DOCUMENT_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  THROTTLED: 429,
  STORE_UNAVAILABLE: 503,
  ALERT_DELIVERY_FAILED: 500,
  BEDROCK_EXTRACTION_FAILED: 500,
  INVALID_CODEBOOK: 500,
  INVALID_CONFIGURATION: 500,
  DATA_FOLDER_IN_USE: 409,
  INVALID_EVENT: 500,
  UNKNOWN_EVENT_TYPE: 500,
  UNSUPPORTED_SCHEMA_VERSION: 500,
};

/**
 * Code → CLI exit status, exhaustive: 2 when the command's own input was at fault (like a usage
 * error; the environment variables a user sets are input too), 1 for everything else, including a
 * conflict another process caused.
 */
export const CLI_EXIT_BY_CODE: Readonly<Record<ErrorCode, 1 | 2>> = {
  VALIDATION_FAILED: 2,
  DOCUMENT_TOO_LARGE: 2,
  UNSUPPORTED_MEDIA_TYPE: 2,
  NOT_FOUND: 2,
  INVALID_CONFIGURATION: 2,
  INVALID_CODEBOOK: 2,
  INVALID_CURSOR: 1,
  UNAUTHORIZED: 1,
  FORBIDDEN: 1,
  CONCURRENCY_CONFLICT: 1,
  THROTTLED: 1,
  STORE_UNAVAILABLE: 1,
  ALERT_DELIVERY_FAILED: 1,
  BEDROCK_EXTRACTION_FAILED: 1,
  DATA_FOLDER_IN_USE: 1,
  INVALID_EVENT: 1,
  UNKNOWN_EVENT_TYPE: 1,
  UNSUPPORTED_SCHEMA_VERSION: 1,
};

/**
 * Base of the application's errors. Mapping to HTTP statuses happens only at the edge
 * (functions/api, cli), through HTTP_STATUS_BY_CODE.
 */
export abstract class StancewatchError extends Error {
  abstract readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details;
  }
}

/** Any error raised on purpose, the event contract's included. */
export type KnownError = StancewatchError | EventContractError;

export const isStancewatchError = (error: unknown): error is KnownError =>
  error instanceof StancewatchError || error instanceof EventContractError;

/** Input that does not satisfy its schema: a document, a query parameter, a CLI argument. */
export class ValidationError extends StancewatchError {
  readonly code = 'VALIDATION_FAILED';
}

export const isValidationError = (error: unknown): error is ValidationError => error instanceof ValidationError;

/** A pagination cursor that was not issued by this API or was tampered with. */
export class InvalidCursorError extends StancewatchError {
  readonly code = 'INVALID_CURSOR';
}

/** A document, stream, actor or other named thing that does not exist. */
export class NotFoundError extends StancewatchError {
  readonly code = 'NOT_FOUND';
}

/**
 * An append whose expected stream version no longer matches the stream: another writer got
 * there first. Callers reload the stream, decide again and retry (`handleCommand` does).
 */
export class ConcurrencyError extends StancewatchError {
  readonly code = 'CONCURRENCY_CONFLICT';
  readonly streamId: string;
  readonly expectedVersion: number;
  readonly actualVersion: number | undefined;

  constructor(streamId: string, expectedVersion: number, actualVersion?: number) {
    super(
      `stream ${streamId} is not at version ${expectedVersion}` +
        (actualVersion === undefined ? '' : ` (it is at ${actualVersion})`),
      { details: { streamId, expectedVersion, actualVersion } },
    );
    this.streamId = streamId;
    this.expectedVersion = expectedVersion;
    this.actualVersion = actualVersion;
  }
}

export const isConcurrencyError = (error: unknown): error is ConcurrencyError => error instanceof ConcurrencyError;

/** A document over the documented size limit (see docs/event-store.md). */
export class DocumentTooLargeError extends StancewatchError {
  readonly code = 'DOCUMENT_TOO_LARGE';
}

export const isDocumentTooLargeError = (error: unknown): error is DocumentTooLargeError =>
  error instanceof DocumentTooLargeError;

/** Input that is not text: binary data, invalid UTF-8, an unknown content type. */
export class UnsupportedMediaTypeError extends StancewatchError {
  readonly code = 'UNSUPPORTED_MEDIA_TYPE';
}

/** The store or a downstream service kept throttling after retries. */
export class ThrottledError extends StancewatchError {
  readonly code = 'THROTTLED';
}

/** The store could not be reached or kept failing after retries; nothing was written. */
export class StoreUnavailableError extends StancewatchError {
  readonly code = 'STORE_UNAVAILABLE';
}

/** A notifier (SNS, SMTP, the outbox file) could not deliver an alert after its own retries. */
export class AlertDeliveryError extends StancewatchError {
  readonly code = 'ALERT_DELIVERY_FAILED';
}

export const isAlertDeliveryError = (error: unknown): error is AlertDeliveryError =>
  error instanceof AlertDeliveryError;

/**
 * The model could not be asked (access denied, unknown model, a request it refuses, or transient
 * errors that outlasted the retries and the time budget). The extractor catches it and falls back
 * to the rules for that document; it never reaches ingest.
 */
export class BedrockExtractionError extends StancewatchError {
  readonly code = 'BEDROCK_EXTRACTION_FAILED';
}

/**
 * A codebook that cannot be read or does not satisfy its schema; `details.issues` names the fields.
 * The CLI answers it as bad input (exit 2): the codebook is the user's STANCEWATCH_CODEBOOK file.
 */
export class InvalidCodebookError extends StancewatchError {
  readonly code = 'INVALID_CODEBOOK';
}

export const isInvalidCodebookError = (error: unknown): error is InvalidCodebookError =>
  error instanceof InvalidCodebookError;

/**
 * An environment variable that is missing or invalid (shared/config.ts); the message names each
 * one. It stops a Lambda container at init; the CLI answers it as bad input (exit 2).
 */
export class ConfigurationError extends StancewatchError {
  readonly code = 'INVALID_CONFIGURATION';
}
