import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { allocatorEnv } from '../bin/allocator-env.js';
import { generateNewsDocuments } from '../test/support/news-generator';

/**
 * `npm run bench -- soak [--documents N] [--reads M]` (defaults 20,000 and 100,000): one embedded
 * stancewatch, as `stancewatch start` runs it (data folder on disk, rules extractor, projector,
 * alerter, the Hono app behind @hono/node-server with auth on), in its own process. This process
 * posts N generated news documents to POST /documents, then makes M reads (a rotation of API
 * lists, an event stream page and the dashboard home), four at a time. Every 1,000 documents or
 * reads the server runs a full GC and reports its heap and RSS (anonymous and file-backed). The
 * server gets the malloc settings the bin gives `stancewatch start` (bin/allocator-env.js); set
 * MALLOC_ARENA_MAX yourself to compare (glibc's default on this machine is 8 per core). The closing
 * note compares the first and last tenth of the samples; the goal is RSS after GC within +15 %.
 */

const TOKEN = 'sw_soak-token-0123456789abcdefghijklmnopq';
const SELF = fileURLToPath(import.meta.url);
const EVERY = 1_000;
const CONCURRENCY = 4;

function flag(name: string, fallback: number): number {
  const index = process.argv.indexOf(`--${name}`);
  const value = index >= 0 ? Number(process.argv[index + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} must be a whole number`);
  return value;
}

interface Memory {
  heapMb: number;
  /** The V8 heap's size (used or not: what it holds from the system). */
  heapTotalMb: number;
  /** Memory of Buffers and other objects held outside the V8 heap. */
  externalMb: number;
  rssMb: number;
  /** Anonymous RSS (malloc and V8), from /proc/self/status; RSS minus this is mapped files. */
  rssAnonMb: number;
  /** File-backed RSS: LevelDB reads its tables through mmap, so touched pages count in RSS. */
  rssFileMb: number;
  /** Open file descriptors (LevelDB tables, logs, sockets). */
  fds: number;
}

/** RssAnon and RssFile of this process in MB (Linux; 0 elsewhere). */
function procStatus(): { rssAnonMb: number; rssFileMb: number; fds: number } {
  try {
    const status = readFileSync('/proc/self/status', 'utf8');
    const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return {
      rssAnonMb: kb('RssAnon') / 1024,
      rssFileMb: kb('RssFile') / 1024,
      fds: readdirSync('/proc/self/fd').length,
    };
  } catch {
    return { rssAnonMb: 0, rssFileMb: 0, fds: 0 };
  }
}

/** What the server process runs with, as the bench's header says it. */
function serverArenas(): string {
  return (
    process.env.MALLOC_ARENA_MAX ?? allocatorEnv(process.env, process.platform)?.MALLOC_ARENA_MAX ?? "glibc's default"
  );
}

// ----- the server (child process, --expose-gc) -----

async function serve(dataDir: string) {
  const { serve: listen } = await import('@hono/node-server');
  const { DataFolder } = await import('../shared/adapters/embedded/data-folder');
  const { openStancewatch } = await import('../shared/wiring/embedded');
  const { createApp } = await import('../functions/api/app');
  const store = await openStancewatch({ folder: new DataFolder(dataDir), command: 'soak bench' });
  const app = createApp({
    ingest: store,
    eventStore: store.eventStore,
    views: store.views,
    auth: { token: TOKEN, publicRead: false },
  });
  const gc = (globalThis as { gc?: () => void }).gc;
  process.on('message', async (message: { kind: string }) => {
    if (message.kind === 'measure') {
      await store.drain();
      gc?.();
      gc?.();
      const usage = process.memoryUsage();
      process.send?.({
        kind: 'memory',
        heapMb: usage.heapUsed / 2 ** 20,
        heapTotalMb: usage.heapTotal / 2 ** 20,
        externalMb: usage.external / 2 ** 20,
        rssMb: usage.rss / 2 ** 20,
        ...procStatus(),
      });
    } else if (message.kind === 'stop') {
      await store.close();
      process.exit(0);
    }
  });
  listen({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.send?.({ kind: 'ready', url: `http://127.0.0.1:${info.port}` });
  });
}

// ----- the driver (this process) -----

class Server {
  readonly #child: ChildProcess;
  #waiting: ((message: Record<string, unknown>) => void) | undefined;

  constructor(dataDir: string) {
    this.#child = fork(SELF, ['--serve', dataDir], {
      execArgv: ['--expose-gc', '--import', 'tsx'],
      // Its stdout (an [alert] line per contradiction) is left out of the table.
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      // The malloc settings the bin gives `stancewatch start` (MALLOC_ARENA_MAX set by hand wins).
      env: {
        ...process.env,
        ...allocatorEnv(process.env, process.platform),
        AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
      },
    });
    this.#child.on('message', (message: Record<string, unknown>) => this.#waiting?.(message));
  }

  #ask(message: Record<string, unknown> | undefined): Promise<Record<string, unknown>> {
    return new Promise((resolve) => {
      this.#waiting = resolve;
      if (message) this.#child.send(message);
    });
  }

  async ready(): Promise<string> {
    return String((await this.#ask(undefined)).url);
  }

  async measure(): Promise<Memory> {
    const answer = await this.#ask({ kind: 'measure' });
    return {
      heapMb: Number(answer.heapMb),
      heapTotalMb: Number(answer.heapTotalMb),
      externalMb: Number(answer.externalMb),
      rssMb: Number(answer.rssMb),
      rssAnonMb: Number(answer.rssAnonMb),
      rssFileMb: Number(answer.rssFileMb),
      fds: Number(answer.fds),
    };
  }

  stop() {
    this.#child.send({ kind: 'stop' });
  }
}

async function inParallel(count: number, work: (index: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

async function expectOk(response: Response, what: string) {
  if (!response.ok) throw new Error(`${what}: HTTP ${response.status} ${(await response.text()).slice(0, 200)}`);
  await response.arrayBuffer();
}

interface Sample extends Memory {
  phase: 'ingest' | 'read';
  count: number;
  seconds: number;
}

const mb = (value: number) => value.toFixed(1).padStart(8);
const average = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / Math.max(values.length, 1);

function tenths(samples: Sample[], label: string) {
  if (samples.length < 2) return;
  const tenth = Math.max(1, Math.round(samples.length / 10));
  const first = average(samples.slice(0, tenth).map((sample) => sample.rssMb));
  const last = average(samples.slice(-tenth).map((sample) => sample.rssMb));
  const firstHeap = average(samples.slice(0, tenth).map((sample) => sample.heapMb));
  const lastHeap = average(samples.slice(-tenth).map((sample) => sample.heapMb));
  const growth = (last / first - 1) * 100;
  console.log(
    `${label.padEnd(22)} RSS after GC ${first.toFixed(1)} → ${last.toFixed(1)} MB (${growth >= 0 ? '+' : ''}${growth.toFixed(1)} %, goal ≤ +15 %: ${growth <= 15 ? 'met' : 'NOT met'}); heap ${firstHeap.toFixed(1)} → ${lastHeap.toFixed(1)} MB`,
  );
}

async function main() {
  const documents = flag('documents', 20_000);
  const reads = flag('reads', 100_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'stancewatch-soak-'));
  const server = new Server(dataDir);
  const samples: Sample[] = [];
  const started = performance.now();
  try {
    const url = await server.ready();
    const auth = { authorization: `Bearer ${TOKEN}` };
    console.log(
      `soak: ${documents} documents, then ${reads} reads, ${CONCURRENCY} at a time; data on disk in ${dataDir}; memory of the server after a full GC every ${EVERY}; server MALLOC_ARENA_MAX=${serverArenas()}`,
    );
    console.log(
      `${'phase'.padEnd(7)} ${'count'.padStart(7)} ${'s'.padStart(7)} ${'heap MB'.padStart(8)} ${'of MB'.padStart(8)} ${'ext MB'.padStart(8)} ${'RSS MB'.padStart(8)} ${'anon MB'.padStart(8)} ${'file MB'.padStart(8)} ${'fds'.padStart(5)}`,
    );
    const record = async (phase: Sample['phase'], count: number) => {
      const memory = await server.measure();
      const sample = { phase, count, seconds: (performance.now() - started) / 1000, ...memory };
      samples.push(sample);
      console.log(
        `${phase.padEnd(7)} ${String(count).padStart(7)} ${sample.seconds.toFixed(0).padStart(7)} ${mb(sample.heapMb)} ${mb(sample.heapTotalMb)} ${mb(sample.externalMb)} ${mb(sample.rssMb)} ${mb(sample.rssAnonMb)} ${mb(sample.rssFileMb)} ${String(sample.fds).padStart(5)}`,
      );
    };
    await record('ingest', 0);

    // Documents in batches of EVERY, generated per batch (the driver's memory is not the subject).
    for (let from = 0; from < documents; from += EVERY) {
      // Each batch carries on where the last one ended in time (6 stories a day), as a feed does.
      const startDate = new Date(Date.UTC(2025, 0, 6) + Math.floor(from / 6) * 86_400_000).toISOString().slice(0, 10);
      const batch = generateNewsDocuments({
        count: Math.min(EVERY, documents - from),
        seed: 7 + from,
        idPrefix: `soak-${from}`,
        startDate,
      });
      await inParallel(batch.length, async (index) => {
        const response = await fetch(`${url}/documents`, {
          method: 'POST',
          headers: { ...auth, 'content-type': 'application/json' },
          body: JSON.stringify(batch[index]),
        });
        await expectOk(response, 'POST /documents');
      });
      await record('ingest', from + batch.length);
    }

    const firstStream = await (await fetch(`${url}/events?limit=1`, { headers: auth })).json();
    const stream = (firstStream as { items: Array<{ streamId: string }> }).items[0]?.streamId ?? 'none';
    const paths = [
      '/positions',
      '/positions?topic=ceasefire',
      '/contradictions',
      '/positions?actor=ukraine',
      `/events?stream=${encodeURIComponent(stream)}`,
      '/events?limit=50',
      '/',
    ];
    let done = 0;
    while (done < reads) {
      const count = Math.min(EVERY, reads - done);
      await inParallel(count, async (index) => {
        const path = paths[(done + index) % paths.length] ?? '/positions';
        await expectOk(await fetch(`${url}${path}`, { headers: auth }), `GET ${path}`);
      });
      done += count;
      await record('read', done);
    }

    console.log('');
    tenths(samples, 'whole run');
    tenths(
      samples.filter((sample) => sample.phase === 'ingest'),
      'ingest phase',
    );
    tenths(
      samples.filter((sample) => sample.phase === 'read'),
      'read phase',
    );
  } finally {
    server.stop();
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dataDir, { recursive: true, force: true });
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) await serve(process.argv[serveIndex + 1] ?? '');
else await main();
