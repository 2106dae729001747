import { createRequire } from 'node:module';
import { type AttributeValue, DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { marshall } from '@aws-sdk/util-dynamodb';

/**
 * Meters DynamoDB capacity through the SDK middleware stack of the one client the embedded
 * runtime uses, for bench/cost.bench.ts.
 *
 * - Every call that can asks for `ReturnConsumedCapacity: INDEXES`; dynalite answers with
 *   DynamoDB's own rules (writes: the larger of the old and new item, rounded up to 1 KB; reads:
 *   4 KB units, halved when eventually consistent; a Query is charged on the sum of what it
 *   read). Those are the table's units, as the API reports them.
 * - dynalite does not charge index writes, so they are computed here from the actual items, with
 *   DynamoDB's rules: a write to an item that is (or was) in an index writes the index too, sized
 *   by the projected item rounded up to 1 KB; a change of the index key is a delete plus a put.
 *   The views table's global indexes are keys-only: the old and new item are read around each
 *   write with a separate, unmetered client, and an index is charged one unit when the item
 *   enters it, one when it leaves, two when its index key changes, nothing when its keys stay
 *   (no projected attribute changed). The events table's GSI is KEYS_ONLY: one unit per new commit.
 * - A read is charged at least what DynamoDB charges for reading nothing (0.5 unit eventually
 *   consistent, 1 strongly): dynalite reports 0 for a Query that finds no item.
 * - Item sizes use dynalite's implementation of DynamoDB's size rule (attribute names + values).
 *
 * Each call is attributed to a purpose (what the code was doing), recognised from its input.
 */
export interface Usage {
  calls: number;
  readUnits: number;
  writeUnits: number;
  indexWriteUnits: number;
  /** Conditional writes refused (charged all the same). */
  conditionFailures?: number;
  /** Views writes that left the item exactly as it was (charged all the same). */
  unchangedWrites?: number;
}

/** One metered call, handed to `onCall` (bench/partitions.bench.ts attributes it to partition keys). */
export interface MeteredCall {
  command: string;
  input: Readonly<Record<string, unknown>>;
  /** The response; undefined for a write refused by its condition (charged all the same). */
  output: Readonly<Record<string, unknown>> | undefined;
  write: boolean;
  /** Units charged on the table (a Query on an index: that index's read units). */
  units: number;
  /** Index write units computed here: the events table's GSI entry or the views table's index entries. */
  indexWriteUnits: number;
  /** The views table's index entries written, by index partition (they are charged there, not on the table's). */
  viewsIndexEntries?: readonly ViewsIndexEntry[];
}

/** One put or delete of a keys-only entry in one of the views table's global indexes. */
export interface ViewsIndexEntry {
  index: string;
  partition: string;
  units: number;
}

const require = createRequire(import.meta.url);
const dynaliteDb = require('dynalite/db') as { itemSize(item: Record<string, AttributeValue>): number };
export const itemSizeOf = (item: Record<string, AttributeValue>): number => dynaliteDb.itemSize(item);

const CAPACITY_COMMANDS = new Set([
  'PutItemCommand',
  'UpdateItemCommand',
  'DeleteItemCommand',
  'GetItemCommand',
  'QueryCommand',
  'ScanCommand',
  'BatchGetItemCommand',
  'BatchWriteItemCommand',
]);

interface ConsumedCapacity {
  TableName?: string;
  CapacityUnits?: number;
  ReadCapacityUnits?: number;
  WriteCapacityUnits?: number;
}

export interface MeterOptions {
  eventsTable: string;
  viewsTable: string;
  /** The views table's global indexes, all keys-only. */
  viewsIndexes: readonly { name: string; partitionKey: string; sortKey: string }[];
}

type Input = Record<string, unknown> & {
  TableName?: string;
  IndexName?: string;
  Key?: Record<string, unknown>;
  Item?: Record<string, unknown>;
  ProjectionExpression?: string;
  ReturnConsumedCapacity?: string;
  ConsistentRead?: boolean;
  RequestItems?: Record<string, unknown>;
};

const isWire = (value: unknown): boolean =>
  value !== null && typeof value === 'object' && Object.keys(value as object).length === 1 && 'S' in (value as object);

export class CapacityMeter {
  readonly byPurpose = new Map<string, Usage>();
  enabled = true;
  /** Told of every metered call after it is charged. */
  onCall: ((call: MeteredCall) => void) | undefined;
  readonly #options: MeterOptions;
  #side: DynamoDBClient | undefined;

  constructor(options: MeterOptions) {
    this.#options = options;
  }

  /** Where the side client reads items (the embedded dynalite's endpoint, known once it listens). */
  setEndpoint(endpoint: string): void {
    this.#side?.destroy();
    this.#side = new DynamoDBClient({
      endpoint,
      region: 'local',
      credentials: { accessKeyId: 'meter', secretAccessKey: 'meter' },
    });
  }

  attach(client: DynamoDBDocumentClient): void {
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const command = context.commandName ?? '';
        if (!this.enabled || !CAPACITY_COMMANDS.has(command)) return next(args);
        const input = args.input as Input;
        input.ReturnConsumedCapacity = 'INDEXES';
        const purpose = this.#purposeOf(command, input);
        const viewKey = this.#viewKey(command, input);
        const before = viewKey ? await this.#item(this.#options.viewsTable, viewKey) : undefined;
        const usage = this.byPurpose.get(purpose) ?? { calls: 0, readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
        this.byPurpose.set(purpose, usage);
        usage.calls++;
        const write = ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'BatchWriteItemCommand'].includes(
          command,
        );
        let result: Awaited<ReturnType<typeof next>>;
        try {
          result = await next(args);
        } catch (error) {
          // A write whose condition fails is still charged: the size of the item it found (at least 1).
          if ((error as Error).name === 'ConditionalCheckFailedException' && write) {
            const key = this.#keyOf(input);
            const existing = key && input.TableName ? await this.#item(input.TableName, key) : undefined;
            const units = Math.max(1, existing ? Math.ceil(itemSizeOf(existing) / 1024) : 1);
            usage.writeUnits += units;
            usage.conditionFailures = (usage.conditionFailures ?? 0) + 1;
            this.onCall?.({ command, input, output: undefined, write, units, indexWriteUnits: 0 });
          }
          throw error;
        }
        const output = result.output as { ConsumedCapacity?: ConsumedCapacity | ConsumedCapacity[] };
        let charged = 0;
        let indexWrites = 0;
        let viewsIndexEntries: ViewsIndexEntry[] = [];
        for (const consumed of [output.ConsumedCapacity ?? []].flat()) {
          const units = consumed.CapacityUnits ?? 0;
          charged += units;
          if (write) usage.writeUnits += units;
        }
        if (!write) {
          if (command !== 'BatchGetItemCommand') charged = Math.max(charged, input.ConsistentRead ? 1 : 0.5);
          usage.readUnits += charged;
        }
        if (
          command === 'PutItemCommand' &&
          input.TableName === this.#options.eventsTable &&
          input.Item &&
          'gsk' in input.Item
        ) {
          indexWrites = 1; // KEYS_ONLY entry: far below 1 KB.
        }
        if (viewKey) {
          const after = await this.#item(this.#options.viewsTable, viewKey);
          viewsIndexEntries = this.#indexUnits(before, after);
          indexWrites = viewsIndexEntries.reduce((sum, entry) => sum + entry.units, 0);
          if (JSON.stringify(before) === JSON.stringify(after))
            usage.unchangedWrites = (usage.unchangedWrites ?? 0) + 1;
        }
        usage.indexWriteUnits += indexWrites;
        this.onCall?.({
          command,
          input,
          output: output as Record<string, unknown>,
          write,
          units: charged,
          indexWriteUnits: indexWrites,
          ...(viewsIndexEntries.length > 0 ? { viewsIndexEntries } : {}),
        });
        return result;
      },
      { step: 'initialize', name: 'capacityMeter', priority: 'low' },
    );
  }

  close(): void {
    this.#side?.destroy();
  }

  #purposeOf(command: string, input: Input): string {
    const table = input.TableName;
    if (command === 'BatchGetItemCommand') {
      return input.RequestItems && this.#options.viewsTable in input.RequestItems
        ? 'views: read'
        : 'embedded stream: fetch commits (BatchGetItem)';
    }
    if (table === this.#options.viewsTable) {
      if (command === 'QueryCommand' || command === 'GetItemCommand' || command === 'ScanCommand') return 'views: read';
      const key = this.#keyOf(input);
      const kind = (key?.pk?.S ?? '').split('#')[0];
      return `views: write ${kind} item`;
    }
    if (command === 'QueryCommand' && input.IndexName) return 'embedded stream: tail the global index (Query)';
    if (command === 'QueryCommand') {
      return input.ProjectionExpression ? 'event store: read stream head (Query)' : 'event store: read stream (Query)';
    }
    const pk = this.#keyOf(input)?.pk?.S ?? '';
    if (pk.startsWith('unique/'))
      return command === 'GetItemCommand' ? 'ingest: read claim' : 'ingest: claim content hash';
    if (command === 'PutItemCommand') {
      if (pk.startsWith('document/')) return 'event store: append document commit';
      if (pk.startsWith('position/')) return 'event store: append position commit';
      if (pk.startsWith('alert/')) return 'event store: append alert commit';
    }
    return `${command} ${table}`;
  }

  #keyOf(input: Input): Record<string, AttributeValue> | undefined {
    const key = input.Key ?? (input.Item ? { pk: input.Item.pk, sk: input.Item.sk } : undefined);
    if (!key) return undefined;
    return isWire(key.pk) ? (key as Record<string, AttributeValue>) : marshall(key);
  }

  #viewKey(command: string, input: Input): Record<string, AttributeValue> | undefined {
    if (input.TableName !== this.#options.viewsTable) return undefined;
    if (!['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand'].includes(command)) return undefined;
    return this.#keyOf(input);
  }

  async #item(table: string, key: Record<string, AttributeValue>): Promise<Record<string, AttributeValue> | undefined> {
    if (!this.#side) throw new Error('CapacityMeter: call setEndpoint before metering writes');
    const { Item } = await this.#side.send(new GetItemCommand({ TableName: table, Key: key, ConsistentRead: true }));
    return Item;
  }

  /** Keys-only global index write units for one item going from `before` to `after`. */
  #indexUnits(
    before: Record<string, AttributeValue> | undefined,
    after: Record<string, AttributeValue> | undefined,
  ): ViewsIndexEntry[] {
    const entries: ViewsIndexEntry[] = [];
    for (const { name, partitionKey, sortKey } of this.#options.viewsIndexes) {
      const keyOf = (item: Record<string, AttributeValue> | undefined) =>
        item?.[partitionKey]?.S !== undefined && item[sortKey]?.S !== undefined
          ? { partition: item[partitionKey].S, sort: item[sortKey].S }
          : undefined;
      const was = keyOf(before);
      const is = keyOf(after);
      if (was?.partition === is?.partition && was?.sort === is?.sort) continue;
      // An entry holds the table's and the index's keys only: far below 1 KB, one unit per put or delete.
      if (was) entries.push({ index: name, partition: was.partition, units: 1 });
      if (is) entries.push({ index: name, partition: is.partition, units: 1 });
    }
    return entries;
  }

  total(filter: (purpose: string) => boolean = () => true): Usage {
    const total: Usage = { calls: 0, readUnits: 0, writeUnits: 0, indexWriteUnits: 0 };
    for (const [purpose, usage] of this.byPurpose) {
      if (!filter(purpose)) continue;
      total.calls += usage.calls;
      total.readUnits += usage.readUnits;
      total.writeUnits += usage.writeUnits;
      total.indexWriteUnits += usage.indexWriteUnits;
    }
    return total;
  }
}
