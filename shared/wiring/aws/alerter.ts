import type { AlerterHandlerDependencies } from '../../../functions/alerter/alerter';
import { createSnsClient } from '../../adapters/sns/sns-client';
import { SnsNotifier } from '../../adapters/sns/sns-notifier';
import type { AwsConfig } from '../../config';
import { eventStoreParts, powertoolsLogger } from './common';

export function alerterDependencies(config: AwsConfig<'alerter'>): AlerterHandlerDependencies {
  const { ids, clock, eventStore } = eventStoreParts(config);
  return {
    eventStore,
    notifier: new SnsNotifier({
      client: createSnsClient({ region: config.awsRegion }),
      topicArn: config.alertTopicArn,
    }),
    ids,
    clock,
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    logger: powertoolsLogger('stancewatch-alerter'),
  };
}
