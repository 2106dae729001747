import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type DynamoDBDocumentClient, ScanCommand } from '@aws-sdk/lib-dynamodb';
import { isCommitItem, storedEventsOf } from '../../shared/adapters/dynamodb/commit-item';
import { readAllPages } from '../../shared/application/read-all-pages';
import type { Page, PageRequest, ViewReader } from '../../shared/ports/views';

/**
 * The canonical form of an installation's final state, for comparing two runs that should end
 * the same (a fault-free run and one with injected faults, an uninterrupted run and one killed
 * and restarted). What legitimately differs between two runs is removed; everything else stays:
 *
 * - **event log**: every stream (sorted by id) with its commits in order (commit number, version
 *   range, event types) and each event's type, schema version, version, occurredAt and data.
 *   ULIDs (eventId, commitId) and recording times go (as does the occurredAt of an
 *   AlertPublished, which is the time of sending). causationId is replaced by the position of
 *   the event it names (`<stream>#<version>`); correlationId by the document stream whose
 *   ingest started the correlation. So "the same events, caused by the same events, grouped in
 *   the same commits, at the same versions" is compared, not "the same random ids".
 *   AlertPublished's messageId (the channel's own id) is masked.
 * - **claims**: the content-hash claims (`unique/…`) and their owners.
 * - **views**: every item of the views table, sorted by key, string sets as sorted arrays, with
 *   the recording times (detectedAt, alertedAt) and the channel's messageId masked.
 * - **lists**: what the read side answers, page by page, through the views' ordered index
 *   (actors and topics, each timeline's statement ids in order, the contradiction ids newest
 *   first, the positions): the index must agree with the items.
 * - **outbox**: one entry per line (contradiction id, subject, attributes, body with the
 *   detection time masked), sorted; `outboxCounts` says how often each contradiction was sent.
 */
export interface CanonicalState {
  log: CanonicalStream[];
  claims: { key: string; owner: string }[];
  views: Record<string, unknown>[];
  lists: CanonicalLists;
  outbox: CanonicalAlert[];
  outboxCounts: Record<string, number>;
}

export interface CanonicalStream {
  streamId: string;
  commits: {
    commit: number;
    fromVersion: number;
    toVersion: number;
    eventTypes: string[];
    events: Record<string, unknown>[];
  }[];
}

export interface CanonicalLists {
  actors: string[];
  timelines: Record<string, string[]>;
  contradictions: string[];
  positions: string[];
}

export interface CanonicalAlert {
  contradictionId: string;
  subject: string;
  attributes: Record<string, string>;
  body: string;
}

const MASK = '<masked>';

export async function scanAll(client: DynamoDBDocumentClient, tableName: string): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const page = await client.send(new ScanCommand({ TableName: tableName, ExclusiveStartKey: startKey }));
    items.push(...((page.Items ?? []) as Record<string, unknown>[]));
    startKey = page.LastEvaluatedKey;
  } while (startKey);
  return items;
}

/** Sets become sorted arrays, object keys sorted, so two equal states serialise alike. */
function plain(value: unknown): unknown {
  if (value instanceof Set) return [...value].map(plain).sort();
  if (Array.isArray(value)) return value.map(plain);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((key) => [key, plain((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
}

interface RawEvent {
  eventId: string;
  type: string;
  schemaVersion: number;
  version: number;
  occurredAt: string;
  correlationId: string;
  causationId: string | null;
  data: Record<string, unknown>;
}

export function canonicalLog(eventItems: readonly Record<string, unknown>[]): {
  log: CanonicalStream[];
  claims: { key: string; owner: string }[];
  recordedAt: Set<string>;
} {
  const commits = eventItems
    .filter(isCommitItem)
    .map((item): Record<string, unknown> => ({ ...item, events: storedEventsOf(item) }));
  // Snapshots (`snapshot/…`) are derived from the log, not part of it: left out.
  const claims = eventItems
    .filter((item) => !isCommitItem(item) && !String(item.pk).startsWith('snapshot/'))
    .map((item) => ({ key: String(item.pk), owner: String(item.owner) }))
    .sort((a, b) => a.key.localeCompare(b.key));

  const positionOf = new Map<string, string>();
  const correlationOf = new Map<string, string>();
  const recordedAt = new Set<string>();
  for (const item of commits) {
    recordedAt.add(String(item.recordedAt));
    for (const event of item.events as RawEvent[]) {
      positionOf.set(event.eventId, `${item.pk}#${event.version}`);
      if (event.type === 'DocumentIngested') correlationOf.set(event.correlationId, `correlation:${item.pk}`);
    }
  }
  const byStream = new Map<string, Record<string, unknown>[]>();
  for (const item of commits) byStream.set(String(item.pk), [...(byStream.get(String(item.pk)) ?? []), item]);

  const log = [...byStream.keys()].sort().map((streamId) => ({
    streamId,
    commits: (byStream.get(streamId) ?? [])
      .sort((a, b) => Number(a.sk) - Number(b.sk))
      .map((item) => ({
        commit: Number(item.sk),
        fromVersion: Number(item.fromVersion),
        toVersion: Number(item.toVersion),
        eventTypes: [...((item.eventTypes as Set<string> | undefined) ?? [])].sort(),
        events: (item.events as RawEvent[]).map((event) => {
          // An alert "occurs" when it is sent: a time of this run, like its channel's message id.
          const alert = event.type === 'AlertPublished';
          const data = alert ? { ...event.data, messageId: MASK } : (event.data as Record<string, unknown>);
          return plain({
            type: event.type,
            schemaVersion: event.schemaVersion,
            version: event.version,
            occurredAt: alert ? MASK : event.occurredAt,
            causation: event.causationId === null ? null : (positionOf.get(event.causationId) ?? 'unknown-cause'),
            correlation: correlationOf.get(event.correlationId) ?? positionOf.get(event.correlationId) ?? 'unknown',
            data,
          }) as Record<string, unknown>;
        }),
      })),
  }));
  return { log, claims, recordedAt };
}

export function canonicalViews(viewItems: readonly Record<string, unknown>[]): Record<string, unknown>[] {
  const masked = (item: Record<string, unknown>) => {
    const copy: Record<string, unknown> = { ...item };
    if ('detectedAt' in copy) copy.detectedAt = MASK;
    // A shift is filed under the day it was recorded: a time of this run.
    if (String(copy.pk).startsWith('shifts#')) {
      copy.pk = `shifts#${MASK}`;
      copy.at = MASK;
    }
    // The desk's statistics file an alert under the month it went out: a time of this run.
    if (String(copy.pk).startsWith('desk#')) {
      copy.pk = `desk#${MASK}`;
      if ('alertedAt' in copy) copy.alertedAt = MASK;
    }
    if (copy.alert && typeof copy.alert === 'object')
      copy.alert = { ...(copy.alert as object), alertedAt: MASK, messageId: MASK };
    return plain(copy) as Record<string, unknown>;
  };
  return viewItems.map(masked).sort((a, b) => `${a.pk}\u0000${a.sk}`.localeCompare(`${b.pk}\u0000${b.sk}`));
}

export interface OutboxLine {
  id: string;
  publishedAt: string;
  contradictionId: string;
  subject: string;
  attributes: Record<string, string>;
  body: string;
}

export function readOutbox(dataDir: string): OutboxLine[] {
  const path = join(dataDir, 'outbox.jsonl');
  if (!existsSync(path)) return [];
  return readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => JSON.parse(line) as OutboxLine);
}

export function canonicalOutbox(
  lines: readonly Pick<OutboxLine, 'contradictionId' | 'subject' | 'attributes' | 'body'>[],
  recordedAt: ReadonlySet<string>,
): { outbox: CanonicalAlert[]; outboxCounts: Record<string, number> } {
  const outboxCounts: Record<string, number> = {};
  for (const line of lines) outboxCounts[line.contradictionId] = (outboxCounts[line.contradictionId] ?? 0) + 1;
  const unique = new Map<string, CanonicalAlert>();
  for (const line of lines) {
    let body = line.body;
    for (const time of recordedAt) body = body.replaceAll(time, MASK);
    unique.set(line.contradictionId, {
      contradictionId: line.contradictionId,
      subject: line.subject,
      attributes: plain(line.attributes) as Record<string, string>,
      body,
    });
  }
  return {
    outbox: [...unique.values()].sort((a, b) => a.contradictionId.localeCompare(b.contradictionId)),
    outboxCounts: Object.fromEntries(Object.entries(outboxCounts).sort(([a], [b]) => a.localeCompare(b))),
  };
}

/** Every item of a list: no cap. */
const allPages = async <T>(read: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> =>
  (await readAllPages(read, Number.POSITIVE_INFINITY)).items;

export async function canonicalLists(views: ViewReader): Promise<CanonicalLists> {
  const actors = await allPages((page) => views.listActors(page));
  const timelines: Record<string, string[]> = {};
  for (const actor of actors) {
    for (const topic of [...actor.topics].sort()) {
      const entries = await allPages((page) => views.getTimeline({ actor: actor.actor, topic, ...page }));
      timelines[`${actor.actor}/${topic}`] = entries.map((entry) => entry.statementId);
    }
  }
  const contradictions = await allPages((page) => views.listContradictions({ includeWithdrawn: true, ...page }));
  const positions = await allPages((page) => views.listPositions(page));
  return {
    actors: actors.map((actor) => actor.actor),
    timelines,
    contradictions: contradictions.map((contradiction) => `${contradiction.id} ${contradiction.status}`),
    positions: positions.map(
      (position) =>
        `${position.actor}/${position.topic}/${position.proposition} ${position.polarity} ${position.statement.statementId}`,
    ),
  };
}

/** Reads the whole state of an installation through its DynamoDB client, views and outbox lines. */
export async function canonicalState(options: {
  client: DynamoDBDocumentClient;
  eventsTable: string;
  viewsTable: string;
  views: ViewReader;
  outbox: readonly Pick<OutboxLine, 'contradictionId' | 'subject' | 'attributes' | 'body'>[];
}): Promise<CanonicalState> {
  const { log, claims, recordedAt } = canonicalLog(await scanAll(options.client, options.eventsTable));
  const views = canonicalViews(await scanAll(options.client, options.viewsTable));
  const lists = await canonicalLists(options.views);
  return { log, claims, views, lists, ...canonicalOutbox(options.outbox, recordedAt) };
}

/** Counts of what a state holds, for test messages and reports. */
export function summarise(state: CanonicalState) {
  const events = state.log.flatMap((stream) => stream.commits.flatMap((commit) => commit.events));
  const byType: Record<string, number> = {};
  for (const event of events) byType[String(event.type)] = (byType[String(event.type)] ?? 0) + 1;
  return {
    streams: state.log.length,
    events: events.length,
    byType,
    views: state.views.length,
    alerts: Object.values(state.outboxCounts).reduce((sum, count) => sum + count, 0),
    contradictionsAlerted: Object.keys(state.outboxCounts).length,
  };
}
