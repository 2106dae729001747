import {
  CreateTableCommand,
  type CreateTableCommandInput,
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
