import type { StreamPosition } from './event-store';

/**
 * A stream folded up to a point, stored so that a reader with nothing in memory (a cold
 * container, a cache miss) reads the snapshot and then only the commits after `at`.
 */
export interface StreamSnapshot {
  streamId: string;
  /**
   * Names the shape of `state` and the fold that made it. A reader whose fold has another schema
   * ignores the snapshot and reads the stream from the start (docs/event-store.md, Snapshots).
   */
  schema: string;
  /** The point of the stream the state is folded up to. */
  at: StreamPosition;
  /** The folded state as plain JSON (the store keeps it as bytes; it never looks inside). */
  state: unknown;
}

export interface SnapshotStore {
  /** The latest whole snapshot of the stream, or undefined (none yet, or one that cannot be read back whole). */
  readSnapshot(streamId: string): Promise<StreamSnapshot | undefined>;
  /**
   * Stores a snapshot unless the stream already has one at the same point or later (a slow
   * writer never moves a snapshot back). Answers whether it was stored.
   */
  writeSnapshot(snapshot: StreamSnapshot): Promise<boolean>;
}
