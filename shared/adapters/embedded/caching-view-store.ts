import { LRUCache } from 'lru-cache';
import type { ShiftRecord, ViewUpdate } from '../../domain/positions/view-updates';
import type {
  ActorView,
  ContradictionQuery,
  ContradictionView,
  DeskStats,
  Page,
  PageRequest,
  PositionQuery,
  PositionView,
  TimelineEntry,
  TimelineQuery,
  ViewStore,
} from '../../ports/views';

/** Answers kept at most; a dashboard and a few API clients ask the same handful of pages. */
const MAX_ANSWERS = 500;

/**
 * The embedded runtime's read-model cache: one process writes the views (the projector, replay)
 * and serves them, so every write passes through here and can drop what was read before it. Reads
 * then answer from memory until the next write, without the trip to the store (SDK, loopback
 * HTTP, dynalite, four rounds of JSON).
 *
 * A read that was in flight while a write happened is not kept (the generation moved), so an
 * answer is never older than the last write that finished before it was asked. Answers are
 * shared: callers must not change them (the API only serialises them).
 */
export class CachingViewStore implements ViewStore {
  readonly #inner: ViewStore;
  readonly #answers = new LRUCache<string, object>({ max: MAX_ANSWERS });
  #generation = 0;

  constructor(inner: ViewStore) {
    this.#inner = inner;
  }

  async apply(updates: readonly ViewUpdate[]): Promise<void> {
    this.#invalidate();
    try {
      await this.#inner.apply(updates);
    } finally {
      this.#invalidate();
    }
  }

  async clear(): Promise<void> {
    this.#invalidate();
    try {
      await this.#inner.clear();
    } finally {
      this.#invalidate();
    }
  }

  listPositions(query: PositionQuery = {}): Promise<Page<PositionView>> {
    return this.#read('positions', query, () => this.#inner.listPositions(query));
  }

  getTimeline(query: TimelineQuery): Promise<Page<TimelineEntry>> {
    return this.#read('timeline', query, () => this.#inner.getTimeline(query));
  }

  listContradictions(query: ContradictionQuery = {}): Promise<Page<ContradictionView>> {
    return this.#read('contradictions', query, () => this.#inner.listContradictions(query));
  }

  getContradiction(contradictionId: string): Promise<ContradictionView | undefined> {
    return this.#read('contradiction', { contradictionId }, () => this.#inner.getContradiction(contradictionId));
  }

  listReviewQueue(query: PageRequest = {}): Promise<Page<ContradictionView>> {
    return this.#read('review', query, () => this.#inner.listReviewQueue(query));
  }

  // Time-windowed reads are not kept: the window moves with the clock, not with the writes.
  listShifts(since: string): Promise<ShiftRecord[]> {
    return this.#inner.listShifts(since);
  }

  getDeskStats(since: string): Promise<DeskStats> {
    return this.#inner.getDeskStats(since);
  }

  listActors(query: PageRequest = {}): Promise<Page<ActorView>> {
    return this.#read('actors', query, () => this.#inner.listActors(query));
  }

  getActor(actor: string): Promise<ActorView | undefined> {
    return this.#read('actor', { actor }, () => this.#inner.getActor(actor));
  }

  #invalidate() {
    this.#generation += 1;
    this.#answers.clear();
  }

  async #read<T>(kind: string, query: object, read: () => Promise<T>): Promise<T> {
    const key = `${kind}\u0000${JSON.stringify(query)}`;
    const known = this.#answers.get(key);
    if (known !== undefined) return (known as { value: T }).value;
    const generation = this.#generation;
    const value = await read();
    if (generation === this.#generation) this.#answers.set(key, { value });
    return value;
  }
}
