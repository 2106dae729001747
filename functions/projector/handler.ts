import { Logger } from '@aws-lambda-powertools/logger';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { DynamoViewStore } from '../../shared/adapters/dynamodb/dynamo-view-store';
import { PositionStateCache } from '../../shared/application/position-state-cache';
import { requiredEnv } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { createProjectorHandler } from './projector';

const logger = new Logger({ serviceName: 'stancewatch-projector' });
const client = createDynamoDocumentClient();
const ids = createUlidGenerator();

export const handler = createProjectorHandler({
  eventStore: new DynamoEventStore({
    client,
    tableName: requiredEnv('EVENTS_TABLE', 'The projector'),
    clock: systemClock,
    ids,
  }),
  views: new DynamoViewStore({ client, tableName: requiredEnv('VIEWS_TABLE', 'The projector') }),
  ids,
  // Lives as long as the container: a warm projector reads only the new commits of a position.
  positionCache: new PositionStateCache(),
  logger: {
    info: (message, extra) => logger.info(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  },
});
