import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';

/**
 * The views table (read models), rebuilt from the events by `replay`. Design (docs/positions.md,
 * "Read models: the views table"): every partition key spreads, and no local index, so no item
 * collection is capped at 10 GB and DynamoDB may split any partition.
 *
 *   item                      pk                               sk                       index keys (only on complete items)
 *   current position          positions#<actor>                <topic>#<proposition>    — (the statement that set it; reads add the timeline's latest)
 *   timeline entry            timeline#<actor>#<topic>         <statement order key>    — (the table's order is the timeline's)
 *   contradiction             contradiction#<contradictionId>  <contradictionId>        byOrder: opk = contradictions#month#<yyyy-mm>, osk = <later order key>#<id>
 *                                                                                       byActor: apk = contradictions#actor#<actor>, osk (same)
 *   month with contradictions contradiction-months             <yyyy-mm>                —
 *   actor                     actors                           <actor>                  —
 *   review queue entry        review#<contradictionId>         <contradictionId>        byOrder: opk = review, osk = <detectedAt>#<id> while waiting
 *                             (key only: the queue reads the contradiction item)
 *   desk fact (alert/verdict) desk#<yyyy-mm>                   <contradictionId>        —
 *   shift (to/from conditional) shifts#<yyyy-mm-dd>            <statementId>            —
 *
 * Contradictions and review entries are addressed by id (sk) so that events carrying only an id
 * (a voided contradiction, an alert, a verdict) can update them; their time-ordered lists read a
 * keys-only global index (one index write when an item first becomes complete, none for later
 * updates that leave its keys alone) and fetch the page's items with one BatchGetItem. Timeline
 * entries are keyed by their statement's order key, so a timeline is read in the table's own
 * order with no index; the few events that name a statement by id only (a retraction, a
 * rejection, the far side of a voided contradiction) find its entry first (dynamo-view-store.ts). Positions are ordered by their
 * own sort key within an actor; lists across actors walk the actors in order, lists across months
 * walk the months newest first, and the page cursor says where the walk is.
 */
export const VIEWS_TABLE_KEYS = {
  partitionKey: 'pk',
  sortKey: 'sk',
  /** Global index, keys only: a partition's complete items in time order. */
  orderIndexName: 'byOrder',
  orderPartitionKey: 'opk',
  orderSortKey: 'osk',
  /** Global index, keys only: an actor's contradictions in time order. */
  actorIndexName: 'byActor',
  actorPartitionKey: 'apk',
} as const;

/** The attributes that put an item into a global index (all keys-only). */
export const VIEWS_INDEXES = [
  {
    name: VIEWS_TABLE_KEYS.orderIndexName,
    partitionKey: VIEWS_TABLE_KEYS.orderPartitionKey,
    sortKey: VIEWS_TABLE_KEYS.orderSortKey,
  },
  {
    name: VIEWS_TABLE_KEYS.actorIndexName,
    partitionKey: VIEWS_TABLE_KEYS.actorPartitionKey,
    sortKey: VIEWS_TABLE_KEYS.orderSortKey,
  },
] as const;

/** Table definition used by the embedded runtime and tests; infra/ declares the same in CDK. */
export function viewsTableDefinition(tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: [
      { AttributeName: VIEWS_TABLE_KEYS.partitionKey, AttributeType: 'S' },
      { AttributeName: VIEWS_TABLE_KEYS.sortKey, AttributeType: 'S' },
      { AttributeName: VIEWS_TABLE_KEYS.orderPartitionKey, AttributeType: 'S' },
      { AttributeName: VIEWS_TABLE_KEYS.orderSortKey, AttributeType: 'S' },
      { AttributeName: VIEWS_TABLE_KEYS.actorPartitionKey, AttributeType: 'S' },
    ],
    KeySchema: [
      { AttributeName: VIEWS_TABLE_KEYS.partitionKey, KeyType: 'HASH' },
      { AttributeName: VIEWS_TABLE_KEYS.sortKey, KeyType: 'RANGE' },
    ],
    GlobalSecondaryIndexes: VIEWS_INDEXES.map((index) => ({
      IndexName: index.name,
      KeySchema: [
        { AttributeName: index.partitionKey, KeyType: 'HASH' },
        { AttributeName: index.sortKey, KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'KEYS_ONLY' },
    })),
  };
}

/** `2025-10`: the month (UTC) of an order key or ISO timestamp. */
const monthOf = (orderKeyOrTimestamp: string) => orderKeyOrTimestamp.slice(0, 7);

export const viewKeys = {
  positionPartition: (actor: string) => `positions#${actor}`,
  position: (actor: string, topic: string, proposition: string) => ({
    pk: viewKeys.positionPartition(actor),
    sk: `${topic}#${proposition}`,
  }),
  timelinePrefix: 'timeline#',
  timelinePartition: (actor: string, topic: string) => `timeline#${actor}#${topic}`,
  contradiction: (contradictionId: string) => ({ pk: `contradiction#${contradictionId}`, sk: contradictionId }),
  /** The byOrder partition of the contradictions whose later statement was said in that month. */
  contradictionMonthPartition: (month: string) => `contradictions#month#${month}`,
  /** The month partition of a contradiction, from its sort key (the later statement's order key first). */
  contradictionMonthOf: (sortKey: string) => monthOf(sortKey),
  contradictionActorPartition: (actor: string) => `contradictions#actor#${actor}`,
  /** The months that hold contradictions (one small item each), walked newest first by the overall list. */
  contradictionMonthsPartition: 'contradiction-months',
  contradictionMonth: (month: string) => ({ pk: 'contradiction-months', sk: month }),
  actorsPartition: 'actors',
  actor: (actor: string) => ({ pk: 'actors', sk: actor }),
  /** Possible contradictions waiting for a verdict; an entry leaves the order index once resolved. */
  review: (contradictionId: string) => ({ pk: `review#${contradictionId}`, sk: contradictionId }),
  reviewPartition: 'review',
  /** What happened to alerts in one month (UTC), for the desk's statistics. */
  desk: (at: string, contradictionId: string) => ({ pk: deskPartition(at), sk: contradictionId }),
};

/** `shifts#2026-12-05`: the day (UTC) a shift was recorded. */
export const shiftPartition = (at: string) => `shifts#${at.slice(0, 10)}`;

/** `desk#2026-12`: the month of an ISO timestamp. */
export const deskPartition = (at: string) => `desk#${at.slice(0, 7)}`;
