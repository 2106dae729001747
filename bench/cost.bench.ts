import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';
import { encodeStoredEvents, storedEventsOf } from '../shared/adapters/dynamodb/commit-item';
import { DynamoViewStore } from '../shared/adapters/dynamodb/dynamo-view-store';
import { VIEWS_INDEXES } from '../shared/adapters/dynamodb/views-table';
import { createRulesExtractor } from '../shared/domain/extraction/rules-extractor';
import type { AlertMessage, Notifier } from '../shared/ports/notifier';
import { EMBEDDED_TABLES, openStancewatch } from '../shared/wiring/embedded';
import { printTable, round } from '../test/support/bench-table';
import { CapacityMeter, itemSizeOf, type Usage } from '../test/support/capacity-meter';
import { type GeneratedDocument, generateNewsDocuments } from '../test/support/news-generator';

/**
 * `npm run bench -- cost` (or `npx tsx bench/cost.bench.ts`): what one document costs on AWS.
 *
 * The embedded pipeline (the same ingest, projector and alerter code as the Lambdas) runs over
 * generated stories with the DynamoDB client metered (test/support/capacity-meter.ts): table
 * units as dynalite reports them through ReturnConsumedCapacity (DynamoDB's 1 KB write / 4 KB
 * read rounding, consistent reads full price, conditional writes that fail still charged), index
 * writes computed from the actual items, storage from the stored item sizes. The embedded
 * stream's own reads (tailing the global index, BatchGetItem) are left out of the AWS figures:
 * on AWS, Lambda reads DynamoDB Streams, which costs nothing for Lambda triggers. No transactions
 * are used (the commit-item design), so the 2× transactional rule does not apply.
 *
 * Prices: AWS list prices for us-east-1 as published on the AWS pricing pages; the DynamoDB
 * on-demand figures are those in effect since the 1 November 2024 price cut. They could not be
 * re-read from this machine (no internet access): check them before quoting. Free tiers ignored.
 */
const PRICES = {
  date: 'us-east-1 list prices; DynamoDB on-demand as set on 1 Nov 2024; SNS standard topic',
  writeRequestUnit: 0.625 / 1e6,
  readRequestUnit: 0.125 / 1e6,
  storageGbMonth: 0.25,
  snsPublish: 0.5 / 1e6,
  snsEmail: 2.0 / 1e5,
};

const WIRE_STORIES = Number(process.env.BENCH_COST_DOCUMENTS ?? 1000);
const ARTICLES = Number(process.env.BENCH_COST_ARTICLES ?? 300);

interface Run {
  label: string;
  documents: number;
  averageBytes: number;
  statementsPerDocument: number;
  alertsPerDocument: number;
  usage: Map<string, Usage>;
  firstWindow: Usage;
  lastWindow: Usage;
  windowSize: number;
  storageBytesPerDocument: number;
  duplicatedStatementBytesPerDocument: number;
  documentCommitWcuSavedPerDocument: number;
  listReads: ListRead[];
}

const clone = (map: Map<string, Usage>) => new Map([...map].map(([key, usage]) => [key, { ...usage }]));
const isAws = (purpose: string) => !purpose.startsWith('embedded stream');

function difference(later: Map<string, Usage>, earlier: Map<string, Usage>): Usage {
  const total: Usage = { calls: 0, readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
  for (const [purpose, usage] of later) {
    if (!isAws(purpose)) continue;
    const before = earlier.get(purpose) ?? { calls: 0, readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
    total.calls += usage.calls - before.calls;
    total.readUnits += usage.readUnits - before.readUnits;
    total.writeUnits += usage.writeUnits - before.writeUnits;
    total.indexWriteUnits += usage.indexWriteUnits - before.indexWriteUnits;
  }
  return total;
}

async function scanWire(client: DynamoDBClient, table: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: table, ExclusiveStartKey: start }));
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items;
}

/** Fields every StatementExtracted repeats from its document (DocumentIngested already holds them). */
const REPEATED = ['source', 'documentTitle', 'extractorVersion', 'codebookVersion'] as const;

async function run(label: string, documents: GeneratedDocument[]): Promise<Run> {
  let alerts = 0;
  const notifier: Notifier = {
    channel: 'sns',
    publish: async (_message: AlertMessage) => {
      alerts++;
      return { channel: 'sns', messageId: `m-${alerts}` };
    },
  };
  const metered = new CapacityMeter({
    eventsTable: EMBEDDED_TABLES.events,
    viewsTable: EMBEDDED_TABLES.views,
    viewsIndexes: VIEWS_INDEXES,
  });
  const store = await openStancewatch({
    extractor: createRulesExtractor(),
    notifier,
    configureClient: (client) => metered.attach(client),
  });
  metered.setEndpoint(store.endpoint);
  const windowSize = Math.max(1, Math.floor(documents.length / 5));
  const start = clone(metered.byPurpose);
  let afterFirst = start;
  let beforeLast = start;
  for (const [index, document] of documents.entries()) {
    if (index === documents.length - windowSize) {
      await store.drain();
      beforeLast = clone(metered.byPurpose);
    }
    await store.ingest(document);
    if (index === windowSize - 1) {
      await store.drain();
      afterFirst = clone(metered.byPurpose);
    }
  }
  await store.drain();
  // List reads are per API page, not per document: measured, then left out of the per-document figures.
  const perDocument = clone(metered.byPurpose);
  const listReads = await measureListReads(metered, store.endpoint);
  metered.byPurpose.clear();
  for (const [purpose, usage] of perDocument) metered.byPurpose.set(purpose, usage);
  metered.enabled = false;

  const raw = new DynamoDBClient({
    endpoint: store.endpoint,
    region: 'local',
    credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
  });
  const eventItems = await scanWire(raw, store.tables.events);
  const viewItems = await scanWire(raw, store.tables.views);
  raw.destroy();
  // Storage: items + 100 bytes each; the global indexes' keys-only entries (table and index keys + 100 bytes).
  let storage = 0;
  for (const item of eventItems) {
    storage += itemSizeOf(item) + 100;
    if (item.gsk) storage += itemSizeOf({ pk: item.pk, sk: item.sk, gpk: item.gpk, gsk: item.gsk } as never) + 100;
  }
  for (const item of viewItems) {
    storage += itemSizeOf(item) + 100;
    for (const index of VIEWS_INDEXES) {
      const partition = item[index.partitionKey];
      const sort = item[index.sortKey];
      if (partition && sort) {
        storage +=
          itemSizeOf({ pk: item.pk, sk: item.sk, [index.partitionKey]: partition, [index.sortKey]: sort } as never) +
          100;
      }
    }
  }
  // What-if: statements stop repeating their document's fields.
  let duplicated = 0;
  let wcuSaved = 0;
  const { unmarshall } = await import('@aws-sdk/util-dynamodb');
  for (const wire of eventItems) {
    if (!wire.pk?.S?.startsWith('document/')) continue;
    const item = unmarshall(wire);
    const slimEvents = storedEventsOf(item).map((event) =>
      event.type === 'StatementExtracted'
        ? {
            ...event,
            data: Object.fromEntries(
              Object.entries(event.data as Record<string, unknown>).filter(
                ([key]) => !(REPEATED as readonly string[]).includes(key),
              ),
            ),
          }
        : event,
    );
    const slim = { ...item, eventsZ1: encodeStoredEvents(slimEvents) };
    const full = itemSizeOf(wire);
    const reduced = itemSizeOf(marshall(slim, { removeUndefinedValues: true }));
    duplicated += full - reduced;
    wcuSaved += Math.ceil(full / 1024) - Math.ceil(reduced / 1024);
  }
  const statements = store.eventStore.appendedByType.get('StatementExtracted') ?? 0;
  metered.close();
  await store.close();
  return {
    label,
    documents: documents.length,
    averageBytes: documents.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0) / documents.length,
    statementsPerDocument: statements / documents.length,
    alertsPerDocument: alerts / documents.length,
    usage: metered.byPurpose,
    firstWindow: difference(afterFirst, start),
    lastWindow: difference(metered.byPurpose, beforeLast),
    windowSize,
    storageBytesPerDocument: storage / documents.length,
    duplicatedStatementBytesPerDocument: duplicated / documents.length,
    documentCommitWcuSavedPerDocument: wcuSaved / documents.length,
    listReads,
  };
}

interface ListRead {
  list: string;
  items: number;
  calls: number;
  readUnits: number;
}

/**
 * What the API's position lists read on AWS, per page (not per document): an uncached views store
 * on the metered client, as the api Lambda has. Each position listed costs one timeline Query for
 * its latest statement (docs/positions.md), next to the Query of the position items.
 */
async function measureListReads(metered: CapacityMeter, endpoint: string): Promise<ListRead[]> {
  const client = DynamoDBDocumentClient.from(
    new DynamoDBClient({ endpoint, region: 'local', credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' } }),
  );
  metered.attach(client);
  const views = new DynamoViewStore({ client, tableName: EMBEDDED_TABLES.views });
  const reads: ListRead[] = [];
  const measure = async (list: string, read: () => Promise<{ items: unknown[] }>) => {
    const before = { ...(metered.byPurpose.get('views: read') ?? { calls: 0, readUnits: 0 }) };
    const { items } = await read();
    const after = metered.byPurpose.get('views: read') ?? { calls: 0, readUnits: 0 };
    reads.push({
      list,
      items: items.length,
      calls: after.calls - before.calls,
      readUnits: after.readUnits - before.readUnits,
    });
  };
  await measure('GET /positions (first page of 50, across actors)', () => views.listPositions({ limit: 50 }));
  await measure("GET /positions?actor=ukraine (one actor's page)", () =>
    views.listPositions({ actor: 'ukraine', limit: 50 }),
  );
  client.destroy();
  return reads;
}

const runs = [
  await run(
    'wire stories (~1 KB)',
    generateNewsDocuments({ count: WIRE_STORIES, seed: 41, fillers: [2, 12], idPrefix: 'cost-wire' }),
  ),
  await run(
    'articles (~5 KB)',
    generateNewsDocuments({ count: ARTICLES, seed: 42, fillers: [45, 70], idPrefix: 'cost-article' }),
  ),
];

for (const result of runs) {
  const n = result.documents;
  console.log(
    `\n${result.label}: ${n} documents, ${round(result.averageBytes, 0)} bytes of text on average, ` +
      `${round(result.statementsPerDocument, 2)} statements and ${round(result.alertsPerDocument, 3)} alerts per document`,
  );
  printTable(
    ['purpose', 'calls/doc', 'write units/doc', 'index write units/doc', 'read units/doc', 'unchanged writes/doc'],
    [...result.usage]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([purpose, usage]) => [
        `${purpose}${isAws(purpose) ? '' : ' (embedded only)'}`,
        round(usage.calls / n, 2),
        round(usage.writeUnits / n, 2),
        round(usage.indexWriteUnits / n, 2),
        round(usage.readUnits / n, 2),
        round((usage.unchangedWrites ?? 0) / n, 2),
      ]),
  );
}

console.log(`\nPer document on AWS and $ per 1 M documents (${PRICES.date})`);
const dollars = (value: number) => `$${value.toFixed(2)}`;
const rows: (string | number)[][] = [];
for (const result of runs) {
  const n = result.documents;
  const aws = [...result.usage].filter(([purpose]) => isAws(purpose)).map(([, usage]) => usage);
  const writes = aws.reduce((sum, usage) => sum + usage.writeUnits + usage.indexWriteUnits, 0) / n;
  const reads = aws.reduce((sum, usage) => sum + usage.readUnits, 0) / n;
  const publishes = result.alertsPerDocument;
  const storageGb = (result.storageBytesPerDocument * 1e6) / 1024 ** 3;
  const perMillion = {
    writes: writes * 1e6 * PRICES.writeRequestUnit,
    reads: reads * 1e6 * PRICES.readRequestUnit,
    sns: publishes * 1e6 * PRICES.snsPublish,
    email: publishes * 1e6 * PRICES.snsEmail,
    storage: storageGb * PRICES.storageGbMonth,
  };
  rows.push(
    [result.label, 'DynamoDB write units (table + indexes)', round(writes, 2), dollars(perMillion.writes)],
    [result.label, 'DynamoDB read units', round(reads, 2), dollars(perMillion.reads)],
    [result.label, 'SNS publishes', round(publishes, 3), dollars(perMillion.sns)],
    [result.label, 'SNS email deliveries (1 subscriber)', round(publishes, 3), dollars(perMillion.email)],
    [
      result.label,
      `storage, KB (per month the 1 M documents are kept: ${round(storageGb, 2)} GB)`,
      round(result.storageBytesPerDocument / 1024, 2),
      dollars(perMillion.storage),
    ],
    [
      result.label,
      'total: DynamoDB + SNS + email (+ first month of storage)',
      '',
      dollars(perMillion.writes + perMillion.reads + perMillion.sns + perMillion.email + perMillion.storage),
    ],
  );
}
printTable(['workload', 'item', 'per document', '$ per 1 M documents'], rows);

console.log('\nAs the store grows (AWS units per document, first fifth of the run vs last fifth)');
printTable(
  ['workload', 'window', 'write units/doc', 'read units/doc', 'ratio of read units (last ÷ first)'],
  runs.flatMap((result) => [
    [
      result.label,
      `documents 1-${result.windowSize}`,
      round((result.firstWindow.writeUnits + result.firstWindow.indexWriteUnits) / result.windowSize, 2),
      round(result.firstWindow.readUnits / result.windowSize, 2),
      '',
    ],
    [
      result.label,
      `last ${result.windowSize}`,
      round((result.lastWindow.writeUnits + result.lastWindow.indexWriteUnits) / result.windowSize, 2),
      round(result.lastWindow.readUnits / result.windowSize, 2),
      round(result.lastWindow.readUnits / Math.max(result.firstWindow.readUnits, 1e-9), 2),
    ],
  ]),
);

console.log('\nList reads on AWS, per API page (not per document; eventually consistent reads)');
printTable(
  ['workload', 'list', 'positions', 'queries', 'read units', '$ per 1 M pages'],
  runs.flatMap((result) =>
    result.listReads.map((read) => [
      result.label,
      read.list,
      read.items,
      read.calls,
      round(read.readUnits, 1),
      dollars(read.readUnits * 1e6 * PRICES.readRequestUnit),
    ]),
  ),
);

console.log('\nFurther reductions the design allows (computed on the runs above; not applied)');
const reductionRows: (string | number)[][] = [];
for (const result of runs) {
  reductionRows.push([
    result.label,
    `statements stop repeating ${REPEATED.join(', ')} (${round(result.duplicatedStatementBytesPerDocument, 0)} B/doc)`,
    `-${round(result.documentCommitWcuSavedPerDocument, 2)} WCU/doc`,
    `-${dollars(result.documentCommitWcuSavedPerDocument * 1e6 * PRICES.writeRequestUnit)}`,
  ]);
}
for (const result of runs) {
  const n = result.documents;
  let unchanged = 0;
  for (const [purpose, usage] of result.usage)
    if (purpose.startsWith('views: write')) unchanged += usage.unchangedWrites ?? 0;
  reductionRows.push([
    result.label,
    'views: skip the writes still leaving their item unchanged (once-writes already are), checked by a 0.5 RCU read',
    `-${round(unchanged / n, 2)} WCU/doc (plus their index writes)`,
    `≈ -${dollars((unchanged / n) * 1e6 * PRICES.writeRequestUnit)}`,
  ]);
}
printTable(['workload', 'change', 'units', '$ per 1 M documents'], reductionRows);
