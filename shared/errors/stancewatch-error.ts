/**
 * Base of every error stancewatch raises on purpose. `code` is stable and machine-readable
 * (API bodies and CLI messages use it); `details` carries safe context for the caller. Mapping to
 * HTTP statuses happens only at the edge (functions/api), never here.
 */
export abstract class StancewatchError extends Error {
  abstract readonly code: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(message: string, options: { details?: Record<string, unknown>; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.details = options.details;
  }
}

export const isStancewatchError = (error: unknown): error is StancewatchError => error instanceof StancewatchError;
