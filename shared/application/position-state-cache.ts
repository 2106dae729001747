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
/** Folds larger than that budget kept besides it by default. */
const DEFAULT_MAX_LARGE_FOLDS = 2;

const sizeOf = (entry: FoldedPosition) => entry.state.statements.size + 1;

/**
 * Position states the projector already folded, so the next decision on the same stream reads only
 * the commits after them instead of the whole stream. Safe because stored commits never change: a
 * state folded up to commit n stays the fold of commits 1..n. Bounded by the number of statements
 * held (least recently used streams go first); a warm Lambda container or the embedded process
 * keeps it between batches, a cold one starts empty and starts each stream from its snapshot.
 *
 * A fold larger than the whole budget (a position past 20,000 statements) would never fit in it
 * (lru-cache stores no entry larger than its maximum), so such folds are held apart, the
 * `maxLargeFolds` most recently used of them. The memory this adds is that of folds the projector
 * had to hold anyway while deciding on them.
 */
export class PositionStateCache {
  readonly #entries: LRUCache<string, FoldedPosition>;
  readonly #large: LRUCache<string, FoldedPosition>;
  readonly #maxStatements: number;

  constructor(options: { maxStatements?: number; maxLargeFolds?: number } = {}) {
    this.#maxStatements = options.maxStatements ?? DEFAULT_MAX_STATEMENTS;
    this.#entries = new LRUCache<string, FoldedPosition>({ maxSize: this.#maxStatements, sizeCalculation: sizeOf });
    this.#large = new LRUCache<string, FoldedPosition>({
      max: Math.max(1, options.maxLargeFolds ?? DEFAULT_MAX_LARGE_FOLDS),
    });
  }

  get(streamId: string): FoldedPosition | undefined {
    return this.#entries.get(streamId) ?? this.#large.get(streamId);
  }

  set(streamId: string, entry: FoldedPosition): void {
    if (sizeOf(entry) > this.#maxStatements) {
      this.#entries.delete(streamId);
      this.#large.set(streamId, entry);
    } else {
      this.#large.delete(streamId);
      this.#entries.set(streamId, entry);
    }
  }

  /** Forget a stream. */
  delete(streamId: string): void {
    this.#entries.delete(streamId);
    this.#large.delete(streamId);
  }

  get size(): number {
    return this.#entries.size + this.#large.size;
  }
}
