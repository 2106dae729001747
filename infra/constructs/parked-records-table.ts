import { AttributeType, Table } from 'aws-cdk-lib/aws-dynamodb';
import type { Grant, IGrantable } from 'aws-cdk-lib/aws-iam';
import { Construct } from 'constructs';
import { PARKED_TABLE_KEYS } from '../../shared/adapters/dynamodb/parked-records-table';
import { grant, keptTableSettings, type TableProps } from './tables';

/**
 * The parked-records table (shared/adapters/dynamodb/parked-records-table.ts): stream records the
 * projector or alerter set aside, each with its whole commit, until a redrive replays them. Kept
 * like the events table: until a redrive, a parked record is the only place its effect waits.
 */
export class ParkedRecordsTable extends Construct {
  readonly table: Table;

  constructor(scope: Construct, id: string, props: TableProps) {
    super(scope, id);
    this.table = new Table(this, 'Table', {
      partitionKey: { name: PARKED_TABLE_KEYS.partitionKey, type: AttributeType.STRING },
      sortKey: { name: PARKED_TABLE_KEYS.sortKey, type: AttributeType.STRING },
      ...keptTableSettings(props),
    });
  }

  get tableName(): string {
    return this.table.tableName;
  }

  /**
   * A stream consumer's parking and its redrive (DynamoParkingStore): PutItem (the record),
   * UpdateItem (its keys' markers), Query (blocked keys per batch; the records to redrive),
   * DeleteItem (a replayed record, an emptied marker). On this table only.
   */
  grantParkAndRedrive(grantee: IGrantable): Grant {
    return grant(grantee, ['PutItem', 'UpdateItem', 'Query', 'DeleteItem'], [this.table.tableArn]);
  }
}
