import type { EventStore, StreamPosition } from '../../shared/ports/event-store';
import type { MemoryEventStore } from './memory-event-store';

/** Records what each readStream asked for and returned, so a test can count whole reads and tail reads. */
export function recordingReads(inner: MemoryEventStore) {
  const reads: { streamId: string; after: StreamPosition | undefined; events: number }[] = [];
  const store: EventStore = {
    appendToStream: (streamId, expectedVersion, events) => inner.appendToStream(streamId, expectedVersion, events),
    readAll: (options) => inner.readAll(options),
    readStreamPage: (streamId, request) => inner.readStreamPage(streamId, request),
    readStream: async (streamId, options) => {
      const read = await inner.readStream(streamId, options);
      reads.push({ streamId, after: options?.after, events: read.events.length });
      return read;
    },
  };
  return { store, reads };
}
