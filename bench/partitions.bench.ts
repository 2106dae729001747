import { type AttributeValue, DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { storedEventsOf } from '../shared/adapters/dynamodb/commit-item';
import { DEFAULT_GLOBAL_SHARDS, EVENT_TABLE_KEYS } from '../shared/adapters/dynamodb/event-table';
import { VIEWS_INDEXES } from '../shared/adapters/dynamodb/views-table';
import { loadCodebook } from '../shared/domain/extraction/codebook/load-codebook';
import { createRulesExtractor } from '../shared/domain/extraction/rules-extractor';
import type { AlertMessage, Notifier } from '../shared/ports/notifier';
import { EMBEDDED_TABLES, openStancewatch } from '../shared/wiring/embedded';
import { printTable, round } from '../test/support/bench-table';
import { CapacityMeter, itemSizeOf, type MeteredCall } from '../test/support/capacity-meter';
import { keyFamilies } from '../test/support/key-families';
import { generateNewsDocuments } from '../test/support/news-generator';

/**
 * `npm run bench -- partitions` (or `npx tsx bench/partitions.bench.ts`): the partition model at
 * 100 documents/s. Which partition key takes how many write and read units a second, against
 * DynamoDB's per-partition limits (1,000 WCU/s, 3,000 RCU/s)?
 *
 * The embedded pipeline (the same ingest, projector and alerter code as the Lambdas) runs over
 * generated seed-sized articles (~2 KB, 16–22 stance sentences, like the seed article's 19
 * statements) with the DynamoDB client metered (test/support/capacity-meter.ts: table units as
 * dynalite reports them, index writes by DynamoDB's rules). Every unit is attributed to the
 * partition key value it lands on: the events table's `pk`, its global index's `gpk`, the views
 * table's `pk`, and its keys-only global indexes' `opk` (byOrder) and `apk` (byActor). The
 * embedded stream's own reads (tailing the global index, BatchGetItem) are left out: on AWS,
 * Lambda reads DynamoDB Streams, which uses no table capacity.
 *
 * Each document is drained before the next, so every unit is known to come from one document.
 * A key's load at 100 documents/s is then the larger of
 * - its average: units per document in this run × 100 (the documents at that rate mix actors,
 *   topics and propositions as the generator does: the share of the busiest actor is printed), and
 * - its peak: the most units one document put on it, as if that document were processed within one
 *   second (what bounds keys that one document owns: `document/<id>`, a content hash, an alert);
 * except for keys named after a day or a month: at 100 documents/s they all fall in the current
 * day or month, so each such key takes its whole family's load.
 * "family total" is what one key of a family would take if every document concerned it (one actor
 * saying everything): the bound for keys per actor, topic or proposition.
 *
 * Families come from the keys seen (test/support/key-families.ts), not from a list of the tables'
 * layouts, so the model follows a change of keys by itself.
 */
const DOCUMENTS = Number(process.env.BENCH_PARTITIONS_DOCUMENTS ?? 200);
const RATE = 100;
const LIMITS = { wcu: 1000, rcu: 3000 };

type Scope =
  | 'events table pk'
  | 'events index gpk (byCommit)'
  | 'views table pk'
  | 'views index opk (byOrder)'
  | 'views index apk (byActor)';

const VIEWS_INDEX_SCOPES: Record<string, Scope> = {
  byOrder: 'views index opk (byOrder)',
  byActor: 'views index apk (byActor)',
};

interface KeyLoad {
  scope: Scope;
  key: string;
  wcu: number;
  rcu: number;
  peakWcu: number;
  peakRcu: number;
}

const text = (value: unknown): string | undefined =>
  typeof value === 'string'
    ? value
    : value && typeof value === 'object' && 'S' in value
      ? String((value as { S: unknown }).S)
      : undefined;

/** The value a Query's key condition gives the partition key (`#pk = :pk`, names and values resolved). */
function queriedPartition(input: Readonly<Record<string, unknown>>, attribute: string): string | undefined {
  const condition = String(input.KeyConditionExpression ?? '');
  const names = (input.ExpressionAttributeNames ?? {}) as Record<string, string>;
  const values = (input.ExpressionAttributeValues ?? {}) as Record<string, unknown>;
  for (const [, name, value] of condition.matchAll(/([#\w]+)\s*=\s*(:\w+)/g)) {
    if ((names[name as string] ?? name) === attribute) return text(values[value as string]);
  }
  return undefined;
}

/**
 * dynalite charges nothing for a Query or GetItem that finds nothing; DynamoDB charges at least one
 * 4 KB read (1 unit strongly consistent, 0.5 eventually), so that floor is applied here.
 */
const readUnits = (call: MeteredCall): number => Math.max(call.units, call.input.ConsistentRead === true ? 1 : 0.5);

const scopeOf = (table: unknown, index?: unknown): Scope | undefined =>
  table === EMBEDDED_TABLES.events
    ? index === EVENT_TABLE_KEYS.globalIndexName
      ? 'events index gpk (byCommit)'
      : 'events table pk'
    : table === EMBEDDED_TABLES.views
      ? index === undefined
        ? 'views table pk'
        : VIEWS_INDEX_SCOPES[String(index)]
      : undefined;

class PartitionLedger {
  readonly loads = new Map<string, KeyLoad>();
  /** Units of the document being processed, per key. */
  #current = new Map<string, { wcu: number; rcu: number }>();
  /** Reads the embedded stream makes (not on AWS). */
  embeddedOnlyRcu = 0;

  add(scope: Scope, key: string, units: { wcu?: number; rcu?: number }): void {
    const id = `${scope}\u0000${key}`;
    const load = this.loads.get(id) ?? { scope, key, wcu: 0, rcu: 0, peakWcu: 0, peakRcu: 0 };
    this.loads.set(id, load);
    load.wcu += units.wcu ?? 0;
    load.rcu += units.rcu ?? 0;
    const current = this.#current.get(id) ?? { wcu: 0, rcu: 0 };
    this.#current.set(id, current);
    current.wcu += units.wcu ?? 0;
    current.rcu += units.rcu ?? 0;
  }

  endDocument(): void {
    for (const [id, units] of this.#current) {
      const load = this.loads.get(id) as KeyLoad;
      load.peakWcu = Math.max(load.peakWcu, units.wcu);
      load.peakRcu = Math.max(load.peakRcu, units.rcu);
    }
    this.#current = new Map();
  }

  record(call: MeteredCall): void {
    const input = call.input;
    const table = input.TableName;
    if (call.command === 'BatchGetItemCommand' || call.command === 'BatchWriteItemCommand') {
      this.#batch(call);
      return;
    }
    const scope = scopeOf(table, input.IndexName);
    if (!scope) return;
    if (call.command === 'QueryCommand') {
      if (scope === 'events index gpk (byCommit)') {
        this.embeddedOnlyRcu += call.units;
        return;
      }
      const attribute =
        scope === 'views index opk (byOrder)' ? 'opk' : scope === 'views index apk (byActor)' ? 'apk' : 'pk';
      const key = queriedPartition(input, attribute) ?? '(unknown)';
      this.add(scope, key, { rcu: readUnits(call) });
      return;
    }
    const item = (input.Item ?? input.Key) as Record<string, unknown> | undefined;
    const key = text(item?.[EVENT_TABLE_KEYS.partitionKey]) ?? '(unknown)';
    if (!call.write) {
      this.add(scope, key, { rcu: readUnits(call) });
      return;
    }
    if (scope === 'views table pk') {
      this.add(scope, key, { wcu: call.units });
      for (const entry of call.viewsIndexEntries ?? []) {
        const indexScope = VIEWS_INDEX_SCOPES[entry.index];
        if (indexScope) this.add(indexScope, entry.partition, { wcu: entry.units });
      }
      return;
    }
    this.add(scope, key, { wcu: call.units });
    const globalKey = text(item?.[EVENT_TABLE_KEYS.globalPartitionKey]);
    if (call.indexWriteUnits > 0 && globalKey)
      this.add('events index gpk (byCommit)', globalKey, { wcu: call.indexWriteUnits });
  }

  /** A batch's units are reported per table: shared out by item size (reads) or evenly (writes). */
  #batch(call: MeteredCall): void {
    const requests = (call.input.RequestItems ?? {}) as Record<
      string,
      { Keys?: Record<string, unknown>[] } | unknown[]
    >;
    const consumed = [(call.output?.ConsumedCapacity as unknown) ?? []].flat() as {
      TableName?: string;
      CapacityUnits?: number;
    }[];
    const responses = (call.output?.Responses ?? {}) as Record<string, Record<string, unknown>[]>;
    for (const [table, request] of Object.entries(requests)) {
      const units = consumed.find((entry) => entry.TableName === table)?.CapacityUnits ?? 0;
      const scope = scopeOf(table);
      if (!scope) continue;
      if (call.command === 'BatchGetItemCommand' && table === EMBEDDED_TABLES.events) {
        this.embeddedOnlyRcu += units;
        continue;
      }
      if (call.command === 'BatchGetItemCommand') {
        const items = responses[table] ?? [];
        const weights = items.map((item) => Math.ceil(itemSizeOf(item as Record<string, AttributeValue>) / 4096) || 1);
        const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
        items.forEach((item, index) => {
          this.add(scope, text(item.pk) ?? '(unknown)', { rcu: (units * (weights[index] ?? 0)) / total });
        });
        continue;
      }
      const writes = request as {
        PutRequest?: { Item: Record<string, unknown> };
        DeleteRequest?: { Key: Record<string, unknown> };
      }[];
      for (const write of writes) {
        const key = text((write.PutRequest?.Item ?? write.DeleteRequest?.Key)?.pk) ?? '(unknown)';
        this.add(scope, key, { wcu: units / writes.length });
      }
    }
  }
}

// ----- run -----

const documents = generateNewsDocuments({
  count: DOCUMENTS,
  seed: 19,
  fillers: [2, 6],
  stances: [16, 22],
  idPrefix: 'partition-article',
});
const notifier: Notifier = {
  channel: 'sns',
  publish: async (_message: AlertMessage) => ({ channel: 'sns', messageId: 'm' }),
};
const meter = new CapacityMeter({
  eventsTable: EMBEDDED_TABLES.events,
  viewsTable: EMBEDDED_TABLES.views,
  viewsIndexes: VIEWS_INDEXES,
});
const ledger = new PartitionLedger();
meter.onCall = (call) => ledger.record(call);
const store = await openStancewatch({
  extractor: createRulesExtractor(),
  notifier,
  configureClient: (client) => meter.attach(client),
  // The global index sharded as on AWS, so its per-shard load is AWS's.
  globalShards: DEFAULT_GLOBAL_SHARDS,
});
meter.setEndpoint(store.endpoint);
const started = performance.now();
for (const document of documents) {
  await store.ingest(document);
  await store.drain();
  ledger.endDocument();
}
const seconds = (performance.now() - started) / 1000;
meter.enabled = false;

// What the documents were: statements, commits, and how they spread over actors.
const raw = new DynamoDBClient({
  endpoint: store.endpoint,
  region: 'local',
  credentials: { accessKeyId: 'bench', secretAccessKey: 'bench' },
});
const statementsByActor = new Map<string, number>();
let commits = 0;
let start: Record<string, AttributeValue> | undefined;
do {
  const page = await raw.send(new ScanCommand({ TableName: EMBEDDED_TABLES.events, ExclusiveStartKey: start }));
  for (const wire of page.Items ?? []) {
    if (!wire.commitId) continue;
    commits++;
    const events = storedEventsOf(unmarshall(wire)) as { type: string; data: { actor?: string } }[];
    for (const event of events) {
      if (event.type !== 'StatementExtracted' || !event.data.actor) continue;
      statementsByActor.set(event.data.actor, (statementsByActor.get(event.data.actor) ?? 0) + 1);
    }
  }
  start = page.LastEvaluatedKey;
} while (start);
raw.destroy();
meter.close();
await store.close();

const statements = [...statementsByActor.values()].reduce((sum, count) => sum + count, 0);
const [busiestActor, busiestCount] = [...statementsByActor].sort((a, b) => b[1] - a[1])[0] ?? ['none', 0];
const bytes = documents.reduce((sum, document) => sum + Buffer.byteLength(document.text), 0) / documents.length;

// ----- the model -----

const codebook = loadCodebook();
const families = keyFamilies(
  [...ledger.loads.values()].map((load) => load.key),
  {
    actors: new Set(codebook.actors.map((actor) => actor.id)),
    topics: new Set(codebook.topics.map((topic) => topic.id)),
    propositions: new Set(codebook.topics.flatMap((topic) => topic.propositions.map((proposition) => proposition.id))),
  },
);
const perSecond = (units: number) => (units / documents.length) * RATE;
const isTimeBucket = (family: string) => family.includes('<day>') || family.includes('<month>');

interface FamilyRow {
  scope: Scope;
  family: string;
  keys: number;
  hottest: string;
  wcu: number;
  rcu: number;
  familyWcu: number;
  familyRcu: number;
  rule: string;
}

const byFamily = new Map<string, KeyLoad[]>();
for (const load of ledger.loads.values()) {
  const id = `${load.scope}\u0000${families.get(load.key) ?? load.key}`;
  byFamily.set(id, [...(byFamily.get(id) ?? []), load]);
}
const pressure = (wcu: number, rcu: number) => Math.max(wcu / LIMITS.wcu, rcu / LIMITS.rcu);
const rows: FamilyRow[] = [];
for (const [id, loads] of byFamily) {
  const [scope, family] = id.split('\u0000') as [Scope, string];
  const familyWcu = perSecond(loads.reduce((sum, load) => sum + load.wcu, 0));
  const familyRcu = perSecond(loads.reduce((sum, load) => sum + load.rcu, 0));
  let best = { key: '', wcu: 0, rcu: 0, rule: '' };
  for (const load of loads) {
    const candidate = isTimeBucket(family)
      ? { key: load.key, wcu: familyWcu, rcu: familyRcu, rule: 'current day/month: whole family' }
      : perSecond(load.wcu) >= load.peakWcu && perSecond(load.rcu) >= load.peakRcu
        ? { key: load.key, wcu: perSecond(load.wcu), rcu: perSecond(load.rcu), rule: 'average × 100' }
        : {
            key: load.key,
            wcu: Math.max(perSecond(load.wcu), load.peakWcu),
            rcu: Math.max(perSecond(load.rcu), load.peakRcu),
            rule: 'one document within 1 s',
          };
    if (pressure(candidate.wcu, candidate.rcu) > pressure(best.wcu, best.rcu) || best.key === '') best = candidate;
  }
  rows.push({
    scope,
    family,
    keys: loads.length,
    hottest: best.key,
    wcu: best.wcu,
    rcu: best.rcu,
    familyWcu,
    familyRcu,
    rule: best.rule,
  });
}
rows.sort((a, b) => a.scope.localeCompare(b.scope) || pressure(b.wcu, b.rcu) - pressure(a.wcu, a.rcu));

console.log(
  `${documents.length} generated seed-sized articles (${round(bytes, 0)} bytes of text, ` +
    `${round(statements / documents.length, 1)} statements and ${round(commits / documents.length, 1)} commits each on average), ` +
    `${round(documents.length / seconds, 1)} documents/s here (metered, drained one by one); global index shards: ${store.globalShards} (as on AWS)`,
);
console.log(
  `Assumption: at ${RATE} documents/s the documents mix actors as the generator does: ${statementsByActor.size} actors, ` +
    `the busiest (${busiestActor}) in ${round((100 * busiestCount) / Math.max(statements, 1), 1)}% of the statements. ` +
    'A per-actor key at another mix scales with that actor\'s share; "family total" is the bound if one key took every document.',
);
console.log(
  `Left out (embedded stream only, not on AWS): ${round(perSecond(ledger.embeddedOnlyRcu), 1)} RCU/s of index tailing and BatchGetItem.\n`,
);

const percent = (wcu: number, rcu: number) => `${round(100 * pressure(wcu, rcu), 1)}%`;
printTable(
  [
    'partition key',
    'family',
    'keys seen',
    'hottest key',
    'its WCU/s',
    'its RCU/s',
    'of the limit',
    'rule',
    'family total WCU/s',
    'family total RCU/s',
  ],
  rows.map((row) => [
    row.scope,
    row.family,
    row.keys,
    row.hottest,
    round(row.wcu, 1),
    round(row.rcu, 1),
    percent(row.wcu, row.rcu),
    row.rule,
    round(row.familyWcu, 1),
    round(row.familyRcu, 1),
  ]),
);
const overall = [...rows].sort((a, b) => pressure(b.wcu, b.rcu) - pressure(a.wcu, a.rcu))[0];
const hottestWrite = [...rows].sort((a, b) => b.wcu - a.wcu)[0];
const hottestRead = [...rows].sort((a, b) => b.rcu - a.rcu)[0];
if (overall && hottestWrite && hottestRead) {
  console.log(
    `\nHottest key overall: ${overall.hottest} (${overall.family}), ${round(overall.wcu, 1)} WCU/s and ${round(overall.rcu, 1)} RCU/s, ` +
      `${percent(overall.wcu, overall.rcu)} of a partition's limit (${LIMITS.wcu} WCU/s, ${LIMITS.rcu} RCU/s). ` +
      `Most writes: ${hottestWrite.hottest} ${round(hottestWrite.wcu, 1)} WCU/s; most reads: ${hottestRead.hottest} ${round(hottestRead.rcu, 1)} RCU/s.`,
  );
}
