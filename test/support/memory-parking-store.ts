import type { ParkedRecord, ParkedRecordKey, ParkingStore } from '../../shared/ports/parked-records';

const keyOf = (key: ParkedRecordKey) => `${key.consumer}|${key.streamId}|${key.commit}`;

/** The ParkingStore port in memory, for unit tests of the handlers and of redrive. */
export class MemoryParkingStore implements ParkingStore {
  readonly records = new Map<string, ParkedRecord>();
  /** Set to make park() fail (the store is down). */
  failParking = false;

  async blockedKeys(consumer: string): Promise<ReadonlySet<string>> {
    return new Set([...this.records.values()].filter((r) => r.consumer === consumer).flatMap((r) => r.keys));
  }

  async park(record: ParkedRecord): Promise<void> {
    if (this.failParking) throw new Error('parking store unavailable');
    this.records.set(keyOf(record), structuredClone(record));
  }

  async list(consumer: string): Promise<ParkedRecord[]> {
    return [...this.records.values()].filter((record) => record.consumer === consumer);
  }

  async release(key: ParkedRecordKey): Promise<void> {
    this.records.delete(keyOf(key));
  }
}
