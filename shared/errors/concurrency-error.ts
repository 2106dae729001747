import { StancewatchError } from './stancewatch-error';

/**
 * An append whose expected stream version no longer matches the stream: another writer got
 * there first. Callers reload the stream, decide again and retry.
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
