import * as z from 'zod';

/**
 * Every stored event has this envelope. `version` is the event's position in its stream
 * (gapless from 1); `occurredAt` is when the thing happened in the world (when it was said),
 * `recordedAt` when stancewatch wrote it.
 */
export const EventMetadata = z.object({
  eventId: z.ulid(),
  type: z.string().min(1),
  schemaVersion: z.number().int().positive(),
  streamId: z.string().min(1).max(512),
  version: z.number().int().positive(),
  occurredAt: z.iso.datetime({ offset: true }),
  recordedAt: z.iso.datetime({ offset: true }),
  correlationId: z.string().min(1).max(200),
  causationId: z.string().min(1).max(200).nullable(),
});
export type EventMetadata = z.infer<typeof EventMetadata>;

/** The raw shape read back from storage, before the data is validated against its schema. */
export const RawEvent = EventMetadata.extend({ data: z.unknown() });
export type RawEvent = z.infer<typeof RawEvent>;
