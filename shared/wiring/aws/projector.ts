import type { ProjectorHandlerDependencies } from '../../../functions/projector/projector';
import type { StreamParking } from '../../../functions/streams/stream-handler';
import { DynamoViewStore } from '../../adapters/dynamodb/dynamo-view-store';
import { PositionStateCache } from '../../application/position-state-cache';
import type { AwsConfig } from '../../config';
import { eventStoreParts, powertoolsLogger, streamParking } from './common';

const SERVICE = 'stancewatch-projector';

export function projectorDependencies(
  config: AwsConfig<'projector'>,
): ProjectorHandlerDependencies & { parking: StreamParking } {
  const { client, ids, eventStore } = eventStoreParts(config);
  return {
    eventStore,
    views: new DynamoViewStore({ client, tableName: config.viewsTable }),
    ids,
    // Lives as long as the container: a warm projector reads only the new commits of a position.
    positionCache: new PositionStateCache(),
    logger: powertoolsLogger(SERVICE),
    parking: streamParking(client, config, SERVICE),
  };
}
