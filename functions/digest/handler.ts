import { publishDigest } from '../../shared/application/publish-digest';
import { readAwsConfig } from '../../shared/config';
import { withLambdaContext } from '../../shared/wiring/aws/common';
import { digestDependencies } from '../../shared/wiring/aws/digest';

// Built once per container (configuration checked at init, clients reused).
const { dependencies, includeShifts, logger } = digestDependencies(readAwsConfig('digest'));

/** Run daily by an EventBridge Scheduler schedule: one SNS message, or none on a quiet day. */
export const handler = withLambdaContext(logger, async () => {
  const outcome = await publishDigest(dependencies, { includeShifts });
  logger.info(`digest ${outcome.status}`, { ...outcome });
  return outcome;
});
