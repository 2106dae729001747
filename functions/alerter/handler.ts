import { Logger } from '@aws-lambda-powertools/logger';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { createSnsClient } from '../../shared/adapters/sns/sns-client';
import { SnsNotifier } from '../../shared/adapters/sns/sns-notifier';
import { systemClock } from '../../shared/ports/clock';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { createAlerterHandler } from './alerter';

function requiredEnv(name: string): string {
  const value = process.env[name]?.trim();
  if (!value) throw new Error(`The alerter needs the environment variable ${name} (set by the CDK stack)`);
  return value;
}

const logger = new Logger({ serviceName: 'stancewatch-alerter' });
const client = createDynamoDocumentClient();
const ids = createUlidGenerator();
const apiUrl = process.env.API_URL?.trim();

export const handler = createAlerterHandler({
  eventStore: new DynamoEventStore({ client, tableName: requiredEnv('EVENTS_TABLE'), clock: systemClock, ids }),
  notifier: new SnsNotifier({ client: createSnsClient(), topicArn: requiredEnv('ALERT_TOPIC_ARN') }),
  ids,
  clock: systemClock,
  ...(apiUrl ? { apiUrl } : {}),
  logger: {
    info: (message, extra) => logger.info(message, extra ?? {}),
    error: (message, extra) => logger.error(message, extra ?? {}),
  },
});
