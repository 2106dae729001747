import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DomainEvent } from '../../../../events/registry';
import { decide, type PositionCommand } from '../../../../shared/domain/positions/decide';
import { orderKeyOf } from '../../../../shared/domain/positions/ordering';
import {
  activeStatements,
  evolve,
  initialPositionState,
  type PositionState,
  rehydrate,
} from '../../../../shared/domain/positions/position-state';
import { countsTowardPosition } from '../../../../shared/domain/positions/rules';
import { statementsArbitrary } from '../../../support/statement-arbitraries';
import { applyCommand, type ExtractedData, storedDecisions, withdrawCommand } from '../../../support/statement-factory';

/**
 * Operations as a document stream delivers them: toggling a statement extracts it if its document
 * does not currently state it and retracts it otherwise (a retraction always follows an
 * extraction), and a redelivery replays a suffix of everything delivered so far, in order, as
 * DynamoDB Streams and the embedded dispatcher do after a failure.
 */
type Operation = { kind: 'toggle'; index: number } | { kind: 'redeliver'; from: number };

const historyArbitrary = fc.record({
  statements: statementsArbitrary(),
  operations: fc.array(
    fc.oneof(
      { weight: 8, arbitrary: fc.nat().map((index): Operation => ({ kind: 'toggle', index })) },
      { weight: 2, arbitrary: fc.nat().map((from): Operation => ({ kind: 'redeliver', from })) },
    ),
    { minLength: 1, maxLength: 25 },
  ),
});

interface Run {
  state: PositionState;
  stored: DomainEvent[];
  /** Per step: the state before and the events decided. */
  steps: { before: PositionState; command: PositionCommand; events: DomainEvent[]; redelivered: boolean }[];
  /** Per redelivery: the state before it and after it. */
  redeliveries: { before: PositionState; after: PositionState }[];
}

function run(statements: ExtractedData[], operations: Operation[]): Run {
  let state = initialPositionState();
  const stored: DomainEvent[] = [];
  const steps: Run['steps'] = [];
  const redeliveries: Run['redeliveries'] = [];
  const delivered: PositionCommand[] = [];
  const live = new Set<string>();
  const deliver = (command: PositionCommand, redelivered: boolean) => {
    const events = storedDecisions(decide(state, command), command, state.version);
    steps.push({ before: state, command, events, redelivered });
    for (const event of events) state = evolve(state, event);
    stored.push(...events);
  };
  for (const operation of operations) {
    if (operation.kind === 'redeliver') {
      if (delivered.length === 0) continue;
      const before = state;
      for (const command of delivered.slice(operation.from % delivered.length)) deliver(command, true);
      redeliveries.push({ before, after: state });
      continue;
    }
    const statement = statements[operation.index % statements.length] as ExtractedData;
    const command = live.has(statement.statementId) ? withdrawCommand(statement) : applyCommand(statement);
    if (live.has(statement.statementId)) live.delete(statement.statementId);
    else live.add(statement.statementId);
    delivered.push(command);
    deliver(command, false);
  }
  return { state, stored, steps, redeliveries };
}

/** Adjacent support/oppose pairs from different documents among active decisive statements. */
function flipsOf(state: PositionState) {
  const decisive = activeStatements(state).filter((statement) => statement.ref.polarity !== 'conditional');
  return decisive.slice(1).flatMap((later, index) => {
    const earlier = decisive[index];
    return earlier && earlier.ref.polarity !== later.ref.polarity && earlier.ref.documentId !== later.ref.documentId
      ? [{ earlier, later }]
      : [];
  });
}

describe('position decisions, for random histories', () => {
  it('replaying the stored events gives the state built step by step', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ statements, operations }) => {
        const { state, stored } = run(statements, operations);
        expect(rehydrate(stored)).toEqual(state);
        expect(stored.reduce(evolve, initialPositionState())).toEqual(state);
      }),
      { numRuns: 300 },
    );
  });

  it('redelivering what was already delivered decides nothing and changes nothing', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ statements, operations }) => {
        const { steps, redeliveries } = run(statements, operations);
        for (const step of steps) if (step.redelivered) expect(step.events).toEqual([]);
        for (const { before, after } of redeliveries) expect(after).toEqual(before);
      }),
      { numRuns: 300 },
    );
  });

  it('every applied statement yields exactly one of Taken/Changed/Reaffirmed, matching what was said before it', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ statements, operations }) => {
        for (const { before, command, events } of run(statements, operations).steps) {
          if (command.type !== 'ApplyStatement' || events.length === 0) continue;
          const moves = events.filter((event) => event.type !== 'ContradictionDetected');
          expect(moves).toHaveLength(1);
          const move = moves[0] as DomainEvent;
          const orderKey = orderKeyOf(command.statement);
          const said = activeStatements(before).filter((other) => other.orderKey < orderKey);
          const previous = said.at(-1);
          const expected =
            previous === undefined
              ? 'PositionTaken'
              : previous.ref.polarity === command.statement.polarity
                ? 'PositionReaffirmed'
                : 'PositionChanged';
          expect(move.type).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('contradictions are support vs oppose, earlier-said first, across documents, never on hearsay or doubt', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ statements, operations }) => {
        for (const event of run(statements, operations).stored) {
          if (event.type !== 'ContradictionDetected') continue;
          const { earlier, later } = event.data;
          expect(new Set([earlier.polarity, later.polarity])).toEqual(new Set(['support', 'oppose']));
          expect(earlier.documentId).not.toBe(later.documentId);
          const sorted = [earlier, later].map((ref) => statements.find((s) => s.statementId === ref.statementId));
          for (const statement of sorted) expect(statement && countsTowardPosition(statement)).toBe(true);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('no flip between what an actor said goes unreported: each is a recorded contradiction or inside one going the same way', () => {
    fc.assert(
      fc.property(historyArbitrary, ({ statements, operations }) => {
        const { steps } = run(statements, operations);
        let state = initialPositionState();
        for (const step of steps) {
          for (const event of step.events) state = evolve(state, event);
          const active = [...state.contradictions.values()].filter((contradiction) => contradiction.active);
          for (const flip of flipsOf(state)) {
            const evidenced = active.some((contradiction) => {
              const earlier = state.statements.get(contradiction.earlierStatementId);
              const later = state.statements.get(contradiction.laterStatementId);
              if (!earlier?.active || !later?.active) return false;
              return (
                earlier.orderKey <= flip.earlier.orderKey &&
                flip.later.orderKey <= later.orderKey &&
                earlier.ref.polarity === flip.earlier.ref.polarity
              );
            });
            expect(evidenced, `flip ${flip.earlier.orderKey} → ${flip.later.orderKey}`).toBe(true);
          }
          // and each active contradiction still stands on two active statements, earlier before later
          for (const contradiction of active) {
            const earlier = state.statements.get(contradiction.earlierStatementId);
            const later = state.statements.get(contradiction.laterStatementId);
            expect(earlier?.active && later?.active).toBe(true);
            expect((earlier?.orderKey ?? '') < (later?.orderKey ?? '')).toBe(true);
          }
        }
      }),
      { numRuns: 300 },
    );
  });

  it('the position ends up on the latest-said standing statement, whatever the arrival order', () => {
    fc.assert(
      fc.property(
        statementsArbitrary({ maxLength: 8 }),
        fc.infiniteStream(fc.nat()).map((stream) => [...stream.take(8)]),
        (statements, seeds) => {
          const shuffled = statements
            .map((statement, index) => ({ statement, key: seeds[index] ?? 0 }))
            .sort((left, right) => left.key - right.key)
            .map(({ statement }) => statement);
          const inOrder = run(
            statements,
            statements.map((_, index) => ({ kind: 'toggle', index })),
          ).state;
          const outOfOrder = run(
            shuffled,
            shuffled.map((_, index) => ({ kind: 'toggle', index })),
          ).state;
          const latest = (state: PositionState) => activeStatements(state).at(-1)?.ref.statementId;
          expect(latest(outOfOrder)).toBe(latest(inOrder));
          expect(new Set(activeStatements(outOfOrder).map((s) => s.ref.statementId))).toEqual(
            new Set(activeStatements(inOrder).map((s) => s.ref.statementId)),
          );
        },
      ),
      { numRuns: 200 },
    );
  });
});
