import type { SnapshotStore, StreamSnapshot } from '../../shared/ports/snapshot-store';

/**
 * The SnapshotStore contract in memory. Keeps each snapshot as a JSON string, as the real store
 * keeps bytes, so a state that does not survive serialisation fails here too. Counts its calls.
 */
export class MemorySnapshotStore implements SnapshotStore {
  readonly #snapshots = new Map<string, string>();
  reads = 0;
  writes = 0;

  async readSnapshot(streamId: string): Promise<StreamSnapshot | undefined> {
    this.reads++;
    const stored = this.#snapshots.get(streamId);
    return stored === undefined ? undefined : (JSON.parse(stored) as StreamSnapshot);
  }

  async writeSnapshot(snapshot: StreamSnapshot): Promise<boolean> {
    const current = await this.readSnapshot(snapshot.streamId);
    this.reads--;
    if (current && current.at.commit >= snapshot.at.commit) return false;
    this.writes++;
    this.#snapshots.set(snapshot.streamId, JSON.stringify(snapshot));
    return true;
  }

  /** Replaces a stored snapshot as it is (tests: a snapshot of another schema, a damaged one). */
  put(snapshot: StreamSnapshot): void {
    this.#snapshots.set(snapshot.streamId, JSON.stringify(snapshot));
  }

  /** Forgets every snapshot (tests: a cold start with snapshots lost). */
  clear(): void {
    this.#snapshots.clear();
  }
}
