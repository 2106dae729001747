import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { StoredCommit } from '../../ports/event-store';
import { decodeCommitItem, isCommitItem } from './commit-item';

/**
 * The commit item an events-table stream record carries, as stored (unmarshalled, not decoded),
 * or undefined for records that are not commit inserts (unique-key claims, and MODIFY/REMOVE,
 * which the append-only table never makes). A consumer decodes it with commitOfItem, and parks
 * it as it is when it cannot handle it.
 */
export function commitItemOfRecord(record: DynamoDBRecord): Record<string, unknown> | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image || !isCommitItem(image)) return undefined;
  return unmarshall(image as Record<string, AttributeValue>);
}

/**
 * Decodes a commit item (from the stream, or parked). Throws the registry's typed errors for an
 * event this code cannot read: the record is then a poison record for its consumer.
 */
export const commitOfItem = (item: Record<string, unknown>): StoredCommit => decodeCommitItem(item);
