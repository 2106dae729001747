import type * as z from 'zod';
import type { EventMetadata } from './envelope';

/**
 * One event type at its current schema version. Older versions are described by upcasters
 * (see registry.ts) that turn their stored data into the current shape when read, so stored
 * events are never rewritten.
 */
export interface EventDefinition<TType extends string, TData extends z.ZodType> {
  readonly type: TType;
  readonly schemaVersion: number;
  readonly data: TData;
  /** Upcasters keyed by the version they read: `upcasters[1]` turns v1 data into v2 data. */
  readonly upcasters: Readonly<Record<number, (data: unknown) => unknown>>;
}

export function defineEvent<TType extends string, TData extends z.ZodType>(
  type: TType,
  schemaVersion: number,
  data: TData,
  upcasters: Readonly<Record<number, (data: unknown) => unknown>> = {},
): EventDefinition<TType, TData> {
  return { type, schemaVersion, data, upcasters };
}

/** A stored event of one definition: metadata plus validated, current-version data. */
export type EventOf<D> =
  D extends EventDefinition<infer T, infer S> ? Omit<EventMetadata, 'type'> & { type: T; data: z.infer<S> } : never;
