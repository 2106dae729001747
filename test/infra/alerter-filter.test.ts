import { type AttributeValue, GetItemCommand, ScanCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ALERTER_FILTER, PROJECTOR_FILTER } from '../../infra/stancewatch-stack';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { decideOnPosition } from '../../shared/application/decide-position';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { zelenskyCedes, zelenskyRefuses } from '../support/contradiction-factory';
import { type DynamoTestStore, startDynamoTestStore } from '../support/dynamo-test-store';
import { anAlertPublished, fixedClock } from '../support/event-factory';
import { applyCommand } from '../support/statement-factory';

/**
 * Lambda event filtering, as documented for DynamoDB event sources and for the EventBridge-style
 * pattern syntax it uses: every key of the pattern must be present in the record with the same
 * nesting (AND); a pattern leaf is a list of accepted values (OR); and when the record's value is
 * itself an array, the leaf matches if the two lists intersect. Only exact values occur in our
 * pattern, so only that part of the syntax is modelled here.
 */
function matches(pattern: unknown, value: unknown): boolean {
  // `[{ exists: true }]`: the key is present, whatever its value.
  if (Array.isArray(pattern) && pattern.length === 1 && JSON.stringify(pattern[0]) === '{"exists":true}') {
    return value !== undefined;
  }
  if (Array.isArray(pattern)) {
    if (value === undefined || value === null || (typeof value === 'object' && !Array.isArray(value))) return false;
    const values = Array.isArray(value) ? value : [value];
    return values.some((item) => pattern.includes(item));
  }
  if (pattern && typeof pattern === 'object') {
    if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
    return Object.entries(pattern).every(([key, inner]) => matches(inner, (value as Record<string, unknown>)[key]));
  }
  throw new Error(`unsupported pattern node ${JSON.stringify(pattern)}`);
}

const filterPattern: unknown = JSON.parse((ALERTER_FILTER as { pattern: string }).pattern);
const record = (eventName: 'INSERT' | 'MODIFY' | 'REMOVE', image: Record<string, AttributeValue>) => ({
  eventName,
  dynamodb: { Keys: { pk: image.pk, sk: image.sk }, NewImage: image, StreamViewType: 'NEW_IMAGE' },
});

let dynamo: DynamoTestStore;
let tableName: string;
let store: DynamoEventStore;

/** The commit item exactly as DynamoDB holds it (and as the stream's NewImage carries it). */
async function rawCommit(streamId: string, sk: number): Promise<Record<string, AttributeValue>> {
  const { Item } = await dynamo.client.send(
    new GetItemCommand({ TableName: tableName, Key: { pk: { S: streamId }, sk: { N: String(sk) } } }),
  );
  if (!Item) throw new Error(`no commit ${streamId}#${sk}`);
  return Item;
}

beforeAll(async () => {
  dynamo = await startDynamoTestStore();
  tableName = await dynamo.newEventTable();
  store = new DynamoEventStore({ client: dynamo.client, tableName, clock: fixedClock(), ids: createUlidGenerator() });
});
afterAll(async () => {
  await dynamo.close();
});

describe('the alerter’s event filter against commits written by the real event store', () => {
  it('is the pattern the issue specifies', () => {
    expect(filterPattern).toEqual({
      eventName: ['INSERT'],
      dynamodb: { NewImage: { eventTypes: { SS: ['ContradictionDetected', 'ContradictionConfirmed'] } } },
    });
  });

  it('passes the commit in which an analyst confirms a possible contradiction, so its alert goes out', () => {
    const confirmed = {
      streamId: { S: 'alert/ctr-1' },
      eventTypes: { SS: ['ContradictionConfirmed'] },
    };
    expect(matches(filterPattern, record('INSERT', confirmed))).toBe(true);
    const dismissed = { ...confirmed, eventTypes: { SS: ['ContradictionDismissed'] } };
    expect(matches(filterPattern, record('INSERT', dismissed))).toBe(false);
  });

  it('passes the commit in which the projector records a contradiction, whatever else it holds', async () => {
    const ids = createUlidGenerator();
    await decideOnPosition({ eventStore: store, ids }, applyCommand(zelenskyRefuses));
    const decided = await decideOnPosition({ eventStore: store, ids }, applyCommand(zelenskyCedes));
    const types = decided.events.map((event) => event.type);
    expect(types).toContain('ContradictionDetected');

    const commit = await rawCommit(decided.streamId, 2);
    // DynamoDB writes the set as a string set: the filter's {"SS": [...]} addresses exactly this.
    expect(commit.eventTypes?.SS?.sort()).toEqual([...new Set(types)].sort());
    expect(matches(filterPattern, record('INSERT', commit))).toBe(true);

    const first = await rawCommit(decided.streamId, 1);
    expect(first.eventTypes?.SS).not.toContain('ContradictionDetected');
    expect(matches(filterPattern, record('INSERT', first))).toBe(false);
  });

  it('drops commits without a contradiction (documents, alerts) and anything but an insert', async () => {
    await store.appendToStream('alert/ctr-1', 0, [anAlertPublished({ contradictionId: 'ctr-1' })]);
    const alert = await rawCommit('alert/ctr-1', 1);
    expect(alert.eventTypes).toEqual({ SS: ['AlertPublished'] });
    expect(matches(filterPattern, record('INSERT', alert))).toBe(false);

    const contradiction = { ...alert, eventTypes: { SS: ['PositionChanged', 'ContradictionDetected'] } };
    expect(matches(filterPattern, record('INSERT', contradiction))).toBe(true);
    expect(matches(filterPattern, record('MODIFY', contradiction))).toBe(false);
    expect(matches(filterPattern, record('REMOVE', contradiction))).toBe(false);
    // A list (L) instead of a string set would no longer match: the filter depends on the SS type.
    const asList = { ...alert, eventTypes: { L: [{ S: 'ContradictionDetected' }] } };
    expect(matches(filterPattern, record('INSERT', asList))).toBe(false);
  });

  it('ignores unique-key claims (sk 0, no eventTypes) that share the table', () => {
    const claim = { pk: { S: 'unique/sha256:abc' }, sk: { N: '0' }, owner: { S: 'doc-1' } };
    expect(matches(filterPattern, record('INSERT', claim))).toBe(false);
  });
});

describe('the projector’s event filter against items written by the real stores', () => {
  const projectorPattern: unknown = JSON.parse((PROJECTOR_FILTER as { pattern: string }).pattern);

  it('passes every commit insert and nothing else the events table holds', async () => {
    const ids = createUlidGenerator();
    await decideOnPosition({ eventStore: store, ids }, applyCommand(zelenskyCedes));
    const { Items = [] } = await dynamo.client.send(new ScanCommand({ TableName: tableName }));
    const commits = Items.filter((item) => item.commitId !== undefined);
    expect(commits.length).toBeGreaterThan(0);
    for (const commit of commits) expect(matches(projectorPattern, record('INSERT', commit))).toBe(true);
    expect(matches(projectorPattern, record('MODIFY', commits[0]!))).toBe(false);
  });

  it('keeps out snapshot parts and unique-key claims, which carry no commitId', () => {
    const snapshotPart = {
      pk: { S: 'snapshot/position/ukraine/territory/cede-territory' },
      sk: { N: '1' },
      data: { B: 'x' },
    };
    const claim = { pk: { S: 'unique/document/abc' }, sk: { N: '0' }, owner: { S: 'document/abc' } };
    expect(matches(projectorPattern, record('INSERT', snapshotPart as never))).toBe(false);
    expect(matches(projectorPattern, record('INSERT', claim as never))).toBe(false);
  });
});
