import { handle } from 'hono/aws-lambda';
import { readAwsConfig } from '../../shared/config';
import { readApiDependencies } from '../../shared/wiring/aws/api';
import { buildApp } from './build-app';

// The read API function: every route but POST /documents (write-handler.ts). Built once per
// container: configuration (failing fast), clients and the app; no extractor, no NLP model.
export const app = buildApp(readApiDependencies(readAwsConfig('api')));

export const handler = handle(app);
