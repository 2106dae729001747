import type { StatementExtracted, StatementRetracted } from '../../../events/document-events';
import type { EventDataOf } from '../../../events/registry';
import type { StatementRef } from '../../../events/statement-ref';
import { DEFAULT_STRENGTH_POLICY, type StrengthPolicy, strengthOf } from '../alerts/alert-strength';
import { orderKeyOf } from './ordering';
import {
  activeStatements,
  type PositionKey,
  type PositionState,
  type PositionStatement,
  type RecordedContradiction,
} from './position-state';
import { contradictionIdFor, countsTowardPosition, severityOf, toStatementRef } from './rules';

/** The document event a command comes from: its id is the idempotency key. */
export interface CommandSource {
  eventId: string;
  correlationId: string;
  occurredAt: string;
}

/** Why a statement leaves its position: a re-extraction retracted it, or an analyst rejected it. */
export type Withdrawal = Pick<StatementRetracted['data'], 'statementId' | 'actor' | 'topic' | 'proposition' | 'reason'>;

export type PositionCommand =
  | { type: 'ApplyStatement'; source: CommandSource; statement: StatementExtracted['data'] }
  | { type: 'WithdrawStatement'; source: CommandSource; retraction: Withdrawal };

type PositionEventType =
  | 'PositionTaken'
  | 'PositionChanged'
  | 'PositionReaffirmed'
  | 'ContradictionDetected'
  | 'StatementWithdrawn';

/** An event decide wants appended: type and data; the caller adds ids and the envelope. */
export type PositionDecision = { [K in PositionEventType]: { type: K; data: EventDataOf<K> } }[PositionEventType];

/**
 * Decides what one command means for one actor × proposition position. Pure: the same state,
 * command and policy always give the same events. The rules are written up in docs/positions.md;
 * `policy` says which contradictions are strong (alerted at once) and which wait for review.
 */
export function decide(
  state: PositionState,
  command: PositionCommand,
  policy: StrengthPolicy = DEFAULT_STRENGTH_POLICY,
): PositionDecision[] {
  if (state.handledSources.has(command.source.eventId)) return [];
  return command.type === 'ApplyStatement'
    ? applyStatement(state, command.statement, policy)
    : withdrawStatement(state, command.retraction, policy);
}

function applyStatement(
  state: PositionState,
  statement: StatementExtracted['data'],
  policy: StrengthPolicy,
): PositionDecision[] {
  // Hearsay and doubtful extractions are evidence for the timeline, never position moves.
  if (!countsTowardPosition(statement)) return [];
  if (state.statements.get(statement.statementId)?.active) return [];

  const key = { actor: statement.actor, topic: statement.topic, proposition: statement.proposition };
  const ref = toStatementRef(statement);
  const added: PositionStatement = { ref, orderKey: orderKeyOf(ref), active: true };
  const before = activeStatements(state);
  const previous = before.filter((other) => other.orderKey < added.orderKey).at(-1);

  const classification: PositionDecision =
    previous === undefined
      ? { type: 'PositionTaken', data: { ...key, polarity: ref.polarity, statement: ref } }
      : previous.ref.polarity === ref.polarity
        ? { type: 'PositionReaffirmed', data: { ...key, polarity: ref.polarity, statement: ref } }
        : {
            type: 'PositionChanged',
            data: { ...key, from: previous.ref.polarity, to: ref.polarity, statement: ref, previous: previous.ref },
          };

  const after = [...before, added].sort(byOrderKey);
  const recorded = [...state.contradictions.values()].filter((contradiction) => contradiction.active);
  return [classification, ...newContradictions(key, after, recorded, ref.statementId, lookup(state, added), policy)];
}

function withdrawStatement(state: PositionState, retraction: Withdrawal, policy: StrengthPolicy): PositionDecision[] {
  const withdrawn = state.statements.get(retraction.statementId);
  // Never applied (hearsay, low confidence) or already withdrawn: nothing to undo.
  if (!withdrawn?.active) return [];

  const key = { actor: retraction.actor, topic: retraction.topic, proposition: retraction.proposition };
  const remaining = activeStatements(state).filter((other) => other.ref.statementId !== retraction.statementId);
  const active = [...state.contradictions.values()].filter((contradiction) => contradiction.active);
  const involves = (contradiction: RecordedContradiction) =>
    contradiction.earlierStatementId === retraction.statementId ||
    contradiction.laterStatementId === retraction.statementId;

  const withdrawal: PositionDecision = {
    type: 'StatementWithdrawn',
    data: {
      ...key,
      statement: withdrawn.ref,
      reason: retraction.reason,
      current: remaining.at(-1)?.ref ?? null,
      voidedContradictions: active.filter(involves).map((contradiction) => ({
        contradictionId: contradiction.contradictionId,
        earlierStatementId: contradiction.earlierStatementId,
        laterStatementId: contradiction.laterStatementId,
      })),
    },
  };
  const stillActive = active.filter((contradiction) => !involves(contradiction));
  return [
    withdrawal,
    ...newContradictions(key, remaining, stillActive, retraction.statementId, lookup(state, undefined), policy),
  ];
}

const byOrderKey = (left: PositionStatement, right: PositionStatement) =>
  left.orderKey < right.orderKey ? -1 : left.orderKey > right.orderKey ? 1 : 0;

const lookup =
  (state: PositionState, extra: PositionStatement | undefined) =>
  (statementId: string): PositionStatement | undefined =>
    extra?.ref.statementId === statementId ? extra : state.statements.get(statementId);

interface Flip {
  earlier: PositionStatement;
  later: PositionStatement;
}

/**
 * The contradiction rule, stated on the final order of statements rather than on arrival:
 *
 * 1. Conditional statements are position changes, never contradictions, so they are left out; of
 *    the remaining (decisive) statements in statedAt order, every adjacent support/oppose pair
 *    from two different documents is a *flip*.
 * 2. Every flip must be evidenced by one active recorded contradiction. A recorded contradiction
 *    evidences the flip with the same two statements, or else (once a late statement has landed
 *    between its two) a flip inside its span that goes the same way (support→oppose or back).
 * 3. Flips left without evidence are new contradictions, reported earlier-said → later-said.
 *    Flips that involve the changed statement are matched last, so the evidence a flip already
 *    had stays with it.
 *
 * So a late statement that lands between two agreeing statements and disagrees with them adds two
 * contradictions; one that lands inside an already reported flip only moves where the flip
 * happened and adds none. A withdrawal voids the contradictions resting on the withdrawn statement
 * and reports the flips that are left without evidence.
 */
function newContradictions(
  key: PositionKey,
  ordered: readonly PositionStatement[],
  recorded: readonly RecordedContradiction[],
  changedStatementId: string,
  find: (statementId: string) => PositionStatement | undefined,
  policy: StrengthPolicy,
): PositionDecision[] {
  const decisive = ordered.filter((statement) => statement.ref.polarity !== 'conditional');
  const flips: Flip[] = [];
  for (let index = 1; index < decisive.length; index++) {
    const earlier = decisive[index - 1] as PositionStatement;
    const later = decisive[index] as PositionStatement;
    if (earlier.ref.polarity !== later.ref.polarity && earlier.ref.documentId !== later.ref.documentId) {
      flips.push({ earlier, later });
    }
  }

  const pairKey = (earlierId: string, laterId: string) => `${earlierId}\u0000${laterId}`;
  const recordedPairs = new Set(
    recorded.map((contradiction) => pairKey(contradiction.earlierStatementId, contradiction.laterStatementId)),
  );
  const evidenced = (flip: Flip) =>
    recordedPairs.has(pairKey(flip.earlier.ref.statementId, flip.later.ref.statementId));
  const exactlyUsed = new Set(
    flips.filter(evidenced).map((flip) => pairKey(flip.earlier.ref.statementId, flip.later.ref.statementId)),
  );

  const spans = recorded
    .filter(
      (contradiction) => !exactlyUsed.has(pairKey(contradiction.earlierStatementId, contradiction.laterStatementId)),
    )
    .flatMap((contradiction) => {
      const earlier = find(contradiction.earlierStatementId);
      const later = find(contradiction.laterStatementId);
      return earlier && later ? [{ earlier, later, used: false }] : [];
    })
    .sort((left, right) => byOrderKey(left.earlier, right.earlier) || byOrderKey(left.later, right.later));

  const involvesChanged = (flip: Flip) =>
    flip.earlier.ref.statementId === changedStatementId || flip.later.ref.statementId === changedStatementId;
  const unevidenced = flips.filter((flip) => !evidenced(flip));
  const matchingOrder = [
    ...unevidenced.filter((flip) => !involvesChanged(flip)),
    ...unevidenced.filter(involvesChanged),
  ];

  const reported = new Set<Flip>();
  for (const flip of matchingOrder) {
    const span = spans.find(
      (candidate) =>
        !candidate.used &&
        candidate.earlier.orderKey <= flip.earlier.orderKey &&
        flip.later.orderKey <= candidate.later.orderKey &&
        candidate.earlier.ref.polarity === flip.earlier.ref.polarity,
    );
    if (span) span.used = true;
    else reported.add(flip);
  }

  return unevidenced
    .filter((flip) => reported.has(flip))
    .map((flip) => contradictionOf(key, flip.earlier.ref, flip.later.ref, policy));
}

function contradictionOf(
  key: PositionKey,
  earlier: StatementRef,
  later: StatementRef,
  policy: StrengthPolicy,
): PositionDecision {
  return {
    type: 'ContradictionDetected',
    data: {
      ...key,
      contradictionId: contradictionIdFor(key.actor, key.proposition, earlier.statementId, later.statementId),
      earlier,
      later,
      severity: severityOf(earlier, later),
      strength: strengthOf(earlier, later, policy),
    },
  };
}
