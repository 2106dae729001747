import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { StoredCommit } from '../../ports/event-store';
import { decodeStreamImage } from './commit-item';

/**
 * The commit an events-table stream record carries, or undefined for records that are not commit
 * inserts (unique-key claims, and MODIFY/REMOVE, which the append-only table never makes). Throws
 * the registry's typed errors for an event this code cannot read: the record is then a poison
 * record for the batch processor.
 */
export function commitOfRecord(record: DynamoDBRecord): StoredCommit | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image || image.commitId === undefined || image.events === undefined) return undefined;
  return decodeStreamImage(image as Record<string, AttributeValue>);
}
