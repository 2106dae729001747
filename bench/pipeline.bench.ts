import { rmSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { DataFolder } from '../embedded/data-folder';
import { openStancewatch, type Stancewatch } from '../embedded/open-stancewatch';
import { OutboxNotifier } from '../shared/adapters/outbox/outbox-notifier';
import { createRulesExtractor } from '../shared/extraction/rules-extractor';
import { systemClock } from '../shared/ports/clock';
import { createUlidGenerator } from '../shared/ports/id-generator';
import type { AlertMessage, Notifier, PublishReceipt } from '../shared/ports/notifier';
import { printTable, quantile, round } from '../test/support/bench-table';
import { generateNewsDocuments } from '../test/support/news-generator';
import { temporaryDirectory } from '../test/support/run-cli';

/**
 * `npm run bench -- pipeline` (or `npx tsx bench/pipeline.bench.ts`): the embedded pipeline as
 * `stancewatch ingest` runs it (on-disk data folder, rules extractor, projector, alerter, outbox
 * file) over 100, 1,000 and 10,000 generated stories (test/support/news-generator.ts, ~1 KB
 * each, ~2 statements, a contradiction every ~30 stories).
 *
 * For each size, on a fresh store:
 * - throughput: all stories ingested one after another, then the stream drained: documents/s,
 *   and the ingest time per document in the first and the last tenth (does it grow with the store?);
 * - latency at that store size: 100 probe stories ingested one at a time, each making one new
 *   contradiction; ingest→alert is from the call to ingest until the outbox has the alert.
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
    // The alert names both statements' documents; the later one is the probe that caused it.
    const probes = [...message.body.matchAll(/probe-(\d+)/g)].map((match) => Number(match[1]));
    if (probes.length > 0) this.#waiting.get(`probe-${Math.max(...probes)}`)?.(performance.now());
    return receipt;
  }
  alertFor(probe: string): Promise<number> {
    return new Promise((resolve) => this.#waiting.set(probe, resolve));
  }
}

/** Probe k: Italy on a ceasefire, alternating, dated after everything else: one new contradiction each. */
function probe(k: number) {
  const stance =
    k % 2 === 0 ? 'was ready for a ceasefire along the current front line' : 'would not agree to a ceasefire';
  const date = new Date(Date.UTC(2031, 0, 1) + k * 86_400_000).toISOString().slice(0, 10);
  return {
    id: `probe-${k}`,
    title: `Rome on a ceasefire (probe ${k})`,
    source: 'Bench Wire',
    publishedAt: date,
    text: `Italian Prime Minister Giorgia Meloni said that Italy ${stance} (probe-${k}).`,
  };
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
  alertP50: number;
  alertP99: number;
  ingestP50: number;
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

    const alertLatency: number[] = [];
    const ingestLatency: number[] = [];
    for (let k = 0; k < PROBES + 1; k++) {
      const alerted = notifier.alertFor(`probe-${k}`);
      const t0 = performance.now();
      await store.ingest(probe(k));
      ingestLatency.push(performance.now() - t0);
      // The first probe only opens the position (nothing to contradict yet).
      if (k === 0) {
        await store.drain();
        continue;
      }
      alertLatency.push((await alerted) - t0);
      await store.drain();
    }
    return {
      size,
      documentsPerSecond: size / elapsed,
      ingestMsFirstTenth: mean(perDocument.slice(0, tenth)),
      ingestMsLastTenth: mean(perDocument.slice(-tenth)),
      callsPerDocument,
      statements,
      contradictions,
      alertP50: quantile(alertLatency, 0.5),
      alertP99: quantile(alertLatency, 0.99),
      ingestP50: quantile(ingestLatency, 0.5),
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
    'ingest→alert p50 ms',
    'p99 ms',
  ],
  results.map((result) => [
    result.size,
    round(result.documentsPerSecond),
    round(result.ingestMsFirstTenth),
    round(result.ingestMsLastTenth),
    round(result.callsPerDocument),
    result.statements,
    result.contradictions,
    round(result.alertP50),
    round(result.alertP99),
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
      `ingest→alert p50 at ${largest.size} ÷ at ${smallest.size}`,
      round(largest.alertP50),
      round(largest.alertP50 / smallest.alertP50, 2),
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
