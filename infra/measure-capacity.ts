import { readFileSync } from 'node:fs';
import { type AttributeValue, ScanCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { EVENT_TABLE_KEYS } from '../shared/adapters/dynamodb/event-table';
import { VIEWS_INDEXES } from '../shared/adapters/dynamodb/views-table';
import type { Notifier } from '../shared/ports/notifier';
import { openStancewatch } from '../shared/wiring/embedded';
import { PROJECT_ROOT } from './bundling';

/**
 * `npx tsx infra/measure-capacity.ts [file.jsonl …]`: the DynamoDB request units one document
 * costs, for the cost section of docs/deploy.md. Runs the embedded pipeline (the same adapters and
 * handlers as on Lambda) on dynalite with ReturnConsumedCapacity=TOTAL on every data call, and
 * attributes each call to the function that makes it on AWS by the stream it touches
 * (unique/… and document/… ingest, position/… projector, alert/… alerter; views: projector).
 *
 * What dynalite cannot report is added by DynamoDB's documented rules and labelled as such:
 * - the events table's keys-only `byCommit` index: one extra write unit per commit item;
 * - the views table's keys-only global indexes (`byOrder`, `byActor`): a write that sets an
 *   index's sort key puts the item into it, one unit (an upper bound: a rewrite of the same key
 *   writes nothing to a keys-only index); a write that removes it (a resolved review entry), one.
 * The embedded stream tails the table through the byCommit index and BatchGetItem; on AWS,
 * DynamoDB Streams feeds Lambda instead (free), so those reads are left out.
 */

type Owner = 'ingest' | 'projector' | 'alerter' | 'embedded stream (not on AWS)' | 'other';

interface Tally {
  calls: number;
  units: number;
}

const DATA_COMMANDS = new Set(['PutItem', 'UpdateItem', 'DeleteItem', 'GetItem', 'Query', 'BatchGetItem']);
const tallies = new Map<string, Tally>();
const indexWrites = new Map<string, Tally>();

const add = (map: Map<string, Tally>, key: string, units: number) => {
  const tally = map.get(key) ?? { calls: 0, units: 0 };
  tally.calls += 1;
  tally.units += units;
  map.set(key, tally);
};

const ownerOfStream = (streamId: string): Owner =>
  streamId.startsWith('unique/') || streamId.startsWith('document/')
    ? 'ingest'
    : streamId.startsWith('position/')
      ? 'projector'
      : streamId.startsWith('alert/')
        ? 'alerter'
        : 'other';

/** The command name without the client's suffix: PutItem, Query… (lib-dynamodb: Put → PutItem). */
function operationOf(commandName: string | undefined): string {
  const bare = (commandName ?? '').replace(/Command$/, '');
  const documentClient: Record<string, string> = {
    Put: 'PutItem',
    Get: 'GetItem',
    Update: 'UpdateItem',
    Delete: 'DeleteItem',
    BatchGet: 'BatchGetItem',
    BatchWrite: 'BatchWriteItem',
  };
  return documentClient[bare] ?? bare;
}

function streamOf(input: Record<string, unknown>): string {
  const item = (input.Item ?? input.Key) as Record<string, unknown> | undefined;
  const pk = item?.[EVENT_TABLE_KEYS.partitionKey];
  if (typeof pk === 'string') return pk;
  if (pk && typeof pk === 'object' && 'S' in pk) return String((pk as { S: string }).S);
  const values = input.ExpressionAttributeValues as Record<string, unknown> | undefined;
  const value = values?.[':pk'];
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'S' in value) return String((value as { S: string }).S);
  return '';
}

function instrument(client: DynamoDBDocumentClient, tables: { events: string; views: string }): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const operation = operationOf(context.commandName);
      if (!DATA_COMMANDS.has(operation)) return next(args);
      const input = args.input as Record<string, unknown>;
      input.ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as {
        ConsumedCapacity?: { CapacityUnits?: number } | Array<{ CapacityUnits?: number }>;
      };
      const reported = [output.ConsumedCapacity ?? []]
        .flat()
        .reduce((sum, entry) => sum + (entry.CapacityUnits ?? 0), 0);
      const kind = ['PutItem', 'UpdateItem', 'DeleteItem'].includes(operation) ? 'write' : 'read';
      // DynamoDB charges a read that finds nothing too: 1 unit strongly consistent, 0.5 eventually.
      const units = kind === 'read' ? Math.max(reported, input.ConsistentRead ? 1 : 0.5) : reported;
      const table =
        input.TableName === tables.views ? 'views' : input.TableName === tables.events ? 'events' : 'events';
      let owner: Owner;
      if (operation === 'BatchGetItem' || input.IndexName === EVENT_TABLE_KEYS.globalIndexName) {
        owner = 'embedded stream (not on AWS)';
      } else if (table === 'views') {
        owner = 'projector';
      } else {
        owner = ownerOfStream(streamOf(input));
      }
      add(tallies, `${owner}\t${table}\t${operation}\t${kind}`, units);
      // Index writes DynamoDB charges on AWS but dynalite does not report.
      if (table === 'events' && operation === 'PutItem') {
        const item = input.Item as Record<string, unknown>;
        if (item && EVENT_TABLE_KEYS.globalPartitionKey in item) add(indexWrites, `${owner}\tevents/index/byCommit`, 1);
      }
      if (table === 'views' && (operation === 'UpdateItem' || operation === 'PutItem')) {
        const names = Object.values((input.ExpressionAttributeNames as Record<string, string> | undefined) ?? {});
        for (const index of VIEWS_INDEXES) {
          if (names.includes(index.partitionKey)) add(indexWrites, `${owner}\tviews/index/${index.name}`, 1);
        }
      }
      return result;
    },
    { step: 'initialize', name: 'stancewatchConsumedCapacity', override: true },
  );
}

interface DocumentLine {
  id?: string;
  title?: string;
  source?: string;
  publishedAt: string;
  text: string;
}

async function main(): Promise<void> {
  const files = process.argv.slice(2);
  const inputs = files.length > 0 ? files : [`${PROJECT_ROOT}examples/documents.jsonl`];
  const documents: DocumentLine[] = inputs.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((line) => line.trim() !== '')
      .map((line) => JSON.parse(line) as DocumentLine),
  );
  const published: string[] = [];
  const notifier: Notifier = {
    channel: 'measure',
    publish: async (message) => {
      published.push(message.contradictionId);
      return { channel: 'measure', messageId: `m-${published.length}` };
    },
  } as Notifier;
  let tables = { events: '', views: '' };
  const stancewatch = await openStancewatch({
    notifier,
    configureClient: (client) =>
      instrument(client, {
        get events() {
          return tables.events;
        },
        get views() {
          return tables.views;
        },
      }),
  });
  tables = { events: stancewatch.tables.events, views: stancewatch.tables.views };
  const storage: Record<string, { items: number; bytes: number }> = {};
  const timings = { ingestMs: 0, drainMs: 0 };
  let statements = 0;
  let ingested = 0;
  try {
    const started = performance.now();
    for (const document of documents) {
      const outcome = await stancewatch.ingest(document);
      if (!outcome.duplicate) ingested++;
      statements += outcome.statements.length;
    }
    const ingestedAt = performance.now();
    await stancewatch.drain();
    timings.ingestMs = ingestedAt - started;
    timings.drainMs = performance.now() - ingestedAt;
    for (const [name, table] of Object.entries(tables)) storage[name] = await tableBytes(stancewatch.client, table);
  } finally {
    await stancewatch.close();
  }

  console.log(
    `${documents.length} documents (${ingested} new), ${statements} statements, ${published.length} alerts published`,
  );
  console.log(
    `wall time here (dynalite on this machine, not Lambda): ingest ${(timings.ingestMs / documents.length).toFixed(0)} ms per document, stream consumers ${(timings.drainMs / documents.length).toFixed(0)} ms per document`,
  );
  console.log(
    '\nrequest units reported by dynalite (ReturnConsumedCapacity=TOTAL; writes rounded up per 1 KB, reads per 4 KB)',
  );
  console.log(['owner', 'table', 'operation', 'kind', 'calls', 'units', 'units/doc'].join('\t'));
  const perDocument = { write: 0, read: 0 };
  for (const [key, tally] of [...tallies.entries()].sort()) {
    const [owner, , , kind] = key.split('\t');
    console.log(`${key}\t${tally.calls}\t${tally.units}\t${(tally.units / ingested).toFixed(2)}`);
    if (owner !== 'embedded stream (not on AWS)') perDocument[kind as 'write' | 'read'] += tally.units / ingested;
  }
  console.log('\nindex writes added by DynamoDB’s rules (dynalite does not charge them)');
  for (const [key, tally] of [...indexWrites.entries()].sort()) {
    console.log(`${key}\t${tally.calls}\t${tally.units}\t${(tally.units / ingested).toFixed(2)}`);
    perDocument.write += tally.units / ingested;
  }
  console.log(
    `\nper document on AWS: ${perDocument.write.toFixed(1)} write request units, ${perDocument.read.toFixed(1)} read request units (before any API reads)`,
  );
  console.log('\nstorage (DynamoDB item size: attribute names + values, + 100 bytes per item of overhead)');
  for (const [name, { items, bytes }] of Object.entries(storage)) {
    console.log(`${name}\t${items} items\t${bytes} bytes\t${(bytes / ingested / 1024).toFixed(1)} KB per document`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});

/** Size of an item by DynamoDB's documented rules (names + values; numbers ≈ 1 byte per 2 digits + 1). */
function attributeValueBytes(value: AttributeValue): number {
  if (value.S !== undefined) return Buffer.byteLength(value.S, 'utf8');
  if (value.N !== undefined) return Math.ceil(value.N.replace(/^-|\./g, '').length / 2) + 1;
  if (value.B !== undefined) return value.B.length;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, item) => sum + Buffer.byteLength(item, 'utf8'), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, item) => sum + Math.ceil(item.length / 2) + 1, 0);
  if (value.L !== undefined) return 3 + value.L.reduce((sum, item) => sum + 1 + attributeValueBytes(item), 0);
  if (value.M !== undefined) {
    return (
      3 +
      Object.entries(value.M).reduce(
        (sum, [name, item]) => sum + 1 + Buffer.byteLength(name) + attributeValueBytes(item),
        0,
      )
    );
  }
  return 0;
}

async function tableBytes(
  client: DynamoDBDocumentClient,
  tableName: string,
): Promise<{ items: number; bytes: number }> {
  let items = 0;
  let bytes = 0;
  let startKey: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    for (const item of page.Items ?? []) {
      items += 1;
      bytes +=
        100 +
        Object.entries(item).reduce(
          (sum, [name, value]) => sum + Buffer.byteLength(name) + attributeValueBytes(value),
          0,
        );
    }
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return { items, bytes };
}
