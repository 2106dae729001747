import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DataFolder } from '../../shared/adapters/embedded/data-folder';
import type { Extractor } from '../../shared/ports/extractor';
import { openStancewatch } from '../../shared/wiring/embedded';
import { type CanonicalState, canonicalState, readOutbox } from './canonical-state';
import { seededRandom } from './fault-injection';
import { CLI, runCli } from './run-cli';

/** Reads an installation's data folder (no process may hold it) into its canonical state. */
export async function folderState(dataDir: string): Promise<CanonicalState> {
  const folder = new DataFolder(dataDir);
  const noExtraction: Extractor = {
    name: 'none',
    extract: async () => {
      throw new Error('reading state only');
    },
  };
  const store = await openStancewatch({ folder, extractor: noExtraction, command: 'test: read state' });
  try {
    return await canonicalState({
      client: store.client,
      eventsTable: store.tables.events,
      viewsTable: store.tables.views,
      views: store.views,
      outbox: readOutbox(folder.root),
    });
  } finally {
    await store.close();
  }
}

export interface CrashAttempt {
  /** When the kill was due, ms after the child had locked the data folder (opened the store). */
  killAfterMs: number;
  /** How long the child took to lock the folder (module loading), ms. */
  startupMs: number;
  /** True if SIGKILL landed; false if the run finished first. */
  killed: boolean;
  exitCode: number | null;
  /** stderr of the attempt (for failure messages). */
  stderr: string;
}

/**
 * Starts `stancewatch ingest <batch> --data <dir>` as a child process and SIGKILLs it at a random
 * point of its work: once the child has locked the data folder (it has loaded its code and is
 * opening the store), after a delay drawn uniformly from [fromMs, toMs] (seeded). That is done
 * `kills` times in a row, each run starting on what the previous one left behind; then the same
 * command runs to completion. The CLI is bin/stancewatch.js, a single Node process (tsx registers
 * in-process), so SIGKILL leaves no helper behind.
 */
export async function ingestWithCrashes(options: {
  batchPath: string;
  dataDir: string;
  kills: number;
  seed: number;
  fromMs: number;
  toMs: number;
}): Promise<{ attempts: CrashAttempt[]; final: { code: number | null; stdout: string; stderr: string } }> {
  const random = seededRandom(options.seed);
  const args = ['ingest', options.batchPath, '--data', options.dataDir, '--json'];
  const attempts: CrashAttempt[] = [];
  for (let kill = 0; kill < options.kills; kill++) {
    const killAfterMs = Math.round(options.fromMs + random() * (options.toMs - options.fromMs));
    attempts.push(await runAndKill(args, killAfterMs, new DataFolder(options.dataDir).lock));
  }
  const final = await runCli(args);
  return { attempts, final };
}

function runAndKill(args: readonly string[], killAfterMs: number, lockPath: string): Promise<CrashAttempt> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, [CLI, ...args], {
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    let killed = false;
    let startupMs = Number.NaN;
    let timer: NodeJS.Timeout | undefined;
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const holdsLock = () => {
      try {
        return (JSON.parse(readFileSync(lockPath, 'utf8')) as { pid?: number }).pid === child.pid;
      } catch {
        return false;
      }
    };
    const poll = setInterval(() => {
      if (!holdsLock()) return;
      clearInterval(poll);
      startupMs = performance.now() - started;
      timer = setTimeout(() => {
        killed = child.kill('SIGKILL');
      }, killAfterMs);
    }, 10);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearInterval(poll);
      clearTimeout(timer);
      resolve({ killAfterMs, startupMs, killed: killed && signal === 'SIGKILL', exitCode: code, stderr });
    });
  });
}
