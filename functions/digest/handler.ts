import { Logger } from '@aws-lambda-powertools/logger';
import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoViewStore } from '../../shared/adapters/dynamodb/dynamo-view-store';
import { createSnsClient } from '../../shared/adapters/sns/sns-client';
import { SnsNotifier } from '../../shared/adapters/sns/sns-notifier';
import { publishDigest } from '../../shared/application/publish-digest';
import { optionalEnv, requiredEnv } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';

const logger = new Logger({ serviceName: 'stancewatch-digest' });
const views = new DynamoViewStore({
  client: createDynamoDocumentClient(),
  tableName: requiredEnv('VIEWS_TABLE', 'The digest'),
});
const notifier = new SnsNotifier({ client: createSnsClient(), topicArn: requiredEnv('ALERT_TOPIC_ARN', 'The digest') });
const apiUrl = optionalEnv('API_URL');
const includeShifts = optionalEnv('STANCEWATCH_ALERT_SHIFTS') === 'true';

/** Run daily by an EventBridge Scheduler schedule: one SNS message, or none on a quiet day. */
export const handler = async () => {
  const outcome = await publishDigest(
    { views, notifier, clock: systemClock, ...(apiUrl ? { apiUrl } : {}) },
    { includeShifts },
  );
  logger.info(`digest ${outcome.status}`, { ...outcome });
  return outcome;
};
