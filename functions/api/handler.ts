import { handle } from 'hono/aws-lambda';
import { readAwsConfig } from '../../shared/config';
import { apiDependencies } from '../../shared/wiring/aws/api';
import { createApp } from './app';

// Built once per container: configuration (failing fast), clients and the app; the extractor on the first POST.
export const app = createApp(apiDependencies(readAwsConfig('api')));

export const handler = handle(app);
