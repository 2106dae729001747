import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { eventTableDefinition } from '../../shared/adapters/dynamodb/event-table';
import { parkedRecordsTableDefinition } from '../../shared/adapters/dynamodb/parked-records-table';
import { viewsTableDefinition } from '../../shared/adapters/dynamodb/views-table';
import { type CfnResource, logicalIdOf, synth } from './synth';

const byName = <T extends { AttributeName?: string; IndexName?: string }>(items: readonly T[] = []) =>
  [...items].sort((a, b) =>
    String(a.AttributeName ?? a.IndexName).localeCompare(String(b.AttributeName ?? b.IndexName)),
  );

/** The parts of a table both the embedded runtime and CloudFormation declare. */
function shapeOfDefinition(definition: CreateTableCommandInput) {
  return {
    BillingMode: definition.BillingMode,
    KeySchema: definition.KeySchema,
    AttributeDefinitions: byName(definition.AttributeDefinitions),
    GlobalSecondaryIndexes: byName(definition.GlobalSecondaryIndexes),
    LocalSecondaryIndexes: byName(definition.LocalSecondaryIndexes),
    StreamViewType: definition.StreamSpecification?.StreamEnabled
      ? definition.StreamSpecification.StreamViewType
      : undefined,
  };
}

function shapeOfResource(resource: CfnResource) {
  const properties = resource.Properties;
  return {
    BillingMode: properties.BillingMode,
    KeySchema: properties.KeySchema,
    AttributeDefinitions: byName(properties.AttributeDefinitions),
    GlobalSecondaryIndexes: byName(properties.GlobalSecondaryIndexes),
    LocalSecondaryIndexes: byName(properties.LocalSecondaryIndexes),
    StreamViewType: properties.StreamSpecification?.StreamViewType,
  };
}

describe('tables', () => {
  const deployed = synth();
  const events = deployed.json.Resources[logicalIdOf(deployed.stack, deployed.stack.events.table)]!;
  const views = deployed.json.Resources[logicalIdOf(deployed.stack, deployed.stack.views.table)]!;
  const parked = deployed.json.Resources[logicalIdOf(deployed.stack, deployed.stack.parked.table)]!;

  it('declares the events table exactly as the embedded runtime does (keys, byCommit index, stream)', () => {
    expect(shapeOfResource(events)).toEqual(shapeOfDefinition(eventTableDefinition('events')));
    expect(events.Properties.StreamSpecification).toEqual({ StreamViewType: 'NEW_IMAGE' });
    expect(events.Properties.GlobalSecondaryIndexes).toEqual([
      {
        IndexName: 'byCommit',
        KeySchema: [
          { AttributeName: 'gpk', KeyType: 'HASH' },
          { AttributeName: 'gsk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ]);
  });

  it('declares the views table exactly as the embedded runtime does (keys, keys-only byOrder and byActor, no local index)', () => {
    expect(shapeOfResource(views)).toEqual(shapeOfDefinition(viewsTableDefinition('views')));
    expect(views.Properties.LocalSecondaryIndexes).toBeUndefined();
    expect(byName(views.Properties.GlobalSecondaryIndexes)).toEqual([
      {
        IndexName: 'byActor',
        KeySchema: [
          { AttributeName: 'apk', KeyType: 'HASH' },
          { AttributeName: 'osk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
      {
        IndexName: 'byOrder',
        KeySchema: [
          { AttributeName: 'opk', KeyType: 'HASH' },
          { AttributeName: 'osk', KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'KEYS_ONLY' },
      },
    ]);
  });

  it('declares the parked-records table exactly as the embedded runtime does (keys only, no stream)', () => {
    expect(shapeOfResource(parked)).toEqual(shapeOfDefinition(parkedRecordsTableDefinition('parked')));
    expect(parked.Properties.StreamSpecification).toBeUndefined();
  });

  it.each([
    ['events', events],
    ['views', views],
    ['parked', parked],
  ])('%s: on-demand, point-in-time recovery, encrypted with the AWS managed KMS key', (_name, table) => {
    expect(table.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(table.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    // SSEEnabled without a key id = SSE-KMS with aws/dynamodb (the default, AWS owned key, shows no SSESpecification).
    expect(table.Properties.SSESpecification).toEqual({ SSEEnabled: true });
  });

  it.each([
    ['events', events],
    ['views', views],
    ['parked', parked],
  ])('%s: kept and deletion-protected by default', (_name, table) => {
    expect(table.DeletionPolicy).toBe('Retain');
    expect(table.UpdateReplacePolicy).toBe('Retain');
    expect(table.Properties.DeletionProtectionEnabled).toBe(true);
  });

  it('-c throwaway=true: tables are unprotected and deleted with the stack', () => {
    const throwaway = synth({ throwaway: 'true' });
    for (const table of [throwaway.stack.events.table, throwaway.stack.views.table, throwaway.stack.parked.table]) {
      const resource = throwaway.json.Resources[logicalIdOf(throwaway.stack, table)]!;
      expect(resource.DeletionPolicy).toBe('Delete');
      expect(resource.Properties.DeletionProtectionEnabled).toBe(false);
    }
  });
});
