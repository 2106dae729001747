import { createDynamoDocumentClient } from '../../adapters/dynamodb/document-client';
import { DynamoViewStore } from '../../adapters/dynamodb/dynamo-view-store';
import { createSnsClient } from '../../adapters/sns/sns-client';
import { SnsNotifier } from '../../adapters/sns/sns-notifier';
import type { DigestDependencies } from '../../application/publish-digest';
import type { AwsConfig } from '../../config';
import { systemClock } from '../../ports/clock';
import { powertoolsLogger } from './common';

export function digestDependencies(config: AwsConfig<'digest'>) {
  const dependencies: DigestDependencies = {
    views: new DynamoViewStore({
      client: createDynamoDocumentClient({ region: config.awsRegion }),
      tableName: config.viewsTable,
    }),
    notifier: new SnsNotifier({
      client: createSnsClient({ region: config.awsRegion }),
      topicArn: config.alertTopicArn,
    }),
    clock: systemClock,
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
  };
  return { dependencies, includeShifts: config.alertShifts, logger: powertoolsLogger('stancewatch-digest') };
}
