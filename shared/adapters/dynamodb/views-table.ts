import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The views table (read models), rebuilt from the events by `replay`. Design (docs/positions.md):
 *
 *   item                      pk                            sk                              lsk (LSI "byOrder")
 *   current position          positions                     <actor>#<topic>#<proposition>   <topic>#<actor>#<proposition>
 *   timeline entry            timeline#<actor>#<topic>      <statementId>                   <statement order key>
 *   contradiction (overall)   contradictions                <contradictionId>               <later order key>#<id>
 *   contradiction (by actor)  contradictions#<actor>        <contradictionId>               <later order key>#<id>
 *   actor                     actors                        <actor>                         —
 *   review queue entry        review                        <contradictionId>               <detectedAt>#<id> while waiting
 *                             (key only: the queue reads the overall contradiction item)
 *   desk fact (alert/verdict) desk#<yyyy-mm>                <contradictionId>               —
 *   shift (to/from conditional) shifts#<yyyy-mm-dd>          <statementId>                   —
 *
 * Items are addressed by id (sk) so that events carrying only an id (a retraction, a voided
 * contradiction, an alert) can update them; lists are read in time order through the local
 * secondary index. Only complete items carry `lsk`, so partial items never show up in a list.
 * Positions are listed from the table (by actor) or, for one topic, from the index (topic first);
 * position items written before the index held them (no `lsk`) are found by topic again after
 * `stancewatch replay`, which rebuilds every view.
 */
export const VIEWS_TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  orderIndexName: 'byOrder',
  orderSortKey: 'lsk',
} as const;

/** Table definition used by the embedded runtime and tests; infra/ declares the same in CDK. */
export function viewsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: VIEWS_TABLE_KEYS.partitionKey, AttributeType: 'S' },
      { AttributeName: VIEWS_TABLE_KEYS.sortKey, AttributeType: 'S' },
      { AttributeName: VIEWS_TABLE_KEYS.orderSortKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: VIEWS_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: VIEWS_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    LocalSecondaryIndexes: [
      {
        IndexName: VIEWS_TABLE_KEYS.orderIndexName,
        KeySchema: [
          { AttributeName: VIEWS_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
          { AttributeName: VIEWS_TABLE_KEYS.orderSortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      },
    ],
  };
}

export const viewKeys = {
  position: (actor: string, topic: string, proposition: string) => ({
    pk: 'positions',
    sk: `${actor}#${topic}#${proposition}`,
  }),
  /** The order-index key of a current position: by topic, then actor and proposition. */
  positionByTopic: (actor: string, topic: string, proposition: string) => `${topic}#${actor}#${proposition}`,
  timelinePartition: (actor: string, topic: string) => `timeline#${actor}#${topic}`,
  contradictionPartitions: (actor: string) => ['contradictions', `contradictions#${actor}`] as const,
  actor: (actor: string) => ({ pk: 'actors', sk: actor }),
  /** Possible contradictions waiting for a verdict; an entry leaves the order index once resolved. */
  review: (contradictionId: string) => ({ pk: 'review', sk: contradictionId }),
  reviewPartition: 'review',
  /** What happened to alerts in one month (UTC), for the desk's statistics. */
  desk: (at: string, contradictionId: string) => ({ pk: deskPartition(at), sk: contradictionId }),
};

/** `shifts#2026-12-05`: the day (UTC) a shift was recorded. */
export const shiftPartition = (at: string) => `shifts#${at.slice(0, 10)}`;

/** `desk#2026-12`: the month of an ISO timestamp. */
export const deskPartition = (at: string) => `desk#${at.slice(0, 7)}`;
