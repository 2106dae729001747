import { handle } from 'hono/aws-lambda';
import { readAwsConfig } from '../../shared/config';
import { writeApiDependencies } from '../../shared/wiring/aws/api-write';
import { createApp } from './app';

// The API write function: the HTTP API routes POST /documents here. The same app as the read
// function's and `stancewatch start`'s (same auth, validation and errors), with the ingest use case;
// the extractor is built at init, once per container.
export const app = createApp(writeApiDependencies(readAwsConfig('apiWrite')));

export const handler = handle(app);
