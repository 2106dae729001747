import { readAwsConfig } from '../../shared/config';
import { alerterDependencies } from '../../shared/wiring/aws/alerter';
import { withRedrive } from '../streams/redrive-entry';
import { alerterCommitHandler, createAlerterHandler } from './alerter';

// Built once per container (configuration checked at init, clients reused).
const dependencies = alerterDependencies(readAwsConfig('alerter'));

/** Stream batches, or `{"redrive": {...}}` to replay the alerter's parked records. */
export const handler = withRedrive(createAlerterHandler(dependencies), {
  consumer: alerterCommitHandler(dependencies),
  parking: dependencies.parking,
  ...(dependencies.logger ? { logger: dependencies.logger } : {}),
});
