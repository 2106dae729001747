import * as z from 'zod';
import { currentSchemaVersion } from '../../../events/registry';
import { StatementRef } from '../../../events/statement-ref';
import { orderKeyOf } from './ordering';
import type { PositionState, PositionStatement, RecordedContradiction } from './position-state';

/**
 * The version of the fold a position snapshot holds. Bump it whenever `PositionState`, `evolve` /
 * `foldOnto`, or this encoding change: every stored snapshot then reads as unknown and is ignored
 * (the stream is read from the start), so a changed fold never starts from a stale shape.
 * test/shared/domain/positions/position-snapshot.test.ts fails when the fold's output changes
 * under an unchanged version.
 */
export const POSITION_FOLD_VERSION = 1;

/** The position events the fold reads: a new schema version (and upcaster) of any is a fold change too. */
const FOLDED_EVENT_TYPES = [
  'PositionTaken',
  'PositionChanged',
  'PositionReaffirmed',
  'ContradictionDetected',
  'StatementWithdrawn',
] as const;

/**
 * The schema a position snapshot is stored under: the fold version and the schema version of
 * each event type the fold reads, e.g. `position-state.v1;PositionTaken.v1;…;ContradictionDetected.v2;…`.
 * A snapshot whose schema is not exactly this one is ignored.
 */
export const POSITION_SNAPSHOT_SCHEMA = [
  `position-state.v${POSITION_FOLD_VERSION}`,
  ...FOLDED_EVENT_TYPES.map((type) => `${type}.v${currentSchemaVersion(type)}`),
].join(';');

const PositionSnapshotState = z.object({
  key: z.object({ actor: z.string(), topic: z.string(), proposition: z.string() }).nullable(),
  version: z.number().int().nonnegative(),
  /** In the fold's insertion order (the order its maps iterate in). */
  statements: z.array(z.object({ ref: StatementRef, active: z.boolean() })),
  contradictions: z.array(
    z.object({
      contradictionId: z.string(),
      earlierStatementId: z.string(),
      laterStatementId: z.string(),
      active: z.boolean(),
    }),
  ),
  handledSources: z.array(z.string()),
});
export type PositionSnapshotState = z.infer<typeof PositionSnapshotState>;

/** A folded position as plain JSON (order keys are derived again on the way back). */
export function toSnapshotState(state: PositionState): PositionSnapshotState {
  return {
    key: state.key ?? null,
    version: state.version,
    statements: [...state.statements.values()].map(({ ref, active }) => ({ ref, active })),
    contradictions: [...state.contradictions.values()].map(
      ({ contradictionId, earlierStatementId, laterStatementId, active }) => ({
        contradictionId,
        earlierStatementId,
        laterStatementId,
        active,
      }),
    ),
    handledSources: [...state.handledSources],
  };
}

/**
 * The folded position a snapshot holds, or undefined when the snapshot is not one this fold can
 * use: another schema, or a state that does not have the shape it claims.
 */
export function fromSnapshotState(schema: string, stored: unknown): PositionState | undefined {
  if (schema !== POSITION_SNAPSHOT_SCHEMA) return undefined;
  const parsed = PositionSnapshotState.safeParse(stored);
  if (!parsed.success) return undefined;
  const { key, version, statements, contradictions, handledSources } = parsed.data;
  return {
    key: key ?? undefined,
    version,
    statements: new Map(
      statements.map(({ ref, active }): [string, PositionStatement] => [
        ref.statementId,
        { ref, orderKey: orderKeyOf(ref), active },
      ]),
    ),
    contradictions: new Map(
      contradictions.map((contradiction): [string, RecordedContradiction] => [
        contradiction.contradictionId,
        contradiction,
      ]),
    ),
    handledSources: new Set(handledSources),
  };
}
