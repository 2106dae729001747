import type {
  AppendOptions,
  AppendResult,
  CommitPage,
  EventStore,
  NewEvent,
  StreamPage,
  StreamPageRequest,
  StreamPosition,
  StreamRead,
} from '../../ports/event-store';
import type { StreamDispatcher } from './stream-dispatcher';

/**
 * The embedded stand-in for DynamoDB Streams' trigger: wraps the real event store and tells the
 * dispatcher about every append. Handlers get this store by composition and never know.
 */
export class DispatchingEventStore implements EventStore {
  /** Events appended through this store, by type: the CLI summary reads it. */
  readonly appendedByType = new Map<string, number>();

  constructor(
    private readonly inner: EventStore,
    private readonly dispatcher: StreamDispatcher,
  ) {}

  async appendToStream(
    streamId: string,
    expectedVersion: number,
    events: readonly NewEvent[],
    options?: AppendOptions,
  ): Promise<AppendResult> {
    const marker = this.dispatcher.beginAppend();
    try {
      const result = await this.inner.appendToStream(streamId, expectedVersion, events, options);
      if (!result.alreadyStored) {
        for (const event of events) this.appendedByType.set(event.type, (this.appendedByType.get(event.type) ?? 0) + 1);
      }
      return result;
    } finally {
      this.dispatcher.endAppend(marker);
    }
  }

  readStream(streamId: string, options?: { after?: StreamPosition }): Promise<StreamRead> {
    return this.inner.readStream(streamId, options);
  }

  readStreamPage(streamId: string, request: StreamPageRequest): Promise<StreamPage> {
    return this.inner.readStreamPage(streamId, request);
  }

  readAll(options?: { after?: string; limit?: number }): Promise<CommitPage> {
    return this.inner.readAll(options);
  }
}
