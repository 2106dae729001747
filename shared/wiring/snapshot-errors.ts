import type { HandlerLogger } from '../../functions/streams/stream-handler';

/** Logs a snapshot the projector could not store: the decision stood, only later cold reads cost more. */
export const reportSnapshotError =
  (logger: HandlerLogger) =>
  (streamId: string, error: unknown): void =>
    logger.error('position snapshot not stored; the next one is due in snapshotEvery commits', {
      streamId,
      error: error instanceof Error ? { name: error.name, message: error.message } : String(error),
    });
