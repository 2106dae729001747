import type { DomainEvent } from '../../../events/registry';
import type { StatementRef } from '../../../events/statement-ref';
import { orderKeyOf } from './ordering';

export interface PositionKey {
  actor: string;
  topic: string;
  proposition: string;
}

/** A statement applied to the position; withdrawn ones stay, inactive, for the record. */
export interface PositionStatement {
  ref: StatementRef;
  orderKey: string;
  active: boolean;
}

export interface RecordedContradiction {
  contradictionId: string;
  earlierStatementId: string;
  laterStatementId: string;
  /** False once either statement was withdrawn. */
  active: boolean;
}

/** Everything decide needs to know about one actor × proposition stream. */
export interface PositionState {
  key: PositionKey | undefined;
  /** The stream version the state was folded up to (0: nothing yet). */
  version: number;
  statements: ReadonlyMap<string, PositionStatement>;
  contradictions: ReadonlyMap<string, RecordedContradiction>;
  /** Ids of the document events (StatementExtracted / StatementRetracted) already decided on. */
  handledSources: ReadonlySet<string>;
}

export const initialPositionState = (): PositionState => ({
  key: undefined,
  version: 0,
  statements: new Map(),
  contradictions: new Map(),
  handledSources: new Set(),
});

interface MutablePositionState {
  key: PositionKey | undefined;
  version: number;
  statements: Map<string, PositionStatement>;
  contradictions: Map<string, RecordedContradiction>;
  handledSources: Set<string>;
}

/** The pure fold step: the state after one more stored event of the stream. */
export function evolve(state: PositionState, event: DomainEvent): PositionState {
  return foldOnto(state, [event]);
}

/**
 * Folds a whole stream. Same result as `events.reduce(evolve, initialPositionState())` (a property
 * test checks it) without copying the maps once per event, which matters for long streams.
 */
export function rehydrate(events: readonly DomainEvent[]): PositionState {
  return foldOnto(initialPositionState(), events);
}

/**
 * Carries a folded state on with more events of the same stream (the tail read after it). Copies
 * the state once, so the given state is left as it was; same result as folding with evolve.
 */
export function foldOnto(state: PositionState, events: readonly DomainEvent[]): PositionState {
  const next: MutablePositionState = {
    key: state.key,
    version: state.version,
    statements: new Map(state.statements),
    contradictions: new Map(state.contradictions),
    handledSources: new Set(state.handledSources),
  };
  for (const event of events) applyInPlace(next, event);
  return next;
}

function applyInPlace(state: MutablePositionState, event: DomainEvent): void {
  switch (event.type) {
    case 'PositionTaken':
    case 'PositionChanged':
    case 'PositionReaffirmed': {
      const { statement } = event.data;
      state.statements.set(statement.statementId, { ref: statement, orderKey: orderKeyOf(statement), active: true });
      break;
    }
    case 'ContradictionDetected':
      state.contradictions.set(event.data.contradictionId, {
        contradictionId: event.data.contradictionId,
        earlierStatementId: event.data.earlier.statementId,
        laterStatementId: event.data.later.statementId,
        active: true,
      });
      break;
    case 'StatementWithdrawn': {
      const withdrawn = state.statements.get(event.data.statement.statementId);
      if (withdrawn) state.statements.set(withdrawn.ref.statementId, { ...withdrawn, active: false });
      for (const { contradictionId } of event.data.voidedContradictions) {
        const voided = state.contradictions.get(contradictionId);
        if (voided) state.contradictions.set(contradictionId, { ...voided, active: false });
      }
      break;
    }
    default:
      // Not a position event: nothing about this stream changes.
      return;
  }
  const { actor, topic, proposition } = event.data;
  state.key ??= { actor, topic, proposition };
  state.version = event.version;
  if (event.causationId !== null) state.handledSources.add(event.causationId);
}

/** Active statements in the order they were said. */
export function activeStatements(state: PositionState): PositionStatement[] {
  return [...state.statements.values()]
    .filter((statement) => statement.active)
    .sort((left, right) => (left.orderKey < right.orderKey ? -1 : left.orderKey > right.orderKey ? 1 : 0));
}
