import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DataFolder } from '../shared/adapters/embedded/data-folder';
import { OutboxNotifier } from '../shared/adapters/outbox/outbox-notifier';
import { createRulesExtractor } from '../shared/domain/extraction/rules-extractor';
import { systemClock } from '../shared/ports/clock';
import { createUlidGenerator } from '../shared/ports/id-generator';
import type { AlertMessage, Notifier, PublishReceipt } from '../shared/ports/notifier';
import { openStancewatch, type Stancewatch } from '../shared/wiring/embedded';
import { printTable, quantile, round } from '../test/support/bench-table';
import { generateNewsDocuments } from '../test/support/news-generator';
import { temporaryDirectory } from '../test/support/run-cli';

/**
 * `npm run bench -- pipeline` (or `npx tsx bench/pipeline.bench.ts`): the embedded pipeline as
 * `stancewatch ingest` runs it (on-disk data folder, rules extractor, projector, alerter, outbox
 * file) over 100, 1,000 and 10,000 generated stories (test/support/news-generator.ts, ~1 KB
 * each, ~2 statements, a contradiction every ~10 stories).
 *
 * For each size, on a fresh store:
 * - throughput: all stories ingested one after another, then the stream drained: documents/s,
 *   and the ingest time per document in the first and the last tenth (does it grow with the store?);
 * - latency at that store size: probe stories ingested one at a time, each making one new
 *   contradiction, on a short position stream and on a hot one (which the generated stories fill:
 *   a decision needs the whole folded stream, which the projector caches and carries on with the
 *   commits after it); ingest→alert is from the call to ingest until the
 *   outbox has the alert.
 *
 * Reference, same process, same machine: bare dynalite PutItem of a 1 KB item, sequential
 * (what one store round trip costs here). Sizes: BENCH_PIPELINE_SIZES=100,1000 to shorten.
 */
const SIZES = (process.env.BENCH_PIPELINE_SIZES ?? '100,1000,10000').split(',').map(Number);
const PROBES = Number(process.env.BENCH_PIPELINE_PROBES ?? 100);

/** The outbox notifier, telling the bench when each alert is written. */
class TimedOutbox implements Notifier {
  readonly channel = 'outbox';
  readonly #inner: OutboxNotifier;
  readonly #waiting = new Map<string, (at: number) => void>();
  constructor(dataDir: string) {
    this.#inner = new OutboxNotifier({
      dataDir,
      ids: createUlidGenerator(),
      clock: systemClock,
      console: { write: () => true },
    });
  }
  async publish(message: AlertMessage): Promise<PublishReceipt> {
    const receipt = await this.#inner.publish(message);
    // The alert names the earlier statement's document, then the later one's: the probe that caused it.
    const later = [...message.body.matchAll(/document ((?:short|hot)-probe-\d+)/g)].at(-1)?.[1];
    if (later) this.#waiting.get(later)?.(performance.now());
    return receipt;
  }
  alertFor(probe: string): Promise<number> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no alert for ${probe} within 60 s`)), 60_000);
      this.#waiting.set(probe, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }
}

/**
 * Probe k of a kind, dated after everything else and alternating, so each makes one new
 * contradiction: `short`, Italy on a ceasefire (a stream only the probes use, as short at every
 * store size); `hot`, Ukraine on a ceasefire, a stream the generated stories keep adding to (its
 * length grows with the store, and every decision reads all of it).
 */
function probe(kind: 'short' | 'hot', k: number) {
  const [speaker, country] =
    kind === 'short'
      ? ['Italian Prime Minister Giorgia Meloni', 'Italy']
      : ['Ukrainian President Volodymyr Zelensky', 'Ukraine'];
  const stance =
    k % 2 === 0 ? 'was ready for a ceasefire along the current front line' : 'would not agree to a ceasefire';
  const date = new Date(Date.UTC(2031, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `${kind}-probe-${k}`,
    title: `${country} on a ceasefire (probe ${k})`,
    source: 'Bench Wire',
    publishedAt: date,
    // The second sentence keeps each probe's text (and so its content hash) distinct.
    text: `${speaker} said that ${country} ${stance}.\nReporters counted ${k + 3} questions at the briefing.`,
  };
}

/** ingest→alert for PROBES probes of a kind (the first one only sets the position up). */
async function probeLatencies(store: Stancewatch, notifier: TimedOutbox, kind: 'short' | 'hot') {
  const alert: number[] = [];
  for (let k = 0; k < PROBES + 1; k++) {
    const document = probe(kind, k);
    const alerted = k > 0 ? notifier.alertFor(document.id) : undefined;
    const t0 = performance.now();
    await store.ingest(document);
    if (alerted) alert.push((await alerted) - t0);
    await store.drain();
  }
  return alert;
}

async function openBenchStore(directory: string) {
  const folder = new DataFolder(join(directory, 'data'));
  const notifier = new TimedOutbox(folder.root);
  let calls = 0;
  const store = await openStancewatch({
    folder,
    extractor: createRulesExtractor(),
    notifier,
    configureClient: (client) =>
      client.middlewareStack.add(
        (next) => async (args) => {
          calls++;
          return next(args);
        },
        { step: 'initialize', name: 'benchCallCounter' },
      ),
  });
  return { store, notifier, calls: () => calls };
}

async function bareDynalitePuts(store: Stancewatch, count: number): Promise<number> {
  const padding = 'x'.repeat(900);
  const started = performance.now();
  for (let index = 0; index < count; index++) {
    await store.client.send(
      new PutCommand({ TableName: store.tables.views, Item: { pk: 'bench', sk: `put-${index}`, padding } }),
    );
  }
  return count / ((performance.now() - started) / 1000);
}

interface SizeResult {
  size: number;
  documentsPerSecond: number;
  ingestMsFirstTenth: number;
  ingestMsLastTenth: number;
  callsPerDocument: number;
  statements: number;
  contradictions: number;
  shortP50: number;
  shortP99: number;
  hotP50: number;
  hotP99: number;
  hotStreamEvents: number;
}

async function measure(size: number): Promise<SizeResult> {
  const directory = temporaryDirectory('stancewatch-bench-');
  const documents = generateNewsDocuments({ count: size, seed: size, fillers: [2, 12], idPrefix: `bench${size}` });
  const { store, notifier, calls } = await openBenchStore(directory);
  try {
    const perDocument: number[] = [];
    const callsBefore = calls();
    const started = performance.now();
    for (const document of documents) {
      const t0 = performance.now();
      await store.ingest(document);
      perDocument.push(performance.now() - t0);
    }
    await store.drain();
    const elapsed = (performance.now() - started) / 1000;
    const callsPerDocument = (calls() - callsBefore) / size;
    const statements = store.eventStore.appendedByType.get('StatementExtracted') ?? 0;
    const contradictions = store.eventStore.appendedByType.get('ContradictionDetected') ?? 0;
    const tenth = Math.max(1, Math.floor(size / 10));
    const mean = (values: number[]) => values.reduce((sum, value) => sum + value, 0) / values.length;

    const events = async (streamId: string) => (await store.eventStore.readStream(streamId)).version;
    const hotStreamEvents = await events('position/ukraine/ceasefire/ceasefire');
    const shortLatency = await probeLatencies(store, notifier, 'short');
    const hotLatency = await probeLatencies(store, notifier, 'hot');
    return {
      size,
      documentsPerSecond: size / elapsed,
      ingestMsFirstTenth: mean(perDocument.slice(0, tenth)),
      ingestMsLastTenth: mean(perDocument.slice(-tenth)),
      callsPerDocument,
      statements,
      contradictions,
      shortP50: quantile(shortLatency, 0.5),
      shortP99: quantile(shortLatency, 0.99),
      hotP50: quantile(hotLatency, 0.5),
      hotP99: quantile(hotLatency, 0.99),
      hotStreamEvents,
    };
  } finally {
    await store.close();
    rmSync(directory, { recursive: true, force: true });
  }
}

const results: SizeResult[] = [];
for (const size of SIZES) {
  process.stderr.write(`pipeline bench: ${size} documents…\n`);
  results.push(await measure(size));
}

// Reference: bare PutItem round trips against the same kind of store.
const referenceDirectory = temporaryDirectory('stancewatch-bench-');
const reference = await openBenchStore(referenceDirectory);
const putsPerSecond = await bareDynalitePuts(reference.store, 2_000);
await reference.store.close();
rmSync(referenceDirectory, { recursive: true, force: true });

console.log(
  `\nEmbedded pipeline (on-disk dynalite, rules extractor, outbox), documents ingested one after another; ` +
    `load average at the end ${loadavg()
      .map((value) => value.toFixed(2))
      .join(' ')}`,
);
printTable(
  [
    'documents',
    'docs/s',
    'ingest ms/doc, first 10%',
    'last 10%',
    'DynamoDB calls/doc',
    'statements',
    'contradictions',
    'ingest→alert p50 ms, short stream',
    'p99',
    'hot stream: events',
    'ingest→alert p50 ms, hot stream',
    'p99',
  ],
  results.map((result) => [
    result.size,
    round(result.documentsPerSecond),
    round(result.ingestMsFirstTenth),
    round(result.ingestMsLastTenth),
    round(result.callsPerDocument),
    result.statements,
    result.contradictions,
    round(result.shortP50),
    round(result.shortP99),
    result.hotStreamEvents,
    round(result.hotP50),
    round(result.hotP99),
  ]),
);
const smallest = results[0] as SizeResult;
const largest = results.at(-1) as SizeResult;
console.log('\nReference and ratios');
printTable(
  ['measure', 'value', 'ratio'],
  [
    ['bare dynalite PutItem (1 KB), sequential, puts/s', round(putsPerSecond), '—'],
    [
      `pipeline docs/s at ${largest.size} ÷ bare puts/s`,
      round(largest.documentsPerSecond),
      round(largest.documentsPerSecond / putsPerSecond, 3),
    ],
    [
      `ingest→alert p50, short stream, at ${largest.size} ÷ at ${smallest.size}`,
      round(largest.shortP50),
      round(largest.shortP50 / smallest.shortP50, 2),
    ],
    [
      `ingest→alert p50, hot stream, at ${largest.size} ÷ at ${smallest.size}`,
      round(largest.hotP50),
      round(largest.hotP50 / smallest.hotP50, 2),
    ],
    [
      `wall ms per document at ${largest.size} ÷ at ${smallest.size}`,
      round(1000 / largest.documentsPerSecond),
      round(smallest.documentsPerSecond / largest.documentsPerSecond, 2),
    ],
    [
      `ingest ms/doc, last 10% ÷ first 10% at ${largest.size}`,
      round(largest.ingestMsLastTenth),
      round(largest.ingestMsLastTenth / largest.ingestMsFirstTenth, 2),
    ],
  ],
);
