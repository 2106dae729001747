import { CreateTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { startEmbeddedDynamo } from '../../../../shared/adapters/embedded/embedded-dynamo';

/**
 * dynalite stores a new table as CREATING and marks it ACTIVE from a timer, so a process killed in
 * between left the table CREATING on disk for good, and every later start of that data folder
 * waited for it in vain (docs/reliability.md). patches/dynalite+4.0.0.patch stores it ACTIVE at
 * once when there is no creation delay, as the embedded runtime runs dynalite: the table is
 * already ACTIVE in the answer to CreateTable, before any timer could run.
 */
describe('dynalite as the embedded runtime runs it', () => {
  it('stores a new table and its indexes ACTIVE in the same write that creates them', async () => {
    const dynamo = await startEmbeddedDynamo();
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    try {
      const { TableDescription } = await client.send(
        new CreateTableCommand({
          TableName: 'created-at-once',
          BillingMode: 'PAY_PER_REQUEST',
          AttributeDefinitions: [
            { AttributeName: 'pk', AttributeType: 'S' },
            { AttributeName: 'gpk', AttributeType: 'S' },
          ],
          KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
          GlobalSecondaryIndexes: [
            {
              IndexName: 'byG',
              KeySchema: [{ AttributeName: 'gpk', KeyType: 'HASH' }],
              Projection: { ProjectionType: 'KEYS_ONLY' },
            },
          ],
        }),
      );
      expect(TableDescription?.TableStatus).toBe('ACTIVE');
      expect(TableDescription?.GlobalSecondaryIndexes?.map((index) => index.IndexStatus)).toEqual(['ACTIVE']);
    } finally {
      client.destroy();
      await dynamo.close();
    }
  });
});
