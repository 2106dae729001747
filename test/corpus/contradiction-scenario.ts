import type { StatementExtracted } from '../../events/document-events';
import type { DomainEvent } from '../../events/registry';
import type { Statement } from '../../events/statement';
import { DEFAULT_STRENGTH_POLICY, type StrengthPolicy, strengthOf } from '../../shared/domain/alerts/alert-strength';
import { decide } from '../../shared/domain/positions/decide';
import { foldOnto, initialPositionState, type PositionState } from '../../shared/domain/positions/position-state';
import type { CorpusDocument } from './evaluate';

/**
 * The alert desk's view of a corpus set: its documents ingested in date order, each extracted
 * statement put through the real position decisions (decide + evolve, the projector's rules), and
 * every ContradictionDetected compared with the labels. A raised contradiction is true when both of
 * its statements are labelled stances of that actor on that proposition, with those polarities and
 * no reportedBy; anything else is a false alert. The labels, put through the same decisions, give
 * the contradictions that should have been raised (for recall).
 */

export interface RaisedSide
  extends Pick<Statement, 'documentId' | 'evidence' | 'attribution' | 'speaker' | 'confidence' | 'statedAt'> {
  polarity: string;
  quote: string;
}

export interface RaisedContradiction {
  actor: string;
  topic: string;
  proposition: string;
  /** strong: alerted at once; possible: held in the review queue (docs/positions.md). */
  strength: 'strong' | 'possible';
  earlier: RaisedSide;
  later: RaisedSide;
}

export interface ContradictionScenario {
  raised: RaisedContradiction[];
  truePositives: RaisedContradiction[];
  falsePositives: RaisedContradiction[];
  /** Raised from the labels themselves: what a perfect extractor would alert on. */
  expected: RaisedContradiction[];
  /** Expected contradictions the extractor's statements did not raise. */
  missed: RaisedContradiction[];
}

type Labelled = Pick<CorpusDocument, 'id' | 'publishedAt' | 'expected'>;

/**
 * The contradictions the position decisions raise over `statements`, taken in date order, or with
 * `inArrivalOrder` in the order given (documents as ingested: a late report then lands inside a
 * flip, as in the pipeline, rather than before it).
 */
export function contradictionsOf(
  statements: readonly Statement[],
  options: { inArrivalOrder?: boolean } = {},
): RaisedContradiction[] {
  const ordered = options.inArrivalOrder
    ? [...statements]
    : [...statements].sort(
        (left, right) =>
          left.statedAt.localeCompare(right.statedAt) ||
          left.documentId.localeCompare(right.documentId) ||
          left.sentenceIndex - right.sentenceIndex,
      );
  const states = new Map<string, PositionState>();
  const byId = new Map(ordered.map((statement) => [statement.statementId, statement]));
  const raised: RaisedContradiction[] = [];
  for (const statement of ordered) {
    // The position stream's key (positionStreamId): two topics may share a proposition id, as
    // eu-membership and nato-membership share membership:ukraine, and never compare.
    const streamKey = `${statement.actor}|${statement.topic}|${statement.proposition}`;
    const state = states.get(streamKey) ?? initialPositionState();
    const data = {
      ...statement,
      extractorVersion: 'eval',
      codebookVersion: 'eval',
    } as StatementExtracted['data'];
    const source = {
      eventId: statement.statementId,
      correlationId: statement.documentId,
      occurredAt: statement.statedAt,
    };
    const decisions = decide(state, { type: 'ApplyStatement', source, statement: data });
    // Only the fields evolve reads; the envelope of a stored event is not needed to fold the state.
    const events = decisions.map(
      (decision, index) =>
        ({ ...decision, version: state.version + index + 1, causationId: source.eventId }) as unknown as DomainEvent,
    );
    states.set(streamKey, foldOnto(state, events));
    for (const decision of decisions) {
      if (decision.type !== 'ContradictionDetected') continue;
      const earlier = byId.get(decision.data.earlier.statementId);
      const later = byId.get(decision.data.later.statementId);
      if (!earlier || !later) continue;
      raised.push({
        actor: statement.actor,
        topic: statement.topic,
        proposition: statement.proposition,
        strength: decision.data.strength,
        earlier: sideOf(earlier),
        later: sideOf(later),
      });
    }
  }
  return raised;
}

const sideOf = (statement: Statement): RaisedSide => ({
  documentId: statement.documentId,
  polarity: statement.polarity,
  evidence: statement.evidence,
  attribution: statement.attribution,
  ...(statement.speaker ? { speaker: statement.speaker } : {}),
  confidence: statement.confidence,
  statedAt: statement.statedAt,
  quote: statement.quote,
});

export interface ContradictionCounts {
  raised: number;
  true: number;
  false: number;
  /** What reaches the inbox at once (strong under the default policy): true and false. */
  strongTrue: number;
  strongFalse: number;
}

/** How many contradictions a scenario raised, how many were true, and how many of each went out at once. */
export function contradictionCounts(
  scenario: Pick<ContradictionScenario, 'raised' | 'truePositives' | 'falsePositives'>,
): ContradictionCounts {
  const strong = (list: readonly RaisedContradiction[]) => list.filter((c) => c.strength === 'strong').length;
  return {
    raised: scenario.raised.length,
    true: scenario.truePositives.length,
    false: scenario.falsePositives.length,
    strongTrue: strong(scenario.truePositives),
    strongFalse: strong(scenario.falsePositives),
  };
}

/**
 * What each strong-evidence setting (STANCEWATCH_STRONG_EVIDENCE) would have sent at once, true and
 * false: the same contradictions, their strength worked out again under that policy. A desk picks
 * its setting from these figures on a set it has labelled.
 */
export function sentAtOnceBySetting(
  scenario: Pick<ContradictionScenario, 'raised' | 'truePositives'>,
  settings: ReadonlyArray<StrengthPolicy['strongEvidence']> = STRONG_EVIDENCE_SETTINGS,
): Array<{ setting: string; true: number; false: number }> {
  return settings.map((strongEvidence) => {
    const policy = { ...DEFAULT_STRENGTH_POLICY, strongEvidence };
    const sent = scenario.raised.filter((c) => strengthOf(c.earlier, c.later, policy) === 'strong');
    const right = sent.filter((c) => scenario.truePositives.includes(c)).length;
    return { setting: strongEvidence.join(',') || 'none', true: right, false: sent.length - right };
  });
}

const STRONG_EVIDENCE_SETTINGS: ReadonlyArray<StrengthPolicy['strongEvidence']> = [
  ['quote', 'action'],
  ['quote', 'action', 'named-speech'],
  ['action'],
  ['quote'],
];

/** The labels of a document as statements, so the same decisions can run over them. */
export function labelledStatements(document: Labelled): Statement[] {
  return document.expected.map((tuple, index) => ({
    statementId: `${document.id}#${index}`,
    documentId: document.id,
    sentenceIndex: index,
    quote: `(label ${index} of ${document.id})`,
    actor: tuple.actor,
    topic: tuple.topic,
    proposition: tuple.proposition,
    polarity: tuple.polarity,
    attribution: 'direct',
    evidence: tuple.evidence ?? 'speech',
    ...(tuple.reportedBy ? { reportedBy: tuple.reportedBy } : {}),
    confidence: 1,
    statedAt: document.publishedAt,
  }));
}

const pairKey = (contradiction: RaisedContradiction) =>
  [
    contradiction.actor,
    contradiction.topic,
    contradiction.proposition,
    contradiction.earlier.documentId,
    contradiction.earlier.polarity,
    contradiction.later.documentId,
    contradiction.later.polarity,
  ].join('|');

export function scoreContradictions(
  documents: readonly Labelled[],
  extracted: readonly Statement[],
): ContradictionScenario {
  const labelled = new Set<string>();
  for (const document of documents) {
    for (const tuple of document.expected) {
      if (tuple.reportedBy) continue;
      labelled.add(`${document.id}|${tuple.actor}|${tuple.topic}|${tuple.proposition}|${tuple.polarity}`);
    }
  }
  const isLabelled = (c: RaisedContradiction, side: RaisedContradiction['earlier']) =>
    labelled.has(`${side.documentId}|${c.actor}|${c.topic}|${c.proposition}|${side.polarity}`);
  const raised = contradictionsOf(extracted);
  const truePositives = raised.filter((c) => isLabelled(c, c.earlier) && isLabelled(c, c.later));
  const falsePositives = raised.filter((c) => !truePositives.includes(c));
  const expected = contradictionsOf(documents.flatMap(labelledStatements));
  const raisedKeys = new Set(raised.map(pairKey));
  const missed = expected.filter((c) => !raisedKeys.has(pairKey(c)));
  return { raised, truePositives, falsePositives, expected, missed };
}
