import { deflateRawSync, gunzipSync, inflateRawSync } from 'node:zlib';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { parseEvent } from '../../../events/registry';
import type { StoredCommit } from '../../ports/event-store';
import { COMMIT_DICTIONARY_1 } from './commit-dictionary';

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
  /**
   * The events as JSON (an array of StoredEventAttributes), raw DEFLATE with the preset
   * dictionary COMMIT_DICTIONARY_1. DynamoDB charges a write per KB of item, and a list of maps
   * repeats every attribute name of every event and statement: compressed, a wire story's
   * document commit fits in one unit (docs/event-store.md, "Commit items"). Only the encoding is
   * new: the events inside mean what they always meant.
   */
  eventsZ1?: Uint8Array;
  /** The events as gzipped JSON: commits written before `eventsZ1`, read as they are. */
  eventsGz?: Uint8Array;
  /** The events as a list of maps: commits written before `eventsGz`, read as they are. */
  events?: StoredEventAttributes[];
}

export function encodeStoredEvents(events: readonly StoredEventAttributes[]): Uint8Array {
  return deflateRawSync(JSON.stringify(events), { level: 9, dictionary: COMMIT_DICTIONARY_1 });
}

/**
 * The compressed events of an item: a Uint8Array from the SDK, or a base64 string where the item came
 * as JSON (a Lambda stream record's NewImage carries binary values base64-encoded).
 */
function binaryBytes(value: unknown): Uint8Array | undefined {
  if (value instanceof Uint8Array) return value;
  if (typeof value === 'string') return Buffer.from(value, 'base64');
  return undefined;
}

/**
 * Events already unzipped, by item: a stream consumer reads a record's events twice (its ordering
 * keys, then the commit), and stored items are never changed. Weak, so it holds nothing past the
 * item's own life.
 */
const unzipped = new WeakMap<object, StoredEventAttributes[]>();

/** The compressed encodings, newest first: the attribute that holds the events, and how to get their JSON back. */
const COMPRESSED_ENCODINGS: ReadonlyArray<{
  attribute: 'eventsZ1' | 'eventsGz';
  inflate: (bytes: Uint8Array) => Buffer;
}> = [
  { attribute: 'eventsZ1', inflate: (bytes) => inflateRawSync(bytes, { dictionary: COMMIT_DICTIONARY_1 }) },
  { attribute: 'eventsGz', inflate: (bytes) => gunzipSync(bytes) },
];

/** The stored events of a commit item, whichever encoding it was written with. */
export function storedEventsOf(item: Record<string, unknown>): StoredEventAttributes[] {
  for (const { attribute, inflate } of COMPRESSED_ENCODINGS) {
    const bytes = binaryBytes(item[attribute]);
    if (!bytes) continue;
    let events = unzipped.get(item);
    if (!events) {
      events = JSON.parse(inflate(bytes).toString('utf8')) as StoredEventAttributes[];
      unzipped.set(item, events);
    }
    return events;
  }
  if (Array.isArray(item.events)) return item.events as StoredEventAttributes[];
  throw new TypeError(`commit item ${String(item.pk)}/${String(item.sk)} holds no events`);
}

/** Typed events from their stored attributes; throws the registry's typed errors on bad events. */
export function eventsOfStored(
  stored: readonly StoredEventAttributes[],
  streamId: string,
  recordedAt: string,
): StoredCommit['events'] {
  return stored.map((event) => parseEvent({ ...event, streamId, recordedAt }));
}

/** Whether an item is a commit (unique-key claims and snapshot parts share the table). */
export const isCommitItem = (item: Record<string, unknown>): boolean =>
  item.commitId !== undefined &&
  (item.eventsZ1 !== undefined || item.eventsGz !== undefined || item.events !== undefined);

/** Decodes a commit item into typed events; throws the registry's typed errors on bad events. */
export function decodeCommitItem(item: Record<string, unknown>): StoredCommit {
  const commit = item as unknown as CommitItem;
  return {
    commitId: commit.commitId,
    streamId: commit.pk,
    commit: Number(commit.sk),
    events: eventsOfStored(storedEventsOf(item), commit.pk, commit.recordedAt),
  };
}

/** Decodes the NewImage of a DynamoDB Streams record (wire format) into a commit. */
export function decodeStreamImage(image: Record<string, AttributeValue>): StoredCommit {
  return decodeCommitItem(unmarshall(image));
}
