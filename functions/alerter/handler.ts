import { readAwsConfig } from '../../shared/config';
import { alerterDependencies } from '../../shared/wiring/aws/alerter';
import { createAlerterHandler } from './alerter';

// Built once per container (configuration checked at init, clients reused).
export const handler = createAlerterHandler(alerterDependencies(readAwsConfig('alerter')));
