import { LRUCache } from 'lru-cache';
import type { PositionState } from '../domain/positions/position-state';
import type { StreamPosition } from '../ports/event-store';

/** A position stream folded up to a point of the stream. */
export interface FoldedPosition {
  state: PositionState;
  at: StreamPosition;
}

/** Statements (plus one per stream) kept by default: a few tens of MB at most. */
const DEFAULT_MAX_STATEMENTS = 20_000;

/**
 * Position states the projector already folded, so the next decision on the same stream reads only
 * the commits after them instead of the whole stream. Safe because stored commits never change: a
 * state folded up to commit n stays the fold of commits 1..n. Bounded by the number of statements
 * held (least recently used streams go first); a warm Lambda container or the embedded process
 * keeps it between batches, a cold one starts empty and reads whole streams once.
 */
export class PositionStateCache {
  readonly #entries: LRUCache<string, FoldedPosition>;

  constructor(options: { maxStatements?: number } = {}) {
    this.#entries = new LRUCache<string, FoldedPosition>({
      maxSize: options.maxStatements ?? DEFAULT_MAX_STATEMENTS,
      sizeCalculation: (entry) => entry.state.statements.size + 1,
    });
  }

  get(streamId: string): FoldedPosition | undefined {
    return this.#entries.get(streamId);
  }

  set(streamId: string, entry: FoldedPosition): void {
    this.#entries.set(streamId, entry);
  }

  /** Forget a stream, e.g. when the store disagrees with what was cached (a version conflict). */
  delete(streamId: string): void {
    this.#entries.delete(streamId);
  }

  get size(): number {
    return this.#entries.size;
  }
}
