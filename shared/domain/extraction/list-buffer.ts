/**
 * Builds lists of a length not known beforehand at their exact size, for the rules' per-sentence
 * work. Two V8 costs it avoids: a list grown by `push` from empty gets room for 17 entries (one
 * made from a literal gets it at its second entry), while most lists built per sentence hold from
 * one to five; and an array cut with `length = 0` has its room freed, so reusing it that way
 * allocates again. The entries go into an array kept from list to list, emptied by its count, and
 * `take` copies them out. A buffer is scratch for one function (or one object's methods) that fills
 * and reads it within one synchronous call; each such call begins with `clear`, so that entries an
 * earlier call left behind (if it threw) never reach a list.
 */
export class ListBuffer<T> {
  /**
   * The current entries are [0, length); the caller may read and reorder them in place. Entries
   * past `length` are cleared, so the buffer keeps nothing alive.
   */
  readonly entries: (T | undefined)[] = [];
  private count = 0;

  get length(): number {
    return this.count;
  }

  add(entry: T): void {
    this.entries[this.count] = entry;
    this.count += 1;
  }

  /** The entries added since the last `clear` or `take`, as a list of their own; the buffer is empty after. */
  take(): T[] {
    const list = this.entries.slice(0, this.count) as T[];
    this.clear();
    return list;
  }

  /** Empties the buffer, dropping its references to the entries. */
  clear(): void {
    // A plain loop rather than `fill`: most buffers hold a few entries, and the builtin's call costs
    // more than writing them (clear was ~1% of the extraction bench's profile with `fill`).
    const entries = this.entries;
    for (let i = 0; i < this.count; i += 1) entries[i] = undefined;
    this.count = 0;
  }
}

/**
 * `list` with `entry` added, for a list that starts as a shared empty constant (`empty`, never
 * added to): the first entry makes a list of it alone, where a list pushed to from empty gets room
 * for 17; later entries are pushed.
 */
export function addTo<T>(list: T[], empty: readonly T[], entry: T): T[] {
  if (list === empty) return [entry];
  list.push(entry);
  return list;
}
