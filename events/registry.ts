import type * as z from 'zod';
import { AlertPublished } from './alert-events';
import type { EventDefinition, EventOf } from './define-event';
import { DocumentIngested, StatementExtracted, StatementRetracted } from './document-events';
import { RawEvent } from './envelope';
import { InvalidEventError, UnknownEventTypeError, UnsupportedSchemaVersionError } from './errors';
import {
  ContradictionDetected,
  PositionChanged,
  PositionReaffirmed,
  PositionTaken,
  StatementWithdrawn,
} from './position-events';
import { ContradictionConfirmed, ContradictionDismissed, StatementRejected } from './review-events';

/** Every event type stancewatch reads and writes. Adding one: define it, then list it here. */
export const eventDefinitions = {
  DocumentIngested,
  StatementExtracted,
  StatementRetracted,
  PositionTaken,
  PositionChanged,
  PositionReaffirmed,
  ContradictionDetected,
  StatementWithdrawn,
  AlertPublished,
  ContradictionConfirmed,
  ContradictionDismissed,
  StatementRejected,
} as const;

type Definitions = typeof eventDefinitions;
export type EventType = keyof Definitions;
export type DomainEvent = { [K in EventType]: EventOf<Definitions[K]> }[EventType];
export type EventOfType<T extends EventType> = Extract<DomainEvent, { type: T }>;
export type EventDataOf<T extends EventType> = EventOfType<T>['data'];

export const isEventType = (type: string): type is EventType => Object.hasOwn(eventDefinitions, type);

/** The schema version new events of this type are written with. */
export const currentSchemaVersion = (type: EventType): number => eventDefinitions[type].schemaVersion;

const describeIssues = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`)
    .join('; ');

/**
 * Turns data stored at `fromVersion` into the definition's current version by running the
 * upcasters in order. A missing step is a programming error caught by the registry test.
 */
export function upcast(definition: EventDefinition<string, z.ZodType>, fromVersion: number, data: unknown): unknown {
  let upcasted = data;
  for (let version = fromVersion; version < definition.schemaVersion; version++) {
    const upcaster = definition.upcasters[version];
    if (!upcaster) {
      throw new InvalidEventError(`no upcaster for ${definition.type} v${version} → v${version + 1}`, {
        details: { type: definition.type, schemaVersion: version },
      });
    }
    upcasted = upcaster(upcasted);
  }
  return upcasted;
}

/**
 * The boundary where untrusted or stored events become typed domain events: validates the
 * envelope, rejects unknown types and versions from the future, upcasts older versions and
 * validates the data against the current schema.
 */
export function parseEvent(raw: unknown): DomainEvent {
  const envelope = RawEvent.safeParse(raw);
  if (!envelope.success) {
    throw new InvalidEventError(`invalid event envelope: ${describeIssues(envelope.error)}`);
  }
  const { type, schemaVersion } = envelope.data;
  if (!isEventType(type)) {
    throw new UnknownEventTypeError(`unknown event type "${type}"`, { details: { type } });
  }
  const definition = eventDefinitions[type] as EventDefinition<string, z.ZodType>;
  if (schemaVersion > definition.schemaVersion) {
    throw new UnsupportedSchemaVersionError(
      `${type} schemaVersion ${schemaVersion} is newer than this stancewatch understands (${definition.schemaVersion})`,
      { details: { type, schemaVersion, supported: definition.schemaVersion, eventId: envelope.data.eventId } },
    );
  }
  const data = definition.data.safeParse(upcast(definition, schemaVersion, envelope.data.data));
  if (!data.success) {
    throw new InvalidEventError(`invalid ${type} data: ${describeIssues(data.error)}`, {
      details: { type, eventId: envelope.data.eventId },
    });
  }
  return { ...envelope.data, type, schemaVersion: definition.schemaVersion, data: data.data } as DomainEvent;
}

/** Validates data for a new event of `type` before it is written, so nothing invalid is stored. */
export function validateEventData<T extends EventType>(type: T, data: unknown): EventDataOf<T> {
  const definition = eventDefinitions[type] as EventDefinition<string, z.ZodType>;
  const parsed = definition.data.safeParse(data);
  if (!parsed.success) {
    throw new InvalidEventError(`invalid ${type} data: ${describeIssues(parsed.error)}`, { details: { type } });
  }
  return parsed.data as EventDataOf<T>;
}
