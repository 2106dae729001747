import { readAwsConfig } from '../../shared/config';
import { withLambdaContext } from '../../shared/wiring/aws/common';
import { projectorDependencies } from '../../shared/wiring/aws/projector';
import { withRedrive } from '../streams/redrive-entry';
import { createProjectorHandler, projectorCommitHandler } from './projector';
import { withReplay } from './replay-entry';

// Built once per container (configuration checked at init, clients and the position cache reused).
const dependencies = projectorDependencies(readAwsConfig('projector'));

/**
 * Stream batches, `{"redrive": {...}}` to replay the projector's parked records, or
 * `{"replay": {...}}` to rebuild the views from the event log (after an upgrade).
 */
export const handler = withLambdaContext(
  dependencies.logger,
  withReplay(
    withRedrive(createProjectorHandler(dependencies), {
      consumer: projectorCommitHandler(dependencies),
      parking: dependencies.parking,
      logger: dependencies.logger,
    }),
    dependencies,
  ),
);
