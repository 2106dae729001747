import { randomUUID } from 'node:crypto';
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { ensureTable } from '../../shared/adapters/dynamodb/ensure-table';
import { eventTableDefinition } from '../../shared/adapters/dynamodb/event-table';
import { startEmbeddedDynamo } from '../../shared/adapters/embedded/embedded-dynamo';

export interface DynamoTestStore {
  endpoint: string;
  client: DynamoDBDocumentClient;
  /** A fresh events table name per call, so tests never see each other's data. */
  newEventTable(): Promise<string>;
  close(): Promise<void>;
}

const TEST_CREDENTIALS = { accessKeyId: 'test', secretAccessKey: 'test' };

/** One in-memory dynalite per test file, reached over its real HTTP API. */
export async function startDynamoTestStore(): Promise<DynamoTestStore> {
  const dynamo = await startEmbeddedDynamo();
  const client = createDynamoDocumentClient({
    endpoint: dynamo.endpoint,
    region: 'us-east-1',
    credentials: TEST_CREDENTIALS,
    maxAttempts: 2,
  });
  return {
    endpoint: dynamo.endpoint,
    client,
    async newEventTable() {
      const name = `events-${randomUUID().slice(0, 8)}`;
      await ensureTable(client, eventTableDefinition(name));
      return name;
    },
    async close() {
      client.destroy();
      await dynamo.close();
    },
  };
}
