import {
  CreateTableCommand,
  type CreateTableCommandInput,
  DeleteTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  ResourceInUseException,
  ResourceNotFoundException,
} from '@aws-sdk/client-dynamodb';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/** How long a new table may take to become ACTIVE. */
const ACTIVE_WAIT_MS = 30_000;

/**
 * Creates a table if it does not exist and waits until it is ACTIVE. Used by the embedded runtime
 * and tests; on AWS the CDK stack owns the tables.
 */
export async function ensureTable(
  documentClient: DynamoDBDocumentClient,
  definition: CreateTableCommandInput,
): Promise<void> {
  // The document client wraps a plain client; table operations take the plain one.
  const client: DynamoDBClient = documentClient as unknown as DynamoDBClient;
  const tableName = definition.TableName as string;
  try {
    await client.send(new CreateTableCommand(definition));
  } catch (error) {
    if (!(error instanceof ResourceInUseException)) throw error;
  }
  // By time, not by count: on a loaded machine dynalite can take several seconds to open a table
  // on disk (a crash-recovery round once took more than the 5 s that 200 polls gave it).
  const deadline = Date.now() + ACTIVE_WAIT_MS;
  while (Date.now() < deadline) {
    try {
      const { Table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
      const indexesActive = (Table?.GlobalSecondaryIndexes ?? []).every((index) => index.IndexStatus === 'ACTIVE');
      if (Table?.TableStatus === 'ACTIVE' && indexesActive) return;
    } catch (error) {
      if (!(error instanceof ResourceNotFoundException)) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`table ${tableName} did not become ACTIVE within ${ACTIVE_WAIT_MS / 1000} s`);
}

/** The parts of a table its code depends on: keys and indexes (names, keys, projections). */
function shapeOf(table: {
  KeySchema?: unknown;
  GlobalSecondaryIndexes?: { IndexName?: string; KeySchema?: unknown; Projection?: unknown }[];
  LocalSecondaryIndexes?: { IndexName?: string; KeySchema?: unknown; Projection?: unknown }[];
}): string {
  const indexes = (list: typeof table.GlobalSecondaryIndexes = []) =>
    list
      .map((index) => JSON.stringify([index.IndexName, index.KeySchema, index.Projection]))
      .sort()
      .join();
  return JSON.stringify([table.KeySchema, indexes(table.GlobalSecondaryIndexes), indexes(table.LocalSecondaryIndexes)]);
}

/**
 * As ensureTable, for a table that holds only derived data (the views): an existing table whose
 * keys or indexes differ from the definition (written by an older version) is deleted and
 * created anew, empty. Returns `replaced` then, so the caller rebuilds its content.
 */
export async function ensureCurrentTable(
  documentClient: DynamoDBDocumentClient,
  definition: CreateTableCommandInput,
): Promise<'current' | 'replaced'> {
  const client: DynamoDBClient = documentClient as unknown as DynamoDBClient;
  let existing: Parameters<typeof shapeOf>[0] | undefined;
  try {
    existing = (await client.send(new DescribeTableCommand({ TableName: definition.TableName as string }))).Table;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const wanted = {
    KeySchema: definition.KeySchema,
    GlobalSecondaryIndexes: definition.GlobalSecondaryIndexes,
    LocalSecondaryIndexes: definition.LocalSecondaryIndexes,
  };
  if (!existing || shapeOf(existing) === shapeOf(wanted)) {
    await ensureTable(documentClient, definition);
    return 'current';
  }
  const deadline = Date.now() + ACTIVE_WAIT_MS;
  // A table still being created or updated refuses to be deleted (ResourceInUse): try again.
  for (;;) {
    try {
      await client.send(new DeleteTableCommand({ TableName: definition.TableName as string }));
      break;
    } catch (error) {
      if (!(error instanceof ResourceInUseException) || Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  for (;;) {
    try {
      await client.send(new DescribeTableCommand({ TableName: definition.TableName as string }));
    } catch (error) {
      if (error instanceof ResourceNotFoundException) break;
      throw error;
    }
    if (Date.now() > deadline) throw new Error(`table ${definition.TableName} was not deleted in time`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  await ensureTable(documentClient, definition);
  return 'replaced';
}
