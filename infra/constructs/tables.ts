import { RemovalPolicy } from 'aws-cdk-lib';
import {
  AttributeType,
  BillingMode,
  type ITable,
  ProjectionType,
  StreamViewType,
  Table,
  TableEncryption,
} from 'aws-cdk-lib/aws-dynamodb';
import { Grant, type IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { assertGlobalShards, EVENT_TABLE_KEYS } from '../../shared/adapters/dynamodb/event-table';
import { VIEWS_INDEXES, VIEWS_TABLE_KEYS } from '../../shared/adapters/dynamodb/views-table';
import { ENV } from '../../shared/config';

/**
 * The two tables, declared from the same key constants as the embedded runtime's table
 * definitions (test/infra/tables.test.ts checks they stay identical), with grants named after what
 * the code does rather than after DynamoDB actions. Each grant lists the exact calls the adapters
 * in shared/adapters/dynamodb make, on the exact table or index ARN: no wildcard actions, no
 * `index/*` resources.
 */

export interface TableProps {
  /** Deleted with the stack and not deletion-protected (`-c throwaway=true`). */
  throwaway: boolean;
}

const indexArn = (table: ITable, indexName: string) => `${table.tableArn}/index/${indexName}`;

/**
 * What every stancewatch table shares: on-demand; point-in-time recovery (the events are the
 * source of truth, a parked record is the only place its effect waits, and even the rebuildable
 * views are saved a rebuild after a bad deploy, for cents at this size); encrypted with the AWS
 * managed KMS key (aws/dynamodb: auditable in CloudTrail, no key to administer, no kms:* grants
 * for the functions or the stream consumers); kept, deletion-protected, when the stack goes,
 * unless it is a throwaway one.
 */
export const keptTableSettings = (props: TableProps) => ({
  billingMode: BillingMode.PAY_PER_REQUEST,
  pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },
  encryption: TableEncryption.AWS_MANAGED,
  deletionProtection: !props.throwaway,
  removalPolicy: props.throwaway ? RemovalPolicy.DESTROY : RemovalPolicy.RETAIN,
});

export function grant(grantee: IGrantable, actions: string[], resourceArns: string[]): Grant {
  return Grant.addToPrincipal({ grantee, actions: actions.map((action) => `dynamodb:${action}`), resourceArns });
}

export interface EventStoreTableProps extends TableProps {
  /** Shards of the global index (`-c eventShards`): writers and readers get it with the table's name. */
  globalShards: number;
}

export class EventStoreTable extends Construct {
  readonly table: Table;
  readonly globalShards: number;

  constructor(scope: Construct, id: string, props: EventStoreTableProps) {
    super(scope, id);
    this.globalShards = assertGlobalShards(props.globalShards);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: EVENT_TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: EVENT_TABLE_KEYS.sortKey, type: AttributeType.NUMBER },
      // NEW_IMAGE: each record carries the whole commit, so the consumers never read it back.
      stream: StreamViewType.NEW_IMAGE,
      ...keptTableSettings(props),
    });
    this.table.addGlobalSecondaryIndex({
      indexName: EVENT_TABLE_KEYS.globalIndexName,
      partitionKey: { name: EVENT_TABLE_KEYS.globalPartitionKey, type: AttributeType.STRING },
      sortKey: { name: EVENT_TABLE_KEYS.globalSortKey, type: AttributeType.STRING },
      projectionType: ProjectionType.KEYS_ONLY,
    });
  }

  get tableName(): string {
    return this.table.tableName;
  }

  /**
   * What a function using the table is told: its name and its global index's shard count, always
   * together, so no writer or reader can run with another count than the table's.
   */
  get environment(): Record<string, string> {
    return { [ENV.eventsTable]: this.table.tableName, [ENV.eventsGlobalShards]: String(this.globalShards) };
  }

  /**
   * appendToStream: a conditional PutItem of the next commit, after a Query of the stream's head
   * (expected version > 0) or of its commits (an append that lost a race, to tell a retry from a
   * conflict).
   */
  grantAppend(grantee: IGrantable): Grant {
    return grant(grantee, ['PutItem', 'Query'], [this.table.tableArn]);
  }

  /** readStream: Query of one stream's commits. */
  grantReadStreams(grantee: IGrantable): Grant {
    return grant(grantee, ['Query'], [this.table.tableArn]);
  }

  /** readAll (GET /events, replay): keys from the keys-only `byCommit` index, then BatchGetItem. */
  grantReadLog(grantee: IGrantable): Grant {
    grant(grantee, ['Query'], [indexArn(this.table, EVENT_TABLE_KEYS.globalIndexName)]);
    return grant(grantee, ['BatchGetItem'], [this.table.tableArn]);
  }

  /** The unique-key registry (duplicate documents): conditional PutItem, then GetItem of the owner. */
  grantClaimUniqueKeys(grantee: IGrantable): Grant {
    return grant(grantee, ['PutItem', 'GetItem'], [this.table.tableArn]);
  }
}

export class ViewsTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: TableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: VIEWS_TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: VIEWS_TABLE_KEYS.sortKey, type: AttributeType.STRING },
      ...keptTableSettings(props),
    });
    // Keys-only global indexes (views-table.ts): an index write only when an item enters or leaves
    // one; lists fetch their page's items with BatchGetItem.
    for (const index of VIEWS_INDEXES) {
      this.table.addGlobalSecondaryIndex({
        indexName: index.name,
        partitionKey: { name: index.partitionKey, type: AttributeType.STRING },
        sortKey: { name: index.sortKey, type: AttributeType.STRING },
        projectionType: ProjectionType.KEYS_ONLY,
      });
    }
  }

  get tableName(): string {
    return this.table.tableName;
  }

  /** The projector's writes: UpdateItem (conditional SET/ADD/REMOVE) and DeleteItem per view item. */
  grantProject(grantee: IGrantable): Grant {
    return grant(grantee, ['UpdateItem', 'DeleteItem'], [this.table.tableArn]);
  }

  /**
   * The API's reads: GetItem by id, Query of a partition in sort-key order or of a keys-only index
   * (`byOrder`, `byActor`: time order), then BatchGetItem of the page's items.
   */
  grantRead(grantee: IGrantable): Grant {
    grant(
      grantee,
      ['Query'],
      VIEWS_INDEXES.map((index) => indexArn(this.table, index.name)),
    );
    return grant(grantee, ['GetItem', 'Query', 'BatchGetItem'], [this.table.tableArn]);
  }
}
