import { type ChildProcess, spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

/**
 * `npx tsx bench/api.bench.ts` (or `npm run bench -- api`): HTTP throughput and latency of the
 * embedded API next to a bare Hono hello-world, same machine, same run, loopback only.
 *
 * Each server runs in its own Node process, served by @hono/node-server as `stancewatch start`
 * serves it; autocannon drives it from this process for a bounded time. The stancewatch process is
 * the whole embedded runtime (dynalite in memory, the projector, the app with auth on) holding
 * generated documents: GET /positions and GET /contradictions each answer a full first page (50
 * items) through bearer auth, validation, a DynamoDB query to dynalite and a signed cursor.
 *
 * Settings: BENCH_SECONDS (default 10 per target), BENCH_CONNECTIONS (default 10),
 * BENCH_DOCUMENTS (default 300).
 */

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const DOCUMENTS = Number(process.env.BENCH_DOCUMENTS ?? 300);
const TOKEN = 'sw_bench-token-0123456789abcdefghijklmnop';
const SELF = fileURLToPath(import.meta.url);

// ----- the servers (child processes) -----

const ACTORS = ['ukraine', 'russia', 'united-states', 'european-union', 'china', 'hungary', 'belarus', 'nato'];
const PROPOSITIONS = [
  ['territory', 'cede-territory'],
  ['ceasefire', 'ceasefire-now'],
  ['venue', 'venue:belarus'],
  ['sanctions', 'sanctions:russia'],
  ['funding', 'funding:european-union'],
] as const;

/**
 * Generated documents and a matching phrase extractor (a benchmark fixture, not the product's
 * extractor): each sentence "<actor> backs|rejects <proposition>." is one statement, and the
 * stances flip now and then, so the store holds positions, changes and contradictions.
 */
function generatedDocuments(count: number) {
  let seed = 42;
  const random = () => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return seed / 2 ** 31;
  };
  return Array.from({ length: count }, (_, index) => {
    const day = new Date(Date.UTC(2025, 0, 1) + index * 86_400_000).toISOString().slice(0, 10);
    const sentences = Array.from({ length: 4 }, () => {
      const actor = ACTORS[Math.floor(random() * ACTORS.length)];
      const [, proposition] = PROPOSITIONS[Math.floor(random() * PROPOSITIONS.length)] ?? PROPOSITIONS[0];
      return `${actor} ${random() < 0.7 ? 'backs' : 'rejects'} ${proposition} (note ${index}).`;
    });
    return {
      id: `bench-${index}`,
      title: `Bench ${index}`,
      source: 'Bench Wire',
      publishedAt: day,
      text: sentences.join(' '),
    };
  });
}

async function serveStancewatch() {
  const { serve } = await import('@hono/node-server');
  const { openStancewatch } = await import('../shared/wiring/embedded');
  const { createApp } = await import('../functions/api/app');
  const { statementIdFor } = await import('../shared/domain/extraction/statement-id');
  type Statement = import('../events/statement').Statement;
  const extractor = {
    name: 'bench',
    async extract(input: { documentId: string; text: string; publishedAt: string }) {
      const statements: Statement[] = [];
      input.text.split(/(?<=\.)\s+/).forEach((quote, sentenceIndex) => {
        const match = /^([a-z-]+) (backs|rejects) ([a-z:-]+) /.exec(quote);
        const topic = PROPOSITIONS.find(([, proposition]) => proposition === match?.[3])?.[0];
        if (!match?.[1] || !match[3] || !topic) return;
        const polarity: Statement['polarity'] = match[2] === 'backs' ? 'support' : 'oppose';
        const identity = {
          documentId: input.documentId,
          sentenceIndex,
          actor: match[1],
          topic,
          proposition: match[3],
          polarity,
        };
        statements.push({
          statementId: statementIdFor(identity),
          ...identity,
          quote,
          attribution: 'direct',
          evidence: 'speech',
          confidence: 0.9,
          statedAt: input.publishedAt,
        });
      });
      return { extractorVersion: 'bench@1', codebookVersion: 'bench', statements };
    },
  };
  const store = await openStancewatch({
    extractor,
    notifier: { channel: 'bench', publish: async () => ({ channel: 'bench', messageId: 'bench' }) },
  });
  for (const document of generatedDocuments(DOCUMENTS)) await store.ingest(document);
  await store.drain();
  const app = createApp({
    ingest: store,
    eventStore: store.eventStore,
    views: store.views,
    auth: { token: TOKEN, publicRead: false },
  });
  const contradictions = await store.views.listContradictions({ limit: 100 });
  const positions = await store.views.listPositions({ limit: 100 });
  const queryRate = await bareQueryRate(store);
  listen(
    serve,
    app.fetch,
    `${queryRate.toFixed(0)} ${positions.items.length} positions, ${contradictions.items.length}+ contradictions`,
  );
}

/**
 * The reference for GET /positions: the query behind its first page sent straight to the same
 * dynalite store by the same SDK client, CONNECTIONS at a time for SECONDS, in this process.
 */
async function bareQueryRate(store: { client: import('@aws-sdk/lib-dynamodb').DynamoDBDocumentClient }) {
  const { QueryCommand } = await import('@aws-sdk/lib-dynamodb');
  const { EMBEDDED_TABLES } = await import('../shared/wiring/embedded');
  const query = () =>
    store.client.send(
      new QueryCommand({
        TableName: EMBEDDED_TABLES.views,
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': 'pk' },
        ExpressionAttributeValues: { ':pk': 'positions' },
        Limit: 50,
      }),
    );
  const run = async (seconds: number) => {
    let done = 0;
    const until = performance.now() + seconds * 1000;
    await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        while (performance.now() < until) {
          await query();
          done++;
        }
      }),
    );
    return done / seconds;
  };
  await run(1); // warm-up, as for the HTTP targets
  return run(SECONDS);
}

async function serveHello() {
  const { serve } = await import('@hono/node-server');
  const { Hono } = await import('hono');
  const app = new Hono().get('/', (context) => context.text('Hello Hono!'));
  listen(serve, app.fetch, 'hello world');
}

function listen(
  serve: typeof import('@hono/node-server').serve,
  fetch: (request: Request) => Response | Promise<Response>,
  note: string,
) {
  serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
    process.stdout.write(`READY http://127.0.0.1:${info.port} ${note}\n`);
  });
}

// ----- the driver (this process) -----

interface AutocannonResult {
  requests: { average: number };
  latency: { p50: number; p99: number; average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
type Autocannon = (options: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function startServer(kind: 'stancewatch' | 'hello'): Promise<{ url: string; note: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['--import', 'tsx', SELF, '--serve', kind], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /READY (\S+) (.*)\n/.exec(output);
      if (ready?.[1]) resolve({ url: ready[1], note: ready[2] ?? '', child });
    });
    child.once('exit', (code) => reject(new Error(`the ${kind} server exited (${code}) before it was ready`)));
  });
}

async function measure(url: string, headers: Record<string, string> = {}) {
  await autocannon({ url, connections: CONNECTIONS, duration: 1, headers }); // warm-up: JIT, connections, caches
  const result = await autocannon({ url, connections: CONNECTIONS, duration: SECONDS, headers });
  if (result.non2xx > 0 || result.errors > 0 || result.timeouts > 0) {
    throw new Error(`${url}: ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
  }
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99 };
}

async function main() {
  const servers: ChildProcess[] = [];
  try {
    console.log(
      `api bench: ${CONNECTIONS} connections, ${SECONDS} s per target (+1 s warm-up), loopback; each server in its own process`,
    );
    const hello = await startServer('hello');
    servers.push(hello.child);
    const stancewatch = await startServer('stancewatch');
    servers.push(stancewatch.child);
    const [queryRate = '0', ...note] = stancewatch.note.split(' ');
    const bareQuery = Number(queryRate);
    console.log(`store: ${DOCUMENTS} generated documents → ${note.join(' ')}`);

    const auth = { authorization: `Bearer ${TOKEN}` };
    const rows = [
      { target: 'hono hello-world  GET /', ...(await measure(`${hello.url}/`)) },
      // The same app without a store call: what auth, routing and the middleware cost on their own.
      { target: 'stancewatch       GET /health (no store, no auth)', ...(await measure(`${stancewatch.url}/health`)) },
      { target: 'stancewatch       GET /positions', ...(await measure(`${stancewatch.url}/positions`, auth)) },
      {
        target: 'stancewatch       GET /contradictions',
        ...(await measure(`${stancewatch.url}/contradictions`, auth)),
      },
    ];
    rows.push({ target: 'bare dynalite Query (SDK, in process)', rps: bareQuery, p50: Number.NaN, p99: Number.NaN });
    const baseline = rows[0]?.rps ?? 1;
    console.log('');
    console.log(
      `${'target'.padEnd(46)} ${'req/s'.padStart(9)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'vs hello'.padStart(9)}`,
    );
    for (const row of rows) {
      console.log(
        `${row.target.padEnd(46)} ${row.rps.toFixed(0).padStart(9)} ${(Number.isNaN(row.p50) ? '—' : String(row.p50)).padStart(7)} ${(Number.isNaN(row.p99) ? '—' : String(row.p99)).padStart(7)} ${`${((row.rps / baseline) * 100).toFixed(1)}%`.padStart(9)}`,
      );
    }
    const rate = (target: string) => rows.find((row) => row.target.includes(target))?.rps ?? Number.NaN;
    console.log('');
    console.log(
      `GET /health / hono hello-world: ${(rate('/health') / rate('GET /')).toFixed(2)} (goal ≥ 0.5); ` +
        `GET /positions / bare dynalite Query: ${(rate('/positions') / bareQuery).toFixed(2)} (goal ≥ 1.0)`,
    );
  } finally {
    for (const child of servers) child.kill();
  }
}

const serveIndex = process.argv.indexOf('--serve');
if (serveIndex >= 0) {
  const kind = process.argv[serveIndex + 1];
  await (kind === 'hello' ? serveHello() : serveStancewatch());
} else {
  await main();
}
