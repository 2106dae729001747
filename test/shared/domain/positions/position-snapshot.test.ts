import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { currentSchemaVersion, parseEvent } from '../../../../events/registry';
import {
  fromSnapshotState,
  POSITION_FOLD_VERSION,
  POSITION_SNAPSHOT_SCHEMA,
  toSnapshotState,
} from '../../../../shared/domain/positions/position-snapshot';
import { rehydrate } from '../../../../shared/domain/positions/position-state';

const fixture = (name: string) => new URL(`./fixtures/${name}`, import.meta.url);

/** A stored position stream with every kind of position event: moves, contradictions, a withdrawal. */
const storedStream = () =>
  (JSON.parse(readFileSync(fixture('position-stream.json'), 'utf8')) as unknown[]).map((event) => parseEvent(event));

/** What crosses the store: JSON text. */
const throughJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value));

describe('position snapshot: the fold as JSON and back', () => {
  it('given a fold, when it is stored as JSON and read back, then it is the same fold', () => {
    const folded = rehydrate(storedStream());
    expect(folded.contradictions.size).toBeGreaterThan(0);
    expect([...folded.statements.values()].some((statement) => !statement.active)).toBe(true);
    const restored = fromSnapshotState(POSITION_SNAPSHOT_SCHEMA, throughJson(toSnapshotState(folded)));
    expect(restored).toEqual(folded);
    // The maps iterate in the same order: decide walks contradictions in that order.
    expect([...(restored?.contradictions.keys() ?? [])]).toEqual([...folded.contradictions.keys()]);
    expect([...(restored?.statements.keys() ?? [])]).toEqual([...folded.statements.keys()]);
  });

  it('given a snapshot of another schema, when it is read, then it is not used', () => {
    const state = throughJson(toSnapshotState(rehydrate(storedStream())));
    expect(fromSnapshotState(`position-state.v${POSITION_FOLD_VERSION + 1}`, state)).toBeUndefined();
    expect(
      fromSnapshotState(POSITION_SNAPSHOT_SCHEMA.replace('ContradictionDetected.v', 'ContradictionDetected.v9'), state),
    ).toBeUndefined();
  });

  it('given a snapshot whose state lacks what its schema promises, when it is read, then it is not used', () => {
    const state = toSnapshotState(rehydrate(storedStream()));
    expect(fromSnapshotState(POSITION_SNAPSHOT_SCHEMA, { ...state, handledSources: undefined })).toBeUndefined();
    expect(
      fromSnapshotState(POSITION_SNAPSHOT_SCHEMA, {
        ...state,
        statements: [{ ref: { statementId: 'x' }, active: true }],
      }),
    ).toBeUndefined();
  });

  it('names the fold version and the schema version of every position event it folds', () => {
    expect(POSITION_SNAPSHOT_SCHEMA.split(';')).toEqual([
      `position-state.v${POSITION_FOLD_VERSION}`,
      `PositionTaken.v${currentSchemaVersion('PositionTaken')}`,
      `PositionChanged.v${currentSchemaVersion('PositionChanged')}`,
      `PositionReaffirmed.v${currentSchemaVersion('PositionReaffirmed')}`,
      `ContradictionDetected.v${currentSchemaVersion('ContradictionDetected')}`,
      `StatementWithdrawn.v${currentSchemaVersion('StatementWithdrawn')}`,
    ]);
  });

  it('folds the recorded stream into exactly the state recorded for this fold version', () => {
    // If this fails, the fold (PositionState, evolve, an upcaster, or the encoding) changed: stored
    // snapshots hold the old fold. Bump POSITION_FOLD_VERSION and record
    // fixtures/position-state.v<new>.json from the new fold, so old snapshots are ignored.
    const golden = fixture(`position-state.v${POSITION_FOLD_VERSION}.json`);
    expect(existsSync(golden), `record ${golden.pathname} for fold version ${POSITION_FOLD_VERSION}`).toBe(true);
    expect(throughJson(toSnapshotState(rehydrate(storedStream())))).toEqual(JSON.parse(readFileSync(golden, 'utf8')));
  });
});
