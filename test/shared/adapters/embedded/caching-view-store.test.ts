import { describe, expect, it } from 'vitest';
import { CachingViewStore } from '../../../../shared/adapters/embedded/caching-view-store';
import type { ViewUpdate } from '../../../../shared/domain/positions/view-updates';
import { MemoryViewStore } from '../../../support/memory-view-store';

const actorTopic = (actor: string): ViewUpdate => ({ kind: 'actor-topic', actor, topic: 'territory' });

function counted() {
  const inner = new MemoryViewStore();
  let reads = 0;
  const listActors = inner.listActors.bind(inner);
  inner.listActors = (query) => {
    reads += 1;
    return listActors(query);
  };
  return { inner, reads: () => reads };
}

describe('CachingViewStore', () => {
  it('answers a repeated read from memory, and reads the store again after a write', async () => {
    const { inner, reads } = counted();
    const views = new CachingViewStore(inner);
    await views.apply([actorTopic('ukraine')]);
    expect((await views.listActors()).items.map((actor) => actor.actor)).toEqual(['ukraine']);
    expect((await views.listActors()).items).toHaveLength(1);
    expect(reads()).toBe(1);
    // Different queries are different answers.
    await views.listActors({ limit: 1 });
    expect(reads()).toBe(2);

    await views.apply([actorTopic('russia')]);
    expect((await views.listActors()).items.map((actor) => actor.actor)).toEqual(['russia', 'ukraine']);
    expect(reads()).toBe(3);
    await views.clear();
    expect((await views.listActors()).items).toEqual([]);
  });

  it('drops what was read while a write was under way once the write ends', async () => {
    const { inner, reads } = counted();
    const views = new CachingViewStore(inner);
    let release: () => void = () => undefined;
    const applyInner = inner.apply.bind(inner);
    inner.apply = async (updates) => {
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      return applyInner(updates);
    };
    const writing = views.apply([actorTopic('ukraine')]);
    const during = await views.listActors();
    expect(during.items).toEqual([]);
    release();
    await writing;
    expect((await views.listActors()).items.map((actor) => actor.actor)).toEqual(['ukraine']);
    expect(reads()).toBe(2);
  });
});
