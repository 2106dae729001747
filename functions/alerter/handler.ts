import { Logger } from '@aws-lambda-powertools/logger';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { createSnsClient } from '../../shared/adapters/sns/sns-client';
import { SnsNotifier } from '../../shared/adapters/sns/sns-notifier';
import { optionalEnv, requiredEnv } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { createAlerterHandler } from './alerter';

const logger = new Logger({ serviceName: 'stancewatch-alerter' });
const client = createDynamoDocumentClient();
const ids = createUlidGenerator();
const apiUrl = optionalEnv('API_URL');

export const handler = createAlerterHandler({
  eventStore: new DynamoEventStore({
    client,
    tableName: requiredEnv('EVENTS_TABLE', 'The alerter'),
    clock: systemClock,
    ids,
  }),
  notifier: new SnsNotifier({ client: createSnsClient(), topicArn: requiredEnv('ALERT_TOPIC_ARN', 'The alerter') }),
  ids,
  clock: systemClock,
  ...(apiUrl ? { apiUrl } : {}),
  logger: {
    info: (message, extra) => logger.info(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  },
});
