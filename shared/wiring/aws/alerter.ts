import type { AlerterHandlerDependencies } from '../../../functions/alerter/alerter';
import type { StreamParking } from '../../../functions/streams/stream-handler';
import { createSnsClient } from '../../adapters/sns/sns-client';
import { SnsNotifier } from '../../adapters/sns/sns-notifier';
import type { AwsConfig } from '../../config';
import { eventStoreParts, powertoolsLogger, streamParking } from './common';

const SERVICE = 'stancewatch-alerter';

export function alerterDependencies(
  config: AwsConfig<'alerter'>,
): AlerterHandlerDependencies & { parking: StreamParking } {
  const { client, ids, clock, eventStore } = eventStoreParts(config);
  return {
    eventStore,
    notifier: new SnsNotifier({
      client: createSnsClient({ region: config.awsRegion }),
      topicArn: config.alertTopicArn,
    }),
    ids,
    clock,
    ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}),
    logger: powertoolsLogger(SERVICE),
    parking: streamParking(client, config, SERVICE),
  };
}
