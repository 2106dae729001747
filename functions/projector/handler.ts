import { readAwsConfig } from '../../shared/config';
import { projectorDependencies } from '../../shared/wiring/aws/projector';
import { withRedrive } from '../streams/redrive-entry';
import { createProjectorHandler, projectorCommitHandler } from './projector';

// Built once per container (configuration checked at init, clients and the position cache reused).
const dependencies = projectorDependencies(readAwsConfig('projector'));

/** Stream batches, or `{"redrive": {...}}` to replay the projector's parked records. */
export const handler = withRedrive(createProjectorHandler(dependencies), {
  consumer: projectorCommitHandler(dependencies),
  parking: dependencies.parking,
  ...(dependencies.logger ? { logger: dependencies.logger } : {}),
});
