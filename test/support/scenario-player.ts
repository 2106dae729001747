import fc from 'fast-check';
import type { EventOfType } from '../../events/registry';
import { projectCommit } from '../../shared/application/project-commit';
import { evolveAlertStream, initialAlertStreamState } from '../../shared/domain/alerts/alert-stream';
import { decideVerdict } from '../../shared/domain/alerts/decide-verdict';
import { statementKeyOf } from '../../shared/domain/documents/document-statements';
import { alertStreamId } from '../../shared/domain/stream-ids';
import type { EventStore, NewEvent, StoredCommit } from '../../shared/ports/event-store';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import type { ViewWriter } from '../../shared/ports/views';
import { allCommits, appendToDocument, correctionEvents, ingestEvents } from './position-scenarios';
import { statementsArbitrary } from './statement-arbitraries';
import type { ExtractedData } from './statement-factory';

export interface ScenarioStats {
  commits: number;
  /** Position events the projector appended (first deliveries only: redeliveries append none). */
  contradictions: number;
  withdrawals: number;
  /** Statement ids their documents state at the end (extracted and not retracted since). */
  live: Set<string>;
  /** Every statement id ever extracted. */
  extracted: Set<string>;
  /** Statement ids an analyst rejected (no longer live, never re-extracted). */
  rejected: Set<string>;
}

export type Step =
  | { kind: 'ingest'; document: number }
  | { kind: 'correct'; document: number; toggle: number[] }
  | { kind: 'deliver'; count: number }
  | { kind: 'redeliver'; from: number }
  /** An analyst's verdict on the n-th contradiction raised so far (if any). */
  | { kind: 'verdict'; pick: number; dismiss: boolean }
  /** An analyst rejects a standing statement of a document as a misreading. */
  | { kind: 'reject'; document: number; pick: number };

export const scenarioArbitrary = fc.record({
  statements: statementsArbitrary({
    minLength: 4,
    maxLength: 14,
    actors: ['ukraine', 'russia'],
    propositions: ['cede-territory', 'venue:belarus'],
  }),
  steps: fc.array(
    fc.oneof(
      { weight: 6, arbitrary: fc.nat().map((document): Step => ({ kind: 'ingest', document })) },
      {
        weight: 2,
        arbitrary: fc
          .record({ document: fc.nat(), toggle: fc.array(fc.nat(), { maxLength: 3 }) })
          .map(({ document, toggle }): Step => ({ kind: 'correct', document, toggle })),
      },
      { weight: 3, arbitrary: fc.integer({ min: 1, max: 4 }).map((count): Step => ({ kind: 'deliver', count })) },
      { weight: 2, arbitrary: fc.nat().map((from): Step => ({ kind: 'redeliver', from })) },
      {
        weight: 1,
        arbitrary: fc
          .record({ pick: fc.nat(), dismiss: fc.boolean() })
          .map(({ pick, dismiss }): Step => ({ kind: 'verdict', pick, dismiss })),
      },
      {
        weight: 1,
        arbitrary: fc
          .record({ document: fc.nat(), pick: fc.nat() })
          .map(({ document, pick }): Step => ({ kind: 'reject', document, pick })),
      },
    ),
    // Verdicts and rejections take a few of the steps: 28 keeps as many ingests and corrections.
    { minLength: 4, maxLength: 28 },
  ),
});

/**
 * Plays a scenario against the projector as the stream would: documents are ingested (in any
 * order: late arrivals), corrected by re-extraction, and commits are delivered in commit order,
 * including the projector's own position commits; `redeliver` replays a suffix already delivered.
 */
export async function playScenario(
  stores: { eventStore: EventStore; views: ViewWriter },
  statements: ExtractedData[],
  steps: Step[],
  options: { redeliveries: boolean },
): Promise<ScenarioStats> {
  const events = stores.eventStore;
  const deps = { ...stores, ids: createUlidGenerator(), sleep: async () => undefined };
  const stats: ScenarioStats = {
    commits: 0,
    contradictions: 0,
    withdrawals: 0,
    live: new Set(),
    extracted: new Set(),
    rejected: new Set(),
  };
  const documents = [...new Set(statements.map((statement) => statement.documentId))];
  const ingested = new Set<string>();
  const live = new Map<string, Set<string>>();
  const rejected = stats.rejected;
  let delivered = 0;
  const log = () => allCommits(events);
  const deliver = async (commits: StoredCommit[]) => {
    for (const commit of commits) {
      const { appended } = await projectCommit(deps, commit);
      for (const event of appended) {
        if (event.type === 'ContradictionDetected') stats.contradictions++;
        if (event.type === 'StatementWithdrawn') stats.withdrawals++;
      }
    }
  };
  for (const step of steps) {
    if (step.kind === 'ingest') {
      const documentId = documents[step.document % documents.length] as string;
      if (ingested.has(documentId)) continue;
      ingested.add(documentId);
      const own = statements.filter((statement) => statement.documentId === documentId);
      live.set(documentId, new Set(own.map((statement) => statement.statementId)));
      for (const statement of own) stats.extracted.add(statement.statementId);
      await appendToDocument(events, documentId, ingestEvents(documentId, own, own[0]?.statedAt));
    } else if (step.kind === 'correct') {
      const documentId = documents[step.document % documents.length] as string;
      const own = statements.filter((statement) => statement.documentId === documentId);
      const standing = live.get(documentId);
      if (!standing || own.length === 0) continue;
      // A re-extraction never brings back a statement an analyst rejected.
      const toggled = [...new Set(step.toggle.map((index) => own[index % own.length] as ExtractedData))].filter(
        (statement) => !rejected.has(statement.statementId),
      );
      const retract = toggled.filter((statement) => standing.has(statement.statementId));
      const extract = toggled.filter((statement) => !standing.has(statement.statementId));
      for (const statement of retract) standing.delete(statement.statementId);
      for (const statement of extract) standing.add(statement.statementId);
      await appendToDocument(events, documentId, correctionEvents(retract, extract));
    } else if (step.kind === 'verdict') {
      const raised = (await log())
        .flatMap((commit) => commit.events)
        .filter((event): event is EventOfType<'ContradictionDetected'> => event.type === 'ContradictionDetected');
      const target = raised[step.pick % Math.max(raised.length, 1)];
      if (!target) continue;
      await giveVerdict(events, target, step.dismiss);
    } else if (step.kind === 'reject') {
      const documentId = documents[step.document % documents.length] as string;
      const standing = live.get(documentId);
      const statement = statements.find(
        (candidate) =>
          candidate.documentId === documentId &&
          [...(standing ?? [])][step.pick % (standing?.size || 1)] === candidate.statementId,
      );
      if (!standing || !statement) continue;
      standing.delete(statement.statementId);
      rejected.add(statement.statementId);
      await appendToDocument(events, documentId, [rejectionEvent(statement)]);
    } else if (step.kind === 'deliver') {
      const pending = (await log()).slice(delivered, delivered + step.count);
      delivered += pending.length;
      await deliver(pending);
    } else if (options.redeliveries && delivered > 0) {
      await deliver((await log()).slice(step.from % delivered, delivered));
    }
  }
  for (let pending = (await log()).slice(delivered); pending.length > 0; pending = (await log()).slice(delivered)) {
    delivered += pending.length;
    await deliver(pending);
  }
  stats.commits = delivered;
  for (const standing of live.values()) for (const statementId of standing) stats.live.add(statementId);
  return stats;
}

/** An analyst's verdict, appended to the contradiction's alert stream as the review command does. */
async function giveVerdict(
  events: EventStore,
  contradiction: EventOfType<'ContradictionDetected'>,
  dismiss: boolean,
): Promise<void> {
  const { contradictionId, actor, topic, proposition } = contradiction.data;
  const streamId = alertStreamId(contradictionId);
  const stream = await events.readStream(streamId);
  const state = stream.events.reduce(evolveAlertStream, initialAlertStreamState());
  const key = { contradictionId, actor, topic, proposition };
  const decisions = decideVerdict(
    state,
    dismiss
      ? { type: 'Dismiss', contradiction: key, reason: 'misread-statement', by: 'tester' }
      : { type: 'Confirm', contradiction: key, by: 'tester' },
  );
  if (decisions.length === 0) return;
  await events.appendToStream(
    streamId,
    stream.version,
    decisions.map((decision) => ({
      ...decision,
      eventId: ids.next(),
      occurredAt: '2026-11-26T12:00:00.000Z',
      correlationId: 'review',
      causationId: contradiction.eventId,
    })) as NewEvent[],
  );
}

function rejectionEvent(statement: ExtractedData): NewEvent {
  return {
    eventId: ids.next(),
    type: 'StatementRejected',
    occurredAt: '2026-11-26T12:00:00.000Z',
    correlationId: 'review',
    causationId: null,
    data: {
      ...statementKeyOf(statement),
      by: 'tester',
    },
  } as NewEvent;
}

const ids = createUlidGenerator();
