import type { ProjectorHandlerDependencies } from '../../../functions/projector/projector';
import { DynamoViewStore } from '../../adapters/dynamodb/dynamo-view-store';
import { PositionStateCache } from '../../application/position-state-cache';
import type { AwsConfig } from '../../config';
import { eventStoreParts, powertoolsLogger } from './common';

export function projectorDependencies(config: AwsConfig<'projector'>): ProjectorHandlerDependencies {
  const { client, ids, eventStore } = eventStoreParts(config);
  return {
    eventStore,
    views: new DynamoViewStore({ client, tableName: config.viewsTable }),
    ids,
    // Lives as long as the container: a warm projector reads only the new commits of a position.
    positionCache: new PositionStateCache(),
    logger: powertoolsLogger('stancewatch-projector'),
  };
}
