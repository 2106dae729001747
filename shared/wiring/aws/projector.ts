import type { ProjectorHandlerDependencies } from '../../../functions/projector/projector';
import type { StreamParking } from '../../../functions/streams/stream-handler';
import { DynamoSnapshotStore } from '../../adapters/dynamodb/dynamo-snapshot-store';
import { DynamoViewStore } from '../../adapters/dynamodb/dynamo-view-store';
import { EffectsWrittenInline } from '../../application/effects-written-inline';
import { PositionStateCache } from '../../application/position-state-cache';
import type { AwsConfig } from '../../config';
import { reportSnapshotError } from '../snapshot-errors';
import {
  countPositionEvents,
  countTimelineEffects,
  eventStoreParts,
  type LambdaLogger,
  powertoolsLogger,
  powertoolsMetrics,
  streamParking,
} from './common';

const SERVICE = 'stancewatch-projector';

export function projectorDependencies(
  config: AwsConfig<'projector'>,
): ProjectorHandlerDependencies & { parking: StreamParking; logger: LambdaLogger } {
  const { client, ids, eventStore } = eventStoreParts(config);
  const logger = powertoolsLogger(SERVICE);
  const metrics = powertoolsMetrics(config, SERVICE);
  return {
    eventStore,
    views: new DynamoViewStore({ client, tableName: config.viewsTable }),
    ids,
    // Lives as long as the container: a warm projector reads only the new commits of a position.
    positionCache: new PositionStateCache(),
    // Timeline effects this container wrote with their statements are not written again.
    effectsWrittenInline: new EffectsWrittenInline(),
    // A cold one starts each position from its snapshot (docs/event-store.md, Snapshots).
    snapshots: new DynamoSnapshotStore(client, config.eventsTable),
    ...(config.snapshotEvery !== undefined ? { snapshotEvery: config.snapshotEvery } : {}),
    strengthPolicy: config.strengthPolicy,
    onSnapshotError: reportSnapshotError(logger),
    logger,
    onEventsAppended: countPositionEvents(metrics),
    onTimelineEffects: countTimelineEffects(metrics),
    parking: streamParking(client, config, SERVICE),
  };
}
