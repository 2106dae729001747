import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The parked-records table: stream records a consumer set aside (shared/ports/parked-records.ts).
 * A table of its own, not items in the events table (whose stream would deliver them to the
 * consumers) nor in the views table (which `replay` drops). Two item families:
 *
 *   item              pk                      sk                              attributes
 *   parked record     record#<consumer>       <streamId>#<commit, 10 digits>  the ParkedRecord, `item` = the commit item
 *   blocked key       blocked#<consumer>      <ordering key>                  `records`: string set of the parked records holding it
 *
 * A consumer's records are one partition read in stream and commit order (redrive reads it once).
 * The blocked-key markers (a stream id, or a position stream a parked document feeds) are small
 * and read once per stream batch, so a batch does not read the parked records' content to learn
 * what must wait.
 */
export const PARKED_TABLE_KEYS = { partitionKey: 'pk', sortKey: 'sk' } as const;

export const parkedKeys = {
  record: (consumer: string, streamId: string, commit: number) => ({
    pk: `record#${consumer}`,
    sk: `${streamId}#${String(commit).padStart(10, '0')}`,
  }),
  records: (consumer: string) => `record#${consumer}`,
  blocked: (consumer: string, key: string) => ({ pk: `blocked#${consumer}`, sk: key }),
  blockedKeys: (consumer: string) => `blocked#${consumer}`,
} as const;

/** Table definition used by the embedded runtime and tests; infra/ declares the same in CDK. */
export function parkedRecordsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: PARKED_TABLE_KEYS.partitionKey, AttributeType: 'S' },
      { AttributeName: PARKED_TABLE_KEYS.sortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: PARKED_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: PARKED_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
  };
}

/**
 * The CloudWatch metric a stream consumer publishes once per record it parks (namespace
 * POWERTOOLS_METRICS_NAMESPACE, dimension `service` = the function's service name); the stack
 * alarms on it. Here, beside the table, so the CDK app can name it without loading Powertools.
 */
export const PARKED_RECORDS_METRIC = 'ParkedRecords';
