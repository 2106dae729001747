import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import type { StoredCommit } from '../../shared/ports/event-store';

let sequence = 1_000_000;

/** The commit item the DynamoDB event store would have written for this commit. */
export function commitItemOf(commit: StoredCommit): Record<string, unknown> {
  const first = commit.events[0];
  return {
    pk: commit.streamId,
    sk: commit.commit,
    gpk: 'all',
    gsk: commit.commitId,
    commitId: commit.commitId,
    recordedAt: first?.recordedAt ?? '2026-11-26T12:00:00.000Z',
    fromVersion: first?.version ?? 1,
    toVersion: commit.events.at(-1)?.version ?? 1,
    eventTypes: new Set(commit.events.map((event) => event.type)),
    events: commit.events.map((event) => ({
      eventId: event.eventId,
      type: event.type,
      schemaVersion: event.schemaVersion,
      version: event.version,
      occurredAt: event.occurredAt,
      correlationId: event.correlationId,
      causationId: event.causationId,
      data: event.data,
    })),
  };
}

/** A DynamoDB Streams INSERT record carrying the item as NewImage (wire format). */
export function streamRecordOfItem(item: Record<string, unknown>): DynamoDBRecord {
  sequence += 1;
  return {
    eventID: String(item.commitId ?? sequence),
    eventName: 'INSERT',
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: 'eu-west-1',
    eventSourceARN: 'arn:aws:dynamodb:eu-west-1:123456789012:table/events/stream/2026-11-26T00:00:00.000',
    dynamodb: {
      Keys: marshall({ pk: item.pk, sk: item.sk }) as never,
      NewImage: marshall(item, { removeUndefinedValues: true }) as never,
      SequenceNumber: String(sequence).padStart(21, '0'),
      SizeBytes: 100,
      StreamViewType: 'NEW_IMAGE',
    },
  };
}

export const streamEventOf = (commits: readonly StoredCommit[]): DynamoDBStreamEvent => ({
  Records: commits.map((commit) => streamRecordOfItem(commitItemOf(commit))),
});
