/**
 * Errors the event contract raises while reading or writing an event. `events/` depends on zod
 * alone, so these do not extend the application's error base; `shared/errors.ts` re-exports them
 * and maps their codes like any other.
 */
export type EventErrorCode = 'INVALID_EVENT' | 'UNKNOWN_EVENT_TYPE' | 'UNSUPPORTED_SCHEMA_VERSION';

export abstract class EventContractError extends Error {
  abstract readonly code: EventErrorCode;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details;
  }
}

/** A stored or incoming event whose envelope or data does not match its schema. */
export class InvalidEventError extends EventContractError {
  readonly code = 'INVALID_EVENT';
}

/** An event whose type this version of stancewatch does not know. */
export class UnknownEventTypeError extends EventContractError {
  readonly code = 'UNKNOWN_EVENT_TYPE';
}

/**
 * An event written by a newer stancewatch (schemaVersion above the current one): it cannot be read
 * safely, so it is treated as a poison record.
 */
export class UnsupportedSchemaVersionError extends EventContractError {
  readonly code = 'UNSUPPORTED_SCHEMA_VERSION';
}
