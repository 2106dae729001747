import { readAwsConfig } from '../../shared/config';
import { projectorDependencies } from '../../shared/wiring/aws/projector';
import { createProjectorHandler } from './projector';

// Built once per container (configuration checked at init, clients and the position cache reused).
export const handler = createProjectorHandler(projectorDependencies(readAwsConfig('projector')));
