import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../events/registry';
import { handleCommand, loadStream } from '../../../shared/application/handle-command';
import { ConcurrencyError } from '../../../shared/errors';
import type { NewEvent } from '../../../shared/ports/event-store';
import { anAlertPublished } from '../../support/event-factory';
import { MemoryEventStore } from '../../support/memory-event-store';

const STREAM = 'alert/ctr-1';
const count = (events: number, _event: DomainEvent) => events + 1;
/** An alert record with a fresh event id: each call is a different event. */
const another = (): NewEvent => anAlertPublished({ contradictionId: 'ctr-1' });

describe('handleCommand', () => {
  it('given a stream, when the decision says nothing, then nothing is appended', async () => {
    const store = new MemoryEventStore();
    const outcome = await handleCommand<number>({
      eventStore: store,
      streamId: STREAM,
      load: loadStream(store, STREAM, 0, count),
      decide: () => [],
    });
    expect(outcome).toMatchObject({ events: [], attempts: 1, state: 0 });
    expect(store.log).toHaveLength(0);
  });

  it('given another writer moves the stream between read and append, then it reloads, decides again and appends', async () => {
    const store = new MemoryEventStore();
    let conflicts = 0;
    const seen: number[] = [];
    const read = loadStream(store, STREAM, 0, count);
    const outcome = await handleCommand<number>({
      eventStore: store,
      streamId: STREAM,
      // The first attempt races another writer, which appends right after our read.
      load: async () => {
        const loaded = await read();
        if (seen.length === 0) await store.appendToStream(STREAM, loaded.readTo.version, [another()]);
        return loaded;
      },
      decide: (state) => {
        seen.push(state);
        return [another()];
      },
      onConflict: () => {
        conflicts++;
      },
      policy: { sleep: async () => undefined },
    });
    expect(seen).toEqual([0, 1]);
    expect(conflicts).toBe(1);
    expect(outcome.attempts).toBe(2);
    expect((await store.readStream(STREAM)).version).toBe(2);
  });

  it('gives up after maxAttempts with the ConcurrencyError, having waited between attempts', async () => {
    const store = new MemoryEventStore();
    const waits: number[] = [];
    const read = loadStream(store, STREAM, 0, count);
    const attempt = handleCommand<number>({
      eventStore: store,
      streamId: STREAM,
      // Always beaten to it: another writer appends right after every read.
      load: async () => {
        const loaded = await read();
        await store.appendToStream(STREAM, loaded.readTo.version, [another()]);
        return loaded;
      },
      decide: () => [another()],
      policy: { maxAttempts: 3, sleep: async (milliseconds) => void waits.push(milliseconds) },
    });
    await expect(attempt).rejects.toThrow(ConcurrencyError);
    expect(waits).toHaveLength(2);
    for (const wait of waits) expect(wait).toBeGreaterThanOrEqual(0);
  });

  it('rethrows anything but a conflict at once', async () => {
    const store = new MemoryEventStore();
    let loads = 0;
    const failing = handleCommand({
      eventStore: store,
      streamId: STREAM,
      load: async () => {
        loads++;
        return { state: 0, readTo: { commit: 0, version: 0 } };
      },
      decide: () => {
        throw new Error('a rule failed');
      },
    });
    await expect(failing).rejects.toThrow('a rule failed');
    expect(loads).toBe(1);
  });
});
