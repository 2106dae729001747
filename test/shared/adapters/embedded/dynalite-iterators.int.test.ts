import { createRequire } from 'node:module';
import { PutCommand, QueryCommand, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoTestStore, startDynamoTestStore } from '../../../support/dynamo-test-store';

/**
 * dynalite 4.0.0 closed its LevelDB iterators with `iterator.return()`, which abstract-level 3
 * iterators do not have, so every Query and Scan left one open for the life of the process (the
 * heap grew ~19 MB per 1,000 reads). patches/dynalite+4.0.0.patch closes them with `close()`.
 * Iterators attach themselves to their database while open, so counting attach/detach on the
 * abstract-level prototype counts the open ones without reaching into dynalite.
 */
// abstract-level as dynalite itself loads it (its dependency, not ours): the classes must be the same.
const fromDynalite = createRequire(createRequire(import.meta.url).resolve('dynalite'));
const { AbstractLevel, AbstractIterator, AbstractKeyIterator, AbstractValueIterator } = fromDynalite(
  'abstract-level',
) as {
  AbstractLevel: { prototype: { attachResource(r: object): void; detachResource(r: object): void } };
  AbstractIterator: abstract new (...args: never[]) => object;
  AbstractKeyIterator: abstract new (...args: never[]) => object;
  AbstractValueIterator: abstract new (...args: never[]) => object;
};

const openIterators = new Set<object>();
const isIterator = (resource: object) =>
  resource instanceof AbstractIterator ||
  resource instanceof AbstractKeyIterator ||
  resource instanceof AbstractValueIterator;

const attach = AbstractLevel.prototype.attachResource;
const detach = AbstractLevel.prototype.detachResource;

let store: DynamoTestStore;
let table: string;

beforeAll(async () => {
  AbstractLevel.prototype.attachResource = function (resource) {
    if (isIterator(resource)) openIterators.add(resource);
    return attach.call(this, resource);
  };
  AbstractLevel.prototype.detachResource = function (resource) {
    openIterators.delete(resource);
    return detach.call(this, resource);
  };
  store = await startDynamoTestStore();
  table = await store.newEventTable();
  for (let index = 0; index < 30; index++) {
    await store.client.send(
      new PutCommand({ TableName: table, Item: { pk: 'stream#a', sk: index, body: `event ${index}` } }),
    );
  }
});

afterAll(async () => {
  await store.close();
  AbstractLevel.prototype.attachResource = attach;
  AbstractLevel.prototype.detachResource = detach;
});

/** Closing is asynchronous inside dynalite; give it a few turns of the event loop. */
async function settledOpenIterators(): Promise<number> {
  for (let turn = 0; turn < 20 && openIterators.size > 0; turn++) {
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  return openIterators.size;
}

describe('dynalite iterators (patched at install)', () => {
  it('leaves no iterator open after queries, whether they read to the end or stop at a limit', async () => {
    for (let query = 0; query < 25; query++) {
      const all = await store.client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'stream#a' },
        }),
      );
      expect(all.Items).toHaveLength(30);
      const firstFive = await store.client.send(
        new QueryCommand({
          TableName: table,
          KeyConditionExpression: 'pk = :pk',
          ExpressionAttributeValues: { ':pk': 'stream#a' },
          Limit: 5,
        }),
      );
      expect(firstFive.Items).toHaveLength(5);
    }
    expect(await settledOpenIterators()).toBe(0);
  });

  it('leaves no iterator open after scans', async () => {
    for (let scan = 0; scan < 25; scan++) {
      const page = await store.client.send(new ScanCommand({ TableName: table, Limit: 7 }));
      expect(page.Items).toHaveLength(7);
    }
    expect(await settledOpenIterators()).toBe(0);
  });
});
