import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { parseEvent } from '../../../events/registry';
import type { StoredCommit } from '../../ports/event-store';

/** One event inside a commit item; streamId and recordedAt are stored once per commit. */
export interface StoredEventAttributes {
  eventId: string;
  type: string;
  schemaVersion: number;
  version: number;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  data: unknown;
}

/** A commit item as stored in the events table (after unmarshalling). */
export interface CommitItem {
  pk: string;
  sk: number;
  gpk?: string;
  gsk?: string;
  commitId: string;
  recordedAt: string;
  fromVersion: number;
  toVersion: number;
  /** A string set, so a Lambda filter on ContradictionDetected can match any element. */
  eventTypes: Set<string>;
  events: StoredEventAttributes[];
}

/** Decodes a commit item into typed events; throws the registry's typed errors on bad events. */
export function decodeCommitItem(item: Record<string, unknown>): StoredCommit {
  const commit = item as unknown as CommitItem;
  return {
    commitId: commit.commitId,
    streamId: commit.pk,
    commit: Number(commit.sk),
    events: commit.events.map((event) => parseEvent({ ...event, streamId: commit.pk, recordedAt: commit.recordedAt })),
  };
}

/** Decodes the NewImage of a DynamoDB Streams record (wire format) into a commit. */
export function decodeStreamImage(image: Record<string, AttributeValue>): StoredCommit {
  return decodeCommitItem(unmarshall(image));
}
