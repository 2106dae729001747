import { describe, expect, it } from 'vitest';
import { mapConcurrently } from '../../shared/map-concurrently';

const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('mapConcurrently', () => {
  it('keeps the order of the items whatever order the calls finish in, with at most `concurrency` in flight', async () => {
    let inFlight = 0;
    let most = 0;
    const results = await mapConcurrently([5, 1, 4, 2, 3, 0], 3, async (delay) => {
      inFlight++;
      most = Math.max(most, inFlight);
      for (let waited = 0; waited < delay; waited++) await tick();
      inFlight--;
      return delay * 10;
    });
    expect(results).toEqual([50, 10, 40, 20, 30, 0]);
    expect(most).toBe(3);
  });

  it('answers an empty list with an empty list, and rejects when a call rejects', async () => {
    expect(await mapConcurrently([], 4, async (item: number) => item)).toEqual([]);
    await expect(
      mapConcurrently([1, 2, 3], 2, async (item) => {
        if (item === 2) throw new Error('two');
        return item;
      }),
    ).rejects.toThrow('two');
  });
});
