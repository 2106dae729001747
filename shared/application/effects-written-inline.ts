import { LRUCache } from 'lru-cache';

/** Position events remembered by default: a few MB of ids. */
const DEFAULT_MAX_EVENTS = 50_000;

/**
 * The position events whose timeline effects (how a statement moved the position, the
 * contradiction links) the projector wrote itself, in the same item write as their statement,
 * when it decided them (shared/application/project-commit.ts). When the stream later delivers the
 * position commit, those are not written again: a timeline entry costs one write per statement
 * instead of two (docs/performance.md).
 *
 * Keyed by event id, which is unique to one decision, so a statement decided again later (after a
 * retraction and a re-extraction) is a new event and is always written. Bounded, and per process:
 * a projector that does not remember an event (another Lambda container, a cold start, an
 * eviction) writes the effect again, which is idempotent and costs what it always did.
 */
export class EffectsWrittenInline {
  readonly #events: LRUCache<string, true>;

  constructor(options: { maxEvents?: number } = {}) {
    this.#events = new LRUCache<string, true>({ max: Math.max(1, options.maxEvents ?? DEFAULT_MAX_EVENTS) });
  }

  has(eventId: string): boolean {
    return this.#events.has(eventId);
  }

  remember(eventIds: Iterable<string>): void {
    for (const eventId of eventIds) this.#events.set(eventId, true);
  }
}
