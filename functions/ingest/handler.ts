import { createDynamoDocumentClient } from '../../shared/adapters/dynamodb/document-client';
import { DynamoEventStore } from '../../shared/adapters/dynamodb/dynamo-event-store';
import { DynamoUniqueKeyRegistry } from '../../shared/adapters/dynamodb/dynamo-unique-key-registry';
import { requiredEnv } from '../../shared/config';
import { systemClock } from '../../shared/ports/clock';
import { createUlidGenerator } from '../../shared/ports/id-generator';
import { extractorFromEnvironment } from '../../shared/wiring/extractor-from-environment';
import { createIngestHandler } from './ingest-handler';

// Built once per container: clients, the codebook and the extractor are reused across invocations.
const eventsTable = requiredEnv('EVENTS_TABLE', 'the ingest function');
const client = createDynamoDocumentClient();
const ids = createUlidGenerator();

export const handler = createIngestHandler({
  eventStore: new DynamoEventStore({ client, tableName: eventsTable, clock: systemClock, ids }),
  uniqueKeys: new DynamoUniqueKeyRegistry(client, eventsTable),
  extractor: extractorFromEnvironment(),
  ids,
  clock: systemClock,
});
