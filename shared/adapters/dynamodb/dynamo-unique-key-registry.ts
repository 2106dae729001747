import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { type DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Claim, UniqueKeyRegistry } from '../../ports/unique-key-registry';
import { translateAwsError } from '../aws-error-translation';
import { EVENT_TABLE_KEYS } from './event-table';

const { partitionKey: PK, sortKey: SK } = EVENT_TABLE_KEYS;

/**
 * Claims live in the events table under `unique/<key>` with sort key 0 (commits start at 1) and
 * no global-index attributes, so they never show up in a stream or in the global log.
 */
export class DynamoUniqueKeyRegistry implements UniqueKeyRegistry {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
  ) {}

  async claim(key: string, owner: string): Promise<Claim> {
    const itemKey = { [PK]: `unique/${key}`, [SK]: 0 };
    try {
      const { Attributes } = await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: { ...itemKey, owner },
          ConditionExpression: 'attribute_not_exists(#pk) OR #owner = :owner',
          ExpressionAttributeNames: { '#pk': PK, '#owner': 'owner' },
          ExpressionAttributeValues: { ':owner': owner },
          ReturnValues: 'ALL_OLD',
        }),
      );
      return { owner, claimedBefore: Attributes !== undefined };
    } catch (error) {
      if (!(error instanceof ConditionalCheckFailedException)) throw translateAwsError(error, 'claim');
    }
    try {
      const { Item } = await this.client.send(
        new GetCommand({ TableName: this.tableName, Key: itemKey, ConsistentRead: true }),
      );
      return { owner: String(Item?.owner ?? owner), claimedBefore: true };
    } catch (error) {
      throw translateAwsError(error, 'claim');
    }
  }
}
