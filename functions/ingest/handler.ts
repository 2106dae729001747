import { readAwsConfig } from '../../shared/config';
import { ingestDependencies } from '../../shared/wiring/aws/ingest';
import { createIngestHandler } from './ingest-handler';

// Built once per container: clients, the codebook and the extractor are reused across invocations.
export const handler = createIngestHandler(ingestDependencies(readAwsConfig('ingest')));
