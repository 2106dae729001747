import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import { EVENT_TABLE_KEYS } from '../dynamodb/event-table';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * DynamoDB Streams sequence numbers are increasing decimal strings; a commit id (ULID) read as a
 * 128-bit number is one, and it keeps the commit order.
 */
export function sequenceNumberOf(commitId: string): string {
  let value = 0n;
  for (const character of commitId.toUpperCase()) {
    value = value * 32n + BigInt(CROCKFORD.indexOf(character));
  }
  return value.toString();
}

/** The record AWS would hand a stream consumer for the INSERT of this commit item. */
export function streamRecordOf(item: Record<string, unknown>, tableName: string): DynamoDBRecord {
  const newImage = marshall(item, { removeUndefinedValues: true });
  const keys = marshall({
    [EVENT_TABLE_KEYS.partitionKey]: item[EVENT_TABLE_KEYS.partitionKey],
    [EVENT_TABLE_KEYS.sortKey]: item[EVENT_TABLE_KEYS.sortKey],
  });
  const commitId = String(item.commitId);
  return {
    eventID: commitId,
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'local',
    eventSourceARN: `arn:aws:dynamodb:local:000000000000:table/${tableName}/stream/embedded`,
    dynamodb: {
      ApproximateCreationDateTime: Math.floor(Date.parse(String(item.recordedAt)) / 1000),
      Keys: keys as NonNullable<DynamoDBRecord['dynamodb']>['Keys'],
      NewImage: newImage as NonNullable<DynamoDBRecord['dynamodb']>['NewImage'],
      SequenceNumber: sequenceNumberOf(commitId),
      SizeBytes: Buffer.byteLength(JSON.stringify(newImage)),
      StreamViewType: 'NEW_IMAGE',
    },
  };
}
