import { appendFile, mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FailureSink, StreamFailure } from './stream-consumer';

interface StoredFailure extends Omit<StreamFailure, 'item'> {
  /** The commit item as JSON; sets are stored as arrays. */
  item: Record<string, unknown>;
}

const toJson = (failure: StreamFailure): StoredFailure => ({
  ...failure,
  item: { ...failure.item, eventTypes: [...((failure.item.eventTypes as Set<string> | undefined) ?? [])] },
});

const fromJson = (stored: StoredFailure): StreamFailure => ({
  ...stored,
  item: { ...stored.item, eventTypes: new Set((stored.item.eventTypes as string[] | undefined) ?? []) },
});

/**
 * The embedded on-failure destination: one JSON line per record a consumer kept failing on
 * (`failures.jsonl` in the data folder). `stancewatch failures` lists them and
 * `stancewatch failures --retry` redelivers them.
 */
export interface ListableFailureSink extends FailureSink {
  list(): Promise<StreamFailure[]>;
  replace(remaining: readonly StreamFailure[]): Promise<void>;
}

export class FileFailureSink implements ListableFailureSink {
  constructor(readonly path: string) {}

  async record(failure: StreamFailure): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true });
    await appendFile(this.path, `${JSON.stringify(toJson(failure))}\n`);
  }

  async list(): Promise<StreamFailure[]> {
    let content: string;
    try {
      content = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    return content
      .split('\n')
      .filter((line) => line.trim().length > 0)
      .map((line) => fromJson(JSON.parse(line) as StoredFailure));
  }

  /** Rewrites the file with only the failures to keep (atomically). */
  async replace(remaining: readonly StreamFailure[]): Promise<void> {
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, remaining.map((failure) => `${JSON.stringify(toJson(failure))}\n`).join(''));
    await rename(temporary, this.path);
  }
}

/** In-memory failure destination for tests and throw-away runtimes. */
export class MemoryFailureSink implements ListableFailureSink {
  #failures: StreamFailure[] = [];
  async record(failure: StreamFailure) {
    this.#failures.push(failure);
  }
  async list() {
    return [...this.#failures];
  }
  async replace(remaining: readonly StreamFailure[]) {
    this.#failures = [...remaining];
  }
}
