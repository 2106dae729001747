import { Logger } from '@aws-lambda-powertools/logger';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { DynamoViewStore } from '../../shared/adapters/dynamodb/dynamo-view-store';
import { systemClock } from '../../shared/ports/clock';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { createProjectorHandler } from './projector';

function requiredEnv(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`The projector needs the environment variable ${name} (set by the CDK stack)`);
  return value;
}

const logger = new Logger({ serviceName: 'stancewatch-projector' });
const client = createDynamoDocumentClient();
const ids = createUlidGenerator();

export const handler = createProjectorHandler({
  eventStore: new DynamoEventStore({ client, tableName: requiredEnv('EVENTS_TABLE'), clock: systemClock, ids }),
  views: new DynamoViewStore({ client, tableName: requiredEnv('VIEWS_TABLE') }),
  ids,
  logger: {
    info: (message, extra) => logger.info(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  },
});
