import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord } from 'aws-lambda';
import type { StoredCommit } from '../../ports/event-store';
import { decodeCommitItem, decodeStreamImage } from './commit-item';

/**
 * The commit an events-table stream record carries, or undefined for records that are not commit
 * inserts (unique-key claims, and MODIFY/REMOVE, which the append-only table never makes). Throws
 * the registry's typed errors for an event this code cannot read: the record is then a poison
 * record for the batch processor.
 */
export function commitOfRecord(record: DynamoDBRecord): StoredCommit | undefined {
  const image = commitImageOf(record);
  return image ? decodeStreamImage(image) : undefined;
}

/**
 * The commit item of a commit insert, as stored (unmarshalled, not decoded): what a consumer
 * parks when it cannot handle the record, to decode again later with decodeCommitItem.
 */
export function commitItemOfRecord(record: DynamoDBRecord): Record<string, unknown> | undefined {
  const image = commitImageOf(record);
  return image ? unmarshall(image) : undefined;
}

/** Decodes a parked (or otherwise stored) commit item; throws as commitOfRecord does. */
export const commitOfItem = (item: Record<string, unknown>): StoredCommit => decodeCommitItem(item);

function commitImageOf(record: DynamoDBRecord): Record<string, AttributeValue> | undefined {
  if (record.eventName !== 'INSERT') return undefined;
  const image = record.dynamodb?.NewImage;
  if (!image || image.commitId === undefined || image.events === undefined) return undefined;
  return image as Record<string, AttributeValue>;
}
