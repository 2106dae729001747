import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, DeleteTableCommand, DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DataFolder } from '../../../shared/adapters/embedded/data-folder';
import { startEmbeddedDynamo } from '../../../shared/adapters/embedded/embedded-dynamo';
import { EMBEDDED_TABLES, openStancewatch } from '../../../shared/wiring/embedded';
import { stubExtractor, UKRAINE_REFUSES_TO_CEDE } from '../../support/memory-pipeline';

const folders: string[] = [];
afterEach(() => {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
  vi.restoreAllMocks();
});

/** The views table as versions before the spread keys declared it: one local index projecting all. */
const OLD_VIEWS_TABLE = {
  TableName: EMBEDDED_TABLES.views,
  BillingMode: 'PAY_PER_REQUEST' as const,
  AttributeDefinitions: [
    { AttributeName: 'pk', AttributeType: 'S' as const },
    { AttributeName: 'sk', AttributeType: 'S' as const },
    { AttributeName: 'lsk', AttributeType: 'S' as const },
  ],
  KeySchema: [
    { AttributeName: 'pk', KeyType: 'HASH' as const },
    { AttributeName: 'sk', KeyType: 'RANGE' as const },
  ],
  LocalSecondaryIndexes: [
    {
      IndexName: 'byOrder',
      KeySchema: [
        { AttributeName: 'pk', KeyType: 'HASH' as const },
        { AttributeName: 'lsk', KeyType: 'RANGE' as const },
      ],
      Projection: { ProjectionType: 'ALL' as const },
    },
  ],
};

describe('embedded upgrade of the views table', () => {
  it('replaces a views table with the old key layout and rebuilds it from the events on open', async () => {
    const root = mkdtempSync(join(tmpdir(), 'stancewatch-upgrade-'));
    folders.push(root);
    const folder = new DataFolder(root);
    const extractor = stubExtractor('1', [UKRAINE_REFUSES_TO_CEDE]);
    const first = await openStancewatch({ folder, extractor });
    await first.ingest({ text: 'Zelensky said Ukraine will not withdraw.', publishedAt: '2025-10-28' });
    await first.drain();
    const before = await first.views.listPositions();
    expect(before.items).toHaveLength(1);
    await first.close();

    // What an older version left: the same data folder, its views table in the old shape.
    const dynamo = await startEmbeddedDynamo({ path: folder.dynamo });
    const client = new DynamoDBClient({
      endpoint: dynamo.endpoint,
      region: 'local',
      credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
    });
    // A table dynalite has not finished opening refuses deletion for a moment (ResourceInUse).
    for (let attempt = 0; ; attempt++) {
      try {
        await client.send(new DeleteTableCommand({ TableName: EMBEDDED_TABLES.views }));
        break;
      } catch (error) {
        if ((error as Error).name !== 'ResourceInUseException' || attempt > 200) throw error;
        await new Promise((resolve) => setTimeout(resolve, 25));
      }
    }
    while (
      await client
        .send(new DescribeTableCommand({ TableName: EMBEDDED_TABLES.views }))
        .then(() => true)
        .catch((error: Error) => error.name !== 'ResourceNotFoundException')
    )
      await new Promise((resolve) => setTimeout(resolve, 10));
    await client.send(new CreateTableCommand(OLD_VIEWS_TABLE));
    // dynalite turns a new table ACTIVE a tick later: stopping before that would leave it CREATING.
    while (
      (await client.send(new DescribeTableCommand({ TableName: EMBEDDED_TABLES.views }))).Table?.TableStatus !==
      'ACTIVE'
    )
      await new Promise((resolve) => setTimeout(resolve, 10));
    client.destroy();
    await dynamo.close();

    const notices = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const upgraded = await openStancewatch({ folder, extractor });
    try {
      expect(notices.mock.calls.flat().join('\n')).toMatch(/older key layout: rebuilt from \d+ commits/);
      expect(await upgraded.views.listPositions()).toEqual(before);
      expect((await upgraded.views.getTimeline({ actor: 'ukraine', topic: 'territory' })).items).toHaveLength(1);
      const { Table } = await (upgraded.client as unknown as DynamoDBClient).send(
        new DescribeTableCommand({ TableName: EMBEDDED_TABLES.views }),
      );
      expect(Table?.LocalSecondaryIndexes).toBeUndefined();
      expect(Table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual(['byActor', 'byOrder']);
    } finally {
      await upgraded.close();
    }
    // A second open finds the current shape and rebuilds nothing.
    notices.mockClear();
    const again = await openStancewatch({ folder, extractor });
    await again.close();
    expect(notices.mock.calls.flat().join('\n')).not.toMatch(/older key layout/);
  });
});
