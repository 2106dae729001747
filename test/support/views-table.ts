import { randomUUID } from 'node:crypto';
import { ScanCommand } from '@aws-sdk/lib-dynamodb';
import { DynamoViewStore } from '../../shared/adapters/dynamodb/dynamo-view-store';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table';
import { viewsTableDefinition } from '../../shared/adapters/dynamodb/views-table';
import type { DynamoTestStore } from './dynamo-test-store';
import { normalise } from './memory-view-store';

/** A fresh views table on the test dynalite, and its store. */
export async function newViewStore(dynamo: DynamoTestStore): Promise<{ views: DynamoViewStore; tableName: string }> {
  const tableName = `views-${randomUUID().slice(0, 8)}`;
  await ensureTable(dynamo.client, viewsTableDefinition(tableName));
  return { views: new DynamoViewStore({ client: dynamo.client, tableName }), tableName };
}

/** Every item of a views table, in the same normal form as MemoryViewStore.snapshot(). */
export async function scanSnapshot(
  dynamo: DynamoTestStore,
  tableName: string,
): Promise<[string, Record<string, unknown>][]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await dynamo.client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey, ConsistentRead: true }),
    );
    items.push(...(page.Items ?? []));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items
    .map((item): [string, Record<string, unknown>] => [
      `${item.pk}\u0000${item.sk}`,
      normalise(item) as Record<string, unknown>,
    ])
    .sort(([left], [right]) => (left < right ? -1 : 1));
}
