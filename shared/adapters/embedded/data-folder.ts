import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { StancewatchError } from '../../errors';

/** Where everything of one embedded installation lives (default `./.stancewatch`). */
export class DataFolder {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  get dynamo() {
    return join(this.root, 'dynamo');
  }
  get checkpoints() {
    return join(this.root, 'checkpoints.json');
  }
  get failures() {
    return join(this.root, 'failures.jsonl');
  }
  get outbox() {
    return join(this.root, 'outbox.jsonl');
  }
  get token() {
    return join(this.root, 'api-token');
  }
  get labelledTokens() {
    return join(this.root, 'api-tokens.json');
  }
  get lock() {
    return join(this.root, 'stancewatch.lock');
  }
}

export interface LockInfo {
  pid: number;
  command: string;
  startedAt: string;
  /** Set by `stancewatch start` once it serves HTTP. */
  url?: string;
}

export class DataFolderLockedError extends StancewatchError {
  readonly code = 'DATA_FOLDER_IN_USE';
  readonly holder: LockInfo;
  constructor(folder: string, holder: LockInfo) {
    super(
      `the data folder ${folder} is in use by another stancewatch process (pid ${holder.pid}, "${holder.command}"` +
        `${holder.url ? `, serving ${holder.url}` : ''}); stop it first` +
        `${holder.url ? `, or send documents to it with --api ${holder.url}` : ''}`,
      { details: { ...holder } },
    );
    this.holder = holder;
  }
}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** Reads the lock, or undefined when there is none or its process is gone. */
export function readLiveLock(folder: DataFolder): LockInfo | undefined {
  try {
    const info = JSON.parse(readFileSync(folder.lock, 'utf8')) as LockInfo;
    return isAlive(info.pid) && info.pid !== process.pid ? info : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One process at a time owns a data folder (LevelDB allows a single opener). A lock left by a
 * process that died (SIGKILL, power loss) is taken over.
 */
export function acquireLock(
  folder: DataFolder,
  command: string,
): { update(info: Partial<LockInfo>): void; release(): void } {
  mkdirSync(folder.root, { recursive: true });
  const info: LockInfo = { pid: process.pid, command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      writeFileSync(folder.lock, JSON.stringify(info), { flag: 'wx' });
      return {
        update(extra) {
          Object.assign(info, extra);
          writeFileSync(folder.lock, JSON.stringify(info));
        },
        release() {
          rmSync(folder.lock, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const holder = readLiveLock(folder);
      if (holder) throw new DataFolderLockedError(folder.root, holder);
      rmSync(folder.lock, { force: true });
    }
  }
  throw new Error(`could not lock ${folder.lock}`);
}
