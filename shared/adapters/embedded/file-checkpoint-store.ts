import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { CheckpointStore } from './stream-consumer';

/**
 * Checkpoints in one small JSON file, replaced atomically (write to a temporary file, then rename)
 * so a crash leaves either the old or the new checkpoints, never a torn file.
 */
export class FileCheckpointStore implements CheckpointStore {
  #cache: Record<string, string> | undefined;
  #writing: Promise<void> = Promise.resolve();

  constructor(private readonly path: string) {}

  async load(consumer: string): Promise<string | undefined> {
    return (await this.#all())[consumer];
  }

  save(consumer: string, commitId: string): Promise<void> {
    // Saves are chained so two consumers never interleave their temp-file writes.
    this.#writing = this.#writing.then(async () => {
      const all = await this.#all();
      all[consumer] = commitId;
      await mkdir(dirname(this.path), { recursive: true });
      const temporary = `${this.path}.${process.pid}.tmp`;
      await writeFile(temporary, `${JSON.stringify(all, null, 2)}\n`);
      await rename(temporary, this.path);
    });
    return this.#writing;
  }

  async #all(): Promise<Record<string, string>> {
    if (!this.#cache) {
      try {
        this.#cache = JSON.parse(await readFile(this.path, 'utf8')) as Record<string, string>;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
        this.#cache = {};
      }
    }
    return this.#cache;
  }
}

/** For tests and throw-away runtimes. */
export class MemoryCheckpointStore implements CheckpointStore {
  readonly saved = new Map<string, string>();
  async load(consumer: string) {
    return this.saved.get(consumer);
  }
  async save(consumer: string, commitId: string) {
    this.saved.set(consumer, commitId);
  }
}
