import { describe, expect, it } from 'vitest';
import { EffectsWrittenInline } from '../../../../shared/application/effects-written-inline';
import { PositionStateCache } from '../../../../shared/application/position-state-cache';
import { readAwsConfig } from '../../../../shared/config';
import { projectorDependencies } from '../../../../shared/wiring/aws/projector';

const tables = { EVENTS_TABLE: 'events', VIEWS_TABLE: 'views', PARKED_TABLE: 'parked', AWS_REGION: 'eu-west-1' };

describe('the projector Lambda wiring', () => {
  it('keeps a fold cache and the effects it wrote inline for the life of the container', () => {
    const dependencies = projectorDependencies(readAwsConfig('projector', tables));
    expect(dependencies.positionCache).toBeInstanceOf(PositionStateCache);
    expect(dependencies.effectsWrittenInline).toBeInstanceOf(EffectsWrittenInline);
    expect(dependencies.snapshotEvery).toBeUndefined();
  });

  it('snapshots every STANCEWATCH_SNAPSHOT_EVERY commits when the stack sets it (-c snapshotEvery)', () => {
    const dependencies = projectorDependencies(
      readAwsConfig('projector', { ...tables, STANCEWATCH_SNAPSHOT_EVERY: '50' }),
    );
    expect(dependencies.snapshotEvery).toBe(50);
  });

  it('decides strength by the policy the stack sets (-c strongEvidence and the rest)', () => {
    const dependencies = projectorDependencies(
      readAwsConfig('projector', {
        ...tables,
        STANCEWATCH_STRONG_EVIDENCE: 'quote',
        STANCEWATCH_STRONG_MIN_CONFIDENCE: '0.9',
      }),
    );
    expect(dependencies.strengthPolicy).toEqual({ strongEvidence: ['quote'], minConfidence: 0.9, maxDaysApart: 540 });
  });
});
